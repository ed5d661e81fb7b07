package crawler

import "time"

// Document is one cleaned article as stored and exported.
type Document struct {
	// URL is the address as first discovered.
	URL string `json:"url"`
	// FinalURL is the address after redirects.
	FinalURL string `json:"final_url"`
	// CanonicalURL is the normalised address used as the storage key and for dedup.
	CanonicalURL string `json:"canonical_url"`
	// Site is the host of CanonicalURL without a leading "www.".
	Site      string    `json:"site"`
	Title     string    `json:"title"`
	Byline    string    `json:"byline"`
	Published time.Time `json:"published"`
	Language  string    `json:"language"`
	// Text is the clean article body, paragraphs separated by blank lines.
	Text      string    `json:"text"`
	FetchedAt time.Time `json:"fetched_at"`
	// ContentHash is the hex SHA-256 of Text, for exact dedup.
	ContentHash string `json:"content_hash"`
	// SimHash is a 64-bit SimHash of Text, for near-duplicate detection.
	SimHash uint64 `json:"simhash"`
	// Job names the crawl job that stored the document.
	Job string `json:"job"`
	// RulesVersion is the version of the site rules the text was cleaned with.
	RulesVersion int `json:"rules_version"`
}

// Page is a fetched page's raw HTML, kept so it can be cleaned again when
// rules change. Body is UTF-8 HTML in memory; storage compresses it.
type Page struct {
	// URL is the canonical URL of the document the page belongs to.
	URL          string    `json:"url"`
	FinalURL     string    `json:"final_url"`
	Status       int       `json:"status"`
	ContentType  string    `json:"content_type"`
	ETag         string    `json:"etag"`
	LastModified string    `json:"last_modified"`
	FetchedAt    time.Time `json:"fetched_at"`
	Body         []byte    `json:"-"`
	// ExtractorVersion and RulesVersion record what cleaned the page last.
	ExtractorVersion string `json:"extractor_version"`
	RulesVersion     int    `json:"rules_version"`
}

// RunReport summarises one run of a crawl job.
type RunReport struct {
	Job      string        `json:"job"`
	ID       string        `json:"id"`
	Start    time.Time     `json:"start"`
	Duration time.Duration `json:"duration"`
	// Fetched counts HTTP requests for pages (not robots.txt).
	Fetched       int `json:"fetched"`
	Stored        int `json:"stored"`
	Duplicates    int `json:"duplicates"`
	NotModified   int `json:"not_modified"`
	Failed        int `json:"failed"`
	RobotsBlocked int `json:"robots_blocked"`
	// Skipped is true when the run did not start because the previous one was still going.
	Skipped bool   `json:"skipped"`
	Err     string `json:"error,omitempty"`
}
