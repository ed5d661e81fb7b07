package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"crawler"
)

// turnPrefix starts the bucketHosts keys that hold a host's saved turn
// (crawler.HostTurn). Turns are small records written before every request,
// apart from the host state with its robots.txt body, so a request does not
// rewrite that body. Host keys never start with a NUL byte.
const turnPrefix = "\x00turn\x00"

// HostState returns the stored state of a politeness host
// (scheme://host:port); ok is false when the host is unknown. NextFetch is
// the later of the saved state's and the saved turn's.
func (db *DB) HostState(ctx context.Context, host string) (hs crawler.HostState, ok bool, err error) {
	err = db.view(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketHosts)
		if raw := b.Get([]byte(host)); raw != nil {
			ok = true
			if err := json.Unmarshal(raw, &hs); err != nil {
				return err
			}
		}
		next, found, err := turnTx(b, host)
		if err != nil || !found {
			return err
		}
		if !ok {
			hs, ok = crawler.HostState{Host: host}, true
		}
		if next.After(hs.NextFetch) {
			hs.NextFetch = next
		}
		return nil
	})
	if err != nil {
		return hs, false, fmt.Errorf("host state of %s: %w", host, err)
	}
	return hs, ok, nil
}

func turnTx(b *bbolt.Bucket, host string) (time.Time, bool, error) {
	raw := b.Get([]byte(turnPrefix + host))
	if raw == nil {
		return time.Time{}, false, nil
	}
	var t crawler.HostTurn
	if err := json.Unmarshal(raw, &t); err != nil {
		return time.Time{}, false, fmt.Errorf("decode turn of %s: %w", host, err)
	}
	return t.NextFetch, true, nil
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

func putHostStateTx(tx *bbolt.Tx, hs crawler.HostState) error {
	if hs.Host == "" {
		return fmt.Errorf("host state has no host")
	}
	raw, err := json.Marshal(hs)
	if err != nil {
		return fmt.Errorf("encode host state of %s: %w", hs.Host, err)
	}
	return tx.Bucket(bucketHosts).Put([]byte(hs.Host), raw)
}

// PutHostTurn saves a host's next allowed request start unless a later one
// is saved already. Concurrent calls share commits (see groupCommit), as
// each worker saves its host's turn before every request.
func (db *DB) PutHostTurn(ctx context.Context, t crawler.HostTurn) error {
	if err := db.shared(ctx, func(tx *bbolt.Tx) error { return putTurnTx(tx, t) }); err != nil {
		return fmt.Errorf("put turn of %s: %w", t.Host, err)
	}
	return nil
}

// putTurnTx keeps the later of the saved and the given turn: concurrent
// runs may save a host's turn out of order.
func putTurnTx(tx *bbolt.Tx, t crawler.HostTurn) error {
	if t.Host == "" || t.Host[0] == 0 {
		return fmt.Errorf("turn has no host")
	}
	b := tx.Bucket(bucketHosts)
	old, found, err := turnTx(b, t.Host)
	if err != nil {
		return err
	}
	if found && !t.NextFetch.After(old) {
		return nil
	}
	raw, err := json.Marshal(t)
	if err != nil {
		return fmt.Errorf("encode turn of %s: %w", t.Host, err)
	}
	return b.Put([]byte(turnPrefix+t.Host), raw)
}

// HostStates returns every stored host state in key order, each with its
// saved turn folded in.
func (db *DB) HostStates(ctx context.Context) ([]crawler.HostState, error) {
	var out []crawler.HostState
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketHosts)
		return b.ForEach(func(k, v []byte) error {
			if len(k) > 0 && k[0] == 0 {
				return nil
			}
			var hs crawler.HostState
			if err := json.Unmarshal(v, &hs); err != nil {
				return fmt.Errorf("decode host %q: %w", k, err)
			}
			next, _, err := turnTx(b, string(k))
			if err != nil {
				return err
			}
			if next.After(hs.NextFetch) {
				hs.NextFetch = next
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
