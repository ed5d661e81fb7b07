package demosite

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// maxPages bounds what a polite crawl of one outlet fetches, so that the
// demo, with its one-second per-host delay, ends well within a minute.
const maxPages = 40

// crawl walks an outlet's same-host links breadth first from its front
// page, obeying robots.txt, and returns the depth of every page it fetched.
// A page that does not answer 200 fails the test: the site has no broken
// internal links.
func crawl(t *testing.T, o Outlet) map[string]int {
	t.Helper()
	robots := string(get(t, o.BaseURL+"/robots.txt"))
	depth := map[string]int{o.Seeds[0]: 0}
	queue := []string{o.Seeds[0]}
	for len(queue) > 0 && len(depth) <= maxPages*2 {
		u := queue[0]
		queue = queue[1:]
		p := parsePage(t, bytes.NewReader(get(t, u)))
		for _, link := range absolute(t, u, p.links) {
			lu, err := url.Parse(link)
			if err != nil || lu.Host != o.Host || disallowed(robots, lu.Path) {
				continue
			}
			if _, ok := depth[link]; !ok {
				depth[link] = depth[u] + 1
				queue = append(queue, link)
			}
		}
	}
	return depth
}

func TestLinksReachEveryArticle(t *testing.T) {
	s := startSite(t)
	for i, o := range s.Outlets {
		t.Run(o.Name, func(t *testing.T) {
			depth := crawl(t, o)
			if len(depth) > maxPages {
				t.Errorf("a crawl fetches %d pages, want at most %d", len(depth), maxPages)
			}
			for _, a := range o.Articles {
				d, ok := depth[a.URL]
				switch {
				case !ok:
					t.Errorf("no link reaches %s", a.URL)
				case i == 2 && d != 1:
					t.Errorf("link-only outlet: %s is %d links from the front page, want 1", a.URL, d)
				}
			}
			for _, d := range o.Disallowed {
				if _, ok := depth[d]; ok {
					t.Errorf("crawl obeying robots.txt reached %s", d)
				}
			}
			t.Logf("%d pages", len(depth))
		})
	}
}

func TestCloseStopsListeners(t *testing.T) {
	s, err := Start(t.Context(), "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	get(t, s.Outlets[0].BaseURL+"/")
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 5 * time.Second}
	for _, o := range s.Outlets {
		if resp, err := client.Get(o.BaseURL + "/"); err == nil {
			resp.Body.Close()
			t.Errorf("%s still answers after Close: %s", o.Name, resp.Status)
		}
	}
}

func TestContextEndStopsServers(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	s, err := Start(ctx, "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 5 * time.Second}
	if resp, err := client.Get(s.Outlets[1].BaseURL + "/"); err == nil {
		resp.Body.Close()
		t.Errorf("server answers after its context ended")
	}
}

func TestStartBadHost(t *testing.T) {
	_, err := Start(t.Context(), "256.0.0.1")
	if err == nil || !strings.Contains(err.Error(), "256.0.0.1") {
		t.Errorf("Start(256.0.0.1) error = %v, want a listen error naming the host", err)
	}
}
