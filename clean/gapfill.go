package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
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

// rawPage is the raw page's blocks, segmented once before readability.
// readability works on clones of the tree, so the blocks' elements keep
// their ancestors; the checks that need them run lazily, for the few
// blocks missing from the article.
type rawPage struct {
	body    *html.Node
	blocks  []block
	rs      *ruleSet
	title   string
	f       *filterCtx
	checked []int8 // 0 unknown, 1 usable, -1 not
}

func newRawPage(doc *html.Node, rs *ruleSet, title string) *rawPage {
	body := findBody(doc)
	blocks := segment(body, true)
	return &rawPage{body: body, blocks: blocks, rs: rs, title: title, checked: make([]int8, len(blocks))}
}

// ok reports whether block i is prose that no rule or filter objects to
// and that pruning left in the page.
func (r *rawPage) ok(i int) bool {
	if r.checked[i] == 0 {
		r.checked[i] = -1
		if r.usable(&r.blocks[i]) {
			r.checked[i] = 1
		}
	}
	return r.checked[i] > 0
}

func (r *rawPage) usable(b *block) bool {
	if len(b.text) < gapMinLen || !strings.ContainsAny(b.text, ".!?:;") || b.linkDensity() > gapMaxLinks || b.caption {
		return false
	}
	if !contains(r.body, b.node) || inFurniture(b.node) || r.rs.drop(b) != "" {
		return false
	}
	return genericReason(b, r.filters()) == ""
}

// filters is the generic filters' view of the whole raw page.
func (r *rawPage) filters() *filterCtx {
	if r.f == nil {
		r.f = newFilterCtx(r.blocks, r.body, r.title)
	}
	return r.f
}

// prose reports whether block i may stand in for the article: usable,
// long, and outside comment sections.
func (r *rawPage) prose(i int) bool {
	b := &r.blocks[i]
	return len(b.text) >= 80 && r.ok(i) && !underClassWord(b.node, commentClassWords)
}

// gapFill inserts usable raw blocks missing from res into its paragraphs,
// in page order, and records them in Blocks with reason FilterGapFill.
func gapFill(res *Result, out outNorms, raw *rawPage) {
	if raw == nil || len(out.kept) == 0 || len(raw.blocks) == 0 {
		return
	}
	outIdx := make(map[string]int, len(out.kept))
	for i, n := range out.kept {
		outIdx[n] = i
	}
	seen := strings.Join(out.kept, "\n") + "\n" + strings.Join(out.dropped, "\n")
	// Blocks pruned before readability are gone from the page; they must
	// not use up the lead window.
	var present []int
	for i := range raw.blocks {
		if contains(raw.body, raw.blocks[i].node) {
			present = append(present, i)
		}
	}
	first, last := -1, -1
	for k, i := range present {
		if _, ok := outIdx[raw.blocks[i].norm]; ok {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	if first < 0 {
		return
	}
	inserts := map[int][]string{} // after paragraph index (-1: before all)
	from := max(0, first-leadWindow)
	if k := leadBefore(raw, present, first, seen); k >= 0 {
		inserts[-1] = append(inserts[-1], raw.blocks[present[k]].text)
		from = max(from, k+1)
	}
	after := -1
	for k := from; k <= last; k++ {
		i := present[k]
		r := &raw.blocks[i]
		if at, ok := outIdx[r.norm]; ok {
			after = at
			continue
		}
		if k < first && len(r.text) < leadMinLen || strings.Contains(seen, r.norm) || !raw.ok(i) {
			continue
		}
		inserts[after] = append(inserts[after], r.text)
	}
	if tail := tailAfter(raw, present, last, seen); len(tail) > 0 {
		inserts[after] = append(inserts[after], tail...)
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

// missedProse returns the size of the page's prose paragraphs absent
// from res, or any size no more than limit once it is clear the total
// cannot exceed limit: the prose checks are the dear part, and the
// blocks that pass the cheap ones usually add up to little.
func missedProse(out outNorms, raw *rawPage, limit int) int {
	seen := strings.Join(out.kept, "\n")
	exact := make(map[string]bool, len(out.kept))
	for _, n := range out.kept {
		exact[n] = true
	}
	var cands []int
	bound := 0
	for i := range raw.blocks {
		b := &raw.blocks[i]
		if len(b.text) >= 80 && !exact[b.norm] && !strings.Contains(seen, b.norm) {
			cands = append(cands, i)
			bound += len(b.text)
		}
	}
	if bound <= limit {
		return bound
	}
	size := 0
	for _, i := range cands {
		if raw.prose(i) {
			size += len(raw.blocks[i].text)
		}
	}
	return size
}

// wrongPick reports that readability chose the wrong part of the page:
// the raw page holds much more prose than it kept.
func wrongPick(out outNorms, raw *rawPage) bool {
	if raw == nil {
		return false
	}
	// missed > 1000 && missed > 3*size || size < shortArticle && missed > 2*size
	limit := max(1000, 3*out.size)
	if out.size < shortArticle {
		limit = min(limit, 2*out.size)
	}
	return missedProse(out, raw, limit) > limit
}

// proseParagraphs is the fallback body built from the raw page's prose.
func proseParagraphs(raw *rawPage) []string {
	var out []string
	for i := range raw.blocks {
		if raw.prose(i) {
			out = append(out, raw.blocks[i].text)
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

// leadSearch is how far before the article a standfirst may sit, past
// bylines, dates, pictures and share buttons; leadLen is its least size.
const (
	leadSearch = 12
	leadLen    = 100
)

// leadBefore finds the standfirst readability left out: the nearest usable
// paragraph before the first kept one, not beyond the page's h1. It returns
// its index in present, or -1.
func leadBefore(raw *rawPage, present []int, first int, seen string) int {
	for k := first - 1; k >= 0 && k >= first-leadSearch; k-- {
		b := &raw.blocks[present[k]]
		if b.node != nil && b.node.DataAtom == atom.H1 {
			return -1
		}
		if len(b.text) >= leadLen && !strings.Contains(seen, b.norm) && raw.ok(present[k]) {
			return k
		}
	}
	return -1
}
