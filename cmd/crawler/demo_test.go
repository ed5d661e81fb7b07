package main

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"crawler/demosite"
)

// TestDemo runs `crawler demo` as a user would: it must end by itself,
// store most gold articles of every outlet and print a cleaned article.
func TestDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("the demo crawls with the default 1 s per-host delay (about 30 s)")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 90*time.Second)
	defer cancel()
	code, out, errOut := runMain(ctx, "demo")
	if code != 0 {
		t.Fatalf("demo exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if ctx.Err() != nil {
		t.Fatal("demo did not end by itself within 90 s")
	}
	row := regexp.MustCompile(`(?m)^(.+?)\s{2,}(\d+)\s+(\d+)\s+(\d+)/(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$`)
	rows := row.FindAllStringSubmatch(out, -1)
	outlets := demosite.Outlets()
	if len(rows) != len(outlets) {
		t.Fatalf("want %d outlet rows, got %d in:\n%s", len(outlets), len(rows), out)
	}
	num := func(s string) int { n, _ := strconv.Atoi(s); return n }
	for i, r := range rows {
		name, fetched, stored, found, gold, chromeLeft := strings.TrimSpace(r[1]), num(r[2]), num(r[3]), num(r[4]), num(r[5]), num(r[7])
		if name != outlets[i].Name {
			t.Errorf("row %d names %q, want %q", i, name, outlets[i].Name)
		}
		if gold != len(outlets[i].Articles) || found < gold*9/10 || stored < found || fetched < stored {
			t.Errorf("%s: fetched %d, stored %d, gold found %d/%d", name, fetched, stored, found, gold)
		}
		if blocked := num(r[6]); len(outlets[i].Disallowed) > 0 && blocked == 0 {
			t.Errorf("%s links %d robots-disallowed pages but none was reported blocked", name, len(outlets[i].Disallowed))
		}
		if chromeLeft > gold/5 {
			t.Errorf("%s: %d of %d articles still carry chrome", name, chromeLeft, gold)
		}
	}
	if !strings.Contains(out, "One cleaned article") || !strings.Contains(out, "Title:") {
		t.Errorf("no cleaned article printed:\n%s", out)
	}
}
