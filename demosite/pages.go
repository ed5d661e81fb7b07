package demosite

import (
	"strings"
	"time"
)

// sections are the sections stories are filed under, in menu order.
var sections = []string{"news", "sport", "business", "science"}

// page is what every template receives.
type page struct {
	Name, Lang, Base string
	// URL is the page's own absolute URL, for canonical and og:url.
	URL     string
	Heading string
	Items   []teaser // the listing, on front and list pages
	Nav     []teaser // section menu
	Pages   []teaser // pagination links
	Members []teaser // members-only links (robots-disallowed)
	A       *articleView
	Updated time.Time
}

// teaser is a link to a story as listings show it.
type teaser struct {
	Title, URL, Excerpt, Byline, Section string
	Published                            time.Time
}

// articleView is an article page: the gold text plus the page furniture
// around it.
type articleView struct {
	Article
	Section    string
	SectionURL string
	Caption    string
	Excerpt    string
	Related    []teaser
	Trending   []teaser
	Next       teaser
	JSONLD     map[string]any
}

func (h *outletHandler) link(base, path string) string {
	if h.st.absLinks {
		return base + path
	}
	return path
}

func (h *outletHandler) teaser(base string, i int) teaser {
	a, s := h.gold.Articles[i], h.stories[i]
	return teaser{
		Title: a.Title, URL: h.link(base, a.Path), Excerpt: excerpt(a.Paragraphs[0]),
		Byline: a.Byline, Section: capitalize(s.topic.section), Published: a.Published,
	}
}

func (h *outletHandler) teasers(base string, idx []int) []teaser {
	var out []teaser
	for _, i := range idx {
		out = append(out, h.teaser(base, i))
	}
	return out
}

func (h *outletHandler) front() []int {
	n := len(h.stories)
	if h.st.frontCount > 0 {
		n = h.st.frontCount
	}
	return seq(0, n)
}

func (h *outletHandler) section(sec string) []int {
	var out []int
	for i, s := range h.stories {
		if s.topic.section == sec {
			out = append(out, i)
		}
	}
	return out
}

func (h *outletHandler) pageItems(n int) []int {
	from := h.st.pageOffset + n*h.st.pageSize
	return seq(from, min(from+h.st.pageSize, len(h.stories)))
}

func (h *outletHandler) listPage(base, path, heading string, idx []int) *page {
	pg := &page{
		Name: h.st.name, Lang: h.st.lang, Base: base, URL: base + path, Heading: heading,
		Items: h.teasers(base, idx), Updated: h.stories[0].published,
	}
	for _, sec := range sections {
		if h.st.sectionPath != nil {
			pg.Nav = append(pg.Nav, teaser{Title: capitalize(sec), URL: h.link(base, h.st.sectionPath(sec))})
		}
	}
	for n, p := range h.st.pagePaths {
		pg.Pages = append(pg.Pages, teaser{Title: itoa(n + 1), URL: h.link(base, p)})
	}
	if h.st.members {
		titles := []string{"Inside the council chamber", "Readers' photo vault", "Subscriber letters"}
		for n, p := range memberPaths() {
			pg.Members = append(pg.Members, teaser{Title: titles[n], URL: h.link(base, p)})
		}
	}
	return pg
}

func (h *outletHandler) articlePage(base string, i int) *page {
	a := h.gold.Articles[i]
	a.URL = base + a.Path
	s := h.stories[i]
	pg := h.listPage(base, a.Path, a.Title, nil)
	n := len(h.stories)
	v := &articleView{
		Article: a, Section: capitalize(s.topic.section), Caption: s.caption, Excerpt: excerpt(a.Paragraphs[0]),
		Related:  h.teasers(base, h.related(i, 3)),
		Trending: h.teasers(base, []int{(i + 7) % n, (i + 11) % n, (i + 13) % n}),
		Next:     h.teaser(base, (i+1)%n),
	}
	if h.st.sectionPath != nil {
		v.SectionURL = h.link(base, h.st.sectionPath(s.topic.section))
	}
	v.JSONLD = map[string]any{
		"@context": "https://schema.org", "@type": "NewsArticle",
		"headline": a.Title, "url": a.URL, "mainEntityOfPage": a.URL,
		"datePublished": a.Published.Format(time.RFC3339), "dateModified": a.Published.Format(time.RFC3339),
		"author":     map[string]any{"@type": "Person", "name": a.Byline},
		"publisher":  map[string]any{"@type": "Organization", "name": h.st.name},
		"inLanguage": h.st.lang, "articleSection": v.Section,
	}
	pg.A = v
	return pg
}

// related returns up to n other stories of story i's section, newest after
// i first, wrapping round.
func (h *outletHandler) related(i, n int) []int {
	var out []int
	for k := 1; k < len(h.stories) && len(out) < n; k++ {
		j := (i + k) % len(h.stories)
		if h.stories[j].topic.section == h.stories[i].topic.section {
			out = append(out, j)
		}
	}
	return out
}

// excerpt is the first 24 words of s, as listings and descriptions show it.
func excerpt(s string) string {
	w := strings.Fields(s)
	if len(w) <= 24 {
		return s
	}
	return strings.Join(w[:24], " ") + " …"
}

func seq(from, to int) []int {
	var out []int
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}
