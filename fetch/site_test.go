package fetch_test

import (
	"context"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"crawler/fetch"
	"crawler/storage"
)

// hit is one request as the server saw it.
type hit struct {
	path  string
	agent string
	start time.Time
	end   time.Time
}

// site is a fake news site on a loopback listener that records every
// request, so tests can check politeness from the server's side.
type site struct {
	*httptest.Server
	mu       sync.Mutex
	hits     []hit
	inflight int
	overlap  bool
}

// newSite serves mux on addr ("127.0.0.1:0" when empty).
func newSite(t testing.TB, addr string, mux http.Handler) *site {
	t.Helper()
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("listen %s: %v", addr, err)
	}
	s := &site{}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.inflight++
		if s.inflight > 1 {
			s.overlap = true
		}
		i := len(s.hits)
		s.hits = append(s.hits, hit{path: r.URL.RequestURI(), agent: r.UserAgent(), start: time.Now()})
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
		s.mu.Lock()
		s.inflight--
		s.hits[i].end = time.Now()
		s.mu.Unlock()
	}))
	s.Listener.Close()
	s.Listener = ln
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func (s *site) requests() []hit {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]hit(nil), s.hits...)
}

func (s *site) count(path string) int {
	n := 0
	for _, h := range s.requests() {
		if h.path == path {
			n++
		}
	}
	return n
}

var vocabulary = strings.Fields(`council harbour budget dredging channel winter storm mayor
river bridge school teacher museum exhibition railway station tram cyclist farmer harvest
drought rainfall festival orchestra theatre hospital nurse surgeon election ballot candidate
debate factory workers strike union wages market prices bakery fisherman trawler quota
library archive volunteer charity donation stadium league striker goalkeeper coach referee
airport runway noise residents petition court judge verdict appeal police inquiry witness
forest wildfire firefighters evacuation village tourism hotel ferry island lighthouse`)

// articleText is a deterministic, article-like text unique to title:
// different titles give texts far apart in SimHash.
func articleText(title string) []string {
	h := fnv.New64a()
	h.Write([]byte(title))
	rng := rand.New(rand.NewPCG(h.Sum64(), 7))
	paras := make([]string, 5)
	for i := range paras {
		words := make([]string, 30)
		for j := range words {
			words[j] = vocabulary[rng.IntN(len(vocabulary))]
		}
		paras[i] = fmt.Sprintf("%s reported that the %s.", title, strings.Join(words, " "))
	}
	return paras
}

// articleHTML is a page readability recognises as an article.
func articleHTML(title string, extraHead string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html><head><meta charset=utf-8><title>%s</title>%s</head><body>", title, extraHead)
	fmt.Fprintf(&b, "<nav><a href=/>Home</a></nav><article><h1>%s</h1>", title)
	for _, p := range articleText(title) {
		fmt.Fprintf(&b, "<p>%s</p>", p)
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

func indexHTML(links ...string) string {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><title>Index</title></head><body><ul>")
	for _, l := range links {
		fmt.Fprintf(&b, `<li><a href="%s">%s</a></li>`, l, l)
	}
	b.WriteString("</ul></body></html>")
	return b.String()
}

func serveHTML(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}
}

// openDB opens a temporary database that is consistency-checked on cleanup.
func openDB(t testing.TB) *storage.DB {
	t.Helper()
	db, err := storage.Open(filepath.Join(t.TempDir(), "crawl.db"), storage.Options{})
	if err != nil {
		t.Fatalf("open db: %v", err)
	}
	t.Cleanup(func() {
		if err := db.Check(); err != nil {
			t.Errorf("db check: %v", err)
		}
		db.Close()
	})
	return db
}

func testOptions() fetch.Options {
	o := fetch.DefaultOptions()
	o.UserAgent = "newsbot/2.0 (+https://example.org/bot)"
	o.Delay = 20 * time.Millisecond
	o.Timeout = 2 * time.Second
	o.AllowPrivate = true
	o.ParallelHosts = 4
	return o
}

func mustCrawl(t testing.TB, opts fetch.Options, db fetch.Store, job fetch.Job) (report fetchReport) {
	t.Helper()
	c, err := fetch.New(opts, db)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	rep, err := c.Crawl(ctx, job)
	if err != nil {
		t.Fatalf("crawl: %v", err)
	}
	return fetchReport(rep)
}
