package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"crawler/demosite"
	"crawler/storage"
)

// slowHandler delays every article page, so that a crawl is still going
// when the daemon is told to stop.
func slowHandler(h http.Handler, d time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Count(r.URL.Path, "/") > 2 {
			select {
			case <-time.After(d):
			case <-r.Context().Done():
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

func TestRunStopsMidCrawlAndRecordsTheRun(t *testing.T) {
	srv := httptest.NewServer(slowHandler(demosite.NewHandler(0), 300*time.Millisecond))
	defer srv.Close()
	o := demosite.Outlets()[0]
	o.Seeds, o.Feeds, o.Sitemaps = []string{srv.URL + "/"}, nil, nil
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, o, "")
	writeDaemonConfig(t, cfgPath, "")
	d := startDaemon(t, cfgPath)
	eventually(t, 20*time.Second, "the crawl to store a document", func() bool {
		st := d.status(t)
		return len(st.Jobs) == 1 && st.Jobs[0].Running && st.Documents > 0
	})
	start := time.Now()
	d.stop(t)
	if took := time.Since(start); took > 30*time.Second {
		t.Errorf("shutdown took %s, want under 30 s", took)
	}
	// The lock is released and the interrupted run was recorded.
	cfg, err := LoadConfig(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	db, err := storage.Open(cfg.Storage.Path, storage.Options{Timeout: time.Second})
	if err != nil {
		t.Fatalf("database still locked after exit: %v", err)
	}
	defer db.Close()
	runs, err := db.JobRuns(context.Background(), "demo", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 1 || runs[0].Stored == 0 {
		t.Errorf("recorded runs after shutdown = %+v, want the interrupted run with its stored pages", runs)
	}
}
