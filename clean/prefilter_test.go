package clean

import (
	"testing"
	"unicode/utf8"
)

// TestPhrasePrecheckNeverRejectsAMatch swaps the first two bytes of known
// matches for every ASCII pair: wherever the regexp itself matches, the
// pre-check must let the text through.
func TestPhrasePrecheckNeverRejectsAMatch(t *testing.T) {
	cases := []struct {
		name    string
		p       *phraseRegexp
		matches []string
	}{
		{"chromePhrase", chromePhrase, []string{"Leave a Reply", "12 Comments", "Share this article", "Kommentare (3)", "(noch keine Bewertungen)", "Anzeige", "Drucken", "Read more"}},
		{"postMeta", postMeta, []string{"This entry was posted in News", "Bookmark the permalink."}},
		{"supportPrompt", supportPrompt, []string{"Wenn Ihnen unser Artikel gefallen hat"}},
		{"moreHeading", moreHeading, []string{"More news", "Mehr zum Thema"}},
		{"figureLabel", figureLabel, []string{"Figure 2: growth", "Abb. 3."}},
		{"commentHeading", commentHeading, []string{"3 Comments", "Kommentare"}},
		{"bylinePhrase", bylinePhrase, []string{"By Jane Doe", "von Max Muster"}},
		{"markupLeak", markupLeak, []string{`<img src="x">`, "<a href=y>"}},
		{"phpError", phpError, []string{"Warning: include(): failed", "Notice: undefined"}},
	}
	for _, c := range cases {
		if c.p.viable == nil {
			t.Errorf("%s: anchored regexp got no pre-check", c.name)
		}
		for _, m := range c.matches {
			if !c.p.MatchString(m) {
				t.Errorf("%s: %q does not match", c.name, m)
			}
			for a := range utf8.RuneSelf {
				for b := range utf8.RuneSelf {
					s := string([]byte{byte(a), byte(b)}) + m[2:]
					if got, want := c.p.MatchString(s), c.p.re.MatchString(s); got != want {
						t.Fatalf("%s: MatchString(%q) = %v, regexp says %v", c.name, s, got, want)
					}
				}
			}
		}
	}
}

func TestPhrasePrecheck(t *testing.T) {
	p := mustPhrase(`(?i)^(?:ab|k\d)`)
	for s, want := range map[string]bool{
		"abc": true, "ABc": true, "k1": true, "K9x": true,
		"\u212a1": true, // Kelvin sign folds to k; non-ASCII always reaches the regexp
		"ac":      false, "ka": false, "xab": false, "a": false, "": false,
	} {
		if got := p.MatchString(s); got != want {
			t.Errorf("MatchString(%q) = %v, want %v", s, got, want)
		}
	}
	if p.viable['a']['c'>>6]&(1<<('c'&63)) != 0 || p.viable['a']['b'>>6]&(1<<('b'&63)) == 0 {
		t.Errorf("pair table wrong for a?")
	}
	// Unanchored or empty-matching regexps cannot be pre-checked.
	for _, expr := range []string{`(?i)ab`, `^(?:ab)?`, `(?m)^ab`} {
		if mustPhrase(expr).viable != nil {
			t.Errorf("%s: got a pre-check", expr)
		}
	}
	// A match complete after one byte lets any second byte through.
	if !mustPhrase(`^a`).MatchString("a\x00") {
		t.Errorf("^a must match a\\x00")
	}
}
