package storage

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"math/bits"

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
// to the smaller simhash. It scans the site's index entries (16 bytes plus
// the URL each), which is fast for the tens of thousands of articles a
// news site accumulates but linear in them.
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

func nearDuplicateTx(tx *bbolt.Tx, site string, simhash uint64, maxDistance int) (string, bool) {
	prefix := key(site)
	best, bestKey := maxDistance+1, []byte(nil)
	c := tx.Bucket(bucketSimHashes).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if len(k) < len(prefix)+8 {
			continue
		}
		d := bits.OnesCount64(simhash ^ binary.BigEndian.Uint64(k[len(prefix):]))
		if d < best {
			best, bestKey = d, k
			if d == 0 {
				break
			}
		}
	}
	if bestKey == nil {
		return "", false
	}
	return string(bestKey[len(prefix)+8:]), true
}
