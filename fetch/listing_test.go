package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"crawler/fetch"
	"crawler/storage"
)

// sectionHTML is a section page: teasers of the linked stories, cut off
// with an ellipsis, under a website og:type and no publication date.
func sectionHTML(links ...string) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><title>Business</title><meta property="og:type" content="website"></head><body><main><h1>Business</h1>`)
	for _, l := range links {
		fmt.Fprintf(&b, `<div class="teaser"><h2><a href="%s">A headline for %s</a></h2><p>%s</p></div>`, l, l,
			"The firm said on Tuesday that it would open a second plant on the edge of the town next spring, creating hundreds of jobs and bringing a long empty site back into use before …")
	}
	b.WriteString("</main></body></html>")
	return b.String()
}

func TestSectionPagesAreFollowedButNotStored(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/{$}", serveHTML(indexHTML("/business/")))
	mux.HandleFunc("/business/", serveHTML(sectionHTML("/a/one.html", "/a/two.html", "/a/three.html", "/a/four.html")))
	for _, name := range []string{"one", "two", "three", "four"} {
		mux.HandleFunc("/a/"+name+".html", serveHTML(articleHTML(strings.ToUpper(name[:1])+name[1:], "")))
	}
	s := newSite(t, "", mux)
	db := openDB(t)

	rep := mustCrawl(t, testOptions(), db, fetch.Job{Name: "news", Seeds: []string{s.URL + "/"}, MaxDepth: 2})

	if rep.Stored != 4 {
		t.Errorf("stored %d documents, want the 4 articles", rep.Stored)
	}
	if _, err := db.Document(context.Background(), s.URL+"/business/"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("section page stored as a document (err %v)", err)
	}
	if got := s.count("/a/four.html"); got != 1 {
		t.Errorf("article linked only from the section page fetched %d times, want 1", got)
	}
}
