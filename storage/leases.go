package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"crawler"
)

// Lease moves a pending URL to leased until the given time and, when turn
// is non-nil and the URL was pending, saves its host's next allowed
// request start with it, in a shared commit (see groupCommit). A URL that
// is not pending is left alone and reported with ok=false. The crawler
// itself no longer leases (a URL in flight is marked in its memory and
// stays pending here), so a crash needs nothing undone; Lease marks a URL
// as taken for callers that want that recorded, and ResetLeases undoes
// such marks, including those older versions left.
func (db *DB) Lease(ctx context.Context, url string, until time.Time, turn *crawler.HostTurn) (ok bool, err error) {
	err = db.shared(ctx, func(tx *bbolt.Tx) error {
		ok = false // a shared commit may run the function again
		b := tx.Bucket(bucketFrontier)
		v := b.Get([]byte(url))
		if v == nil {
			return nil
		}
		var e crawler.URLEntry
		if err := json.Unmarshal(v, &e); err != nil {
			return fmt.Errorf("decode entry: %w", err)
		}
		if e.State != crawler.StatePending {
			return nil
		}
		prev := e
		e.State, e.LeaseUntil, ok = crawler.StateLeased, until, true
		if turn != nil {
			if err := putTurnTx(tx, *turn); err != nil {
				return err
			}
		}
		return replaceEntry(b, &prev, e)
	})
	if err != nil {
		return false, fmt.Errorf("lease %s: %w", url, err)
	}
	return ok, nil
}

// ResetLeases returns every leased URL to pending: the leases of a run
// that died. Call it before starting runs; it returns how many it reset.
func (db *DB) ResetLeases(ctx context.Context) (int, error) {
	n := 0
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		var err error
		n, err = rewriteEntries(tx.Bucket(bucketFrontier), leasedJSON, func(e *crawler.URLEntry) bool {
			if e.State != crawler.StateLeased {
				return false
			}
			e.State, e.LeaseUntil = crawler.StatePending, time.Time{}
			return true
		})
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("reset leases: %w", err)
	}
	return n, nil
}
