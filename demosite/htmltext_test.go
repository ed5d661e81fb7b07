package demosite

import (
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parsedPage is an HTML page reduced to what the tests look at.
type parsedPage struct {
	lang, title, canonical string
	meta                   map[string]string // property or name -> content
	jsonLD                 []string
	lines                  []string // visible text, one line per block
	paragraphs             []string // text of every <p>
	links                  []string // href of every <a>
}

var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.Li: true, atom.Ul: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Section: true,
	atom.Article: true, atom.Aside: true, atom.Header: true, atom.Footer: true, atom.Nav: true,
	atom.Figure: true, atom.Figcaption: true, atom.Form: true, atom.Br: true, atom.Main: true,
}

func parsePage(t *testing.T, r io.Reader) parsedPage {
	t.Helper()
	doc, err := html.Parse(r)
	if err != nil {
		t.Fatalf("parse html: %v", err)
	}
	p := parsedPage{meta: map[string]string{}}
	var text strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			text.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode {
			if p.element(n) {
				return
			}
			if blockAtoms[n.DataAtom] {
				text.WriteString("\n")
				defer text.WriteString("\n")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, l := range strings.Split(text.String(), "\n") {
		if l = collapse(l); l != "" {
			p.lines = append(p.lines, l)
		}
	}
	return p
}

// element records what the tests need from n and reports whether its
// children are not visible text.
func (p *parsedPage) element(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html:
		p.lang = attr(n, "lang")
	case atom.Title:
		p.title = collapse(innerText(n))
		return true
	case atom.Link:
		if attr(n, "rel") == "canonical" {
			p.canonical = attr(n, "href")
		}
	case atom.Meta:
		key := attr(n, "property")
		if key == "" {
			key = attr(n, "name")
		}
		p.meta[key] = attr(n, "content")
	case atom.Script:
		if attr(n, "type") == "application/ld+json" {
			p.jsonLD = append(p.jsonLD, innerText(n))
		}
		return true
	case atom.Style:
		return true
	case atom.P:
		p.paragraphs = append(p.paragraphs, collapse(innerText(n)))
	case atom.A:
		p.links = append(p.links, attr(n, "href"))
	}
	return false
}

func (p parsedPage) text() string { return strings.Join(p.lines, "\n") }

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func innerText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
