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

// listingTitles are the stories of the archive test site.
var listingTitles = []string{
	"Council approves harbour plan", "Bus routes cut after budget row", "Library to open late for exams",
	"Farmers count cost of wet summer", "School garden wins national prize", "Rail bridge closes for repairs",
}

func listingSlug(i int) string {
	return "/news/" + strings.ReplaceAll(strings.ToLower(listingTitles[i]), " ", "-") + ".html"
}

// standfirst is a full sentence from the story: archive teasers are often
// not cut with an ellipsis, and section pages often declare no og:type.
func standfirst(i int) string {
	return strings.Join(strings.Fields(articleText(listingTitles[i])[1])[:18], " ") + "."
}

func teaserItem(i int) string {
	return fmt.Sprintf(`<li><h3><a href="%s">%s</a></h3><p>%s</p><time>2 Nov 2026</time></li>`, listingSlug(i), listingTitles[i], standfirst(i))
}

// archiveHTML lists stories from..to-1 and links the next archive page.
func archiveHTML(n, from, to int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html><head><title>Archive page %d</title></head><body><nav><a href="/">Home</a></nav><main><h1>Archive</h1><ul>`, n)
	for i := from; i < to; i++ {
		b.WriteString(teaserItem(i))
	}
	fmt.Fprintf(&b, `</ul><a href="/archive/%d">Older stories</a></main></body></html>`, n+1)
	return b.String()
}

// storyWithRelated is story i with a related-stories box of teasers for
// its neighbours, and no og:type or JSON-LD to say it is an article.
func storyWithRelated(i int) string {
	var box strings.Builder
	box.WriteString(`<aside class="related"><h2>Related stories</h2><ul>`)
	for d := 1; d <= 3; d++ {
		box.WriteString(teaserItem((i + d) % len(listingTitles)))
	}
	box.WriteString("</ul></aside>")
	return strings.Replace(articleHTML(listingTitles[i], ""), "</article>", "</article>"+box.String(), 1)
}

func TestArchivePagesOfTeasersAreFollowedButNotStored(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/{$}", serveHTML(indexHTML("/archive/1")))
	mux.HandleFunc("/archive/1", serveHTML(archiveHTML(1, 0, 3)))
	mux.HandleFunc("/archive/2", serveHTML(archiveHTML(2, 3, 6)))
	for i := range listingTitles {
		mux.HandleFunc(listingSlug(i), serveHTML(storyWithRelated(i)))
	}
	s := newSite(t, "", mux)
	db := openDB(t)

	rep := mustCrawl(t, testOptions(), db, fetch.Job{Name: "news", Seeds: []string{s.URL + "/"}, MaxDepth: 4})

	if rep.Stored != len(listingTitles) {
		t.Errorf("stored %d documents, want the %d stories", rep.Stored, len(listingTitles))
	}
	for _, p := range []string{"/archive/1", "/archive/2"} {
		if _, err := db.Document(context.Background(), s.URL+p); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("archive page %s stored as a document (err %v)", p, err)
		}
	}
	for i := range listingTitles {
		if _, err := db.Document(context.Background(), s.URL+listingSlug(i)); err != nil {
			t.Errorf("story %s with a related box not stored: %v", listingSlug(i), err)
		}
	}
}
