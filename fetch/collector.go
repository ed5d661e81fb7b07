package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/gocolly/colly/v2"
)

const responseKey = "crawler.response"

// response is one HTTP exchange: a single hop, redirects not followed.
type response struct {
	Status      int
	Header      http.Header
	Body        []byte
	ContentType string // as the server sent it, charset included
	Duration    time.Duration
}

// newCollector builds the run's colly Collector. colly parses COLLY_*
// environment variables inside NewCollector, after its options, so every
// setting that matters is assigned again afterwards.
func newCollector(ctx context.Context, o Options) *colly.Collector {
	c := colly.NewCollector(colly.StdlibContext(ctx))
	c.UserAgent = o.UserAgent
	c.Headers = nil
	c.MaxDepth, c.MaxRequests = 0, 0
	c.AllowURLRevisit = true // the frontier dedups, across runs too
	c.AllowedDomains, c.DisallowedDomains = nil, nil
	c.URLFilters, c.DisallowedURLFilters = nil, nil
	// Our robots.txt handling has expiry, 5xx rules and Crawl-delay;
	// colly's cache never expires. Every request is checked before it is made.
	c.IgnoreRobotsTxt = true
	c.Async = false
	c.CacheDir = ""
	c.ParseHTTPErrorResponse = true
	c.DetectCharset = false
	c.CheckHead = false
	c.TraceHTTP = false
	// limitTransport enforces MaxBody after decompression and fails
	// instead of truncating, which colly's limit would do silently.
	c.MaxBodySize = 0
	c.Context = ctx
	c.WithTransport(newTransport(o))
	c.SetRequestTimeout(o.Timeout)
	c.DisableCookies()
	c.SetRedirectHandler(func(*http.Request, []*http.Request) error {
		// Hops are followed by us, each one scheduled and robots-checked.
		return http.ErrUseLastResponse
	})
	c.OnResponse(func(r *colly.Response) { r.Ctx.Put(responseKey, r) })
	return c
}

// get performs one GET without following redirects.
func get(c *colly.Collector, rawURL string, hdr http.Header) (*response, error) {
	cctx := colly.NewContext()
	h := http.Header{
		"Accept": {"text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml;q=0.9,*/*;q=0.5"},
	}
	for k, v := range hdr {
		h[k] = v
	}
	start := time.Now()
	err := c.Request(http.MethodGet, rawURL, nil, cctx, h)
	d := time.Since(start)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", rawURL, unwrapURLError(err))
	}
	r, ok := cctx.GetAny(responseKey).(*colly.Response)
	if !ok || r == nil {
		return nil, fmt.Errorf("get %s: no response", rawURL)
	}
	resp := &response{Status: r.StatusCode, Body: r.Body, Duration: d}
	if r.Headers != nil {
		resp.Header = *r.Headers
		resp.ContentType = resp.Header.Get(rawContentTypeHeader)
	}
	return resp, nil
}

func unwrapURLError(err error) error {
	if errors.Is(err, ErrBodyTooLarge) {
		return ErrBodyTooLarge
	}
	return err
}
