package storage

import (
	"errors"
	"fmt"
	"sort"

	"go.etcd.io/bbolt"

	"crawler"
)

// checkIndexes verifies that every secondary index holds exactly the
// entries the stored documents and pages imply: none missing, none stale.
func checkIndexes(db *DB) error {
	return db.bolt.View(func(tx *bbolt.Tx) error {
		want := map[string]map[string]bool{}
		add := func(bucket, k []byte) {
			if want[string(bucket)] == nil {
				want[string(bucket)] = map[string]bool{}
			}
			want[string(bucket)][string(k)] = true
		}
		err := tx.Bucket(bucketDocuments).ForEach(func(k, v []byte) error {
			d, err := decodeDocument(v)
			if err != nil {
				return err
			}
			if d.CanonicalURL != string(k) {
				return fmt.Errorf("document under %q has canonical URL %q", k, d.CanonicalURL)
			}
			for _, e := range docIndexEntries(d) {
				add(e.bucket, e.key)
			}
			return nil
		})
		if err != nil {
			return err
		}
		err = tx.Bucket(bucketPages).ForEach(func(k, v []byte) error {
			h, err := decodePageHeader(v)
			if err != nil {
				return err
			}
			add(bucketPageTimes, key(h.Site, timeKey(h.Page.FetchedAt), k))
			return nil
		})
		if err != nil {
			return err
		}
		err = forEachEntry(tx.Bucket(bucketFrontier), func(e crawler.URLEntry) error {
			if e.State == crawler.StatePending {
				add(bucketPending, pendingKey(e))
			}
			return nil
		})
		if err != nil {
			return err
		}
		var errs []error
		for _, b := range [][]byte{bucketHashes, bucketSimHashes, bucketSiteDocs, bucketPageTimes, bucketPending} {
			errs = append(errs, compareKeys(tx.Bucket(b), b, want[string(b)]))
		}
		return errors.Join(errs...)
	})
}

func compareKeys(b *bbolt.Bucket, name []byte, want map[string]bool) error {
	var stale, missing []string
	got := map[string]bool{}
	_ = b.ForEach(func(k, _ []byte) error {
		got[string(k)] = true
		if !want[string(k)] {
			stale = append(stale, fmt.Sprintf("%q", k))
		}
		return nil
	})
	for k := range want {
		if !got[k] {
			missing = append(missing, fmt.Sprintf("%q", k))
		}
	}
	if len(stale)+len(missing) == 0 {
		return nil
	}
	sort.Strings(missing)
	return fmt.Errorf("index %s: stale %v, missing %v", name, stale, missing)
}
