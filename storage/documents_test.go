package storage

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"crawler"
)

// seedDocuments stores n documents for each site, fetched one hour apart
// starting at base, and returns their canonical URLs in key order.
func seedDocuments(t testing.TB, db *DB, sites []string, n int, base time.Time) []string {
	t.Helper()
	var urls []string
	for _, site := range sites {
		for i := range n {
			d := testDoc(fmt.Sprintf("https://%s/%03d", site, i), site)
			d.FetchedAt = base.Add(time.Duration(i) * time.Hour)
			d.SimHash = uint64(i) << 32
			if err := db.SaveDocument(t.Context(), d, nil); err != nil {
				t.Fatal(err)
			}
			urls = append(urls, d.CanonicalURL)
		}
	}
	return urls
}

func collectDocuments(t *testing.T, db *DB, f DocumentFilter) []string {
	t.Helper()
	var got []string
	err := db.Documents(t.Context(), f, func(d *crawler.Document) error {
		got = append(got, d.CanonicalURL)
		return nil
	})
	if err != nil {
		t.Fatalf("Documents(%+v): %v", f, err)
	}
	return got
}

func TestDocumentsFilter(t *testing.T) {
	db := mustOpen(t)
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	// "a.example" and "a.example.org" share a prefix: the site filter must
	// not mix them up. 300 documents per site crosses batch boundaries.
	sites := []string{"a.example", "a.example.org", "b.example"}
	seedDocuments(t, db, sites, 300, base)
	urls := func(site string, from, to int) []string {
		var u []string
		for i := from; i < to; i++ {
			u = append(u, fmt.Sprintf("https://%s/%03d", site, i))
		}
		return u
	}
	all := append(append(urls("a.example", 0, 300), urls("a.example.org", 0, 300)...), urls("b.example", 0, 300)...)
	slices.Sort(all) // key order: "a.example.org/" sorts before "a.example/"
	tests := []struct {
		name   string
		filter DocumentFilter
		want   []string
	}{
		{"all", DocumentFilter{}, all},
		{"site", DocumentFilter{Site: "a.example"}, urls("a.example", 0, 300)},
		{"site sharing a prefix", DocumentFilter{Site: "a.example.org"}, urls("a.example.org", 0, 300)},
		{"unknown site", DocumentFilter{Site: "c.example"}, nil},
		{"since is inclusive", DocumentFilter{Site: "b.example", Since: base.Add(290 * time.Hour)}, urls("b.example", 290, 300)},
		{"since without site", DocumentFilter{Since: base.Add(299 * time.Hour)},
			[]string{"https://a.example.org/299", "https://a.example/299", "https://b.example/299"}},
		{"since after everything", DocumentFilter{Since: base.Add(1000 * time.Hour)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, collectDocuments(t, db, tt.filter)); d != "" {
				t.Errorf("(-want +got)\n%s", d)
			}
		})
	}
}

func TestDocumentsStopsOnError(t *testing.T) {
	db := mustOpen(t)
	seedDocuments(t, db, []string{"a.example"}, 10, time.Unix(0, 0))
	stop := errors.New("stop")
	calls := 0
	err := db.Documents(t.Context(), DocumentFilter{}, func(*crawler.Document) error {
		calls++
		if calls == 3 {
			return stop
		}
		return nil
	})
	if err != stop || calls != 3 {
		t.Errorf("Documents = %v after %d calls, want the callback's error after 3", err, calls)
	}
}

// Re-cleaning writes while walking; that must neither deadlock nor visit
// a document twice.
func TestDocumentsCallbackMayWrite(t *testing.T) {
	db := mustOpen(t)
	seedDocuments(t, db, []string{"a.example"}, 600, time.Unix(0, 0))
	seen := map[string]int{}
	err := db.Documents(t.Context(), DocumentFilter{Site: "a.example"}, func(d *crawler.Document) error {
		seen[d.CanonicalURL]++
		d.Text += " (re-cleaned)"
		d.ContentHash += "-2"
		d.RulesVersion++
		return db.UpdateDocument(t.Context(), d)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 600 {
		t.Errorf("visited %d documents, want 600", len(seen))
	}
	for u, n := range seen {
		if n != 1 {
			t.Errorf("%s visited %d times", u, n)
		}
	}
}

func TestSites(t *testing.T) {
	db := mustOpen(t)
	seedDocuments(t, db, []string{"a.example", "b.example"}, 3, time.Unix(0, 0))
	seedDocuments(t, db, []string{"c.example"}, 1, time.Unix(0, 0))
	got, err := db.Sites(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"a.example": 3, "b.example": 3, "c.example": 1}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Sites (-want +got)\n%s", d)
	}
}
