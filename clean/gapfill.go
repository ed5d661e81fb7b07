package clean

import (
	"strings"

	"golang.org/x/net/html"
)

// Readability sometimes drops pieces of the article it chose: a lead
// paragraph in a sibling container, sub-headings, an ingredient list it
// judged link- or list-like. gapFill puts back the page's own prose that
// sits between (or just before) the blocks readability kept and that no
// rule or filter objects to.

// Gap-filling limits: a lead before the first kept block must look like
// prose, and only a few blocks before it are considered.
const (
	leadWindow  = 3
	leadMinLen  = 60
	gapMinLen   = 60
	gapMaxLinks = 0.3
)

// rawBlock is a block of the raw page judged before readability runs,
// while its ancestors are still in place.
type rawBlock struct {
	text, norm string
	ok         bool // prose no rule or filter objects to
	prose      bool // ok, long, and outside comment sections: fallback material
}

// judgeRaw segments the raw page and marks the blocks gapFill may use.
func judgeRaw(doc *html.Node, rs *ruleSet, title string) []rawBlock {
	body := findBody(doc)
	blocks := segment(body, true)
	f := newFilterCtx(blocks, body, title)
	out := make([]rawBlock, len(blocks))
	for i := range blocks {
		b := &blocks[i]
		out[i] = rawBlock{text: b.text, norm: b.norm}
		out[i].ok = len(b.text) >= gapMinLen && strings.ContainsAny(b.text, ".!?:;") && b.linkDensity() <= gapMaxLinks && !b.caption &&
			!inFurniture(b.node) && rs.drop(b) == "" && genericReason(b, f) == ""
		out[i].prose = out[i].ok && len(b.text) >= 80 && !underClassWord(b.node, commentClassWords)
	}
	return out
}

// gapFill inserts usable raw blocks missing from res into its paragraphs,
// in page order, and records them in Blocks with reason FilterGapFill.
func gapFill(res *Result, raw []rawBlock) {
	if len(res.Paragraphs) == 0 || len(raw) == 0 {
		return
	}
	outIdx := make(map[string]int, len(res.Paragraphs))
	var all strings.Builder
	for i, p := range res.Paragraphs {
		n := normText(p)
		outIdx[n] = i
		all.WriteString(n)
		all.WriteByte('\n')
	}
	for _, r := range res.Removed {
		all.WriteString(normText(r.Text))
		all.WriteByte('\n')
	}
	seen := all.String()
	first, last := -1, -1
	for i := range raw {
		if _, ok := outIdx[raw[i].norm]; ok {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return
	}
	inserts := map[int][]string{} // after paragraph index (-1: before all)
	after := -1
	for i := max(0, first-leadWindow); i <= last; i++ {
		r := &raw[i]
		if at, ok := outIdx[r.norm]; ok {
			after = at
			continue
		}
		if !r.ok || strings.Contains(seen, r.norm) || i < first && len(r.text) < leadMinLen {
			continue
		}
		inserts[after] = append(inserts[after], r.text)
	}
	if len(inserts) == 0 {
		return
	}
	paras := append([]string(nil), inserts[-1]...)
	for i, p := range res.Paragraphs {
		paras = append(paras, p)
		paras = append(paras, inserts[i]...)
	}
	res.Blocks = insertBlocks(res.Blocks, inserts)
	res.Paragraphs = paras
	res.Text = strings.Join(paras, "\n\n")
}

var commentClassWords = map[string]bool{
	"comment": true, "comments": true, "reply": true, "replies": true, "respond": true,
	"discussion": true, "disqus": true, "forum": true, "kommentar": true, "kommentare": true,
}

// underClassWord reports whether n or any ancestor carries a word of words.
func underClassWord(n *html.Node, words map[string]bool) bool {
	for p := n; p != nil; p = p.Parent {
		for _, t := range nodeTokens(p) {
			for _, w := range chromeWords(t) {
				if words[w] {
					return true
				}
			}
		}
	}
	return false
}

// missedProse returns the page's prose paragraphs absent from res, and
// their total size.
func missedProse(res *Result, raw []rawBlock) ([]string, int) {
	var all strings.Builder
	for _, p := range res.Paragraphs {
		all.WriteString(normText(p))
		all.WriteByte('\n')
	}
	seen := all.String()
	var out []string
	size := 0
	for i := range raw {
		if raw[i].prose && !strings.Contains(seen, raw[i].norm) {
			out = append(out, raw[i].text)
			size += len(raw[i].text)
		}
	}
	return out, size
}

// wrongPick reports whether readability most likely chose the wrong part
// of the page: the prose it left out outweighs what it kept several times.
func wrongPick(res *Result, raw []rawBlock) bool {
	_, missed := missedProse(res, raw)
	return missed > 1000 && missed > 3*len(res.Text)
}

// proseParagraphs is the fallback body built from the raw page's prose.
func proseParagraphs(raw []rawBlock) []string {
	var out []string
	for i := range raw {
		if raw[i].prose {
			out = append(out, raw[i].text)
		}
	}
	return out
}

// insertBlocks places the put-back texts in Blocks where they landed in
// Paragraphs: after the kept block with the same paragraph index.
func insertBlocks(blocks []Block, inserts map[int][]string) []Block {
	out := make([]Block, 0, len(blocks)+len(inserts))
	add := func(i int) {
		for _, t := range inserts[i] {
			out = append(out, Block{Text: t, Reason: FilterGapFill, Kept: true})
		}
	}
	kept := 0
	for _, b := range blocks {
		if b.Kept && kept == 0 {
			add(-1)
		}
		out = append(out, b)
		if b.Kept {
			add(kept)
			kept++
		}
	}
	return out
}
