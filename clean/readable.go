package clean

import (
	"fmt"
	"net/url"

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
