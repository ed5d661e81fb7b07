package fetch

import "errors"

// Sentinel errors; match them with errors.Is.
var (
	// ErrBodyTooLarge means a response body exceeded Options.MaxBody after
	// decompression. The page is recorded as failed, never stored truncated.
	ErrBodyTooLarge = errors.New("body exceeds max_body")
	// ErrPrivateAddress means the dialer refused a loopback, private or
	// link-local address while Options.AllowPrivate was false.
	ErrPrivateAddress = errors.New("private network address refused")
	// ErrTooManyRedirects means a redirect chain was longer than the limit
	// or looped.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrRobotsDisallowed means robots.txt forbids the URL for our agent.
	ErrRobotsDisallowed = errors.New("disallowed by robots.txt")
	// ErrNotHTML means the response's content type is not HTML; the URL is
	// skipped (done, not failed).
	ErrNotHTML = errors.New("not an html page")
	// ErrBinaryBody means a response claimed to be HTML but its body is
	// binary data; the URL is failed.
	ErrBinaryBody = errors.New("binary body served as html")
	// ErrBadURL means a URL could not be parsed or is not http(s).
	ErrBadURL = errors.New("bad url")
	// ErrNoJob means a Job has no name or no starting URLs.
	ErrNoJob = errors.New("job needs a name and a seed, feed or sitemap")
)
