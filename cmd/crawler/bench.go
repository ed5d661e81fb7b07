package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"strings"
	"time"
)

const benchUsage = "Usage: crawler bench [-only LIST] [-quick] [-bench-dir DIR] [-soak DUR] [-o FILE]\n\n" +
	"Measures the crawler on this machine and prints markdown tables, each\n" +
	"figure next to a baseline measured in the same run: cleaning against\n" +
	"readability alone and a parse-only floor, the crawl against a bare colly\n" +
	"download, the frontier at a million URLs, bytes on disk per document and\n" +
	"a soak of the daemon at a fixed request rate. Loopback only; bounded.\n" +
	"Sections: " + "clean, crawl, frontier, storage, soak."

// benchConfig is what one `crawler bench` run measures and where.
type benchConfig struct {
	// Quick shrinks every section to a smoke test (seconds, not minutes):
	// the tables are produced but the figures mean little.
	Quick bool
	// BenchDir holds the benchmark datasets (*/pages.tar.xz with
	// truth.jsonl); when it is missing the cleaning section uses the demo
	// site's pages.
	BenchDir string
	// CrawlHosts and CrawlPages size the loopback site of the crawl section.
	CrawlHosts, CrawlPages int
	// FrontierURLs and FrontierHosts size the frontier section.
	FrontierURLs, FrontierHosts int
	// StoragePages is how many pages the storage section stores.
	StoragePages int
	// Soak is how long the soak runs; SoakRate is its request rate per
	// second; SoakSample is the RSS sampling interval.
	Soak       time.Duration
	SoakRate   int
	SoakSample time.Duration
	// Work is a scratch directory, removed at the end.
	Work string
	// Log receives progress lines (stderr).
	Log *slog.Logger
}

// benchTable is one table of the report.
type benchTable struct {
	Title string
	// Intro says what was measured and against what, in a sentence or two.
	Intro  string
	Header []string
	Rows   [][]string
	// Verdicts state each target: met or not, and by how much.
	Verdicts []string
}

// benchSection is one part of the report.
type benchSection struct {
	name string
	run  func(ctx context.Context, cfg benchConfig) ([]benchTable, error)
}

func benchSections() []benchSection {
	return []benchSection{
		{"clean", benchClean},
		{"crawl", benchCrawl},
		{"frontier", benchFrontier},
		{"storage", benchStorage},
		{"soak", benchSoak},
	}
}

func defaultBenchConfig() benchConfig {
	return benchConfig{
		BenchDir:   "../shared/bench",
		CrawlHosts: 20, CrawlPages: 5000,
		FrontierURLs: 1_000_000, FrontierHosts: 10_000,
		StoragePages: 2000,
		Soak:         10 * time.Minute, SoakRate: 50, SoakSample: 10 * time.Second,
	}
}

// quickBenchConfig is the smoke-test size used by -quick and the tests.
func quickBenchConfig() benchConfig {
	c := defaultBenchConfig()
	c.Quick = true
	c.CrawlHosts, c.CrawlPages = 4, 200
	c.FrontierURLs, c.FrontierHosts = 20_000, 200
	c.StoragePages = 150
	c.Soak, c.SoakRate, c.SoakSample = 6*time.Second, 40, time.Second
	return c
}

// runBench is `crawler bench`.
func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("bench", benchUsage, stderr)
	only := fs.String("only", "", "comma-separated `sections` to run (default: all)")
	quick := fs.Bool("quick", false, "smoke-test sizes: every table in seconds, figures not meaningful")
	d := defaultBenchConfig()
	benchDir := fs.String("bench-dir", d.BenchDir, "benchmark datasets `dir` (used by clean when present)")
	soak := fs.Duration("soak", 0, "soak `duration` (default 10m, or 6s with -quick)")
	out := fs.String("o", "", "also write the report to this `file`")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg := d
	if *quick {
		cfg = quickBenchConfig()
	}
	cfg.BenchDir = *benchDir
	if *soak > 0 {
		cfg.Soak = *soak
	}
	sections, err := pickSections(*only)
	if err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "crawler-bench-")
	if err != nil {
		return fmt.Errorf("bench scratch dir: %w", err)
	}
	defer os.RemoveAll(work)
	cfg.Work = work
	cfg.Log = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	var report strings.Builder
	writeBenchHeader(&report, args)
	for _, s := range sections {
		cfg.Log.Info("bench section starting", "section", s.name)
		start := time.Now()
		tables, err := s.run(ctx, cfg)
		if err != nil {
			return fmt.Errorf("bench %s: %w", s.name, err)
		}
		cfg.Log.Info("bench section done", "section", s.name, "took", time.Since(start).Round(time.Millisecond))
		for _, t := range tables {
			writeBenchTable(&report, t)
		}
	}
	if _, err := io.WriteString(stdout, report.String()); err != nil {
		return err
	}
	if *out != "" {
		if err := os.WriteFile(*out, []byte(report.String()), 0o644); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
	}
	return nil
}

func pickSections(only string) ([]benchSection, error) {
	all := benchSections()
	if only == "" {
		return all, nil
	}
	names := strings.Split(only, ",")
	var out []benchSection
	for _, s := range all {
		if slices.Contains(names, s.name) {
			out = append(out, s)
		}
	}
	for _, n := range names {
		if !slices.ContainsFunc(all, func(s benchSection) bool { return s.name == n }) {
			return nil, fmt.Errorf("-only: unknown section %q (have clean, crawl, frontier, storage, soak)", n)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("-only: no section named")
	}
	return out, nil
}
