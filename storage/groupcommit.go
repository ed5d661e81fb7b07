package storage

import (
	"fmt"

	"go.etcd.io/bbolt"
)

// maxGroup bounds the writes one commit carries, so one commit's dirty
// pages stay small.
const maxGroup = 256

// groupCommit runs the small, frequent writes of a crawl (leases, host
// turns, outcomes) in shared transactions: a write that arrives while a
// commit is on its way to disk joins the next one. A busy crawl pays one
// fsync for many writes; a lone write commits at once. (bbolt's own Batch
// waits up to MaxBatchDelay for company, which a crawl with a few workers
// pays on every page.)
type groupCommit struct {
	db   *DB
	reqs chan *commitReq
	stop chan struct{}
	done chan struct{}
}

type commitReq struct {
	fn  func(*bbolt.Tx) error
	err chan error
}

func startGroupCommit(db *DB) *groupCommit {
	g := &groupCommit{db: db, reqs: make(chan *commitReq), stop: make(chan struct{}), done: make(chan struct{})}
	go g.loop()
	return g
}

// close stops the writer after the commit in progress; later writes fail
// with ErrClosed.
func (g *groupCommit) close() {
	close(g.stop)
	<-g.done
}

func (g *groupCommit) loop() {
	defer close(g.done)
	batch := make([]*commitReq, 0, maxGroup)
	for {
		select {
		case <-g.stop:
			return
		case first := <-g.reqs:
			batch = append(batch[:0], first)
		}
	drain:
		for len(batch) < maxGroup {
			select {
			case r := <-g.reqs:
				batch = append(batch, r)
			default:
				break drain
			}
		}
		g.commit(batch)
	}
}

// commit runs a group in one transaction. When one write fails, the
// transaction is rolled back and every write runs again alone, so the
// failure is its writer's only. Writes must therefore be safe to run
// twice: they set their results from scratch.
func (g *groupCommit) commit(batch []*commitReq) {
	failed := false
	err := g.db.updateNow(func(tx *bbolt.Tx) error {
		for _, r := range batch {
			if err := r.fn(tx); err != nil {
				failed = true
				return err
			}
		}
		return nil
	})
	if err == nil || !failed || len(batch) == 1 {
		for _, r := range batch {
			r.err <- err
		}
		return
	}
	for _, r := range batch {
		r.err <- g.db.updateNow(r.fn)
	}
}

// write runs fn in a transaction shared with other concurrent writes. The
// same rules as for update apply, and fn may run twice.
func (db *DB) write(fn func(tx *bbolt.Tx) error) error {
	if db.group == nil {
		return fmt.Errorf("write to %s: opened read-only: %w", db.path, ErrClosed)
	}
	r := &commitReq{fn: fn, err: make(chan error, 1)}
	select {
	case db.group.reqs <- r:
	case <-db.group.done:
		return fmt.Errorf("write to %s: %w", db.path, ErrClosed)
	}
	return <-r.err
}
