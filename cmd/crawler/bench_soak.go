package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/pelletier/go-toml/v2"
)

const (
	// soakHosts is how many outlets the soak crawls; the politeness gap
	// per host is chosen so that together they make the target rate.
	soakHosts = 10
	// soakReadyTimeout bounds the daemon's start-up (open, listen).
	soakReadyTimeout = 20 * time.Second
	// soakStopGrace is how long the daemon may take to exit after SIGTERM
	// before it counts as hung and is killed.
	soakStopGrace = 10 * time.Second
	// soakScrapeTimeout bounds one read of the daemon's /metrics. A slow
	// answer delays that sample; the ticker then drops the missed ticks,
	// so the sample count stays the same.
	soakScrapeTimeout = 5 * time.Second
)

// soakPlan is how the soak makes its request rate: hosts outlets, each
// fetched one request per gap (the daemon's own politeness delay).
type soakPlan struct {
	hosts int
	gap   time.Duration
}

func planSoak(rate int) (soakPlan, error) {
	if rate < 1 {
		return soakPlan{}, fmt.Errorf("soak: rate %d/s (want at least 1)", rate)
	}
	hosts := min(soakHosts, rate)
	return soakPlan{hosts: hosts, gap: time.Duration(hosts) * time.Second / time.Duration(rate)}, nil
}

// soakResult is what one soak measured.
type soakResult struct {
	plan     soakPlan
	samples  []soakSample
	exit     soakExit
	logLines int    // lines the daemon logged at warn level or above
	lastLog  string // the last of them, shortened
}

// benchSoak runs the real daemon (`crawler run`) against an unbounded
// loopback site at cfg.SoakRate requests per second for cfg.Soak and
// samples its memory every cfg.SoakSample.
func benchSoak(ctx context.Context, cfg benchConfig) ([]benchTable, error) {
	if runtime.GOOS != "linux" {
		return nil, errors.New("soak: needs Linux (reads /proc/PID/status)")
	}
	res, err := runSoak(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return soakTables(cfg, res), nil
}

// runSoak starts the site and the daemon, samples, and stops both. Every
// path out ends the daemon.
func runSoak(ctx context.Context, cfg benchConfig) (soakResult, error) {
	plan, err := planSoak(cfg.SoakRate)
	if err != nil {
		return soakResult{}, err
	}
	if cfg.Soak <= 0 || cfg.SoakSample <= 0 {
		return soakResult{}, fmt.Errorf("soak: duration %s, sample interval %s (want both positive)", cfg.Soak, cfg.SoakSample)
	}
	dir, err := os.MkdirTemp(cfg.Work, "soak-")
	if err != nil {
		return soakResult{}, fmt.Errorf("soak: scratch dir: %w", err)
	}
	site, err := startBenchSite(ctx, plan.hosts, 0)
	if err != nil {
		return soakResult{}, fmt.Errorf("soak: %w", err)
	}
	defer site.Close()
	res, err := soakDaemon(ctx, cfg, plan, site, dir)
	if cerr := site.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("soak: site: %w", cerr)
	}
	return res, err
}

// soakDaemon runs the daemon against site for the soak and stops it.
func soakDaemon(ctx context.Context, cfg benchConfig, plan soakPlan, site *benchSite, dir string) (soakResult, error) {
	listen, err := freeLoopbackAddr(ctx)
	if err != nil {
		return soakResult{}, err
	}
	cfgPath, dbPath, err := writeSoakConfig(dir, listen, site.Seeds(), plan)
	if err != nil {
		return soakResult{}, err
	}
	child, err := startSoakChild(cfgPath)
	if err != nil {
		return soakResult{}, err
	}
	defer child.kill()
	probe := soakProbe{
		pid: child.pid(), site: site, dbPath: dbPath,
		metricsURL: "http://" + listen + "/metrics",
		client:     &http.Client{Timeout: soakScrapeTimeout},
	}
	defer probe.client.CloseIdleConnections()
	if err := waitSoakReady(ctx, child, probe.client, "http://"+listen+"/readyz"); err != nil {
		return soakResult{}, err
	}
	res := soakResult{plan: plan}
	if res.samples, err = soakLoop(ctx, cfg, child, probe); err != nil {
		return soakResult{}, err
	}
	if res.exit, err = child.stop(soakStopGrace); err != nil {
		return soakResult{}, err
	}
	res.logLines = child.stderr.lineCount()
	res.lastLog = child.stderr.lastLine(240)
	return res, nil
}

// freeLoopbackAddr returns a loopback address with a port free right now,
// for the daemon's admin endpoint, so the soak knows where to read /readyz
// and /metrics. (With port 0 only the daemon's info-level log would tell,
// and the soak keeps its log at warn.)
func freeLoopbackAddr(ctx context.Context) (string, error) {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("soak: find a free port: %w", err)
	}
	addr := ln.Addr().String()
	if err := ln.Close(); err != nil {
		return "", fmt.Errorf("soak: find a free port: %w", err)
	}
	return addr, nil
}

// soakConfig is the daemon's configuration: one job over every outlet
// that never runs out of pages (the site is unbounded, max_pages and
// max_depth are off), so the soak sees one run that keeps going, the
// daemon's worst case for per-run state.
func soakConfig(dbPath, listen string, seeds []string, plan soakPlan) Config {
	c := DefaultConfig()
	c.Storage.Path = dbPath
	c.Admin.Listen = listen
	c.Log.Level = "warn"
	c.Fetch.Delay = Dur(plan.gap)
	c.Fetch.ParallelHosts = plan.hosts
	c.Fetch.Timeout = Dur(10 * time.Second)
	c.Fetch.AllowPrivate = true
	j := defaultJob()
	j.Name = "soak"
	j.Seeds = seeds
	j.Schedule = "@every 24h" // a job that never ran starts at once
	j.MaxDepth, j.MaxPages = 0, 0
	j.RefreshWindow = Dur(0)
	c.Jobs = []JobConfig{j}
	return c
}

// writeSoakConfig writes the daemon's config file into dir and reads it
// back as the daemon will, so a bad file fails here, not in the child.
func writeSoakConfig(dir, listen string, seeds []string, plan soakPlan) (cfgPath, dbPath string, err error) {
	dbPath = filepath.Join(dir, "crawler.db")
	data, err := toml.Marshal(soakConfig(dbPath, listen, seeds, plan))
	if err != nil {
		return "", "", fmt.Errorf("soak: encode config: %w", err)
	}
	cfgPath = filepath.Join(dir, "crawler.toml")
	if err := os.WriteFile(cfgPath, data, 0o600); err != nil {
		return "", "", fmt.Errorf("soak: write config: %w", err)
	}
	if _, err := LoadConfig(cfgPath); err != nil {
		return "", "", fmt.Errorf("soak: config: %w", err)
	}
	return cfgPath, dbPath, nil
}

// waitSoakReady polls the daemon's /readyz until it answers 200.
func waitSoakReady(ctx context.Context, child *soakChild, client *http.Client, url string) error {
	ctx, cancel := context.WithTimeout(ctx, soakReadyTimeout)
	defer cancel()
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return fmt.Errorf("soak: daemon not ready: %w", context.Cause(ctx))
		case <-child.done:
			return fmt.Errorf("%w: %s", errExitedEarly, child.exitDetail())
		case <-t.C:
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return fmt.Errorf("soak: %w", err)
		}
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
	}
}

// soakLoop samples the daemon at 0 and then every cfg.SoakSample until
// cfg.Soak has passed.
func soakLoop(ctx context.Context, cfg benchConfig, child *soakChild, probe soakProbe) ([]soakSample, error) {
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	n := int(cfg.Soak / cfg.SoakSample)
	every := soakRowEvery(cfg)
	samples := make([]soakSample, 0, n+1)
	start := time.Now()
	t := time.NewTicker(cfg.SoakSample)
	defer t.Stop()
	for i := 0; i <= n; i++ {
		if i > 0 {
			select {
			case <-ctx.Done():
				return nil, fmt.Errorf("soak: %w", ctx.Err())
			case <-child.done:
				return nil, fmt.Errorf("%w: %s", errExitedEarly, child.exitDetail())
			case <-t.C:
			}
		}
		s, err := probe.sample(ctx, time.Since(start))
		if err != nil {
			if child.exited() {
				return nil, fmt.Errorf("%w: %s", errExitedEarly, child.exitDetail())
			}
			return nil, err
		}
		samples = append(samples, s)
		if i%every == 0 || i == n {
			log.Info("soak", "at", s.at.Round(time.Second), "requests", s.requests,
				"rss_mib", mib(s.rss), "rss_anon_mib", mib(s.anon), "db_mib", mib(s.db))
		}
	}
	return samples, nil
}

// mib formats bytes as MiB with one decimal.
func mib(b int64) string { return fmt.Sprintf("%.1f", float64(b)/(1<<20)) }
