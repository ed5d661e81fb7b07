package clean

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// DecodeHTML transcodes a page to UTF-8 using, in order, a byte-order mark,
// the Content-Type header's charset (may be empty), a <meta charset> in the
// first 1024 bytes, and a guess; it never fails on undecodable bytes.
//
// Without a charset in contentType, a body that is valid UTF-8 is taken as
// UTF-8 whatever its <meta> says: archived and re-served pages often keep a
// stale declaration, and valid multi-byte UTF-8 is almost never an accident
// in a single-byte encoding.
func DecodeHTML(body []byte, contentType string) ([]byte, error) {
	if !strings.Contains(strings.ToLower(contentType), "charset") && utf8.Valid(body) {
		return bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), nil
	}
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return nil, fmt.Errorf("charset: %w", err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	return out, nil
}
