package clean

import (
	"bytes"
	"fmt"
	"io"

	"golang.org/x/net/html/charset"
)

// DecodeHTML transcodes a page to UTF-8 using, in order, a byte-order mark,
// the Content-Type header's charset (may be empty), a <meta charset> in the
// first 1024 bytes, and a guess; it never fails on undecodable bytes.
func DecodeHTML(body []byte, contentType string) ([]byte, error) {
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
