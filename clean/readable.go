package clean

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// readable runs readability on doc (which it mutates) and returns the
// page's metadata and the article's root node (nil when readability found
// none). This is the only place readability is called.
func readable(doc *html.Node, pageURL *url.URL) (Result, *html.Node, error) {
	p := readability.NewParser()
	// Classes carry the chrome signals the generic filters read.
	p.KeepClasses = true
	article, err := p.ParseAndMutate(doc, pageURL)
	if err != nil {
		return Result{}, nil, fmt.Errorf("readability: %w", err)
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
	return res, article.Node, nil
}

// readabilityText is readability alone on one page, with no rules and no
// filters: the baseline the benchmark compares Extract against.
func readabilityText(page []byte, pageURL *url.URL) (string, error) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return "", fmt.Errorf("parse html: %w", err)
	}
	p := readability.NewParser()
	article, err := p.ParseAndMutate(doc, pageURL)
	if err != nil || article.Node == nil {
		return "", err
	}
	var sb strings.Builder
	if err := article.RenderText(&sb); err != nil {
		return "", fmt.Errorf("render text: %w", err)
	}
	return sb.String(), nil
}
