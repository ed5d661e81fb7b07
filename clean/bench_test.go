package clean

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"golang.org/x/net/html"

	"crawler/demosite"
)

// benchPage is one page of the benchmark corpus and the site it belongs to:
// raw is the page as served with its Content-Type, html the same page
// decoded to UTF-8 (for learning, outside timing).
type benchPage struct {
	site      string
	raw, html []byte
	ctype     string
}

// benchPages are the golden sources, every page of the embedded demo site
// (front pages and articles of each outlet, old-style chrome-laden markup)
// plus, when CLEAN_BENCH_DIR names a
// directory, every *.html in it, or, when CLEAN_BENCH_MANIFEST names an
// extract manifest ({"path","site"} lines), its pages grouped by site.
// Pages are also decoded to UTF-8 once, outside timing, for learning.
func benchPages(b *testing.B) []benchPage {
	var pages []benchPage
	add := func(path, site string) {
		raw, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		page, err := DecodeHTML(raw, "")
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, benchPage{site: site, raw: raw, html: page})
	}
	for _, dir := range goldenCases(b) {
		add(filepath.Join(dir, "source.html"), "golden")
	}
	pages = append(pages, demoPages(b)...)
	if dir := os.Getenv("CLEAN_BENCH_DIR"); dir != "" {
		more, err := filepath.Glob(filepath.Join(dir, "*.html"))
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range more {
			add(p, dir)
		}
	}
	if m := os.Getenv("CLEAN_BENCH_MANIFEST"); m != "" {
		f, err := os.Open(m)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var e struct{ Path, Site string }
			if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
				b.Fatal(err)
			}
			add(e.Path, e.Site)
		}
	}
	return pages
}

// demoPages renders every front page and article of the demo outlets
// in-process, with no listener.
func demoPages(b *testing.B) []benchPage {
	rendered, err := demosite.RenderPages()
	if err != nil {
		b.Fatal(err)
	}
	var pages []benchPage
	for _, r := range rendered {
		page, err := DecodeHTML(r.Body, r.ContentType)
		if err != nil {
			b.Fatalf("demo outlet %s %s: %v", r.Outlet, r.Path, err)
		}
		pages = append(pages, benchPage{site: r.Outlet, raw: r.Body, html: page, ctype: r.ContentType})
	}
	return pages
}

// BenchmarkExtract compares the whole cleaner, with each site's rules
// learned from the same pages, against readability alone and against
// parse-only (charset decode and x/net/html parse: the floor of any
// DOM-based cleaner). Every sub-benchmark starts from the raw bytes, so the
// charset decode is timed in all three alike. Compare the pages/s metrics
// of the sub-benchmarks of one run; clean-learned also reports its pages/s
// as a share of readability's (ratio) and of parse-only's (floor-ratio).
// Run with -count 3 or more on a shared machine: the sub-benchmarks run
// seconds apart. B/op, allocs/op and MB/s cover pages/op pages.
func BenchmarkExtract(b *testing.B) {
	pages := benchPages(b)
	bySite := map[string][]Sample{}
	var size int64
	for _, p := range pages {
		bySite[p.site] = append(bySite[p.site], Sample{HTML: p.html})
		size += int64(len(p.raw))
	}
	rules := map[string]Rules{}
	for site, samples := range bySite {
		rules[site] = Learn(Rules{Site: site}, samples, t0)
	}
	run := func(b *testing.B, variant func(p benchPage, page []byte) error) float64 {
		b.ReportAllocs()
		b.SetBytes(size)
		start := mallocs()
		for b.Loop() {
			for _, p := range pages {
				page, err := DecodeHTML(p.raw, p.ctype)
				if err == nil {
					err = variant(p, page)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		}
		return reportPages(b, len(pages), start)
	}
	var parsePerSec, readPerSec float64
	b.Run("parse-only", func(b *testing.B) {
		parsePerSec = run(b, func(_ benchPage, page []byte) error {
			_, err := html.Parse(bytes.NewReader(page))
			return err
		})
	})
	b.Run("readability", func(b *testing.B) {
		readPerSec = run(b, func(_ benchPage, page []byte) error {
			_, err := ReadabilityText(page, nil)
			return err
		})
	})
	b.Run("clean-learned", func(b *testing.B) {
		perSec := run(b, func(p benchPage, page []byte) error {
			_, err := Extract(page, nil, rules[p.site])
			return err
		})
		if readPerSec > 0 {
			b.ReportMetric(perSec/readPerSec, "ratio")
		}
		if parsePerSec > 0 {
			b.ReportMetric(perSec/parsePerSec, "floor-ratio")
		}
	})
}

// reportPages reports pages/s, pages/op and allocs/page and returns pages/s.
// start is the heap allocation count before the timed loop.
func reportPages(b *testing.B, n int, start uint64) float64 {
	perSec := float64(b.N*n) / b.Elapsed().Seconds()
	b.ReportMetric(perSec, "pages/s")
	b.ReportMetric(float64(n), "pages/op")
	b.ReportMetric(float64(mallocs()-start)/float64(b.N*n), "allocs/page")
	return perSec
}

func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}
