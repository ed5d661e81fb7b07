package storage

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"

	"go.etcd.io/bbolt"

	"crawler"
)

// The pending index keeps every pending frontier entry under
// job + 0x00 + host + 0x00 + fetch-order key + URL, so a run can list the
// hosts that have work and take the next few URLs of one host in fetch
// order without reading, or holding in memory, the rest of the frontier.
// putEntry keeps it in step with the frontier in the same transaction.

func pendingPrefix(job, host string) []byte {
	k := make([]byte, 0, len(job)+len(host)+2+crawler.FetchOrderKeyLen)
	k = append(k, job...)
	k = append(k, 0)
	k = append(k, host...)
	return append(k, 0)
}

func pendingKey(e crawler.URLEntry) []byte {
	k := pendingPrefix(e.Job, e.Host)
	k = append(k, crawler.FetchOrderKey(e)...)
	return append(k, e.URL...)
}

// indexEntry updates the pending index for an entry going from prev (nil:
// not in the frontier before) to e.
func indexEntry(tx *bbolt.Tx, prev *crawler.URLEntry, e crawler.URLEntry) error {
	idx := tx.Bucket(bucketPending)
	if prev != nil && prev.State == crawler.StatePending {
		if err := idx.Delete(pendingKey(*prev)); err != nil {
			return err
		}
	}
	if e.State == crawler.StatePending {
		return idx.Put(pendingKey(e), nil)
	}
	return nil
}

// PendingHosts lists the politeness hosts that have pending URLs of job,
// in key order.
func (db *DB) PendingHosts(ctx context.Context, job string) ([]string, error) {
	var hosts []string
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketPending).Cursor()
		prefix := append([]byte(job), 0)
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); {
			rest := k[len(prefix):]
			end := bytes.IndexByte(rest, 0)
			if end < 0 {
				return fmt.Errorf("pending index key %q: %w", k, ErrCorrupt)
			}
			hosts = append(hosts, string(rest[:end]))
			// Skip the host's other keys: 0x01 sorts after its 0x00.
			next := append(append(append([]byte(nil), prefix...), rest[:end]...), 1)
			k, _ = c.Seek(next)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("pending hosts of %s: %w", job, err)
	}
	return hosts, nil
}

// PendingOf returns up to limit pending entries of job on host, in fetch
// order (crawler.URLEntry.FetchesBefore).
func (db *DB) PendingOf(ctx context.Context, job, host string, limit int) ([]crawler.URLEntry, error) {
	var out []crawler.URLEntry
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		out = out[:0]
		frontier := tx.Bucket(bucketFrontier)
		prefix := pendingPrefix(job, host)
		c := tx.Bucket(bucketPending).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(out) < limit; k, _ = c.Next() {
			if len(k) < len(prefix)+crawler.FetchOrderKeyLen {
				return fmt.Errorf("pending index key %q: %w", k, ErrCorrupt)
			}
			url := k[len(prefix)+crawler.FetchOrderKeyLen:]
			v := frontier.Get(url)
			if v == nil {
				return fmt.Errorf("pending index names %s, not in the frontier: %w", url, ErrCorrupt)
			}
			var e crawler.URLEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("decode entry %s: %w", url, err)
			}
			out = append(out, e)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("pending urls of %s on %s: %w", job, host, err)
	}
	return out, nil
}

// migrate brings a database written by an older layout up to
// schemaVersion inside the opening transaction.
func migrate(tx *bbolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	v := meta.Get(metaSchemaVersion)
	if len(v) != 8 || binary.BigEndian.Uint64(v) != 1 {
		return nil // checkSchema reports anything else
	}
	// Version 1 had no pending index and one simhashes key per document.
	if err := buildPendingIndex(tx); err != nil {
		return fmt.Errorf("migrate to schema 2: %w", err)
	}
	if err := rebuildSimIndex(tx); err != nil {
		return fmt.Errorf("migrate to schema 2: %w", err)
	}
	return meta.Put(metaSchemaVersion, binary.BigEndian.AppendUint64(nil, 2))
}

func buildPendingIndex(tx *bbolt.Tx) error {
	idx := tx.Bucket(bucketPending)
	return forEachEntry(tx.Bucket(bucketFrontier), func(e crawler.URLEntry) error {
		if e.State != crawler.StatePending {
			return nil
		}
		return idx.Put(pendingKey(e), nil)
	})
}

func rebuildSimIndex(tx *bbolt.Tx) error {
	if err := tx.DeleteBucket(bucketSimHashes); err != nil {
		return err
	}
	idx, err := tx.CreateBucket(bucketSimHashes)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketDocuments).ForEach(func(k, v []byte) error {
		d, err := decodeDocument(v)
		if err != nil {
			return fmt.Errorf("decode document %s: %w", k, err)
		}
		for _, sk := range simIndexKeys(d.Site, d.SimHash, k) {
			if err := idx.Put(sk, nil); err != nil {
				return err
			}
		}
		return nil
	})
}
