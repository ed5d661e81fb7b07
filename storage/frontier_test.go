package storage

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"crawler"
)

func entry(url, source, state string) crawler.URLEntry {
	return crawler.URLEntry{URL: url, Job: "j", Host: "http://h:80", Source: source, State: state,
		Discovered: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
}

func TestEnqueueKeepsExisting(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	n, err := db.Enqueue(ctx, []crawler.URLEntry{entry("http://h/a", crawler.SourceLink, crawler.StatePending)})
	if err != nil || n != 1 {
		t.Fatalf("enqueue: %d %v", n, err)
	}
	done := entry("http://h/a", crawler.SourceLink, crawler.StateDone)
	if _, err := db.Finish(ctx, crawler.Outcome{Entry: done}); err != nil {
		t.Fatal(err)
	}
	n, err = db.Enqueue(ctx, []crawler.URLEntry{entry("http://h/a", crawler.SourceLink, crawler.StatePending), {URL: "\x00bad"}})
	if err != nil || n != 0 {
		t.Fatalf("re-enqueue added %d, %v", n, err)
	}
	got, ok, err := db.FrontierEntry(ctx, "http://h/a")
	if err != nil || !ok || got.State != crawler.StateDone {
		t.Fatalf("entry after re-enqueue: %+v %v %v", got, ok, err)
	}
}

func TestLeaseAndResetLeases(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	db.Enqueue(ctx, []crawler.URLEntry{entry("http://h/a", crawler.SourceLink, crawler.StatePending)})
	if ok, err := db.Lease(ctx, "http://h/a", time.Now().Add(time.Minute), nil); !ok || err != nil {
		t.Fatalf("lease: %v %v", ok, err)
	}
	if ok, _ := db.Lease(ctx, "http://h/a", time.Now(), nil); ok {
		t.Fatal("leased twice")
	}
	if ok, _ := db.Lease(ctx, "http://h/missing", time.Now(), nil); ok {
		t.Fatal("leased a missing url")
	}
	counts, err := db.PendingByHost(ctx)
	if err != nil || counts["http://h:80"] != 1 {
		t.Fatalf("pending by host: %v %v", counts, err)
	}
	if n, err := db.ResetLeases(ctx); n != 1 || err != nil {
		t.Fatalf("reset leases: %d %v", n, err)
	}
	pending, err := db.Pending(ctx, "j")
	if err != nil || len(pending) != 1 || pending[0].State != crawler.StatePending || !pending[0].LeaseUntil.IsZero() {
		t.Fatalf("pending after reset: %+v %v", pending, err)
	}
}

func TestBeginRunRepollsOnlyAfterAFinishedRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	transient := entry("http://h/feed", crawler.SourceFeed, crawler.StateFailed)
	transient.Attempts = 3
	db.Enqueue(ctx, []crawler.URLEntry{
		entry("http://h/", crawler.SourceSeed, crawler.StateFailed),
		transient,
		entry("http://h/rss.xml", crawler.SourceFeed, crawler.StateFailed),
		entry("http://h/sitemap.xml", crawler.SourceSitemap, crawler.StateDone),
		entry("http://h/a", crawler.SourceLink, crawler.StateDone),
	})
	starts := []crawler.URLEntry{entry("http://h/", crawler.SourceSeed, crawler.StatePending), entry("http://h/new", crawler.SourceSeed, crawler.StatePending)}
	if resumed, err := db.BeginRun(ctx, "j", starts, time.Now()); resumed || err != nil {
		t.Fatalf("first begin: resumed=%v %v", resumed, err)
	}
	states := func() []string {
		var out []string
		for _, u := range []string{"http://h/", "http://h/new", "http://h/feed", "http://h/rss.xml", "http://h/sitemap.xml", "http://h/a"} {
			e, _, _ := db.FrontierEntry(ctx, u)
			out = append(out, e.State)
		}
		return out
	}
	want := []string{crawler.StatePending, crawler.StatePending, crawler.StatePending, crawler.StateFailed, crawler.StatePending, crawler.StateDone}
	if d := cmp.Diff(want, states()); d != "" {
		t.Fatalf("after fresh begin (-want +got)\n%s", d)
	}
	db.Finish(ctx, crawler.Outcome{Entry: entry("http://h/", crawler.SourceSeed, crawler.StateDone)})
	// The run dies here; the next BeginRun resumes without re-polling.
	db.Close()
	db = mustOpenPath(t, path)
	if resumed, err := db.BeginRun(ctx, "j", starts, time.Now()); !resumed || err != nil {
		t.Fatalf("begin after a dead run: resumed=%v %v", resumed, err)
	}
	if e, _, _ := db.FrontierEntry(ctx, "http://h/"); e.State != crawler.StateDone {
		t.Fatalf("seed re-polled in a resumed run: %s", e.State)
	}
	if err := db.EndRun(ctx, "j"); err != nil {
		t.Fatal(err)
	}
	if resumed, _ := db.BeginRun(ctx, "j", starts, time.Now()); resumed {
		t.Fatal("resumed after EndRun")
	}
	if e, _, _ := db.FrontierEntry(ctx, "http://h/"); e.State != crawler.StatePending {
		t.Fatalf("seed not re-polled after a finished run: %s", e.State)
	}
}

func frontierDoc(url, text, hash string) (*crawler.Document, *crawler.Page) {
	return &crawler.Document{URL: url, CanonicalURL: url, Site: "h", Text: text, ContentHash: hash},
		&crawler.Page{URL: url, Body: []byte("<p>" + text)}
}

func TestFinishIsAtomicAndDedups(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	db.Enqueue(ctx, []crawler.URLEntry{entry("http://h/a", crawler.SourceLink, crawler.StatePending)})
	doc, page := frontierDoc("http://h/a", "text a", "hash-a")
	res, err := db.Finish(ctx, crawler.Outcome{
		Entry: entry("http://h/a", crawler.SourceLink, crawler.StateDone), Document: doc, Page: page,
		Discovered: []crawler.URLEntry{entry("http://h/b", crawler.SourceLink, crawler.StatePending), entry("http://h/a", crawler.SourceLink, crawler.StatePending)},
		Validators: &crawler.Validators{ETag: `"1"`},
	})
	if err != nil || !res.Stored || len(res.Added) != 1 || res.Added[0] != "http://h/b" {
		t.Fatalf("finish: %+v %v", res, err)
	}
	if v, ok, _ := db.Validators(ctx, "http://h/a"); !ok || v.ETag != `"1"` {
		t.Errorf("validators: %+v %v", v, ok)
	}
	// An exact copy under another URL becomes an alias, and so does the
	// same page reached again through a redirect.
	copyDoc, copyPage := frontierDoc("http://h/copy", "text a", "hash-a")
	res, err = db.Finish(ctx, crawler.Outcome{Entry: entry("http://h/copy", crawler.SourceLink, crawler.StateDone), Document: copyDoc, Page: copyPage})
	if err != nil || res.Stored || res.DuplicateOf != "http://h/a" {
		t.Fatalf("copy: %+v %v", res, err)
	}
	again, againPage := frontierDoc("http://h/a", "text a", "hash-a")
	res, err = db.Finish(ctx, crawler.Outcome{Entry: entry("http://h/old", crawler.SourceLink, crawler.StateDone), Document: again, Page: againPage})
	if err != nil || res.Stored || res.DuplicateOf != "http://h/a" {
		t.Fatalf("redirect alias: %+v %v", res, err)
	}
	for _, a := range []string{"http://h/copy", "http://h/old"} {
		if got, ok, _ := db.Alias(ctx, a); !ok || got != "http://h/a" {
			t.Errorf("alias %s -> %q %v", a, got, ok)
		}
	}
	stats, _ := db.Stats(ctx)
	if stats.Documents != 1 {
		t.Errorf("documents = %d, want 1", stats.Documents)
	}
}

func TestFinishStoresUnderCanonicalAndMarksItDone(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	db.Enqueue(ctx, []crawler.URLEntry{entry("http://h/story", crawler.SourceLink, crawler.StatePending)})
	doc, page := frontierDoc("http://h/story", "story text", "hash-s")
	doc.URL = "http://h/amp/story"
	if _, err := db.Finish(ctx, crawler.Outcome{Entry: entry("http://h/amp/story", crawler.SourceLink, crawler.StateDone), Document: doc, Page: page}); err != nil {
		t.Fatal(err)
	}
	if e, _, _ := db.FrontierEntry(ctx, "http://h/story"); e.State != crawler.StateDone {
		t.Errorf("canonical URL left %q, would be fetched again", e.State)
	}
	if got, ok, _ := db.Alias(ctx, "http://h/amp/story"); !ok || got != "http://h/story" {
		t.Errorf("amp alias -> %q %v", got, ok)
	}
}

func TestHostStatesAndValidatorsSurviveReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	hs := crawler.HostState{Host: "https://h:443", Errors: 2, RobotsStatus: 200, RobotsBody: []byte("User-agent: *\n"),
		CrawlDelay: time.Second, BlockedUntil: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)}
	if err = db.PutHostState(ctx, hs); err != nil {
		t.Fatal(err)
	}
	if err = db.PutValidators(ctx, "https://h/feed", crawler.Validators{LastModified: "Mon, 02 Jan 2006 15:04:05 GMT"}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db = mustOpenPath(t, path)
	got, ok, err := db.HostState(ctx, hs.Host)
	if err != nil || !ok {
		t.Fatalf("host state: %v %v", ok, err)
	}
	if d := cmp.Diff(hs, got); d != "" {
		t.Errorf("host state (-want +got)\n%s", d)
	}
	all, err := db.HostStates(ctx)
	if err != nil || len(all) != 1 {
		t.Errorf("host states: %d %v", len(all), err)
	}
	if _, ok, _ := db.HostState(ctx, "http://unknown:80"); ok {
		t.Error("unknown host found")
	}
	if v, ok, _ := db.Validators(ctx, "https://h/feed"); !ok || v.LastModified == "" {
		t.Errorf("validators after reopen: %+v %v", v, ok)
	}
	db.PutValidators(ctx, "https://h/feed", crawler.Validators{})
	if _, ok, _ := db.Validators(ctx, "https://h/feed"); ok {
		t.Error("empty validators not deleted")
	}
}
