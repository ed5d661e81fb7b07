package fetch_test

import (
	"fmt"
	"testing"
	"time"

	"crawler/fetch"
)

// BenchmarkPoliteThroughput crawls H hosts with delay D and reports the
// request rate as a ratio of the politeness ceiling H/D (1.0 is ideal).
func BenchmarkPoliteThroughput(b *testing.B) {
	const hosts, articles = 4, 10
	const delay = 50 * time.Millisecond
	var seeds []string
	for i := range hosts {
		s := newSite(b, fmt.Sprintf("127.0.0.%d:0", 60+i), politeSiteMux("User-agent: *\nSitemap: /none\n", articles))
		seeds = append(seeds, s.URL+"/")
	}
	opts := testOptions()
	opts.Delay, opts.ParallelHosts = delay, hosts
	var requests int
	var elapsed time.Duration
	for b.Loop() {
		start := time.Now()
		rep := mustCrawl(b, opts, openDB(b), fetch.Job{Name: "bench", Seeds: seeds})
		elapsed += time.Since(start)
		requests += rep.Fetched + hosts // robots.txt requests count against the gap too
	}
	rate := float64(requests) / elapsed.Seconds()
	b.ReportMetric(rate, "req/s")
	b.ReportMetric(rate/(float64(hosts)/delay.Seconds()), "ratio-to-H/D")
}
