package fetch_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"crawler"
	"crawler/fetch"
	"crawler/storage"
)

// windowStore records how the run reads pending URLs from the store.
type windowStore struct {
	*storage.DB
	mu       sync.Mutex
	maxLimit int
	loads    int
}

func (s *windowStore) PendingOf(ctx context.Context, job, host string, limit int) ([]crawler.URLEntry, error) {
	s.mu.Lock()
	s.maxLimit = max(s.maxLimit, limit)
	s.loads++
	s.mu.Unlock()
	return s.DB.PendingOf(ctx, job, host, limit)
}

// manyArticles serves an index linking n articles, in order, and the
// articles, whose text is unique to name.
func manyArticles(name string, n int) http.Handler {
	mux := http.NewServeMux()
	var links []string
	for i := range n {
		links = append(links, fmt.Sprintf("/news/%03d.html", i))
	}
	mux.Handle("/{$}", serveHTML(indexHTML(links...)))
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		serveHTML(articleHTML(name+" story "+strings.TrimPrefix(r.URL.Path, "/news/"), ""))(w, r)
	})
	mux.Handle("/robots.txt", serveHTML("User-agent: *\nAllow: /\n"))
	return mux
}

// TestRunReadsFrontierInWindows crawls two hosts whose index pages reveal
// far more URLs than a host's window holds. Every article must be fetched
// once, in the order the index lists them, and the run must read the
// store a window at a time instead of holding every pending URL.
func TestRunReadsFrontierInWindows(t *testing.T) {
	const perHost = 90
	a := newSite(t, "127.0.0.1:0", manyArticles("Ashford", perHost))
	b := newSite(t, "127.0.0.1:0", manyArticles("Brampton", perHost))
	store := &windowStore{DB: openDB(t)}
	opts := testOptions()
	opts.Delay = time.Millisecond
	rep := mustCrawl(t, opts, store, fetch.Job{Name: "win", Seeds: []string{a.URL + "/", b.URL + "/"}})
	if rep.Stored != 2*perHost {
		t.Fatalf("stored %d articles, want %d (report %+v)", rep.Stored, 2*perHost, rep)
	}
	for _, s := range []*site{a, b} {
		var order []string
		for _, h := range s.requests() {
			if strings.HasPrefix(h.path, "/news/") {
				order = append(order, h.path)
			}
		}
		if len(order) != perHost {
			t.Fatalf("%s served %d article requests, want %d", s.URL, len(order), perHost)
		}
		for i, p := range order {
			if want := fmt.Sprintf("/news/%03d.html", i); p != want {
				t.Fatalf("%s: request %d was %s, want %s (fetch order lost across windows)", s.URL, i, p, want)
			}
		}
	}
	if store.maxLimit > 16 || store.loads < 2*perHost/16 {
		t.Fatalf("run read the store %d times with limits up to %d; want windows of at most 16", store.loads, store.maxLimit)
	}
}

// TestResumedRunReadsPendingInWindows stops a run early (MaxPages) and
// checks the next run picks every remaining URL up from the store.
func TestResumedRunReadsPendingInWindows(t *testing.T) {
	const perHost = 40
	s := newSite(t, "127.0.0.1:0", manyArticles("Caldwell", perHost))
	store := &windowStore{DB: openDB(t)}
	opts := testOptions()
	opts.Delay = time.Millisecond
	job := fetch.Job{Name: "resume", Seeds: []string{s.URL + "/"}, MaxPages: 15}
	first := mustCrawl(t, opts, store, job)
	job.MaxPages = 0
	second := mustCrawl(t, opts, store, job)
	if first.Stored+second.Stored != perHost {
		t.Fatalf("stored %d + %d, want %d in all", first.Stored, second.Stored, perHost)
	}
	seen := map[string]int{}
	for _, h := range s.requests() {
		seen[h.path]++
	}
	for i := range perHost {
		if p := fmt.Sprintf("/news/%03d.html", i); seen[p] != 1 {
			t.Errorf("%s fetched %d times, want once", p, seen[p])
		}
	}
}

// TestNegativeDelayMeansNone checks that a negative Delay turns the
// politeness delay off instead of falling back to the 1 s default.
func TestNegativeDelayMeansNone(t *testing.T) {
	s := newSite(t, "127.0.0.1:0", manyArticles("Dunmore", 6))
	opts := testOptions()
	opts.Delay = -1
	rep := mustCrawl(t, opts, openDB(t), fetch.Job{Name: "nodelay", Seeds: []string{s.URL + "/"}})
	if rep.Stored != 6 {
		t.Fatalf("stored %d, want 6", rep.Stored)
	}
	if gap := minStartGap(s); gap >= 500*time.Millisecond {
		t.Fatalf("requests %v apart with no delay; the 1 s default was applied", gap)
	}
}
