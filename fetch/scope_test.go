package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"crawler"
	"crawler/fetch"
)

func TestScopeAndTraps(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/{$}", serveHTML(indexHTML(
		"/news/1.html", "/news/2.html", "/sport/3.html",
		"/calendar/2026/11/", "/list?page=900", "/a/b/a/b/a/b/x.html",
		"/search?q=1&a=2&b=3&c=4&d=5", "/news/s.html;jsessionid=ABC",
		"http://other.invalid/news/9.html", "/level1.html",
	)))
	mux.HandleFunc("/level1.html", serveHTML(indexHTML("/level2.html")))
	mux.HandleFunc("/level2.html", serveHTML(indexHTML("/level3.html")))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { serveHTML(articleHTML("Story "+r.URL.Path, ""))(w, r) })
	s := newSite(t, "", mux)
	job := fetch.Job{
		Name: "scope", Seeds: []string{s.URL + "/"},
		Include:  []string{`/news/`, `/level`},
		Exclude:  []string{`/news/2\.html`},
		MaxDepth: 2,
	}
	mustCrawl(t, testOptions(), openDB(t), job)
	// s.html;jsessionid=ABC is the article /news/s.html without its session.
	want := map[string]int{"/news/1.html": 1, "/news/s.html": 1, "/level1.html": 1, "/level2.html": 1}
	guessedFeeds := map[string]bool{"/": true, "/robots.txt": true, "/feed": true, "/rss.xml": true, "/index.xml": true}
	for _, h := range s.requests() {
		if guessedFeeds[h.path] {
			continue
		}
		if want[h.path] == 0 {
			t.Errorf("out of scope request %s", h.path)
		}
		want[h.path]--
	}
	for p, n := range want {
		if n != 0 {
			t.Errorf("%s not fetched", p)
		}
	}
}

func TestBudgets(t *testing.T) {
	links := make([]string, 10)
	for i := range links {
		links[i] = fmt.Sprintf("/n/%d.html", i)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", serveHTML(indexHTML(links...)))
	mux.HandleFunc("/n/", func(w http.ResponseWriter, r *http.Request) { serveHTML(articleHTML("Story "+r.URL.Path, ""))(w, r) })
	tests := []struct {
		name      string
		job       fetch.Job
		wantPages int
	}{
		{"max pages", fetch.Job{MaxPages: 4}, 4},
		{"max pages per host", fetch.Job{MaxPagesPerHost: 6}, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSite(t, "", mux)
			db := openDB(t)
			tt.job.Name, tt.job.Seeds = "budget", []string{s.URL + "/"}
			rep := mustCrawl(t, testOptions(), db, tt.job)
			if pages := len(s.requests()) - s.count("/robots.txt"); pages != tt.wantPages || rep.Fetched != tt.wantPages {
				t.Errorf("server saw %d pages, report %d, want %d", pages, rep.Fetched, tt.wantPages)
			}
			first := rep.Stored
			// The rest stays pending and the next run carries on.
			rep = mustCrawl(t, testOptions(), db, fetch.Job{Name: "budget", Seeds: tt.job.Seeds})
			for _, l := range links {
				if n := s.count(l); n != 1 {
					t.Errorf("%s fetched %d times over two runs", l, n)
				}
			}
			if first+rep.Stored != len(links) {
				t.Errorf("stored %d then %d, want %d in all", first, rep.Stored, len(links))
			}
		})
	}
}

func TestAllowedHostsIgnorePort(t *testing.T) {
	other := newSite(t, "", serveHTML(articleHTML("Elsewhere", "")))
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", serveHTML(indexHTML(other.URL+"/story.html")))
	s := newSite(t, "", mux)
	// Both listen on 127.0.0.1: the other port is the same allowed host.
	mustCrawl(t, testOptions(), openDB(t), fetch.Job{Name: "ports", Seeds: []string{s.URL + "/"}, AllowedHosts: []string{"127.0.0.1"}})
	if other.count("/story.html") != 1 {
		t.Errorf("story on another port of an allowed host not fetched")
	}
}

func TestPrivateAddressesRefused(t *testing.T) {
	s := newSite(t, "", oneArticle(story))
	db := openDB(t)
	opts := testOptions()
	opts.AllowPrivate = false
	rep := mustCrawl(t, opts, db, fetch.Job{Name: "ssrf", Seeds: []string{s.URL + "/"}})
	if n := len(s.requests()); n != 0 {
		t.Fatalf("%d requests reached a loopback server", n)
	}
	if rep.Stored != 0 {
		t.Errorf("stored %d", rep.Stored)
	}
	seed, _, _ := db.FrontierEntry(context.Background(), s.URL+"/")
	if !strings.Contains(seed.LastError, "private network") {
		t.Errorf("seed error %q does not name the guard", seed.LastError)
	}
}

func TestCancelFinishesInFlightPage(t *testing.T) {
	started := make(chan struct{})
	var once bool
	mux := http.NewServeMux()
	mux.HandleFunc("/story.html", func(w http.ResponseWriter, r *http.Request) {
		if !once {
			once = true
			close(started)
		}
		time.Sleep(300 * time.Millisecond)
		story(w, r)
	})
	mux.HandleFunc("/{$}", serveHTML(indexHTML("/story.html", "/later.html")))
	mux.HandleFunc("/later.html", serveHTML(articleHTML("Later", "")))
	s := newSite(t, "", mux)
	db := openDB(t)
	c, err := fetch.New(testOptions(), db)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-started
		cancel()
	}()
	_, err = c.Crawl(ctx, fetch.Job{Name: "cancel", Seeds: []string{s.URL + "/"}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("crawl returned %v, want context.Canceled", err)
	}
	if e, _, _ := db.FrontierEntry(context.Background(), s.URL+"/story.html"); e.State != crawler.StateDone {
		t.Errorf("in-flight page state %q, want done", e.State)
	}
	if e, _, _ := db.FrontierEntry(context.Background(), s.URL+"/later.html"); e.State != crawler.StatePending {
		t.Errorf("unstarted page state %q, want pending", e.State)
	}
	rep := mustCrawl(t, testOptions(), db, fetch.Job{Name: "cancel", Seeds: []string{s.URL + "/"}})
	if rep.Stored != 1 || s.count("/story.html") != 1 {
		t.Errorf("resumed run stored %d, story fetched %d times", rep.Stored, s.count("/story.html"))
	}
}
