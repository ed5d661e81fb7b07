package storage

import (
	"context"
	"encoding/json"
	"fmt"

	"go.etcd.io/bbolt"

	"crawler"
)

// Validators returns the conditional-GET validators stored for url; ok is
// false when there are none.
func (db *DB) Validators(ctx context.Context, url string) (v crawler.Validators, ok bool, err error) {
	err = db.view(ctx, func(tx *bbolt.Tx) error {
		raw := tx.Bucket(bucketValidators).Get([]byte(url))
		if raw == nil {
			return nil
		}
		ok = true
		return json.Unmarshal(raw, &v)
	})
	if err != nil {
		return v, false, fmt.Errorf("validators of %s: %w", url, err)
	}
	return v, ok, nil
}

// PutValidators stores url's validators; empty validators delete the record.
func (db *DB) PutValidators(ctx context.Context, url string, v crawler.Validators) error {
	err := db.update(ctx, func(tx *bbolt.Tx) error { return putValidatorsTx(tx, url, v) })
	if err != nil {
		return fmt.Errorf("put validators of %s: %w", url, err)
	}
	return nil
}

func putValidatorsTx(tx *bbolt.Tx, url string, v crawler.Validators) error {
	b := tx.Bucket(bucketValidators)
	if v == (crawler.Validators{}) {
		return b.Delete([]byte(url))
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put([]byte(url), raw)
}
