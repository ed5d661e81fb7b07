package fetch

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gocolly/colly/v2"
)

// DownloadOptions configure Download. Zero values are stated per field.
type DownloadOptions struct {
	// Parallelism is how many requests are in flight at once, all hosts
	// together. Zero: 4, the crawler's default ParallelHosts.
	Parallelism int
	// UserAgent is sent with every request. Zero: "crawler/1.0".
	UserAgent string
	// MaxBody bounds a response body in bytes. Zero: 10 MiB.
	MaxBody int
}

// DownloadReport is what a Download did.
type DownloadReport struct {
	// Requests is every request made, Pages the ones answered 2xx.
	Requests, Pages int64
	// Bytes is the sum of the 2xx bodies.
	Bytes int64
	// Errors counts requests that failed or were answered non-2xx.
	Errors int64
	// Duration is the wall time from the first request to the last answer.
	Duration time.Duration
}

// Download is a bare colly crawl: asynchronous, Parallelism requests at
// once, each URL visited once, following every <a href> that stays on one
// of the seeds' hosts (host and port), with no robots.txt, no delay, no
// cleaning and no storage. It exists as the baseline the crawler is
// measured against: the pages per second a plain colly program reaches on
// the same site on the same machine. Private and loopback addresses are
// allowed, since that is where benchmarks run. It returns ctx's error when
// ctx ends first.
func Download(ctx context.Context, seeds []string, opts DownloadOptions) (DownloadReport, error) {
	opts = opts.withDefaults()
	hosts := map[string]bool{}
	for _, s := range seeds {
		u, err := url.Parse(s)
		if err != nil || u.Host == "" {
			return DownloadReport{}, fmt.Errorf("download: seed %q: not an absolute URL", s)
		}
		hosts[u.Host] = true
	}
	c, tr, err := newBaselineCollector(ctx, opts)
	if err != nil {
		return DownloadReport{}, err
	}
	defer tr.CloseIdleConnections()
	var rep DownloadReport
	// colly's own visited set is checked and filled in two steps, so in
	// async mode two pages linking one URL at once can both fetch it; this
	// set makes "each URL once" hold.
	var mu sync.Mutex
	seen := map[string]bool{}
	visit := func(u string) {
		mu.Lock()
		dup := seen[u]
		seen[u] = true
		mu.Unlock()
		if !dup {
			// A cancelled context comes back as an error here, and ends
			// the crawl through ctx.Err below.
			_ = c.Visit(u)
		}
	}
	c.OnRequest(func(*colly.Request) { atomic.AddInt64(&rep.Requests, 1) })
	c.OnResponse(func(r *colly.Response) {
		atomic.AddInt64(&rep.Pages, 1)
		atomic.AddInt64(&rep.Bytes, int64(len(r.Body)))
	})
	c.OnError(func(*colly.Response, error) { atomic.AddInt64(&rep.Errors, 1) })
	c.OnHTML("a[href]", func(e *colly.HTMLElement) {
		u, err := url.Parse(e.Request.AbsoluteURL(e.Attr("href")))
		if err != nil || !hosts[u.Host] || (u.Scheme != "http" && u.Scheme != "https") {
			return
		}
		u.Fragment = ""
		visit(u.String())
	})
	start := time.Now()
	for _, s := range seeds {
		visit(s)
	}
	c.Wait()
	rep.Duration = time.Since(start)
	if err := ctx.Err(); err != nil {
		return rep, fmt.Errorf("download: %w", err)
	}
	return rep, nil
}

func (o DownloadOptions) withDefaults() DownloadOptions {
	if o.Parallelism <= 0 {
		o.Parallelism = DefaultOptions().ParallelHosts
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultOptions().UserAgent
	}
	if o.MaxBody <= 0 {
		o.MaxBody = int(DefaultOptions().MaxBody)
	}
	return o
}

// newBaselineCollector builds the baseline's collector with its own
// transport, so one run's idle connections neither help nor hinder the
// next. Every setting is assigned after NewCollector, which reads COLLY_*
// environment variables.
func newBaselineCollector(ctx context.Context, o DownloadOptions) (*colly.Collector, *http.Transport, error) {
	c := colly.NewCollector(colly.StdlibContext(ctx), colly.Async(true))
	c.UserAgent = o.UserAgent
	c.MaxDepth, c.MaxRequests = 0, 0
	c.AllowURLRevisit = false
	c.AllowedDomains, c.DisallowedDomains = nil, nil
	c.URLFilters, c.DisallowedURLFilters = nil, nil
	c.IgnoreRobotsTxt = true
	c.Async = true
	c.CacheDir = ""
	c.MaxBodySize = o.MaxBody
	c.ParseHTTPErrorResponse = false
	c.DetectCharset = false
	c.CheckHead = false
	c.TraceHTTP = false
	tr := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        100,
		MaxIdleConnsPerHost: 2,
		IdleConnTimeout:     90 * time.Second,
	}
	c.WithTransport(tr)
	c.SetRequestTimeout(30 * time.Second)
	c.DisableCookies()
	if err := c.Limit(&colly.LimitRule{DomainGlob: "*", Parallelism: o.Parallelism}); err != nil {
		return nil, nil, fmt.Errorf("download: limit rule: %w", err)
	}
	return c, tr, nil
}
