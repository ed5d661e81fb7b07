package fetch_test

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"crawler/fetch"
)

// editableSite serves a seed listing articles /a/0.html ... whose text
// and ETag change when a test edits them, answers If-None-Match with 304
// and records the conditional headers of every article request in order.
type editableSite struct {
	*site
	mu       sync.Mutex
	articles int
	version  map[int]int // article -> edit count
	etagOnly map[int]int // article -> ETag bumps that leave the text alone
	asked    []condRequest
}

// condRequest is one article request as the server saw it.
type condRequest struct {
	path, ifNoneMatch, ifModifiedSince string
}

const lastModified = "Mon, 02 Nov 2026 08:00:00 GMT"

func newEditableSite(t *testing.T, articles int) *editableSite {
	es := &editableSite{articles: articles, version: map[int]int{}, etagOnly: map[int]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		es.mu.Lock()
		links := make([]string, es.articles)
		for k := range links {
			links[k] = fmt.Sprintf("/a/%d.html", k)
		}
		es.mu.Unlock()
		serveHTML(indexHTML(links...))(w, r)
	})
	mux.HandleFunc("/a/{k}", func(w http.ResponseWriter, r *http.Request) {
		var k int
		fmt.Sscanf(r.PathValue("k"), "%d.html", &k)
		es.mu.Lock()
		es.asked = append(es.asked, condRequest{r.URL.Path, r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since")})
		v, e := es.version[k], es.etagOnly[k]
		es.mu.Unlock()
		etag := fmt.Sprintf(`"a%d-v%d-e%d"`, k, v, e)
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastModified)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		serveHTML(articleHTML(fmt.Sprintf("Story %d version %d", k, v), ""))(w, r)
	})
	es.site = newSite(t, "", mux)
	return es
}

func (es *editableSite) edit(k int)     { es.mu.Lock(); es.version[k]++; es.mu.Unlock() }
func (es *editableSite) bumpETag(k int) { es.mu.Lock(); es.etagOnly[k]++; es.mu.Unlock() }
func (es *editableSite) setArticles(n int) {
	es.mu.Lock()
	es.articles = n
	es.mu.Unlock()
}

// since returns the article requests after the first n.
func (es *editableSite) since(n int) []condRequest {
	es.mu.Lock()
	defer es.mu.Unlock()
	return append([]condRequest(nil), es.asked[n:]...)
}

func (es *editableSite) requestCount() int {
	es.mu.Lock()
	defer es.mu.Unlock()
	return len(es.asked)
}

func TestRefreshAsksConditionallyAndUpdatesChangedText(t *testing.T) {
	ctx := context.Background()
	es := newEditableSite(t, 3)
	db := openDB(t)
	job := fetch.Job{Name: "refresh", Seeds: []string{es.URL + "/"}, RefreshWindow: time.Hour}
	if rep := mustCrawl(t, testOptions(), db, job); rep.Stored != 3 {
		t.Fatalf("run 1 stored %d, want 3", rep.Stored)
	}
	url := func(k int) string { return fmt.Sprintf("%s/a/%d.html", es.URL, k) }
	before := make([]string, 3)
	fetchedAt := make([]time.Time, 3)
	for k := range 3 {
		d, err := db.Document(ctx, url(k))
		if err != nil {
			t.Fatal(err)
		}
		before[k], fetchedAt[k] = d.ContentHash, d.FetchedAt
	}
	es.edit(1)     // changed text, new ETag: 200 and an update
	es.bumpETag(2) // same text, new ETag: 200, nothing to update
	n := es.requestCount()

	rep := mustCrawl(t, testOptions(), db, job)

	asked := es.since(n)
	if len(asked) != 3 {
		t.Fatalf("run 2 made %d article requests, want 3: %+v", len(asked), asked)
	}
	for _, a := range asked {
		var k int
		fmt.Sscanf(a.path, "/a/%d.html", &k)
		if want := fmt.Sprintf(`"a%d-v0-e0"`, k); a.ifNoneMatch != want || a.ifModifiedSince != lastModified {
			t.Errorf("%s asked with If-None-Match %q If-Modified-Since %q, want %q and %q",
				a.path, a.ifNoneMatch, a.ifModifiedSince, want, lastModified)
		}
	}
	if rep.NotModified != 1 || rep.Stored != 1 || rep.Duplicates != 0 || rep.Failed != 0 {
		t.Errorf("run 2 not_modified=%d stored=%d duplicates=%d failed=%d, want 1, 1, 0, 0",
			rep.NotModified, rep.Stored, rep.Duplicates, rep.Failed)
	}
	for _, k := range []int{0, 2} {
		d, err := db.Document(ctx, url(k))
		if err != nil || d.ContentHash != before[k] || !d.FetchedAt.Equal(fetchedAt[k]) {
			t.Errorf("article %d changed by a refresh that found it unchanged: %+v %v", k, d, err)
		}
	}
	d, err := db.Document(ctx, url(1))
	if err != nil || d.ContentHash == before[1] || d.Title != "Story 1 version 1" {
		t.Fatalf("edited article not updated: %+v %v", d, err)
	}
	if got, ok, _ := db.DocumentByHash(ctx, d.ContentHash); !ok || got != url(1) {
		t.Errorf("new content hash finds %q, %v", got, ok)
	}
	if got, ok, _ := db.DocumentByHash(ctx, before[1]); ok {
		t.Errorf("old content hash still finds %q", got)
	}
	if p, err := db.Page(ctx, url(1)); err != nil || p.ETag != `"a1-v1-e0"` {
		t.Errorf("raw page not updated with the document: %+v %v", p, err)
	}
	for k := range 3 {
		e, _, err := db.FrontierEntry(ctx, url(k))
		if err != nil || e.State != "done" || e.Refresh || !e.Fetched.Equal(fetchedAt[k]) {
			t.Errorf("article %d entry after refresh: %+v %v", k, e, err)
		}
	}
}

func TestRefreshWindowCapAndOrder(t *testing.T) {
	const window = 2 * time.Second
	es := newEditableSite(t, 4)
	db := openDB(t)
	job := fetch.Job{Name: "window", Seeds: []string{es.URL + "/"}, RefreshWindow: window, MaxRefreshes: 3}
	mustCrawl(t, testOptions(), db, job) // stores 0..3
	time.Sleep(window + 100*time.Millisecond)

	// Run 2: 0..3 fell out of the window; 4..8 are new.
	es.setArticles(9)
	n := es.requestCount()
	if rep := mustCrawl(t, testOptions(), db, job); rep.Stored != 5 {
		t.Fatalf("run 2 stored %d, want 5", rep.Stored)
	}
	for _, a := range es.since(n) {
		if a.ifNoneMatch != "" {
			t.Errorf("run 2 refreshed %s, stored before the window", a.path)
		}
	}

	// Run 3: 9 is new and comes first; at most 3 of 4..8 are refreshed.
	es.setArticles(10)
	n = es.requestCount()
	rep := mustCrawl(t, testOptions(), db, job)
	asked := es.since(n)
	if len(asked) == 0 || asked[0].path != "/a/9.html" || asked[0].ifNoneMatch != "" {
		t.Fatalf("run 3 did not fetch the new article first: %+v", asked)
	}
	refreshed := map[string]bool{}
	for _, a := range asked[1:] {
		var k int
		fmt.Sscanf(a.path, "/a/%d.html", &k)
		if a.ifNoneMatch == "" || k < 4 || k > 8 || refreshed[a.path] {
			t.Errorf("run 3 unexpected request %+v", a)
		}
		refreshed[a.path] = true
	}
	if len(refreshed) != 3 || rep.NotModified != 3 || rep.Stored != 1 {
		t.Errorf("run 3 refreshed %d (%v), not_modified=%d stored=%d; want 3 within the cap, 3, 1",
			len(refreshed), refreshed, rep.NotModified, rep.Stored)
	}

	// Run 4: MaxPages leaves room for the seed and one refresh only.
	job.MaxPages = 2
	n = es.requestCount()
	mustCrawl(t, testOptions(), db, job)
	if asked := es.since(n); len(asked) != 1 || asked[0].ifNoneMatch == "" {
		t.Errorf("run 4 with MaxPages 2 made article requests %+v, want one refresh", asked)
	}
}
