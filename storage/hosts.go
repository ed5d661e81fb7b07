package storage

import (
	"context"
	"encoding/json"
	"fmt"

	"go.etcd.io/bbolt"

	"crawler"
)

// HostState returns the stored state of a politeness host
// (scheme://host:port); ok is false when the host is unknown.
func (db *DB) HostState(ctx context.Context, host string) (hs crawler.HostState, ok bool, err error) {
	err = db.view(ctx, func(tx *bbolt.Tx) error {
		raw := tx.Bucket(bucketHosts).Get([]byte(host))
		if raw == nil {
			return nil
		}
		ok = true
		return json.Unmarshal(raw, &hs)
	})
	if err != nil {
		return hs, false, fmt.Errorf("host state of %s: %w", host, err)
	}
	return hs, ok, nil
}

// PutHostState stores a host's state, replacing what was there.
func (db *DB) PutHostState(ctx context.Context, hs crawler.HostState) error {
	return db.PutHostStates(ctx, []crawler.HostState{hs})
}

// PutHostStates stores several hosts' states in one transaction.
func (db *DB) PutHostStates(ctx context.Context, states []crawler.HostState) error {
	raws := make([][]byte, len(states))
	for i, hs := range states {
		raw, err := json.Marshal(hs)
		if err != nil {
			return fmt.Errorf("encode host state of %s: %w", hs.Host, err)
		}
		raws[i] = raw
	}
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketHosts)
		for i, hs := range states {
			if hs.Host == "" {
				return fmt.Errorf("host state %d has no host", i)
			}
			if err := b.Put([]byte(hs.Host), raws[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("put %d host states: %w", len(states), err)
	}
	return nil
}

// HostStates returns every stored host state in key order.
func (db *DB) HostStates(ctx context.Context) ([]crawler.HostState, error) {
	var out []crawler.HostState
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketHosts).ForEach(func(k, v []byte) error {
			var hs crawler.HostState
			if err := json.Unmarshal(v, &hs); err != nil {
				return fmt.Errorf("decode host %q: %w", k, err)
			}
			out = append(out, hs)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("host states: %w", err)
	}
	return out, nil
}
