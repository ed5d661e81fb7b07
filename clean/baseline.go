package clean

import "net/url"

// ReadabilityText is readability alone on one page: the baseline the
// cleaner is measured against. It parses html (UTF-8, see DecodeHTML), lets
// readability choose the article with its default settings and renders it
// as plain text, applying no rules and none of Extract's filters, gap-fill
// or fallbacks. pageURL resolves relative links and may be nil. A page on
// which readability finds no article gives "" and a nil error.
func ReadabilityText(html []byte, pageURL *url.URL) (string, error) {
	return readabilityText(html, pageURL)
}
