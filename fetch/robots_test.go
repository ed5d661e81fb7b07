package fetch_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"crawler"
)

func TestRobotsAnswers(t *testing.T) {
	tests := []struct {
		name       string
		robots     http.HandlerFunc
		wantStored bool
		wantState  string
		minRobots  int
	}{
		{"5xx disallows the host and is retried", status(http.StatusInternalServerError), false, crawler.StatePending, 3},
		{"404 allows all", status(http.StatusNotFound), true, crawler.StateDone, 1},
		{"401 allows all", status(http.StatusUnauthorized), true, crawler.StateDone, 1},
		{"garbage allows what it cannot parse", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, "<html>\x00\x01 this is not robots.txt {{{\nDisallow /story.html\n")
		}, true, crawler.StateDone, 1},
		{"redirect is followed", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/real-robots.txt", http.StatusMovedPermanently)
		}, false, crawler.StateFailed, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mux := oneArticle(story)
			mux2 := http.NewServeMux()
			mux2.HandleFunc("/robots.txt", tt.robots)
			mux2.HandleFunc("/real-robots.txt", func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, "User-agent: *\nDisallow: /story.html\n")
			})
			mux2.Handle("/", mux)
			f := crawlOne(t, mux2, nil)
			if got := f.stored(t); got != tt.wantStored {
				t.Errorf("stored=%v, want %v", got, tt.wantStored)
			}
			if tt.wantState == crawler.StatePending {
				if n := len(f.site.requests()) - f.site.count("/robots.txt"); n != 0 {
					t.Errorf("%d page requests while robots.txt is unavailable", n)
				}
				seed, _, _ := f.db.FrontierEntry(context.Background(), f.site.URL+"/")
				if seed.State != crawler.StatePending {
					t.Errorf("seed state %q, want pending for the next run", seed.State)
				}
			} else if f.entry.State != tt.wantState {
				t.Errorf("story state %q, want %q", f.entry.State, tt.wantState)
			}
			if n := f.site.count("/robots.txt"); n < tt.minRobots || n > 3 {
				t.Errorf("robots.txt requested %d times, want %d..3", n, tt.minRobots)
			}
		})
	}
}

func TestRobotsRedirectToAnotherOrigin(t *testing.T) {
	elsewhere := http.NewServeMux()
	elsewhere.HandleFunc("/robots-b.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /story.html\n")
	})
	b := newSite(t, "127.0.0.2:0", elsewhere)
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, b.URL+"/robots-b.txt", http.StatusFound)
	})
	mux.HandleFunc("/{$}", serveHTML(indexHTML("/story.html", "/other.html")))
	mux.HandleFunc("/story.html", story)
	mux.HandleFunc("/other.html", serveHTML(articleHTML("Other", "")))
	f := crawlOne(t, mux, nil)
	if b.count("/robots-b.txt") != 1 {
		t.Errorf("redirected robots.txt requested %d times, want 1", b.count("/robots-b.txt"))
	}
	if f.site.count("/story.html") != 0 || f.site.count("/other.html") != 1 {
		t.Errorf("story %d, other %d requests: rules from the redirect target not applied",
			f.site.count("/story.html"), f.site.count("/other.html"))
	}
}
