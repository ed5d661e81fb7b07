package fetch_test

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"crawler"
	"crawler/fetch"
	"crawler/storage"
)

// killableStore is a database whose process "dies" when kill is called:
// from then on no write reaches it, as after kill -9, while reads still
// work so the dead run can wind down.
type killableStore struct {
	*storage.DB
	killed atomic.Bool
	// afterFinish, when set, is called after each Finish that committed.
	afterFinish func(o crawler.Outcome)
}

var errKilled = errors.New("process killed")

func (s *killableStore) kill() { s.killed.Store(true) }

func (s *killableStore) dead() error {
	if s.killed.Load() {
		return errKilled
	}
	return nil
}

func (s *killableStore) FrontierEntry(ctx context.Context, url string) (crawler.URLEntry, bool, error) {
	if err := s.dead(); err != nil {
		return crawler.URLEntry{}, false, err
	}
	return s.DB.FrontierEntry(ctx, url)
}

func (s *killableStore) Finish(ctx context.Context, o crawler.Outcome) (crawler.FinishResult, error) {
	if err := s.dead(); err != nil {
		return crawler.FinishResult{}, err
	}
	res, err := s.DB.Finish(ctx, o)
	if err == nil && s.afterFinish != nil {
		s.afterFinish(o)
	}
	return res, err
}

func (s *killableStore) PutHostState(ctx context.Context, hs crawler.HostState) error {
	if err := s.dead(); err != nil {
		return err
	}
	return s.DB.PutHostState(ctx, hs)
}

func (s *killableStore) PutHostStates(ctx context.Context, states []crawler.HostState) error {
	if err := s.dead(); err != nil {
		return err
	}
	return s.DB.PutHostStates(ctx, states)
}

func (s *killableStore) PutHostTurn(ctx context.Context, t crawler.HostTurn) error {
	if err := s.dead(); err != nil {
		return err
	}
	return s.DB.PutHostTurn(ctx, t)
}

func (s *killableStore) Enqueue(ctx context.Context, entries []crawler.URLEntry) (int, error) {
	if err := s.dead(); err != nil {
		return 0, err
	}
	return s.DB.Enqueue(ctx, entries)
}

func (s *killableStore) EndRun(ctx context.Context, job string) error {
	if err := s.dead(); err != nil {
		return err
	}
	return s.DB.EndRun(ctx, job)
}

// crawlUntilKilled runs a crawl that the test kills through store and
// cancel; it returns when the dead run has wound down.
func crawlUntilKilled(t *testing.T, opts fetch.Options, store fetch.Store, job fetch.Job, ctx context.Context) {
	t.Helper()
	c, err := fetch.New(opts, store)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Crawl(ctx, job); err == nil {
		t.Fatal("killed run ended without an error")
	}
}

// firstAfter is the start of the first request the site saw after its
// first n requests.
func firstAfter(t *testing.T, s *site, n int) hit {
	t.Helper()
	hits := s.requests()
	if len(hits) <= n {
		t.Fatalf("no request after the restart (%d in all)", len(hits))
	}
	return hits[n]
}

func TestRestartAfterKillKeepsTheDelay(t *testing.T) {
	const delay = 700 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db := openDB(t)
	store := &killableStore{DB: db}
	var killedAt atomic.Int64 // UnixNano of the killed request's start
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("User-agent: *\nAllow: /\n")) })
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		if killedAt.Load() == 0 {
			// The process dies while its request is being answered.
			killedAt.Store(time.Now().UnixNano())
			store.kill()
			cancel()
		}
		serveHTML(indexHTML("/a/1.html", "/a/2.html"))(w, r)
	})
	mux.HandleFunc("/a/{k}", serveHTML(articleHTML("Kill story", "")))
	s := newSite(t, "", mux)
	opts := testOptions()
	opts.Delay, opts.Timeout = delay, 5*time.Second
	job := fetch.Job{Name: "kill", Seeds: []string{s.URL + "/"}}

	crawlUntilKilled(t, opts, store, job, ctx)
	n := len(s.requests())
	restart := time.Now()
	mustCrawl(t, opts, db, job)

	indexStart := time.Unix(0, killedAt.Load())
	next := firstAfter(t, s, n)
	gap := next.start.Sub(indexStart)
	t.Logf("restart %v after the killed request; its first request (%s) came %v after it, delay %v",
		restart.Sub(indexStart), next.path, gap, delay)
	if gap < delay-measureTolerance {
		t.Errorf("first request after the restart came %v after the last one, delay is %v", gap, delay)
	}
	if got := s.count("/a/1.html") + s.count("/a/2.html"); got != 2 {
		t.Errorf("articles fetched %d times after the restart, want 2", got)
	}
}

func TestRestartAfterKillKeepsRetryAfter(t *testing.T) {
	const retry = 2 * time.Second
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db := openDB(t)
	store := &killableStore{DB: db}
	var refused atomic.Int64 // UnixNano of the 429's request start
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("User-agent: *\nAllow: /\n")) })
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		if refused.Load() == 0 {
			refused.Store(time.Now().UnixNano())
			w.Header().Set("Retry-After", "2")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		serveHTML(indexHTML("/a/1.html"))(w, r)
	})
	mux.HandleFunc("/a/{k}", serveHTML(articleHTML("Retry story", "")))
	s := newSite(t, "", mux)
	// The process dies right after the 429's outcome is stored, before the
	// run could save its host states at the end.
	store.afterFinish = func(o crawler.Outcome) {
		if o.Entry.LastError != "" {
			store.kill()
			cancel()
		}
	}
	opts := testOptions()
	job := fetch.Job{Name: "retry", Seeds: []string{s.URL + "/"}}

	crawlUntilKilled(t, opts, store, job, ctx)
	n := len(s.requests())
	mustCrawl(t, opts, db, job)

	next := firstAfter(t, s, n)
	gap := next.start.Sub(time.Unix(0, refused.Load()))
	t.Logf("first request after the restart (%s) came %v after the 429, Retry-After %v", next.path, gap, retry)
	if gap < retry-measureTolerance {
		t.Errorf("host asked again %v after a 429 with Retry-After %v", gap, retry)
	}
	if s.count("/a/1.html") != 1 {
		t.Errorf("article fetched %d times, want 1", s.count("/a/1.html"))
	}
}
