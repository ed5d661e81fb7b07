package storage

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"crawler"
)

// documentBatch is how many documents Documents decodes per read
// transaction. A long-lived read transaction keeps every page it can see
// from being reused, so the file grows while a big export runs; short
// batches avoid that.
const documentBatch = 256

// DocumentFilter selects documents for Documents. The zero value selects
// every document.
type DocumentFilter struct {
	// Site, when not empty, keeps only documents of that site.
	Site string
	// Since, when not zero, keeps only documents with FetchedAt >= Since.
	Since time.Time
}

func (f DocumentFilter) match(d *crawler.Document) bool {
	return (f.Site == "" || d.Site == f.Site) && (f.Since.IsZero() || !d.FetchedAt.Before(f.Since))
}

// Documents calls fn for every document matching f, in canonical URL
// order. It reads in batches of short transactions and calls fn outside
// them, so fn may use the DB (for example UpdateDocument while re-cleaning);
// documents written during the walk may or may not be seen, and none is
// seen twice. fn's error stops the walk and is returned as is.
func (db *DB) Documents(ctx context.Context, f DocumentFilter, fn func(*crawler.Document) error) error {
	if err := checkKeyPart("site", f.Site); err != nil {
		return fmt.Errorf("documents: %w", err)
	}
	var pos []byte
	if f.Site != "" {
		pos = key(f.Site)
	}
	for {
		docs, next, err := db.documentBatch(ctx, f, pos)
		if err != nil {
			return fmt.Errorf("documents: %w", err)
		}
		for _, d := range docs {
			if err := fn(d); err != nil {
				return err
			}
		}
		if next == nil {
			return nil
		}
		pos = next
	}
}

// documentBatch decodes the matching documents among the next
// documentBatch keys at or after pos. Without a site it walks the
// documents bucket; with one, that site's sitedocs entries. next is where
// the following batch starts, nil at the end.
func (db *DB) documentBatch(ctx context.Context, f DocumentFilter, pos []byte) (docs []*crawler.Document, next []byte, err error) {
	err = db.view(ctx, func(tx *bbolt.Tx) error {
		docsBucket := tx.Bucket(bucketDocuments)
		walk, prefix := docsBucket, []byte(nil)
		if f.Site != "" {
			walk, prefix = tx.Bucket(bucketSiteDocs), key(f.Site)
		}
		c := walk.Cursor()
		n := 0
		for k, v := c.Seek(pos); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			if n == documentBatch {
				next = bytes.Clone(k)
				return nil
			}
			n++
			if prefix != nil {
				if v = docsBucket.Get(k[len(prefix):]); v == nil {
					return fmt.Errorf("site index entry %q has no document: %w", k, ErrCorrupt)
				}
			}
			d, err := decodeDocument(v)
			if err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
			if f.match(d) {
				docs = append(docs, d)
			}
		}
		return nil
	})
	return docs, next, err
}
