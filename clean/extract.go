package clean

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// ExtractorVersion names the cleaning code; stored with each raw page so a
// page can be re-cleaned when the extractor changes.
const ExtractorVersion = "clean/2"

// minArticle is the kept text (bytes) below which a pruned page is
// extracted again without pruning: the rules took too much.
const minArticle = 300

// Result is a cleaned document.
type Result struct {
	Title     string
	Byline    string
	SiteName  string
	Language  string
	Published time.Time
	// Paragraphs are the body's blocks in order; Text joins them with blank lines.
	Paragraphs []string
	Text       string
	// Removed lists every dropped block with the rule id or generic filter
	// (a Filter constant) that dropped it.
	Removed []Removal
	// Blocks lists every candidate block in order, kept or dropped: the
	// containers pruned before readability first, then readability's blocks.
	Blocks []Block
}

// Removal records one dropped block and the rule or filter that dropped it.
type Removal struct {
	Text   string
	Reason string
}

// Block is one candidate block: its text, its DOM path, whether it was kept
// and, when dropped, why (a rule id or a Filter constant). A kept block
// may carry a reason too: the keep rule or "jsonld:articleBody" that saved it.
type Block struct {
	Text, Path, Reason string
	Kept               bool
}

// reasonJSONLD marks kept blocks protected by the page's JSON-LD articleBody.
const reasonJSONLD = "jsonld:articleBody"

// Extract cleans one page. html must be UTF-8 (see DecodeHTML); pageURL
// resolves relative links and may be nil. The zero Rules applies only the
// generic filters. Only active and pinned rules are applied; a rule whose
// selector or regexp does not compile is an error wrapping ErrBadRule.
func Extract(html []byte, pageURL *url.URL, rules Rules) (Result, error) {
	rs, err := compile(rules)
	if err != nil {
		return Result{}, err
	}
	res, pruned, err := extract(html, pageURL, rs, true)
	if err != nil {
		return res, err
	}
	if pruned && len(res.Text) < minArticle {
		// The guard: learned pruning may not fit a page the site lays out
		// differently; keep whichever result holds more article.
		if plain, _, err := extract(html, pageURL, rs, false); err == nil && len(plain.Text) > len(res.Text) {
			res = plain
		}
	}
	return res, nil
}

func extract(page []byte, pageURL *url.URL, rs *ruleSet, prune bool) (Result, bool, error) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return Result{}, false, fmt.Errorf("parse html: %w", err)
	}
	scan := scanPage(doc)
	ldParas := scan.ldParagraphs()
	ld := normText(strings.Join(ldParas, "\n"))
	h1s := scan.h1s
	var pr pruneResult
	removeSelected(doc, rs, &pr)
	var bodyNodes []*html.Node
	if rs.body != nil {
		bodyNodes = detachAll(cascadia.QueryAll(doc, rs.body.sel))
	}
	var raw *rawPage
	pruned := false
	if len(bodyNodes) == 0 {
		raw = newRawPage(doc, rs, scan.title)
		pruneOverlays(raw, ld, &pr)
		if prune {
			before := len(pr.removed)
			pruneTemplate(raw, rs, ld, &pr)
			pruned = len(pr.removed) > before
		}
	}
	res, root, err := readable(doc, pageURL)
	if err != nil {
		return Result{}, false, err
	}
	res.Title = siteTitle(betterTitle(res.Title, h1s), h1s, rs)
	var blocks []block
	if len(bodyNodes) > 0 {
		root = nil
		for _, n := range bodyNodes {
			blocks = append(blocks, segment(n, true)...)
		}
	} else if root != nil {
		blocks = segment(root, false)
	}
	res.Removed, res.Blocks = pr.removed, pr.blocks
	out := decide(&res, blocks, root, rs, ld)
	if ldSize := textSize(ldParas); ldSize > 500 && 2*ldSize > 3*len(res.Text) {
		// The page declares a body much longer than what readability
		// found: readability chose a teaser or a fragment.
		res = withParagraphs(res, ldParas, FallbackJSONLD)
	} else if wrongPick(out, raw) {
		res = withParagraphs(res, proseParagraphs(raw), FallbackDense)
	} else {
		gapFill(&res, out, raw)
	}
	return res, pruned, nil
}

func detachAll(ns []*html.Node) []*html.Node {
	var out []*html.Node
	for _, n := range ns {
		if n.Parent != nil && !insideAny(n, out, func(x *html.Node) *html.Node { return x }) {
			n.Parent.RemoveChild(n)
			out = append(out, n)
		}
	}
	return out
}

// outNorms are the folded texts of what decide kept and dropped, for the
// checks against the raw page that follow.
type outNorms struct {
	kept    []string
	dropped []string
	size    int // bytes of kept text
}

// decide runs the rules and filters over readability's blocks and fills
// the text fields of res.
func decide(res *Result, blocks []block, root *html.Node, rs *ruleSet, ld string) outNorms {
	reasons := make([]string, len(blocks))
	kept := make([]bool, len(blocks))
	fixed := make([]bool, len(blocks)) // kept by a keep rule or JSON-LD: filters may not drop
	f := newFilterCtx(blocks, root, res.Title)
	f.bylineNorm = normText(res.Byline)
	for i := range blocks {
		b := &blocks[i]
		switch id := rs.keep(b); {
		case id != "":
			kept[i], fixed[i], reasons[i] = true, true, id
		case protected(b, ld):
			kept[i], fixed[i], reasons[i] = true, true, reasonJSONLD
		default:
			if reasons[i] = rs.drop(b); reasons[i] == "" {
				reasons[i] = genericReason(b, f)
			}
			kept[i] = reasons[i] == ""
		}
	}
	cutCommentTail(blocks, kept, fixed, reasons)
	dropOrphanHeadings(blocks, kept, fixed, reasons)
	var out outNorms
	for i := range blocks {
		b := &blocks[i]
		res.Blocks = append(res.Blocks, Block{Text: b.text, Path: nodePath(b.node), Reason: reasons[i], Kept: kept[i]})
		if kept[i] {
			res.Paragraphs = append(res.Paragraphs, b.text)
			out.kept = append(out.kept, b.norm)
			out.size += len(b.text)
		} else {
			res.Removed = append(res.Removed, Removal{Text: b.text, Reason: reasons[i]})
			out.dropped = append(out.dropped, b.norm)
		}
	}
	res.Text = strings.Join(res.Paragraphs, "\n\n")
	return out
}

// cutCommentTail drops everything from a comment-section heading on, when
// the heading comes after the start of the article.
func cutCommentTail(blocks []block, kept, fixed []bool, reasons []string) {
	total, seen := 0, 0
	for i := range blocks {
		if kept[i] {
			total += len(blocks[i].text)
		}
	}
	for i := range blocks {
		b := &blocks[i]
		if !fixed[i] && len(b.text) <= 60 && seen > 0 && seen*3 >= total && commentHeading.MatchString(b.text) {
			if kept[i] {
				kept[i], reasons[i] = false, FilterCommentsTail
			}
			for j := i + 1; j < len(blocks); j++ {
				if !fixed[j] && kept[j] {
					kept[j], reasons[j] = false, FilterCommentsTail
				}
			}
			return
		}
		if kept[i] {
			seen += len(b.text)
		}
	}
}

// dropOrphanHeadings drops a heading ("Recent News:", "More on this") whose
// every following block up to the next heading was dropped.
func dropOrphanHeadings(blocks []block, kept, fixed []bool, reasons []string) {
	for i := len(blocks) - 1; i >= 0; i-- {
		if !kept[i] || fixed[i] || !isHeading(&blocks[i]) {
			continue
		}
		followers, keptAfter := 0, false
		for j := i + 1; j < len(blocks) && !(kept[j] && isHeading(&blocks[j])); j++ {
			followers++
			keptAfter = keptAfter || kept[j]
		}
		if followers > 0 && !keptAfter {
			kept[i], reasons[i] = false, FilterOrphanHead
		}
	}
}
