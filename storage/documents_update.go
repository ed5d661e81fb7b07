package storage

import (
	"context"
	"fmt"

	"go.etcd.io/bbolt"

	"crawler"
)

// UpdateDocuments is UpdateDocument for many documents in one transaction,
// so that re-cleaning a site pays for one commit and its fsync per batch
// instead of one per document. Each document is validated, must already
// be stored, and has its hash, simhash and site index entries moved
// exactly as UpdateDocument would. The batch is all or nothing: a nil or
// invalid document, or one that is not stored (the error then wraps
// ErrNotFound), fails the whole batch and writes nothing. When a canonical
// URL appears twice, the later document wins. An empty batch is a no-op.
//
// The transaction holds every document of the batch; callers should keep
// batches to a few hundred documents rather than pass a whole site.
func (db *DB) UpdateDocuments(ctx context.Context, docs []*crawler.Document) error {
	if len(docs) == 0 {
		return nil
	}
	ops := make([]*saveOp, len(docs))
	for i, d := range docs {
		if d == nil {
			return fmt.Errorf("update %d documents: document %d is nil", len(docs), i)
		}
		op, err := db.prepare(d, nil)
		if err != nil {
			return fmt.Errorf("update %d documents: %w", len(docs), err)
		}
		ops[i] = op
	}
	err := db.update(ctx, func(tx *bbolt.Tx) error {
		for _, op := range ops {
			if err := op.replaceTx(tx); err != nil {
				return fmt.Errorf("document %s: %w", op.doc.CanonicalURL, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("update %d documents: %w", len(docs), err)
	}
	return nil
}
