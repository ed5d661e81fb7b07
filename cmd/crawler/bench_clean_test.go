package main

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ulikunitz/xz"
)

// TestBenchClean runs the clean section at -quick size on the demo site's
// pages (an empty bench dir) and, when the shared datasets sit beside the
// clone, on them.
func TestBenchClean(t *testing.T) {
	dirs := []struct{ name, dir, source string }{
		{"fallback", t.TempDir(), "demo site"},
	}
	if _, err := os.Stat("../../../shared/bench"); err == nil {
		dirs = append(dirs, struct{ name, dir, source string }{"datasets", "../../../shared/bench", "datasets"})
	}
	for _, tt := range dirs {
		t.Run(tt.name, func(t *testing.T) {
			cfg := quickBenchConfig()
			cfg.BenchDir = tt.dir
			tables, err := benchClean(t.Context(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			if len(tables) != 1 {
				t.Fatalf("got %d tables, want 1", len(tables))
			}
			checkCleanTable(t, tables[0], tt.source)
		})
	}
}

// checkCleanTable asserts the three variants are there with sane figures.
func checkCleanTable(t *testing.T, tb benchTable, source string) {
	t.Helper()
	if !strings.Contains(tb.Intro, source) {
		t.Errorf("intro does not name the %s as the pages' source: %s", source, tb.Intro)
	}
	pages, err := strconv.Atoi(strings.Fields(tb.Intro)[0])
	if err != nil || pages <= 0 || pages > cleanQuickPages {
		t.Errorf("intro should open with the page count (1..%d): %s", cleanQuickPages, tb.Intro)
	}
	want := []string{"parse-only", "readability alone", "full cleaner"}
	if len(tb.Rows) != len(want) {
		t.Fatalf("got %d rows, want %d: %v", len(tb.Rows), len(want), tb.Rows)
	}
	for i, row := range tb.Rows {
		if !strings.HasPrefix(row[0], want[i]) {
			t.Errorf("row %d is %q, want %s", i, row[0], want[i])
		}
		for col, name := range map[int]string{1: "pages/s", 2: "MB/s", 3: "allocs/page"} {
			if v, err := strconv.ParseFloat(row[col], 64); err != nil || v <= 0 {
				t.Errorf("%s %s = %q, want a positive number", row[0], name, row[col])
			}
		}
		for _, col := range []int{4, 5} {
			if v, err := strconv.ParseFloat(strings.TrimSuffix(row[col], "x"), 64); err != nil || v <= 0 {
				t.Errorf("%s %s = %q, want a positive ratio", row[0], tb.Header[col], row[col])
			}
		}
		if row[6] != "0" {
			t.Errorf("%s failed on %s pages", row[0], row[6])
		}
	}
	if tb.Rows[0][5] != "1.00x" || tb.Rows[1][4] != "1.00x" {
		t.Errorf("each baseline's ratio to itself should be 1.00x: %v", tb.Rows)
	}
	if len(tb.Verdicts) != 2 || !strings.Contains(tb.Verdicts[0], "readability alone") ||
		!strings.Contains(tb.Verdicts[1], "parse-only floor") {
		t.Errorf("verdicts should state the readability target and the floor: %q", tb.Verdicts)
	}
}

// TestBenchCleanCancelled stops between rounds when ctx ends.
func TestBenchCleanCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	cfg := quickBenchConfig()
	cfg.BenchDir = t.TempDir()
	if _, err := benchClean(ctx, cfg); !errors.Is(err, context.Canceled) {
		t.Fatalf("benchClean with a cancelled ctx = %v, want context.Canceled", err)
	}
}

// tarXZ builds an xz-compressed tar of the given members in order.
func tarXZ(t *testing.T, members [][2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, err := xz.NewWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	tw := tar.NewWriter(zw)
	for _, m := range members {
		h := &tar.Header{Name: m[0], Mode: 0o644, Size: int64(len(m[1])), Typeflag: tar.TypeReg}
		if strings.HasSuffix(m[0], "/") {
			h.Typeflag, h.Size, h.Mode = tar.TypeDir, 0, 0o755
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(m[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeDataset writes DIR/name/{pages.tar.xz,truth.jsonl}.
func writeDataset(t *testing.T, dir, name string, archive []byte, truth string) {
	t.Helper()
	ds := filepath.Join(dir, name)
	if err := os.MkdirAll(ds, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ds, "pages.tar.xz"), archive, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ds, "truth.jsonl"), []byte(truth), 0o644); err != nil {
		t.Fatal(err)
	}
}

const tinyTruth = `{"id":"p1","url":"https://a.example/one","site":"a.example","host":"www.a.example","text":"x"}
{"id":"p2","url":"https://news.b.example/two","site":"","host":"news.b.example","with":["y"]}

{"id":"p0","url":"https://a.example/zero","site":"a.example"}
`

var tinyMembers = [][2]string{
	{"./", ""},
	{"p0.html", "<p>zero</p>"},
	{"p1.html", "<html><body><p>one</p></body></html>"},
	{"p2.html", "<meta charset=iso-8859-1><p>caf\xe9</p>"},
}

// TestLoadCleanDatasets reads a tiny dataset built here: pages in
// truth.jsonl order, each with its site (the host when site is empty),
// URL and exact bytes.
func TestLoadCleanDatasets(t *testing.T) {
	dir := t.TempDir()
	writeDataset(t, dir, "tiny", tarXZ(t, tinyMembers), tinyTruth)
	pages, names, err := loadCleanDatasets(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"tiny"}, names); d != "" {
		t.Errorf("dataset names (-want +got)\n%s", d)
	}
	type got struct{ Site, URL, Raw string }
	var all []got
	for _, p := range pages {
		all = append(all, got{p.site, p.url.String(), string(p.raw)})
	}
	want := []got{
		{"a.example", "https://a.example/one", tinyMembers[2][1]},
		{"news.b.example", "https://news.b.example/two", tinyMembers[3][1]},
		{"a.example", "https://a.example/zero", tinyMembers[1][1]},
	}
	if d := cmp.Diff(want, all); d != "" {
		t.Errorf("pages (-want +got)\n%s", d)
	}
}

// TestLoadCleanDatasetsNone is no pages and no error for a dir without
// datasets or without existence: the benchmark then uses the demo site.
func TestLoadCleanDatasetsNone(t *testing.T) {
	for _, dir := range []string{t.TempDir(), filepath.Join(t.TempDir(), "absent")} {
		pages, names, err := loadCleanDatasets(t.Context(), dir)
		if err != nil || len(pages) != 0 || len(names) != 0 {
			t.Errorf("loadCleanDatasets(%s) = %d pages, %v, %v; want none, no error", dir, len(pages), names, err)
		}
	}
}

// TestLoadCleanDatasetsBad checks that a damaged dataset is a clear error
// naming the file, never a partial corpus.
func TestLoadCleanDatasetsBad(t *testing.T) {
	good := tarXZ(t, tinyMembers)
	tests := []struct {
		name, truth string
		archive     []byte
		want        []string
	}{
		{"corrupt archive", tinyTruth, []byte("this is not xz at all, just text"), []string{"pages.tar.xz", "xz"}},
		{"truncated archive", tinyTruth, good[:len(good)/2], []string{"pages.tar.xz"}},
		{"page missing", tinyTruth + `{"id":"p9","url":"https://a.example/nine","site":"a.example"}`, good, []string{`"p9"`, "missing"}},
		{"member not in truth", `{"id":"p1","site":"a.example"}`, good, []string{"not in truth.jsonl", "p0.html"}},
		{"bad member name", tinyTruth, tarXZ(t, append(tinyMembers, [2]string{"notes.txt", "x"})), []string{`"notes.txt"`}},
		{"bad truth line", "{\"id\":\"p0\"}\n{oops\n", good, []string{"truth.jsonl:2"}},
		{"repeated id", "{\"id\":\"p0\"}\n{\"id\":\"p0\"}\n", good, []string{"truth.jsonl:2", "repeated"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeDataset(t, dir, "bad", tt.archive, tt.truth)
			pages, _, err := loadCleanDatasets(t.Context(), dir)
			if err == nil {
				t.Fatalf("got %d pages and no error", len(pages))
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %s", err, w)
				}
			}
		})
	}
}

// TestSpreadCleanPages keeps n pages spread over the whole list.
func TestSpreadCleanPages(t *testing.T) {
	var pages []cleanPage
	for i := range 100 {
		pages = append(pages, cleanPage{site: strconv.Itoa(i)})
	}
	var got []string
	for _, p := range spreadCleanPages(pages, 4) {
		got = append(got, p.site)
	}
	if d := cmp.Diff([]string{"0", "25", "50", "75"}, got); d != "" {
		t.Errorf("spread (-want +got)\n%s", d)
	}
	if n := len(spreadCleanPages(pages[:3], 20)); n != 3 {
		t.Errorf("spreading 3 pages to 20 kept %d", n)
	}
}

func TestCleanMedian(t *testing.T) {
	for _, tt := range []struct {
		xs   []float64
		want float64
	}{
		{nil, 0},
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
	} {
		if got := cleanMedian(tt.xs); got != tt.want {
			t.Errorf("cleanMedian(%v) = %v, want %v", tt.xs, got, tt.want)
		}
	}
}
