package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Generic filter names, used as Removal.Reason.
const (
	FilterTitle        = "generic:title"
	FilterCaption      = "generic:caption"
	FilterChromeClass  = "generic:chrome-class"
	FilterLinkDense    = "generic:link-dense"
	FilterPhrase       = "generic:phrase"
	FilterCommentsTail = "generic:comments-tail"
	FilterOverlay      = "generic:overlay"
	FilterOrphanHead   = "generic:orphan-heading"
	FilterMarkup       = "generic:markup"
	FilterDateline     = "generic:dateline"
	FilterByline       = "generic:byline"
	// FilterGapFill marks kept blocks put back from the raw page (a reason
	// for keeping, not for dropping).
	FilterGapFill = "generic:gap-fill"
)

// Thresholds of the generic filters, in bytes of block text.
const (
	shortBlock   = 220 // chrome-class and phrase filters only touch blocks this short
	captionBlock = 300
	linkShort    = 250
	longChrome   = 1000 // strong chrome words (author boxes, newsletters) reach this far
)

// genericReason returns why a block of readability's output is chrome, or
// "" when no generic filter objects. root bounds the ancestor walk.
func genericReason(b *block, f *filterCtx) string {
	titleNorm := f.titleNorm
	n := len(b.text)
	switch {
	case titleNorm != "" && b.norm == titleNorm:
		return FilterTitle
	case strings.HasPrefix(b.text, "<") && markupLeak.MatchString(b.text):
		return FilterMarkup
	case b.caption && n <= captionBlock, n <= captionBlock && f.hasClassWord(b.node, setCaption) && creditLike(b):
		return FilterCaption
	case n <= 120 && creditWords(b.norm) && creditPhrase.MatchString(b.text):
		return FilterCaption
	case n <= captionBlock && creditLine(b), n <= 200 && tailCreditLike(b.text) && tailCredit.MatchString(b.text),
		n <= longChrome && (b.caption || n <= captionBlock) && figureLabel.MatchString(b.text),
		n <= captionBlock && (strings.HasPrefix(b.norm, "vergrößern ") || strings.HasPrefix(b.norm, "enlarge ")):
		return FilterCaption
	case n <= shortBlock && f.hasClassWord(b.node, setChrome), n <= longChrome && f.hasClassWord(b.node, setStrongChrome):
		return FilterChromeClass
	case b.linkDensity() >= 0.8, n <= linkShort && b.linkDensity() >= 0.5:
		return FilterLinkDense
	case n <= shortBlock && chromePhrase.MatchString(head(b.text)), n <= captionBlock && copyrightLike(b) && copyrightSign.MatchString(b.text):
		return FilterPhrase
	case n <= longChrome && supportPrompt.MatchString(head(b.text)):
		return FilterPhrase
	case n <= 120 && isHeading(b) && moreHeading.MatchString(b.text):
		return FilterPhrase
	case n <= 2000 && strings.IndexByte("WDNFPS", b.text[0]) >= 0 && phpError.MatchString(head(b.text)):
		return FilterMarkup
	case n <= 500 && postMeta.MatchString(head(b.text)), n <= 120 && metaLines(b):
		return FilterDateline
	case dateOnly(b):
		return FilterDateline
	case n <= 80 && (f.bylineNorm != "" && b.norm == f.bylineNorm || bylinePhrase.MatchString(b.text)):
		return FilterByline
	case n <= 100 && !strings.ContainsAny(b.text[n-1:], ".!?:") && f.imageCaption(b):
		return FilterCaption
	}
	return ""
}

// creditLike: captions inside a media container are dropped when short or
// credit-shaped; a long paragraph inside a "media" wrapper is article text.
func creditLike(b *block) bool {
	return len(b.text) <= 120 || creditWords(b.norm) && creditPhrase.MatchString(b.text)
}

// creditLine reports a short block one of whose <br>-separated lines is a
// credit: a caption and its "Photo: ..." line often share one cell or font
// element, so the credit is not at the start of the block.
func creditLine(b *block) bool {
	if !strings.Contains(b.text, "\n") || !creditWords(b.norm) {
		return false
	}
	for line := range strings.SplitSeq(b.text, "\n") {
		if len(line) <= 120 && creditPhrase.MatchString(line) {
			return true
		}
	}
	return false
}

// tailCreditLike is a cheap test before tailCredit runs: the words or
// signs every match holds.
func tailCreditLike(s string) bool {
	if strings.Contains(s, "©") || strings.Contains(s, "(c)") {
		return true
	}
	for _, w := range []string{"Photo", "Foto", "Bild", "Image", "Picture", "Credit"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// metaLines reports a short block whose every line is post metadata or a
// date.
func metaLines(b *block) bool {
	for line := range strings.SplitSeq(b.text, "\n") {
		if !metaLine.MatchString(line) && !dateOnly(&block{text: line, norm: normText(line)}) {
			return false
		}
	}
	return true
}

// creditHints are the folded words one of which every creditPhrase match
// holds; checking them first spares the regexp on most blocks.
var creditHints = []string{"photo", "image", "picture", "foto", "bild", "credit", "quelle", "source",
	"abb", "fig", "getty", "shutterstock", "istock", "ap", "afp", "reuters", "dpa", "epa", "alliance"}

func creditWords(norm string) bool {
	for _, h := range creditHints {
		if len(h) > 3 {
			if strings.Contains(norm, h) {
				return true
			}
		} else if hasWord(norm, h) {
			return true
		}
	}
	return false
}

// hasWord reports w as a whole word of the folded text norm: short hints
// such as "ap" sit inside too many ordinary words.
func hasWord(norm, w string) bool {
	for i := 0; i+len(w) <= len(norm); {
		j := strings.Index(norm[i:], w)
		if j < 0 {
			return false
		}
		j += i
		if (j == 0 || norm[j-1] == ' ') && (j+len(w) == len(norm) || norm[j+len(w)] == ' ') {
			return true
		}
		i = j + 1
	}
	return false
}

// filterCtx is what the generic filters know about the whole article.
type filterCtx struct {
	root       *html.Node
	titleNorm  string
	textLen    map[*html.Node]int // text bytes under each element of the article
	total      int
	bylineNorm string
	// classMemo caches, per element, which class-word sets its own tokens
	// match: bit 2k set once set k is checked, bit 2k+1 when it matched.
	// Blocks share ancestors, so each element's tokens are split once.
	classMemo map[*html.Node]uint8
}

// Class-word sets hasClassWord knows, by index into classSets.
const (
	setCaption = iota
	setChrome
	setStrongChrome
)

var classSets = [...]map[string]bool{setCaption: captionClassWords, setChrome: chromeClassWords, setStrongChrome: strongChromeWords}

func newFilterCtx(blocks []block, root *html.Node, title string) *filterCtx {
	f := &filterCtx{root: root, titleNorm: normText(title), textLen: map[*html.Node]int{}, classMemo: map[*html.Node]uint8{}}
	for i := range blocks {
		n := len(blocks[i].text)
		f.total += n
		for p := blocks[i].node; p != nil && p != root; p = p.Parent {
			f.textLen[p] += n
		}
	}
	return f
}

// maxChromeShare: an element holding this share of the article's text is
// the article's own container, whatever its classes say (WordPress puts
// "tag-..." and "comments-open" on the article element itself).
const maxChromeShare = 0.4

// hasClassWord reports whether n or an ancestor below the article root
// carries a class/id word from classSets[set].
func (f *filterCtx) hasClassWord(n *html.Node, set int) bool {
	for p := n; p != nil && p != f.root; p = p.Parent {
		if p.Type != html.ElementNode || len(p.Attr) == 0 || float64(f.textLen[p]) >= maxChromeShare*float64(f.total) {
			continue
		}
		if f.ownClassWord(p, set) {
			return true
		}
	}
	return false
}

func (f *filterCtx) ownClassWord(p *html.Node, set int) bool {
	memo := f.classMemo[p]
	checked, hit := uint8(1)<<(2*set), uint8(1)<<(2*set+1)
	if memo&checked == 0 {
		memo |= checked
		for _, t := range nodeTokens(p) {
			if tokenHasWord(t, classSets[set]) {
				memo |= hit
				break
			}
		}
		f.classMemo[p] = memo
	}
	return memo&hit != 0
}

// tokenHasWord matches a class/id token against words: by its parts, and
// for long distinctive words also inside run-together names
// ("sharingtools", "relatedposts"; a joined "author-box" matches "authorbox").
func tokenHasWord(t string, words map[string]bool) bool {
	parts := chromeWords(t)
	for i, w := range parts {
		// Neighbouring parts joined: "author-box--content" holds "authorbox".
		if words[w] || i > 0 && words[parts[i-1]+w] {
			return true
		}
	}
	lt := strings.ToLower(t)
	joined := lt
	if strings.ContainsAny(lt, "-_") {
		joined = stripSeparators(lt)
	}
	if words[joined] {
		return true
	}
	for _, w := range runTogetherWords {
		if words[w] && strings.Contains(lt, w) {
			return true
		}
	}
	return false
}

// stripSeparators joins a token's parts: "author-box" -> "authorbox".
func stripSeparators(t string) string {
	b := make([]byte, 0, len(t))
	for i := 0; i < len(t); i++ {
		if t[i] != '-' && t[i] != '_' {
			b = append(b, t[i])
		}
	}
	return string(b)
}

// runTogetherWords are chrome words distinctive enough to find inside a
// longer class name. "comment" is not one: "commentary" holds articles.
var runTogetherWords = []string{"newsletter", "breadcrumb", "byline", "caption", "copyright",
	"disclaimer", "sidebar", "outbrain", "taboola", "pagination", "subscribe", "sharing", "social", "related", "author"}

// isHeading reports blocks that introduce what follows them.
func isHeading(b *block) bool {
	if b.node != nil && b.node.Type == html.ElementNode {
		switch b.node.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			return len(b.text) <= 120
		}
	}
	// Outside h1-h6 only a short label ending in a colon or set in
	// capitals ("Recent News:", "TOP STORIES") introduces a list.
	return len(b.text) <= 50 && (strings.HasSuffix(b.text, ":") || strings.ToUpper(b.text) == b.text && strings.ToLower(b.text) != b.text)
}

// imageCaption reports a short block that shares a small container with an
// image and nothing else: the caption under a picture.
func (f *filterCtx) imageCaption(b *block) bool {
	p := b.node
	for range 3 {
		if p == nil || p == f.root || f.textLen[p] > len(b.text) {
			return false
		}
		if hasImage(p) {
			return true
		}
		p = p.Parent
	}
	return false
}

func hasImage(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Img || c.DataAtom == atom.Picture || hasImage(c)) {
			return true
		}
	}
	return false
}

// phraseHead is how much of a block chromePhrase needs to see: every
// alternative is anchored at the start, and those anchored at the end too
// are far shorter, so a longer block cannot match them anyway.
const phraseHead = 64

func head(s string) string {
	if len(s) <= phraseHead {
		return s
	}
	return truncate(s, phraseHead)
}

// copyrightLike is a cheap test on the folded text before copyrightSign runs.
func copyrightLike(b *block) bool {
	return strings.Contains(b.text, "©") || strings.HasPrefix(b.norm, "c ") ||
		strings.Contains(b.norm, "copyright") || strings.Contains(b.norm, "reserv") || strings.Contains(b.norm, "vorbehalten")
}
