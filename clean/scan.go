package clean

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageScan is what one walk over the raw page collects before anything
// changes it: the document title, the first h1 headings and the JSON-LD
// articleBody values.
type pageScan struct {
	title  string
	h1s    []string
	bodies []string
}

func scanPage(doc *html.Node) pageScan {
	var s pageScan
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script:
				s.addLD(n)
				return
			case atom.Title:
				if s.title == "" {
					s.title = collapseSpace(textOf(n))
				}
				return
			case atom.H1:
				if len(s.h1s) < 3 {
					if t := collapseSpace(textOf(n)); t != "" {
						s.h1s = append(s.h1s, t)
					}
				}
				return
			case atom.Style, atom.Noscript, atom.Template, atom.Svg:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return s
}

func (s *pageScan) addLD(n *html.Node) {
	if n.FirstChild == nil || !strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
		return
	}
	var v any
	if json.Unmarshal([]byte(n.FirstChild.Data), &v) == nil {
		collectBodies(v, &s.bodies, 0)
	}
}

// ldParagraphs splits the JSON-LD articleBody values into paragraphs.
func (s *pageScan) ldParagraphs() []string {
	var out []string
	for _, body := range s.bodies {
		out = append(out, bodyParagraphs(body)...)
	}
	return out
}
