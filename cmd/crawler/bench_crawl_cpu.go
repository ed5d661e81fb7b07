package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sync"
	"time"
)

// crawlCPUSampleEvery is how often crawlCPUSampler reads the process CPU time; it
// bounds how precisely a phase's CPU can be told from the next one's.
const crawlCPUSampleEvery = 20 * time.Millisecond

// crawlCPUSample is the process CPU time used by a moment.
type crawlCPUSample struct {
	at  time.Time
	cpu time.Duration
}

// crawlCPUSampler records the process CPU time on a ticker, so that the CPU of
// a phase that ends inside a call (the crawl inside runJob, before its
// learning) can be read afterwards at the phase's end time.
type crawlCPUSampler struct {
	cancel  context.CancelFunc
	wg      sync.WaitGroup
	mu      sync.Mutex
	samples []crawlCPUSample
}

func startCrawlCPUSampler(ctx context.Context) *crawlCPUSampler {
	ctx, cancel := context.WithCancel(ctx)
	s := &crawlCPUSampler{cancel: cancel}
	s.add()
	s.wg.Go(func() {
		t := time.NewTicker(crawlCPUSampleEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				s.add()
			}
		}
	})
	return s
}

func (s *crawlCPUSampler) add() {
	c := cpuTime()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.samples = append(s.samples, crawlCPUSample{at: time.Now(), cpu: c})
}

// stop ends the sampling with a last sample.
func (s *crawlCPUSampler) stop() {
	s.cancel()
	s.wg.Wait()
	s.add()
}

// at is the CPU time used by t, interpolated between the samples around
// it (the first or last sample outside them).
func (s *crawlCPUSampler) at(t time.Time) time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.samples) == 0 {
		return 0
	}
	prev := s.samples[0]
	if !t.After(prev.at) {
		return prev.cpu
	}
	for _, x := range s.samples[1:] {
		if !t.After(x.at) {
			span := x.at.Sub(prev.at)
			if span <= 0 {
				return x.cpu
			}
			frac := float64(t.Sub(prev.at)) / float64(span)
			return prev.cpu + time.Duration(frac*float64(x.cpu-prev.cpu))
		}
		prev = x
	}
	return prev.cpu
}

// crawlProfileEnv names a directory to write CPU profiles of the crawl
// section's runs to; unset, no profile is taken. It is an environment
// variable rather than a flag because only someone digging into the
// figures needs it.
const crawlProfileEnv = "CRAWLER_BENCH_CPUPROFILE"

// startCrawlProfile starts a CPU profile into $CRAWLER_BENCH_CPUPROFILE/name
// when that variable is set; the returned func stops it.
func startCrawlProfile(name string) (func() error, error) {
	dir := os.Getenv(crawlProfileEnv)
	if dir == "" {
		return func() error { return nil }, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("profile dir: %w", err)
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return nil, fmt.Errorf("profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("profile %s: %w", name, err)
	}
	return func() error {
		pprof.StopCPUProfile()
		return f.Close()
	}, nil
}
