package storage

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// BenchmarkSaveDocument measures one durable save (one fsync'd bbolt
// transaction) of a document, alone and with a typical 60 KB article page.
// Compare the two to see what compressing and storing the page costs.
func BenchmarkSaveDocument(b *testing.B) {
	body := []byte(strings.Repeat(`<div class="share-bar"><a href="/x">Share</a></div><p>Paragraph of an article. </p>`, 700))
	for _, withPage := range []bool{false, true} {
		name := "document"
		if withPage {
			name = "document+page"
		}
		b.Run(name, func(b *testing.B) {
			db := mustOpen(b)
			i := 0
			if withPage {
				b.SetBytes(int64(len(body)))
			}
			for b.Loop() {
				u := fmt.Sprintf("https://bench.example/%d", i)
				doc := testDoc(u, "bench.example")
				doc.SimHash = uint64(i) * 0x9E3779B97F4A7C15
				var err error
				if withPage {
					p := testPage(u, time.Unix(int64(i), 0))
					p.Body = body
					err = db.SaveDocument(b.Context(), doc, p)
				} else {
					err = db.SaveDocument(b.Context(), doc, nil)
				}
				if err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkNearDuplicate measures a near-duplicate probe against a site
// with 5,000 stored documents (the bit-range index reads about 15 of them).
func BenchmarkNearDuplicate(b *testing.B) {
	db := mustOpen(b)
	const n = 5000
	err := db.update(b.Context(), func(tx *bbolt.Tx) error {
		for i := range n {
			doc := testDoc(fmt.Sprintf("https://bench.example/%d", i), "bench.example")
			doc.SimHash = uint64(i) * 0x9E3779B97F4A7C15
			if err := db.putDocumentTx(tx, doc, nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := db.NearDuplicate(b.Context(), "bench.example", 0x1234_5678_9ABC_DEF0, 3); err != nil {
			b.Fatal(err)
		}
	}
}
