package fetch_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"crawler"
	"crawler/fetch"
	"crawler/storage"
)

// oneArticle serves a seed linking to /story.html, served by h, and a
// permissive robots.txt.
func oneArticle(h http.HandlerFunc) *http.ServeMux {
	return oneArticleRobots("User-agent: *\nAllow: /\n", h)
}

func oneArticleRobots(robots string, h http.HandlerFunc) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, robots) })
	mux.HandleFunc("/{$}", serveHTML(indexHTML("/story.html")))
	mux.HandleFunc("/story.html", h)
	return mux
}

// nth calls handlers[i] on the i-th request (the last one repeats).
func nth(handlers ...http.HandlerFunc) http.HandlerFunc {
	var n atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		i := min(int(n.Add(1))-1, len(handlers)-1)
		handlers[i](w, r)
	}
}

func status(code int, header ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		w.WriteHeader(code)
	}
}

var story = serveHTML(articleHTML("The story", ""))

type faultResult struct {
	rep   fetchReport
	site  *site
	db    *storage.DB
	entry crawler.URLEntry
}

func crawlOne(t *testing.T, mux http.Handler, tune func(*fetch.Options)) faultResult {
	t.Helper()
	s := newSite(t, "", mux)
	db := openDB(t)
	opts := testOptions()
	if tune != nil {
		tune(&opts)
	}
	rep := mustCrawl(t, opts, db, fetch.Job{Name: "faults", Seeds: []string{s.URL + "/"}})
	e, _, err := db.FrontierEntry(context.Background(), s.URL+"/story.html")
	if err != nil {
		t.Fatal(err)
	}
	return faultResult{rep: rep, site: s, db: db, entry: e}
}

func (f faultResult) stored(t *testing.T) bool {
	t.Helper()
	_, err := f.db.Document(context.Background(), f.site.URL+"/story.html")
	return err == nil
}

func gapBetween(s *site, path string) []time.Duration {
	var starts []time.Time
	for _, h := range s.requests() {
		if h.path == path {
			starts = append(starts, h.start)
		}
	}
	var gaps []time.Duration
	for i := 1; i < len(starts); i++ {
		gaps = append(gaps, starts[i].Sub(starts[i-1]))
	}
	return gaps
}

func TestFaultSlowLorisBody(t *testing.T) {
	f := crawlOne(t, oneArticle(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		for range 100 {
			if _, err := w.Write([]byte("<p>x")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			time.Sleep(50 * time.Millisecond)
		}
	}), func(o *fetch.Options) { o.Timeout, o.MaxRetries = 300*time.Millisecond, 2 })
	if f.stored(t) || f.entry.State != crawler.StateFailed || f.site.count("/story.html") != 2 {
		t.Errorf("stored=%v state=%s requests=%d, want not stored, failed after 2", f.stored(t), f.entry.State, f.site.count("/story.html"))
	}
	if !strings.Contains(f.entry.LastError, "Timeout") && !strings.Contains(f.entry.LastError, "deadline") {
		t.Errorf("last error %q does not name the timeout", f.entry.LastError)
	}
}

func TestFaultHeadersNeverCome(t *testing.T) {
	f := crawlOne(t, oneArticle(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}), func(o *fetch.Options) { o.Timeout, o.MaxRetries = 200*time.Millisecond, 1 })
	if f.stored(t) || f.entry.State != crawler.StateFailed || f.site.count("/story.html") != 1 {
		t.Errorf("stored=%v state=%s requests=%d, want failed after one timed-out attempt",
			f.stored(t), f.entry.State, f.site.count("/story.html"))
	}
}

func TestFaultConnectionResetMidBody(t *testing.T) {
	page := articleHTML("The story", "")
	reset := func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(page), page[:len(page)/2])
		buf.Flush()
		conn.(*net.TCPConn).SetLinger(0)
		conn.Close()
	}
	f := crawlOne(t, oneArticle(nth(reset, story)), nil)
	if !f.stored(t) || f.site.count("/story.html") != 2 {
		t.Fatalf("stored=%v requests=%d, want stored after one retry", f.stored(t), f.site.count("/story.html"))
	}
	doc, _ := f.db.Document(context.Background(), f.site.URL+"/story.html")
	for _, p := range articleText("The story") {
		if !strings.Contains(doc.Text, p) {
			t.Fatalf("stored text is truncated: %q", doc.Text)
		}
	}
}

func TestFault5xxBurstBacksOff(t *testing.T) {
	f := crawlOne(t, oneArticle(nth(status(500), status(502), status(500), story)),
		func(o *fetch.Options) { o.MaxRetries = 5 })
	if !f.stored(t) || f.site.count("/story.html") != 4 {
		t.Fatalf("stored=%v requests=%d, want stored on the 4th", f.stored(t), f.site.count("/story.html"))
	}
	gaps := gapBetween(f.site, "/story.html")
	for i := 1; i < len(gaps); i++ {
		if gaps[i] < gaps[i-1] {
			t.Errorf("backoff shrank: %v", gaps)
		}
	}
	if gaps[len(gaps)-1] < 4*20*time.Millisecond {
		t.Errorf("last gap %v: no exponential backoff (%v)", gaps[len(gaps)-1], gaps)
	}
}

func TestFault429RetryAfter(t *testing.T) {
	tests := []struct {
		name  string
		code  int
		value func() string
	}{
		{"429 seconds", http.StatusTooManyRequests, func() string { return "1" }},
		{"429 http date", http.StatusTooManyRequests, func() string { return time.Now().Add(2 * time.Second).UTC().Format(http.TimeFormat) }},
		{"503 seconds", http.StatusServiceUnavailable, func() string { return "1" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first := func(w http.ResponseWriter, r *http.Request) {
				status(tt.code, "Retry-After", tt.value())(w, r)
			}
			f := crawlOne(t, oneArticle(nth(first, story)), nil)
			if !f.stored(t) {
				t.Fatalf("not stored after Retry-After")
			}
			gaps := gapBetween(f.site, "/story.html")
			if len(gaps) != 1 || gaps[0] < time.Second-measureTolerance {
				t.Errorf("retry gaps %v, want one gap of at least 1s", gaps)
			}
		})
	}
}

func TestFaultRedirects(t *testing.T) {
	t.Run("loop", func(t *testing.T) {
		mux := oneArticle(func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/b.html", http.StatusFound) })
		mux.HandleFunc("/b.html", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/story.html", http.StatusMovedPermanently)
		})
		f := crawlOne(t, mux, nil)
		if f.stored(t) || f.entry.State != crawler.StateFailed || !strings.Contains(f.entry.LastError, "redirects") {
			t.Errorf("state=%s error=%q, want failed with too many redirects", f.entry.State, f.entry.LastError)
		}
		if n := f.site.count("/story.html") + f.site.count("/b.html"); n != 2 {
			t.Errorf("%d requests in the loop, want 2", n)
		}
	})
	t.Run("hops are spaced like requests", func(t *testing.T) {
		mux := oneArticle(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/moved.html", http.StatusMovedPermanently)
		})
		mux.HandleFunc("/moved.html", story)
		f := crawlOne(t, mux, func(o *fetch.Options) { o.Delay = 60 * time.Millisecond })
		var first, second time.Time
		for _, h := range f.site.requests() {
			switch h.path {
			case "/story.html":
				first = h.start
			case "/moved.html":
				second = h.start
			}
		}
		if gap := second.Sub(first); gap < 60*time.Millisecond-measureTolerance {
			t.Errorf("redirect hop followed after %v, delay is 60ms", gap)
		}
		doc, err := f.db.Document(context.Background(), f.site.URL+"/moved.html")
		if err != nil || doc.FinalURL != f.site.URL+"/moved.html" || doc.URL != f.site.URL+"/story.html" {
			t.Errorf("redirect not recorded: %+v %v", doc, err)
		}
	})
	t.Run("into disallowed path", func(t *testing.T) {
		mux := oneArticleRobots("User-agent: *\nDisallow: /private/\n", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/private/x.html", http.StatusFound)
		})
		mux.HandleFunc("/private/", story)
		f := crawlOne(t, mux, nil)
		if f.site.count("/private/x.html") != 0 || f.rep.RobotsBlocked != 1 || f.stored(t) {
			t.Errorf("private requests=%d robots_blocked=%d stored=%v", f.site.count("/private/x.html"), f.rep.RobotsBlocked, f.stored(t))
		}
	})
}

func TestFaultHugeBodies(t *testing.T) {
	var zeros bytes.Buffer
	zw := gzip.NewWriter(&zeros)
	zw.Write([]byte("<html><body><p>"))
	zw.Write(make([]byte, 50<<20))
	zw.Close()
	tests := []struct {
		name string
		h    http.HandlerFunc
	}{
		{"50 MB body", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			chunk := bytes.Repeat([]byte("<p>filler text "), 4096)
			for sent := 0; sent < 50<<20; sent += len(chunk) {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		}},
		{"gzip bomb", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(zeros.Bytes())
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := crawlOne(t, oneArticle(tt.h), func(o *fetch.Options) { o.MaxBody = 1 << 20 })
			if f.stored(t) || f.entry.State != crawler.StateFailed || !strings.Contains(f.entry.LastError, "max_body") {
				t.Errorf("stored=%v state=%s error=%q, want failed over max_body", f.stored(t), f.entry.State, f.entry.LastError)
			}
			if n := f.site.count("/story.html"); n != 1 {
				t.Errorf("%d requests, want 1 (too large is not retried)", n)
			}
		})
	}
}

func TestFaultBinaryAsHTML(t *testing.T) {
	junk := make([]byte, 64<<10)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range junk {
		junk[i] = byte(rng.UintN(256))
	}
	f := crawlOne(t, oneArticle(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(junk)
	}), nil)
	if f.stored(t) || f.entry.State != crawler.StateFailed || !strings.Contains(f.entry.LastError, "binary body") {
		t.Errorf("stored=%v state=%s error=%q", f.stored(t), f.entry.State, f.entry.LastError)
	}
}

func TestNonHTMLSkipped(t *testing.T) {
	f := crawlOne(t, oneArticle(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4 not a page"))
	}), nil)
	if f.stored(t) || f.entry.State != crawler.StateDone || f.rep.Failed != 0 || !strings.Contains(f.entry.LastError, "application/pdf") {
		t.Errorf("stored=%v state=%s failed=%d error=%q, want skipped", f.stored(t), f.entry.State, f.rep.Failed, f.entry.LastError)
	}
}
