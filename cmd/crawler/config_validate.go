package main

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"

	"crawler/clean"
	"crawler/schedule"
)

// Validate reports every problem with c at once, joined with errors.Join.
func (c Config) Validate() error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if c.Storage.Path == "" {
		add("storage.path: must not be empty")
	}
	if c.Storage.LockTimeout.D() <= 0 {
		add("storage.lock_timeout: must be positive (a zero timeout would wait forever for a locked database)")
	}
	if _, _, err := net.SplitHostPort(c.Admin.Listen); err != nil {
		add("admin.listen: %q is not host:port", c.Admin.Listen)
	}
	switch strings.ToLower(c.Log.Level) {
	case "debug", "info", "warn", "error":
	default:
		add("log.level: %q is not one of debug, info, warn, error", c.Log.Level)
	}
	if c.Log.Format != "text" && c.Log.Format != "json" {
		add("log.format: %q is not text or json", c.Log.Format)
	}
	errs = append(errs, c.Fetch.validate()...)
	errs = append(errs, c.validateJobs()...)
	errs = append(errs, c.validateSites()...)
	return errors.Join(errs...)
}

func (f FetchConfig) validate() []error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if strings.TrimSpace(f.UserAgent) == "" {
		add("fetch.user_agent: must not be empty (sites need to know who is crawling)")
	}
	if f.Delay.D() < 0 {
		add("fetch.delay: must not be negative")
	}
	if f.MaxCrawlDelay.D() < 0 {
		add("fetch.max_crawl_delay: must not be negative")
	}
	if f.ParallelHosts < 1 {
		add("fetch.parallel_hosts: must be at least 1")
	}
	if f.Timeout.D() <= 0 {
		add("fetch.timeout: must be positive")
	}
	if f.MaxBody < 1024 {
		add("fetch.max_body: must be at least 1024 bytes")
	}
	if f.MaxRetries < 0 {
		add("fetch.max_retries: must not be negative")
	}
	return errs
}

func (c Config) validateJobs() []error {
	var errs []error
	seen := map[string]bool{}
	for i, j := range c.Jobs {
		name := fmt.Sprintf("jobs[%d]", i)
		if j.Name != "" {
			name = fmt.Sprintf("jobs[%d] (%s)", i, j.Name)
		}
		add := func(format string, args ...any) {
			errs = append(errs, fmt.Errorf(name+"."+format, args...))
		}
		switch {
		case j.Name == "":
			add("name: must not be empty")
		case seen[j.Name]:
			add("name: duplicate job name %q", j.Name)
		}
		seen[j.Name] = true
		if _, err := schedule.Parse(j.Schedule); err != nil {
			add("schedule: %v", err)
		}
		if len(j.Seeds)+len(j.Feeds)+len(j.Sitemaps) == 0 {
			add("seeds: a job needs at least one of seeds, feeds or sitemaps")
		}
		for _, list := range []struct {
			key  string
			urls []string
		}{{"seeds", j.Seeds}, {"feeds", j.Feeds}, {"sitemaps", j.Sitemaps}} {
			for _, u := range list.urls {
				if err := validURL(u); err != nil {
					add("%s: %v", list.key, err)
				}
			}
		}
		if j.MaxDepth < 0 || j.MaxPages < 0 || j.MaxPagesPerHost < 0 || j.MaxRefreshes < 0 {
			add("max_depth, max_pages, max_pages_per_host, max_refreshes: must not be negative")
		}
		if j.Jitter.D() < 0 || j.MaxAge.D() < 0 || j.RefreshWindow.D() < 0 {
			add("jitter, max_age, refresh_window: must not be negative")
		}
	}
	return errs
}

func (c Config) validateSites() []error {
	var errs []error
	seen := map[string]bool{}
	for i, s := range c.Sites {
		switch {
		case s.Host == "":
			errs = append(errs, fmt.Errorf("sites[%d].host: must not be empty", i))
		case seen[s.Host]:
			errs = append(errs, fmt.Errorf("sites[%d].host: duplicate host %q", i, s.Host))
		}
		seen[s.Host] = true
		if _, err := s.rules(); err != nil {
			errs = append(errs, fmt.Errorf("sites[%d] (%s): %w", i, s.Host, err))
		}
	}
	return errs
}

// listenIsLoopback reports whether the admin listen address only accepts
// local connections.
func listenIsLoopback(listen string) bool {
	host, _, err := net.SplitHostPort(listen)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// validURL checks that s is an absolute http(s) URL.
func validURL(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return err
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return fmt.Errorf("%q is not an absolute http(s) URL", s)
	}
	return nil
}

// rules turns the manual rules of s into clean rules, checking every
// selector and regular expression.
func (s SiteConfig) rules() (clean.Rules, error) {
	return clean.ManualRules(s.Host, clean.ManualSpec{
		Remove: s.Remove, DropText: s.DropText, DropRegexp: s.DropRegexp,
		KeepText: s.KeepText, KeepRegexp: s.KeepRegexp, Body: s.Body,
	})
}
