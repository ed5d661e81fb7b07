package fetch

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Job is one crawl job: where to start and what is in scope.
type Job struct {
	// Name identifies the job in the frontier and in reports. Required.
	Name string
	// Seeds are start pages (home and section pages), polled every run and
	// used for link and feed discovery; they are never stored as documents.
	Seeds []string
	// Feeds are RSS, Atom or JSON Feed URLs, polled every run.
	Feeds []string
	// Sitemaps are sitemap or sitemap-index URLs, polled every run.
	Sitemaps []string
	// AllowedHosts are host names or IP addresses (no port) in scope.
	// Empty: the hosts of Seeds, Feeds and Sitemaps.
	AllowedHosts []string
	// Include, when not empty, keeps only article URLs matching one of
	// these regular expressions; Exclude drops URLs matching any.
	Include, Exclude []string
	// MaxDepth bounds link hops from a seed; URLs from feeds and sitemaps
	// start at depth 0. Zero: no limit.
	MaxDepth int
	// MaxPages bounds the pages fetched in one run. Zero: no limit.
	MaxPages int
	// MaxPagesPerHost bounds the pages fetched per host in one run. Zero:
	// no limit.
	MaxPagesPerHost int
	// MaxAge skips feed and sitemap entries whose date is older. Zero: no
	// limit.
	MaxAge time.Duration
	// RefreshWindow makes a run that starts afresh (not resuming a dead
	// one) fetch again the job's articles first stored within this window,
	// with If-None-Match / If-Modified-Since from their validators: a 304
	// leaves the document alone, changed text replaces it. Refreshes come
	// after every new URL of the run and count against MaxPages. Zero: no
	// refreshes.
	RefreshWindow time.Duration
	// MaxRefreshes bounds the articles refreshed per run, the most recently
	// stored first. Zero: DefaultMaxRefreshes.
	MaxRefreshes int
}

// DefaultMaxRefreshes is the refresh cap of a Job whose MaxRefreshes is
// zero.
const DefaultMaxRefreshes = 100

func (j Job) maxRefreshes() int {
	if j.MaxRefreshes > 0 {
		return j.MaxRefreshes
	}
	return DefaultMaxRefreshes
}

// scope is a Job's compiled filters.
type scope struct {
	hosts            map[string]bool
	include, exclude []*regexp.Regexp
	maxDepth         int
}

func compileScope(j Job) (*scope, error) {
	if j.Name == "" || len(j.Seeds)+len(j.Feeds)+len(j.Sitemaps) == 0 {
		return nil, ErrNoJob
	}
	s := &scope{hosts: map[string]bool{}, maxDepth: j.MaxDepth}
	for _, h := range j.AllowedHosts {
		s.hosts[strings.ToLower(strings.Trim(h, "[]"))] = true
	}
	if len(j.AllowedHosts) == 0 {
		for _, group := range [][]string{j.Seeds, j.Feeds, j.Sitemaps} {
			for _, raw := range group {
				u, err := url.Parse(raw)
				if err != nil || u.Hostname() == "" {
					return nil, fmt.Errorf("job %s: %w: %q", j.Name, ErrBadURL, raw)
				}
				s.hosts[strings.ToLower(u.Hostname())] = true
			}
		}
	}
	var err error
	if s.include, err = compileAll(j.Name, "include", j.Include); err != nil {
		return nil, err
	}
	if s.exclude, err = compileAll(j.Name, "exclude", j.Exclude); err != nil {
		return nil, err
	}
	return s, nil
}

func compileAll(job, what string, pats []string) ([]*regexp.Regexp, error) {
	out := make([]*regexp.Regexp, 0, len(pats))
	for _, p := range pats {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("job %s: %s pattern %q: %w", job, what, p, err)
		}
		out = append(out, re)
	}
	return out, nil
}

// hostAllowed reports whether u's host (port ignored) is in scope.
func (s *scope) hostAllowed(u *url.URL) bool {
	return s.hosts[strings.ToLower(u.Hostname())]
}

// linkAllowed decides whether a discovered article or link URL is in
// scope: allowed host, include/exclude patterns, depth and trap guards.
func (s *scope) linkAllowed(u *url.URL, canon string, depth int) bool {
	if !s.hostAllowed(u) || (s.maxDepth > 0 && depth > s.maxDepth) || looksLikeTrap(u) || hasSkippedExtension(u.Path) {
		return false
	}
	for _, re := range s.exclude {
		if re.MatchString(canon) {
			return false
		}
	}
	if len(s.include) == 0 {
		return true
	}
	for _, re := range s.include {
		if re.MatchString(canon) {
			return true
		}
	}
	return false
}
