package fetch_test

import (
	"context"
	"errors"
	"testing"

	"crawler"
	"crawler/fetch"
	"crawler/storage"
)

// refusingStore is a database that refuses every document, as a full
// disk or an invalid record would.
type refusingStore struct{ *storage.DB }

var errRefused = errors.New("document refused")

func (s refusingStore) Finish(ctx context.Context, o crawler.Outcome) (crawler.FinishResult, error) {
	if o.Document != nil {
		return crawler.FinishResult{}, errRefused
	}
	return s.DB.Finish(ctx, o)
}

func TestRefusedDocumentFailsTheURL(t *testing.T) {
	s := newSite(t, "", oneArticle(story))
	db := openDB(t)
	rep := mustCrawl(t, testOptions(), refusingStore{db}, fetch.Job{Name: "refuse", Seeds: []string{s.URL + "/"}})
	e, _, err := db.FrontierEntry(context.Background(), s.URL+"/story.html")
	if err != nil || e.State != crawler.StateFailed || rep.Failed != 1 {
		t.Fatalf("state %q error %q failed=%d: want failed, not left leased", e.State, e.LastError, rep.Failed)
	}
	mustCrawl(t, testOptions(), refusingStore{db}, fetch.Job{Name: "refuse", Seeds: []string{s.URL + "/"}})
	if n := s.count("/story.html"); n != 1 {
		t.Errorf("refused page fetched %d times over two runs, want 1", n)
	}
}
