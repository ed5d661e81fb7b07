package main

import (
	"archive/tar"
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ulikunitz/xz"

	"crawler/clean"
	"crawler/demosite"
)

// maxBenchPage bounds one page read from a dataset archive, so a corrupt
// size field cannot make the benchmark swallow the machine's memory.
const maxBenchPage = 32 << 20

// cleanPage is one page of the cleaning benchmark: raw is the page as
// served, with its Content-Type when one is known; html is raw decoded to
// UTF-8, used only for learning the site's rules.
type cleanPage struct {
	site  string
	url   *url.URL
	raw   []byte
	ctype string
	html  []byte
}

// truthLine is the part of a truth.jsonl line the benchmark needs.
type truthLine struct {
	ID   string `json:"id"`
	URL  string `json:"url"`
	Site string `json:"site"`
	Host string `json:"host"`
}

// loadCleanDatasets reads every dataset under dir (DIR/*/pages.tar.xz with
// its truth.jsonl) in the order of truth.jsonl. It returns the names of the
// datasets read; none, with no error, when dir holds no dataset or does not
// exist.
func loadCleanDatasets(ctx context.Context, dir string) ([]cleanPage, []string, error) {
	archives, err := filepath.Glob(filepath.Join(dir, "*", "pages.tar.xz"))
	if err != nil {
		return nil, nil, fmt.Errorf("bench datasets %s: %w", dir, err)
	}
	var pages []cleanPage
	var names []string
	for _, a := range archives {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		ds := filepath.Dir(a)
		more, err := loadCleanDataset(ds)
		if err != nil {
			return nil, nil, fmt.Errorf("bench dataset %s: %w", ds, err)
		}
		pages = append(pages, more...)
		names = append(names, filepath.Base(ds))
	}
	return pages, names, nil
}

// loadCleanDataset reads one dataset directory. Every page truth.jsonl
// names must be in the archive and every page of the archive in
// truth.jsonl: a mismatch means a damaged dataset, not one to measure.
func loadCleanDataset(dir string) ([]cleanPage, error) {
	truth, err := readTruthFile(dir)
	if err != nil {
		return nil, err
	}
	body, err := readPagesTarXZ(dir)
	if err != nil {
		return nil, err
	}
	pages := make([]cleanPage, 0, len(truth))
	for _, t := range truth {
		raw, ok := body[t.ID]
		if !ok {
			return nil, fmt.Errorf("page %q of truth.jsonl missing from pages.tar.xz", t.ID)
		}
		delete(body, t.ID)
		p := cleanPage{site: t.Site, raw: raw}
		if u, err := url.Parse(t.URL); err == nil && t.URL != "" {
			p.url = u
		}
		if p.site == "" {
			p.site = t.Host
		}
		if p.site == "" && p.url != nil {
			p.site = p.url.Hostname()
		}
		pages = append(pages, p)
	}
	if len(body) > 0 {
		extra := slices.Sorted(maps.Keys(body))
		return nil, fmt.Errorf("%d pages.tar.xz members not in truth.jsonl, first %q", len(extra), extra[0]+".html")
	}
	return pages, nil
}

// readTruthFile reads dir/truth.jsonl: one JSON object per line, each
// with a distinct id. Errors name the file relative to dir.
func readTruthFile(dir string) ([]truthLine, error) {
	const path = "truth.jsonl"
	f, err := os.Open(filepath.Join(dir, path))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []truthLine
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), maxBenchPage)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var t truthLine
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if t.ID == "" || seen[t.ID] {
			return nil, fmt.Errorf("%s:%d: missing or repeated id %q", path, n, t.ID)
		}
		seen[t.ID] = true
		out = append(out, t)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// readPagesTarXZ reads dir/pages.tar.xz, an xz-compressed tar of
// <id>.html members, into memory, keyed by id. Other member types
// (directories) are skipped; a regular member not named <id>.html is an
// error. Errors name the file relative to dir.
func readPagesTarXZ(dir string) (map[string][]byte, error) {
	const path = "pages.tar.xz"
	f, err := os.Open(filepath.Join(dir, path))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := xz.NewReader(bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	pages := map[string][]byte{}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return pages, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: corrupt or truncated after %d pages: %w", path, len(pages), err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		id, ok := strings.CutSuffix(h.Name, ".html")
		if !ok || id == "" || strings.Contains(id, "/") {
			return nil, fmt.Errorf("%s: unexpected member %q (want <id>.html)", path, h.Name)
		}
		if h.Size > maxBenchPage {
			return nil, fmt.Errorf("%s: member %q is %d bytes, over the %d limit", path, h.Name, h.Size, maxBenchPage)
		}
		body, err := io.ReadAll(tr)
		if err != nil {
			return nil, fmt.Errorf("%s: member %q: %w", path, h.Name, err)
		}
		pages[id] = body
	}
}

// demoCleanPages renders every front page and article of the demo outlets
// in-process, with no listener: the corpus when no dataset is at hand.
func demoCleanPages() ([]cleanPage, error) {
	rendered, err := demosite.RenderPages()
	if err != nil {
		return nil, err
	}
	pages := make([]cleanPage, 0, len(rendered))
	for _, r := range rendered {
		u := &url.URL{Scheme: "http", Host: "127.0.0.1", Path: r.Path}
		pages = append(pages, cleanPage{site: r.Outlet, url: u, raw: r.Body, ctype: r.ContentType})
	}
	return pages, nil
}

// decodeCleanPages decodes every page to UTF-8 once, for learning.
func decodeCleanPages(pages []cleanPage) error {
	for i := range pages {
		p := &pages[i]
		html, err := clean.DecodeHTML(p.raw, p.ctype)
		if err != nil {
			return fmt.Errorf("decode page %d of %s: %w", i, p.site, err)
		}
		p.html = html
	}
	return nil
}

// spreadCleanPages keeps at most n pages taken at even steps through all
// of them, so a small sample still spans the datasets and sites.
func spreadCleanPages(pages []cleanPage, n int) []cleanPage {
	if n <= 0 || len(pages) <= n {
		return pages
	}
	out := make([]cleanPage, n)
	for i := range out {
		out[i] = pages[i*len(pages)/n]
	}
	return out
}
