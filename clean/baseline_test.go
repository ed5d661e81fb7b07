package clean

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadabilityText checks that the baseline is readability with none of
// Extract's filters: it finds the same article, and every block Extract's
// generic filters drop from it is still there.
func TestReadabilityText(t *testing.T) {
	for _, name := range []string{"chrome-blog", "inline-chrome"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("testdata", name)
			src, err := os.ReadFile(filepath.Join(dir, "source.html"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join(dir, "expected.txt"))
			if err != nil {
				t.Fatal(err)
			}
			u, _ := url.Parse("https://news.example/" + name)
			got, err := ReadabilityText(src, u)
			if err != nil {
				t.Fatal(err)
			}
			lead, _, _ := strings.Cut(strings.TrimSpace(string(want)), "\n")
			if !strings.Contains(got, lead) {
				t.Errorf("baseline text lacks the article's first paragraph %q:\n%s", lead, got)
			}
			res, err := Extract(src, u, Rules{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Removed) == 0 {
				t.Fatal("Extract removed nothing: the case no longer tells the baseline from the cleaner")
			}
			for _, r := range res.Removed {
				if !strings.Contains(got, r.Text) {
					t.Errorf("baseline text lacks %q, which Extract dropped (%s): it filtered", r.Text, r.Reason)
				}
			}
		})
	}
}

// TestReadabilityTextBadInput feeds pages with no article and no HTML.
func TestReadabilityTextBadInput(t *testing.T) {
	for _, tt := range []struct{ name, page string }{
		{"empty", ""},
		{"binary", "\x00\x01\x02\xff\xfe"},
		{"no article", "<html><body><nav><a href=/>Home</a></nav></body></html>"},
		{"unclosed", "<html><body><div><p>Half a page<div><span>"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ReadabilityText([]byte(tt.page), nil); err != nil {
				t.Errorf("ReadabilityText(%q) = error %v, want none", tt.page, err)
			}
		})
	}
}
