package clean

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
)

// ExtractorVersion names the cleaning code; stored with each raw page so a
// page can be re-cleaned when the extractor changes.
const ExtractorVersion = "clean/1"

// Result is a cleaned document.
type Result struct {
	Title     string
	Byline    string
	SiteName  string
	Language  string
	Published time.Time
	// Paragraphs are the body's blocks in order; Text joins them with blank lines.
	Paragraphs []string
	Text       string
	// Removed lists every block dropped after readability, with why.
	Removed []Removal
}

// Removal records one dropped block and the rule or filter that dropped it.
type Removal struct {
	Text   string
	Reason string
}

// Extract cleans one page. html must be UTF-8 (see DecodeHTML); pageURL
// resolves relative links and may be nil. The zero Rules applies only the
// generic filters.
func Extract(html []byte, pageURL *url.URL, rules Rules) (Result, error) {
	parser := readability.NewParser()
	article, err := parser.Parse(bytes.NewReader(html), pageURL)
	if err != nil {
		return Result{}, fmt.Errorf("readability: %w", err)
	}
	res := Result{
		Title:    article.Title(),
		Byline:   article.Byline(),
		SiteName: article.SiteName(),
		Language: article.Language(),
	}
	if t, err := article.PublishedTime(); err == nil {
		res.Published = t
	}
	if article.Node != nil {
		var sb strings.Builder
		if err := article.RenderText(&sb); err != nil {
			return Result{}, fmt.Errorf("render text: %w", err)
		}
		for _, p := range strings.Split(sb.String(), "\n") {
			if p = strings.TrimSpace(p); p != "" {
				res.Paragraphs = append(res.Paragraphs, p)
			}
		}
	}
	res.Text = strings.Join(res.Paragraphs, "\n\n")
	return res, nil
}
