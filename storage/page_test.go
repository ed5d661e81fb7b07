package storage

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"crawler"
)

func collectPages(t *testing.T, db *DB, site string, limit int) []string {
	t.Helper()
	var got []string
	err := db.Pages(t.Context(), site, limit, func(p *crawler.Page) error {
		if len(p.Body) == 0 {
			t.Errorf("page %s has no body", p.URL)
		}
		got = append(got, p.URL)
		return nil
	})
	if err != nil {
		t.Fatalf("Pages(%q, %d): %v", site, limit, err)
	}
	return got
}

func TestPagesOrderAndLimit(t *testing.T) {
	db := mustOpen(t)
	base := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	// Fetch times are shuffled against URL order, so key order cannot pass
	// for time order. 70 pages cross two batch boundaries.
	const n = 70
	var newestFirst []string
	for i := range n {
		u := fmt.Sprintf("https://a.example/%03d", (i*37)%n)
		newestFirst = append([]string{u}, newestFirst...)
		if err := db.SaveDocument(t.Context(), testDoc(u, "a.example"), testPage(u, base.Add(time.Duration(i)*time.Minute))); err != nil {
			t.Fatal(err)
		}
	}
	other := "https://a.example.org/1"
	if err := db.SaveDocument(t.Context(), testDoc(other, "a.example.org"), testPage(other, base.Add(time.Hour*24))); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		site  string
		limit int
		want  []string
	}{
		{"all", "a.example", 0, newestFirst},
		{"negative limit means all", "a.example", -1, newestFirst},
		{"limit", "a.example", 5, newestFirst[:5]},
		{"limit at batch size", "a.example", pageBatch, newestFirst[:pageBatch]},
		{"limit above count", "a.example", 500, newestFirst},
		{"site sharing a prefix", "a.example.org", 0, []string{other}},
		{"unknown site", "z.example", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, collectPages(t, db, tt.site, tt.limit)); d != "" {
				t.Errorf("(-want +got)\n%s", d)
			}
		})
	}
}

func TestPagesStopsOnError(t *testing.T) {
	db := mustOpen(t)
	for i := range 3 {
		u := fmt.Sprintf("https://a.example/%d", i)
		if err := db.PutPage(t.Context(), testPage(u, time.Unix(int64(i), 0))); err != nil {
			t.Fatal(err)
		}
	}
	stop := errors.New("stop")
	calls := 0
	err := db.Pages(t.Context(), "a.example", 0, func(*crawler.Page) error { calls++; return stop })
	if err != stop || calls != 1 {
		t.Errorf("Pages = %v after %d calls, want the callback's error after 1", err, calls)
	}
}

func TestPutPageReplaces(t *testing.T) {
	db := mustOpen(t)
	u := "https://www.a.example/story"
	p := testPage(u, time.Unix(100, 0))
	if err := db.PutPage(t.Context(), p); err != nil {
		t.Fatal(err)
	}
	// Without a document the page is listed under its host minus "www.".
	if got := collectPages(t, db, "a.example", 0); len(got) != 1 {
		t.Fatalf("page without document listed as %v under a.example", got)
	}
	p.RulesVersion = 7
	p.FetchedAt = time.Unix(200, 0)
	if err := db.PutPage(t.Context(), p); err != nil {
		t.Fatal(err)
	}
	got, err := db.Page(t.Context(), u)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(p, got); d != "" {
		t.Errorf("Page after PutPage (-want +got)\n%s", d)
	}
	if urls := collectPages(t, db, "a.example", 0); len(urls) != 1 {
		t.Errorf("replaced page listed %d times", len(urls))
	}
}

// A document saved after its page, or moved to another site, takes its
// page with it in the pages-by-site index.
func TestPageFollowsDocumentSite(t *testing.T) {
	db := mustOpen(t)
	u := "https://news.example/x"
	if err := db.PutPage(t.Context(), testPage(u, time.Unix(1, 0))); err != nil {
		t.Fatal(err)
	}
	doc := testDoc(u, "news-site")
	if err := db.SaveDocument(t.Context(), doc, nil); err != nil {
		t.Fatal(err)
	}
	if got := collectPages(t, db, "news-site", 0); len(got) != 1 {
		t.Errorf("pages of news-site = %v, want the page", got)
	}
	doc.Site = "renamed"
	if err := db.UpdateDocument(t.Context(), doc); err != nil {
		t.Fatal(err)
	}
	if got := collectPages(t, db, "renamed", 0); len(got) != 1 {
		t.Errorf("pages of renamed = %v, want the page", got)
	}
	if got := collectPages(t, db, "news-site", 0); len(got) != 0 {
		t.Errorf("pages of news-site after the move = %v, want none", got)
	}
	// PutPage of a page whose document exists keeps the document's site.
	if err := db.PutPage(t.Context(), testPage(u, time.Unix(2, 0))); err != nil {
		t.Fatal(err)
	}
	if got := collectPages(t, db, "renamed", 0); len(got) != 1 {
		t.Errorf("pages of renamed after PutPage = %v, want the page", got)
	}
}

func TestPagesBeforeUnixEpoch(t *testing.T) {
	db := mustOpen(t)
	times := []time.Time{{}, time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC), time.Unix(0, 0), time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)}
	for i, ts := range times {
		if err := db.PutPage(t.Context(), testPage(fmt.Sprintf("https://a.example/%d", i), ts)); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"https://a.example/3", "https://a.example/2", "https://a.example/1", "https://a.example/0"}
	if d := cmp.Diff(want, collectPages(t, db, "a.example", 0)); d != "" {
		t.Errorf("(-want +got)\n%s", d)
	}
}
