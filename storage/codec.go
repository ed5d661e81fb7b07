package storage

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/klauspost/compress/zstd"

	"crawler"
)

// maxBodySize bounds a decompressed page body, so a damaged record cannot
// make a read allocate without limit.
const maxBodySize = 256 << 20

// pageFormat is the first byte of every page record, so the layout can
// change later without guessing.
const pageFormat = 1

// sep separates the variable-length parts of composite index keys. URLs,
// sites, hashes and job names never contain it; validation enforces that.
const sep = 0x00

func (db *DB) initCodec() error {
	enc, err := zstd.NewWriter(nil)
	if err != nil {
		return fmt.Errorf("zstd encoder: %w", err)
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderMaxMemory(maxBodySize))
	if err != nil {
		enc.Close()
		return fmt.Errorf("zstd decoder: %w", err)
	}
	db.enc, db.dec = enc, dec
	return nil
}

// pageHeader is the JSON part of a page record. Site is kept so the
// pagetimes index entry can be found and removed when the page changes.
type pageHeader struct {
	Site string        `json:"site"`
	Page *crawler.Page `json:"page"`
}

// encodePage builds a page record: format byte, uvarint header length,
// JSON header, then zstdBody (p.Body already compressed, so the costly part
// can happen outside a transaction).
func encodePage(site string, p *crawler.Page, zstdBody []byte) ([]byte, error) {
	hdr, err := json.Marshal(pageHeader{Site: site, Page: p})
	if err != nil {
		return nil, fmt.Errorf("encode page %s: %w", p.URL, err)
	}
	buf := make([]byte, 0, 1+binary.MaxVarintLen64+len(hdr)+len(zstdBody))
	buf = append(buf, pageFormat)
	buf = binary.AppendUvarint(buf, uint64(len(hdr)))
	buf = append(buf, hdr...)
	return append(buf, zstdBody...), nil
}

// splitPage returns the header and compressed body of a record without
// copying; both alias v.
func splitPage(v []byte) (hdr, body []byte, err error) {
	if len(v) == 0 || v[0] != pageFormat {
		return nil, nil, errors.New("unknown page record format")
	}
	n, w := binary.Uvarint(v[1:])
	if w <= 0 || n > uint64(len(v)-1-w) {
		return nil, nil, errors.New("truncated page record")
	}
	start := 1 + w
	return v[start : start+int(n)], v[start+int(n):], nil
}

// decodePageHeader decodes only the JSON part of a record; the page it
// returns has no Body.
func decodePageHeader(v []byte) (pageHeader, error) {
	hdr, _, err := splitPage(v)
	if err != nil {
		return pageHeader{}, err
	}
	h := pageHeader{Page: new(crawler.Page)}
	if err := json.Unmarshal(hdr, &h); err != nil {
		return pageHeader{}, fmt.Errorf("page header: %w", err)
	}
	return h, nil
}

// decodePage decodes a whole record, body included. v may alias
// transaction memory: everything returned is a copy.
func (db *DB) decodePage(v []byte) (*crawler.Page, error) {
	h, err := decodePageHeader(v)
	if err != nil {
		return nil, err
	}
	_, body, _ := splitPage(v)
	if len(body) > 0 {
		if h.Page.Body, err = db.dec.DecodeAll(body, nil); err != nil {
			return nil, fmt.Errorf("page body: %w", err)
		}
		if len(h.Page.Body) == 0 {
			h.Page.Body = nil
		}
	}
	return h.Page, nil
}

func encodeDocument(d *crawler.Document) ([]byte, error) {
	v, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("encode document %s: %w", d.CanonicalURL, err)
	}
	return v, nil
}

func decodeDocument(v []byte) (*crawler.Document, error) {
	d := new(crawler.Document)
	if err := json.Unmarshal(v, d); err != nil {
		return nil, fmt.Errorf("decode document: %w", err)
	}
	return d, nil
}

// Bounds of time.Time.UnixNano; outside them its result is undefined.
var (
	minNanoTime = time.Unix(0, math.MinInt64)
	maxNanoTime = time.Unix(0, math.MaxInt64)
)

// timeKey encodes t as 8 bytes whose byte order is time order, including
// before 1970 and for the zero time (which sorts first).
func timeKey(t time.Time) []byte {
	var n int64
	switch {
	case t.Before(minNanoTime):
		n = math.MinInt64
	case t.After(maxNanoTime):
		n = math.MaxInt64
	default:
		n = t.UnixNano()
	}
	return binary.BigEndian.AppendUint64(nil, uint64(n)^(1<<63))
}

// key joins parts into a composite key: prefix 0x00 rest...
// Only the first part is followed by a separator; the rest are fixed-width
// or last.
func key(prefix string, rest ...[]byte) []byte {
	n := len(prefix) + 1
	for _, r := range rest {
		n += len(r)
	}
	k := make([]byte, 0, n)
	k = append(k, prefix...)
	k = append(k, sep)
	for _, r := range rest {
		k = append(k, r...)
	}
	return k
}

// prefixEnd returns the smallest key greater than every key starting with
// prefix + 0x00, used to walk a prefix backwards.
func prefixEnd(prefix string) []byte {
	return append([]byte(prefix), sep+1)
}

// checkKeyPart rejects a string that would break composite key parsing.
func checkKeyPart(what, s string) error {
	if bytes.IndexByte([]byte(s), sep) >= 0 {
		return fmt.Errorf("%s %q contains a NUL byte", what, s)
	}
	return nil
}
