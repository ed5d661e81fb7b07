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
	if seg := headlineSegment(title); seg != "" {
		return seg
	}
	tn := normText(title)
	for _, h := range h1s {
		hn := normText(h)
		if len(hn) >= 10 && len(hn) < len(tn) && strings.Contains(tn, hn) {
			return h
		}
	}
	return title
}

// docTitle returns the text of the document's <title>.
func docTitle(doc *html.Node) string {
	var walk func(*html.Node) string
	walk = func(n *html.Node) string {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				return collapseSpace(textOf(n))
			case atom.Body:
				return ""
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if t := walk(c); t != "" {
				return t
			}
		}
		return ""
	}
	return walk(doc)
}

// siteTitle replaces a title the site puts on every page (its own name)
// by the page's h1, or by nothing.
func siteTitle(title string, h1s []string, rs *ruleSet) string {
	if _, ok := rs.titles[normText(title)]; !ok {
		return title
	}
	for _, h := range h1s {
		if _, ok := rs.titles[normText(h)]; !ok {
			return h
		}
	}
	return ""
}

// titleSeparators split "Site | Section | Headline" titles.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " » ", " · "}

// headlineSegment returns the headline part of a decorated title: the one
// segment of at least four words when every other is a short label.
func headlineSegment(title string) string {
	for _, sep := range titleSeparators {
		parts := strings.Split(title, sep)
		if len(parts) < 2 {
			continue
		}
		long := ""
		for _, p := range parts {
			words := len(strings.Fields(p))
			switch {
			case words >= 4 && long == "":
				long = strings.TrimSpace(p)
			case words > 3:
				return ""
			}
		}
		return long
	}
	return ""
}
