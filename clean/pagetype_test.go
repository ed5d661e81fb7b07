package clean

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
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
		// Many CMSs put og:type "website" on every page, stories included.
		{"og website without date", `<meta property="og:type" content="website">`, article, time.Time{}, false},
		{"json-ld webpage without date", `<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"WebSite"}]}</script>`, article, time.Time{}, false},
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

// TestIsListingOnArticleCorpora runs IsListing over article benchmark
// datasets, where every page is one story, so every "yes" is a false
// positive. CLEAN_ARTICLE_MANIFESTS lists unpacked dataset manifests
// (JSON lines with id, url, path and site), separated by the OS path list
// separator; the test is skipped without it. Each page is judged with the
// zero rules and with the rules learned from its site's pages, as a crawl
// that has learned would judge it.
func TestIsListingOnArticleCorpora(t *testing.T) {
	env := os.Getenv("CLEAN_ARTICLE_MANIFESTS")
	if env == "" {
		t.Skip("CLEAN_ARTICLE_MANIFESTS not set")
	}
	for _, path := range filepath.SplitList(env) {
		t.Run(filepath.Base(filepath.Dir(path)), func(t *testing.T) {
			pages := loadCorpus(t, path)
			learned := learnCorpus(pages)
			var plain, withRules int
			for _, p := range pages {
				if corpusListing(t, p, Rules{}) {
					plain++
					t.Errorf("%s: listing with the zero rules", p.id)
				}
				if corpusListing(t, p, learned[p.site]) {
					withRules++
					t.Errorf("%s: listing with learned rules", p.id)
				}
			}
			t.Logf("%d pages: %d listings with the zero rules, %d with learned rules", len(pages), plain, withRules)
		})
	}
}

type corpusPage struct {
	id, site string
	url      *url.URL
	html     []byte
}

func loadCorpus(t *testing.T, manifest string) []corpusPage {
	t.Helper()
	data, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatal(err)
	}
	var pages []corpusPage
	for line := range strings.Lines(string(data)) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var e struct{ ID, URL, Path, Site string }
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("%s: %v", manifest, err)
		}
		raw, err := os.ReadFile(e.Path)
		if err != nil {
			t.Fatal(err)
		}
		html, err := DecodeHTML(raw, "")
		if err != nil {
			t.Fatalf("%s: %v", e.ID, err)
		}
		u, _ := url.Parse(e.URL)
		pages = append(pages, corpusPage{id: e.ID, site: e.Site, url: u, html: html})
	}
	return pages
}

func learnCorpus(pages []corpusPage) map[string]Rules {
	now := time.Now()
	samples := map[string][]Sample{}
	for _, p := range pages {
		samples[p.site] = append(samples[p.site], Sample{URL: p.url, HTML: p.html, FetchedAt: now})
	}
	rules := map[string]Rules{}
	for site, s := range samples {
		rules[site] = Learn(Rules{Site: site}, s, now)
	}
	return rules
}

func corpusListing(t *testing.T, p corpusPage, rules Rules) bool {
	t.Helper()
	res, err := Extract(p.html, p.url, rules)
	if err != nil {
		t.Errorf("%s: %v", p.id, err)
		return false
	}
	return IsListing(p.html, res)
}

// storyParas is the body of a plain news story.
var storyParas = []string{
	"The county council voted on Tuesday to close the old swimming pool on Mill Lane at the end of the summer, after engineers found that the roof over the main hall could no longer be repaired at a reasonable cost.",
	"Councillors were told that the building, which opened in 1968, needed work costing more than four million pounds, and that the pool had lost money in each of the last nine years as visitor numbers fell.",
	"Parents and swimming clubs packed the public gallery and several speakers asked the council to keep the pool open until a replacement is built, warning that children would otherwise have nowhere nearby to learn to swim.",
	"The council leader said a new leisure centre on the edge of the town was still planned, but that the money for it would not be agreed until the spring, and building work would take at least two years after that.",
	"A petition calling for the pool to be saved has gathered more than six thousand signatures, and its organisers said they would now ask the council's scrutiny committee to look at the decision again before the summer.",
	"Staff at the pool have been offered jobs at the council's two other sports centres, although the union representing them said that several of the lifeguards would have to travel for more than an hour each way.",
	"The swimming club, which has trained there since the pool opened, said it was talking to a private school about hiring its pool on weekday evenings, but that the cost would mean raising fees for its three hundred members.",
}

// teasers are headline and standfirst pairs as section pages show them.
var teasers = [][2]string{
	{"Harbour wall repairs to start in March", "Work on the storm-damaged harbour wall will take eight weeks and close the east quay to boats."},
	{"New bus timetable cuts evening services", "Three routes will stop running after eight in the evening from next month, the operator said."},
	{"Library hours extended over exam season", "The central library will open until ten on weekdays so that students have somewhere quiet to revise."},
	{"Farmers warn of late harvest after wet summer", "Heavy rain in August has left much of the wheat in the valley still standing in the fields."},
	{"School wins national award for its garden", "Pupils grew more than forty kinds of vegetables and sold them at the Saturday market."},
	{"Rail bridge to close for two weekends", "Trains between the two towns will be replaced by buses while the bridge deck is renewed."},
	{"Museum reopens after two-year refit", "The town museum has a new gallery for its collection of lace and a cafe overlooking the river."},
	{"Market traders oppose parking charges", "Stallholders say shoppers will go to the retail park instead if they have to pay to park in the square."},
	{"Hospital car park to get more spaces", "Two hundred spaces will be added on the old nurses' home site, easing queues at visiting time."},
	{"Cycle path extended to the coast", "The path now runs for eleven miles from the station to the beach without crossing a main road."},
	{"Village shop saved by residents", "More than a hundred people bought shares so that the last shop in the village could stay open."},
	{"Police appeal after shed fires", "Four garden sheds were set alight on the same street over two nights, and officers want to hear from witnesses."},
}

// withTeasers is paras followed by the headline and standfirst of the
// first n teasers, or preceded by them when first is set.
func withTeasers(paras []string, n int, first bool) []string {
	var ts []string
	for _, t := range teasers[:n] {
		ts = append(ts, t[0], t[1])
	}
	if first {
		return append(ts, paras...)
	}
	return append(append([]string(nil), paras...), ts...)
}

func testPage(head, body string) string {
	return `<!doctype html><html><head><meta charset="utf-8"><title>Valley News</title>` + head +
		`</head><body><header><a href="/">Valley News</a><nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></header>` +
		body + `<footer><p>Copyright Valley News Ltd.</p></footer></body></html>`
}

// river writes the teasers through one format with a link per teaser.
func river(format string, link func(i int) string) string {
	var b strings.Builder
	for i, t := range teasers {
		fmt.Fprintf(&b, format, link(i), t[0], t[1])
	}
	return b.String()
}

func relLink(i int) string { return fmt.Sprintf("/news/2026/11/story-%d.html", i) }

func storyHTML(inline bool) string {
	var b strings.Builder
	b.WriteString("<article><h1>Council votes to close Mill Lane pool</h1>")
	for i, p := range storyParas {
		if inline {
			// Links inside sentences, as long stories cite earlier ones.
			w := strings.Fields(p)
			p = strings.Join(w[:4], " ") + fmt.Sprintf(` <a href="%s">%s</a> `, relLink(i), strings.Join(w[4:9], " ")) + strings.Join(w[9:], " ")
		}
		fmt.Fprintf(&b, "<p>%s</p>", p)
	}
	b.WriteString("</article>")
	return b.String()
}

func TestIsListingTeaserShape(t *testing.T) {
	t.Parallel()
	canonical := `<link rel="canonical" href="https://www.valley.example/news">`
	related := `<aside class="related"><h2>Related stories</h2><ul>` +
		river(`<li><h3><a href="%s">%s</a></h3><p>%s</p></li>`, relLink) + `</ul></aside>`
	tests := []struct {
		name string
		html string
		// kept, when set, stands in for the extractor's paragraphs: a body
		// that kept the related box too, the hardest case for an article,
		// and one in which the box outweighs the story.
		kept []string
		want bool
	}{
		{"section river of headlines and standfirsts", testPage("",
			`<main><h1>News</h1><ul>`+river(`<li><h3><a href="%s">%s</a></h3><p>%s</p><time>2 Nov 2026</time></li>`, relLink)+`</ul></main>`), nil, true},
		{"cards with the standfirst above the headline", testPage("",
			`<main>`+river(`<div class="card"><div class="sum"><div>%[3]s</div></div><div class="t"><a href="%[1]s">%[2]s</a></div></div>`, relLink)+`</main>`), nil, true},
		{"table rows split by br", testPage("",
			`<table>`+river(`<tr><td><a href="%s">%s</a><br><font size="1">12 Nov 2026 - %s</font></td></tr>`, relLink)+`</table>`), nil, true},
		{"absolute links to the page's own site", testPage(canonical,
			`<main><ul>`+river(`<li><h3><a href="%s">%s</a></h3><p>%s</p></li>`, func(i int) string { return "https://news.valley.example" + relLink(i) })+`</ul></main>`), nil, true},
		{"teasers for another site", testPage(canonical,
			`<main><ul>`+river(`<li><h3><a href="%s">%s</a></h3><p>%s</p></li>`, func(i int) string { return "https://other.example" + relLink(i) })+`</ul></main>`), nil, false},
		{"story with a related-stories box", testPage("", storyHTML(false)+related), nil, false},
		{"story whose body kept the related box", testPage("", storyHTML(false)+related), withTeasers(storyParas, len(teasers), false), false},
		{"short story whose body kept the related box", testPage("", storyHTML(false)+related), withTeasers(storyParas[:2], len(teasers), false), false},
		{"story below a strip of top stories", testPage("", related+storyHTML(false)), withTeasers(storyParas[:3], 3, true), false},
		{"long story below a band of teasers", testPage("", related+storyHTML(false)), withTeasers(storyParas, len(teasers), true), false},
		{"brief between the previous and next stories", testPage("", related+storyHTML(false)), withTeasers(storyParas[:1], 2, false), false},
		{"long story with links in its sentences", testPage("", storyHTML(true)), nil, false},
		{"short story", testPage("", `<article><h1>Pool to close</h1><p>`+storyParas[0]+`</p><p>`+storyParas[1]+`</p></article>`), nil, false},
		{"explanations that each end in a link", testPage("",
			`<article><h1>Ways to lead</h1><ul>`+river(`<li><strong>%[2]s:</strong> `+storyParas[2]+` %[3]s<br><a href="%[1]s">%[2]s in detail</a></li>`, relLink)+`</ul></article>`), nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := Extract([]byte(tt.html), nil, Rules{})
			if err != nil {
				t.Fatal(err)
			}
			if tt.kept != nil {
				res.Paragraphs = tt.kept
			}
			if got := IsListing([]byte(tt.html), res); got != tt.want {
				t.Errorf("IsListing = %v, want %v (paragraphs %q)", got, tt.want, res.Paragraphs)
			}
		})
	}
}

// benchListingPage is a section page of 48 teasers; IsListing parses it
// again after Extract, so its cost is read as a share of Extract's.
func benchListingPage() []byte {
	var b strings.Builder
	for range 4 {
		b.WriteString(river(`<li><h3><a href="%s">%s</a></h3><p>%s</p><time>2 Nov 2026</time></li>`, relLink))
	}
	return []byte(testPage("", `<main><h1>News</h1><ul>`+b.String()+`</ul></main>`))
}

func BenchmarkIsListingSectionPage(b *testing.B) {
	page := benchListingPage()
	res, err := Extract(page, nil, Rules{})
	if err != nil || !IsListing(page, res) {
		b.Fatalf("section page not a listing (err %v)", err)
	}
	b.Run("Extract", func(b *testing.B) {
		for b.Loop() {
			_, _ = Extract(page, nil, Rules{})
		}
	})
	b.Run("IsListing", func(b *testing.B) {
		for b.Loop() {
			IsListing(page, res)
		}
	})
}

// FuzzIsListing checks that no page makes IsListing panic, and that a page
// declaring itself an article is never a listing.
func FuzzIsListing(f *testing.F) {
	f.Add(string(benchListingPage()))
	f.Add(testPage(`<link rel="canonical" href="https://www.valley.example/news"><base href="/">`, storyHTML(true)))
	f.Add(`<table><tr><td><a href="x/y">one two three</a><br><font>four</font></td></tr></table>`)
	f.Fuzz(func(t *testing.T, page string) {
		res, err := Extract([]byte(page), nil, Rules{})
		if err != nil {
			return
		}
		IsListing([]byte(page), res)
		declared := `<meta property="og:type" content="article">` + page
		if IsListing([]byte(declared), res) && declaredType([]byte(declared)) == typeArticle {
			t.Errorf("article declaration ignored")
		}
	})
}
