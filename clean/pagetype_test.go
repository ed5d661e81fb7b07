package clean

import (
	"strings"
	"testing"
	"time"
)

func TestIsListing(t *testing.T) {
	t.Parallel()
	article := []string{"A long first paragraph of the story.", "A second paragraph.", "A third one."}
	teasers := []string{
		"Council approves the new bridge after a long debate that ran …",
		"Storm brings down trees across the valley and leaves …",
		"Local team wins again at home … Dana Whitfield · November 17, 2026",
		"Older stories",
	}
	date := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		head  string
		paras []string
		pub   time.Time
		want  bool
	}{
		{"plain article", ``, article, time.Time{}, false},
		{"teasers without metadata", ``, teasers, time.Time{}, true},
		{"og article with teaser-like body", `<meta property="og:type" content="article">`, teasers, time.Time{}, false},
		{"json-ld news article", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"x"}</script>`, teasers, time.Time{}, false},
		{"json-ld graph article", `<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":["NewsArticle"]}]}</script>`, teasers, time.Time{}, false},
		{"og website without date", `<meta property="og:type" content="website">`, article, time.Time{}, true},
		{"og website with date", `<meta property="og:type" content="website">`, article, date, false},
		{"collection page", `<script type="application/ld+json">{"@type":"CollectionPage","mainEntity":{"@type":"ItemList","itemListElement":[{"@type":"NewsArticle"}]}}</script>`, article, time.Time{}, true},
		{"broken json-ld", `<script type="application/ld+json">{"@type":</script>`, article, time.Time{}, false},
		{"meta in body ignored", ``, article, time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head><title>x</title>" + tt.head + "</head><body>" +
				`<meta property="og:type" content="website"><p>` + strings.Join(tt.paras, "</p><p>") + "</p></body></html>"
			res := Result{Paragraphs: tt.paras, Published: tt.pub}
			if got := IsListing([]byte(page), res); got != tt.want {
				t.Errorf("IsListing = %v, want %v", got, tt.want)
			}
		})
	}
}
