package demosite

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// maxShared is the largest fraction of one article's five-word shingles
// that another article may share. Near-duplicate detection in the crawler
// must keep every demo article, so they have to differ well beyond that.
// The corpus peaks just under 0.25 (the test logs the figure); the margin
// lets the sentence templates be edited without retuning the seed.
const maxShared = 0.30

func TestOutletsGold(t *testing.T) {
	outlets := Outlets()
	if len(outlets) != 3 {
		t.Fatalf("got %d outlets, want 3", len(outlets))
	}
	names, titles, langs := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, o := range outlets {
		names[o.Name] = true
		langs[o.Lang] = true
		if len(o.Articles) < 20 {
			t.Errorf("%s: %d articles, want at least 20", o.Name, len(o.Articles))
		}
		paths := map[string]bool{}
		for _, a := range o.Articles {
			if titles[a.Title] || paths[a.Path] {
				t.Errorf("%s: duplicate title or path %q %q", o.Name, a.Title, a.Path)
			}
			titles[a.Title], paths[a.Path] = true, true
			checkArticle(t, o, a)
		}
	}
	if len(names) != 3 {
		t.Errorf("outlet names not distinct: %v", names)
	}
}

func checkArticle(t *testing.T, o Outlet, a Article) {
	t.Helper()
	if !strings.HasPrefix(a.Path, "/") || a.URL != "" || a.Byline == "" || a.Published.IsZero() {
		t.Errorf("%s %q: bad fields path=%q url=%q byline=%q published=%v", o.Name, a.Title, a.Path, a.URL, a.Byline, a.Published)
	}
	if n := len(a.Paragraphs); n < 4 || n > 8 {
		t.Errorf("%s %q: %d paragraphs, want 4 to 8", o.Name, a.Title, n)
	}
	for _, p := range append([]string{a.Title}, a.Paragraphs...) {
		if strings.ContainsAny(p, "${}|") {
			t.Errorf("%s %q: unexpanded template in %q", o.Name, a.Title, p)
		}
	}
	for _, p := range a.Paragraphs {
		if msg := proseFault(p); msg != "" {
			t.Errorf("%s %q: %s in %q", o.Name, a.Title, msg, p)
		}
		if n := words(p); n < minWords || n > maxWords {
			t.Errorf("%s %q: paragraph of %d words, want %d to %d: %q", o.Name, a.Title, n, minWords, maxWords, p)
		}
		for _, c := range o.Chrome {
			if strings.Contains(p, c) {
				t.Errorf("%s %q: gold paragraph contains chrome line %q", o.Name, a.Title, c)
			}
		}
	}
}

// proseFault reports slips that template assembly could introduce: a word
// repeated ("the the"), stray spacing, or a paragraph that does not end a
// sentence.
func proseFault(p string) string {
	w := strings.Fields(strings.ToLower(p))
	for i := 1; i < len(w); i++ {
		if w[i] == w[i-1] {
			return "repeated word " + w[i]
		}
	}
	switch {
	case strings.Contains(p, "  ") || strings.Contains(p, " ,") || strings.Contains(p, " ."):
		return "stray space"
	case !strings.HasSuffix(p, ".") && !strings.HasSuffix(p, ".\""):
		return "unfinished sentence"
	}
	return ""
}

func TestOutletsDeterministic(t *testing.T) {
	if d := cmp.Diff(Outlets(), Outlets()); d != "" {
		t.Errorf("Outlets differ between calls (-first +second)\n%s", d)
	}
}

func TestArticlesAreNotNearDuplicates(t *testing.T) {
	var arts []Article
	for _, o := range Outlets() {
		arts = append(arts, o.Articles...)
	}
	sets := make([]map[string]bool, len(arts))
	for i, a := range arts {
		sets[i] = shingles(a.Paragraphs)
	}
	worst := 0.0
	for i := range arts {
		for j := i + 1; j < len(arts); j++ {
			f := sharedFraction(sets[i], sets[j])
			worst = max(worst, f)
			if f > maxShared {
				t.Errorf("%q and %q share %.0f%% of their shingles", arts[i].Title, arts[j].Title, 100*f)
			}
		}
	}
	t.Logf("largest shared fraction of 5-word shingles: %.3f over %d articles", worst, len(arts))
}

func shingles(paras []string) map[string]bool {
	w := strings.Fields(strings.ToLower(strings.Join(paras, " ")))
	set := map[string]bool{}
	for i := 0; i+5 <= len(w); i++ {
		set[strings.Join(w[i:i+5], " ")] = true
	}
	return set
}

// sharedFraction is |a∩b| / min(|a|,|b|): how much of the smaller article
// the other one repeats.
func sharedFraction(a, b map[string]bool) float64 {
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return float64(n) / float64(min(len(a), len(b)))
}

func TestExpand(t *testing.T) {
	v := map[string]string{"TOWN": "Larkford", "P1": "Una Varga", "P1L": "Varga"}
	tests := []struct{ name, in, want string }{
		{"variables", "$P1L met $P1 in $TOWN.", "Varga met Una Varga in Larkford."},
		{"capitalises", "{the|the} council", "The council"},
		{"unknown variable kept", "$NOPE and $", "$NOPE and $"},
		{"unclosed brace kept", "a {b", "A {b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := expand(newRNG(1), tt.in, v); got != tt.want {
				t.Errorf("expand(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
