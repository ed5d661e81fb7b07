package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"go.etcd.io/bbolt"

	"crawler"
)

// Validators returns the conditional-GET validators stored for url; ok is
// false when there are none.
func (db *DB) Validators(ctx context.Context, url string) (v crawler.Validators, ok bool, err error) {
	err = db.view(ctx, func(tx *bbolt.Tx) error {
		raw := tx.Bucket(bucketValidators).Get([]byte(url))
		if raw == nil {
			return nil
		}
		ok = true
		return json.Unmarshal(raw, &v)
	})
	if err != nil {
		return v, false, fmt.Errorf("validators of %s: %w", url, err)
	}
	return v, ok, nil
}

// PutValidators stores url's validators; empty validators delete the record.
func (db *DB) PutValidators(ctx context.Context, url string, v crawler.Validators) error {
	err := db.update(ctx, func(tx *bbolt.Tx) error { return putValidatorsTx(tx, url, v) })
	if err != nil {
		return fmt.Errorf("put validators of %s: %w", url, err)
	}
	return nil
}

func putValidatorsTx(tx *bbolt.Tx, url string, v crawler.Validators) error {
	b := tx.Bucket(bucketValidators)
	if v == (crawler.Validators{}) {
		return b.Delete([]byte(url))
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put([]byte(url), raw)
}

// Refresh puts up to limit of job's done articles (link and feed or
// sitemap entries whose document was stored at or after since) back to
// pending, marked Refresh, newest Fetched first, so they are fetched again
// with their validators. Refreshes still pending from an earlier run count
// against limit. It returns how many entries it marked.
func (db *DB) Refresh(ctx context.Context, job string, since time.Time, limit int) (int, error) {
	n := 0
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketFrontier)
		var due []crawler.URLEntry
		open := 0
		err := forEachEntry(b, func(e crawler.URLEntry) error {
			switch {
			case e.Job != job:
			case e.Refresh && (e.State == crawler.StatePending || e.State == crawler.StateLeased):
				open++
			case e.State == crawler.StateDone && !e.Fetched.IsZero() && !e.Fetched.Before(since) &&
				(e.Source == crawler.SourceLink || e.Source == crawler.SourceArticle):
				due = keepNewest(due, e, limit)
			}
			return nil
		})
		if err != nil {
			return err
		}
		due = due[:max(0, min(len(due), limit-open))]
		for _, e := range due {
			e.State, e.Refresh, e.Attempts, e.NotBefore = crawler.StatePending, true, 0, time.Time{}
			if err := putEntry(b, e); err != nil {
				return err
			}
		}
		n = len(due)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("refresh articles of %s: %w", job, err)
	}
	return n, nil
}

// keepNewest inserts e into due, kept sorted newest Fetched first (ties in
// arrival order) and at most limit long, so a frontier with a million
// recent articles costs limit entries of memory, not a million.
func keepNewest(due []crawler.URLEntry, e crawler.URLEntry, limit int) []crawler.URLEntry {
	i, _ := slices.BinarySearchFunc(due, e, func(a, b crawler.URLEntry) int {
		if c := b.Fetched.Compare(a.Fetched); c != 0 {
			return c
		}
		return -1 // after every entry with the same time
	})
	if i >= limit {
		return due
	}
	due = slices.Insert(due, i, e)
	if len(due) > limit {
		due = due[:limit]
	}
	return due
}
