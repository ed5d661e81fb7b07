package storage

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"crawler"
)

// jobRunsKept is how many run reports AddJobRun keeps per job.
const jobRunsKept = 200

// AddJobRun records a finished (or skipped) run of r.Job and drops that
// job's oldest reports beyond the newest 200. Reports are keyed by job,
// start time and ID, so adding the same report twice stores it once.
func (db *DB) AddJobRun(ctx context.Context, r crawler.RunReport) error {
	if r.Job == "" {
		return errors.New("add job run: empty job name")
	}
	if err := checkKeyPart("job", r.Job); err != nil {
		return fmt.Errorf("add job run: %w", err)
	}
	v, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("add job run %s: %w", r.Job, err)
	}
	err = db.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketJobRuns)
		if err := b.Put(key(r.Job, timeKey(r.Start), []byte(r.ID)), v); err != nil {
			return err
		}
		return trimJobRunsTx(b, r.Job)
	})
	if err != nil {
		return fmt.Errorf("add job run %s: %w", r.Job, err)
	}
	return nil
}

// trimJobRunsTx deletes all but the newest jobRunsKept reports of job.
// Keys sort oldest first, so the surplus is at the front. Keys are copied
// before deleting because deletion invalidates cursor-owned memory.
func trimJobRunsTx(b *bbolt.Bucket, job string) error {
	prefix := key(job)
	var keys [][]byte
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k))
	}
	for len(keys) > jobRunsKept {
		if err := b.Delete(keys[0]); err != nil {
			return err
		}
		keys = keys[1:]
	}
	return nil
}

// JobRuns returns up to limit run reports of job (of every job when job is
// ""), newest Start first. limit <= 0 means all that are kept.
func (db *DB) JobRuns(ctx context.Context, job string, limit int) ([]crawler.RunReport, error) {
	if err := checkKeyPart("job", job); err != nil {
		return nil, fmt.Errorf("job runs: %w", err)
	}
	var runs []crawler.RunReport
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		var prefix []byte
		if job != "" {
			prefix = key(job)
		}
		c := tx.Bucket(bucketJobRuns).Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			var r crawler.RunReport
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("%q: %w", k, err)
			}
			runs = append(runs, r)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("job runs %s: %w", job, err)
	}
	slices.SortStableFunc(runs, func(a, b crawler.RunReport) int {
		return cmp.Or(b.Start.Compare(a.Start), cmp.Compare(b.ID, a.ID))
	})
	if limit > 0 && len(runs) > limit {
		runs = runs[:limit]
	}
	return runs, nil
}
