package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"crawler"
	"crawler/clean"
	"crawler/storage"
)

// recleanArticle is a raw article page whose cleaned text holds marker.
func recleanArticle(marker string) []byte {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><title>Story " + marker + "</title></head><body>")
	b.WriteString(`<nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Story ` + marker + "</h1>")
	for i := range 5 {
		fmt.Fprintf(&b, "<p>Paragraph %d of %s: the council met on Tuesday to weigh the harbour plan, "+
			"and residents queued outside the hall long before the doors opened to speak for and against it.</p>", i, marker)
	}
	b.WriteString("</article><footer>Copyright</footer></body></html>")
	return []byte(b.String())
}

// seedReclean stores n documents of site with raw pages and stale text
// (what an older extractor would have kept), and returns their URLs.
func seedReclean(t *testing.T, db *storage.DB, site string, n int) []string {
	t.Helper()
	var urls []string
	for i := range n {
		u := fmt.Sprintf("http://%s/news/%04d", site, i)
		doc := &crawler.Document{
			URL: u, CanonicalURL: u, Site: site, Title: "Old title",
			Text: "stale text " + u, ContentHash: contentHash("stale text " + u),
		}
		page := &crawler.Page{URL: u, Status: 200, FetchedAt: time.Unix(int64(i), 0), Body: recleanArticle(fmt.Sprintf("%s-%d", site, i))}
		if err := db.SaveDocument(t.Context(), doc, page); err != nil {
			t.Fatal(err)
		}
		urls = append(urls, u)
	}
	return urls
}

func openRecleanDB(t *testing.T) *storage.DB {
	t.Helper()
	db, err := storage.Open(filepath.Join(t.TempDir(), "crawler.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Check(); err != nil {
			t.Errorf("consistency check: %v", err)
		}
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

// assertRecleaned checks that every document in urls holds the text its
// raw page cleans to (fresh) or still the stale text (!fresh).
func assertRecleaned(t *testing.T, db *storage.DB, urls []string, fresh bool) {
	t.Helper()
	for i, u := range urls {
		d, err := db.Document(t.Context(), u)
		if err != nil {
			t.Fatal(err)
		}
		isFresh := strings.Contains(d.Text, fmt.Sprintf("Paragraph 4 of %s-%d:", d.Site, i))
		if isFresh != fresh || (fresh && d.ContentHash != contentHash(d.Text)) {
			t.Fatalf("%s: text %q, hash %s; want re-cleaned = %v", u, d.Text, d.ContentHash, fresh)
		}
	}
}

// Sizes below, at and across the batch size: every changed document is
// stored, including those of the last, partial batch.
func TestRecleanSiteStoresEveryChange(t *testing.T) {
	for _, n := range []int{0, 1, recleanBatch, 2*recleanBatch + 50} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			db := openRecleanDB(t)
			urls := seedReclean(t, db, "a.example", n)
			other := seedReclean(t, db, "b.example", 3)

			got, err := recleanSite(t.Context(), db, "a.example", clean.Rules{}, true)
			if err != nil || got != n {
				t.Fatalf("dry run = %d, %v; want %d", got, err, n)
			}
			assertRecleaned(t, db, urls, false)

			got, err = recleanSite(t.Context(), db, "a.example", clean.Rules{}, false)
			if err != nil || got != n {
				t.Fatalf("reclean = %d, %v; want %d", got, err, n)
			}
			assertRecleaned(t, db, urls, true)
			assertRecleaned(t, db, other, false)

			if got, err = recleanSite(t.Context(), db, "a.example", clean.Rules{}, false); err != nil || got != 0 {
				t.Errorf("second reclean = %d, %v; want 0 (nothing left to change)", got, err)
			}
		})
	}
}

// Documents without a raw page, and those already clean, are neither
// counted nor written.
func TestRecleanSiteSkipsUnchanged(t *testing.T) {
	db := openRecleanDB(t)
	urls := seedReclean(t, db, "a.example", 150)
	if _, err := recleanSite(t.Context(), db, "a.example", clean.Rules{}, false); err != nil {
		t.Fatal(err)
	}
	noPage := &crawler.Document{URL: "http://a.example/bare", CanonicalURL: "http://a.example/bare", Site: "a.example", Text: "kept"}
	if err := db.SaveDocument(t.Context(), noPage, nil); err != nil {
		t.Fatal(err)
	}
	stale := seedReclean(t, db, "a.example", 30) // rewrites the first 30 with stale text
	got, err := recleanSite(t.Context(), db, "a.example", clean.Rules{}, false)
	if err != nil || got != len(stale) {
		t.Fatalf("reclean = %d, %v; want %d", got, err, len(stale))
	}
	assertRecleaned(t, db, urls, true)
	if d, err := db.Document(t.Context(), noPage.CanonicalURL); err != nil || d.Text != "kept" {
		t.Errorf("document without a page = %+v, %v; want it untouched", d, err)
	}
}

func TestRecleanSiteCanceled(t *testing.T) {
	db := openRecleanDB(t)
	urls := seedReclean(t, db, "a.example", 20)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := recleanSite(ctx, db, "a.example", clean.Rules{}, false); !errors.Is(err, context.Canceled) {
		t.Errorf("reclean = %v, want context.Canceled", err)
	}
	assertRecleaned(t, db, urls, false)
}
