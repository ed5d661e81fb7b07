package storage

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/klauspost/compress/zstd"
	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// defaultTimeout is how long Open waits for the file lock when
// Options.Timeout is zero. bbolt itself would wait forever, which turns a
// second process into a silent hang.
const defaultTimeout = time.Second

// Options configures Open.
type Options struct {
	// Timeout is how long Open waits for another process to release the
	// file lock before failing with ErrLocked. Zero means one second.
	Timeout time.Duration
	// ReadOnly opens the file with a shared lock and refuses writes. The
	// file must already exist and have been initialised by a read-write
	// Open. Zero (false) opens read-write and creates the file if needed.
	ReadOnly bool
}

// DB is the crawler's embedded database: documents, raw pages, their
// indexes, site rules, job history and the crawl frontier, in one bbolt file.
// A DB is safe for concurrent use. Close it to release the file lock.
type DB struct {
	bolt *bbolt.DB
	path string
	enc  *zstd.Encoder
	dec  *zstd.Decoder
	// group runs concurrent small writes in shared commits; nil when
	// read-only.
	group *groupCommit

	closeOnce sync.Once
	closeErr  error
}

// Open opens the database at path, creating the file and every bucket if
// they do not exist. It fails with an error wrapping ErrLocked when another
// process holds the file for longer than opts.Timeout, with ErrCorrupt when
// the file is not a readable bbolt database, and with ErrSchemaVersion when
// it was written by a newer layout.
func Open(path string, opts Options) (*DB, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = defaultTimeout
	}
	bdb, err := openBolt(path, opts)
	if err != nil {
		return nil, err
	}
	db := &DB{bolt: bdb, path: path}
	if err := db.init(opts.ReadOnly); err != nil {
		_ = bdb.Close()
		return nil, err
	}
	if err := db.initCodec(); err != nil {
		_ = bdb.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if !opts.ReadOnly {
		db.group = startGroupCommit(db)
	}
	return db, nil
}

// openBolt opens the file and translates bbolt's errors, and the panics it
// raises on some damaged files, into this package's sentinels.
func openBolt(path string, opts Options) (bdb *bbolt.DB, err error) {
	if err := checkTruncated(path); err != nil {
		return nil, err
	}
	// bbolt panics on some damaged files (a bad freelist page) after it has
	// mapped the file. The mapping, and with it the file lock, then stays
	// until the process exits; the caller still gets ErrCorrupt, not a crash.
	defer func() {
		if r := recover(); r != nil {
			bdb, err = nil, corruptError(path, fmt.Errorf("%v", r))
		}
	}()
	// The freelist stays synced and an array: rebuilding it on open
	// (NoFreelistSync) scans the file in a goroutine that panics,
	// uncatchably, on a damaged one, and the hashmap freelist, synced,
	// doubled the file of the frontier benchmark.
	bdb, err = bbolt.Open(path, 0o600, &bbolt.Options{Timeout: opts.Timeout, ReadOnly: opts.ReadOnly})
	switch {
	case err == nil:
		return bdb, nil
	case errors.Is(err, berrors.ErrTimeout):
		return nil, fmt.Errorf("open %s: database is locked by another process (probably a running crawler); waited %s: %w",
			path, opts.Timeout, ErrLocked)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum),
		errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrInvalidMapping):
		return nil, corruptError(path, err)
	default:
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
}

// boltMagic marks the meta pages of a bbolt file.
const boltMagic = 0xED0CDAED

// checkTruncated reports a file whose first meta page is intact but which
// is shorter than the two meta pages bbolt needs. bbolt rejects it with an
// error that has no sentinel to test for, so it is recognised here first.
func checkTruncated(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // bbolt.Open reports missing files and permissions itself
	}
	defer f.Close()
	// Page header (16 bytes), then meta: magic, version, page size.
	var hdr [28]byte
	if _, err := io.ReadFull(f, hdr[:]); err != nil {
		return nil
	}
	fi, err := f.Stat()
	if err != nil {
		return nil
	}
	if binary.NativeEndian.Uint32(hdr[16:]) != boltMagic {
		return nil
	}
	if pageSize := int64(binary.NativeEndian.Uint32(hdr[24:])); fi.Size() < 2*pageSize {
		return corruptError(path, fmt.Errorf("file is %d bytes, shorter than its two %d-byte meta pages", fi.Size(), pageSize))
	}
	return nil
}

func corruptError(path string, cause error) error {
	return fmt.Errorf("open %s: not a readable crawler database (%v): %w", path, cause, ErrCorrupt)
}

// init creates missing buckets and checks the schema version. A damaged
// file can make bbolt panic while reading pages, so the panic is reported
// as corruption instead of taking the process down.
func (db *DB) init(readOnly bool) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = corruptError(db.path, fmt.Errorf("%v", r))
		}
	}()
	if readOnly {
		err = db.bolt.View(db.checkLayout)
	} else {
		err = db.bolt.Update(db.createLayout)
	}
	if err != nil {
		return fmt.Errorf("open %s: %w", db.path, err)
	}
	return nil
}

func (db *DB) createLayout(tx *bbolt.Tx) error {
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	meta := tx.Bucket(bucketMeta)
	if meta.Get(metaSchemaVersion) == nil {
		return meta.Put(metaSchemaVersion, binary.BigEndian.AppendUint64(nil, schemaVersion))
	}
	if err := migrate(tx); err != nil {
		return err
	}
	return checkSchema(meta)
}

func (db *DB) checkLayout(tx *bbolt.Tx) error {
	for _, name := range allBuckets {
		if tx.Bucket(name) == nil {
			return fmt.Errorf("bucket %s missing; open the database read-write once to create it", name)
		}
	}
	return checkSchema(tx.Bucket(bucketMeta))
}

func checkSchema(meta *bbolt.Bucket) error {
	v := meta.Get(metaSchemaVersion)
	if len(v) != 8 {
		return fmt.Errorf("schema version record is %d bytes, want 8: %w", len(v), ErrCorrupt)
	}
	if got := binary.BigEndian.Uint64(v); got != schemaVersion {
		return fmt.Errorf("schema version %d, this build reads %d: %w", got, schemaVersion, ErrSchemaVersion)
	}
	return nil
}

// Close releases the file lock and the compression state. It is safe to
// call more than once; later calls return the first call's result. No
// method may be called after Close.
func (db *DB) Close() error {
	db.closeOnce.Do(func() {
		if db.group != nil {
			db.group.close()
		}
		db.enc.Close()
		db.dec.Close()
		if err := db.bolt.Close(); err != nil {
			db.closeErr = fmt.Errorf("close %s: %w", db.path, err)
		}
	})
	return db.closeErr
}

// Path returns the file name the database was opened with.
func (db *DB) Path() string { return db.path }

// Size returns the size of the database file on disk in bytes.
func (db *DB) Size() (int64, error) {
	fi, err := os.Stat(db.path)
	if err != nil {
		return 0, fmt.Errorf("size of %s: %w", db.path, err)
	}
	return fi.Size(), nil
}

// Check walks every page of the file and returns all inconsistencies found,
// joined, or nil. It holds a read transaction for the whole walk, so on a
// large file it takes a while; writers are not blocked.
func (db *DB) Check() (err error) {
	defer db.recoverCorrupt(&err)
	var errs []error
	err = db.bolt.View(func(tx *bbolt.Tx) error {
		for err := range tx.Check() {
			errs = append(errs, err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("check %s: %w", db.path, err)
	}
	if len(errs) > 0 {
		return fmt.Errorf("check %s: %w", db.path, errors.Join(errs...))
	}
	return nil
}

// Ping reports whether the database answers a read: nil when it does.
// It is cheap enough for a readiness probe or a watchdog.
func (db *DB) Ping(ctx context.Context) error {
	return db.view(ctx, func(tx *bbolt.Tx) error {
		return checkSchema(tx.Bucket(bucketMeta))
	})
}

// update runs fn in a read-write transaction, after checking that ctx is
// still live, since bbolt itself cannot be cancelled. fn's error rolls the
// transaction back. fn must not do network I/O, must not retain byte
// slices from the transaction, and must not call other DB methods (a
// nested transaction deadlocks).
func (db *DB) update(ctx context.Context, fn func(tx *bbolt.Tx) error) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	return db.updateNow(fn)
}

// updateNow is update without the context check.
func (db *DB) updateNow(fn func(tx *bbolt.Tx) error) (err error) {
	defer db.recoverCorrupt(&err)
	return db.bolt.Update(fn)
}

// shared is update through the group commit: for the small writes a crawl
// makes concurrently, which then share commits. fn may run twice.
func (db *DB) shared(ctx context.Context, fn func(tx *bbolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return db.write(fn)
}

// view runs fn in a read-only transaction after checking ctx. The same
// rules as for update apply; byte slices are valid only until fn returns.
func (db *DB) view(ctx context.Context, fn func(tx *bbolt.Tx) error) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	defer db.recoverCorrupt(&err)
	return db.bolt.View(fn)
}

// recoverCorrupt turns a panic inside a transaction into an error wrapping
// ErrCorrupt. bbolt panics when it meets a damaged page, and a daemon
// should report that, not die of it. bbolt has already rolled the
// transaction back by the time the panic reaches here.
func (db *DB) recoverCorrupt(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("database %s: transaction aborted by a panic, the file is probably damaged (run a consistency check): %v: %w",
			db.path, r, ErrCorrupt)
	}
}
