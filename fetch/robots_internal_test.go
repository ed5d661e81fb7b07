package fetch

import (
	"net/url"
	"testing"
	"time"
)

func TestParseRobotsRules(t *testing.T) {
	const body = `# comments and junk are ignored
User-agent: *
Disallow: /

User-agent: newsbot
Disallow: /a/
Allow: /a/public.html
Disallow: /*.pdf$
Disallow: /search?
Crawl-delay: 2.5
this line is garbage
Sitemap: https://example.com/sitemap.xml
`
	tests := []struct {
		agent, path string
		want        bool
	}{
		{"newsbot", "/news/1.html", true},
		{"newsbot", "/a/secret.html", false},
		{"newsbot", "/a/public.html", true}, // the longer Allow wins
		{"newsbot", "/files/x.pdf", false},
		{"newsbot", "/files/x.pdf.html", true},
		{"newsbot", "/search?q=x", false},
		{"otherbot", "/news/1.html", false}, // falls back to the * group
	}
	for _, tt := range tests {
		r := parseRobots(200, []byte(body), tt.agent)
		u, _ := url.Parse("https://example.com" + tt.path)
		if got := r.allowed(u); got != tt.want {
			t.Errorf("%s %s: allowed=%v, want %v", tt.agent, tt.path, got, tt.want)
		}
	}
	r := parseRobots(200, []byte(body), "newsbot")
	if r.crawlDelay != 2500*time.Millisecond || len(r.sitemaps) != 1 {
		t.Errorf("crawl-delay %v, sitemaps %v", r.crawlDelay, r.sitemaps)
	}
	if got := agentToken("newsbot/2.0 (+https://example.org/bot)"); got != "newsbot" {
		t.Errorf("agent token %q", got)
	}
}
