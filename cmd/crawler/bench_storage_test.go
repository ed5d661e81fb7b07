package main

import (
	"strings"
	"testing"
)

// indexedBuckets hold one record per stored document, whatever the
// reclean did; more means a rewrite left an old version or index entry
// behind, fewer means it lost one. (simhashes holds one per SimHash bit
// range; storage's own tests check it entry by entry.)
var indexedBuckets = []string{"documents", "pages", "hashes", "sitedocs", "pagetimes"}

func TestBenchStorage(t *testing.T) {
	cfg := quickBenchConfig()
	cfg.Work = t.TempDir()
	run, err := measureStorage(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	docs := run.docs()
	if run.articleDocs != run.articles || run.articles == 0 {
		t.Errorf("%d site articles stored, the site served %d", run.articleDocs, run.articles)
	}
	if run.rawPages != docs || run.perDoc(run.rawBytes) <= 0 || run.perDoc(run.after.FileSize) <= 0 {
		t.Errorf("%d documents, %d raw pages of %d bytes, file %d bytes: want a raw page per document and bytes > 0",
			docs, run.rawPages, run.rawBytes, run.after.FileSize)
	}
	if len(run.passes) != storageRecleans {
		t.Fatalf("%d reclean passes, want %d", len(run.passes), storageRecleans)
	}
	for i, p := range run.passes {
		if p.rewritten != docs {
			t.Errorf("reclean %d rewrote %d of %d documents", i+1, p.rewritten, docs)
		}
		for _, b := range indexedBuckets {
			if n := p.stats.Bucket(b).Keys; n != docs {
				t.Errorf("reclean %d: bucket %s has %d records for %d documents", i+1, b, n, docs)
			}
		}
	}
	// Pass 3 writes documents of the sizes pass 1 wrote, into the pages
	// pass 2 freed, so nothing may grow. The file is compared exactly: bbolt
	// grows it only in whole allocation steps (doubling its mapping up to
	// 16 MiB, 16 MiB at a time beyond), so any growth that needed more room
	// shows as a step. The data high-water mark moves page by page; a
	// fragmented freelist may not offer a long enough run of pages for an
	// overflowing record, so it may take a few pages from the end (6 at the
	// default size, then flat over 10 passes). 8 pages is far below the ~200
	// pages of one pass's documents, should old versions leak; stale index
	// entries are caught exactly by the record counts above.
	p2, p3 := run.passes[1].stats, run.passes[2].stats
	if p3.FileSize > p2.FileSize {
		t.Errorf("file grew from %d to %d bytes between reclean 2 and 3", p2.FileSize, p3.FileSize)
	}
	if slack := 8 * int64(p3.PageSize); p3.DataSize > p2.DataSize+slack {
		t.Errorf("data pages grew from %d to %d bytes between reclean 2 and 3 (slack %d)", p2.DataSize, p3.DataSize, slack)
	}
	tables := run.tables()
	if len(tables) != 3 {
		t.Fatalf("%d tables, want 3", len(tables))
	}
	for _, tb := range tables {
		if tb.Title == "" || len(tb.Rows) == 0 || len(tb.Verdicts) == 0 && !strings.Contains(tb.Title, "where") {
			t.Errorf("table %q: %d rows, %d verdicts", tb.Title, len(tb.Rows), len(tb.Verdicts))
		}
		for _, r := range tb.Rows {
			if len(r) != len(tb.Header) {
				t.Errorf("table %q: row %v has %d cells for %d columns", tb.Title, r, len(r), len(tb.Header))
			}
		}
	}
}
