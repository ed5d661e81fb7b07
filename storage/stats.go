package storage

import (
	"bytes"
	"context"
	"fmt"

	"go.etcd.io/bbolt"
)

// Stats is a snapshot of how much the database holds.
type Stats struct {
	// Documents, Pages, Aliases and RuleSites count stored records.
	Documents int
	Pages     int
	Aliases   int
	RuleSites int
	// FileSize is the size of the database file in bytes.
	FileSize int64
}

// Stats counts the records in the database. It walks the branch pages of
// each bucket, not every record, so it is cheap enough for a status page.
func (db *DB) Stats(ctx context.Context) (Stats, error) {
	var s Stats
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		s.Documents = tx.Bucket(bucketDocuments).Stats().KeyN
		s.Pages = tx.Bucket(bucketPages).Stats().KeyN
		s.Aliases = tx.Bucket(bucketAliases).Stats().KeyN
		s.RuleSites = tx.Bucket(bucketRules).Stats().KeyN
		return nil
	})
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	if s.FileSize, err = db.Size(); err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	return s, nil
}

// Sites returns the number of documents stored for each site.
func (db *DB) Sites(ctx context.Context) (map[string]int, error) {
	sites := make(map[string]int)
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketSiteDocs).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if i := bytes.IndexByte(k, sep); i >= 0 {
				sites[string(k[:i])]++
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sites: %w", err)
	}
	return sites, nil
}
