package clean

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// shortArticle is the kept text (bytes) below which readability is taken
// to have missed the article (a login modal, a teaser, nothing at all) and
// the fallbacks are tried.
const shortArticle = 500

// Filter names of the fallbacks, used as Block.Reason of kept blocks.
const (
	FallbackJSONLD = "fallback:jsonld"
	FallbackDense  = "fallback:dense"
)

// fallback returns a better body than res when readability's is short:
// the JSON-LD articleBody, or else every text-dense paragraph of the page.
// It reports false when res should stand.
func fallback(page []byte, res Result, rs *ruleSet) (Result, bool) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return res, false
	}
	best := res
	if paras := jsonLDParagraphs(doc); textSize(paras) > 2*len(best.Text) {
		best = withParagraphs(res, paras, FallbackJSONLD)
	}
	if paras := denseParagraphs(doc, rs, res.Title); textSize(paras) > 2*len(best.Text) {
		best = withParagraphs(res, paras, FallbackDense)
	}
	return best, len(best.Text) != len(res.Text)
}

func textSize(paras []string) int {
	n := 0
	for _, p := range paras {
		n += len(p) + 2
	}
	return n
}

func withParagraphs(res Result, paras []string, reason string) Result {
	for _, b := range res.Blocks {
		if b.Kept {
			res.Removed = append(res.Removed, Removal{Text: b.Text, Reason: reason})
		}
	}
	res.Paragraphs = paras
	res.Text = strings.Join(paras, "\n\n")
	res.Blocks = res.Blocks[:0:0]
	for _, p := range paras {
		res.Blocks = append(res.Blocks, Block{Text: p, Reason: reason, Kept: true})
	}
	return res
}

// jsonLDParagraphs splits the page's JSON-LD articleBody into paragraphs.
func jsonLDParagraphs(doc *html.Node) []string {
	var out []string
	forEachLD(doc, func(body string) {
		if strings.Contains(body, "<") {
			// Some sites put markup in articleBody; read it as HTML.
			if frag, err := html.Parse(strings.NewReader(body)); err == nil {
				for _, b := range segment(frag, true) {
					out = append(out, strings.ReplaceAll(b.text, "\n", " "))
				}
				return
			}
		}
		for _, p := range strings.Split(body, "\n") {
			if p = collapseSpace(p); p != "" {
				out = append(out, p)
			}
		}
	})
	return out
}

// denseParagraphs keeps the page's paragraphs that read like prose: long
// enough, few links, outside navigation and page furniture, and passing
// the rules and generic filters.
func denseParagraphs(doc *html.Node, rs *ruleSet, title string) []string {
	body := findBody(doc)
	blocks := segment(body, true)
	f := newFilterCtx(blocks, body, title)
	var out []string
	for i := range blocks {
		b := &blocks[i]
		if len(b.text) < 80 || b.linkDensity() > 0.2 || inFurniture(b.node) || inOverlay(b.node) {
			continue
		}
		if rs.drop(b) != "" || genericReason(b, f) != "" {
			continue
		}
		out = append(out, b.text)
	}
	return out
}

func inFurniture(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.Nav, atom.Footer, atom.Header, atom.Aside, atom.Form:
			return true
		}
	}
	return false
}
