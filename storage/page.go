package storage

import (
	"bytes"
	"context"
	"fmt"

	"go.etcd.io/bbolt"

	"crawler"
)

// pageBatch is how many pages Pages reads per transaction. Bodies can be
// large, so batches are small.
const pageBatch = 32

// Page returns the raw page stored under canonicalURL, body decompressed,
// or an error wrapping ErrNotFound.
func (db *DB) Page(ctx context.Context, canonicalURL string) (*crawler.Page, error) {
	var raw []byte
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		v := tx.Bucket(bucketPages).Get([]byte(canonicalURL))
		if v == nil {
			return ErrNotFound
		}
		raw = bytes.Clone(v)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("page %s: %w", canonicalURL, err)
	}
	p, err := db.decodePage(raw)
	if err != nil {
		return nil, fmt.Errorf("page %s: %w", canonicalURL, err)
	}
	return p, nil
}

// PutPage stores page under page.URL, replacing any earlier version, for
// example to record a new RulesVersion after re-cleaning. It is listed by
// Pages under its document's site, or its URL's host if it has no document.
func (db *DB) PutPage(ctx context.Context, page *crawler.Page) error {
	if page == nil {
		return fmt.Errorf("put page: nil page")
	}
	op, err := db.prepare(nil, page)
	if err != nil {
		return err
	}
	if err := db.update(ctx, func(tx *bbolt.Tx) error { return op.putTx(tx) }); err != nil {
		return fmt.Errorf("put page %s: %w", page.URL, err)
	}
	return nil
}

// Pages calls fn with the raw pages of site, newest FetchedAt first, at
// most limit of them (all when limit <= 0). It reads in small batches and
// calls fn outside any transaction, so fn may use the DB; pages written
// during the walk may or may not be seen. fn's error stops the walk and is
// returned as is.
func (db *DB) Pages(ctx context.Context, site string, limit int, fn func(*crawler.Page) error) error {
	if err := checkKeyPart("site", site); err != nil {
		return fmt.Errorf("pages of %s: %w", site, err)
	}
	prefix := key(site)
	pos := prefixEnd(site)
	for seen := 0; limit <= 0 || seen < limit; {
		n := pageBatch
		if limit > 0 {
			n = min(n, limit-seen)
		}
		raws, next, err := db.pageBatch(ctx, prefix, pos, n)
		if err != nil {
			return fmt.Errorf("pages of %s: %w", site, err)
		}
		for _, raw := range raws {
			p, err := db.decodePage(raw)
			if err != nil {
				return fmt.Errorf("pages of %s: %w", site, err)
			}
			if err := fn(p); err != nil {
				return err
			}
		}
		seen += len(raws)
		if next == nil {
			return nil
		}
		pos = next
	}
	return nil
}

// pageBatch copies up to n page records whose pagetimes keys start with
// prefix and sort before pos, walking backwards. next is the position for
// the following batch, nil when the walk is done.
func (db *DB) pageBatch(ctx context.Context, prefix, pos []byte, n int) (raws [][]byte, next []byte, err error) {
	err = db.view(ctx, func(tx *bbolt.Tx) error {
		pages := tx.Bucket(bucketPages)
		c := tx.Bucket(bucketPageTimes).Cursor()
		k, _ := c.Seek(pos)
		if k == nil {
			k, _ = c.Last()
		} else {
			k, _ = c.Prev()
		}
		for ; k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Prev() {
			if len(raws) == n {
				next = bytes.Clone(k)
				// The key itself is read again next batch, so step past it.
				next = append(next, 0)
				return nil
			}
			u := k[len(prefix)+8:]
			v := pages.Get(u)
			if v == nil {
				return fmt.Errorf("index entry for %s has no page: %w", u, ErrCorrupt)
			}
			raws = append(raws, bytes.Clone(v))
		}
		return nil
	})
	return raws, next, err
}

// putPageTx writes a page record and its pagetimes entry, removing the
// entry of the version it replaces.
func putPageTx(tx *bbolt.Tx, site string, p *crawler.Page, zstdBody []byte) error {
	pages, times := tx.Bucket(bucketPages), tx.Bucket(bucketPageTimes)
	k := []byte(p.URL)
	if old := pages.Get(k); old != nil {
		h, err := decodePageHeader(old)
		if err != nil {
			return fmt.Errorf("replaced page: %w", err)
		}
		if err := times.Delete(key(h.Site, timeKey(h.Page.FetchedAt), k)); err != nil {
			return err
		}
	}
	rec, err := encodePage(site, p, zstdBody)
	if err != nil {
		return err
	}
	if err := pages.Put(k, rec); err != nil {
		return err
	}
	return times.Put(key(site, timeKey(p.FetchedAt), k), nil)
}

// resitePageTx moves the page stored under u, if any, to site, keeping its
// compressed body as it is.
func resitePageTx(tx *bbolt.Tx, u, site string) error {
	old := tx.Bucket(bucketPages).Get([]byte(u))
	if old == nil {
		return nil
	}
	h, err := decodePageHeader(old)
	if err != nil {
		return fmt.Errorf("page to move: %w", err)
	}
	if h.Site == site {
		return nil
	}
	_, body, _ := splitPage(old)
	return putPageTx(tx, site, h.Page, bytes.Clone(body))
}
