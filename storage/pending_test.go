package storage

import (
	"context"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"crawler"
)

// pendingFixture enqueues entries of two jobs over three hosts with mixed
// sources, dates and depths.
func pendingFixture(t *testing.T, db *DB) []crawler.URLEntry {
	t.Helper()
	base := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	sources := []string{crawler.SourceLink, crawler.SourceArticle, crawler.SourceFeed, crawler.SourceSeed}
	var all []crawler.URLEntry
	for i := range 60 {
		e := crawler.URLEntry{
			URL: fmt.Sprintf("http://h%d.test/a/%02d", i%3, i), Job: []string{"j", "k"}[i%2],
			Host: fmt.Sprintf("http://h%d.test:80", i%3), Source: sources[i%len(sources)], Depth: i % 3,
			State: crawler.StatePending, Discovered: base.Add(time.Duration(i) * time.Minute),
		}
		if i%5 == 0 {
			e.Published = base.Add(-time.Duration(i) * time.Hour)
		}
		all = append(all, e)
	}
	if n, err := db.Enqueue(context.Background(), all); err != nil || n != len(all) {
		t.Fatalf("enqueue: %d %v", n, err)
	}
	return all
}

func TestPendingHostsAndOrder(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	all := pendingFixture(t, db)
	hosts, err := db.PendingHosts(ctx, "j")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"http://h0.test:80", "http://h1.test:80", "http://h2.test:80"}; !slices.Equal(hosts, want) {
		t.Fatalf("hosts %v, want %v", hosts, want)
	}
	var want []crawler.URLEntry
	for _, e := range all {
		if e.Job == "j" && e.Host == "http://h1.test:80" {
			want = append(want, e)
		}
	}
	slices.SortStableFunc(want, func(a, b crawler.URLEntry) int {
		switch {
		case a.FetchesBefore(b):
			return -1
		case b.FetchesBefore(a):
			return 1
		}
		return 0
	})
	got, err := db.PendingOf(ctx, "j", "http://h1.test:80", 100)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(urls(got), urls(want), func(a, b string) bool { return a == b }) {
		t.Fatalf("order\n got %v\nwant %v", urls(got), urls(want))
	}
	first, err := db.PendingOf(ctx, "j", "http://h1.test:80", 3)
	if err != nil || len(first) != 3 || !slices.Equal(urls(first), urls(want[:3])) {
		t.Fatalf("first three: %v %v", urls(first), err)
	}
}

func urls(es []crawler.URLEntry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.URL)
	}
	return out
}

// TestPendingIndexFollowsStates leases, finishes, retries and resets
// entries and checks the index lists exactly the pending ones each time
// (mustOpen's cleanup also compares the index with the frontier).
func TestPendingIndexFollowsStates(t *testing.T) {
	db := mustOpen(t)
	ctx := context.Background()
	pendingFixture(t, db)
	host := "http://h0.test:80"
	before, _ := db.PendingOf(ctx, "j", host, 100)
	a, b := before[0], before[1]
	if ok, err := db.Lease(ctx, a.URL, time.Now().Add(time.Minute), nil); !ok || err != nil {
		t.Fatalf("lease: %v %v", ok, err)
	}
	if ok, err := db.Lease(ctx, b.URL, time.Now().Add(time.Minute), nil); !ok || err != nil {
		t.Fatalf("lease: %v %v", ok, err)
	}
	after, _ := db.PendingOf(ctx, "j", host, 100)
	if len(after) != len(before)-2 || slices.Contains(urls(after), a.URL) {
		t.Fatalf("leased urls still pending: %v", urls(after))
	}
	a.State = crawler.StateDone
	if _, err := db.Finish(ctx, crawler.Outcome{Entry: a}); err != nil {
		t.Fatal(err)
	}
	b.State, b.Attempts, b.NotBefore = crawler.StatePending, 1, time.Now().Add(time.Minute)
	if _, err := db.Finish(ctx, crawler.Outcome{Entry: b}); err != nil {
		t.Fatal(err)
	}
	after, _ = db.PendingOf(ctx, "j", host, 100)
	if len(after) != len(before)-1 || !slices.Contains(urls(after), b.URL) || slices.Contains(urls(after), a.URL) {
		t.Fatalf("after finish: %v", urls(after))
	}
	for _, e := range after {
		if _, err := db.Lease(ctx, e.URL, time.Now().Add(time.Minute), nil); err != nil {
			t.Fatal(err)
		}
	}
	if hosts, _ := db.PendingHosts(ctx, "j"); slices.Contains(hosts, host) {
		t.Fatalf("host with every url leased still listed: %v", hosts)
	}
	if _, err := db.ResetLeases(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.PendingOf(ctx, "j", host, 100); len(got) != len(before)-1 {
		t.Fatalf("after reset: %d pending, want %d", len(got), len(before)-1)
	}
}

// TestOpenMigratesSchema1 opens a database written before the pending index
// existed and checks the index is built from the frontier.
func TestOpenMigratesSchema1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pendingFixture(t, db)
	doc := testDoc("https://m.example/old", "m.example")
	doc.SimHash = 0xF0F0_F0F0_0F0F_0F0F
	if err := db.SaveDocument(t.Context(), doc, nil); err != nil {
		t.Fatal(err)
	}
	err = db.bolt.Update(func(tx *bbolt.Tx) error {
		if err := tx.DeleteBucket(bucketPending); err != nil {
			return err
		}
		// Schema 1 kept one simhashes key per document.
		if err := tx.DeleteBucket(bucketSimHashes); err != nil {
			return err
		}
		old, err := tx.CreateBucket(bucketSimHashes)
		if err != nil {
			return err
		}
		if err := old.Put(key(doc.Site, binary.BigEndian.AppendUint64(nil, doc.SimHash), []byte(doc.CanonicalURL)), nil); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(metaSchemaVersion, binary.BigEndian.AppendUint64(nil, 1))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(path, Options{ReadOnly: true}); err == nil {
		t.Fatal("read-only open of an old layout succeeded")
	}
	db = mustOpenPath(t, path)
	got, err := db.PendingOf(context.Background(), "k", "http://h2.test:80", 100)
	if err != nil || len(got) != 10 {
		t.Fatalf("migrated index: %d entries, %v", len(got), err)
	}
	if u, ok, err := db.NearDuplicate(t.Context(), "m.example", doc.SimHash^0b101, 3); err != nil || !ok || u != doc.CanonicalURL {
		t.Fatalf("near duplicate after migration: %q %v %v", u, ok, err)
	}
}
