package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"crawler/demosite"
)

// site serves demo outlet i on its own loopback listener and returns it
// with its gold content made absolute.
func site(t *testing.T, i int) (*httptest.Server, demosite.Outlet) {
	t.Helper()
	srv := httptest.NewServer(demosite.NewHandler(i))
	t.Cleanup(srv.Close)
	o := demosite.Outlets()[i]
	abs := func(paths []string) []string {
		out := make([]string, len(paths))
		for k, p := range paths {
			out[k] = srv.URL + p
		}
		return out
	}
	o.BaseURL, o.Host = srv.URL, strings.TrimPrefix(srv.URL, "http://")
	o.Seeds, o.Feeds, o.Sitemaps = []string{srv.URL + "/"}, abs(o.Feeds), abs(o.Sitemaps)
	return srv, o
}

// writeConfig writes a config crawling outlet o into a temp dir and returns
// its path. extra is appended verbatim.
func writeConfig(t *testing.T, dir string, o demosite.Outlet, extra string) string {
	t.Helper()
	q := func(s []string) string {
		b, _ := json.Marshal(append([]string{}, s...))
		return string(b)
	}
	cfg := fmt.Sprintf(`
[storage]
path = "crawler.db"
[admin]
listen = "127.0.0.1:0"
[log]
level = "warn"
[fetch]
delay = "5ms"
timeout = "10s"
allow_private = true
[[jobs]]
name = "demo"
seeds = %s
feeds = %s
sitemaps = %s
max_depth = 3
max_pages = 300
%s`, q(o.Seeds), q(o.Feeds), q(o.Sitemaps), extra)
	path := filepath.Join(dir, "crawler.toml")
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// runMain calls run like main does and returns exit code, stdout, stderr.
func runMain(ctx context.Context, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(ctx, args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCrawlThenExport(t *testing.T) {
	_, o := site(t, 0)
	cfgPath := writeConfig(t, t.TempDir(), o, "")
	code, out, errOut := runMain(t.Context(), "crawl", "-config", cfgPath)
	if code != 0 {
		t.Fatalf("crawl exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	t.Logf("crawl: %s", out)
	if !strings.HasPrefix(out, "demo: fetched ") {
		t.Errorf("crawl summary = %q", out)
	}
	code, out, errOut = runMain(t.Context(), "export", "-config", cfgPath)
	if code != 0 {
		t.Fatalf("export exit %d: %s", code, errOut)
	}
	docs := decodeExport(t, out)
	if len(docs) < len(o.Articles)/2 {
		t.Fatalf("exported %d documents, want most of the %d articles", len(docs), len(o.Articles))
	}
	byURL := map[string]map[string]any{}
	for _, d := range docs {
		byURL[d["canonical_url"].(string)] = d
	}
	checked := 0
	for _, a := range o.Articles {
		d, ok := byURL[o.BaseURL+a.Path]
		if !ok {
			continue
		}
		checked++
		text := d["text"].(string)
		for _, p := range a.Paragraphs {
			if !strings.Contains(text, p) {
				t.Errorf("%s: paragraph missing: %.60q", a.Path, p)
			}
		}
		for _, c := range o.Chrome {
			if strings.Contains(text, c) {
				t.Errorf("%s: chrome line kept: %q", a.Path, c)
			}
		}
	}
	t.Logf("exported %d documents, %d gold articles checked of %d", len(docs), checked, len(o.Articles))
	if checked < len(o.Articles)/2 {
		t.Errorf("only %d of %d gold articles found among exported canonical URLs", checked, len(o.Articles))
	}
}

// decodeExport parses export output and checks each line has exactly the
// contract's fields.
func decodeExport(t *testing.T, out string) []map[string]any {
	t.Helper()
	want := []string{"byline", "canonical_url", "content_hash", "fetched_at", "final_url", "language", "published", "site", "text", "title", "url"}
	var docs []map[string]any
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var d map[string]any
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("export line is not JSON: %v: %.100s", err, sc.Text())
		}
		if len(d) != len(want) {
			t.Fatalf("export line has fields %v, want exactly %v", keys(d), want)
		}
		for _, k := range want {
			if _, ok := d[k]; !ok {
				t.Fatalf("export line lacks %q", k)
			}
		}
		docs = append(docs, d)
	}
	return docs
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestCrawlRefusesBadConfigAndLockedDatabase(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	if err := os.WriteFile(bad, []byte("[fetch]\ndelai = \"1s\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runMain(t.Context(), "crawl", "-config", bad)
	if code == 0 || !strings.Contains(errOut, "bad.toml:2: unknown key fetch.delai") {
		t.Errorf("bad config: exit %d, stderr %q", code, errOut)
	}

	_, o := site(t, 0)
	cfgPath := writeConfig(t, dir, o, "")
	cfg, err := LoadConfig(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	held, err := openStore(cfg.Storage, false)
	if err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runMain(t.Context(), "crawl", "-config", cfgPath)
	held.Close()
	if code == 0 || !strings.Contains(errOut, "locked by a running crawler") {
		t.Errorf("locked database: exit %d, stderr %q", code, errOut)
	}

	corrupt := filepath.Join(dir, "corrupt.toml")
	if err := os.WriteFile(filepath.Join(dir, "junk.db"), bytes.Repeat([]byte("not a database "), 1000), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(corrupt, []byte("[storage]\npath = \"junk.db\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runMain(t.Context(), "export", "-config", corrupt)
	if code == 0 || !strings.Contains(errOut, "damaged") {
		t.Errorf("corrupt database: exit %d, stderr %q", code, errOut)
	}
}
