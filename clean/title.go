package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// headings returns the text of the page's first few h1 elements.
func headings(doc *html.Node) []string {
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if len(out) >= 3 {
			return
		}
		if n.Type == html.ElementNode {
			if skipAtoms[n.DataAtom] {
				return
			}
			if n.DataAtom == atom.H1 {
				if t := collapseSpace(textOf(n)); t != "" {
					out = append(out, t)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// betterTitle strips site-name decoration ("Site | Section | Headline")
// from a document title when the page's own h1 is the headline inside it.
func betterTitle(title string, h1s []string) string {
	tn := normText(title)
	for _, h := range h1s {
		hn := normText(h)
		if len(hn) >= 10 && len(hn) < len(tn) && strings.Contains(tn, hn) {
			return h
		}
	}
	return title
}
