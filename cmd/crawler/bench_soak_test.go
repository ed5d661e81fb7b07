package main

import (
	"context"
	"errors"
	"log/slog"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func skipUnlessLinux(t *testing.T) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("the soak reads /proc")
	}
}

func quickSoakConfig(t *testing.T) benchConfig {
	cfg := quickBenchConfig()
	cfg.Work = t.TempDir()
	cfg.Log = slog.New(slog.DiscardHandler)
	return cfg
}

func TestBenchSoak(t *testing.T) {
	skipUnlessLinux(t)
	cfg := quickSoakConfig(t)
	res, err := runSoak(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if want := int(cfg.Soak/cfg.SoakSample) + 1; len(res.samples) != want {
		t.Fatalf("%d samples, want %d", len(res.samples), want)
	}
	for _, s := range res.samples {
		if s.rss <= 0 || s.anon <= 0 || s.anon > s.rss {
			t.Errorf("sample at %s: RSS %d, RssAnon %d", s.at, s.rss, s.anon)
		}
	}
	last := res.samples[len(res.samples)-1]
	if last.db <= 0 {
		t.Errorf("database file size %d at the end", last.db)
	}
	// /metrics is best effort per sample (a loaded machine may answer
	// late), but some sample must show a Go heap and goroutines, and,
	// unless the race detector slows cleaning several times over,
	// documents stored.
	if !slices.ContainsFunc(res.samples, func(s soakSample) bool { return s.heap > 0 && s.held >= s.heap && s.goroutines > 0 }) {
		t.Error("no sample shows a Go heap and goroutines from /metrics")
	}
	if !raceDetector && !slices.ContainsFunc(res.samples, func(s soakSample) bool { return s.docs > 0 }) {
		t.Error("no sample shows documents stored")
	}
	// The rate after warm-up, as reported: the daemon's start-up is not
	// part of its steady state.
	steady := soakSteady(res.samples, soakWarmup(cfg.Soak))
	switch got := soakRate(steady); {
	case got <= 0:
		t.Errorf("achieved %.1f req/s after warm-up, want requests served", got)
	case raceDetector:
		t.Logf("race detector: achieved %.1f req/s of %d/s, not held to the rate", got, cfg.SoakRate)
	case got < 0.3*float64(cfg.SoakRate):
		t.Errorf("achieved %.1f req/s, want more than 30%% of the configured %d/s", got, cfg.SoakRate)
	}
	if !res.exit.clean() {
		t.Errorf("after SIGTERM: %s", soakExitText(res.exit))
	}
	tables := soakTables(cfg, res)
	if len(tables) != 2 || len(tables[0].Rows) == 0 || len(tables[1].Rows) != len(soakMeasures()) {
		t.Fatalf("tables: %+v", tables)
	}
	var b strings.Builder
	for _, tb := range tables {
		writeBenchTable(&b, tb)
	}
	for _, want := range []string{"RssAnon flat", "request rate held", "SIGTERM ends the daemon"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
	t.Logf("\n%s", b.String())
}

// TestBenchSoakCancelLeavesNoDaemon cancels a soak midway: it must return
// the cancellation and leave no daemon behind.
func TestBenchSoakCancelLeavesNoDaemon(t *testing.T) {
	skipUnlessLinux(t)
	cfg := quickSoakConfig(t)
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
	defer cancel()
	_, err := runSoak(ctx, cfg)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("runSoak after cancel = %v, want the deadline", err)
	}
	if pids := soakChildren(t, cfg.Work); len(pids) > 0 {
		t.Errorf("daemon processes left running: %v", pids)
	}
}

// soakChildren lists this process's children whose command line names a
// config under work.
func soakChildren(t *testing.T, work string) []int {
	t.Helper()
	tasks, err := filepath.Glob("/proc/self/task/*/children")
	if err != nil || len(tasks) == 0 {
		t.Skip("no /proc/self/task/*/children on this kernel")
	}
	var out []int
	for _, f := range tasks {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, p := range strings.Fields(string(b)) {
			pid, _ := strconv.Atoi(p)
			cmd, err := os.ReadFile("/proc/" + p + "/cmdline")
			if err == nil && strings.Contains(string(cmd), work) {
				out = append(out, pid)
			}
		}
	}
	return out
}

func TestSoakChildStopAndKill(t *testing.T) {
	skipUnlessLinux(t)
	dir := t.TempDir()
	listen, err := freeLoopbackAddr(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	plan := soakPlan{hosts: 1, gap: time.Second}
	cfgPath, _, err := writeSoakConfig(dir, listen, []string{"http://127.0.0.1:1/"}, plan)
	if err != nil {
		t.Fatal(err)
	}
	child, err := startSoakChild(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	defer child.kill()
	probe := soakProbe{client: soakTestClient()}
	if err := waitSoakReady(t.Context(), child, probe.client, "http://"+listen+"/readyz"); err != nil {
		t.Fatal(err)
	}
	exit, err := child.stop(soakStopGrace)
	if err != nil || !exit.clean() {
		t.Fatalf("stop: %v, %s", err, soakExitText(exit))
	}
	if _, err := child.stop(soakStopGrace); err == nil {
		t.Error("second stop of an exited daemon: no error")
	}
	child.kill() // no-op once exited; must not block
}

func TestSoakChildBadConfigExitsEarly(t *testing.T) {
	skipUnlessLinux(t)
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(cfgPath, []byte("[fetch]\ndelai = \"1s\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	child, err := startSoakChild(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	defer child.kill()
	err = waitSoakReady(t.Context(), child, soakTestClient(), "http://127.0.0.1:1/readyz")
	if !errors.Is(err, errExitedEarly) || !strings.Contains(err.Error(), "unknown key fetch.delai") {
		t.Fatalf("waitSoakReady = %v, want an early exit naming the bad key", err)
	}
}

func soakTestClient() *http.Client { return &http.Client{Timeout: time.Second} }

func TestPlanSoak(t *testing.T) {
	tests := []struct {
		rate  int
		hosts int
		gap   time.Duration
	}{
		{50, 10, 200 * time.Millisecond},
		{40, 10, 250 * time.Millisecond},
		{4, 4, time.Second},
		{1000, 10, 10 * time.Millisecond},
	}
	for _, tt := range tests {
		p, err := planSoak(tt.rate)
		if err != nil || p.hosts != tt.hosts || p.gap != tt.gap {
			t.Errorf("planSoak(%d) = %+v, %v; want %d hosts, gap %s", tt.rate, p, err, tt.hosts, tt.gap)
		}
	}
	if _, err := planSoak(0); err == nil {
		t.Error("planSoak(0): no error")
	}
}

func TestLeastSquares(t *testing.T) {
	tests := []struct {
		name   string
		xs, ys []float64
		want   float64
	}{
		{"line", []float64{0, 1, 2, 3}, []float64{5, 7, 9, 11}, 2},
		{"flat with noise", []float64{0, 1, 2, 3}, []float64{5, 6, 5, 6}, 0.2},
		{"falling", []float64{0, 10, 20}, []float64{30, 20, 10}, -1},
		{"one point", []float64{1}, []float64{1}, 0},
		{"same x", []float64{2, 2}, []float64{1, 3}, 0},
	}
	for _, tt := range tests {
		if got := leastSquares(tt.xs, tt.ys); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: slope %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSlopeStdErr(t *testing.T) {
	xs := []float64{0, 1, 2, 3}
	if se := slopeStdErr(xs, []float64{5, 7, 9, 11}, 2); se != 0 {
		t.Errorf("exact line: standard error %v, want 0", se)
	}
	// Residuals of 5,6,5,6 around slope 0.2 are -0.2,0.6,-0.6,0.2 (fit
	// 5.2,5.4,5.6,5.8): sum of squares 0.8, sxx 5, so sqrt(0.8/2/5).
	ys := []float64{5, 6, 5, 6}
	if se, want := slopeStdErr(xs, ys, leastSquares(xs, ys)), math.Sqrt(0.08); math.Abs(se-want) > 1e-9 {
		t.Errorf("noisy: standard error %v, want %v", se, want)
	}
	if se := slopeStdErr(xs[:2], ys[:2], 1); se != 0 {
		t.Errorf("two points: standard error %v, want 0", se)
	}
}

func TestParseMetrics(t *testing.T) {
	in := "# HELP go_goroutines Number of goroutines.\n# TYPE go_goroutines gauge\ngo_goroutines 17\n" +
		"go_memstats_heap_inuse_bytes 1.2345e+07\ncrawler_pages_fetched_total{class=\"2xx\"} 40\n" +
		"crawler_documents_stored_total 12 1700000000000\nbroken\n"
	got := parseMetrics(strings.NewReader(in))
	want := map[string]float64{"go_goroutines": 17, "go_memstats_heap_inuse_bytes": 12345000, "crawler_documents_stored_total": 12}
	if len(got) != len(want) {
		t.Fatalf("parsed %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
}

func TestProcCPU(t *testing.T) {
	skipUnlessLinux(t)
	deadline := time.Now().Add(50 * time.Millisecond)
	for x := 0; time.Now().Before(deadline); x++ {
		_ = x * x
	}
	d, err := procCPU(os.Getpid())
	if err != nil || d <= 0 {
		t.Fatalf("procCPU(self) = %s, %v", d, err)
	}
	if _, err := procCPU(-1); err == nil {
		t.Error("procCPU(-1): no error")
	}
}

func TestSoakSteadyAndRows(t *testing.T) {
	var samples []soakSample
	for i := range 61 {
		samples = append(samples, soakSample{at: time.Duration(i) * 10 * time.Second, requests: int64(500 * i),
			anon: 50<<20 + int64(i)<<16, rss: 60 << 20, heap: -1, docs: -1, goroutines: -1})
	}
	steady := soakSteady(samples, soakWarmup(10*time.Minute))
	if len(steady) != 55 || steady[0].at != time.Minute {
		t.Fatalf("steady: %d samples from %s, want 55 from 1m0s", len(steady), steady[0].at)
	}
	cfg := defaultBenchConfig()
	res := soakResult{plan: soakPlan{hosts: 10, gap: 200 * time.Millisecond}, samples: samples}
	tables := soakTables(cfg, res)
	if n := len(tables[0].Rows); n != 11 {
		t.Errorf("%d sample rows for a 10-minute soak, want 11 (one a minute)", n)
	}
	for _, tb := range tables {
		for _, r := range tb.Rows {
			if len(r) != len(tb.Header) {
				t.Errorf("%s: row %q has %d cells for %d columns", tb.Title, r, len(r), len(tb.Header))
			}
		}
	}
	// 64 KiB every 10 s is 3.75 MiB per 10 minutes, above the limit of 5%
	// of a mean near 52 MiB.
	if v := tables[1].Verdicts[0]; !strings.Contains(v, "not met") || !strings.Contains(v, "+3.75 ± 0.00 MiB/10 min") {
		t.Errorf("flatness verdict = %q", v)
	}
	if v := tables[1].Verdicts[2]; !strings.Contains(v, "**met**") || !strings.Contains(v, "50.0 req/s") {
		t.Errorf("rate verdict = %q", v)
	}
}

func TestTailWriter(t *testing.T) {
	w := &tailWriter{max: 32}
	for i := range 10 {
		if _, err := w.Write([]byte("line " + strconv.Itoa(i) + "\n")); err != nil {
			t.Fatal(err)
		}
	}
	if n := w.lineCount(); n != 10 {
		t.Errorf("lineCount = %d, want 10", n)
	}
	if got := w.tail(14); got != "line 8\nline 9\n" {
		t.Errorf("tail(14) = %q", got)
	}
	if got := w.lastLine(4); got != "line..." {
		t.Errorf("lastLine(4) = %q", got)
	}
	if got := w.lastLine(100); got != "line 9" {
		t.Errorf("lastLine(100) = %q", got)
	}
	if len(w.buf) > 32 {
		t.Errorf("kept %d bytes, want at most 32", len(w.buf))
	}
}
