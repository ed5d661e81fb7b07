package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"crawler"
	"crawler/storage"
)

// exportLine is one line of `crawler export`: exactly these fields.
type exportLine struct {
	URL          string `json:"url"`
	FinalURL     string `json:"final_url"`
	CanonicalURL string `json:"canonical_url"`
	Site         string `json:"site"`
	Title        string `json:"title"`
	Byline       string `json:"byline"`
	Published    string `json:"published"`
	Language     string `json:"language"`
	Text         string `json:"text"`
	FetchedAt    string `json:"fetched_at"`
	ContentHash  string `json:"content_hash"`
}

func newExportLine(d *crawler.Document) exportLine {
	l := exportLine{
		URL: d.URL, FinalURL: d.FinalURL, CanonicalURL: d.CanonicalURL, Site: d.Site,
		Title: d.Title, Byline: d.Byline, Language: d.Language, Text: d.Text,
		FetchedAt: d.FetchedAt.UTC().Format(time.RFC3339), ContentHash: d.ContentHash,
	}
	if !d.Published.IsZero() {
		l.Published = d.Published.Format(time.RFC3339)
	}
	return l
}

// runExport is `crawler export`: stored documents as JSON lines on stdout.
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("export", "Usage: crawler export -config FILE [-site HOST] [-since RFC3339]\n\n"+
		"Writes every stored document as one JSON object per line with the fields\n"+
		"url, final_url, canonical_url, site, title, byline, published (RFC 3339\n"+
		"or \"\"), language, text (paragraphs separated by blank lines), fetched_at\n"+
		"and content_hash. Opens the database read-only; it fails while a daemon\n"+
		"holds it.", stderr)
	configPath := fs.String("config", "", "configuration `file` (required)")
	site := fs.String("site", "", "export only documents of this `host` (without \"www.\")")
	since := fs.String("since", "", "export only documents fetched at or after this RFC 3339 `time`")
	if err := fs.Parse(args); err != nil {
		return err
	}
	filter := storage.DocumentFilter{Site: *site}
	if *since != "" {
		t, err := time.Parse(time.RFC3339, *since)
		if err != nil {
			return fmt.Errorf("-since %q: want RFC 3339 such as 2026-01-02T15:04:05Z", *since)
		}
		filter.Since = t
	}
	cfg, err := loadConfigFlag(fs, *configPath)
	if err != nil {
		return err
	}
	db, err := openStore(cfg.Storage, true)
	if err != nil {
		return err
	}
	defer db.Close()
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	err = db.Documents(ctx, filter, func(d *crawler.Document) error {
		return enc.Encode(newExportLine(d))
	})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
