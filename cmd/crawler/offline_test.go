package main

import (
	"regexp"
	"strings"
	"testing"
)

// TestOfflineCommands crawls an outlet, then drives explain, rules and
// reclean on the stored pages.
func TestOfflineCommands(t *testing.T) {
	_, o := site(t, 0)
	cfgPath := writeConfig(t, t.TempDir(), o, "")
	if code, _, errOut := runMain(t.Context(), "crawl", "-config", cfgPath); code != 0 {
		t.Fatalf("crawl: %s", errOut)
	}
	art := o.Articles[0]
	code, out, errOut := runMain(t.Context(), "explain", o.BaseURL+art.Path, "-config", cfgPath)
	if code != 0 {
		t.Fatalf("explain exit %d: %s", code, errOut)
	}
	t.Logf("explain:\n%s", out)
	if !strings.Contains(out, "KEEP") || !strings.Contains(out, "DROP") {
		t.Errorf("explain lists no KEEP and DROP blocks:\n%s", out)
	}
	first := snippet(art.Paragraphs[0], false)
	if !regexp.MustCompile(`(?m)^KEEP .*` + regexp.QuoteMeta(first[:40])).MatchString(out) {
		t.Errorf("explain does not keep the first paragraph %q", first)
	}
	if code, _, errOut := runMain(t.Context(), "explain", o.BaseURL+"/no/such/page", "-config", cfgPath); code == 0 {
		t.Errorf("explain of an unknown URL succeeded: %s", errOut)
	}

	site := o.Host // a site keeps its non-default port
	code, out, errOut = runMain(t.Context(), "rules", "show", site, "-config", cfgPath)
	if code != 0 {
		t.Fatalf("rules show exit %d: %s", code, errOut)
	}
	t.Logf("rules show:\n%s", out)
	ids := regexp.MustCompile(`(?m)^(r-[0-9a-f]+)\s`).FindAllStringSubmatch(out, -1)
	if len(ids) == 0 {
		t.Fatalf("no learned rules listed:\n%s", out)
	}
	id := ids[0][1]

	code, out, errOut = runMain(t.Context(), "reclean", "-config", cfgPath, "-dry-run", "-rule", id, "-last", "5")
	if code != 0 || !strings.Contains(out, "would change") {
		t.Errorf("reclean dry run: exit %d, %s %s", code, out, errOut)
	}
	t.Logf("dry run:\n%s", out)

	code, out, errOut = runMain(t.Context(), "rules", "disable", id, "-config", cfgPath)
	if code != 0 || !strings.Contains(out, "now disabled") {
		t.Fatalf("rules disable: exit %d, %s %s", code, out, errOut)
	}
	code, out, _ = runMain(t.Context(), "rules", "show", site, "-config", cfgPath)
	if !regexp.MustCompile(`(?m)^` + id + `\s+\S+\s+disabled`).MatchString(out) {
		t.Errorf("rule %s not shown disabled:\n%s", id, out)
	}
	code, out, errOut = runMain(t.Context(), "reclean", "-config", cfgPath)
	if code != 0 || !strings.Contains(out, "total: ") {
		t.Errorf("reclean: exit %d, %s %s", code, out, errOut)
	}
	t.Logf("reclean:\n%s", out)
	if code, _, _ := runMain(t.Context(), "rules", "pin", "r-doesnotexist", "-config", cfgPath); code == 0 {
		t.Error("pinning an unknown rule succeeded")
	}
}
