package clean

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// benchPage is one page of the benchmark corpus and the site it belongs to.
type benchPage struct {
	site string
	html []byte
}

// benchPages are the golden sources plus, when CLEAN_BENCH_DIR names a
// directory, every *.html in it, or, when CLEAN_BENCH_MANIFEST names an
// extract manifest ({"path","site"} lines), its pages grouped by site.
// Pages are decoded to UTF-8 once, outside timing.
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
		pages = append(pages, benchPage{site, page})
	}
	for _, dir := range goldenCases(b) {
		add(filepath.Join(dir, "source.html"), "golden")
	}
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

// BenchmarkExtract compares the whole cleaner, with each site's rules
// learned from the same pages, against readability alone; compare the
// pages/s metrics of the two sub-benchmarks of one run. B/op and
// allocs/op cover pages/op pages.
func BenchmarkExtract(b *testing.B) {
	pages := benchPages(b)
	bySite := map[string][]Sample{}
	for _, p := range pages {
		bySite[p.site] = append(bySite[p.site], Sample{HTML: p.html})
	}
	rules := map[string]Rules{}
	for site, samples := range bySite {
		rules[site] = Learn(Rules{Site: site}, samples, t0)
	}
	b.Run("readability", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pages {
				if _, err := readabilityText(p.html, nil); err != nil {
					b.Fatal(err)
				}
			}
		}
		reportPages(b, len(pages))
	})
	b.Run("clean-learned", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pages {
				if _, err := Extract(p.html, nil, rules[p.site]); err != nil {
					b.Fatal(err)
				}
			}
		}
		reportPages(b, len(pages))
	})
}

func reportPages(b *testing.B, n int) {
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(n), "pages/op")
}
