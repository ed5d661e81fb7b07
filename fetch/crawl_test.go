package fetch_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"crawler"
	"crawler/fetch"
)

type fetchReport crawler.RunReport

func TestCrawlStoresArticlesAndObeysRobots(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("User-agent: *\nDisallow: /private/\n"))
	})
	mux.HandleFunc("/{$}", serveHTML(indexHTML("/a/one.html", "/a/two.html?utm_source=x", "/private/secret.html")))
	mux.HandleFunc("/a/one.html", serveHTML(articleHTML("One", "")))
	mux.HandleFunc("/a/two.html", serveHTML(articleHTML("Two", "")))
	mux.HandleFunc("/private/secret.html", serveHTML(articleHTML("Secret", "")))
	s := newSite(t, "", mux)
	db := openDB(t)
	opts := testOptions()

	rep := mustCrawl(t, opts, db, fetch.Job{Name: "news", Seeds: []string{s.URL + "/"}})

	if got := s.count("/private/secret.html"); got != 0 {
		t.Errorf("disallowed page requested %d times", got)
	}
	if got := s.count("/robots.txt"); got != 1 {
		t.Errorf("robots.txt requested %d times, want 1", got)
	}
	if rep.Stored != 2 || rep.RobotsBlocked != 1 {
		t.Errorf("report stored=%d robots_blocked=%d, want 2 and 1", rep.Stored, rep.RobotsBlocked)
	}
	for _, h := range s.requests() {
		if h.agent != opts.UserAgent {
			t.Errorf("%s sent user agent %q", h.path, h.agent)
		}
	}
	for _, p := range []string{"/a/one.html", "/a/two.html"} {
		doc, err := db.Document(context.Background(), s.URL+p)
		if err != nil {
			t.Fatalf("document %s: %v", p, err)
		}
		if doc.Site != strings.TrimPrefix(s.URL, "http://") || doc.ContentHash == "" || doc.Job != "news" || len(doc.Text) < 200 {
			t.Errorf("document %s: %+v", p, doc)
		}
		if _, err := db.Page(context.Background(), s.URL+p); err != nil {
			t.Errorf("raw page %s: %v", p, err)
		}
	}
	if _, err := db.Document(context.Background(), s.URL+"/"); err == nil {
		t.Errorf("seed page stored as a document")
	}

	// A second run re-polls the seed but fetches no article again.
	rep = mustCrawl(t, opts, db, fetch.Job{Name: "news", Seeds: []string{s.URL + "/"}})
	if got := s.count("/a/one.html"); got != 1 {
		t.Errorf("article fetched %d times over two runs, want 1", got)
	}
	if got := s.count("/"); got != 2 {
		t.Errorf("seed fetched %d times over two runs, want 2", got)
	}
	if got := s.count("/robots.txt"); got != 1 {
		t.Errorf("robots.txt fetched %d times over two runs, want 1 (cached)", got)
	}
}
