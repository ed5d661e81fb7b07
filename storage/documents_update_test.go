package storage

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"go.etcd.io/bbolt"

	"crawler"
)

// seedWithPages stores n documents of site, each with its raw page, and
// returns the stored documents.
func seedWithPages(t *testing.T, db *DB, site string, n int) []*crawler.Document {
	t.Helper()
	var docs []*crawler.Document
	for i := range n {
		d := testDoc(fmt.Sprintf("https://%s/%03d", site, i), site)
		d.SimHash = uint64(i) << 40
		if err := db.SaveDocument(t.Context(), d, testPage(d.CanonicalURL, time.Unix(int64(i), 0))); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// recleaned is d as a re-clean with new rules would leave it: new text,
// hash, simhash and rules version.
func recleaned(d *crawler.Document) *crawler.Document {
	next := *d
	next.Text = "Cleaner " + d.Text
	next.ContentHash = d.ContentHash + "-v2"
	next.SimHash = d.SimHash ^ 0xFF
	next.RulesVersion = d.RulesVersion + 1
	return &next
}

// lastTxID is the id of the last committed write transaction.
func lastTxID(t *testing.T, db *DB) int {
	t.Helper()
	var id int
	if err := db.view(t.Context(), func(tx *bbolt.Tx) error { id = tx.ID(); return nil }); err != nil {
		t.Fatal(err)
	}
	return id
}

func assertDocuments(t *testing.T, db *DB, want []*crawler.Document) {
	t.Helper()
	for _, w := range want {
		got, err := db.Document(t.Context(), w.CanonicalURL)
		if err != nil {
			t.Fatalf("Document: %v", err)
		}
		if d := cmp.Diff(w, got); d != "" {
			t.Errorf("Document %s (-want +got)\n%s", w.CanonicalURL, d)
		}
		if u, ok, err := db.DocumentByHash(t.Context(), w.ContentHash); err != nil || !ok || u != w.CanonicalURL {
			t.Errorf("DocumentByHash(%s) = %q, %v, %v; want %s", w.ContentHash, u, ok, err, w.CanonicalURL)
		}
		if u, ok, err := db.NearDuplicate(t.Context(), w.Site, w.SimHash, 0); err != nil || !ok || u != w.CanonicalURL {
			t.Errorf("NearDuplicate(%s, %x) = %q, %v, %v; want %s", w.Site, w.SimHash, u, ok, err, w.CanonicalURL)
		}
	}
}

func TestUpdateDocumentsUpdatesEveryDocument(t *testing.T) {
	db := mustOpen(t)
	old := seedWithPages(t, db, "a.example", 150)
	seedWithPages(t, db, "b.example", 3) // untouched neighbours
	var next []*crawler.Document
	for _, d := range old {
		next = append(next, recleaned(d))
	}
	// One document moves to another site; its page must follow it.
	next[7].Site = "c.example"
	before := lastTxID(t, db)
	if err := db.UpdateDocuments(t.Context(), next); err != nil {
		t.Fatalf("UpdateDocuments: %v", err)
	}
	if got := lastTxID(t, db) - before; got != 1 {
		t.Errorf("UpdateDocuments committed %d transactions, want 1", got)
	}
	assertDocuments(t, db, next)
	for _, d := range old {
		if u, ok, _ := db.DocumentByHash(t.Context(), d.ContentHash); ok {
			t.Errorf("old hash %s still finds %s", d.ContentHash, u)
		}
	}
	if got := collectDocuments(t, db, DocumentFilter{Site: "c.example"}); !cmp.Equal(got, []string{next[7].CanonicalURL}) {
		t.Errorf("documents of c.example = %v, want only %s", got, next[7].CanonicalURL)
	}
	if n := len(collectDocuments(t, db, DocumentFilter{Site: "a.example"})); n != 149 {
		t.Errorf("a.example has %d documents, want 149", n)
	}
	var pages []string
	err := db.Pages(t.Context(), "c.example", 10, func(p *crawler.Page) error {
		pages = append(pages, p.URL)
		return nil
	})
	if err != nil || !cmp.Equal(pages, []string{next[7].CanonicalURL}) {
		t.Errorf("pages of c.example = %v, %v; want the moved document's", pages, err)
	}
	// mustOpen's cleanup checks that no index entry is stale or missing.
}

func TestUpdateDocumentsAllOrNothing(t *testing.T) {
	tests := []struct {
		name    string
		bad     *crawler.Document
		wantErr error
	}{
		{"not stored", testDoc("https://a.example/missing", "a.example"), ErrNotFound},
		{"nil", nil, nil},
		{"empty canonical URL", &crawler.Document{Site: "a.example"}, nil},
		{"NUL in site", &crawler.Document{CanonicalURL: "https://a.example/000", Site: "a\x00b"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := mustOpen(t)
			old := seedWithPages(t, db, "a.example", 5)
			var batch []*crawler.Document
			for _, d := range old {
				batch = append(batch, recleaned(d))
			}
			// The bad document comes last, after good ones were written
			// inside the transaction.
			batch = append(batch, tt.bad)
			before := lastTxID(t, db)
			err := db.UpdateDocuments(t.Context(), batch)
			if err == nil {
				t.Fatal("UpdateDocuments succeeded")
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("UpdateDocuments = %v, want %v", err, tt.wantErr)
			}
			if got := lastTxID(t, db); got != before {
				t.Errorf("a failed batch committed (tx %d -> %d)", before, got)
			}
			assertDocuments(t, db, old)
			if _, err := db.Document(t.Context(), "https://a.example/missing"); !errors.Is(err, ErrNotFound) {
				t.Errorf("a failed batch stored the missing document: %v", err)
			}
		})
	}
}

func TestUpdateDocumentsEmptyBatch(t *testing.T) {
	db := mustOpen(t)
	old := seedWithPages(t, db, "a.example", 2)
	before := lastTxID(t, db)
	for _, batch := range [][]*crawler.Document{nil, {}} {
		if err := db.UpdateDocuments(t.Context(), batch); err != nil {
			t.Errorf("UpdateDocuments(%#v) = %v", batch, err)
		}
	}
	if got := lastTxID(t, db); got != before {
		t.Errorf("an empty batch committed (tx %d -> %d)", before, got)
	}
	assertDocuments(t, db, old)
}

func TestUpdateDocumentsSameURLTwice(t *testing.T) {
	db := mustOpen(t)
	old := seedWithPages(t, db, "a.example", 1)
	first := recleaned(old[0])
	second := recleaned(first)
	if err := db.UpdateDocuments(t.Context(), []*crawler.Document{first, second}); err != nil {
		t.Fatal(err)
	}
	assertDocuments(t, db, []*crawler.Document{second})
	if u, ok, _ := db.DocumentByHash(t.Context(), first.ContentHash); ok {
		t.Errorf("the overwritten version's hash still finds %s", u)
	}
}

func TestUpdateDocumentsCanceled(t *testing.T) {
	db := mustOpen(t)
	old := seedWithPages(t, db, "a.example", 2)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	err := db.UpdateDocuments(ctx, []*crawler.Document{recleaned(old[0]), recleaned(old[1])})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("UpdateDocuments = %v, want context.Canceled", err)
	}
	assertDocuments(t, db, old)
}
