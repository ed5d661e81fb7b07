package fetch

import (
	"container/heap"
	"context"
	"sync"
	"time"

	"crawler"
)

// gates is the per-host politeness state of every run of one Crawler, so
// jobs that run at once and share a host still take turns on it.
type gates struct {
	mu    sync.Mutex
	hosts map[string]*gate
	wake  chan struct{} // closed and replaced on every change
}

// gate is one host's turn-taking state.
type gate struct {
	busy    bool      // a worker holds the host
	next    time.Time // earliest start of the next request
	blocked time.Time // Retry-After, backoff or robots retry
	gap     time.Duration
	saved   time.Time // the latest next start known to be in the store
}

func newGates() *gates {
	return &gates{hosts: map[string]*gate{}, wake: make(chan struct{})}
}

// scheduler hands out one run's frontier entries so that each host has at
// most one request in flight and request starts are at least the host's
// gap apart. colly's LimitRule cannot do this: it shares one slot pool
// across every host a glob matches.
type scheduler struct {
	g        *gates // shared; g.mu also guards the fields below
	queues   map[string]*hostQueue
	inflight int
	// fresh counts the entries that are not refreshes, queued or in
	// flight: refreshes wait until it is zero, so they never take a turn
	// or a page of the budget a new URL could have had.
	fresh int
	// moreFresh counts the hosts whose URLs in the store, beyond their
	// window, may include fresh ones.
	moreFresh int
	stopped   bool // no more entries are handed out (MaxPages, cancel)
	now       func() time.Time
	// persist saves a host's next start before a request that would pass
	// the saved one goes out; it reports whether it was saved.
	persist func(ctx context.Context, t crawler.HostTurn) bool
}

// hostQueue is one host's window: the next few of its pending entries in
// this run. The rest wait in the store's pending index (more), so a run's
// memory grows with its hosts, not with its frontier.
type hostQueue struct {
	entries entryHeap
	dropped bool // no more work for this host in this run
	// more: the store may hold pending entries of the host beyond the
	// window; moreFresh: some of them may be fresh (not refreshes).
	more, moreFresh bool
	// loading: a worker is reading the window from the store; stale: an
	// entry was offered meanwhile, so the read may have missed it.
	loading, stale bool
}

// task is what next hands a worker: an entry to fetch, or a host whose
// window to load from the store. Either way the host is held.
type task struct {
	entry crawler.URLEntry
	load  string
}

func newScheduler(g *gates, persist func(context.Context, crawler.HostTurn) bool) *scheduler {
	return &scheduler{g: g, queues: map[string]*hostQueue{}, now: time.Now, persist: persist}
}

func (s *scheduler) gate(host string) *gate {
	h := s.g.hosts[host]
	if h == nil {
		h = &gate{}
		s.g.hosts[host] = h
	}
	return h
}

func (s *scheduler) queue(host string) *hostQueue {
	q := s.queues[host]
	if q == nil {
		q = &hostQueue{}
		s.queues[host] = q
	}
	return q
}

// signal wakes every waiter of every run; call with g.mu held.
func (s *scheduler) signal() {
	close(s.g.wake)
	s.g.wake = make(chan struct{})
}

// configure sets a host's gap and the earliest times it may be used.
func (s *scheduler) configure(host string, gap time.Duration, next, blocked time.Time) {
	s.g.mu.Lock()
	defer s.g.mu.Unlock()
	h := s.gate(host)
	h.gap = gap
	h.next = later(h.next, next)
	h.blocked = later(h.blocked, blocked)
	s.signal()
}

// setGap changes a host's gap, e.g. after robots.txt gave a Crawl-delay.
func (s *scheduler) setGap(host string, gap time.Duration) {
	s.g.mu.Lock()
	defer s.g.mu.Unlock()
	h := s.gate(host)
	if !h.next.IsZero() {
		// The request that taught us the gap (robots.txt) counts too.
		h.next = h.next.Add(gap - h.gap)
	}
	h.gap = gap
}

// nextStart is the earliest time the host's next request may start.
func (s *scheduler) nextStart(host string) time.Time {
	s.g.mu.Lock()
	defer s.g.mu.Unlock()
	return s.gate(host).next
}

// turnSlack is how far past the expected next start a claim saves a host's
// turn, so the request that follows the claim a moment later is covered and
// needs no commit of its own. Capped by the host's gap.
const turnSlack = 250 * time.Millisecond

// turn is the host turn to save with the claim of an entry of host that
// will make the given number of requests (robots.txt and the page); ok is
// false when nothing needs saving (no gap, or a later turn is saved).
func (s *scheduler) turn(host string, requests int) (t crawler.HostTurn, ok bool) {
	s.g.mu.Lock()
	defer s.g.mu.Unlock()
	h := s.gate(host)
	if h.gap <= 0 {
		return t, false
	}
	start := later(s.now(), later(h.next, h.blocked))
	t = crawler.HostTurn{Host: host, NextFetch: start.Add(time.Duration(requests)*h.gap + min(h.gap, turnSlack))}
	return t, t.NextFetch.After(h.saved)
}

// saved records that the store holds turn t.
func (s *scheduler) saved(t crawler.HostTurn) {
	s.g.mu.Lock()
	defer s.g.mu.Unlock()
	h := s.gate(t.Host)
	h.saved = later(h.saved, t.NextFetch)
}

// block keeps a host idle until t.
func (s *scheduler) block(host string, t time.Time) {
	s.g.mu.Lock()
	defer s.g.mu.Unlock()
	h := s.gate(host)
	h.blocked = later(h.blocked, t)
	s.signal()
}

// drop discards a host's remaining queue for this run; the entries stay
// pending in the store for the next run.
func (s *scheduler) drop(host string) {
	s.g.mu.Lock()
	defer s.g.mu.Unlock()
	q := s.queue(host)
	for _, e := range q.entries {
		if !e.Refresh {
			s.fresh--
		}
	}
	q.dropped, q.entries, q.more = true, nil, false
	s.setMoreFresh(q, false)
	s.signal()
}

// stop makes next return false once in-flight work is done.
func (s *scheduler) stop() {
	s.g.mu.Lock()
	defer s.g.mu.Unlock()
	s.stopped = true
	s.signal()
}

// next blocks until there is work for a free host: an entry of a due host
// or a window to load. It returns it with its host held; ok is false when
// the run is drained or stopped.
func (s *scheduler) next(ctx context.Context) (t task, ok bool) {
	for {
		s.g.mu.Lock()
		if s.stopped {
			s.g.mu.Unlock()
			return t, false
		}
		now := s.now()
		var wait time.Time
		queued := false
		for host, q := range s.queues {
			if q.dropped || len(q.entries) == 0 && !q.more {
				continue
			}
			queued = true
			h := s.gate(host)
			if h.busy {
				continue
			}
			if len(q.entries) == 0 || q.more && q.moreFresh && q.entries[0].Refresh {
				// An empty window, or fresh URLs in the store that must
				// go before the refresh at its head: read the store.
				h.busy, q.loading, q.stale = true, true, false
				s.inflight++
				s.g.mu.Unlock()
				return task{load: host}, true
			}
			if q.entries[0].Refresh && (s.fresh > 0 || s.moreFresh > 0) {
				continue
			}
			if due := later(h.next, h.blocked); due.After(now) {
				if wait.IsZero() || due.Before(wait) {
					wait = due
				}
				continue
			}
			t.entry = heap.Pop(&q.entries).(crawler.URLEntry)
			h.busy = true
			s.inflight++
			s.g.mu.Unlock()
			return t, true
		}
		if !queued && s.inflight == 0 {
			s.g.mu.Unlock()
			return t, false
		}
		wake := s.g.wake
		s.g.mu.Unlock()
		if !sleepUntil(ctx, wait, wake) {
			return t, false
		}
	}
}

// done ends the work on an entry handed out by next.
func (s *scheduler) done(e crawler.URLEntry) {
	s.g.mu.Lock()
	defer s.g.mu.Unlock()
	s.inflight--
	if !e.Refresh {
		s.fresh--
	}
	s.signal()
}

// begin waits until the held host may start a request and records the
// start: every request, robots.txt and redirect hops included, goes
// through here. When the request's turn passes the one saved in the
// store (by the claim, usually), it saves the new turn first, so a
// process killed right after the request still leaves its successor the
// delay to wait.
func (s *scheduler) begin(ctx context.Context, host string) error {
	for {
		s.g.mu.Lock()
		h := s.gate(host)
		now := s.now()
		due := later(h.next, h.blocked)
		if !due.After(now) {
			h.next = now.Add(h.gap)
			// The saved turn runs a little past h.next: the request
			// leaves after the save commits, and a successor after a
			// crash must still leave it the whole gap.
			t := crawler.HostTurn{Host: host, NextFetch: h.next.Add(min(h.gap, turnSlack))}
			unsaved := h.gap > 0 && h.next.After(h.saved)
			s.g.mu.Unlock()
			if unsaved && s.persist != nil && s.persist(ctx, t) {
				s.saved(t)
			}
			return nil
		}
		s.g.mu.Unlock()
		if !sleepUntil(ctx, due, nil) {
			return ctx.Err()
		}
	}
}

// end records that a request to host has ended (answered or failed): the
// next may start no sooner than a gap from now. Counting the gap from the
// start alone would let the server see two requests closer than the gap
// whenever one spent a while between begin and the server's accept (a
// busy machine, a slow connect).
func (s *scheduler) end(host string) {
	s.g.mu.Lock()
	defer s.g.mu.Unlock()
	h := s.gate(host)
	h.next = later(h.next, s.now().Add(h.gap))
}

// acquire waits until host is free and holds it (for a redirect hop to
// another host). The caller must not hold another host, or two workers
// could wait on each other.
func (s *scheduler) acquire(ctx context.Context, host string) error {
	for {
		s.g.mu.Lock()
		h := s.gate(host)
		if !h.busy {
			h.busy = true
			s.g.mu.Unlock()
			return nil
		}
		wake := s.g.wake
		s.g.mu.Unlock()
		if !sleepUntil(ctx, time.Time{}, wake) {
			return ctx.Err()
		}
	}
}

// release frees a held host.
func (s *scheduler) release(host string) {
	s.g.mu.Lock()
	defer s.g.mu.Unlock()
	s.gate(host).busy = false
	s.signal()
}

// sleepUntil waits for t (zero: no deadline), a wake signal or ctx; it
// returns false only when ctx is done.
func sleepUntil(ctx context.Context, t time.Time, wake <-chan struct{}) bool {
	var timer <-chan time.Time
	if !t.IsZero() {
		tm := time.NewTimer(time.Until(t))
		defer tm.Stop()
		timer = tm.C
	}
	select {
	case <-ctx.Done():
		return false
	case <-timer:
	case <-wake:
	}
	return true
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// entryHeap orders a host's window in fetch order
// (crawler.URLEntry.FetchesBefore), the order of the store's pending index.
type entryHeap []crawler.URLEntry

func (q entryHeap) Len() int           { return len(q) }
func (q entryHeap) Less(i, j int) bool { return q[i].FetchesBefore(q[j]) }
func (q entryHeap) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *entryHeap) Push(x any)        { *q = append(*q, x.(crawler.URLEntry)) }
func (q *entryHeap) Pop() any {
	old := *q
	e := old[len(old)-1]
	*q = old[:len(old)-1]
	return e
}
