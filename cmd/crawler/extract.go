package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"time"

	"crawler/clean"
)

// manifestEntry is one line of an extract manifest.
type manifestEntry struct {
	ID   string `json:"id"`
	URL  string `json:"url"`
	Path string `json:"path"`
	Site string `json:"site"`
}

// extractOutput is one line of extract's output.
type extractOutput struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Byline    string `json:"byline"`
	Published string `json:"published"`
	Language  string `json:"language"`
	Text      string `json:"text"`
	Error     string `json:"error,omitempty"`
}

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	manifest := fs.String("manifest", "", "JSONL `file` with one {\"id\",\"url\",\"path\",\"site\"} object per line (required)")
	out := fs.String("out", "", "JSONL `file` to write, one {\"id\",\"text\",...} object per line (required)")
	learn := fs.Bool("learn", false, "learn each site's rules from all its manifest pages first, then apply them")
	fs.Usage = func() {
		fmt.Fprintln(stderr, `Usage: crawler extract -manifest M.jsonl -out P.jsonl [-learn]

Cleans every HTML file of the manifest with no network access and writes
one {"id","text",...} line per entry; text is the headline, a blank line,
then the article body.

With -learn, entries are grouped by their "site" field; each site's rules
are learned from all of its pages first (the same clean.Learn the crawler
runs after a crawl), then every page is cleaned with them. Without it only
the generic filters apply.`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *manifest == "" || *out == "" {
		fs.Usage()
		return fmt.Errorf("-manifest and -out are required")
	}
	entries, err := readManifest(*manifest)
	if err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("create output: %w", err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	rules := map[string]clean.Rules{}
	if *learn {
		if rules, err = learnSites(ctx, entries); err != nil {
			f.Close()
			return err
		}
	}
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			f.Close()
			return err
		}
		if err := enc.Encode(extractOne(e, rules[e.Site])); err != nil {
			f.Close()
			return fmt.Errorf("write output: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write output: %w", err)
	}
	return f.Close()
}

func readManifest(path string) ([]manifestEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open manifest: %w", err)
	}
	defer f.Close()
	var entries []manifestEntry
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var e manifestEntry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("manifest %s line %d: %w", path, line, err)
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	return entries, nil
}

func extractOne(e manifestEntry, rules clean.Rules) extractOutput {
	out := extractOutput{ID: e.ID, URL: e.URL}
	raw, err := os.ReadFile(e.Path)
	if err != nil {
		out.Error = err.Error()
		return out
	}
	html, err := clean.DecodeHTML(raw, "")
	if err != nil {
		out.Error = err.Error()
		return out
	}
	u, _ := url.Parse(e.URL)
	res, err := clean.Extract(html, u, rules)
	if err != nil {
		out.Error = err.Error()
		return out
	}
	out.Title, out.Byline, out.Language, out.Text = res.Title, res.Byline, res.Language, articleText(res)
	if !res.Published.IsZero() {
		out.Published = res.Published.Format(time.RFC3339)
	}
	return out
}

// articleText is the headline followed by the body, the form the benchmark
// gold and the stored articles use.
func articleText(res clean.Result) string {
	if res.Title == "" {
		return res.Text
	}
	if res.Text == "" {
		return res.Title
	}
	return res.Title + "\n\n" + res.Text
}

// learnSites learns one rule set per site from all of that site's manifest
// pages. Unreadable pages are skipped here; extractOne reports them.
func learnSites(ctx context.Context, entries []manifestEntry) (map[string]clean.Rules, error) {
	bySite := map[string][]manifestEntry{}
	var order []string
	for _, e := range entries {
		if _, ok := bySite[e.Site]; !ok {
			order = append(order, e.Site)
		}
		bySite[e.Site] = append(bySite[e.Site], e)
	}
	now := time.Now()
	rules := make(map[string]clean.Rules, len(order))
	for _, site := range order {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var samples []clean.Sample
		for _, e := range bySite[site] {
			if s, ok := loadSample(e, now); ok {
				samples = append(samples, s)
			}
		}
		rules[site] = clean.Learn(clean.Rules{Site: site}, samples, now)
	}
	return rules, nil
}

func loadSample(e manifestEntry, now time.Time) (clean.Sample, bool) {
	raw, err := os.ReadFile(e.Path)
	if err != nil {
		return clean.Sample{}, false
	}
	html, err := clean.DecodeHTML(raw, "")
	if err != nil {
		return clean.Sample{}, false
	}
	u, _ := url.Parse(e.URL)
	return clean.Sample{URL: u, HTML: html, FetchedAt: now}, true
}
