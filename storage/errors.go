package storage

import "errors"

// ErrNotFound is returned, wrapped with the key that was asked for, when a
// document, page or other record does not exist.
var ErrNotFound = errors.New("not found")

// ErrLocked is returned by Open when another process holds the database
// file's lock for longer than Options.Timeout. bbolt allows one writer
// process per file, so this usually means a crawler daemon is running;
// talk to it through its admin endpoint instead of opening the file.
var ErrLocked = errors.New("database locked")

// ErrCorrupt is returned by Open when the file is not a bbolt database or
// its structure is damaged. The file is left untouched so it can be
// inspected or restored from a backup.
var ErrCorrupt = errors.New("database corrupt")

// ErrSchemaVersion is returned by Open when the file was written by a newer
// version of this package whose layout this one does not understand.
var ErrSchemaVersion = errors.New("unsupported schema version")

// ErrClosed is returned by a write that arrives after Close.
var ErrClosed = errors.New("database closed")
