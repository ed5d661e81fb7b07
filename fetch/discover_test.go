package fetch_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"testing"
	"time"

	"crawler/fetch"
)

func discoverySite(t *testing.T) (*site, *http.ServeMux) {
	mux := http.NewServeMux()
	s := newSite(t, "", mux)
	now := time.Now().UTC()
	day := 24 * time.Hour
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nDisallow: /admin/\nSitemap: %s/sitemap_index.xml\n", s.URL)
	})
	mux.HandleFunc("/{$}", serveHTML(`<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Home</body></html>`))
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"rss-1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"rss-1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>mid</title><link>%[1]s/rss/mid.html</link><pubDate>%[2]s</pubDate></item>
<item><title>old</title><link>%[1]s/rss/old.html</link><pubDate>%[3]s</pubDate></item>
<item><title>new</title><link>%[1]s/rss/new.html?utm_source=rss</link><pubDate>%[4]s</pubDate></item>
</channel></rss>`, s.URL, now.Add(-2*day).Format(time.RFC1123Z), now.Add(-30*day).Format(time.RFC1123Z), now.Add(-time.Hour).Format(time.RFC1123Z))
	})
	mux.HandleFunc("/atom.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>a</title><link href="%s/atom/a.html"/><updated>%s</updated><id>a</id></entry></feed>`, s.URL, now.Format(time.RFC3339))
	})
	mux.HandleFunc("/feed.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/feed+json")
		fmt.Fprintf(w, `{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"%s/json/j.html","date_published":"%s"}]}`,
			s.URL, now.Format(time.RFC3339))
	})
	mux.HandleFunc("/sitemap_index.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>%[1]s/news.xml.gz</loc></sitemap><sitemap><loc>%[1]s/pages.xml</loc></sitemap></sitemapindex>`, s.URL)
	})
	mux.HandleFunc("/news.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		fmt.Fprintf(zw, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>%[1]s/news/fresh.html</loc><news:news><news:publication_date>%[2]s</news:publication_date><news:title>f</news:title></news:news></url>
<url><loc>%[1]s/news/stale.html</loc><news:news><news:publication_date>%[3]s</news:publication_date></news:news></url>
</urlset>`, s.URL, now.Format(time.RFC3339), now.Add(-60*day).Format(time.RFC3339))
		zw.Close()
		w.Header().Set("Content-Type", "application/gzip")
		w.Write(buf.Bytes())
	})
	mux.HandleFunc("/pages.xml", func(w http.ResponseWriter, r *http.Request) {
		const stamp = "Mon, 02 Jan 2006 15:04:05 GMT"
		if r.Header.Get("If-Modified-Since") == stamp {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", stamp)
		fmt.Fprintf(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>%s/pages/p.html</loc><lastmod>%s</lastmod></url><url><loc>%s/admin/secret.html</loc></url></urlset>`,
			s.URL, now.Format("2006-01-02"), s.URL)
	})
	for _, p := range []string{"/rss/", "/atom/", "/json/", "/news/", "/pages/", "/admin/"} {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) { serveHTML(articleHTML("Story at "+r.URL.Path, ""))(w, r) })
	}
	return s, mux
}

func TestDiscoveryFeedsAndSitemaps(t *testing.T) {
	s, _ := discoverySite(t)
	db := openDB(t)
	job := fetch.Job{Name: "disc", Seeds: []string{s.URL + "/"}, Feeds: []string{s.URL + "/atom.xml", s.URL + "/feed.json"}, MaxAge: 7 * 24 * time.Hour}
	rep := mustCrawl(t, testOptions(), db, job)

	for _, p := range []string{"/rss/new.html", "/rss/mid.html", "/atom/a.html", "/json/j.html", "/news/fresh.html", "/pages/p.html"} {
		if s.count(p) != 1 {
			t.Errorf("%s fetched %d times, want 1", p, s.count(p))
		}
	}
	for _, p := range []string{"/rss/old.html", "/news/stale.html", "/admin/secret.html"} {
		if s.count(p) != 0 {
			t.Errorf("%s fetched although too old or disallowed", p)
		}
	}
	if rep.Stored != 6 {
		t.Errorf("stored %d, want 6", rep.Stored)
	}
	order := map[string]int{}
	for i, h := range s.requests() {
		order[h.path] = i
	}
	if order["/rss/new.html"] > order["/rss/mid.html"] {
		t.Errorf("older feed item fetched before the newer one")
	}

	// The next run polls seeds, feeds and sitemaps again, conditionally.
	rep = mustCrawl(t, testOptions(), db, job)
	if rep.NotModified != 2 || s.count("/feed.xml") != 2 || s.count("/pages.xml") != 2 || s.count("/rss/new.html") != 1 {
		t.Errorf("second run: not_modified=%d feed polls=%d article fetches=%d", rep.NotModified, s.count("/feed.xml"), s.count("/rss/new.html"))
	}
}

func TestGuessedFeedPaths(t *testing.T) {
	mux := http.NewServeMux()
	s := newSite(t, "", mux)
	mux.HandleFunc("/{$}", serveHTML(indexHTML()))
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>T</title><item><link>%s/post.html</link></item></channel></rss>`, s.URL)
	})
	mux.HandleFunc("/post.html", serveHTML(articleHTML("Post", "")))
	db := openDB(t)
	job := fetch.Job{Name: "guess", Seeds: []string{s.URL + "/"}}
	rep := mustCrawl(t, testOptions(), db, job)
	if rep.Stored != 1 || s.count("/post.html") != 1 {
		t.Fatalf("stored %d: feed at a common path not found", rep.Stored)
	}
	if rep.Failed != 0 {
		t.Errorf("failed = %d: missed guesses reported as failures", rep.Failed)
	}
	mustCrawl(t, testOptions(), db, job)
	if s.count("/rss.xml") != 1 || s.count("/index.xml") != 1 || s.count("/feed") != 2 {
		t.Errorf("guesses: rss.xml %d, index.xml %d, feed %d; want the misses tried once and the hit re-polled",
			s.count("/rss.xml"), s.count("/index.xml"), s.count("/feed"))
	}
}
