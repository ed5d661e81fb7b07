package demosite

import (
	"bytes"
	"embed"
	"html/template"
	"net"
	"net/http"
	"strings"
	"time"
)

//go:embed templates/*.html
var templateFS embed.FS

// outletHandler serves one outlet. It holds only values fixed at
// construction, so one handler may serve any number of requests at once.
type outletHandler struct {
	st      style
	gold    Outlet // URL fields are paths
	stories []story
	byPath  map[string]int
	tmpl    *template.Template
}

// NewHandler returns the pages of outlet i (0, 1 or 2) as an http.Handler,
// without a listener, for use with httptest. Absolute links (canonical,
// og:url, feed, sitemap) are built from the request's Host, so the handler
// works at any address. For any other i it answers every request with 404.
func NewHandler(outlet int) http.Handler {
	sts := styles()
	if outlet < 0 || outlet >= len(sts) {
		return http.NotFoundHandler()
	}
	st := sts[outlet]
	stories := corpus(outletNames())[outlet]
	h := &outletHandler{
		st: st, gold: newOutlet(st, stories, ""), stories: stories, byPath: map[string]int{},
		tmpl: template.Must(template.New(st.template).Funcs(templateFuncs).ParseFS(templateFS, "templates/"+st.template)),
	}
	for i, a := range h.gold.Articles {
		h.byPath[a.Path] = i
	}
	return h
}

var templateFuncs = template.FuncMap{
	"iso":  func(t time.Time) string { return t.Format(time.RFC3339) },
	"long": func(t time.Time) string { return t.Format("January 2, 2006") },
	"uk":   func(t time.Time) string { return t.Format("2 January 2006, 15:04") },
	"year": func(t time.Time) int { return t.Year() },
}

func (h *outletHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	base := baseURL(r)
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		h.text(w, r, "text/plain; charset=utf-8", h.robots(base))
	case p == "/feed.xml" && h.st.feed:
		h.xml(w, r, "application/rss+xml; charset=utf-8", func() ([]byte, error) { return h.feed(base) })
	case p == "/sitemap.xml" && h.st.sitemap:
		h.xml(w, r, "application/xml; charset=utf-8", func() ([]byte, error) { return h.sitemap(base) })
	default:
		name, data, ok := h.route(base, p)
		if !ok {
			http.NotFound(w, r)
			return
		}
		h.render(w, r, name, data)
	}
}

// route maps an HTML path to a template and its data.
func (h *outletHandler) route(base, p string) (string, *page, bool) {
	if i, ok := h.byPath[p]; ok {
		return "article", h.articlePage(base, i), true
	}
	if p == "/" {
		return "front", h.listPage(base, p, "", h.front()), true
	}
	for _, sec := range sections {
		if h.st.sectionPath != nil && p == h.st.sectionPath(sec) {
			return "list", h.listPage(base, p, capitalize(sec), h.section(sec)), true
		}
	}
	for n, pp := range h.st.pagePaths {
		if p == pp {
			return "list", h.listPage(base, p, "Older stories", h.pageItems(n)), true
		}
	}
	if h.st.members {
		for _, mp := range memberPaths() {
			if p == mp {
				return "members", h.listPage(base, p, "Members", nil), true
			}
		}
	}
	return "", nil, false
}

func (h *outletHandler) render(w http.ResponseWriter, r *http.Request, name string, data *page) {
	var buf bytes.Buffer
	if err := h.tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		http.Error(w, "render "+name+": "+err.Error(), http.StatusInternalServerError)
		return
	}
	h.text(w, r, "text/html; charset=utf-8", buf.Bytes())
}

// text serves body with Last-Modified set to the newest article, so
// conditional requests get 304 Not Modified as from a real site.
func (h *outletHandler) text(w http.ResponseWriter, r *http.Request, ctype string, body []byte) {
	w.Header().Set("Content-Type", ctype)
	http.ServeContent(w, r, "", h.stories[0].published, bytes.NewReader(body))
}

func (h *outletHandler) xml(w http.ResponseWriter, r *http.Request, ctype string, build func() ([]byte, error)) {
	body, err := build()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h.text(w, r, ctype, body)
}

// baseURL is the outlet's root as the client addressed it. A request with
// no Host (HTTP/1.0) gets the listener's own address.
func baseURL(r *http.Request) string {
	host := r.Host
	if a, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); host == "" && ok {
		host = a.String()
	}
	return "http://" + host
}

func (h *outletHandler) robots(base string) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\n")
	switch {
	case h.st.members:
		b.WriteString("Disallow: /members/\nDisallow: /cgi-bin/\n")
	case h.st.sitemap:
		b.WriteString("Disallow: /api/\nDisallow: /search\n")
	default:
		b.WriteString("Disallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n")
	}
	if h.st.sitemap {
		b.WriteString("\nSitemap: " + base + "/sitemap.xml\n")
	}
	return []byte(b.String())
}
