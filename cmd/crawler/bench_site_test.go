package main

import (
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var hrefRE = regexp.MustCompile(`href="([^"]+)"`)

// getPage fetches u and returns its status and body.
func getPage(t *testing.T, u string) (int, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s: %v", u, err)
	}
	return resp.StatusCode, string(b)
}

// crawlSite follows every on-host link from the seeds, once each, and
// returns the bodies of the pages answered 200 and the other statuses.
func crawlSite(t *testing.T, seeds []string) (pages map[string]string, bad map[string]int) {
	t.Helper()
	pages, bad = map[string]string{}, map[string]int{}
	queue := append([]string(nil), seeds...)
	seen := map[string]bool{}
	for len(queue) > 0 && len(seen) < 5000 {
		u := queue[0]
		queue = queue[1:]
		if seen[u] {
			continue
		}
		seen[u] = true
		status, body := getPage(t, u)
		if status != http.StatusOK {
			bad[u] = status
			continue
		}
		pages[u] = body
		base, _ := url.Parse(u)
		for _, m := range hrefRE.FindAllStringSubmatch(body, -1) {
			ref, err := base.Parse(strings.ReplaceAll(m[1], "&amp;", "&"))
			if err == nil && ref.Host == base.Host {
				ref.Fragment = ""
				queue = append(queue, ref.String())
			}
		}
	}
	return pages, bad
}

func TestBenchSiteLinksReachEveryArticle(t *testing.T) {
	const hosts, per = 3, 95
	s, err := startBenchSite(t.Context(), hosts, per)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := len(s.Seeds()); got != hosts {
		t.Fatalf("%d seeds, want %d", got, hosts)
	}
	pages, bad := crawlSite(t, s.Seeds())
	if len(bad) > 0 {
		t.Errorf("links to pages that are not there: %v", bad)
	}
	for h := range hosts {
		for i := range per {
			u := s.ArticleURL(h, i)
			body, ok := pages[u]
			if !ok {
				t.Errorf("article %d of host %d (%s) not reached by links", i, h, u)
				continue
			}
			if n := len(body); n < 20_000 || n > 60_000 {
				t.Errorf("%s is %d bytes, want 20-60 KB", u, n)
			}
		}
	}
	// Each host: front page, ceil(95/40)-1 = 2 archive pages, 8 sections.
	if want := hosts * (per + 1 + 2 + len(benchSiteSections)); len(pages) != want {
		t.Errorf("reached %d pages, want %d", len(pages), want)
	}
	if got, want := s.Requests(), int64(len(pages)+len(bad)); got != want {
		t.Errorf("Requests() = %d, want %d", got, want)
	}
	if s.Busy() <= 0 {
		t.Error("Busy() is zero after serving pages")
	}
}

func TestBenchSiteRoutes(t *testing.T) {
	s, err := startBenchSite(t.Context(), 1, 50)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	base := strings.TrimSuffix(s.Seeds()[0], "/")
	tests := []struct {
		name, path string
		status     int
		contains   string
	}{
		{"robots allows", "/robots.txt", 200, "Allow: /"},
		{"front page", "/", 200, "/archive/1"},
		{"last archive page", "/archive/1", 200, benchArticlePath(49)},
		{"archive past the end", "/archive/2", 404, ""},
		{"archive zero is served as / only", "/archive/0", 404, ""},
		{"section", "/section/sport", 200, benchArticlePath(3)},
		{"unknown section", "/section/gardening", 404, ""},
		{"article past the end", benchArticlePath(50), 404, ""},
		{"article with a wrong slug", "/news/3-wrong-slug.html", 404, ""},
		{"article", benchArticlePath(7), 200, "Leave a Reply"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := getPage(t, base+tt.path)
			if status != tt.status {
				t.Fatalf("GET %s: status %d, want %d", tt.path, status, tt.status)
			}
			if !strings.Contains(body, tt.contains) {
				t.Errorf("GET %s: body lacks %q", tt.path, tt.contains)
			}
		})
	}
}

func TestBenchSiteUnbounded(t *testing.T) {
	s, err := startBenchSite(t.Context(), 2, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if status, _ := getPage(t, s.ArticleURL(1, 1_000_000)); status != http.StatusOK {
		t.Errorf("article 1,000,000: status %d, want 200", status)
	}
	status, body := getPage(t, s.Seeds()[0]+"archive/100000")
	if status != http.StatusOK || !strings.Contains(body, `href="/archive/100001"`) {
		t.Errorf("archive page 100000: status %d, links on: %v", status, strings.Contains(body, "/archive/100001"))
	}
}

func TestBenchArticlesDiffer(t *testing.T) {
	chrome := []string{"Share this article", "Leave a Reply", "Join the conversation as a VIP Member",
		"Get the morning briefing", "Related stories", "All rights reserved", "Photo:"}
	titles, texts := map[string]bool{}, map[string]bool{}
	for h := range 2 {
		for i := range 300 {
			a := benchArticle(h, i)
			text := strings.Join(a.paragraphs, "\n")
			if titles[a.title] && texts[text] {
				t.Fatalf("article %d of host %d repeats an earlier one", i, h)
			}
			titles[a.title], texts[text] = true, true
			if n := len(a.paragraphs); n < 5 || n > 12 {
				t.Errorf("article %d of host %d has %d paragraphs, want 5-12", i, h, n)
			}
			for _, c := range chrome {
				if strings.Contains(text, c) {
					t.Errorf("article %d of host %d: text contains chrome %q", i, h, c)
				}
			}
		}
	}
	if len(texts) != 600 {
		t.Errorf("%d distinct texts of 600", len(texts))
	}
	a, b := benchArticle(0, 5), benchArticle(0, 5)
	if a.title != b.title || strings.Join(a.paragraphs, "") != strings.Join(b.paragraphs, "") {
		t.Error("the same article generated twice differs")
	}
}

func TestBenchSiteClose(t *testing.T) {
	s, err := startBenchSite(t.Context(), 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	u := s.Seeds()[0]
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, err := http.Get(u); err == nil {
		t.Error("site still answers after Close")
	}
}
