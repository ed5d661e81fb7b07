package clean

import (
	"strings"
	"testing"
)

func hasBlock(res Result, text, reason string, kept bool) bool {
	for _, b := range res.Blocks {
		if strings.Contains(b.Text, text) && b.Reason == reason && b.Kept == kept {
			return true
		}
	}
	return false
}

const prose = "The committee met for six hours on Thursday and heard from farmers, engineers and the water board before it settled on a plan."

// TestJSONLDProtects keeps a block that a filter would drop when the page
// declares it part of its article body.
func TestJSONLDProtects(t *testing.T) {
	tagline := "Share your water-saving ideas with the board before the end of the month, by mail or online."
	page := `<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"` +
		prose + ` ` + tagline + `"}</script></head><body><article>
<p>` + prose + `</p><p>` + prose + ` Again.</p><p>` + prose + ` Once more.</p>
<div class="newsletter-signup"><p>` + tagline + `</p></div></article></body></html>`
	res, err := Extract([]byte(page), nil, Rules{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, tagline) || !hasBlock(res, tagline, reasonJSONLD, true) {
		t.Errorf("articleBody text dropped:\n%+v", res.Blocks)
	}

	// The same page without JSON-LD: the newsletter box goes.
	bare := strings.Replace(page, "articleBody", "description", 1)
	res, err = Extract([]byte(bare), nil, Rules{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(res.Text, tagline) {
		t.Errorf("newsletter box kept without JSON-LD protection")
	}
}

// TestJSONLDFallback uses the declared body when readability finds only a
// teaser.
func TestJSONLDFallback(t *testing.T) {
	body := strings.Repeat(prose+"\\n", 8)
	page := `<html><head><script type="application/ld+json">{"articleBody":"` + body + `"}</script></head>
<body><div class="teaser"><p>Short teaser that links on to the app, nothing more.</p></div></body></html>`
	res, err := Extract([]byte(page), nil, Rules{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Paragraphs) != 8 || res.Paragraphs[0] != prose {
		t.Fatalf("paragraphs %q", res.Paragraphs)
	}
	if !hasBlock(res, prose, FallbackJSONLD, true) {
		t.Errorf("fallback not recorded in Blocks")
	}
}

func TestFilters(t *testing.T) {
	tests := []struct {
		name, html, gone, reason string
	}{
		{"dateline", `<p>Updated: March 14, 2024 9:30 AM ET</p>`, "Updated", FilterDateline},
		{"byline", `<p>By Dana Whitfield and Sam Ortega</p>`, "Dana", FilterByline},
		{"german chrome", `<p>Weiterlesen</p>`, "Weiterlesen", FilterPhrase},
		{"french chrome", `<p>Lire aussi</p>`, "Lire", FilterPhrase},
		{"image caption", `<div><img src="a.jpg"><p>The new ferry at its berth</p></div>`, "new ferry", FilterCaption},
		{"link list", `<ul><li><a href="/a">Council passes budget with small tax increase</a></li></ul>`, "Council passes", FilterLinkDense},
		{"credit line after caption", `<table align="right"><tr><td><img src="a.jpg"><br><font size="1">The ferry leaves the harbour at dawn on its first run of the season.<br>Photo: Staff Photographer</font></td></tr></table>`, "Staff Photographer", FilterCaption},
		{"trailing copyright credit", `<div class="visual"><div class="description">The new terminal seen from the river. © Jane Roe / Example Agency</div></div>`, "new terminal", FilterCaption},
		{"figure label", `<p>Abbildung 4: Querschnitt durch die Schneedecke mit der schwachen Schicht in der Mitte.</p>`, "Querschnitt", FilterCaption},
		{"print widget", `<div><a href="#print">Rezept drucken</a> Bei Pinterest speichern</div>`, "Rezept drucken", FilterPhrase},
		{"contact label", `<h3>Kontakt:</h3>`, "Kontakt", FilterPhrase},
		{"more heading", `<h3>Weitere Informationen zum Thema Verkehr:</h3>`, "Weitere Informationen", FilterPhrase},
		{"opinion disclaimer", `<p>Dieser Beitrag gibt die Meinung des Autors wieder, nicht die der Redaktion.</p>`, "Meinung des Autors", FilterPhrase},
		{"support appeal", `<div class="box"><p>Gefällt dir unser Magazin? Wir haben uns gegen eine Bezahlschranke entschieden, und das soll so bleiben. Dafür brauchen wir deine Unterstützung: Mit einem kleinen monatlichen Beitrag hilfst du uns, weiter unabhängig zu berichten.</p></div>`, "Bezahlschranke", FilterPhrase},
		{"post metadata", `<p class="postmeta">This entry was posted in General, Local News and Weather by the editors on a Tuesday evening. Bookmark the permalink.</p>`, "This entry", FilterDateline},
		{"reading time", `<p>12. März 2021, 06:29<br>Lesezeit: 3 Minuten</p>`, "Lesezeit", FilterDateline},
		{"polish date", `<p>16 marca 2021</p>`, "marca", FilterDateline},
		{"update stamp after a name", `<div>Jane RoeAktualisiert: 11.04.2020, 10:27</div>`, "Aktualisiert", FilterDateline},
		{"php warning", `<p>Warning: Creating default object from empty value in /www/htdocs/site/wp-includes/classes.php on line 407</p>`, "Creating default", FilterMarkup},
		{"author box", `<div class="site-author-box"><p class="author-box--content">Hello, I am a food writer, cookbook author and journalist who has baked since childhood and now tests recipes for a living.</p></div>`, "food writer", FilterChromeClass},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html><body><article><p>` + prose + `</p>` + tt.html + `<p>` + prose + ` Again.</p><p>` + prose + ` Once more.</p></article></body></html>`
			res, err := Extract([]byte(page), nil, Rules{})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(res.Text, tt.gone) {
				t.Errorf("%q kept:\n%s", tt.gone, res.Text)
			}
			if !hasBlock(res, tt.gone, tt.reason, false) {
				t.Errorf("no block %q dropped as %s: %+v", tt.gone, tt.reason, res.Blocks)
			}
			if !strings.Contains(res.Text, "Once more.") {
				t.Errorf("article text lost:\n%s", res.Text)
			}
		})
	}
}

// TestOverlayStateClass keeps an article whose container carries an
// overlay word as a state ("modal-enabled"), and still prunes a real modal.
func TestOverlayStateClass(t *testing.T) {
	page := `<html><body><div class="box article modal-enabled"><p>` + prose + `</p><p>` + prose +
		` Again.</p><p>` + prose + ` Once more.</p></div><div class="login-modal"><p>Log in to your account to keep reading.</p></div>` +
		`<ul>` + strings.Repeat(`<li><a href="/s">Section front with more local stories</a></li>`, 10) + `</ul></body></html>`
	res, err := Extract([]byte(page), nil, Rules{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "Once more.") {
		t.Errorf("article in a modal-enabled container lost:\n%s", res.Text)
	}
	if strings.Contains(res.Text, "Log in to your account") || !hasBlock(res, "Log in to your account", FilterOverlay, false) {
		t.Errorf("login modal not pruned: %+v", res.Blocks)
	}
}

// TestTailSections puts back the sections of an article that the page
// keeps in sibling containers, with their sub-headings, and not the
// teaser list after them.
func TestTailSections(t *testing.T) {
	long := func(s string) string { return s + " " + prose + " " + prose }
	section := func(h, p string) string {
		return `<div><div class="section"><h2>` + h + `</h2><div class="text"><p>` + long(p) + `</p></div></div></div>`
	}
	page := `<html><body><nav><a href="/">Home</a></nav><div class="story">` +
		`<div><div class="section"><div class="text"><p>` + long("First section opens the story.") + `</p><p>` +
		long("First section goes on.") + `</p><p>` + long("First section ends here.") + `</p></div></div></div>` +
		section("Second heading", "Second section text.") + section("Third heading", "Third section text.") +
		`</div><div class="teasers"><p><a href="/x">Other story</a></p><p><a href="/y">Another story</a></p></div></body></html>`
	res, err := Extract([]byte(page), nil, Rules{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"First section ends here.", "Second heading", "Second section text.", "Third section text."} {
		if !strings.Contains(res.Text, want) {
			t.Errorf("%q missing:\n%s", want, res.Text)
		}
	}
	if strings.Contains(res.Text, "Other story") {
		t.Errorf("teaser kept:\n%s", res.Text)
	}
}
