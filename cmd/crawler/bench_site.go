package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

const (
	// benchListSize is how many teasers the front page and each archive
	// page list.
	benchListSize = 40
	// benchArchiveAhead is how many later archive pages each listing links,
	// so a link-following crawl reaches every article in few hops.
	benchArchiveAhead = 5
	// benchFirstAddr is the last octet of the first 127.0.0.x address tried;
	// a host of its own per outlet is what a crawler sees in life.
	benchFirstAddr = 10
)

// benchSite is a set of generated news outlets served on loopback for the
// benchmarks: the crawl section, the storage section and the soak all fetch
// from it. Every page is generated on request from (host, index), so the
// site costs no memory however many articles it has.
type benchSite struct {
	outlets  []*benchOutlet
	seeds    []string
	requests atomic.Int64
	// busy is the time spent inside the handlers, so that a benchmark
	// running the site in its own process can subtract the server's share.
	busy atomic.Int64

	cancel context.CancelFunc
	wg     sync.WaitGroup
	mu     sync.Mutex
	errs   []error
}

// startBenchSite serves hosts generated news outlets on loopback, each on
// its own listener (127.0.0.10+i:0 when that address can be bound,
// 127.0.0.1:0 otherwise), until ctx ends or Close. articlesPerHost <= 0
// means unbounded: article i exists for every i >= 0 and archive pages go
// on forever.
func startBenchSite(ctx context.Context, hosts, articlesPerHost int) (*benchSite, error) {
	if hosts < 1 || hosts > 200 {
		return nil, fmt.Errorf("bench site: %d hosts (want 1 to 200)", hosts)
	}
	lns := make([]net.Listener, 0, hosts)
	for i := range hosts {
		ln, err := benchListen(ctx, i)
		if err != nil {
			for _, l := range lns {
				l.Close()
			}
			return nil, err
		}
		lns = append(lns, ln)
	}
	ctx, cancel := context.WithCancel(ctx)
	s := &benchSite{cancel: cancel}
	chrome := newBenchChrome()
	for i, ln := range lns {
		base := "http://" + ln.Addr().String()
		o := &benchOutlet{site: s, index: i, base: base, articles: articlesPerHost, chrome: chrome}
		o.name = benchOutletName(i)
		s.outlets = append(s.outlets, o)
		s.seeds = append(s.seeds, base+"/")
		s.serve(ctx, ln, o)
	}
	return s, nil
}

// benchListen binds outlet i's listener: its own loopback address when the
// kernel allows it (Linux routes all of 127.0.0.0/8), else 127.0.0.1.
func benchListen(ctx context.Context, i int) (net.Listener, error) {
	var lc net.ListenConfig
	addr := net.JoinHostPort("127.0.0."+strconv.Itoa(benchFirstAddr+i), "0")
	if ln, err := lc.Listen(ctx, "tcp", addr); err == nil {
		return ln, nil
	}
	ln, err := lc.Listen(ctx, "tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("bench site: listen: %w", err)
	}
	return ln, nil
}

// serve runs one http.Server on ln until ctx ends.
func (s *benchSite) serve(ctx context.Context, ln net.Listener, h http.Handler) {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
	}
	s.wg.Go(func() {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			s.fail(fmt.Errorf("serve %s: %w", ln.Addr(), err))
		}
	})
	s.wg.Go(func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			srv.Close()
			s.fail(fmt.Errorf("shut down %s: %w", ln.Addr(), err))
		}
	})
}

func (s *benchSite) fail(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.errs = append(s.errs, err)
}

// Seeds returns each host's front page URL, in host order.
func (s *benchSite) Seeds() []string { return append([]string(nil), s.seeds...) }

// Hosts returns each outlet's host:port, in host order.
func (s *benchSite) Hosts() []string {
	out := make([]string, len(s.outlets))
	for i, o := range s.outlets {
		out[i] = strings.TrimPrefix(o.base, "http://")
	}
	return out
}

// Requests is the number of requests served so far, all hosts, any status.
func (s *benchSite) Requests() int64 { return s.requests.Load() }

// Busy is the wall time spent inside the handlers so far, summed over
// concurrent requests: an upper bound on the server's CPU.
func (s *benchSite) Busy() time.Duration { return time.Duration(s.busy.Load()) }

// ArticleURL is the URL of article i of host h.
func (s *benchSite) ArticleURL(h, i int) string {
	return s.outlets[h].base + benchArticlePath(i)
}

// Close stops every server, waits for them and returns what went wrong
// while serving. It is safe to call more than once.
func (s *benchSite) Close() error {
	s.cancel()
	s.wg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	return errors.Join(s.errs...)
}

// benchOutlet is one generated outlet. Its fields are fixed at start, so
// it serves any number of requests at once.
type benchOutlet struct {
	site     *benchSite
	index    int
	name     string
	base     string
	articles int // <= 0: unbounded
	chrome   *benchChrome
}

func (o *benchOutlet) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	o.site.requests.Add(1)
	defer func() { o.site.busy.Add(int64(time.Since(start))) }()
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	var b strings.Builder
	switch {
	case p == "/robots.txt":
		benchWrite(w, r, "text/plain; charset=utf-8", "User-agent: *\nAllow: /\nDisallow: /wp-admin/\n")
		return
	case p == "/":
		o.listPage(&b, 0)
	case strings.HasPrefix(p, "/archive/"):
		n, err := strconv.Atoi(p[len("/archive/"):])
		if err != nil || n < 1 || !o.hasPage(n) {
			http.NotFound(w, r)
			return
		}
		o.listPage(&b, n)
	case strings.HasPrefix(p, "/section/"):
		k := slices.Index(benchSiteSections, p[len("/section/"):])
		if k < 0 {
			http.NotFound(w, r)
			return
		}
		o.sectionPage(&b, k)
	case strings.HasPrefix(p, "/news/") && strings.HasSuffix(p, ".html"):
		i, ok := benchArticleIndex(p)
		if !ok || !o.has(i) {
			http.NotFound(w, r)
			return
		}
		o.articlePage(&b, i)
	default:
		http.NotFound(w, r)
		return
	}
	benchWrite(w, r, "text/html; charset=utf-8", b.String())
}

func benchWrite(w http.ResponseWriter, r *http.Request, ctype, body string) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodGet {
		_, _ = w.Write([]byte(body)) // a client gone away is not the site's error
	}
}

// has reports whether article i exists.
func (o *benchOutlet) has(i int) bool { return i >= 0 && (o.articles <= 0 || i < o.articles) }

// hasPage reports whether listing page n (0 is the front page) exists.
func (o *benchOutlet) hasPage(n int) bool { return n >= 0 && o.has(n*benchListSize) }

// benchArticlePath is the path of article i: /news/<i>-<slug>.html. The
// slug is fixed per index so any outlet's handler can parse it back.
func benchArticlePath(i int) string {
	return "/news/" + strconv.Itoa(i) + "-" + benchSlug(i) + ".html"
}

// benchArticleIndex parses the index back out of an article path and
// checks the slug, so a mangled link is a 404 as on a real site.
func benchArticleIndex(p string) (int, bool) {
	rest := strings.TrimSuffix(strings.TrimPrefix(p, "/news/"), ".html")
	num, slug, ok := strings.Cut(rest, "-")
	if !ok {
		return 0, false
	}
	i, err := strconv.Atoi(num)
	if err != nil || i < 0 || strconv.Itoa(i) != num || slug != benchSlug(i) {
		return 0, false
	}
	return i, true
}
