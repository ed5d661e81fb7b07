package fetch_test

import (
	"fmt"
	"net/http"
	"sort"
	"sync"
	"testing"
	"time"

	"crawler/fetch"
)

// measureTolerance absorbs the scheduling noise between the crawler
// starting a request and the server's handler seeing it: on a busy
// two-core machine a handler goroutine can start several milliseconds late,
// which shortens the gap the server sees after it (seen up to ~45 ms while
// other test binaries load both cores). The delays below are long enough
// that this tolerance still tells a polite crawler from an impolite one.
const measureTolerance = 30 * time.Millisecond

func politeSiteMux(robots string, articles int) http.Handler {
	links := make([]string, articles)
	for k := range links {
		links[k] = fmt.Sprintf("/s/%d.html", k)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, robots) })
	mux.HandleFunc("/{$}", serveHTML(indexHTML(links...)))
	mux.HandleFunc("/s/{k}", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(2 * time.Millisecond) // a request that takes time, so overlaps would show
		serveHTML(articleHTML(r.Host+" story "+r.PathValue("k"), ""))(w, r)
	})
	return mux
}

// startGaps returns the smallest gap between request starts seen by s.
func minStartGap(s *site) time.Duration {
	hits := s.requests()
	sort.Slice(hits, func(i, j int) bool { return hits[i].start.Before(hits[j].start) })
	minGap := time.Duration(1 << 62)
	for i := 1; i < len(hits); i++ {
		minGap = min(minGap, hits[i].start.Sub(hits[i-1].start))
	}
	return minGap
}

func TestPolitenessPerHost(t *testing.T) {
	const hosts, articles = 4, 10
	const delay = 150 * time.Millisecond
	var sites []*site
	var seeds []string
	for i := range hosts {
		s := newSite(t, fmt.Sprintf("127.0.0.%d:0", 40+i), politeSiteMux("User-agent: *\nAllow: /\n", articles))
		sites = append(sites, s)
		seeds = append(seeds, s.URL+"/")
	}
	opts := testOptions()
	opts.Delay, opts.ParallelHosts = delay, hosts
	start := time.Now()
	rep := mustCrawl(t, opts, openDB(t), fetch.Job{Name: "polite", Seeds: seeds})
	elapsed := time.Since(start)
	if rep.Stored != hosts*articles {
		t.Fatalf("stored %d, want %d", rep.Stored, hosts*articles)
	}
	requests := 0
	for i, s := range sites {
		requests += len(s.requests())
		gap := minStartGap(s)
		if gap < delay-measureTolerance {
			t.Errorf("host %d: requests started %v apart, delay is %v", i, gap, delay)
		}
		if s.overlap {
			t.Errorf("host %d: two requests overlapped", i)
		}
		t.Logf("host %d: %d requests, smallest start gap %v", i, len(s.requests()), gap)
	}
	rate := float64(requests) / elapsed.Seconds()
	ideal := float64(hosts) / delay.Seconds()
	t.Logf("throughput %.1f req/s, ideal H/D %.1f req/s, ratio %.2f", rate, ideal, rate/ideal)
}

func TestCrawlDelayRespectedAndCapped(t *testing.T) {
	tests := []struct {
		name     string
		robots   string
		maxDelay time.Duration
		wantGap  time.Duration
	}{
		{"crawl-delay above delay", "User-agent: *\nCrawl-delay: 0.15\n", time.Minute, 150 * time.Millisecond},
		{"crawl-delay capped", "User-agent: *\nCrawl-delay: 30\n", 120 * time.Millisecond, 120 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSite(t, "", politeSiteMux(tt.robots, 3))
			opts := testOptions()
			opts.MaxCrawlDelay = tt.maxDelay
			rep := mustCrawl(t, opts, openDB(t), fetch.Job{Name: "cd", Seeds: []string{s.URL + "/"}})
			if rep.Stored != 3 {
				t.Fatalf("stored %d, want 3", rep.Stored)
			}
			gap := minStartGap(s)
			if gap < tt.wantGap-measureTolerance {
				t.Errorf("smallest gap %v, want >= %v", gap, tt.wantGap)
			}
			if gap > tt.wantGap+time.Second {
				t.Errorf("smallest gap %v: Crawl-delay not capped at %v", gap, tt.wantGap)
			}
		})
	}
}

func TestConcurrentJobsShareHostTurns(t *testing.T) {
	const delay = 120 * time.Millisecond
	mux := http.NewServeMux()
	for _, section := range []string{"a", "b"} {
		links := make([]string, 5)
		for k := range links {
			links[k] = fmt.Sprintf("/%s/%d.html", section, k)
		}
		mux.HandleFunc("/"+section+"/{$}", serveHTML(indexHTML(links...)))
	}
	mux.HandleFunc("/{$}", serveHTML(indexHTML()))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(2 * time.Millisecond)
		serveHTML(articleHTML("Story "+r.URL.Path, ""))(w, r)
	})
	s := newSite(t, "", mux)
	opts := testOptions()
	opts.Delay = delay
	c, err := fetch.New(opts, openDB(t))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for _, section := range []string{"a", "b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rep, err := c.Crawl(t.Context(), fetch.Job{Name: "job-" + section, Seeds: []string{s.URL + "/" + section + "/"}})
			if err != nil || rep.Stored != 5 {
				t.Errorf("job %s: stored %d, %v", section, rep.Stored, err)
			}
		}()
	}
	wg.Wait()
	if gap := minStartGap(s); gap < delay-measureTolerance {
		t.Errorf("two jobs on one host started requests %v apart, delay is %v", gap, delay)
	}
	if s.overlap {
		t.Error("two jobs' requests to one host overlapped")
	}
}
