package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"crawler"
	"crawler/admin"
	"crawler/fetch"
	"crawler/storage"
)

// *storage.DB is the fetch.Store; this is the one place that sees both.
var _ fetch.Store = (*storage.DB)(nil)

// app is what crawl, run and demo share: the open database, the crawler
// built from [fetch], the site rules and the metrics.
type app struct {
	db      *storage.DB
	log     *slog.Logger
	metrics *admin.Metrics
	tracker *tracker
	rules   *siteRules

	// learnMu serialises learning, so that jobs finishing together do not
	// learn the same site at once and overwrite each other's rules.
	learnMu sync.Mutex

	mu      sync.Mutex
	cfg     Config
	crawler *fetch.Crawler
}

// openApp opens the database and builds the crawler. Close releases the
// database.
func openApp(cfg Config, log *slog.Logger) (*app, error) {
	db, err := openStore(cfg.Storage, false)
	if err != nil {
		return nil, err
	}
	a := &app{db: db, log: log, metrics: admin.NewMetrics()}
	a.tracker = newTracker(a.metrics)
	if a.rules, err = newSiteRules(db, cfg.Sites, log); err != nil {
		db.Close()
		return nil, err
	}
	if err := a.configure(cfg); err != nil {
		db.Close()
		return nil, err
	}
	return a, nil
}

// configure swaps in a new configuration: manual rules and the crawler
// used by the next runs. Runs in progress keep the crawler they started
// with, and the frontier is in the database, so nothing is lost.
func (a *app) configure(cfg Config) error {
	if err := a.rules.setManual(cfg.Sites); err != nil {
		return err
	}
	c, err := fetch.New(a.fetchOptions(cfg.Fetch), a.db)
	if err != nil {
		return fmt.Errorf("crawler: %w", err)
	}
	a.mu.Lock()
	a.cfg, a.crawler = cfg, c
	a.mu.Unlock()
	return nil
}

func (a *app) config() Config {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.cfg
}

func (a *app) fetchOptions(f FetchConfig) fetch.Options {
	return fetch.Options{
		UserAgent:     f.UserAgent,
		Delay:         fetchDelay(f.Delay.D()),
		Timeout:       f.Timeout.D(),
		MaxCrawlDelay: f.MaxCrawlDelay.D(),
		ParallelHosts: f.ParallelHosts,
		MaxBody:       f.MaxBody,
		RespectRobots: f.RespectRobots,
		AllowPrivate:  f.AllowPrivate,
		MaxRetries:    f.MaxRetries,
		Logger:        a.log,
		Observer:      a.tracker,
		Rules:         a.rules.Rules,
	}
}

func fetchJob(j JobConfig) fetch.Job {
	return fetch.Job{
		Name: j.Name, Seeds: j.Seeds, Feeds: j.Feeds, Sitemaps: j.Sitemaps,
		AllowedHosts: j.AllowedHosts, Include: j.Include, Exclude: j.Exclude,
		MaxDepth: j.MaxDepth, MaxPages: j.MaxPages, MaxPagesPerHost: j.MaxPagesPerHost, MaxAge: j.MaxAge.D(),
		RefreshWindow: j.RefreshWindow.D(), MaxRefreshes: j.MaxRefreshes,
	}
}

func (a *app) Close() error { return a.db.Close() }

// openStore opens the database with a bounded wait for its lock, turning
// storage's sentinel errors into advice.
func openStore(c StorageConfig, readOnly bool) (*storage.DB, error) {
	db, err := storage.Open(c.Path, storage.Options{Timeout: c.LockTimeout.D(), ReadOnly: readOnly})
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, storage.ErrLocked):
		return nil, fmt.Errorf("open database %s: locked by a running crawler (ask it with `crawler status`, or stop it first): %w", c.Path, err)
	case errors.Is(err, storage.ErrCorrupt):
		return nil, fmt.Errorf("open database %s: the file is damaged; move it aside or restore a backup: %w", c.Path, err)
	}
	return nil, fmt.Errorf("open database %s: %w", c.Path, err)
}

// runJob runs the named job once, then learns rules for every site that got
// documents and cleans those sites' documents again with them. It does not
// record the report; the caller does (the scheduler also records skips).
func (a *app) runJob(ctx context.Context, name string) (crawler.RunReport, error) {
	a.mu.Lock()
	cfg, c := a.cfg, a.crawler
	a.mu.Unlock()
	j, ok := cfg.Job(name)
	if !ok {
		return crawler.RunReport{Job: name}, fmt.Errorf("job %q: not in the configuration", name)
	}
	start := time.Now()
	rep, err := c.Crawl(ctx, fetchJob(j))
	rep.Job = name
	if rep.Start.IsZero() {
		rep.Start = start
	}
	if rep.ID == "" {
		rep.ID = start.UTC().Format("20060102T150405.000Z")
	}
	if ctx.Err() == nil {
		a.learnMu.Lock()
		a.learnSites(ctx, a.tracker.sitesSince(start))
		a.learnMu.Unlock()
	}
	return rep, err
}

// recordRun stores a run report and counts it. It uses its own short
// deadline so that a run finished during shutdown is still recorded.
func (a *app) recordRun(rep crawler.RunReport) error {
	a.metrics.JobRun(rep)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := a.db.AddJobRun(ctx, rep); err != nil {
		return fmt.Errorf("record run of %s: %w", rep.Job, err)
	}
	return nil
}

// fetchDelay maps the configured delay to fetch's: "0s" in the file means
// no delay, which fetch spells as a negative one (its zero is the default).
func fetchDelay(d time.Duration) time.Duration {
	if d == 0 {
		return -1
	}
	return d
}
