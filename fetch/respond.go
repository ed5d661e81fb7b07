package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"crawler"
	"crawler/clean"
)

// minArticleChars is the least clean text that makes a page an article;
// below it the page is an index or section page used only for its links.
const minArticleChars = 200

// nearDuplicateBits is the SimHash distance within which two texts of one
// site count as copies. News texts are short, so a syndication footer or a
// corrected word moves a few bits; unrelated texts sit about 32 bits apart
// and land within 5 with a chance near 1e-12.
const nearDuplicateBits = 5

// respond turns a final (non-redirect) response into the outcome; it
// reports whether the entry should be retried in this run.
func (r *run) respond(ctx context.Context, out *crawler.Outcome, resp *response, final *url.URL) bool {
	host := out.Entry.Host
	switch s := resp.Status; {
	case s == http.StatusNotModified:
		r.mu.Lock()
		r.report.NotModified++
		r.mu.Unlock()
		r.c.opts.Observer.NotModified(host)
		r.succeeded(out)
		out.Entry.State = crawler.StateDone
		return false
	case s == http.StatusTooManyRequests || s == http.StatusServiceUnavailable:
		out.Entry.LastError = fmt.Sprintf("status %d", s)
		return r.retryLater(out, retryAfter(resp.Header.Get("Retry-After"), r.now()))
	case s >= 500:
		out.Entry.LastError = fmt.Sprintf("status %d", s)
		return r.retryLater(out, time.Time{})
	case s < 200 || s >= 300:
		out.Entry.LastError = fmt.Sprintf("status %d", s)
		out.Entry.State = crawler.StateFailed
		if out.Entry.Source != crawler.SourceGuess {
			r.countFailed()
			r.c.opts.Observer.FetchError(host, "status")
		}
		return false
	}
	r.succeeded(out)
	out.Entry.State = crawler.StateDone
	// Articles keep validators too: a refresh asks for them conditionally.
	// A 200 without any drops the old ones, which no longer describe it.
	out.Validators = &crawler.Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	var err error
	switch out.Entry.Source {
	case crawler.SourceFeed, crawler.SourceGuess:
		err = r.readList(out, resp, final, parseFeed)
	case crawler.SourceSitemap:
		err = r.readList(out, resp, final, parseSitemap)
	default:
		err = r.readPage(ctx, out, resp, final)
	}
	if err != nil {
		out.Entry.State, out.Entry.LastError = crawler.StateFailed, err.Error()
		out.Document, out.Page, out.Validators = nil, nil, nil
		if out.Entry.Source == crawler.SourceGuess {
			return false // a soft 404: no feed there
		}
		if errors.Is(err, ErrNotHTML) {
			out.Entry.State = crawler.StateDone // a download, not a page: skipped
			return false
		}
		r.countFailed()
		r.c.opts.Observer.FetchError(host, errorKind(err))
	}
	return false
}

// succeeded clears a host's error streak, saved with the outcome when
// there was one.
func (r *run) succeeded(out *crawler.Outcome) {
	hi := r.host(out.Entry.Host)
	r.mu.Lock()
	hadErrors := hi.state.Errors > 0
	hi.state.Errors = 0
	st := hi.state
	r.mu.Unlock()
	if hadErrors {
		r.withHost(out, st)
	}
}

// retryAfter parses Retry-After as seconds or an HTTP date; zero when
// absent or unparsable.
func retryAfter(v string, now time.Time) time.Time {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil && n >= 0 {
		const maxSeconds = 365 * 24 * 3600 // larger values would overflow a Duration
		return now.Add(time.Duration(min(n, maxSeconds)) * time.Second)
	}
	if t, err := http.ParseTime(v); err == nil {
		return t
	}
	return time.Time{}
}

type listParser func(body []byte, base *url.URL) ([]listed, error)

// readList turns a feed's or sitemap's entries into frontier entries.
func (r *run) readList(out *crawler.Outcome, resp *response, final *url.URL, parse listParser) error {
	items, err := parse(resp.Body, final)
	if err != nil && len(items) == 0 {
		return fmt.Errorf("parse %s: %w", final, err)
	}
	for _, it := range items {
		if r.job.MaxAge > 0 && !it.published.IsZero() && r.now().Sub(it.published) > r.job.MaxAge {
			continue
		}
		source := crawler.SourceArticle
		if it.sitemap {
			source = crawler.SourceSitemap
		}
		r.discover(out, it.url, source, 0, it.published)
	}
	return nil
}

// discover adds a URL to the outcome if it is in scope.
func (r *run) discover(out *crawler.Outcome, raw, source string, depth int, published time.Time) {
	e, err := r.entry(raw, source, depth, published)
	if err != nil {
		return
	}
	u, err := url.Parse(e.URL)
	if err != nil {
		return
	}
	if source == crawler.SourceFeed || source == crawler.SourceSitemap || source == crawler.SourceGuess {
		if !r.scope.hostAllowed(u) {
			return
		}
	} else if !r.scope.linkAllowed(u, e.URL, depth) {
		return
	}
	out.Discovered = append(out.Discovered, e)
}

// readPage handles an HTML page: its links always, its article text
// unless it is a seed or has too little text.
func (r *run) readPage(ctx context.Context, out *crawler.Outcome, resp *response, final *url.URL) error {
	if err := checkHTML(resp); err != nil {
		return err
	}
	body, err := clean.DecodeHTML(resp.Body, resp.ContentType)
	if err != nil {
		return fmt.Errorf("decode %s: %w", final, err)
	}
	links := scanLinks(body, final)
	e := out.Entry
	for _, l := range links.links {
		r.discover(out, l, crawler.SourceLink, e.Depth+1, time.Time{})
	}
	if e.Source == crawler.SourceSeed {
		for _, f := range links.feeds {
			r.discover(out, f, crawler.SourceFeed, 0, time.Time{})
		}
		if len(links.feeds) == 0 && !r.listsSitemaps(e.Host) {
			for _, f := range guessFeeds(final) {
				r.discover(out, f, crawler.SourceGuess, 0, time.Time{})
			}
		}
		return nil
	}
	return r.extract(ctx, out, resp, body, final, links.canonical)
}

// checkHTML refuses non-HTML content types and binary bodies.
func checkHTML(resp *response) error {
	mt := ""
	if resp.ContentType != "" {
		mt, _, _ = mime.ParseMediaType(resp.ContentType)
	}
	if mt == "" {
		mt, _, _ = mime.ParseMediaType(http.DetectContentType(resp.Body))
	}
	if mt != "text/html" && mt != "application/xhtml+xml" {
		return fmt.Errorf("%w: %s", ErrNotHTML, mt)
	}
	if looksBinary(resp.Body) {
		return ErrBinaryBody
	}
	return nil
}

// looksBinary spots control bytes no text page contains.
func looksBinary(b []byte) bool {
	b = b[:min(len(b), 4096)]
	bad := 0
	for _, c := range b {
		if c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) {
			bad++
		}
	}
	return bad > 0 && bad*100 > len(b)
}

// extract cleans an article page and fills the document, raw page and,
// for a near-duplicate, the alias.
func (r *run) extract(ctx context.Context, out *crawler.Outcome, resp *response, body []byte, final *url.URL, canonRef string) error {
	canon := r.documentURL(final, canonRef)
	site := SiteOf(canon)
	rules := r.c.opts.Rules(ctx, site)
	start := time.Now()
	res, err := clean.Extract(body, final, rules)
	if err != nil {
		return fmt.Errorf("extract %s: %w", final, err)
	}
	r.c.opts.Observer.Cleaned(time.Since(start), len(res.Removed))
	if len(res.Text) < minArticleChars || clean.IsListing(body, res) {
		return nil // a section or archive page: followed for links, not stored
	}
	now := r.now().UTC()
	sum := sha256.Sum256([]byte(res.Text))
	out.Document = &crawler.Document{
		URL: out.Entry.URL, FinalURL: final.String(), CanonicalURL: canon, Site: site,
		Title: res.Title, Byline: res.Byline, Published: published(res.Published, out.Entry.Published), Language: res.Language,
		Text: res.Text, FetchedAt: now, ContentHash: hex.EncodeToString(sum[:]),
		SimHash: simHash(res.Text), Job: r.job.Name, RulesVersion: rules.Version,
	}
	out.Page = &crawler.Page{
		URL: canon, FinalURL: final.String(), Status: resp.Status, ContentType: resp.ContentType,
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"),
		FetchedAt: now, Body: body, ExtractorVersion: clean.ExtractorVersion, RulesVersion: rules.Version,
	}
	if out.Entry.Refresh {
		return nil // already judged distinct when first stored; an edit must not alias it
	}
	if dup, ok, err := r.c.store.NearDuplicate(ctx, site, out.Document.SimHash, nearDuplicateBits); err == nil && ok && dup != canon {
		out.AliasOf = dup
	}
	return nil
}

// documentURL picks the key a page is stored under: its rel=canonical or
// og:url when that stays within the job's hosts, else its final URL.
func (r *run) documentURL(final *url.URL, ref string) string {
	fallback, err := canonical(final)
	if err != nil {
		fallback = final.String()
	}
	if ref == "" {
		return fallback
	}
	u, err := url.Parse(ref)
	if err != nil || !r.scope.hostAllowed(u) {
		return fallback
	}
	if c, err := canonical(u); err == nil {
		return c
	}
	return fallback
}

// commonFeedPaths are where sites without feed autodiscovery usually keep
// one (WordPress, most CMSs, Hugo). A guess that fails with a 4xx stays
// failed in the frontier, so it costs one request per site, not per run.
var commonFeedPaths = []string{"/feed", "/rss.xml", "/index.xml"}

func guessFeeds(page *url.URL) []string {
	out := make([]string, 0, len(commonFeedPaths))
	for _, p := range commonFeedPaths {
		out = append(out, page.ResolveReference(&url.URL{Path: p}).String())
	}
	return out
}

// listsSitemaps reports whether the host's robots.txt named sitemaps, in
// which case guessing feed paths is not worth the requests.
func (r *run) listsSitemaps(host string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	hi := r.hosts[host]
	return hi != nil && len(hi.rules.sitemaps) > 0
}

// published prefers the page's own date and falls back to the one its
// feed or sitemap gave.
func published(page, listed time.Time) time.Time {
	if page.IsZero() {
		return listed
	}
	return page
}
