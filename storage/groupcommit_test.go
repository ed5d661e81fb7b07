package storage

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"go.etcd.io/bbolt"
)

// TestGroupCommitIsolatesFailures sends many concurrent writes, some of
// which fail: the failing ones get their own error and write nothing,
// every other write lands.
func TestGroupCommitIsolatesFailures(t *testing.T) {
	db := mustOpen(t)
	errBad := errors.New("bad write")
	const n = 200
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = db.shared(context.Background(), func(tx *bbolt.Tx) error {
				if err := tx.Bucket(bucketMeta).Put(fmt.Appendf(nil, "k%03d", i), []byte("v")); err != nil {
					return err
				}
				if i%7 == 0 {
					return errBad
				}
				return nil
			})
		}()
	}
	wg.Wait()
	err := db.bolt.View(func(tx *bbolt.Tx) error {
		for i := range n {
			got := tx.Bucket(bucketMeta).Get(fmt.Appendf(nil, "k%03d", i))
			switch {
			case i%7 == 0 && (!errors.Is(errs[i], errBad) || got != nil):
				return fmt.Errorf("write %d: err %v, stored %q; want its error and nothing stored", i, errs[i], got)
			case i%7 != 0 && (errs[i] != nil || got == nil):
				return fmt.Errorf("write %d: err %v, stored %q; want it stored", i, errs[i], got)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestWriteAfterCloseFails(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "c.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	err = db.shared(context.Background(), func(*bbolt.Tx) error { return nil })
	if !errors.Is(err, ErrClosed) {
		t.Fatalf("write after close: %v, want ErrClosed", err)
	}
}

func TestSharedWriteHonoursCancelledContext(t *testing.T) {
	db := mustOpen(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ran := false
	err := db.shared(ctx, func(*bbolt.Tx) error { ran = true; return nil })
	if !errors.Is(err, context.Canceled) || ran {
		t.Fatalf("cancelled write: err %v, ran %v", err, ran)
	}
}
