package fetch_test

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"crawler/fetch"
)

// recorder is an Observer that counts events.
type recorder struct {
	mu     sync.Mutex
	counts map[string]int
}

func (r *recorder) add(k string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.counts == nil {
		r.counts = map[string]int{}
	}
	r.counts[k]++
}

func (r *recorder) Fetched(string, int, int64, time.Duration) { r.add("fetched") }
func (r *recorder) Cleaned(time.Duration, int)                { r.add("cleaned") }
func (r *recorder) Stored(string)                             { r.add("stored") }
func (r *recorder) Duplicate(string)                          { r.add("duplicate") }
func (r *recorder) NotModified(string)                        { r.add("not_modified") }
func (r *recorder) RobotsBlocked(string)                      { r.add("robots_blocked") }
func (r *recorder) FetchError(string, string)                 { r.add("fetch_error") }

func TestObserverSeesEvents(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("User-agent: *\nDisallow: /private\n")) })
	mux.HandleFunc("/{$}", serveHTML(indexHTML("/story.html", "/private.html", "/copy.html", "/gone.html")))
	mux.HandleFunc("/story.html", story)
	mux.HandleFunc("/copy.html", story)
	mux.HandleFunc("/gone.html", status(http.StatusGone))
	s := newSite(t, "", mux)
	rec := &recorder{}
	opts := testOptions()
	opts.Observer = rec
	rep := mustCrawl(t, opts, openDB(t), fetch.Job{Name: "obs", Seeds: []string{s.URL + "/"}})
	want := map[string]int{"stored": 1, "duplicate": 1, "robots_blocked": 1, "fetch_error": 1}
	for k, n := range want {
		if rec.counts[k] != n {
			t.Errorf("%s = %d, want %d (all: %v)", k, rec.counts[k], n, rec.counts)
		}
	}
	if rec.counts["fetched"] != rep.Fetched+1 { // robots.txt is observed but not a page
		t.Errorf("fetched events %d, report %d pages", rec.counts["fetched"], rep.Fetched)
	}
}
