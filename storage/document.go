package storage

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"go.etcd.io/bbolt"

	"crawler"
)

// SaveDocument stores doc under doc.CanonicalURL and page (its raw HTML)
// under page.URL, in one transaction, replacing earlier versions and
// keeping every index consistent. Either may be nil. When both are given,
// page.URL must be empty (it then takes doc.CanonicalURL) or equal to it.
// The page body is compressed before the transaction starts.
func (db *DB) SaveDocument(ctx context.Context, doc *crawler.Document, page *crawler.Page) error {
	op, err := db.prepare(doc, page)
	if err != nil {
		return err
	}
	err = db.update(ctx, func(tx *bbolt.Tx) error { return op.putTx(tx) })
	if err != nil {
		return fmt.Errorf("save document %s: %w", op.url(), err)
	}
	return nil
}

// UpdateDocument replaces an existing document, typically after cleaning
// its page again with newer rules, and moves its hash, simhash and site
// index entries. It returns an error wrapping ErrNotFound, and writes
// nothing, when no document is stored under doc.CanonicalURL.
func (db *DB) UpdateDocument(ctx context.Context, doc *crawler.Document) error {
	if doc == nil {
		return errors.New("update document: nil document")
	}
	op, err := db.prepare(doc, nil)
	if err != nil {
		return err
	}
	err = db.update(ctx, op.replaceTx)
	if err != nil {
		return fmt.Errorf("update document %s: %w", doc.CanonicalURL, err)
	}
	return nil
}

// replaceTx is putTx for a document that must already be stored: it
// returns ErrNotFound, having written nothing, when it is not.
func (op *saveOp) replaceTx(tx *bbolt.Tx) error {
	if tx.Bucket(bucketDocuments).Get([]byte(op.doc.CanonicalURL)) == nil {
		return ErrNotFound
	}
	return op.putTx(tx)
}

// Document returns the document stored under canonicalURL, or an error
// wrapping ErrNotFound.
func (db *DB) Document(ctx context.Context, canonicalURL string) (*crawler.Document, error) {
	var doc *crawler.Document
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		v := tx.Bucket(bucketDocuments).Get([]byte(canonicalURL))
		if v == nil {
			return ErrNotFound
		}
		var err error
		doc, err = decodeDocument(v)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("document %s: %w", canonicalURL, err)
	}
	return doc, nil
}

// putDocumentTx is SaveDocument inside a caller's transaction, so that a
// document and, say, its frontier mark commit together. It compresses the
// page body inside the transaction; callers with large bodies that can
// afford two transactions should prefer SaveDocument.
func (db *DB) putDocumentTx(tx *bbolt.Tx, doc *crawler.Document, page *crawler.Page) error {
	op, err := db.prepare(doc, page)
	if err != nil {
		return err
	}
	if err := op.putTx(tx); err != nil {
		return fmt.Errorf("save document %s: %w", op.url(), err)
	}
	return nil
}

// saveOp is a validated, encoded write: everything that can be done before
// the transaction starts.
type saveOp struct {
	doc      *crawler.Document
	docValue []byte
	page     *crawler.Page // a shallow copy with URL filled in
	zstdBody []byte
}

func (db *DB) prepare(doc *crawler.Document, page *crawler.Page) (*saveOp, error) {
	if doc == nil && page == nil {
		return nil, errors.New("save document: nothing to save")
	}
	op := &saveOp{doc: doc}
	if doc != nil {
		if err := validateDocument(doc); err != nil {
			return nil, fmt.Errorf("save document %s: %w", doc.CanonicalURL, err)
		}
		v, err := encodeDocument(doc)
		if err != nil {
			return nil, err
		}
		op.docValue = v
	}
	if page != nil {
		p := *page
		if p.URL == "" && doc != nil {
			p.URL = doc.CanonicalURL
		}
		if err := validatePage(&p, doc); err != nil {
			return nil, fmt.Errorf("save page %s: %w", p.URL, err)
		}
		op.page = &p
		op.zstdBody = db.enc.EncodeAll(p.Body, nil)
	}
	return op, nil
}

func validateDocument(d *crawler.Document) error {
	if d.CanonicalURL == "" {
		return errors.New("empty canonical URL")
	}
	if err := checkKeyPart("site", d.Site); err != nil {
		return err
	}
	return checkKeyPart("content hash", d.ContentHash)
}

func validatePage(p *crawler.Page, doc *crawler.Document) error {
	if p.URL == "" {
		return errors.New("empty page URL")
	}
	if doc != nil && p.URL != doc.CanonicalURL {
		return fmt.Errorf("page URL differs from document canonical URL %s", doc.CanonicalURL)
	}
	return nil
}

func (op *saveOp) url() string {
	if op.doc != nil {
		return op.doc.CanonicalURL
	}
	return op.page.URL
}

func (op *saveOp) putTx(tx *bbolt.Tx) error {
	if op.doc != nil {
		if err := putDocTx(tx, op.doc, op.docValue); err != nil {
			return err
		}
	}
	if op.page == nil {
		// A page stored earlier, alone or under the document's old site,
		// must be listed under the document's site from now on.
		return resitePageTx(tx, op.doc.CanonicalURL, op.doc.Site)
	}
	site, err := pageSite(tx, op.doc, op.page.URL)
	if err != nil {
		return err
	}
	return putPageTx(tx, site, op.page, op.zstdBody)
}

// putDocTx writes a document and its index entries, removing the entries
// of the version it replaces.
func putDocTx(tx *bbolt.Tx, d *crawler.Document, value []byte) error {
	docs := tx.Bucket(bucketDocuments)
	k := []byte(d.CanonicalURL)
	if v := docs.Get(k); v != nil {
		old, err := decodeDocument(v)
		if err != nil {
			return fmt.Errorf("replaced version: %w", err)
		}
		if err := deleteDocIndexes(tx, old); err != nil {
			return err
		}
	}
	if err := docs.Put(k, value); err != nil {
		return err
	}
	return putDocIndexes(tx, d)
}

// docIndexEntry is one secondary-index key a document owns.
type docIndexEntry struct {
	bucket []byte
	key    []byte
}

func docIndexEntries(d *crawler.Document) []docIndexEntry {
	u := []byte(d.CanonicalURL)
	e := []docIndexEntry{{bucketSiteDocs, key(d.Site, u)}}
	for _, k := range simIndexKeys(d.Site, d.SimHash, u) {
		e = append(e, docIndexEntry{bucketSimHashes, k})
	}
	if d.ContentHash != "" {
		e = append(e, docIndexEntry{bucketHashes, key(d.ContentHash, u)})
	}
	return e
}

func putDocIndexes(tx *bbolt.Tx, d *crawler.Document) error {
	for _, e := range docIndexEntries(d) {
		if err := tx.Bucket(e.bucket).Put(e.key, nil); err != nil {
			return fmt.Errorf("index %s: %w", e.bucket, err)
		}
	}
	return nil
}

func deleteDocIndexes(tx *bbolt.Tx, d *crawler.Document) error {
	for _, e := range docIndexEntries(d) {
		if err := tx.Bucket(e.bucket).Delete(e.key); err != nil {
			return fmt.Errorf("unindex %s: %w", e.bucket, err)
		}
	}
	return nil
}

// pageSite decides which site a page is listed under in the pagetimes
// index: its document's, when there is one, else the host of its URL.
func pageSite(tx *bbolt.Tx, doc *crawler.Document, pageURL string) (string, error) {
	if doc != nil {
		return doc.Site, nil
	}
	if v := tx.Bucket(bucketDocuments).Get([]byte(pageURL)); v != nil {
		d, err := decodeDocument(v)
		if err != nil {
			return "", err
		}
		return d.Site, nil
	}
	return siteOf(pageURL), nil
}

// siteOf derives a site the way crawler.Document.Site is defined: the
// host without a leading "www.". An unparsable URL has site "".
func siteOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}
