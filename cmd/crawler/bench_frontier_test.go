package main

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestBenchFrontier(t *testing.T) {
	cfg := quickBenchConfig()
	cfg.Work = t.TempDir()
	cfg.Log = benchLog(cfg)
	run, err := measureFrontier(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if run.enqueued != int64(cfg.FrontierURLs) || run.drained != run.enqueued || run.leftPending != 0 {
		t.Fatalf("enqueued %d, completed %d, %d hosts left pending; want all %d through", run.enqueued, run.drained, run.leftPending, cfg.FrontierURLs)
	}
	if run.heapPeak == 0 || run.heapPeak < run.heapBase || run.fileSize <= 0 {
		t.Fatalf("heap base %d peak %d, file %d", run.heapBase, run.heapPeak, run.fileSize)
	}
	table := run.table()
	if len(table.Rows) != 2 || !strings.Contains(strings.Join(table.Verdicts, "\n"), "**met**") {
		t.Fatalf("table %+v", table)
	}
}

func TestBenchFrontierStopsWhenCancelled(t *testing.T) {
	cfg := quickBenchConfig()
	cfg.Work = t.TempDir()
	cfg.Log = benchLog(cfg)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := measureFrontier(ctx, cfg); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled frontier bench: %v, want context.Canceled", err)
	}
}
