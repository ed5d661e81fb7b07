package main

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"

	"crawler"
	"crawler/storage"
)

const (
	// benchFrontierBatch is how many URLs one enqueue carries: the links a
	// handful of listing pages reveal.
	benchFrontierBatch = 1000
	// benchFrontierWorkers is how many hosts are drained at once. A crawl
	// of ten thousand hosts runs many hosts in parallel; their leases and
	// outcomes share commits.
	benchFrontierWorkers = 256
	// benchFrontierWindow is how many pending URLs of a host are read at
	// a time, as a crawl run's host window does.
	benchFrontierWindow = 8
	// benchFrontierHeapLimit is the ceiling on the Go heap.
	benchFrontierHeapLimit = 200 << 20
	benchFrontierJob       = "frontier"
)

// frontierRun is what the frontier section measured.
type frontierRun struct {
	urls, hosts       int
	enqueued, drained int64
	enqueueWall       time.Duration
	drainWall         time.Duration
	heapBase          uint64 // live heap before the first URL
	heapPeak          uint64 // highest heap in use seen while sampling
	fileSize          int64
	leftPending       int
}

// benchFrontier enqueues cfg.FrontierURLs URLs over cfg.FrontierHosts hosts
// into a fresh store, then claims and completes every one of them the way
// a crawl run does (hosts with pending URLs, a window of eight at a time
// per host, a claim that saves the host's turn, an outcome), with no HTTP
// in between, while sampling the Go heap.
func benchFrontier(ctx context.Context, cfg benchConfig) ([]benchTable, error) {
	run, err := measureFrontier(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return []benchTable{run.table()}, nil
}

func measureFrontier(ctx context.Context, cfg benchConfig) (*frontierRun, error) {
	db, err := storage.Open(filepath.Join(cfg.Work, "frontier.db"), storage.Options{})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	run := &frontierRun{urls: cfg.FrontierURLs, hosts: max(cfg.FrontierHosts, 1)}
	runtime.GC()
	run.heapBase = heapInUse()
	sampler := startHeapSampler(50 * time.Millisecond)
	err = run.measure(ctx, cfg, db)
	run.heapPeak = sampler.stop()
	if err != nil {
		return nil, err
	}
	if run.fileSize, err = db.Size(); err != nil {
		return nil, err
	}
	hosts, err := db.PendingHosts(ctx, benchFrontierJob)
	if err != nil {
		return nil, err
	}
	run.leftPending = len(hosts)
	return run, nil
}

func (r *frontierRun) measure(ctx context.Context, cfg benchConfig, db *storage.DB) error {
	start := time.Now()
	if err := r.enqueue(ctx, db); err != nil {
		return err
	}
	r.enqueueWall = time.Since(start)
	benchLog(cfg).Info("frontier enqueued", "urls", r.enqueued, "took", r.enqueueWall.Round(time.Millisecond))
	start = time.Now()
	if err := r.drain(ctx, db); err != nil {
		return err
	}
	r.drainWall = time.Since(start)
	benchLog(cfg).Info("frontier drained", "urls", r.drained, "took", r.drainWall.Round(time.Millisecond))
	return nil
}

// frontierEntry is URL i of host h.
func frontierEntry(h, i int, now time.Time) crawler.URLEntry {
	host := fmt.Sprintf("http://site%05d.example:80", h)
	return crawler.URLEntry{
		URL: fmt.Sprintf("http://site%05d.example/news/2026/11/story-%06d.html", h, i), Job: benchFrontierJob,
		Host: host, Depth: 1 + i%3, Source: crawler.SourceLink, State: crawler.StatePending,
		Discovered: now.Add(time.Duration(i) * time.Millisecond),
	}
}

// enqueue adds the URLs host by host, in batches, as discovery on the
// hosts' listing pages would.
func (r *frontierRun) enqueue(ctx context.Context, db *storage.DB) error {
	per := max(r.urls/r.hosts, 1)
	now := time.Now()
	batch := make([]crawler.URLEntry, 0, benchFrontierBatch)
	flush := func() error {
		n, err := db.Enqueue(ctx, batch)
		r.enqueued += int64(n)
		batch = batch[:0]
		return err
	}
	for h := range r.hosts {
		for i := range per {
			batch = append(batch, frontierEntry(h, i, now))
			if len(batch) == cap(batch) {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	if len(batch) > 0 {
		return flush()
	}
	return nil
}

// drain claims and completes every pending URL, benchFrontierWorkers hosts
// at a time.
func (r *frontierRun) drain(ctx context.Context, db *storage.DB) error {
	hosts, err := db.PendingHosts(ctx, benchFrontierJob)
	if err != nil {
		return err
	}
	work := make(chan string)
	var wg sync.WaitGroup
	var drained atomic.Int64
	var firstErr error
	var once sync.Once
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for range benchFrontierWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for host := range work {
				n, err := drainHost(ctx, db, host)
				drained.Add(int64(n))
				if err != nil {
					once.Do(func() { firstErr = err; cancel() })
				}
			}
		}()
	}
	for _, h := range hosts {
		select {
		case work <- h:
		case <-ctx.Done():
		}
	}
	close(work)
	wg.Wait()
	r.drained = drained.Load()
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

// drainHost handles one host the way a crawl run's worker does, minus the
// request: read a window, claim each URL (check it is still pending), record
// it done. With no politeness delay a claim writes nothing; under one it
// also saves the host's turn, a second small shared write.
func drainHost(ctx context.Context, db *storage.DB, host string) (int, error) {
	n := 0
	for {
		entries, err := db.PendingOf(ctx, benchFrontierJob, host, benchFrontierWindow)
		if err != nil || len(entries) == 0 {
			return n, err
		}
		for _, e := range entries {
			cur, found, err := db.FrontierEntry(ctx, e.URL)
			if err != nil {
				return n, err
			}
			if !found || cur.State != crawler.StatePending {
				return n, fmt.Errorf("claim %s: not pending", e.URL)
			}
			e.State, e.Attempts = crawler.StateDone, 1
			if _, err := db.Finish(ctx, crawler.Outcome{Entry: e}); err != nil {
				return n, err
			}
			n++
		}
	}
}

// heapSampler records the highest Go heap in use seen at its interval.
type heapSampler struct {
	stopc chan struct{}
	done  chan struct{}
	peak  atomic.Uint64
}

func startHeapSampler(every time.Duration) *heapSampler {
	s := &heapSampler{stopc: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			s.peak.Store(max(s.peak.Load(), heapInUse()))
			select {
			case <-s.stopc:
				return
			case <-t.C:
			}
		}
	}()
	return s
}

// stop ends the sampling and returns the peak.
func (s *heapSampler) stop() uint64 {
	close(s.stopc)
	<-s.done
	return max(s.peak.Load(), heapInUse())
}

// heapInUse is the bytes of heap spans in use: live and not yet collected
// objects plus the free space inside their spans (runtime.MemStats
// HeapInuse), read without stopping the world.
func heapInUse() uint64 {
	samples := []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
	}
	metrics.Read(samples)
	var total uint64
	for _, s := range samples {
		if s.Value.Kind() == metrics.KindUint64 {
			total += s.Value.Uint64()
		}
	}
	return total
}

func (r *frontierRun) table() benchTable {
	rate := func(n int64, d time.Duration) string {
		if d <= 0 {
			return "n/a"
		}
		return fmt.Sprintf("%.0f", float64(n)/d.Seconds())
	}
	t := benchTable{
		Title: "Frontier at scale",
		Intro: fmt.Sprintf("%d URLs over %d hosts are enqueued into a fresh database in batches of %d, "+
			"then every one is claimed (checked still pending, as a crawl with no politeness delay does; under a delay "+
			"a claim also saves its host's turn, a second small write sharing the same commits) and completed, "+
			"%d hosts at a time, each host read %d pending URLs at a time from the pending index, as a crawl run's host window does. "+
			"No HTTP: this is the frontier's own cost. The heap is sampled every 50 ms "+
			"(heap spans in use, as runtime.MemStats.HeapInuse).",
			r.urls, r.hosts, benchFrontierBatch, benchFrontierWorkers, benchFrontierWindow),
		Header: []string{"phase", "URLs", "time", "URLs/s"},
		Rows: [][]string{
			{"enqueue", fmt.Sprint(r.enqueued), r.enqueueWall.Round(time.Millisecond).String(), rate(r.enqueued, r.enqueueWall)},
			{"claim + complete", fmt.Sprint(r.drained), r.drainWall.Round(time.Millisecond).String(), rate(r.drained, r.drainWall)},
		},
	}
	t.Verdicts = []string{
		fmt.Sprintf("Go heap: %.1f MiB before the first URL, peak %.1f MiB. Database file: %.0f MiB (%.0f bytes per URL).",
			float64(r.heapBase)/(1<<20), float64(r.heapPeak)/(1<<20), float64(r.fileSize)/(1<<20), float64(r.fileSize)/float64(max(r.enqueued, 1))),
		verdict(r.heapPeak < benchFrontierHeapLimit, "Go heap under 200 MiB", fmt.Sprintf("peak %.1f MiB", float64(r.heapPeak)/(1<<20))),
	}
	if r.drained != r.enqueued || r.leftPending != 0 {
		t.Verdicts = append(t.Verdicts, fmt.Sprintf("**Incomplete**: %d of %d URLs completed, %d hosts still pending.", r.drained, r.enqueued, r.leftPending))
	}
	return t
}
