package crawler_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// forbidden lists, per package directory, import path prefixes its
// non-test files must not use: the dependency arrows of doc.go, enforced.
var forbidden = map[string][]string{
	"clean":    {"os", "net/http", "log/slog", "crawler", "github.com/gocolly/", "go.etcd.io/bbolt"},
	"storage":  {"crawler/clean", "crawler/fetch", "crawler/admin", "crawler/schedule", "github.com/gocolly/", "codeberg.org/readeck/"},
	"fetch":    {"crawler/storage", "crawler/admin", "crawler/schedule", "go.etcd.io/bbolt"},
	"admin":    {"crawler/storage", "crawler/fetch", "go.etcd.io/bbolt", "github.com/gocolly/"},
	"schedule": {"crawler/storage", "crawler/fetch", "crawler/admin", "go.etcd.io/bbolt"},
	"demosite": {"crawler"},
	".":        {"crawler/", "go.etcd.io/bbolt", "github.com/gocolly/"},
}

// everywhere holds imports only one package may use.
var everywhere = map[string]string{
	"go.etcd.io/bbolt":                       "storage",
	"github.com/gocolly/colly/v2":            "fetch",
	"codeberg.org/readeck/go-readability/v2": "clean",
}

func TestImportArrows(t *testing.T) {
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != "." || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		checkImports(t, path)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func checkImports(t *testing.T, path string) {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	dir := filepath.Dir(path)
	for _, spec := range f.Imports {
		imp, _ := strconv.Unquote(spec.Path.Value)
		for _, bad := range forbidden[dir] {
			if imp == bad || strings.HasPrefix(imp, strings.TrimSuffix(bad, "/")+"/") || (strings.HasSuffix(bad, "/") && strings.HasPrefix(imp, bad)) {
				t.Errorf("%s imports %s, which package %s must not use", path, imp, dir)
			}
		}
		if owner, ok := everywhere[imp]; ok && dir != owner {
			t.Errorf("%s imports %s: only %s/ may", path, imp, owner)
		}
	}
}
