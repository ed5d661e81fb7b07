package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// shortArticle is the kept text (bytes) below which readability is taken
// to have found next to nothing (a teaser, a caption), so that less
// left-out prose is enough to replace it.
const shortArticle = 500

// Filter names of the fallbacks, used as Block.Reason of kept blocks.
const (
	FallbackJSONLD = "fallback:jsonld"
	FallbackDense  = "fallback:dense"
)

// textSize is the length of paras joined as Result.Text joins them.
func textSize(paras []string) int {
	n := 0
	for _, p := range paras {
		n += len(p) + 2
	}
	return n
}

// withParagraphs replaces the body of res by paras, recording the blocks
// it had kept as removed and the new ones as kept for reason.
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

// bodyParagraphs splits one articleBody value into paragraphs.
func bodyParagraphs(body string) []string {
	var out []string
	if strings.Contains(body, "<") {
		// Some sites put markup in articleBody; read it as HTML.
		if frag, err := html.Parse(strings.NewReader(body)); err == nil {
			for _, b := range segment(frag, true) {
				out = append(out, strings.ReplaceAll(b.text, "\n", " "))
			}
			return out
		}
	}
	for _, p := range strings.Split(body, "\n") {
		if p = collapseSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// inFurniture reports blocks inside navigation, header, footer, aside or
// form elements.
func inFurniture(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.Nav, atom.Footer, atom.Header, atom.Aside, atom.Form:
			return true
		}
	}
	return false
}
