package storage

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// mustOpen opens a fresh database in t.TempDir(). Cleanup checks the
// file's consistency and closes it, so every test also proves it left a
// sound database behind.
func mustOpen(t testing.TB) *DB {
	t.Helper()
	return mustOpenPath(t, filepath.Join(t.TempDir(), "crawler.db"))
}

// mustOpenPath is mustOpen for a chosen path, for reopen tests.
func mustOpenPath(t testing.TB, path string) *DB {
	t.Helper()
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := db.Check(); err != nil {
			t.Errorf("consistency check: %v", err)
		}
		if err := checkIndexes(db); err != nil {
			t.Errorf("index check: %v", err)
		}
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

func TestOpenCreatesEveryBucket(t *testing.T) {
	db := mustOpen(t)
	err := db.view(t.Context(), func(tx *bbolt.Tx) error {
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil {
				t.Errorf("bucket %s missing", name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Ping(t.Context()); err != nil {
		t.Errorf("Ping: %v", err)
	}
	if n, err := db.Size(); err != nil || n <= 0 {
		t.Errorf("Size = %d, %v; want > 0", n, err)
	}
}

func TestCloseTwice(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "c.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestCanceledContext(t *testing.T) {
	db := mustOpen(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := db.SaveDocument(ctx, testDoc("https://a.example/x", "a.example"), nil); !errors.Is(err, context.Canceled) {
		t.Errorf("SaveDocument with canceled ctx = %v, want context.Canceled", err)
	}
	if err := db.Ping(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Ping with canceled ctx = %v, want context.Canceled", err)
	}
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crawler.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := testDoc("https://news.example/a", "news.example")
	page := testPage(doc.CanonicalURL, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if err := db.SaveDocument(t.Context(), doc, page); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	for _, ro := range []bool{false, true} {
		db, err := Open(path, Options{ReadOnly: ro})
		if err != nil {
			t.Fatalf("reopen (read-only %v): %v", ro, err)
		}
		got, err := db.Document(t.Context(), doc.CanonicalURL)
		if err != nil {
			t.Errorf("Document after reopen: %v", err)
		} else if got.Title != doc.Title {
			t.Errorf("Title after reopen = %q, want %q", got.Title, doc.Title)
		}
		p, err := db.Page(t.Context(), doc.CanonicalURL)
		if err != nil || string(p.Body) != string(page.Body) {
			t.Errorf("Page after reopen: %v", err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crawler.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.PutAlias(t.Context(), "a", "b"); err == nil {
		t.Error("PutAlias on a read-only database succeeded")
	}
}

func TestOpenReadOnlyMissingFile(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "absent.db"), Options{ReadOnly: true})
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open read-only of a missing file = %v, want os.ErrNotExist", err)
	}
}

func TestOpenCorrupt(t *testing.T) {
	valid := func(t *testing.T) []byte {
		path := filepath.Join(t.TempDir(), "v.db")
		db, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name    string
		content func(t *testing.T) []byte
	}{
		{"text file", func(*testing.T) []byte { return []byte("not a database\n") }},
		{"zeros", func(*testing.T) []byte { return make([]byte, 64<<10) }},
		{"random bytes", func(*testing.T) []byte { return pseudoRandom(64 << 10) }},
		{"meta pages wiped", func(t *testing.T) []byte {
			b := valid(t)
			copy(b[:8192], make([]byte, 8192))
			return b
		}},
		{"truncated", func(t *testing.T) []byte { return valid(t)[:5000] }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bad.db")
			if err := os.WriteFile(path, tt.content(t), 0o600); err != nil {
				t.Fatal(err)
			}
			db, err := Open(path, Options{})
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded on a corrupt file")
			}
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("Open = %v, want ErrCorrupt", err)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

// pseudoRandom returns n deterministic bytes that look like nothing bbolt
// would write.
func pseudoRandom(n int) []byte {
	b := make([]byte, n)
	x := uint32(2463534242)
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b[i] = byte(x)
	}
	return b
}

func TestOpenLockedInProcess(t *testing.T) {
	db := mustOpen(t)
	for _, ro := range []bool{false, true} {
		_, err := Open(db.Path(), Options{Timeout: 50 * time.Millisecond, ReadOnly: ro})
		if !errors.Is(err, ErrLocked) {
			t.Errorf("second Open (read-only %v) = %v, want ErrLocked", ro, err)
		}
	}
}

// lockedChildEnv names the database the child process of
// TestOpenLockedByAnotherProcess tries to open.
const lockedChildEnv = "CRAWLER_STORAGE_LOCKED_CHILD_DB"

func TestOpenLockedByAnotherProcess(t *testing.T) {
	if path := os.Getenv(lockedChildEnv); path != "" {
		_, err := Open(path, Options{Timeout: 200 * time.Millisecond})
		if !errors.Is(err, ErrLocked) {
			t.Fatalf("child Open = %v, want ErrLocked", err)
		}
		t.Logf("child: %v", err)
		return
	}
	db := mustOpen(t)
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestOpenLockedByAnotherProcess$", "-test.v")
	cmd.Env = append(os.Environ(), lockedChildEnv+"="+db.Path())
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("child did not give up on the lock in time:\n%s", out)
	}
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	for _, want := range []string{"locked by another process", "running crawler", db.Path()} {
		if !strings.Contains(string(out), want) {
			t.Errorf("child output lacks %q:\n%s", want, out)
		}
	}
}

func TestOpenNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "future.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = db.bolt.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(metaSchemaVersion, []byte{0, 0, 0, 0, 0, 0, 0, 99})
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, ro := range []bool{false, true} {
		if _, err := Open(path, Options{ReadOnly: ro}); !errors.Is(err, ErrSchemaVersion) {
			t.Errorf("Open (read-only %v) of a newer schema = %v, want ErrSchemaVersion", ro, err)
		}
	}
}
