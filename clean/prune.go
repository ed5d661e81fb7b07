package clean

import (
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Pruning guards: template pruning is skipped when it would take more than
// maxPrunedShare of the page's text, and a single container is spared when
// it alone holds more than maxContainerShare (it is the article, whatever
// its path says).
const (
	maxPrunedShare    = 0.5
	maxContainerShare = 0.3
)

// pruneResult is what pruning took out of the raw page.
type pruneResult struct {
	removed []Removal
	blocks  []Block
}

func (p *pruneResult) record(n *html.Node, reason string) {
	p.recordText(n, reason, collapseSpace(textOf(n)))
}

func (p *pruneResult) recordText(n *html.Node, reason, text string) {
	if text == "" {
		return
	}
	p.removed = append(p.removed, Removal{Text: text, Reason: reason})
	p.blocks = append(p.blocks, Block{Text: text, Path: nodePath(n), Reason: reason})
}

// removeSelected detaches the elements matched by manual remove rules.
func removeSelected(doc *html.Node, rs *ruleSet, p *pruneResult) {
	for _, r := range rs.remove {
		for _, n := range cascadia.QueryAll(doc, r.sel) {
			if n.Parent != nil {
				p.record(n, r.id)
				n.Parent.RemoveChild(n)
			}
		}
	}
}

// pruneTemplate detaches learned template containers and blocks from the
// raw page so that readability scores what is left, unless the guards say
// the rules no longer fit this page.
func pruneTemplate(page *rawPage, rs *ruleSet, ldBody string, p *pruneResult) {
	if len(rs.template) == 0 && len(rs.paths) == 0 {
		return
	}
	body, raw := page.body, page.blocks
	total := 0
	for i := range raw {
		total += len(raw[i].text)
	}
	type cut struct {
		n      *html.Node
		reason string
		size   int
		text   string
	}
	var cuts []cut
	cutSize := 0
	for _, c := range containerTexts(raw, templateContainers(body, rs), ldBody) {
		if c.safe && float64(c.size) <= maxContainerShare*float64(total) {
			cuts = append(cuts, cut{c.n, c.id, c.size, c.text})
			cutSize += c.size
		}
	}
	for i := range raw {
		b := &raw[i]
		id, ok := rs.template[b.norm]
		if !ok || protected(b, ldBody) || !soleBlock(raw, i) || insideAny(b.node, cuts, func(c cut) *html.Node { return c.n }) {
			continue
		}
		cuts = append(cuts, cut{b.node, id, len(b.text), oneLine(b.text)})
		cutSize += len(b.text)
	}
	if total == 0 || float64(cutSize) > maxPrunedShare*float64(total) {
		return
	}
	for _, c := range cuts {
		if c.n.Parent != nil {
			p.recordText(c.n, c.reason, c.text)
			c.n.Parent.RemoveChild(c.n)
		}
	}
}

// oneLine joins a block's <br> lines for a Removal.
func oneLine(s string) string {
	return strings.ReplaceAll(s, "\n", " ")
}

type pathHit struct {
	n  *html.Node
	id string
}

// templateContainers finds the outermost elements whose DOM path is a
// learned template path.
func templateContainers(body *html.Node, rs *ruleSet) []pathHit {
	if len(rs.paths) == 0 {
		return nil
	}
	var hits []pathHit
	var step []byte
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipAtoms[c.DataAtom] {
				continue
			}
			if !isBlock(c) {
				walk(c)
				continue
			}
			step = appendPathStep(step[:0], c)
			if rs.lastStep[string(step)] {
				if id, ok := rs.paths[nodePath(c)]; ok {
					hits = append(hits, pathHit{c, id})
					continue
				}
			}
			walk(c)
		}
	}
	walk(body)
	return hits
}

// containerHit is a template container with its text, its size and
// whether it is safe to prune: none of its blocks belongs to the declared
// JSON-LD article body.
type containerHit struct {
	pathHit
	size int
	safe bool
	text string
}

// containerTexts measures the hits from the raw page's blocks: every hit is
// a block element, so the page's segmentation cuts at its edges and its
// blocks are exactly those whose owner lies inside it.
func containerTexts(raw []block, hits []pathHit, ldBody string) []containerHit {
	if len(hits) == 0 {
		return nil
	}
	out := make([]containerHit, len(hits))
	at := make(map[*html.Node]int, len(hits))
	for i, h := range hits {
		out[i] = containerHit{pathHit: h, safe: true}
		at[h.n] = i
	}
	texts := make([][]string, len(hits))
	for i := range raw {
		b := &raw[i]
		for p := b.node; p != nil; p = p.Parent {
			k, ok := at[p]
			if !ok {
				continue
			}
			out[k].size += len(b.text)
			out[k].safe = out[k].safe && !protected(b, ldBody)
			texts[k] = append(texts[k], oneLine(b.text))
			break
		}
	}
	for k := range out {
		out[k].text = strings.Join(texts[k], " ")
	}
	return out
}

// soleBlock reports whether raw[i] is all the text its element holds, so
// removing the element removes nothing else.
func soleBlock(raw []block, i int) bool {
	o := raw[i].node
	if o == nil || o.DataAtom == atom.Body || o.DataAtom == atom.Html {
		return false
	}
	if i > 0 && contains(o, raw[i-1].node) {
		return false
	}
	return i+1 >= len(raw) || !contains(o, raw[i+1].node)
}

func contains(anc, n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p == anc {
			return true
		}
	}
	return false
}

func insideAny[T any](n *html.Node, xs []T, node func(T) *html.Node) bool {
	for _, x := range xs {
		if contains(node(x), n) {
			return true
		}
	}
	return false
}

// textOf concatenates the text nodes under n, skipping scripts and styles.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
			return
		}
		if n.Type == html.ElementNode && skipAtoms[n.DataAtom] {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// containerText returns the text size of n and whether it is safe to
// prune: none of its blocks belongs to the declared JSON-LD article body.
func containerText(n *html.Node, ldBody string) (int, bool) {
	blocks := segment(n, true)
	size := 0
	for i := range blocks {
		if protected(&blocks[i], ldBody) {
			return 0, false
		}
		size += len(blocks[i].text)
	}
	return size, true
}
