package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"crawler"
)

// runMarkerPrefix starts the frontier keys that mark a job's run as in
// progress. Canonical URLs never start with a NUL byte, so the markers
// cannot collide with entries.
const runMarkerPrefix = "\x00run\x00"

// Enqueue adds entries that are not yet in the frontier and leaves existing
// ones untouched. It returns how many were added.
func (db *DB) Enqueue(ctx context.Context, entries []crawler.URLEntry) (int, error) {
	added := 0
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		n, err := enqueueTx(tx, entries)
		added = n
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("enqueue %d urls: %w", len(entries), err)
	}
	return added, nil
}

func enqueueTx(tx *bbolt.Tx, entries []crawler.URLEntry) (int, error) {
	added, err := enqueueListTx(tx, entries)
	return len(added), err
}

func enqueueListTx(tx *bbolt.Tx, entries []crawler.URLEntry) ([]string, error) {
	b := tx.Bucket(bucketFrontier)
	var added []string
	for _, e := range entries {
		key := []byte(e.URL)
		if len(key) == 0 || key[0] == 0 || b.Get(key) != nil {
			continue
		}
		if err := addEntry(b, e); err != nil {
			return added, err
		}
		added = append(added, e.URL)
	}
	return added, nil
}

// putEntry writes a frontier entry and keeps the pending index in step.
// prev is the entry as stored before, when the caller has it decoded
// already; nil makes putEntry look it up.
func putEntry(b *bbolt.Bucket, e crawler.URLEntry) error {
	return replaceEntry(b, nil, e)
}

func replaceEntry(b *bbolt.Bucket, prev *crawler.URLEntry, e crawler.URLEntry) error {
	if prev == nil {
		if old := b.Get([]byte(e.URL)); old != nil {
			prev = new(crawler.URLEntry)
			if err := json.Unmarshal(old, prev); err != nil {
				return fmt.Errorf("decode entry %s: %w", e.URL, err)
			}
		}
	}
	v, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("encode entry %s: %w", e.URL, err)
	}
	if err := indexEntry(b.Tx(), prev, e); err != nil {
		return fmt.Errorf("index entry %s: %w", e.URL, err)
	}
	return b.Put([]byte(e.URL), v)
}

// addEntry writes an entry known not to be in the frontier yet.
func addEntry(b *bbolt.Bucket, e crawler.URLEntry) error {
	v, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("encode entry %s: %w", e.URL, err)
	}
	if err := indexEntry(b.Tx(), nil, e); err != nil {
		return fmt.Errorf("index entry %s: %w", e.URL, err)
	}
	return b.Put([]byte(e.URL), v)
}

// FrontierEntry returns the frontier entry for a canonical URL; ok is false
// when the URL is not in the frontier.
func (db *DB) FrontierEntry(ctx context.Context, url string) (e crawler.URLEntry, ok bool, err error) {
	err = db.view(ctx, func(tx *bbolt.Tx) error {
		v := tx.Bucket(bucketFrontier).Get([]byte(url))
		if v == nil {
			return nil
		}
		ok = true
		return json.Unmarshal(v, &e)
	})
	if err != nil {
		return e, false, fmt.Errorf("frontier entry %s: %w", url, err)
	}
	return e, ok, nil
}

// BeginRun marks a run of job as in progress and adds the job's start
// entries (its seeds, feeds and sitemaps) that are not yet in the frontier.
//
// When the previous run of the job ended normally it returns resumed=false
// and puts the start entries back to pending, whatever their state, so they
// are polled again, and with them the feeds and sitemaps discovered earlier
// that were done or failed transiently (Attempts > 0); a discovered feed
// that failed for good (a 404 on a guessed path) stays failed. When the
// previous run died (its mark is still there) it returns resumed=true and
// changes no existing entry, so the run carries on where the dead one
// stopped.
func (db *DB) BeginRun(ctx context.Context, job string, starts []crawler.URLEntry, now time.Time) (resumed bool, err error) {
	err = db.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketFrontier)
		marker := []byte(runMarkerPrefix + job)
		resumed = b.Get(marker) != nil
		if !resumed {
			if err := b.Put(marker, []byte(now.UTC().Format(time.RFC3339Nano))); err != nil {
				return err
			}
			if err := repollTx(b, job, starts); err != nil {
				return err
			}
		}
		_, err := enqueueTx(tx, starts)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("begin run of %s: %w", job, err)
	}
	return resumed, nil
}

func repollTx(b *bbolt.Bucket, job string, starts []crawler.URLEntry) error {
	start := make(map[string]bool, len(starts))
	for _, e := range starts {
		start[e.URL] = true
	}
	_, err := rewriteEntries(b, nil, func(e *crawler.URLEntry) bool {
		if e.Job != job || e.State == crawler.StatePending || e.State == crawler.StateLeased {
			return false
		}
		discovered := e.Source == crawler.SourceFeed || e.Source == crawler.SourceSitemap || e.Source == crawler.SourceGuess
		if !start[e.URL] && !(discovered && (e.State == crawler.StateDone || e.Attempts > 0)) {
			return false
		}
		e.State, e.Attempts, e.LastError, e.NotBefore = crawler.StatePending, 0, "", time.Time{}
		return true
	})
	return err
}

// rewriteEntries lets change edit every entry whose encoding contains want
// (nil: all) and writes back those it reports changed, after the walk,
// since a bucket must not be written while it is iterated. It returns how
// many it wrote.
func rewriteEntries(b *bbolt.Bucket, want []byte, change func(*crawler.URLEntry) bool) (int, error) {
	var changed []crawler.URLEntry
	err := forEachEntryWith(b, want, func(e crawler.URLEntry) error {
		if change(&e) {
			changed = append(changed, e)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	for _, e := range changed {
		if err := putEntry(b, e); err != nil {
			return 0, err
		}
	}
	return len(changed), nil
}

// EndRun clears the in-progress mark of job, so the next BeginRun polls its
// seeds again. It is idempotent.
func (db *DB) EndRun(ctx context.Context, job string) error {
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketFrontier).Delete([]byte(runMarkerPrefix + job))
	})
	if err != nil {
		return fmt.Errorf("end run of %s: %w", job, err)
	}
	return nil
}

func forEachEntry(b *bbolt.Bucket, fn func(crawler.URLEntry) error) error {
	return forEachEntryWith(b, nil, fn)
}

// leasedJSON appears in the encoding of every leased entry.
var leasedJSON = []byte(`"state":"leased"`)

// forEachEntryWith calls fn for the entries whose encoding contains want
// (nil: all): a byte search skips decoding most of a large frontier.
func forEachEntryWith(b *bbolt.Bucket, want []byte, fn func(crawler.URLEntry) error) error {
	return b.ForEach(func(k, v []byte) error {
		if len(k) > 0 && k[0] == 0 || want != nil && !bytes.Contains(v, want) {
			return nil
		}
		var e crawler.URLEntry
		if err := json.Unmarshal(v, &e); err != nil {
			return fmt.Errorf("decode entry %q: %w", k, err)
		}
		return fn(e)
	})
}

// Pending returns the job's pending entries in key order. It reads the
// whole frontier; a crawl run uses PendingHosts and PendingOf instead.
func (db *DB) Pending(ctx context.Context, job string) ([]crawler.URLEntry, error) {
	var out []crawler.URLEntry
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		return forEachEntry(tx.Bucket(bucketFrontier), func(e crawler.URLEntry) error {
			if e.Job == job && e.State == crawler.StatePending {
				out = append(out, e)
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("pending urls of %s: %w", job, err)
	}
	return out, nil
}

// PendingByHost counts pending and leased URLs per politeness host over all
// jobs.
func (db *DB) PendingByHost(ctx context.Context) (map[string]int, error) {
	out := map[string]int{}
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		return forEachEntry(tx.Bucket(bucketFrontier), func(e crawler.URLEntry) error {
			if e.State == crawler.StatePending || e.State == crawler.StateLeased {
				out[e.Host]++
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("pending by host: %w", err)
	}
	return out, nil
}

// Finish applies a crawler.Outcome atomically: the document and raw page (or an
// alias), the frontier state, newly discovered URLs, validators and host
// state. An entry whose document is stored for the first time gets its
// Fetched time from the document. Concurrent calls share commits (see
// groupCommit), each still all or nothing.
func (db *DB) Finish(ctx context.Context, o crawler.Outcome) (crawler.FinishResult, error) {
	var res crawler.FinishResult
	err := db.shared(ctx, func(tx *bbolt.Tx) error {
		res = crawler.FinishResult{}
		if err := db.finishDocTx(tx, &o, &res); err != nil {
			return err
		}
		added, err := enqueueListTx(tx, o.Discovered)
		if err != nil {
			return err
		}
		res.Added = added
		if o.Validators != nil {
			if err := putValidatorsTx(tx, o.Entry.URL, *o.Validators); err != nil {
				return err
			}
		}
		if o.Host != nil {
			if err := putHostStateTx(tx, *o.Host); err != nil {
				return err
			}
		}
		o.Entry.LeaseUntil = time.Time{}
		if res.Stored && o.Entry.Fetched.IsZero() {
			o.Entry.Fetched = o.Document.FetchedAt
		}
		return putEntry(tx.Bucket(bucketFrontier), o.Entry)
	})
	if err != nil {
		return crawler.FinishResult{}, fmt.Errorf("finish %s: %w", o.Entry.URL, err)
	}
	return res, nil
}

func (db *DB) finishDocTx(tx *bbolt.Tx, o *crawler.Outcome, res *crawler.FinishResult) error {
	target := o.AliasOf
	if o.Document != nil && target == "" {
		target = otherHolderTx(tx, o.Document.ContentHash, o.Document.CanonicalURL)
		if target == "" && sameDocumentTx(tx, o.Document) {
			// A redirect or alias led back to a page stored unchanged:
			// record the address, rewrite nothing.
			target = o.Document.CanonicalURL
		}
	}
	if target == "" {
		if o.Document == nil {
			return nil
		}
		res.Stored = true
		if err := db.putDocumentTx(tx, o.Document, o.Page); err != nil {
			return err
		}
		target = o.Document.CanonicalURL
		if o.Entry.URL != target {
			if err := putAliasTx(tx, o.Entry.URL, target); err != nil {
				return err
			}
		}
		return markDoneTx(tx, target, o.Entry)
	}
	res.DuplicateOf = target
	aliases := []string{o.Entry.URL}
	if o.Document != nil {
		aliases = append(aliases, o.Document.CanonicalURL)
	}
	for _, a := range aliases {
		if a == target {
			continue
		}
		if err := putAliasTx(tx, a, target); err != nil {
			return err
		}
		if err := markDoneTx(tx, a, o.Entry); err != nil {
			return err
		}
	}
	return nil
}

// markDoneTx marks url done when it is not the entry being finished, so a
// page already stored under another address is not fetched again.
func markDoneTx(tx *bbolt.Tx, url string, by crawler.URLEntry) error {
	if url == by.URL {
		return nil
	}
	b := tx.Bucket(bucketFrontier)
	e := crawler.URLEntry{URL: url, Job: by.Job, Host: by.Host, Depth: by.Depth,
		Source: crawler.SourceLink, Discovered: by.Discovered}
	if v := b.Get([]byte(url)); v != nil {
		if err := json.Unmarshal(v, &e); err != nil {
			return fmt.Errorf("decode entry %s: %w", url, err)
		}
		if e.State != crawler.StatePending {
			return nil
		}
	}
	e.State = crawler.StateDone
	return putEntry(b, e)
}

// otherHolderTx returns the canonical URL of a document other than self
// whose text has the given content hash, or "".
func otherHolderTx(tx *bbolt.Tx, hash, self string) string {
	if hash == "" {
		return ""
	}
	prefix := key(hash)
	c := tx.Bucket(bucketHashes).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if u := string(k[len(prefix):]); u != self {
			return u
		}
	}
	return ""
}

// sameDocumentTx reports whether doc's canonical URL already holds a
// document with the same text.
func sameDocumentTx(tx *bbolt.Tx, doc *crawler.Document) bool {
	v := tx.Bucket(bucketDocuments).Get([]byte(doc.CanonicalURL))
	if v == nil {
		return false
	}
	old, err := decodeDocument(v)
	return err == nil && old.ContentHash == doc.ContentHash
}
