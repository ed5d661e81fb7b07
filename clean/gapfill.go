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
	for _, list := range inserts {
		for _, t := range list {
			res.Blocks = append(res.Blocks, Block{Text: t, Reason: FilterGapFill, Kept: true})
		}
	}
	res.Paragraphs = paras
	res.Text = strings.Join(paras, "\n\n")
}
