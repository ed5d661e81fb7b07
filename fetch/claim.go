package fetch

import (
	"context"

	"crawler"
)

// claim checks that the entry is still pending in the store and not in
// flight in this run, marks it in flight and saves its host's turn,
// covering the requests it is about to make. The claim itself is not
// written: a URL in flight stays pending in the store, so a crash leaves
// it to be fetched by the next run, and a page costs one commit (its
// outcome) plus, under a politeness delay, its host's turn.
func (r *run) claim(ctx context.Context, e crawler.URLEntry) (bool, error) {
	r.mu.Lock()
	busy := r.inflight[e.URL]
	if !busy {
		r.inflight[e.URL] = true
	}
	r.mu.Unlock()
	if busy {
		return false, nil
	}
	ok, err := r.claimStored(ctx, e)
	if err != nil || !ok {
		r.unclaim(e.URL)
	}
	return ok, err
}

func (r *run) claimStored(ctx context.Context, e crawler.URLEntry) (bool, error) {
	// A window can hold an entry the store has since marked done: an alias
	// of a page stored under another address, or a URL read again while
	// a redirect had its host released.
	cur, found, err := r.c.store.FrontierEntry(ctx, e.URL)
	if err != nil || !found || cur.State != crawler.StatePending {
		return false, err
	}
	requests := 1
	if r.c.opts.RespectRobots && r.robotsStale(e.Host) {
		requests++
	}
	if t, save := r.sched.turn(e.Host, requests); save {
		if err := r.c.store.PutHostTurn(ctx, t); err != nil {
			return false, err
		}
		r.sched.saved(t)
	}
	return true, nil
}

func (r *run) unclaim(url string) {
	r.mu.Lock()
	delete(r.inflight, url)
	r.mu.Unlock()
}
