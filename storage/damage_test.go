package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"crawler"
)

// damagedFile writes a database with documents, closes it, and overwrites
// with noise every 4 KiB page for which damage reports true.
func damagedFile(t *testing.T, damage func(page []byte) bool) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "damaged.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	seedDocuments(t, db, []string{"a.example"}, 50, time.Unix(0, 0))
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for off := 2 * 4096; off+4096 <= len(b); off += 4096 {
		if damage(b[off : off+4096]) {
			copy(b[off:off+4096], pseudoRandom(4096))
			n++
		}
	}
	if n == 0 {
		t.Fatal("no page matched; the test no longer damages anything")
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// A damaged data page is found by Check and makes reads fail with
// ErrCorrupt instead of crashing the process.
func TestDamagedPageGivesErrCorrupt(t *testing.T) {
	path := damagedFile(t, func(p []byte) bool { return bytes.Contains(p, []byte("Title of https://a.example/")) })
	db, err := Open(path, Options{})
	if err != nil {
		// Acceptable too, as long as it is reported as corruption.
		if !errors.Is(err, ErrCorrupt) {
			t.Fatalf("Open = %v, want success or ErrCorrupt", err)
		}
		return
	}
	defer db.Close()
	if err := db.Check(); err == nil {
		t.Error("Check found nothing wrong in a damaged file")
	}
	err = db.Documents(t.Context(), DocumentFilter{}, func(*crawler.Document) error { return nil })
	if !errors.Is(err, ErrCorrupt) {
		t.Errorf("Documents over a damaged page = %v, want ErrCorrupt", err)
	}
	// The DB stays usable for whatever is still readable.
	if err := db.Ping(t.Context()); err != nil {
		t.Errorf("Ping after a failed read: %v", err)
	}
}

func TestAllDataPagesDamaged(t *testing.T) {
	path := damagedFile(t, func([]byte) bool { return true })
	db, err := Open(path, Options{})
	if err == nil {
		db.Close()
		t.Fatal("Open succeeded with every data page overwritten")
	}
	if !errors.Is(err, ErrCorrupt) {
		t.Errorf("Open = %v, want ErrCorrupt", err)
	}
}

// A panic inside a transaction is reported as ErrCorrupt, and bbolt's
// writer lock is released so the next write goes through.
func TestPanicInTransactionIsRecovered(t *testing.T) {
	db := mustOpen(t)
	err := db.update(t.Context(), func(tx *bbolt.Tx) error {
		if err := tx.Bucket(bucketAliases).Put([]byte("half"), []byte("written")); err != nil {
			return err
		}
		panic("invalid page type")
	})
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("update = %v, want ErrCorrupt", err)
	}
	if _, ok, _ := db.Alias(t.Context(), "half"); ok {
		t.Error("the aborted transaction's write was kept")
	}
	if err := db.PutAlias(t.Context(), "a", "b"); err != nil {
		t.Errorf("write after the recovered panic: %v", err)
	}
}
