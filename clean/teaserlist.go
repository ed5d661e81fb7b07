package clean

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/publicsuffix"
)

// Teaser-list thresholds; lengths are of normText.
const (
	minTeasers       = 3 // distinct teasers the body must draw on
	minHeadlineWords = 3 // so "Read more" and menu links are no headlines
	minTeaserMatch   = 20
	// A teaser holds a standfirst, a date and a byline besides its
	// headline, not an article's worth. Only a short one may come before
	// the headline beyond a kicker (a section label, a date): prose that
	// explains at length and then links on is not a teaser.
	maxStandfirst      = 400
	maxShortStandfirst = 250
	maxKicker          = 60
	// A listing has little body text outside its teasers, and less before
	// the first (a heading, an introduction); more is a story with a list
	// of other stories after it.
	maxLooseText = 1200
	maxLooseLead = 300
)

// teaserList reports whether the body is a list of teasers found in the
// markup (see teaserTexts): it starts with them (after at most
// maxLooseLead of other text), at least minTeasers of its blocks lie in
// them, and they make up most of its text.
func teaserList(page []byte, paragraphs []string) bool {
	if len(paragraphs) < minTeasers {
		return false // cheap exit before parsing the page
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return false
	}
	items := teaserTexts(doc)
	if len(items) < minTeasers {
		return false
	}
	used := make([]bool, len(items))
	total, covered, lead := 0, 0, -1
	for _, p := range paragraphs {
		k := normText(p)
		n := matchTeasers(k, items, used)
		if n >= minTeaserMatch && lead < 0 {
			lead = total - covered
		}
		total += len(k)
		covered += n
	}
	hits := 0
	for _, u := range used {
		if u {
			hits++
		}
	}
	return hits >= minTeasers && lead <= maxLooseLead && covered*2 >= total && total-covered <= maxLooseText
}

// matchTeasers returns how much of the body block k is teaser text: all of
// it when it lies inside one teaser, else the teasers it holds whole (an
// extractor may merge a list into one block). It marks the teasers used.
func matchTeasers(k string, items []string, used []bool) int {
	if k == "" {
		return 0
	}
	for i, it := range items {
		if strings.Contains(it, k) {
			used[i] = used[i] || len(k) >= minTeaserMatch
			return len(k)
		}
	}
	n := 0
	for i, it := range items {
		if len(it) >= minTeaserMatch && strings.Contains(k, it) {
			used[i] = true
			n += len(it)
		}
	}
	return n
}

// teaserTexts finds the teasers of a page and returns the normText of
// each. A teaser is the largest element around a headline link (a link to
// another page of the same site whose text stands alone on its line and
// has minHeadlineWords or more) that holds no other headline link, and
// whose text besides the headline is short (see maxKicker).
func teaserTexts(doc *html.Node) []string {
	body := findBody(doc)
	heads := headlineLinks(body, siteOf(doc))
	owner := linkOwners(heads)
	seen := map[*html.Node]bool{}
	var out []string
	for _, h := range heads {
		n := h.node
		for n.Parent != nil && n.Parent != body && owner[n.Parent] == h.href {
			n = n.Parent
		}
		if seen[n] {
			continue
		}
		seen[n] = true
		before, all := textAround(n, h.node)
		k := normText(all)
		rest := len(k) - len(h.key)
		if rest <= maxShortStandfirst || rest <= maxStandfirst && len(normText(before)) <= maxKicker {
			out = append(out, k)
		}
	}
	return out
}

// headline is a link that reads as a story's headline.
type headline struct {
	node *html.Node
	href string // as written: teasers link their story the same way twice
	key  string // normText of the link text
}

// headlineLinks collects the visible headline links under body in order.
func headlineLinks(body *html.Node, site pageSite) []headline {
	var out []headline
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (skipAtoms[n.DataAtom] || hidden(n)) {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			href := strings.TrimSpace(attr(n, "href"))
			key := normText(textOf(n))
			if site.storyLink(href) && len(strings.Fields(key)) >= minHeadlineWords && standalone(n, key) {
				out = append(out, headline{node: n, href: href, key: key})
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(body)
	return out
}

// linkOwners maps each ancestor of a headline link to the one href its
// subtree links as a headline, or to mixedOwner when it links several.
func linkOwners(heads []headline) map[*html.Node]string {
	const mixedOwner = "\x00"
	owner := map[*html.Node]string{}
	for _, h := range heads {
		for n := h.node.Parent; n != nil; n = n.Parent {
			o, ok := owner[n]
			if ok && (o == h.href || o == mixedOwner) {
				break // the ancestors above are already right
			}
			if ok {
				owner[n] = mixedOwner
			} else {
				owner[n] = h.href
			}
		}
	}
	return owner
}

// standalone reports whether link a is (nearly) all of the text on its
// line, as a headline is, rather than words inside a sentence. The line is
// the run of inline siblings around a (or around the inline elements that
// wrap it) between block elements and <br>.
func standalone(a *html.Node, key string) bool {
	n := a
	for n.Parent != nil && n.Parent.Type == html.ElementNode && !isBlock(n.Parent) {
		n = n.Parent
	}
	var line strings.Builder
	for s := n; s != nil && !breaksLine(s); s = s.PrevSibling {
		line.WriteString(" " + textOf(s))
	}
	for s := n.NextSibling; s != nil && !breaksLine(s); s = s.NextSibling {
		line.WriteString(" " + textOf(s))
	}
	return len(key)*4 >= len(normText(line.String()))*3
}

func breaksLine(n *html.Node) bool {
	return n.Type == html.ElementNode && (n.DataAtom == atom.Br || isBlock(n))
}

// textAround is textOf(n) and the part of it that comes before mark.
func textAround(n, mark *html.Node) (before, all string) {
	var b strings.Builder
	cut := -1
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n == mark {
			cut = b.Len()
		}
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
			b.WriteByte(' ')
		case n.Type == html.ElementNode && skipAtoms[n.DataAtom]:
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
	}
	walk(n)
	all = b.String()
	if cut >= 0 {
		before = all[:cut]
	}
	return before, all
}

// pageSite is what a page says of its own address: the registrable domain
// and path of its canonical URL, og:url or base href.
type pageSite struct {
	domain, path string
}

// siteOf reads the page's own absolute address from its head; both
// fields are empty when it gives none.
func siteOf(doc *html.Node) pageSite {
	var site pageSite
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if site.domain != "" || n.Type == html.ElementNode && n.DataAtom == atom.Body {
			return
		}
		ref := ""
		switch {
		case n.DataAtom == atom.Link && strings.EqualFold(attr(n, "rel"), "canonical"), n.DataAtom == atom.Base:
			ref = attr(n, "href")
		case n.DataAtom == atom.Meta && strings.EqualFold(attr(n, "property"), "og:url"):
			ref = attr(n, "content")
		}
		if u, err := url.Parse(strings.TrimSpace(ref)); err == nil && u.Host != "" {
			site = pageSite{domain: registrable(u.Hostname()), path: u.Path}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return site
}

// registrable is host's registrable domain ("news.example.co.uk" ->
// "example.co.uk"), or host itself when it has none (an IP address).
func registrable(host string) string {
	host = strings.ToLower(host)
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}

// storyLink reports whether href leads to another page of the site below
// its front page. Absolute links are taken as the site's own when the page
// does not say where it lives.
func (s pageSite) storyLink(href string) bool {
	u, err := url.Parse(href)
	if err != nil || u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return false
	}
	if u.Host != "" && s.domain != "" && registrable(u.Hostname()) != s.domain {
		return false
	}
	if strings.Trim(u.Path, "/") == "" && u.RawQuery == "" {
		return false // the front page, or a fragment of this one
	}
	return u.Path != s.path || u.RawQuery != ""
}
