package storage

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"go.etcd.io/bbolt"

	"crawler"
)

func TestAliases(t *testing.T) {
	db := mustOpen(t)
	steps := []struct{ alias, canonical string }{
		{"https://a.example/?p=1", "https://a.example/story"},
		{"https://amp.a.example/story", "https://a.example/story"},
		{"https://a.example/?p=1", "https://a.example/story-2"}, // replaced
		{"https://a.example/self", "https://a.example/self"},    // not stored
	}
	for _, s := range steps {
		if err := db.PutAlias(t.Context(), s.alias, s.canonical); err != nil {
			t.Fatalf("PutAlias(%s): %v", s.alias, err)
		}
	}
	tests := []struct {
		url, want string
		ok        bool
	}{
		{"https://a.example/?p=1", "https://a.example/story-2", true},
		{"https://amp.a.example/story", "https://a.example/story", true},
		{"https://a.example/self", "", false},
		{"https://a.example/story", "", false},
	}
	for _, tt := range tests {
		got, ok, err := db.Alias(t.Context(), tt.url)
		if err != nil || got != tt.want || ok != tt.ok {
			t.Errorf("Alias(%s) = %q, %v, %v; want %q, %v", tt.url, got, ok, err, tt.want, tt.ok)
		}
	}
	if n, err := db.AliasCount(t.Context()); err != nil || n != 2 {
		t.Errorf("AliasCount = %d, %v; want 2", n, err)
	}
	if err := db.PutAlias(t.Context(), "", "x"); err == nil {
		t.Error("PutAlias with an empty alias succeeded")
	}
}

func TestRulesText(t *testing.T) {
	db := mustOpen(t)
	if text, err := db.RulesText(t.Context(), "a.example"); text != nil || err != nil {
		t.Errorf("RulesText with none stored = %q, %v; want nil, nil", text, err)
	}
	rules := []byte("remove .share-bar\nremove #comments\n")
	for _, site := range []string{"b.example", "a.example"} {
		if err := db.PutRulesText(t.Context(), site, rules); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.RulesText(t.Context(), "a.example")
	if err != nil || string(got) != string(rules) {
		t.Errorf("RulesText = %q, %v", got, err)
	}
	got[0] = 'X' // the caller owns the copy; the stored text must not change
	if again, _ := db.RulesText(t.Context(), "a.example"); string(again) != string(rules) {
		t.Errorf("modifying the returned slice changed the stored rules: %q", again)
	}
	if sites, err := db.RuleSites(t.Context()); err != nil || !cmp.Equal(sites, []string{"a.example", "b.example"}) {
		t.Errorf("RuleSites = %v, %v", sites, err)
	}
	if err := db.PutRulesText(t.Context(), "b.example", nil); err != nil {
		t.Fatal(err)
	}
	if sites, _ := db.RuleSites(t.Context()); !cmp.Equal(sites, []string{"a.example"}) {
		t.Errorf("RuleSites after deleting b.example = %v", sites)
	}
	if err := db.PutRulesText(t.Context(), "", rules); err == nil {
		t.Error("PutRulesText with an empty site succeeded")
	}
}

func TestJobRuns(t *testing.T) {
	db := mustOpen(t)
	base := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	run := func(job string, i int) crawler.RunReport {
		return crawler.RunReport{Job: job, ID: fmt.Sprintf("%s-%d", job, i), Start: base.Add(time.Duration(i) * time.Minute),
			Duration: time.Second, Fetched: i, Stored: i / 2}
	}
	// "news" gets more than are kept; "news2" shares its prefix.
	for i := range jobRunsKept + 25 {
		if err := db.AddJobRun(t.Context(), run("news", i)); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 3 {
		if err := db.AddJobRun(t.Context(), run("news2", 1000+i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.AddJobRun(t.Context(), run("news2", 1002)); err != nil { // same report again
		t.Fatal(err)
	}
	all, err := db.JobRuns(t.Context(), "news", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != jobRunsKept {
		t.Fatalf("kept %d runs of news, want %d", len(all), jobRunsKept)
	}
	if newest, oldest := all[0].ID, all[len(all)-1].ID; newest != "news-224" || oldest != "news-25" {
		t.Errorf("news runs span %s..%s, want news-224..news-25", newest, oldest)
	}
	if d := cmp.Diff(run("news", 224), all[0]); d != "" {
		t.Errorf("round trip (-want +got)\n%s", d)
	}
	tests := []struct {
		name  string
		job   string
		limit int
		want  []string
	}{
		{"limit", "news", 3, []string{"news-224", "news-223", "news-222"}},
		{"prefix-sharing job", "news2", 0, []string{"news2-1002", "news2-1001", "news2-1000"}},
		{"all jobs newest first", "", 4, []string{"news2-1002", "news2-1001", "news2-1000", "news-224"}},
		{"unknown job", "sport", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runs, err := db.JobRuns(t.Context(), tt.job, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, r := range runs {
				ids = append(ids, r.ID)
			}
			if d := cmp.Diff(tt.want, ids); d != "" {
				t.Errorf("(-want +got)\n%s", d)
			}
		})
	}
	if err := db.AddJobRun(t.Context(), crawler.RunReport{}); err == nil {
		t.Error("AddJobRun without a job name succeeded")
	}
}

// The index check that every test runs on cleanup must itself catch a
// stale and a missing entry.
func TestCheckIndexesDetectsDrift(t *testing.T) {
	db, err := Open(t.TempDir()+"/drift.db", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	d := testDoc("https://a.example/1", "a.example")
	if err := db.SaveDocument(t.Context(), d, testPage(d.CanonicalURL, time.Unix(1, 0))); err != nil {
		t.Fatal(err)
	}
	if err := checkIndexes(db); err != nil {
		t.Fatalf("fresh database: %v", err)
	}
	err = db.bolt.Update(func(tx *bbolt.Tx) error {
		if err := tx.Bucket(bucketHashes).Delete(key(d.ContentHash, []byte(d.CanonicalURL))); err != nil {
			return err
		}
		return tx.Bucket(bucketSiteDocs).Put(key("a.example", []byte("https://a.example/ghost")), nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := checkIndexes(db); err == nil {
		t.Error("checkIndexes found nothing wrong after the indexes were damaged")
	}
}
