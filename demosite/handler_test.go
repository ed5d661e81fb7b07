package demosite

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func serve(h http.Handler, method, host, path string, header http.Header) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, "http://"+host+path, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestHandlerBuildsURLsFromHost(t *testing.T) {
	outlets := Outlets()
	for i, o := range outlets {
		a := o.Articles[3]
		rec := serve(NewHandler(i), http.MethodGet, "news.test:8081", a.Path, nil)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s %s: status %d", o.Name, a.Path, rec.Code)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", o.Name, ct)
		}
		p := parsePage(t, rec.Body)
		want := "http://news.test:8081" + a.Path
		if p.canonical != want || p.meta["og:url"] != want {
			t.Errorf("%s: canonical %q, og:url %q, want %q", o.Name, p.canonical, p.meta["og:url"], want)
		}
	}
	robots := serve(NewHandler(1), http.MethodGet, "news.test:8081", "/robots.txt", nil)
	if !strings.Contains(robots.Body.String(), "Sitemap: http://news.test:8081/sitemap.xml") {
		t.Errorf("robots.txt:\n%s", robots.Body)
	}
	feed := serve(NewHandler(0), http.MethodGet, "news.test:8081", "/feed.xml", nil)
	if !strings.Contains(feed.Body.String(), "<link>http://news.test:8081"+outlets[0].Articles[0].Path+"</link>") {
		t.Errorf("feed does not use the request host")
	}
}

func TestHandlerErrors(t *testing.T) {
	tests := []struct {
		name         string
		outlet       int
		method, path string
		want         int
	}{
		{"unknown page", 0, http.MethodGet, "/no-such-story/", http.StatusNotFound},
		{"feed only on the gazette", 1, http.MethodGet, "/feed.xml", http.StatusNotFound},
		{"sitemap only on the post", 2, http.MethodGet, "/sitemap.xml", http.StatusNotFound},
		{"members only on the courier", 0, http.MethodGet, "/members/subscriber-letters.html", http.StatusNotFound},
		{"section path of another outlet", 0, http.MethodGet, "/news", http.StatusNotFound},
		{"post", 2, http.MethodPost, "/", http.StatusMethodNotAllowed},
		{"head", 2, http.MethodHead, "/", http.StatusOK},
		{"outlet out of range", 3, http.MethodGet, "/", http.StatusNotFound},
		{"negative outlet", -1, http.MethodGet, "/", http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := serve(NewHandler(tt.outlet), tt.method, "127.0.0.1:1", tt.path, nil)
			if rec.Code != tt.want {
				t.Errorf("%s %s on outlet %d: status %d, want %d", tt.method, tt.path, tt.outlet, rec.Code, tt.want)
			}
		})
	}
}

func TestHandlerConditionalGet(t *testing.T) {
	h := NewHandler(0)
	first := serve(h, http.MethodGet, "127.0.0.1:1", "/", nil)
	lm := first.Header().Get("Last-Modified")
	if lm == "" {
		t.Fatal("no Last-Modified header")
	}
	again := serve(h, http.MethodGet, "127.0.0.1:1", "/", http.Header{"If-Modified-Since": {lm}})
	if again.Code != http.StatusNotModified {
		t.Errorf("conditional GET: status %d, want 304", again.Code)
	}
}

func TestHandlerIsDeterministic(t *testing.T) {
	path := Outlets()[1].Articles[5].Path
	a := serve(NewHandler(1), http.MethodGet, "127.0.0.1:1", path, nil).Body.Bytes()
	b := serve(NewHandler(1), http.MethodGet, "127.0.0.1:1", path, nil).Body.Bytes()
	if !bytes.Equal(a, b) {
		t.Error("the same page differs between two handlers")
	}
}

func TestRenderPagesCoversEveryOutletPage(t *testing.T) {
	pages, err := RenderPages()
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, o := range Outlets() {
		want += len(o.Seeds) + len(o.Articles)
	}
	if len(pages) != want {
		t.Fatalf("rendered %d pages, want %d", len(pages), want)
	}
	for _, p := range pages {
		if len(p.Body) == 0 || !strings.HasPrefix(p.ContentType, "text/html") {
			t.Fatalf("%s %s: %d bytes, content type %q", p.Outlet, p.Path, len(p.Body), p.ContentType)
		}
	}
}
