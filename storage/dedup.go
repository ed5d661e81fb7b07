package storage

import (
	"bytes"
	"context"
	"fmt"

	"go.etcd.io/bbolt"
)

// DocumentByHash returns the canonical URL of a stored document whose
// ContentHash is contentHash; ok is false when there is none. When several
// documents share the hash, the one with the smallest URL is returned.
func (db *DB) DocumentByHash(ctx context.Context, contentHash string) (canonicalURL string, ok bool, err error) {
	if contentHash == "" {
		return "", false, nil
	}
	err = db.view(ctx, func(tx *bbolt.Tx) error {
		canonicalURL, ok = documentByHashTx(tx, contentHash)
		return nil
	})
	if err != nil {
		return "", false, fmt.Errorf("document by hash %s: %w", contentHash, err)
	}
	return canonicalURL, ok, nil
}

// documentByHashTx is DocumentByHash inside a caller's transaction. The
// hashes bucket is keyed hash + 0x00 + URL, so look-ups must go through
// here rather than a plain Get.
func documentByHashTx(tx *bbolt.Tx, contentHash string) (string, bool) {
	prefix := key(contentHash)
	k, _ := tx.Bucket(bucketHashes).Cursor().Seek(prefix)
	if k == nil || !bytes.HasPrefix(k, prefix) {
		return "", false
	}
	return string(k[len(prefix):]), true
}

// NearDuplicate returns the canonical URL of the stored document of site
// whose SimHash is closest to simhash in Hamming distance, provided that
// distance is at most maxDistance; ok is false when there is none. Ties go
// to the smaller simhash. Up to a distance of five it reads only the
// documents that share one of six SimHash bit ranges with the probe (see
// simindex.go); a wider probe reads every document of the site.
func (db *DB) NearDuplicate(ctx context.Context, site string, simhash uint64, maxDistance int) (canonicalURL string, ok bool, err error) {
	if err := checkKeyPart("site", site); err != nil {
		return "", false, fmt.Errorf("near duplicate in %s: %w", site, err)
	}
	err = db.view(ctx, func(tx *bbolt.Tx) error {
		canonicalURL, ok = nearDuplicateTx(tx, site, simhash, maxDistance)
		return nil
	})
	if err != nil {
		return "", false, fmt.Errorf("near duplicate in %s: %w", site, err)
	}
	return canonicalURL, ok, nil
}
