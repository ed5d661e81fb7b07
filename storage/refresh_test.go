package storage

import (
	"context"
	"fmt"
	"testing"
	"time"

	"crawler"
)

// storeArticle finishes url as a stored article fetched at the given time.
func storeArticle(t *testing.T, db *DB, url string, fetched time.Time) {
	t.Helper()
	ctx := context.Background()
	if _, err := db.Enqueue(ctx, []crawler.URLEntry{entry(url, crawler.SourceArticle, crawler.StatePending)}); err != nil {
		t.Fatal(err)
	}
	doc, page := frontierDoc(url, "text of "+url, "hash-"+url[len(url)-1:])
	doc.FetchedAt = fetched
	res, err := db.Finish(ctx, crawler.Outcome{Entry: entry(url, crawler.SourceArticle, crawler.StateDone), Document: doc, Page: page})
	if err != nil || !res.Stored {
		t.Fatalf("finish %s: %+v %v", url, res, err)
	}
}

func TestFinishRecordsFirstFetch(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	first := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	storeArticle(t, db, "http://h/a", first)
	e, _, err := db.FrontierEntry(ctx, "http://h/a")
	if err != nil || !e.Fetched.Equal(first) {
		t.Fatalf("fetched %v, want %v (%v)", e.Fetched, first, err)
	}
	// A refresh that stores changed text keeps the first fetch time.
	doc, page := frontierDoc("http://h/a", "edited text", "hash-edited")
	doc.FetchedAt = first.Add(time.Hour)
	again := e
	again.Refresh = false
	if _, err := db.Finish(ctx, crawler.Outcome{Entry: again, Document: doc, Page: page}); err != nil {
		t.Fatal(err)
	}
	if e, _, _ := db.FrontierEntry(ctx, "http://h/a"); !e.Fetched.Equal(first) {
		t.Errorf("refresh moved fetched to %v", e.Fetched)
	}
	if _, ok, _ := db.DocumentByHash(ctx, "hash-a"); ok {
		t.Error("old content hash still indexed after the update")
	}
	if u, ok, _ := db.DocumentByHash(ctx, "hash-edited"); !ok || u != "http://h/a" {
		t.Errorf("new content hash finds %q %v", u, ok)
	}
}

func TestRefreshPicksRecentArticlesWithinTheCap(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	now := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	for i := range 6 {
		// a0 is 60 hours old, a5 10 hours.
		storeArticle(t, db, fmt.Sprintf("http://h/a%d", i), now.Add(-time.Duration(60-10*i)*time.Hour))
	}
	seed := entry("http://h/", crawler.SourceSeed, crawler.StateDone)
	seed.Fetched = now
	db.Finish(ctx, crawler.Outcome{Entry: seed})
	other := entry("http://h/other", crawler.SourceLink, crawler.StateDone)
	other.Job, other.Fetched = "other job", now
	db.Finish(ctx, crawler.Outcome{Entry: other})

	// Within 35 hours: a3, a4, a5; the cap of 2 takes the newest.
	n, err := db.Refresh(ctx, "j", now.Add(-35*time.Hour), 2)
	if err != nil || n != 2 {
		t.Fatalf("refresh marked %d, %v; want 2", n, err)
	}
	pending, _ := db.Pending(ctx, "j")
	got := map[string]bool{}
	for _, e := range pending {
		if !e.Refresh || e.Attempts != 0 {
			t.Errorf("pending entry %+v not marked as a refresh", e)
		}
		got[e.URL] = true
	}
	if len(got) != 2 || !got["http://h/a5"] || !got["http://h/a4"] {
		t.Errorf("refresh picked %v, want a4 and a5", got)
	}
	// The two still pending use up the cap of a run that starts now.
	if n, _ := db.Refresh(ctx, "j", now.Add(-35*time.Hour), 2); n != 0 {
		t.Errorf("second refresh marked %d beyond the cap", n)
	}
	if n, _ := db.Refresh(ctx, "j", now.Add(-35*time.Hour), 5); n != 1 {
		t.Errorf("refresh with room for 3 more marked %d, want 1 (a3)", n)
	}
}

func TestHostTurnKeepsTheLatestAndFoldsIntoState(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	host := "http://h:80"
	t0 := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	if _, ok, _ := db.HostState(ctx, host); ok {
		t.Fatal("unknown host reported known")
	}
	if err := db.PutHostTurn(ctx, crawler.HostTurn{Host: host, NextFetch: t0.Add(2 * time.Second)}); err != nil {
		t.Fatal(err)
	}
	db.PutHostTurn(ctx, crawler.HostTurn{Host: host, NextFetch: t0}) // older: ignored
	hs, ok, err := db.HostState(ctx, host)
	if err != nil || !ok || !hs.NextFetch.Equal(t0.Add(2*time.Second)) || hs.Host != host {
		t.Fatalf("state with only a turn: %+v %v %v", hs, ok, err)
	}
	if err := db.PutHostState(ctx, crawler.HostState{Host: host, NextFetch: t0.Add(time.Second), Errors: 2,
		BlockedUntil: t0.Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	hs, _, _ = db.HostState(ctx, host)
	if !hs.NextFetch.Equal(t0.Add(2*time.Second)) || hs.Errors != 2 || !hs.BlockedUntil.Equal(t0.Add(time.Minute)) {
		t.Errorf("state and turn folded: %+v", hs)
	}
	all, err := db.HostStates(ctx)
	if err != nil || len(all) != 1 || !all[0].NextFetch.Equal(t0.Add(2*time.Second)) {
		t.Errorf("host states list turns as hosts or drops them: %+v %v", all, err)
	}
	if err := db.PutHostTurn(ctx, crawler.HostTurn{}); err == nil {
		t.Error("turn without a host accepted")
	}
}

func TestLeaseSavesTheTurnOnlyWhenItLeases(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	t0 := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	db.Enqueue(ctx, []crawler.URLEntry{entry("http://h/a", crawler.SourceLink, crawler.StatePending)})
	turn := &crawler.HostTurn{Host: "http://h:80", NextFetch: t0}
	if ok, err := db.Lease(ctx, "http://h/a", t0, turn); !ok || err != nil {
		t.Fatalf("lease: %v %v", ok, err)
	}
	if hs, ok, _ := db.HostState(ctx, turn.Host); !ok || !hs.NextFetch.Equal(t0) {
		t.Errorf("lease did not save the turn: %+v", hs)
	}
	later := &crawler.HostTurn{Host: turn.Host, NextFetch: t0.Add(time.Hour)}
	if ok, _ := db.Lease(ctx, "http://h/a", t0, later); ok {
		t.Fatal("leased twice")
	}
	if hs, _, _ := db.HostState(ctx, turn.Host); !hs.NextFetch.Equal(t0) {
		t.Errorf("a refused lease saved its turn: %v", hs.NextFetch)
	}
}

func TestFinishSavesHostState(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	until := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	db.Enqueue(ctx, []crawler.URLEntry{entry("http://h/a", crawler.SourceLink, crawler.StatePending)})
	e := entry("http://h/a", crawler.SourceLink, crawler.StatePending)
	e.Attempts, e.LastError = 1, "status 429"
	hs := &crawler.HostState{Host: "http://h:80", BlockedUntil: until, Errors: 1, LastError: "status 429"}
	if _, err := db.Finish(ctx, crawler.Outcome{Entry: e, Host: hs}); err != nil {
		t.Fatal(err)
	}
	got, ok, err := db.HostState(ctx, hs.Host)
	if err != nil || !ok || !got.BlockedUntil.Equal(until) || got.Errors != 1 {
		t.Errorf("host state after finish: %+v %v %v", got, ok, err)
	}
}
