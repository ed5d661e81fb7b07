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
