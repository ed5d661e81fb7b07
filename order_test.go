package crawler_test

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"time"

	"crawler"
)

// TestFetchOrderKeyMatchesFetchesBefore checks on random entries that
// comparing keys gives the same order as FetchesBefore, so a store that
// keeps pending URLs sorted by key hands them out in fetch order.
func TestFetchOrderKeyMatchesFetchesBefore(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	sources := []string{crawler.SourceSeed, crawler.SourceFeed, crawler.SourceSitemap, crawler.SourceLink, crawler.SourceArticle, crawler.SourceGuess}
	base := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	randTime := func() time.Time {
		switch r.IntN(4) {
		case 0:
			return time.Time{}
		case 1:
			return base.Add(-time.Duration(r.IntN(3)) * time.Hour) // ties
		}
		return base.Add(time.Duration(r.Int64N(int64(400*24*time.Hour))) - 200*24*time.Hour)
	}
	entry := func() crawler.URLEntry {
		return crawler.URLEntry{
			Refresh: r.IntN(4) == 0, Source: sources[r.IntN(len(sources))],
			Published: randTime(), Depth: r.IntN(4), Discovered: randTime(),
		}
	}
	for range 20000 {
		a, b := entry(), entry()
		ka, kb := crawler.FetchOrderKey(a), crawler.FetchOrderKey(b)
		if len(ka) != crawler.FetchOrderKeyLen {
			t.Fatalf("key length %d, want %d", len(ka), crawler.FetchOrderKeyLen)
		}
		cmp := bytes.Compare(ka, kb)
		if a.FetchesBefore(b) != (cmp < 0) || b.FetchesBefore(a) != (cmp > 0) {
			t.Fatalf("order disagrees for\n%+v\n%+v\nbefore=%v/%v cmp=%d", a, b, a.FetchesBefore(b), b.FetchesBefore(a), cmp)
		}
	}
}
