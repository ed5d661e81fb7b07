package fetch

import (
	"context"
	"log/slog"
	"time"

	"crawler/clean"
)

// Options configure a Crawler. Zero values fall back to DefaultOptions,
// except the booleans, whose zero values are stated per field.
type Options struct {
	// UserAgent is sent with every request and matched against robots.txt
	// groups. Zero: "crawler/1.0".
	UserAgent string
	// Delay is the minimum gap between two requests to one host, counted
	// from the previous one's start and from its end (robots.txt fetches
	// and redirect hops count). Zero: 1s. Negative: no delay, for your
	// own servers and benchmarks.
	Delay time.Duration
	// Timeout bounds a whole request, headers and body together. Zero: 30s.
	Timeout time.Duration
	// MaxCrawlDelay caps a robots.txt Crawl-delay. Zero: 60s.
	MaxCrawlDelay time.Duration
	// ParallelHosts is how many hosts are fetched at once; each host still
	// gets one request at a time. Zero: 4.
	ParallelHosts int
	// MaxBody bounds a decompressed response body in bytes. Zero: 10 MiB.
	MaxBody int64
	// RespectRobots obeys robots.txt. Zero value false: DefaultOptions sets it.
	RespectRobots bool
	// AllowPrivate permits loopback and private-network targets. Zero value
	// false refuses them in the dialer (tests set it).
	AllowPrivate bool
	// MaxRetries bounds the attempts on one URL before it is failed. Zero: 3.
	MaxRetries int
	// Logger receives crawl logs. Nil: discard.
	Logger *slog.Logger
	// Observer receives per-event metrics. Nil: no-op.
	Observer Observer
	// Rules returns the cleaning rules of a site. Nil: zero rules.
	Rules func(ctx context.Context, site string) clean.Rules
}

// DefaultOptions returns the options used for zero fields, with
// RespectRobots on.
func DefaultOptions() Options {
	return Options{
		UserAgent:     "crawler/1.0",
		Delay:         time.Second,
		Timeout:       30 * time.Second,
		MaxCrawlDelay: time.Minute,
		ParallelHosts: 4,
		MaxBody:       10 << 20,
		RespectRobots: true,
		MaxRetries:    3,
	}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.UserAgent == "" {
		o.UserAgent = d.UserAgent
	}
	switch {
	case o.Delay == 0:
		o.Delay = d.Delay
	case o.Delay < 0:
		o.Delay = 0
	}
	if o.Timeout <= 0 {
		o.Timeout = d.Timeout
	}
	if o.MaxCrawlDelay <= 0 {
		o.MaxCrawlDelay = d.MaxCrawlDelay
	}
	if o.ParallelHosts <= 0 {
		o.ParallelHosts = d.ParallelHosts
	}
	if o.MaxBody <= 0 {
		o.MaxBody = d.MaxBody
	}
	if o.MaxRetries <= 0 {
		o.MaxRetries = d.MaxRetries
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Observer == nil {
		o.Observer = nopObserver{}
	}
	if o.Rules == nil {
		o.Rules = func(context.Context, string) clean.Rules { return clean.Rules{} }
	}
	return o
}

// Observer receives crawl events, for metrics. Methods must be safe for
// concurrent use and must not block.
type Observer interface {
	// Fetched reports one HTTP response (robots.txt included) and its time.
	Fetched(host string, status int, bytes int64, d time.Duration)
	// Cleaned reports one extraction and how many blocks it removed.
	Cleaned(d time.Duration, removed int)
	// Stored reports a new document of site.
	Stored(site string)
	// Duplicate reports a page recorded as an alias of a stored document.
	Duplicate(site string)
	// NotModified reports a 304 answer to a conditional GET.
	NotModified(host string)
	// RobotsBlocked reports a URL skipped because robots.txt forbids it.
	RobotsBlocked(host string)
	// FetchError reports a failed request; kind is a short class such as
	// "timeout", "status", "too_large", "network", "not_html".
	FetchError(host, kind string)
}

type nopObserver struct{}

func (nopObserver) Fetched(string, int, int64, time.Duration) {}
func (nopObserver) Cleaned(time.Duration, int)                {}
func (nopObserver) Stored(string)                             {}
func (nopObserver) Duplicate(string)                          {}
func (nopObserver) NotModified(string)                        {}
func (nopObserver) RobotsBlocked(string)                      {}
func (nopObserver) FetchError(string, string)                 {}
