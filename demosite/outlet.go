package demosite

import (
	"strings"
	"time"
)

// Outlet is one demo news site as a crawler should see it. The URL fields
// are absolute for the outlets of a started Site and paths relative to the
// outlet's root for those returned by Outlets.
type Outlet struct {
	// Name is the outlet's masthead name.
	Name string
	// BaseURL is http://127.0.0.1:PORT, empty before the outlet is served.
	BaseURL string
	// Host is 127.0.0.1:PORT, empty before the outlet is served.
	Host string
	// Lang is the html lang attribute of the outlet's pages.
	Lang string
	// Seeds are the start pages: the front page.
	Seeds []string
	// Feeds lists the outlet's RSS 2.0 feeds, if any.
	Feeds []string
	// Sitemaps lists the sitemaps named in the outlet's robots.txt, if any.
	Sitemaps []string
	// Articles is the gold: what a perfect cleaner keeps from each article page.
	Articles []Article
	// Disallowed lists pages that are linked from the site but forbidden by
	// its robots.txt; a polite crawler never fetches them.
	Disallowed []string
	// Chrome lists the boilerplate lines every article page of the outlet
	// carries and a clean article must not contain.
	Chrome []string
}

// Article is the gold version of one article page.
type Article struct {
	// Path is the article's path on its outlet, starting with "/".
	Path string
	// URL is BaseURL+Path, empty before the outlet is served.
	URL string
	// Title is the headline.
	Title string
	// Byline is the author's name without "By".
	Byline string
	// Published is the publication time the page declares.
	Published time.Time
	// Paragraphs is the article text, one element per paragraph.
	Paragraphs []string
}

// style is what makes one outlet look like its publisher: names, URL scheme,
// markup and discovery.
type style struct {
	name, lang, template string
	reporters            []string
	path                 func(i int, s story) string
	feed, sitemap        bool
	members              bool // has a robots-disallowed /members/ section
	chrome               []string
	// sectionPath gives a section's listing path; nil when the outlet has
	// no section pages.
	sectionPath func(sec string) string
	// absLinks makes listings link with absolute URLs, as WordPress and
	// most modern publishers do; old-school pages use root-relative ones.
	absLinks bool
	// frontCount is how many stories the front page lists (0: all);
	// pagePaths are paginated listings of pageSize stories from pageOffset.
	frontCount, pageSize, pageOffset int
	pagePaths                        []string
}

// styles lists the three outlets; index i is outlet i everywhere.
func styles() []style {
	return []style{gazetteStyle(), meridianStyle(), courierStyle()}
}

// outletNames returns the outlets' names in order.
func outletNames() []string {
	var names []string
	for _, s := range styles() {
		names = append(names, s.name)
	}
	return names
}

// Outlets returns the three outlets with their gold articles, without
// starting anything. Their URL fields are paths ("/", "/feed.xml"); a
// started Site's outlets carry the same values made absolute.
func Outlets() []Outlet {
	stories := corpus(outletNames())
	var out []Outlet
	for i, st := range styles() {
		out = append(out, newOutlet(st, stories[i], ""))
	}
	return out
}

// newOutlet describes one outlet served at base ("" for bare paths).
func newOutlet(st style, stories []story, base string) Outlet {
	o := Outlet{Name: st.name, Lang: st.lang, Seeds: []string{base + "/"}, Chrome: append([]string(nil), st.chrome...)}
	if base != "" {
		o.BaseURL, o.Host = base, strings.TrimPrefix(base, "http://")
	}
	if st.feed {
		o.Feeds = []string{base + "/feed.xml"}
	}
	if st.sitemap {
		o.Sitemaps = []string{base + "/sitemap.xml"}
	}
	if st.members {
		for _, p := range memberPaths() {
			o.Disallowed = append(o.Disallowed, base+p)
		}
	}
	for i, s := range stories {
		a := Article{
			Path: st.path(i, s), Title: s.title, Byline: st.reporters[i%len(st.reporters)],
			Published: s.published, Paragraphs: s.paragraphs,
		}
		if base != "" {
			a.URL = base + a.Path
		}
		o.Articles = append(o.Articles, a)
	}
	return o
}

// slug turns a headline into a URL path element.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(title) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteRune(c)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
