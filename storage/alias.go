package storage

import (
	"context"
	"errors"
	"fmt"

	"go.etcd.io/bbolt"
)

// PutAlias records that alias (a URL as discovered, or a duplicate's
// canonical URL) stands for the document stored under canonical. Putting
// the same alias again replaces its target; an alias equal to its target
// is not stored, so following aliases can never loop on one entry.
func (db *DB) PutAlias(ctx context.Context, alias, canonical string) error {
	err := db.update(ctx, func(tx *bbolt.Tx) error { return putAliasTx(tx, alias, canonical) })
	if err != nil {
		return fmt.Errorf("put alias %s -> %s: %w", alias, canonical, err)
	}
	return nil
}

// putAliasTx is PutAlias inside a caller's transaction.
func putAliasTx(tx *bbolt.Tx, alias, canonical string) error {
	if alias == "" || canonical == "" {
		return errors.New("alias and canonical URL must not be empty")
	}
	if alias == canonical {
		return nil
	}
	return tx.Bucket(bucketAliases).Put([]byte(alias), []byte(canonical))
}

// Alias returns the canonical URL recorded for url by PutAlias; ok is
// false when there is none. It does not follow chains of aliases.
func (db *DB) Alias(ctx context.Context, url string) (canonical string, ok bool, err error) {
	err = db.view(ctx, func(tx *bbolt.Tx) error {
		if v := tx.Bucket(bucketAliases).Get([]byte(url)); v != nil {
			canonical, ok = string(v), true
		}
		return nil
	})
	if err != nil {
		return "", false, fmt.Errorf("alias %s: %w", url, err)
	}
	return canonical, ok, nil
}

// AliasCount returns the number of aliases stored.
func (db *DB) AliasCount(ctx context.Context) (int, error) {
	var n int
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		n = tx.Bucket(bucketAliases).Stats().KeyN
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("count aliases: %w", err)
	}
	return n, nil
}
