package fetch

import (
	"compress/gzip"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"syscall"
	"time"
)

// rawContentTypeHeader carries the server's Content-Type past colly, whose
// own charset conversion would otherwise run before clean.DecodeHTML and
// decode the body twice.
const rawContentTypeHeader = "X-Crawler-Content-Type"

// newTransport builds the HTTP transport: dial, TLS and header timeouts,
// the private-network guard, our own decompression and the body limit.
func newTransport(o Options) http.RoundTripper {
	dialer := &net.Dialer{Timeout: min(o.Timeout, 10*time.Second), KeepAlive: 30 * time.Second}
	if !o.AllowPrivate {
		dialer.Control = refusePrivate
	}
	base := &http.Transport{
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   min(o.Timeout, 10*time.Second),
		ResponseHeaderTimeout: o.Timeout,
		ExpectContinueTimeout: time.Second,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       90 * time.Second,
		// We decompress ourselves so the body limit counts decompressed bytes.
		DisableCompression: true,
	}
	return &limitTransport{base: base, max: o.MaxBody}
}

// refusePrivate runs after DNS resolution on the address actually dialled,
// so redirects and DNS rebinding cannot reach internal services.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, address)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, address)
	}
	ip = ip.Unmap()
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsUnspecified() || ip.IsMulticast() || isSharedOrReserved(ip) {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, ip)
	}
	return nil
}

var extraBlocked = []netip.Prefix{
	netip.MustParsePrefix("100.64.0.0/10"), // carrier-grade NAT
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("240.0.0.0/4"),
}

func isSharedOrReserved(ip netip.Addr) bool {
	for _, p := range extraBlocked {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

type limitTransport struct {
	base http.RoundTripper
	max  int64
}

func (t *limitTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body := io.ReadCloser(resp.Body)
	if isGzip(resp, req) {
		gz, err := newLazyGzip(resp.Body)
		if err != nil {
			resp.Body.Close()
			return nil, fmt.Errorf("gzip body of %s: %w", req.URL, err)
		}
		body = gz
		resp.Header.Del("Content-Encoding")
		resp.Header.Del("Content-Length")
		resp.ContentLength = -1
	}
	resp.Body = &limitedBody{rc: body, left: t.max}
	// colly must neither gunzip again nor transcode: we do both.
	resp.Uncompressed = true
	if ct := resp.Header.Get("Content-Type"); ct != "" {
		resp.Header.Set(rawContentTypeHeader, ct)
		if mt, _, err := mime.ParseMediaType(ct); err == nil {
			resp.Header.Set("Content-Type", mt)
		}
	}
	return resp, nil
}

func isGzip(resp *http.Response, req *http.Request) bool {
	ce := strings.ToLower(resp.Header.Get("Content-Encoding"))
	if strings.Contains(ce, "gzip") {
		return true
	}
	ct := strings.ToLower(resp.Header.Get("Content-Type"))
	return ce == "" && (strings.Contains(ct, "gzip") || strings.HasSuffix(strings.ToLower(req.URL.Path), ".gz"))
}

// lazyGzip defers reading the gzip header to the first Read, so the
// header read falls under the whole-request timeout like the rest.
type lazyGzip struct {
	src io.ReadCloser
	zr  *gzip.Reader
}

func newLazyGzip(src io.ReadCloser) (*lazyGzip, error) { return &lazyGzip{src: src}, nil }

func (g *lazyGzip) Read(p []byte) (int, error) {
	if g.zr == nil {
		zr, err := gzip.NewReader(g.src)
		if err != nil {
			return 0, fmt.Errorf("gzip: %w", err)
		}
		g.zr = zr
	}
	return g.zr.Read(p)
}

func (g *lazyGzip) Close() error { return g.src.Close() }

// limitedBody fails instead of truncating, so an oversized page is
// recorded as failed rather than stored cut short.
type limitedBody struct {
	rc   io.ReadCloser
	left int64
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left < 0 {
		return 0, ErrBodyTooLarge
	}
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	if b.left < 0 {
		return 0, ErrBodyTooLarge
	}
	return n, err
}

func (b *limitedBody) Close() error { return b.rc.Close() }
