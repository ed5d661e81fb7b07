package fetch_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"crawler/fetch"
)

// countingSite serves fixed pages and counts requests per path.
type countingSite struct {
	pages map[string]string
	mu    sync.Mutex
	hits  map[string]int
}

func (s *countingSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	s.mu.Unlock()
	body, ok := s.pages[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte(body))
}

func (s *countingSite) counts() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for k, v := range s.hits {
		out[k] = v
	}
	return out
}

func newCountingSite(t *testing.T, pages map[string]string) (*countingSite, *httptest.Server) {
	t.Helper()
	s := &countingSite{pages: pages, hits: map[string]int{}}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv
}

func TestDownloadFollowsLinksOnSeedHostsOnce(t *testing.T) {
	t.Parallel()
	other, otherSrv := newCountingSite(t, map[string]string{"/": "<p>elsewhere</p>"})
	pages := map[string]string{
		"/": `<a href="/a">a</a> <a href="/b#top">b</a> <a href="c">c</a> <a href="/missing">gone</a>`,
		"/a": `<a href="/">home</a> <a href="/b">b</a> <a href="` + otherSrv.URL + `/">off-site</a>` +
			` <a href="mailto:x@example.com">mail</a>`,
		"/b": `<a href="/a">a</a> <a href="/c">c</a>`,
		"/c": `<p>leaf</p>`,
	}
	site, srv := newCountingSite(t, pages)

	rep, err := fetch.Download(t.Context(), []string{srv.URL + "/"}, fetch.DownloadOptions{Parallelism: 3})
	if err != nil {
		t.Fatalf("Download: %v", err)
	}
	want := map[string]int{"/": 1, "/a": 1, "/b": 1, "/c": 1, "/missing": 1}
	if d := cmp.Diff(want, site.counts()); d != "" {
		t.Errorf("requests per path (-want +got)\n%s", d)
	}
	if n := len(other.counts()); n != 0 {
		t.Errorf("off-site host got %d paths requested, want none", n)
	}
	var bytes int64
	for _, p := range pages {
		bytes += int64(len(p))
	}
	wantRep := fetch.DownloadReport{Requests: 5, Pages: 4, Bytes: bytes, Errors: 1}
	rep.Duration = 0
	if d := cmp.Diff(wantRep, rep); d != "" {
		t.Errorf("report (-want +got)\n%s", d)
	}
}

func TestDownloadSeveralHosts(t *testing.T) {
	t.Parallel()
	var seeds []string
	var sites []*countingSite
	for range 3 {
		s, srv := newCountingSite(t, map[string]string{"/": `<a href="/x">x</a>`, "/x": `<a href="/">home</a>`})
		sites = append(sites, s)
		seeds = append(seeds, srv.URL+"/")
	}
	rep, err := fetch.Download(t.Context(), seeds, fetch.DownloadOptions{})
	if err != nil {
		t.Fatalf("Download: %v", err)
	}
	if rep.Pages != 6 || rep.Errors != 0 {
		t.Errorf("pages %d errors %d, want 6 and 0", rep.Pages, rep.Errors)
	}
	for i, s := range sites {
		if d := cmp.Diff(map[string]int{"/": 1, "/x": 1}, s.counts()); d != "" {
			t.Errorf("host %d requests (-want +got)\n%s", i, d)
		}
	}
}

func TestDownloadStopsWhenContextEnds(t *testing.T) {
	t.Parallel()
	_, srv := newCountingSite(t, map[string]string{"/": `<a href="/a">a</a>`, "/a": "a"})
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := fetch.Download(ctx, []string{srv.URL + "/"}, fetch.DownloadOptions{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Download after cancel: %v, want context.Canceled", err)
	}
}

func TestDownloadRejectsRelativeSeed(t *testing.T) {
	t.Parallel()
	if _, err := fetch.Download(t.Context(), []string{"/relative"}, fetch.DownloadOptions{}); err == nil {
		t.Error("Download with a relative seed: no error")
	}
}
