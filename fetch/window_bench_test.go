package fetch

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"crawler"
)

// BenchmarkSchedulerTenThousandHosts fills the windows of 10,000 hosts, as
// a run over a frontier of that many hosts holds them, and reports the heap
// they take per host and the cost of handing out an entry and finishing it.
func BenchmarkSchedulerTenThousandHosts(b *testing.B) {
	const hosts = 10_000
	now := time.Now()
	fill := func(s *scheduler) {
		for h := range hosts {
			host := fmt.Sprintf("http://site%05d.example:80", h)
			s.expect(host)
			entries := make([]crawler.URLEntry, window)
			for i := range entries {
				entries[i] = crawler.URLEntry{
					URL: fmt.Sprintf("http://site%05d.example/news/2026/11/story-%06d.html", h, i), Job: "bench",
					Host: host, Depth: 1, Source: crawler.SourceLink, State: crawler.StatePending, Discovered: now,
				}
			}
			s.queue(host).loading = true
			s.gate(host).busy = true
			s.inflight++
			s.loaded(host, entries, window+1) // fewer than asked: nothing more in the store
		}
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	s := newScheduler(newGates(), nil)
	fill(s)
	runtime.GC()
	runtime.ReadMemStats(&after)
	perHost := float64(after.HeapAlloc-before.HeapAlloc) / hosts
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		t, ok := s.next(ctx)
		if !ok {
			b.StopTimer()
			s = newScheduler(newGates(), nil)
			fill(s)
			b.StartTimer()
			continue
		}
		s.release(t.entry.Host)
		s.done(t.entry)
	}
	b.ReportMetric(perHost, "heap-B/host")
	runtime.KeepAlive(s)
}
