package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"crawler/fetch"
	"crawler/storage"
)

const (
	// benchCrawlParallel is the crawl's parallel_hosts and the baseline's
	// parallelism: requests in flight at once. On 20 hosts and 2 cores the
	// crawl reached 0.30x colly's pages/s at 4, 0.31-0.39x at 8 (the
	// daemon's default), 0.45x at 16 and 0.44-0.47x at 20: its workers
	// mostly wait for commits, so more of them help until the writer is
	// saturated. 16 takes nearly all of that gain while leaving the
	// scheduler hosts to choose between.
	benchCrawlParallel = 16
	// benchCrawlDelay is the per-host delay of the benchmark crawl: none,
	// as the issue asks ("0s" in a configuration).
	benchCrawlDelay = time.Duration(0)
	benchCrawlJob   = "bench"
	// benchCrawlRounds is how many baseline-then-crawler rounds alternate
	// at most, and benchCrawlBudget the time they may take together.
	benchCrawlRounds = 2
	benchCrawlBudget = 100 * time.Second
)

// crawlRound is one measured run of the baseline or of the crawler.
type crawlRound struct {
	// pages is the pages fetched (2xx for the baseline; the crawler's
	// Fetched, robots.txt excluded); served is what the site answered.
	pages, served int64
	wall, cpu     time.Duration
	// busy is the site's handler time during the round, which the CPU
	// figures include because the site runs in this process.
	busy time.Duration
	// The crawler's round also has the crawl alone, before runJob's
	// learning and re-cleaning, and what it stored.
	crawlWall, crawlCPU time.Duration
	stored, articles    int
	duplicates, failed  int
	// load is the 1-minute load average at the end of the round: other
	// processes competing for the same cores slow both sides.
	load string
}

// benchCrawl measures the crawl section of `crawler bench`: the daemon's
// crawl path (fetch, clean, store, then learn and re-clean) against a bare
// colly download of the same loopback site, alternating them.
func benchCrawl(ctx context.Context, cfg benchConfig) ([]benchTable, error) {
	hosts := max(cfg.CrawlHosts, 1)
	per := max(cfg.CrawlPages/hosts, 1)
	site, err := startBenchSite(ctx, hosts, per)
	if err != nil {
		return nil, err
	}
	defer site.Close()
	rounds := benchCrawlRounds
	if cfg.Quick {
		rounds = 1
	}
	var base, crawl []crawlRound
	start := time.Now()
	for r := range rounds {
		// A further round runs only if one more like the last still fits the
		// budget: on a loaded machine one round is what time allows.
		if r > 0 && time.Since(start)*time.Duration(r+1)/time.Duration(r) > benchCrawlBudget {
			break
		}
		b, err := benchBaselineRound(ctx, site)
		if err != nil {
			return nil, err
		}
		benchLog(cfg).Info("bench crawl baseline", "round", r+1, "pages", b.pages, "took", b.wall.Round(time.Millisecond))
		c, err := benchCrawlerRound(ctx, cfg, site, r, hosts, per)
		if err != nil {
			return nil, err
		}
		benchLog(cfg).Info("bench crawl crawler", "round", r+1, "pages", c.pages, "stored", c.stored,
			"crawl", c.crawlWall.Round(time.Millisecond), "with_learning", c.wall.Round(time.Millisecond))
		base, crawl = append(base, b), append(crawl, c)
	}
	return []benchTable{crawlTable(hosts, per, base, crawl)}, nil
}

func benchLog(cfg benchConfig) *slog.Logger {
	if cfg.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return cfg.Log
}

// benchBaselineRound downloads the whole site with fetch.Download.
func benchBaselineRound(ctx context.Context, site *benchSite) (crawlRound, error) {
	runtime.GC()
	req0, busy0, cpu0 := site.Requests(), site.Busy(), cpuTime()
	rep, err := fetch.Download(ctx, site.Seeds(), fetch.DownloadOptions{Parallelism: benchCrawlParallel})
	if err != nil {
		return crawlRound{}, fmt.Errorf("baseline: %w", err)
	}
	if rep.Errors > 0 {
		return crawlRound{}, fmt.Errorf("baseline: %d of %d requests failed", rep.Errors, rep.Requests)
	}
	return crawlRound{
		pages: rep.Pages, served: site.Requests() - req0, wall: rep.Duration,
		cpu: cpuTime() - cpu0, busy: site.Busy() - busy0, load: loadAverage(),
	}, nil
}

// benchCrawlConfig is the daemon's configuration for one benchmark crawl:
// defaults, but loopback allowed, no delay and no page or depth limit.
func benchCrawlConfig(site *benchSite, dbPath string, parallel int) Config {
	c := DefaultConfig()
	c.Storage.Path = dbPath
	c.Log.Level = "warn"
	c.Fetch.AllowPrivate = true
	c.Fetch.RespectRobots = true
	c.Fetch.Delay = Dur(benchCrawlDelay)
	c.Fetch.ParallelHosts = parallel
	j := defaultJob()
	j.Name, j.Seeds = benchCrawlJob, site.Seeds()
	j.MaxDepth, j.MaxPages, j.RefreshWindow = 0, 0, Dur(0)
	c.Jobs = []JobConfig{j}
	return c
}

// benchCrawlerRound runs the job through openApp and runJob, the daemon's
// own path, into a fresh database.
func benchCrawlerRound(ctx context.Context, cfg benchConfig, site *benchSite, r, hosts, per int) (crawlRound, error) {
	dbPath := filepath.Join(cfg.Work, fmt.Sprintf("crawl-%d.db", r+1))
	conf := benchCrawlConfig(site, dbPath, benchCrawlParallel)
	if err := conf.Validate(); err != nil {
		return crawlRound{}, fmt.Errorf("crawl config: %w", err)
	}
	a, err := openApp(conf, slog.New(slog.DiscardHandler))
	if err != nil {
		return crawlRound{}, err
	}
	defer os.Remove(dbPath)
	defer a.Close()
	out, err := measureRunJob(ctx, a, site, r)
	if err != nil {
		return out, err
	}
	out.articles, err = countBenchArticles(ctx, a, site, hosts, per)
	if err != nil {
		return out, err
	}
	sites, err := a.db.Sites(ctx)
	if err != nil {
		return out, fmt.Errorf("count documents: %w", err)
	}
	for _, n := range sites {
		out.stored += n
	}
	return out, nil
}

// measureRunJob runs the benchmark job once and times it as a whole and
// up to the end of the crawl proper.
func measureRunJob(ctx context.Context, a *app, site *benchSite, r int) (crawlRound, error) {
	runtime.GC()
	stopProfile, err := startCrawlProfile(fmt.Sprintf("crawl-%d.pprof", r+1))
	if err != nil {
		return crawlRound{}, err
	}
	req0, busy0 := site.Requests(), site.Busy()
	sampler := startCrawlCPUSampler(ctx)
	start := time.Now()
	rep, err := a.runJob(ctx, benchCrawlJob)
	wall := time.Since(start)
	sampler.stop()
	if perr := stopProfile(); perr != nil && err == nil {
		err = perr
	}
	if err != nil {
		return crawlRound{}, fmt.Errorf("crawl: %w", err)
	}
	crawlEnd := rep.Start.Add(rep.Duration)
	if rep.Duration <= 0 || crawlEnd.After(start.Add(wall)) {
		crawlEnd = start.Add(wall)
	}
	base := sampler.at(start)
	return crawlRound{
		pages: int64(rep.Fetched), served: site.Requests() - req0, busy: site.Busy() - busy0,
		wall: wall, cpu: sampler.at(start.Add(wall)) - base,
		crawlWall: crawlEnd.Sub(start), crawlCPU: sampler.at(crawlEnd) - base,
		duplicates: rep.Duplicates, failed: rep.Failed, load: loadAverage(),
	}, nil
}

// countBenchArticles counts the site's articles that have a document.
func countBenchArticles(ctx context.Context, a *app, site *benchSite, hosts, per int) (int, error) {
	n := 0
	for h := range hosts {
		for i := range per {
			_, err := a.db.Document(ctx, site.ArticleURL(h, i))
			switch {
			case err == nil:
				n++
			case !errors.Is(err, storage.ErrNotFound):
				return n, fmt.Errorf("count stored articles: %w", err)
			}
		}
	}
	return n, nil
}

// loadAverage is the 1-minute load average from /proc/loadavg, or "?".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	if f := strings.Fields(string(b)); len(f) > 0 {
		return f[0]
	}
	return "?"
}
