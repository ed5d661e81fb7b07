package fetch

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/temoto/robotstxt"

	"crawler"
)

const (
	// robotsMaxAge is how long a fetched robots.txt is trusted (RFC 9309
	// §2.4 asks for no more than 24 hours).
	robotsMaxAge = 24 * time.Hour
	// robotsMaxBytes is the part of robots.txt we parse (RFC 9309 §2.5
	// requires at least 500 KiB).
	robotsMaxBytes = 500 << 10
	// robotsMaxHops bounds robots.txt redirects (RFC 9309 §2.3.1.2: at least 5).
	robotsMaxHops = 5
	// robotsTries is how many times one run asks an unavailable robots.txt
	// before it leaves the host for the next run.
	robotsTries = 3
)

// robotsRules is a host's parsed robots.txt.
type robotsRules struct {
	data        *robotstxt.RobotsData
	group       *robotstxt.Group
	unavailable bool // 5xx or unreachable: the whole host is off limits
	crawlDelay  time.Duration
	sitemaps    []string
}

// robotsLine keeps the lines RFC 9309 defines (plus the common Sitemap and
// Crawl-delay extensions). temoto/robotstxt rejects a whole file over one
// bad line; the RFC says to use what can be parsed.
var robotsLine = regexp.MustCompile(`(?i)^\s*(user-agent|allow|disallow|crawl-delay|sitemap)\s*:`)

func parseRobots(status int, body []byte, agent string) robotsRules {
	switch {
	case status >= 200 && status < 300:
	case status >= 400 && status < 500:
		return robotsRules{} // no usable robots.txt: everything allowed
	default:
		return robotsRules{unavailable: true}
	}
	if len(body) > robotsMaxBytes {
		body = body[:robotsMaxBytes]
	}
	var kept bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 4096), robotsMaxBytes)
	for sc.Scan() {
		if line := sc.Text(); robotsLine.MatchString(line) {
			kept.WriteString(line)
			kept.WriteByte('\n')
		}
	}
	data, err := robotstxt.FromBytes(kept.Bytes())
	if err != nil {
		return robotsRules{}
	}
	r := robotsRules{data: data, group: data.FindGroup(agent), sitemaps: data.Sitemaps}
	if r.group != nil {
		r.crawlDelay = r.group.CrawlDelay
	}
	return r
}

func (r robotsRules) allowed(u *url.URL) bool {
	if r.unavailable {
		return false
	}
	if r.group == nil {
		return true
	}
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return r.group.Test(p)
}

// agentToken is the product token robots.txt groups are matched against.
func agentToken(ua string) string {
	if i := strings.IndexAny(ua, "/ "); i > 0 {
		ua = ua[:i]
	}
	return ua
}

// robotsStale reports whether the host's robots.txt must be fetched
// before its next page.
func (r *run) robotsStale(host string) bool {
	hi := r.host(host)
	r.mu.Lock()
	defer r.mu.Unlock()
	return !hi.rulesValid || r.now().Sub(hi.state.RobotsFetchedAt) >= robotsMaxAge
}

// robotsFor returns the rules of a host the worker holds, fetching
// robots.txt when the cached copy is missing or stale. ok is false when
// robots.txt is unavailable and the host was blocked for a retry.
func (r *run) robotsFor(ctx context.Context, host string) (robotsRules, error) {
	hi := r.host(host)
	r.mu.Lock()
	rules, fresh := hi.rules, hi.rulesValid && r.now().Sub(hi.state.RobotsFetchedAt) < robotsMaxAge
	r.mu.Unlock()
	if fresh || !r.c.opts.RespectRobots {
		return rules, nil
	}
	status, body, err := r.fetchRobots(ctx, host)
	if err != nil && (ctx.Err() != nil || errors.Is(err, ErrPrivateAddress)) {
		return robotsRules{}, err
	}
	rules = parseRobots(status, body, r.agent)
	r.mu.Lock()
	hi.rules, hi.rulesValid = rules, true
	hi.state.RobotsStatus, hi.state.RobotsFetchedAt = status, r.now()
	hi.state.RobotsBody = append([]byte(nil), body...)
	hi.state.CrawlDelay = rules.crawlDelay
	if rules.unavailable {
		// Retry soon within this run, not after 24 hours.
		hi.state.RobotsFetchedAt = r.now().Add(-robotsMaxAge + r.robotsRetry())
		hi.robotsFails++
	}
	state := hi.state
	r.mu.Unlock()
	r.sched.setGap(host, r.gap(rules.crawlDelay))
	r.saveHost(ctx, state)
	r.enqueueSitemaps(ctx, host, rules.sitemaps)
	return rules, nil
}

func (r *run) robotsRetry() time.Duration {
	return min(max(10*r.c.opts.Delay, 100*time.Millisecond), 5*time.Minute)
}

// fetchRobots gets host/robots.txt, which the worker holds, following up
// to robotsMaxHops redirects. A hop to another origin is a request to that
// host, so the worker trades its hold for that host's turn and takes its
// own host back afterwards, never holding two at once. status 0 means
// unreachable.
func (r *run) fetchRobots(ctx context.Context, host string) (int, []byte, error) {
	u, err := url.Parse(host + "/robots.txt")
	if err != nil {
		return 0, nil, err
	}
	held := host
	defer func() {
		if held != host {
			r.sched.release(held)
			// The caller still counts on holding its host.
			_ = r.sched.acquire(context.WithoutCancel(ctx), host)
		}
	}()
	for hop := 0; hop <= robotsMaxHops; hop++ {
		if err := r.hold(ctx, &held, hostKey(u)); err != nil {
			return 0, nil, err
		}
		if err := r.sched.begin(ctx, held); err != nil {
			return 0, nil, err
		}
		resp, err := get(r.col, u.String(), nil)
		r.sched.end(held)
		if err != nil {
			r.c.opts.Observer.FetchError(held, errorKind(err))
			return 0, nil, err
		}
		r.c.opts.Observer.Fetched(held, resp.Status, int64(len(resp.Body)), resp.Duration)
		if !isRedirect(resp.Status) {
			return resp.Status, resp.Body, nil
		}
		next, err := u.Parse(resp.Header.Get("Location"))
		if err != nil || (next.Scheme != "http" && next.Scheme != "https") {
			return http.StatusNotFound, nil, nil // a broken redirect is no robots.txt
		}
		u = next
	}
	return http.StatusNotFound, nil, fmt.Errorf("robots.txt of %s: %w", host, ErrTooManyRedirects)
}

// restoreRobots fills a host's rules from its saved state if still fresh.
func (hi *hostInfo) restoreRobots(st crawler.HostState, agent string, now time.Time) {
	if st.RobotsFetchedAt.IsZero() || now.Sub(st.RobotsFetchedAt) >= robotsMaxAge {
		return
	}
	hi.rules, hi.rulesValid = parseRobots(st.RobotsStatus, st.RobotsBody, agent), true
}

func isRedirect(status int) bool {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}
