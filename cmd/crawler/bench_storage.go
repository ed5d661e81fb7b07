package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"crawler"
	"crawler/storage"
)

// storageHosts is how many outlets the storage section crawls.
const storageHosts = 4

// storageJob names the storage section's crawl job.
const storageJob = "bench-storage"

// storageRecleans is how many full recleans follow the crawl.
const storageRecleans = 3

// storageRun is what the storage section measured.
type storageRun struct {
	// articles is how many articles the site has; the crawl should store
	// exactly these.
	articles int
	requests int64
	report   crawler.RunReport
	took     time.Duration
	// after is the database after the crawl (learning and its reclean
	// included), closed and opened again.
	after storage.Stats
	// rawBytes is the sum of the raw page bodies of rawPages stored
	// documents, before compression.
	rawBytes int64
	rawPages int
	// textBytes is the sum of the cleaned texts.
	textBytes int64
	// articleDocs counts the stored documents that are site articles; the
	// rest are other pages the cleaner took for articles.
	articleDocs int
	passes      []recleanPass
}

// benchStorage crawls the loopback site into a fresh database through the
// daemon's job path, then reports bytes on disk per document against the
// raw HTML, where the bytes go, and the file size over repeated full
// recleans.
func benchStorage(ctx context.Context, cfg benchConfig) ([]benchTable, error) {
	run, err := measureStorage(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return run.tables(), nil
}

// measureStorage does the storage section's work and returns its figures.
func measureStorage(ctx context.Context, cfg benchConfig) (*storageRun, error) {
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	perHost := max(1, (cfg.StoragePages+storageHosts-1)/storageHosts)
	site, err := startBenchSite(ctx, storageHosts, perHost)
	if err != nil {
		return nil, fmt.Errorf("start bench site: %w", err)
	}
	defer site.Close()
	dir, err := os.MkdirTemp(cfg.Work, "storage-")
	if err != nil {
		return nil, fmt.Errorf("storage scratch dir: %w", err)
	}
	defer os.RemoveAll(dir)
	appCfg := storageConfig(site, filepath.Join(dir, "storage.db"))
	if err := appCfg.Validate(); err != nil {
		return nil, fmt.Errorf("storage bench config: %w", err)
	}
	run := &storageRun{articles: storageHosts * perHost}
	if err := run.crawl(ctx, appCfg, log); err != nil {
		return nil, err
	}
	run.requests = site.Requests()
	if err := site.Close(); err != nil {
		return nil, fmt.Errorf("bench site: %w", err)
	}
	if err := run.measure(ctx, appCfg.Storage); err != nil {
		return nil, err
	}
	for i := range storageRecleans {
		// Odd passes add the drop rule, even ones take it away again, so
		// every pass rewrites every document.
		p, err := recleanAll(ctx, appCfg.Storage, i%2 == 0)
		if err != nil {
			return nil, fmt.Errorf("reclean pass %d: %w", i+1, err)
		}
		log.Info("bench storage reclean", "pass", i+1, "rewritten", p.rewritten,
			"file_bytes", p.stats.FileSize, "data_bytes", p.stats.DataSize, keyDuration, p.took.Round(time.Millisecond))
		run.passes = append(run.passes, p)
	}
	return run, nil
}

// storageConfig is DefaultConfig with allow_private on, the smallest
// politeness delay, and one job over every outlet with no depth or page limit (the
// site is finite).
func storageConfig(site *benchSite, dbPath string) Config {
	cfg := DefaultConfig()
	cfg.Storage.Path = dbPath
	cfg.Admin.Listen = "127.0.0.1:0"
	cfg.Log.Level = "warn"
	cfg.Fetch.AllowPrivate = true
	cfg.Fetch.Delay = Dur(0) // no politeness delay: the site is ours
	j := defaultJob()
	j.Name, j.Seeds = storageJob, site.Seeds()
	j.MaxDepth, j.MaxPages = 0, 0
	cfg.Jobs = []JobConfig{j}
	return cfg
}

// crawl runs the job once as the daemon does (fetch, clean, store, then
// learn and reclean the touched sites) and records the run.
func (r *storageRun) crawl(ctx context.Context, cfg Config, log *slog.Logger) error {
	a, err := openApp(cfg, log)
	if err != nil {
		return err
	}
	start := time.Now()
	rep, err := a.runJob(ctx, storageJob)
	r.took, r.report = time.Since(start), rep
	if err == nil {
		err = a.recordRun(rep)
	}
	if cerr := a.Close(); cerr != nil {
		err = errors.Join(err, cerr)
	}
	if err != nil {
		return fmt.Errorf("crawl: %w", err)
	}
	return nil
}

// measure opens the crawled database again and reads its space figures
// and the raw HTML size of every stored document.
func (r *storageRun) measure(ctx context.Context, sc StorageConfig) (err error) {
	db, err := openStore(sc, false)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := db.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	err = db.Documents(ctx, storage.DocumentFilter{}, func(d *crawler.Document) error {
		r.textBytes += int64(len(d.Text))
		if u, err := url.Parse(d.CanonicalURL); err == nil {
			if _, ok := benchArticleIndex(u.Path); ok {
				r.articleDocs++
			}
		}
		p, err := db.Page(ctx, d.CanonicalURL)
		if errors.Is(err, storage.ErrNotFound) {
			return nil // counted as a document without raw HTML
		}
		if err != nil {
			return err
		}
		r.rawBytes += int64(len(p.Body))
		r.rawPages++
		return nil
	})
	if err != nil {
		return fmt.Errorf("raw page sizes: %w", err)
	}
	if r.after, err = db.Stats(ctx); err != nil {
		return err
	}
	return nil
}
