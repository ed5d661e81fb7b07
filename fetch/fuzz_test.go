package fetch

import (
	"net/url"
	"testing"
)

var fuzzBase, _ = url.Parse("http://example.com/a/b.html")

func FuzzScanLinks(f *testing.F) {
	f.Add([]byte(`<html><head><base href="/x/"><link rel="canonical" href="c.html"><link rel=alternate type=application/rss+xml href=/f></head><body><a href="p?q=1#f">p</a><a href="javascript:x">j</a></body></html>`))
	f.Add([]byte("<a href=\"\x00\xff\"><meta property=og:url content=http://[::1>"))
	f.Add([]byte("<<<a href=>><link rel><base href=%zz>"))
	f.Fuzz(func(t *testing.T, body []byte) {
		links := scanLinks(body, fuzzBase)
		for _, l := range links.links {
			if _, err := url.Parse(l); err != nil {
				t.Errorf("unparsable link %q", l)
			}
		}
	})
}

func FuzzParseSitemap(f *testing.F) {
	f.Add([]byte(`<urlset><url><loc>/a</loc><lastmod>2024-01-02</lastmod><news:news><news:publication_date>2024-01-02T03:04:05Z</news:publication_date></news:news></url></urlset>`))
	f.Add([]byte(`<sitemapindex><sitemap><loc>http://e.com/s.xml.gz</loc></sitemap>`))
	f.Add([]byte("<url><loc>\x00</url"))
	f.Fuzz(func(t *testing.T, body []byte) {
		_, _ = parseSitemap(body, fuzzBase)
		_, _ = parseFeed(body, fuzzBase)
	})
}

func FuzzParseRobots(f *testing.F) {
	f.Add(200, []byte("User-agent: *\nDisallow: /private\nCrawl-delay: 2\nSitemap: http://e.com/s.xml\n"))
	f.Add(200, []byte("User-agent crawler\nDisallow /\n\x00\xff{{{"))
	f.Add(503, []byte(""))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		r := parseRobots(status, body, "crawler")
		_ = r.allowed(fuzzBase)
		if status >= 500 && !r.unavailable {
			t.Errorf("status %d not treated as unavailable", status)
		}
	})
}
