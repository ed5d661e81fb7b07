package storage

import (
	"bytes"
	"context"
	"fmt"

	"go.etcd.io/bbolt"
)

// Stats is a snapshot of how much the database holds and where its bytes
// go. The file is DataSize bytes of pages plus what bbolt preallocates
// beyond them; DataSize is the pages of every bucket (BucketStats.Alloc),
// the free pages, and a few pages of bookkeeping (meta pages, the freelist,
// the root of the bucket tree).
type Stats struct {
	// Documents, Pages, Aliases and RuleSites count stored records.
	Documents int
	Pages     int
	Aliases   int
	RuleSites int
	// FileSize is the size of the database file in bytes.
	FileSize int64
	// DataSize is the bytes bbolt has handed out: every page up to the
	// highest one ever used, whether it holds data or is free now. It grows
	// one page at a time, while the file grows in larger steps.
	DataSize int64
	// PageSize is bbolt's page size in bytes.
	PageSize int
	// FreePages are pages inside DataSize that hold nothing and will be
	// reused before the file grows. PendingPages were freed by a write that
	// a still-open read transaction may see; they become free when it ends.
	FreePages    int
	PendingPages int
	// FreeBytes is the bytes of the free and pending pages.
	FreeBytes int64
	// Buckets has one entry per bucket, in the order of doc.go.
	Buckets []BucketStats
}

// BucketStats is the space one bucket takes.
type BucketStats struct {
	// Name is the bucket's name as listed in doc.go.
	Name string
	// Keys is the number of records.
	Keys int
	// Used is the bytes of keys and values plus bbolt's per-record and
	// per-page headers; large values spill into overflow pages and count
	// in full.
	Used int64
	// Alloc is the bytes of the pages the bucket occupies: Used plus the
	// unused tail of each page. A bucket small enough to live inside its
	// parent's page has Alloc 0.
	Alloc int64
}

// Stats counts the records of every bucket and measures the space they
// take. It walks every branch and leaf page of every bucket, though not the
// overflow pages of large values, in one short read transaction.
func (db *DB) Stats(ctx context.Context) (Stats, error) {
	var s Stats
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		s.DataSize = tx.Size()
		for _, name := range allBuckets {
			bs := tx.Bucket(name).Stats()
			s.Buckets = append(s.Buckets, BucketStats{
				Name:  string(name),
				Keys:  bs.KeyN,
				Used:  int64(bs.LeafInuse + bs.BranchInuse + bs.InlineBucketInuse),
				Alloc: int64(bs.LeafAlloc + bs.BranchAlloc),
			})
		}
		return nil
	})
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	s.Documents = s.Bucket(string(bucketDocuments)).Keys
	s.Pages = s.Bucket(string(bucketPages)).Keys
	s.Aliases = s.Bucket(string(bucketAliases)).Keys
	s.RuleSites = s.Bucket(string(bucketRules)).Keys
	// The freelist figures are those of the last committed write.
	bs := db.bolt.Stats()
	s.PageSize = db.bolt.Info().PageSize
	s.FreePages, s.PendingPages = bs.FreePageN, bs.PendingPageN
	s.FreeBytes = int64(bs.FreeAlloc)
	if s.FileSize, err = db.Size(); err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	return s, nil
}

// Bucket returns the entry of the named bucket, or a zero BucketStats
// carrying only the name when there is none.
func (s Stats) Bucket(name string) BucketStats {
	for _, b := range s.Buckets {
		if b.Name == name {
			return b
		}
	}
	return BucketStats{Name: name}
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
