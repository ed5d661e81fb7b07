package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockAtoms are the elements that start a new block of text.
var blockAtoms = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dialog: true,
	atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Li: true,
	atom.Main: true, atom.Menu: true, atom.Nav: true, atom.Ol: true, atom.P: true,
	atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Table: true,
	atom.Tbody: true, atom.Td: true, atom.Tfoot: true, atom.Th: true, atom.Thead: true,
	atom.Tr: true, atom.Ul: true, atom.Body: true, atom.Html: true, atom.Caption: true,
	atom.Option: true, atom.Select: true,
}

// skipAtoms hold no readable text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Head: true, atom.Textarea: true, atom.Button: true, atom.Input: true,
	atom.Select: true, atom.Canvas: true, atom.Video: true, atom.Audio: true,
}

func isBlock(n *html.Node) bool {
	return n.Type == html.ElementNode && (blockAtoms[n.DataAtom] || n.DataAtom == 0 && isCustomBlock(n))
}

// isCustomBlock treats unknown (custom) elements as blocks when they hold
// block children, which is how most component frameworks use them.
func isCustomBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blockAtoms[c.DataAtom] {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// nodeTokens returns the class and id tokens of n.
func nodeTokens(n *html.Node) []string {
	var out []string
	for _, a := range n.Attr {
		if a.Key == "class" || a.Key == "id" {
			out = append(out, strings.Fields(a.Val)...)
		}
	}
	return out
}

// pathStep is one element of a DOM path: tag plus its stable tokens.
func pathStep(n *html.Node) string {
	return string(appendPathStep(nil, n))
}

// appendPathStep appends n's path step to dst, so that a caller probing a
// map for many elements can reuse one buffer.
func appendPathStep(dst []byte, n *html.Node) []byte {
	dst = append(dst, n.Data...)
	for _, a := range n.Attr {
		prefix := byte('.')
		switch a.Key {
		case "id":
			prefix = '#'
		case "class":
		default:
			continue
		}
		for t := range strings.FieldsSeq(a.Val) {
			if stableToken(t) {
				dst = append(dst, prefix)
				dst = append(dst, t...)
			}
		}
	}
	return dst
}

// pathDepth is how many levels a DOM path keeps: enough to tell a sidebar
// list from an article list, short enough to survive wrapper changes.
const pathDepth = 3

// nodePath is the stable DOM path of n: the last pathDepth steps from the
// body down, innermost last.
func nodePath(n *html.Node) string {
	// One buffer for all steps: the path is built for every block.
	var chain [pathDepth]*html.Node
	depth := 0
	for p := n; p != nil && p.Type == html.ElementNode && depth < pathDepth; p = p.Parent {
		if p.DataAtom == atom.Body || p.DataAtom == atom.Html {
			break
		}
		chain[depth] = p
		depth++
	}
	var buf [128]byte
	b := buf[:0]
	for i := depth - 1; i >= 0; i-- {
		b = appendPathStep(b, chain[i])
		if i > 0 {
			b = append(b, '>')
		}
	}
	return string(b)
}

func findBody(doc *html.Node) *html.Node {
	var walk func(*html.Node) *html.Node
	walk = func(n *html.Node) *html.Node {
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			return n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if b := walk(c); b != nil {
				return b
			}
		}
		return nil
	}
	if b := walk(doc); b != nil {
		return b
	}
	return doc
}

// hidden reports elements a reader never sees.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			s := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}
