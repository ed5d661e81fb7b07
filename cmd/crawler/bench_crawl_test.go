package main

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestBenchCrawl(t *testing.T) {
	cfg := quickBenchConfig()
	cfg.Work = t.TempDir()
	tables, err := benchCrawl(t.Context(), cfg)
	if err != nil {
		t.Fatalf("benchCrawl: %v", err)
	}
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	tb := tables[0]
	// One round in quick mode: colly, crawl, crawl + learn, then two ratios.
	if len(tb.Rows) != 5 {
		t.Fatalf("%d rows, want 5:\n%v", len(tb.Rows), tb.Rows)
	}
	for _, r := range tb.Rows {
		if len(r) != len(tb.Header) {
			t.Errorf("row %q has %d cells, header %d", r[0], len(r), len(tb.Header))
		}
	}
	colly, crawl := tb.Rows[0], tb.Rows[1]
	if colly[1] != colly[2] {
		t.Errorf("colly fetched %s pages but the site served %s", colly[1], colly[2])
	}
	per := cfg.CrawlPages / cfg.CrawlHosts
	wantStored := strconv.Itoa(cfg.CrawlHosts*per) + " / " + strconv.Itoa(cfg.CrawlHosts*per) + " "
	if !strings.HasPrefix(crawl[8], wantStored) {
		t.Errorf("crawl stored %q, want every article (%q...)", crawl[8], wantStored)
	}
	for _, r := range tb.Rows[3:] {
		x, err := strconv.ParseFloat(strings.TrimSuffix(strings.Trim(r[4], "*"), "x"), 64)
		if err != nil || x <= 0 {
			t.Errorf("%s: ratio %q is not positive", r[0], r[4])
		}
	}
	if len(tb.Verdicts) < 2 || !strings.Contains(tb.Verdicts[1], "**met**") {
		t.Errorf("storage verdict not met: %q", tb.Verdicts)
	}
}

func TestCPUSamplerInterpolates(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	s := &crawlCPUSampler{samples: []crawlCPUSample{
		{t0, time.Second}, {t0.Add(time.Second), 2 * time.Second}, {t0.Add(3 * time.Second), 6 * time.Second},
	}}
	tests := []struct {
		at   time.Time
		want time.Duration
	}{
		{t0.Add(-time.Second), time.Second},
		{t0, time.Second},
		{t0.Add(500 * time.Millisecond), 1500 * time.Millisecond},
		{t0.Add(2 * time.Second), 4 * time.Second},
		{t0.Add(time.Hour), 6 * time.Second},
	}
	for _, tt := range tests {
		if got := s.at(tt.at); got != tt.want {
			t.Errorf("at(%v) = %v, want %v", tt.at.Sub(t0), got, tt.want)
		}
	}
}
