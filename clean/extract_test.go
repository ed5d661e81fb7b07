package clean

import (
	"encoding/json"
	"errors"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// goldenMeta is a case's meta.json: metadata and why each block was dropped.
type goldenMeta struct {
	Title     string   `json:"title"`
	Byline    string   `json:"byline"`
	SiteName  string   `json:"siteName"`
	Language  string   `json:"language"`
	Published string   `json:"published"`
	Removed   []string `json:"removed"` // "reason: text"
}

func metaOf(res Result) goldenMeta {
	m := goldenMeta{Title: res.Title, Byline: res.Byline, SiteName: res.SiteName, Language: res.Language}
	if !res.Published.IsZero() {
		m.Published = res.Published.UTC().Format(time.RFC3339)
	}
	for _, r := range res.Removed {
		m.Removed = append(m.Removed, r.Reason+": "+truncate(r.Text, 80))
	}
	return m
}

// goldenCases lists testdata/<case>/ directories holding a source.html.
func goldenCases(t testing.TB) []string {
	dirs, err := filepath.Glob("testdata/*/source.html")
	if err != nil {
		t.Fatal(err)
	}
	for i := range dirs {
		dirs[i] = filepath.Dir(dirs[i])
	}
	return dirs
}

func readRules(t testing.TB, dir string) Rules {
	text, err := os.ReadFile(filepath.Join(dir, "rules.txt"))
	if errors.Is(err, os.ErrNotExist) {
		return Rules{}
	}
	if err != nil {
		t.Fatal(err)
	}
	r, err := ParseRules(text)
	if err != nil {
		t.Fatalf("%s/rules.txt: %v", dir, err)
	}
	return r
}

// TestGolden cleans every testdata case and compares the text and the
// metadata with expected.txt and meta.json; -update rewrites them.
func TestGolden(t *testing.T) {
	for _, dir := range goldenCases(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, "source.html"))
			if err != nil {
				t.Fatal(err)
			}
			u, _ := url.Parse("https://news.example/" + filepath.Base(dir))
			res, err := Extract(src, u, readRules(t, dir))
			if err != nil {
				t.Fatal(err)
			}
			meta, err := json.MarshalIndent(metaOf(res), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			compareGolden(t, filepath.Join(dir, "expected.txt"), []byte(res.Text+"\n"))
			compareGolden(t, filepath.Join(dir, "meta.json"), append(meta, '\n'))
		})
	}
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("%s (-want +got)\n%s", path, d)
	}
}

// TestChromeRemoved checks, on a page that carries them in ordinary
// WordPress-style markup, that the usual chrome lines go and the article
// stays, each removal with a reason.
func TestChromeRemoved(t *testing.T) {
	src, err := os.ReadFile("testdata/chrome-blog/source.html")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(src, nil, Rules{})
	if err != nil {
		t.Fatal(err)
	}
	for _, chrome := range []string{
		"Join the conversation as a VIP Member", "Trending on RedState Video", "Connect with us",
		"Continue Reading", "Click to comment", "Leave a Reply",
		"Your email address will not be published", "Required fields are marked",
		"Photo by Sam Ortega", "Share on Facebook", "Related Stories", "Ferry service",
		"Sign up for our free", "All rights reserved", "Most Popular", "Privacy Policy",
	} {
		if strings.Contains(res.Text, chrome) {
			t.Errorf("chrome %q left in the text", chrome)
		}
	}
	for _, body := range []string{
		"The city council voted seven to two", "We have studied this bridge to death",
		"Construction is expected to start next spring",
	} {
		if !strings.Contains(res.Text, body) {
			t.Errorf("article text %q lost", body)
		}
	}
	if got := strings.Count(res.Text, "City Council Approves New Harbor Bridge Plan"); got != 0 {
		t.Errorf("headline repeated %d times in the body", got)
	}
	if res.Title != "City Council Approves New Harbor Bridge Plan" {
		t.Errorf("title %q", res.Title)
	}
	for _, r := range res.Removed {
		if r.Reason == "" {
			t.Errorf("removal without reason: %q", r.Text)
		}
	}
}
