package fetch_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"crawler/fetch"
)

func TestVariantsStoreOneDocument(t *testing.T) {
	var base string
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/{$}", serveHTML(indexHTML(
		"/amp/story.html",
		"/story.html?utm_source=feed&utm_medium=rss&fbclid=abc",
		"/story.html#comments",
		"/old/story",
		"/syndicated/story-copy.html",
		"/story.html?gclid=1&mc_cid=2&mc_eid=3",
		"/partner/story.html",
	)))
	// A partner's copy with a footer: not byte-identical, a near duplicate.
	mux.HandleFunc("/partner/story.html", serveHTML(strings.Replace(articleHTML("The story", ""),
		"</article>", "<p>This story first appeared in the Harbour Gazette.</p></article>", 1)))
	mux.HandleFunc("/story.html", func(w http.ResponseWriter, r *http.Request) {
		serveHTML(articleHTML("The story", `<link rel="canonical" href="`+base+`/story.html">`))(w, r)
	})
	mux.HandleFunc("/amp/story.html", func(w http.ResponseWriter, r *http.Request) {
		// The AMP copy has its own markup but points at the original.
		page := strings.Replace(articleHTML("The story", `<link rel="canonical" href="`+base+`/story.html">`),
			"<article>", `<article class="amp"><amp-img src="x.jpg"></amp-img>`, 1)
		serveHTML(page)(w, r)
	})
	mux.HandleFunc("/old/story", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/story.html?utm_campaign=moved", http.StatusMovedPermanently)
	})
	// A syndicated copy: same text, no canonical link.
	mux.HandleFunc("/syndicated/story-copy.html", serveHTML(articleHTML("The story", "")))
	s := newSite(t, "", mux)
	base = s.URL
	db := openDB(t)

	rep := mustCrawl(t, testOptions(), db, fetch.Job{Name: "dedup", Seeds: []string{s.URL + "/"}})

	stats, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != 1 || rep.Stored != 1 {
		t.Fatalf("documents=%d stored=%d, want one document", stats.Documents, rep.Stored)
	}
	if _, err := db.Document(context.Background(), s.URL+"/story.html"); err != nil {
		t.Fatalf("canonical document: %v", err)
	}
	for _, alias := range []string{s.URL + "/amp/story.html", s.URL + "/old/story", s.URL + "/syndicated/story-copy.html", s.URL + "/partner/story.html"} {
		got, ok, err := db.Alias(context.Background(), alias)
		if err != nil || !ok || got != s.URL+"/story.html" {
			t.Errorf("alias %s -> %q, %v, %v; want the canonical story", alias, got, ok, err)
		}
	}
	t.Logf("report: %+v", rep)
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTP://WWW.Example.COM:80/a/b?b=2&a=1#frag", "http://www.example.com/a/b?a=1&b=2"},
		{"https://example.com:443", "https://example.com/"},
		{"https://example.com:8443/x?utm_source=a&utm_medium=b&id=7&fbclid=z&gclid=q&mc_cid=1&mc_eid=2", "https://example.com:8443/x?id=7"},
		{"http://127.0.0.1:8080/p?z=1&a=2&a=1", "http://127.0.0.1:8080/p?a=1&a=2&z=1"},
		{"http://example.com/a/s.html;jsessionid=0A1B?PHPSESSID=x&sid=y", "http://example.com/a/s.html"},
	}
	for _, tt := range tests {
		got, err := fetch.CanonicalURL(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"ftp://example.com/", "mailto:a@b", "http:///nohost", "https://x.org/" + strings.Repeat("a", 3000)} {
		if _, err := fetch.CanonicalURL(bad); err == nil {
			t.Errorf("CanonicalURL(%q) accepted", bad)
		}
	}
	for raw, want := range map[string]string{
		"https://www.example.com:8443/x": "example.com:8443",
		"https://WWW.Example.com/x":      "example.com",
		"http://127.0.0.1:8080/":         "127.0.0.1:8080",
	} {
		if got := fetch.SiteOf(raw); got != want {
			t.Errorf("SiteOf(%q) = %q, want %q", raw, got, want)
		}
	}
}
