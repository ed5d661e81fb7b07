package storage

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestStats(t *testing.T) {
	db := mustOpen(t)
	seedDocuments(t, db, []string{"a.example"}, 4, time.Unix(0, 0))
	if err := db.PutPage(t.Context(), testPage("https://a.example/000", time.Unix(1, 0))); err != nil {
		t.Fatal(err)
	}
	if err := db.PutAlias(t.Context(), "https://a.example/?p=0", "https://a.example/000"); err != nil {
		t.Fatal(err)
	}
	if err := db.PutRulesText(t.Context(), "a.example", []byte("x")); err != nil {
		t.Fatal(err)
	}
	got, err := db.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	size, _ := db.Size()
	counts := struct{ Documents, Pages, Aliases, RuleSites, Buckets int }{4, 1, 1, 1, len(allBuckets)}
	gotCounts := struct{ Documents, Pages, Aliases, RuleSites, Buckets int }{
		got.Documents, got.Pages, got.Aliases, got.RuleSites, len(got.Buckets)}
	if d := cmp.Diff(counts, gotCounts); d != "" {
		t.Errorf("Stats counts (-want +got)\n%s", d)
	}
	if got.FileSize != size {
		t.Errorf("FileSize = %d, Size() = %d", got.FileSize, size)
	}
	keys := map[string]int{"documents": 4, "pages": 1, "hashes": 4, "simhashes": 4 * len(simRanges), "sitedocs": 4,
		"pagetimes": 1, "aliases": 1, "rules": 1, "jobruns": 0, "frontier": 0, "meta": 1}
	for name, want := range keys {
		if b := got.Bucket(name); b.Keys != want {
			t.Errorf("bucket %s: %d keys, want %d", name, b.Keys, want)
		}
	}
	if b := got.Bucket("no such bucket"); b.Keys != 0 || b.Name != "no such bucket" {
		t.Errorf("Bucket(unknown) = %+v", b)
	}
}

// The bytes a bucket reports must cover what was written into it, and the
// file must hold every bucket's pages plus the free ones.
func TestStatsBytesCoverRecords(t *testing.T) {
	db := mustOpen(t)
	const n = 40
	var docBytes, pageBytes int64
	for i := range n {
		d := testDoc(fmt.Sprintf("https://a.example/%03d", i), "a.example")
		d.Text = strings.Repeat(fmt.Sprintf("sentence %d of a long article. ", i), 200)
		p := testPage(d.CanonicalURL, time.Unix(int64(i), 0))
		if err := db.SaveDocument(t.Context(), d, p); err != nil {
			t.Fatal(err)
		}
		v, _ := encodeDocument(d)
		docBytes += int64(len(d.CanonicalURL) + len(v))
		pageBytes += int64(len(d.CanonicalURL) + len(db.enc.EncodeAll(p.Body, nil)))
	}
	s, err := db.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Bucket("documents").Used; got < docBytes {
		t.Errorf("documents Used = %d, less than the %d bytes of its keys and values", got, docBytes)
	}
	if got := s.Bucket("pages").Used; got < pageBytes {
		t.Errorf("pages Used = %d, less than the %d bytes of keys and compressed bodies", got, pageBytes)
	}
	var alloc int64
	for _, b := range s.Buckets {
		if b.Alloc > 0 && b.Used > b.Alloc {
			t.Errorf("bucket %s: Used %d > Alloc %d", b.Name, b.Used, b.Alloc)
		}
		alloc += b.Alloc
	}
	if alloc+s.FreeBytes > s.DataSize {
		t.Errorf("buckets %d + free %d bytes > DataSize %d", alloc, s.FreeBytes, s.DataSize)
	}
	if s.DataSize > s.FileSize || s.DataSize%int64(s.PageSize) != 0 || s.PageSize <= 0 {
		t.Errorf("DataSize %d, FileSize %d, PageSize %d: want whole pages inside the file", s.DataSize, s.FileSize, s.PageSize)
	}
}

// Rewriting documents frees the pages of the old versions; Stats shows them
// as free, and the next writes reuse them instead of growing the data.
func TestStatsFreePagesAfterRewrite(t *testing.T) {
	db := mustOpen(t)
	urls := seedDocuments(t, db, []string{"a.example"}, 50, time.Unix(0, 0))
	rewrite := func(text string) {
		t.Helper()
		for _, u := range urls {
			d, err := db.Document(t.Context(), u)
			if err != nil {
				t.Fatal(err)
			}
			d.Text = strings.Repeat(text, 100)
			if err := db.UpdateDocument(t.Context(), d); err != nil {
				t.Fatal(err)
			}
		}
	}
	rewrite("first version. ")
	before, err := db.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if before.FreePages+before.PendingPages == 0 || before.FreeBytes == 0 {
		t.Errorf("after rewriting every document: %d free, %d pending pages, %d free bytes; want some",
			before.FreePages, before.PendingPages, before.FreeBytes)
	}
	rewrite("other version. ")
	after, err := db.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	// Same-sized documents rewritten once more fit in the pages the first
	// rewrite left free; a few pages of slack cover the freelist itself.
	if grew := after.DataSize - before.DataSize; grew > 4*int64(after.PageSize) {
		t.Errorf("DataSize grew %d -> %d bytes on a same-size rewrite", before.DataSize, after.DataSize)
	}
}
