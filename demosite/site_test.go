package demosite

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// startSite serves the demo site for one test and stops it on cleanup.
func startSite(t *testing.T) *Site {
	t.Helper()
	s, err := Start(t.Context(), "127.0.0.1")
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// get fetches u and fails the test unless it answers 200.
func get(t *testing.T, u string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s: %v", u, err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", u, resp.StatusCode)
	}
	return body
}

func TestStartServesEveryArticle(t *testing.T) {
	s := startSite(t)
	if len(s.Outlets) != 3 {
		t.Fatalf("got %d outlets, want 3", len(s.Outlets))
	}
	hosts := map[string]bool{}
	for _, o := range s.Outlets {
		hosts[o.Host] = true
		if o.BaseURL != "http://"+o.Host || !strings.HasPrefix(o.Host, "127.0.0.1:") {
			t.Errorf("%s: BaseURL %q, Host %q", o.Name, o.BaseURL, o.Host)
		}
		if len(o.Articles) < 20 {
			t.Errorf("%s: %d articles", o.Name, len(o.Articles))
		}
		for _, a := range o.Articles {
			if a.URL != o.BaseURL+a.Path {
				t.Errorf("%s: article URL %q, want %q", o.Name, a.URL, o.BaseURL+a.Path)
			}
			checkArticlePage(t, o, a, parsePage(t, bytes.NewReader(get(t, a.URL))))
		}
	}
	if len(hosts) != 3 {
		t.Errorf("outlets share a host:port: %v", hosts)
	}
	if got := s.Chrome(); len(got) < 20 || !slices.Contains(got, "Join the conversation as a VIP Member") || !slices.Contains(got, "Leave a Reply") {
		t.Errorf("Chrome() = %q", got)
	}
}

// checkArticlePage asserts that a served article page carries its gold
// paragraphs, each as one <p>, the outlet's chrome and its metadata.
func checkArticlePage(t *testing.T, o Outlet, a Article, p parsedPage) {
	t.Helper()
	for _, para := range a.Paragraphs {
		if !slices.Contains(p.paragraphs, para) {
			t.Errorf("%s: paragraph missing from %s: %q", o.Name, a.URL, para)
		}
	}
	text := p.text()
	for _, c := range o.Chrome {
		if !strings.Contains(text, c) {
			t.Errorf("%s: chrome line %q missing from %s", o.Name, c, a.URL)
		}
	}
	if !strings.Contains(text, a.Byline) {
		t.Errorf("%s: byline %q not shown on %s", o.Name, a.Byline, a.URL)
	}
	if strings.Count(text, a.Title) < 2 {
		t.Errorf("%s: headline not repeated in the body of %s", o.Name, a.URL)
	}
	checks := []struct{ what, got, want string }{
		{"lang", p.lang, o.Lang},
		{"canonical", p.canonical, a.URL},
		{"og:url", p.meta["og:url"], a.URL},
		{"og:title", p.meta["og:title"], a.Title},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s %s: %s = %q, want %q", o.Name, a.Path, c.what, c.got, c.want)
		}
	}
	if !strings.Contains(p.title, a.Title) {
		t.Errorf("%s %s: <title> %q lacks the headline", o.Name, a.Path, p.title)
	}
	if got := published(t, p); !got.Equal(a.Published) {
		t.Errorf("%s %s: published %v, want %v", o.Name, a.Path, got, a.Published)
	}
}

// published reads the publication time from article:published_time or,
// failing that, from JSON-LD, and checks the two agree when both exist.
func published(t *testing.T, p parsedPage) time.Time {
	t.Helper()
	var fromMeta, fromLD time.Time
	if v := p.meta["article:published_time"]; v != "" {
		fromMeta, _ = time.Parse(time.RFC3339, v)
	}
	for _, js := range p.jsonLD {
		var ld struct {
			Type          string `json:"@type"`
			DatePublished string `json:"datePublished"`
		}
		if err := json.Unmarshal([]byte(js), &ld); err != nil {
			t.Errorf("JSON-LD does not parse: %v", err)
			continue
		}
		if ld.Type == "NewsArticle" {
			fromLD, _ = time.Parse(time.RFC3339, ld.DatePublished)
		}
	}
	if !fromMeta.IsZero() && !fromLD.IsZero() && !fromMeta.Equal(fromLD) {
		t.Errorf("meta says %v, JSON-LD says %v", fromMeta, fromLD)
	}
	if fromMeta.IsZero() {
		return fromLD
	}
	return fromMeta
}

func TestFeedListsArticles(t *testing.T) {
	s := startSite(t)
	o := s.Outlets[0]
	if len(o.Feeds) != 1 || o.Feeds[0] != o.BaseURL+"/feed.xml" {
		t.Fatalf("Feeds = %q", o.Feeds)
	}
	var feed struct {
		Version string `xml:"version,attr"`
		Items   []struct {
			Link    string `xml:"link"`
			PubDate string `xml:"pubDate"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal(get(t, o.Feeds[0]), &feed); err != nil {
		t.Fatalf("feed does not parse: %v", err)
	}
	if feed.Version != "2.0" {
		t.Errorf("rss version %q", feed.Version)
	}
	var links []string
	for _, it := range feed.Items {
		links = append(links, it.Link)
		if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
			t.Errorf("pubDate %q: %v", it.PubDate, err)
		}
	}
	for _, a := range o.Articles {
		if !slices.Contains(links, a.URL) {
			t.Errorf("feed lacks %s", a.URL)
		}
	}
	if !bytes.Contains(get(t, o.BaseURL+"/"), []byte(`<link rel="alternate" type="application/rss+xml"`)) {
		t.Errorf("front page does not link the feed")
	}
}

func TestSitemapListsArticles(t *testing.T) {
	s := startSite(t)
	o := s.Outlets[1]
	if len(o.Sitemaps) != 1 || o.Sitemaps[0] != o.BaseURL+"/sitemap.xml" {
		t.Fatalf("Sitemaps = %q", o.Sitemaps)
	}
	if robots := string(get(t, o.BaseURL+"/robots.txt")); !strings.Contains(robots, "\nSitemap: "+o.Sitemaps[0]+"\n") {
		t.Errorf("robots.txt does not name the sitemap:\n%s", robots)
	}
	var set struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(get(t, o.Sitemaps[0]), &set); err != nil {
		t.Fatalf("sitemap does not parse: %v", err)
	}
	var locs []string
	for _, u := range set.URLs {
		locs = append(locs, u.Loc)
	}
	for _, a := range o.Articles {
		if !slices.Contains(locs, a.URL) {
			t.Errorf("sitemap lacks %s", a.URL)
		}
	}
}

func TestOnlyOneOutletHasFeedSitemapOrDisallowedSection(t *testing.T) {
	s := startSite(t)
	for i, o := range s.Outlets {
		want := [3]bool{i == 0, i == 1, i == 2}
		got := [3]bool{len(o.Feeds) > 0, len(o.Sitemaps) > 0, len(o.Disallowed) > 0}
		if got != want {
			t.Errorf("%s: feed, sitemap, disallowed = %v, want %v", o.Name, got, want)
		}
		robots := string(get(t, o.BaseURL+"/robots.txt"))
		if (i == 1) != strings.Contains(robots, "Sitemap:") {
			t.Errorf("%s robots.txt:\n%s", o.Name, robots)
		}
	}
}

func TestDisallowedSectionIsLinkedButForbidden(t *testing.T) {
	s := startSite(t)
	o := s.Outlets[2]
	if len(o.Disallowed) == 0 {
		t.Fatal("no disallowed pages")
	}
	robots := string(get(t, o.BaseURL+"/robots.txt"))
	front := parsePage(t, bytes.NewReader(get(t, o.BaseURL+"/")))
	for _, d := range o.Disallowed {
		u, err := url.Parse(d)
		if err != nil {
			t.Fatal(err)
		}
		if !disallowed(robots, u.Path) {
			t.Errorf("robots.txt allows %s:\n%s", d, robots)
		}
		if !slices.Contains(absolute(t, o.BaseURL+"/", front.links), d) {
			t.Errorf("front page does not link %s", d)
		}
		get(t, d) // served, so a crawler that ignores robots.txt is caught
	}
}

// disallowed reports whether the "User-agent: *" group of robots forbids path.
func disallowed(robots, path string) bool {
	for _, line := range strings.Split(robots, "\n") {
		if rule, ok := strings.CutPrefix(line, "Disallow: "); ok && rule != "" && strings.HasPrefix(path, rule) {
			return true
		}
	}
	return false
}

func absolute(t *testing.T, base string, hrefs []string) []string {
	t.Helper()
	b, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range hrefs {
		u, err := b.Parse(h)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			continue
		}
		u.Fragment = ""
		out = append(out, u.String())
	}
	return out
}
