package main

import (
	"sync"
	"time"

	"crawler/admin"
	"crawler/fetch"
)

var _ fetch.Observer = (*tracker)(nil)

// tracker observes fetch events: it feeds the Prometheus metrics and
// remembers which sites got documents (so that learning runs only for them)
// and per-host counts (for the demo's summary).
type tracker struct {
	metrics *admin.Metrics

	mu      sync.Mutex
	stored  map[string]time.Time // site -> last document stored or seen again
	fetched map[string]int       // host -> responses
	robots  map[string]int       // host -> URLs refused by robots.txt
}

func newTracker(m *admin.Metrics) *tracker {
	return &tracker{metrics: m, stored: map[string]time.Time{}, fetched: map[string]int{}, robots: map[string]int{}}
}

// Fetched implements fetch.Observer.
func (t *tracker) Fetched(host string, status int, bytes int64, d time.Duration) {
	t.metrics.Fetched(host, status, bytes, d)
	t.mu.Lock()
	t.fetched[host]++
	t.mu.Unlock()
}

// Cleaned implements fetch.Observer.
func (t *tracker) Cleaned(d time.Duration, removed int) { t.metrics.Cleaned(d, removed) }

// Stored implements fetch.Observer.
func (t *tracker) Stored(site string) {
	t.metrics.Stored(site)
	t.touch(site)
}

// Duplicate implements fetch.Observer.
func (t *tracker) Duplicate(site string) {
	t.metrics.Duplicate(site)
	t.touch(site)
}

// NotModified implements fetch.Observer.
func (t *tracker) NotModified(host string) { t.metrics.NotModified(host) }

// RobotsBlocked implements fetch.Observer.
func (t *tracker) RobotsBlocked(host string) {
	t.metrics.RobotsBlocked(host)
	t.mu.Lock()
	t.robots[host]++
	t.mu.Unlock()
}

// FetchError implements fetch.Observer.
func (t *tracker) FetchError(host, kind string) { t.metrics.FetchError(host, kind) }

func (t *tracker) touch(site string) {
	t.mu.Lock()
	t.stored[site] = time.Now()
	t.mu.Unlock()
}

// sitesSince returns the sites that got a document at or after since.
func (t *tracker) sitesSince(since time.Time) []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []string
	for s, at := range t.stored {
		if !at.Before(since) {
			out = append(out, s)
		}
	}
	return out
}

// hostCounts returns the responses and robots refusals of host.
func (t *tracker) hostCounts(host string) (fetched, robots int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.fetched[host], t.robots[host]
}
