package fetch

import (
	"container/heap"

	"crawler"
)

// window is how many pending entries of one host a run holds in memory.
// More would only cost memory: a host serves one request at a time.
const window = 8

// expect tells the scheduler that the store holds pending entries of host
// that are not in its window, e.g. at the start of a run.
func (s *scheduler) expect(host string) {
	s.g.mu.Lock()
	defer s.g.mu.Unlock()
	q := s.queue(host)
	if q.dropped {
		return
	}
	q.stale = q.stale || q.loading
	s.markMore(q, true)
	s.signal()
}

// offer hands the scheduler an entry that is pending in the store: a new
// URL, a retry. It joins the host's window when it fetches before the
// window's last entry or the window has room and nothing waits in the
// store; otherwise it stays in the store for a later load.
func (s *scheduler) offer(e crawler.URLEntry) {
	s.g.mu.Lock()
	defer s.g.mu.Unlock()
	q := s.queue(e.Host)
	if q.dropped || q.holds(e.URL) {
		return
	}
	if q.loading {
		q.stale = true // the load may have read the store before e was in it
		s.markMore(q, !e.Refresh)
		return
	}
	switch {
	case len(q.entries) < window && !q.more:
	case len(q.entries) > 0 && e.FetchesBefore(q.entries[q.worst()]):
		s.evictWorst(q)
	default:
		s.markMore(q, !e.Refresh)
		return
	}
	s.pushEntry(q, e)
	s.signal()
}

// loaded ends a load task: entries are the first limit pending entries of
// host in the store, in fetch order. The window keeps the best window
// entries of what it held and what was read; the host is released.
func (s *scheduler) loaded(host string, entries []crawler.URLEntry, limit int) {
	s.g.mu.Lock()
	defer s.g.mu.Unlock()
	q := s.queue(host)
	q.loading = false
	s.gate(host).busy = false
	s.inflight--
	defer s.signal()
	if q.dropped {
		return
	}
	for _, e := range entries {
		if !q.holds(e.URL) {
			s.pushEntry(q, e)
		}
	}
	evicted := false
	for len(q.entries) > window {
		s.evictWorst(q)
		evicted = true
	}
	more := len(entries) >= limit || evicted || q.stale
	fresh := more && (q.stale || len(q.entries) == 0 || !q.entries[q.worst()].Refresh)
	q.more, q.stale = more, false
	s.setMoreFresh(q, fresh)
}

// loadFailed ends a load task that could not read the store: the host's
// URLs stay pending there for the next run.
func (s *scheduler) loadFailed(host string) {
	s.g.mu.Lock()
	q := s.queue(host)
	q.loading = false
	s.gate(host).busy = false
	s.inflight--
	s.g.mu.Unlock()
	s.drop(host)
}

// holds reports whether url is in the window.
func (q *hostQueue) holds(url string) bool {
	for _, e := range q.entries {
		if e.URL == url {
			return true
		}
	}
	return false
}

// worst is the index of the window entry fetched last.
func (q *hostQueue) worst() int {
	w := 0
	for i := 1; i < len(q.entries); i++ {
		if q.entries[w].FetchesBefore(q.entries[i]) {
			w = i
		}
	}
	return w
}

// evictWorst moves the window's last entry back to the store's side: it
// is pending there and a later load reads it again.
func (s *scheduler) evictWorst(q *hostQueue) {
	e := heap.Remove(&q.entries, q.worst()).(crawler.URLEntry)
	if !e.Refresh {
		s.fresh--
	}
	s.markMore(q, !e.Refresh)
}

func (s *scheduler) pushEntry(q *hostQueue, e crawler.URLEntry) {
	heap.Push(&q.entries, e)
	if !e.Refresh {
		s.fresh++
	}
}

// markMore records that the store holds more of the host's entries, fresh
// ones among them when fresh is true.
func (s *scheduler) markMore(q *hostQueue, fresh bool) {
	q.more = true
	if fresh {
		s.setMoreFresh(q, true)
	}
}

func (s *scheduler) setMoreFresh(q *hostQueue, v bool) {
	if q.moreFresh == v {
		return
	}
	q.moreFresh = v
	if v {
		s.moreFresh++
	} else {
		s.moreFresh--
	}
}
