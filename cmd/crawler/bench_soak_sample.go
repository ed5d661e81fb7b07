package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

// soakSample is one reading of the soaked daemon. Figures the daemon did
// not give (its metrics endpoint did not answer) are -1.
type soakSample struct {
	at       time.Duration // since the daemon was ready
	requests int64         // served by the site so far
	// rss, anon and file are VmRSS, RssAnon and RssFile in bytes: anon is
	// the process's own memory, file mostly bbolt's mapping of its file.
	rss, anon, file int64
	cpu             time.Duration // the daemon's user+system CPU so far
	heap            int64         // Go heap in use (go_memstats_heap_inuse_bytes)
	// held is the Go heap the runtime holds from the OS: in use plus idle
	// spans not yet returned (heap_sys - heap_released). Above heap, it is
	// what the scavenger has yet to give back.
	held int64
	// goal is the heap size at which the next collection starts
	// (go_memstats_next_gc_bytes); it follows the live heap after each
	// collection, and the runtime keeps about that much heap held.
	goal       int64
	goroutines int64
	docs       int64 // documents stored (crawler_documents_stored_total)
	db         int64 // database file size in bytes
}

// soakProbe reads one daemon and the site it crawls.
type soakProbe struct {
	pid        int
	site       *benchSite
	dbPath     string
	metricsURL string
	client     *http.Client
}

// sample takes one reading. Memory must be readable; the metrics are
// best effort, since a daemon busy in a long commit may answer late.
func (p soakProbe) sample(ctx context.Context, at time.Duration) (soakSample, error) {
	s := soakSample{at: at, requests: p.site.Requests(), heap: -1, held: -1, goal: -1, goroutines: -1, docs: -1}
	status := fmt.Sprintf("/proc/%d/status", p.pid)
	for _, f := range []struct {
		key string
		dst *int64
	}{{"VmRSS", &s.rss}, {"RssAnon", &s.anon}, {"RssFile", &s.file}} {
		kb, ok := procStatusKB(status, f.key)
		if !ok {
			return s, fmt.Errorf("soak: read %s from %s", f.key, status)
		}
		*f.dst = kb << 10
	}
	cpu, err := procCPU(p.pid)
	if err != nil {
		return s, err
	}
	s.cpu = cpu
	if fi, err := os.Stat(p.dbPath); err == nil {
		s.db = fi.Size()
	}
	m := p.metrics(ctx)
	for key, dst := range map[string]*int64{
		"go_memstats_heap_inuse_bytes":   &s.heap,
		"go_memstats_next_gc_bytes":      &s.goal,
		"go_goroutines":                  &s.goroutines,
		"crawler_documents_stored_total": &s.docs,
	} {
		if v, ok := m[key]; ok {
			*dst = int64(v)
		}
	}
	sys, ok1 := m["go_memstats_heap_sys_bytes"]
	released, ok2 := m["go_memstats_heap_released_bytes"]
	if ok1 && ok2 {
		s.held = int64(sys - released)
	}
	return s, nil
}

// metrics scrapes the daemon's unlabelled metrics; nil on any failure.
func (p soakProbe) metrics(ctx context.Context) map[string]float64 {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.metricsURL, nil)
	if err != nil {
		return nil
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return nil
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil
	}
	return parseMetrics(io.LimitReader(resp.Body, 4<<20))
}

// parseMetrics reads the unlabelled samples of a Prometheus text
// exposition ("name value"); labelled series and comments are skipped.
func parseMetrics(r io.Reader) map[string]float64 {
	out := map[string]float64{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' || strings.ContainsRune(line, '{') {
			continue
		}
		name, val, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		val, _, _ = strings.Cut(strings.TrimSpace(val), " ") // drop a timestamp
		if v, err := strconv.ParseFloat(val, 64); err == nil {
			out[name] = v
		}
	}
	return out
}

// userHZ is the unit of the CPU times in /proc/PID/stat. The kernel
// reports them in USER_HZ, which is 100 on every Linux architecture Go
// supports.
const userHZ = 100

// procCPU is a process's user plus system CPU time from /proc/PID/stat.
func procCPU(pid int) (time.Duration, error) {
	path := fmt.Sprintf("/proc/%d/stat", pid)
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, fmt.Errorf("soak: %w", err)
	}
	// The command name (field 2) may hold spaces and parentheses; the
	// fields after its closing parenthesis start at field 3 (state), so
	// utime and stime (14 and 15) are at indexes 11 and 12.
	i := strings.LastIndexByte(string(b), ')')
	fields := strings.Fields(string(b[i+1:]))
	if i < 0 || len(fields) < 13 {
		return 0, fmt.Errorf("soak: %s: unexpected format", path)
	}
	var ticks int64
	for _, f := range fields[11:13] {
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("soak: %s: %w", path, err)
		}
		ticks += n
	}
	return time.Duration(ticks) * time.Second / userHZ, nil
}

// leastSquares fits y = a + b*x and returns the slope b; 0 for fewer
// than two distinct x.
func leastSquares(xs, ys []float64) float64 {
	n := float64(len(xs))
	if len(xs) < 2 || len(xs) != len(ys) {
		return 0
	}
	var sx, sy float64
	for i := range xs {
		sx += xs[i]
		sy += ys[i]
	}
	mx, my := sx/n, sy/n
	var sxy, sxx float64
	for i := range xs {
		sxy += (xs[i] - mx) * (ys[i] - my)
		sxx += (xs[i] - mx) * (xs[i] - mx)
	}
	if sxx == 0 {
		return 0
	}
	return sxy / sxx
}

// slopeStdErr is the standard error of the least-squares slope b of ys
// on xs; 0 for fewer than three points. The soak's samples follow the
// garbage collector's cycles and are not independent, so it understates
// the uncertainty; it still tells a trend from a flat line with noise.
func slopeStdErr(xs, ys []float64, b float64) float64 {
	n := len(xs)
	if n < 3 || n != len(ys) {
		return 0
	}
	var mx, my float64
	for i := range xs {
		mx += xs[i] / float64(n)
		my += ys[i] / float64(n)
	}
	var sxx, rss float64
	for i := range xs {
		sxx += (xs[i] - mx) * (xs[i] - mx)
		r := ys[i] - my - b*(xs[i]-mx)
		rss += r * r
	}
	if sxx == 0 {
		return 0
	}
	return math.Sqrt(rss / float64(n-2) / sxx)
}
