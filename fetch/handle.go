package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"crawler"
)

// maxRedirects bounds a page's redirect chain.
const maxRedirects = 10

// maxBackoff caps the exponential backoff of a failing host; minBackoff
// is its base when the host has no delay.
const (
	maxBackoff = 10 * time.Minute
	minBackoff = 100 * time.Millisecond
)

var errRobotsUnavailable = errors.New("robots.txt unavailable")

// handle fetches one entry handed out by the scheduler and records the
// outcome. It always frees what it holds.
func (r *run) handle(ctx context.Context, e crawler.URLEntry) {
	held := e.Host
	defer func() {
		if held != "" {
			r.sched.release(held)
		}
		r.sched.done(e)
	}()
	if !r.takeBudget(e.Host) {
		return
	}
	ok, err := r.claim(ctx, e)
	if err != nil || !ok {
		r.giveBackBudget(e.Host)
		if err != nil && ctx.Err() == nil {
			r.log.Error("claim failed", "url", e.URL, "error", err)
		}
		return
	}
	defer r.unclaim(e.URL)
	e.State = crawler.StateLeased
	out := crawler.Outcome{Entry: e}
	resp, final, err := r.follow(ctx, e, &held)
	retry := false
	switch {
	case err != nil && ctx.Err() != nil:
		out.Entry.State, out.Entry.LastError = crawler.StatePending, ""
	case err != nil:
		if errors.Is(err, ErrRobotsDisallowed) || errors.Is(err, errRobotsUnavailable) {
			r.giveBackBudget(e.Host) // no page was requested
		}
		retry = r.failed(&out, err)
	default:
		retry = r.respond(ctx, &out, resp, final)
	}
	if e.Refresh && out.Entry.State == crawler.StateFailed {
		// The stored document stays; a later refresh may reach it again.
		out.Entry.State = crawler.StateDone
	}
	if out.Entry.State != crawler.StatePending {
		out.Entry.Refresh = false
	}
	r.finish(ctx, &out, retry, e.Refresh)
}

// takeBudget counts a page against MaxPages and MaxPagesPerHost.
func (r *run) takeBudget(host string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	hi := r.hosts[host]
	if (r.job.MaxPages > 0 && r.pages >= r.job.MaxPages) ||
		(hi != nil && r.job.MaxPagesPerHost > 0 && hi.pages >= r.job.MaxPagesPerHost) {
		return false
	}
	r.pages++
	if hi != nil {
		hi.pages++
		if r.job.MaxPagesPerHost > 0 && hi.pages >= r.job.MaxPagesPerHost {
			defer r.sched.drop(host)
		}
	}
	if r.job.MaxPages > 0 && r.pages >= r.job.MaxPages {
		defer r.sched.stop()
	}
	return true
}

func (r *run) giveBackBudget(host string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.pages--
	if hi := r.hosts[host]; hi != nil {
		hi.pages--
	}
}

// follow requests the entry's URL and its redirect hops, each hop
// scheduled on its own host and checked against scope and robots.txt.
// held tracks the host the worker holds.
func (r *run) follow(ctx context.Context, e crawler.URLEntry, held *string) (*response, *url.URL, error) {
	u, err := url.Parse(e.URL)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %w", ErrBadURL, err)
	}
	hdr := r.conditionalHeader(ctx, e)
	visited := map[string]bool{}
	for hop := 0; ; hop++ {
		if hop > maxRedirects || visited[u.String()] {
			return nil, u, fmt.Errorf("%s: %w", e.URL, ErrTooManyRedirects)
		}
		visited[u.String()] = true
		host := hostKey(u)
		if err := r.hold(ctx, held, host); err != nil {
			return nil, u, err
		}
		if err := r.checkRobots(ctx, host, u); err != nil {
			return nil, u, err
		}
		if err := r.sched.begin(ctx, host); err != nil {
			return nil, u, err
		}
		resp, err := get(r.col, u.String(), hdr)
		r.sched.end(host)
		r.countFetch(host, resp, err)
		if err != nil || !isRedirect(resp.Status) {
			return resp, u, err
		}
		next, err := u.Parse(resp.Header.Get("Location"))
		if err != nil || (next.Scheme != "http" && next.Scheme != "https") {
			return nil, u, fmt.Errorf("%w: redirect to %q", ErrBadURL, resp.Header.Get("Location"))
		}
		if !r.scope.hostAllowed(next) {
			return nil, u, fmt.Errorf("%w: redirect out of scope to %s", ErrBadURL, next.Host)
		}
		next.Fragment, hdr = "", nil
		u = next
	}
}

// hold makes the worker hold host, releasing the one it held first so no
// two workers can wait on each other.
func (r *run) hold(ctx context.Context, held *string, host string) error {
	if *held == host {
		return nil
	}
	if *held != "" {
		r.sched.release(*held)
		*held = ""
	}
	if err := r.knowHost(ctx, host); err != nil {
		return err
	}
	if err := r.sched.acquire(ctx, host); err != nil {
		return err
	}
	*held = host
	return nil
}

func (r *run) checkRobots(ctx context.Context, host string, u *url.URL) error {
	if !r.c.opts.RespectRobots {
		return nil
	}
	rules, err := r.robotsFor(ctx, host)
	if err != nil {
		return err
	}
	if rules.unavailable {
		return fmt.Errorf("%s: %w", host, errRobotsUnavailable)
	}
	if !rules.allowed(u) {
		return fmt.Errorf("%s: %w", u, ErrRobotsDisallowed)
	}
	return nil
}

func (r *run) conditionalHeader(ctx context.Context, e crawler.URLEntry) http.Header {
	v, ok, err := r.c.store.Validators(ctx, e.URL)
	if err != nil || !ok {
		return nil
	}
	h := http.Header{}
	if v.ETag != "" {
		h.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		h.Set("If-Modified-Since", v.LastModified)
	}
	return h
}

func (r *run) countFetch(host string, resp *response, err error) {
	r.mu.Lock()
	r.report.Fetched++
	r.mu.Unlock()
	if err != nil {
		r.c.opts.Observer.FetchError(host, errorKind(err))
		return
	}
	r.c.opts.Observer.Fetched(host, resp.Status, int64(len(resp.Body)), resp.Duration)
}

func errorKind(err error) string {
	var te interface{ Timeout() bool }
	switch {
	case errors.Is(err, ErrBodyTooLarge):
		return "too_large"
	case errors.Is(err, ErrPrivateAddress):
		return "private"
	case errors.Is(err, ErrTooManyRedirects):
		return "redirects"
	case errors.Is(err, ErrNotHTML), errors.Is(err, ErrBinaryBody):
		return "not_html"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &te) && te.Timeout():
		return "timeout"
	}
	return "network"
}

// failed records a fetch error; it reports whether to retry in this run.
func (r *run) failed(out *crawler.Outcome, err error) bool {
	out.Entry.LastError = err.Error()
	host := out.Entry.Host
	switch {
	case errors.Is(err, ErrRobotsDisallowed):
		r.mu.Lock()
		r.report.RobotsBlocked++
		r.mu.Unlock()
		r.c.opts.Observer.RobotsBlocked(host)
		out.Entry.State = crawler.StateFailed
		return false
	case errors.Is(err, errRobotsUnavailable):
		out.Entry.State = crawler.StatePending
		return r.robotsRetryable(host)
	case errors.Is(err, ErrBodyTooLarge), errors.Is(err, ErrTooManyRedirects),
		errors.Is(err, ErrBadURL), errors.Is(err, ErrPrivateAddress):
		r.countFailed()
		out.Entry.State = crawler.StateFailed
		return false
	}
	return r.retryLater(out, time.Time{})
}

func (r *run) countFailed() {
	r.mu.Lock()
	r.report.Failed++
	r.mu.Unlock()
}

// robotsRetryable blocks a host whose robots.txt is unavailable until a
// short retry, or drops it for this run after robotsTries attempts.
func (r *run) robotsRetryable(host string) bool {
	hi := r.host(host)
	r.mu.Lock()
	fails := hi.robotsFails
	r.mu.Unlock()
	if fails >= robotsTries {
		r.sched.drop(host)
		return false
	}
	r.sched.block(host, r.now().Add(r.robotsRetry()))
	return true
}

// retryLater counts an attempt and backs the host off: until the server's
// Retry-After when given, else exponentially in its consecutive errors.
// It reports whether the entry goes back to the queue of this run.
func (r *run) retryLater(out *crawler.Outcome, until time.Time) bool {
	host := out.Entry.Host
	hi := r.host(host)
	r.mu.Lock()
	hi.state.Errors++
	hi.state.LastError, hi.state.LastErrorAt = out.Entry.LastError, r.now()
	if until.IsZero() {
		base := r.gap(hi.state.CrawlDelay)
		if base <= 0 {
			base = minBackoff // no politeness delay still backs off errors
		}
		until = r.now().Add(min(base<<min(hi.state.Errors, 16), maxBackoff))
	}
	hi.state.BlockedUntil = until
	st := hi.state
	r.mu.Unlock()
	r.withHost(out, st)
	out.Entry.Attempts++
	if out.Entry.Attempts >= r.c.opts.MaxRetries {
		r.countFailed()
		out.Entry.State = crawler.StateFailed
		return false
	}
	out.Entry.State, out.Entry.NotBefore = crawler.StatePending, until
	if until.Sub(r.now()) > maxBlockedWait {
		r.sched.drop(host)
		return false
	}
	r.sched.block(host, until)
	return true
}

// withHost makes the outcome save the host's state, with its next start.
func (r *run) withHost(out *crawler.Outcome, st crawler.HostState) {
	st.Host = out.Entry.Host
	st.NextFetch = later(st.NextFetch, r.sched.nextStart(st.Host))
	out.Host = &st
}

// finish stores the outcome and queues what it revealed. A cancelled run
// still records it, so the URL's attempt is not lost.
func (r *run) finish(ctx context.Context, out *crawler.Outcome, retry, refresh bool) {
	res, err := r.c.store.Finish(context.WithoutCancel(ctx), *out)
	if err != nil && out.Document != nil {
		// A document the store refuses must not leave its URL pending (and
		// fetched again every run): record the failure without it.
		out.Entry.State, out.Entry.LastError = crawler.StateFailed, err.Error()
		out.Document, out.Page, out.AliasOf, retry = nil, nil, "", false
		r.countFailed()
		res, err = r.c.store.Finish(context.WithoutCancel(ctx), *out)
	}
	if err != nil {
		r.log.Error("outcome not stored", "url", out.Entry.URL, "error", err)
		return
	}
	if out.Host != nil {
		r.sched.saved(crawler.HostTurn{Host: out.Host.Host, NextFetch: out.Host.NextFetch})
	}
	r.log.Debug("fetched", "url", out.Entry.URL, "state", out.Entry.State, "error", out.Entry.LastError,
		"stored", res.Stored, "duplicate_of", res.DuplicateOf, "new_urls", len(res.Added))
	r.account(out, res, refresh)
	if retry {
		r.sched.offer(out.Entry)
	}
	if len(res.Added) == 0 || ctx.Err() != nil {
		return
	}
	byURL := make(map[string]crawler.URLEntry, len(out.Discovered))
	for _, d := range out.Discovered {
		byURL[d.URL] = d
	}
	for _, u := range res.Added {
		if err := r.queue(ctx, byURL[u]); err != nil {
			r.log.Warn("queue failed", "url", u, "error", err)
		}
	}
}

func (r *run) account(out *crawler.Outcome, res crawler.FinishResult, refresh bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	site := ""
	if out.Document != nil {
		site = out.Document.Site
		if refresh && res.DuplicateOf == out.Document.CanonicalURL {
			return // a refresh that found the text unchanged
		}
	}
	if res.Stored {
		r.report.Stored++
		r.c.opts.Observer.Stored(site)
	}
	if res.DuplicateOf != "" {
		r.report.Duplicates++
		r.c.opts.Observer.Duplicate(site)
	}
}
