package storage

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"go.etcd.io/bbolt"
)

// RulesText returns the cleaning rules stored for site, or nil, nil when
// there are none. The text is opaque here; its grammar belongs to the
// cleaner that parses it.
func (db *DB) RulesText(ctx context.Context, site string) ([]byte, error) {
	var text []byte
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		text = bytes.Clone(tx.Bucket(bucketRules).Get([]byte(site)))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("rules of %s: %w", site, err)
	}
	return text, nil
}

// PutRulesText stores text as the cleaning rules of site, replacing any
// earlier rules. Empty text deletes them.
func (db *DB) PutRulesText(ctx context.Context, site string, text []byte) error {
	if site == "" {
		return errors.New("put rules: empty site")
	}
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketRules)
		if len(text) == 0 {
			return b.Delete([]byte(site))
		}
		return b.Put([]byte(site), text)
	})
	if err != nil {
		return fmt.Errorf("put rules of %s: %w", site, err)
	}
	return nil
}

// RuleSites returns the sites that have rules, sorted.
func (db *DB) RuleSites(ctx context.Context) ([]string, error) {
	var sites []string
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketRules).ForEach(func(k, _ []byte) error {
			sites = append(sites, string(k))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("rule sites: %w", err)
	}
	return sites, nil
}
