package fetch

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/url"
	"sync"
	"time"

	"github.com/gocolly/colly/v2"

	"crawler"
)

// Crawler runs crawl jobs against a Store. One Crawler may run several
// jobs, one after another or at once; runs at once take turns on the hosts
// they share. Use one Crawler per Store, since the first run in progress
// puts back to pending the URLs an older version left leased.
type Crawler struct {
	opts  Options
	store Store

	gates *gates // host turns, shared by concurrent runs

	mu     sync.Mutex
	active int // runs in progress
}

// New returns a Crawler; zero option fields take DefaultOptions values.
func New(opts Options, store Store) (*Crawler, error) {
	if store == nil {
		return nil, fmt.Errorf("new crawler: nil store")
	}
	return &Crawler{opts: opts.withDefaults(), store: store, gates: newGates()}, nil
}

// maxBlockedWait is the longest a run waits for a blocked host (Retry-After,
// backoff); hosts blocked for longer are left for a later run.
const maxBlockedWait = 2 * time.Minute

// run is the state of one Crawl call.
type run struct {
	c     *Crawler
	job   Job
	scope *scope
	col   *colly.Collector
	sched *scheduler
	agent string
	log   *slog.Logger
	now   func() time.Time

	mu    sync.Mutex
	hosts map[string]*hostInfo
	// inflight holds the URLs being fetched, at most one per worker.
	inflight map[string]bool
	report   crawler.RunReport
	pages    int
}

// hostInfo is a host's in-memory state during a run.
type hostInfo struct {
	state       crawler.HostState
	rules       robotsRules
	rulesValid  bool
	robotsFails int
	pages       int
}

// Crawl runs job once: it polls the job's seeds, feeds and sitemaps and
// fetches what they lead to until the frontier is drained or MaxPages is
// reached. Cancelling ctx stops new requests, lets requests in flight
// finish (for at most Timeout) and store their pages, returns the other
// URLs to pending and returns; the next Crawl of the job resumes that
// frontier.
func (c *Crawler) Crawl(ctx context.Context, job Job) (crawler.RunReport, error) {
	start := time.Now()
	// Requests already sent when ctx is cancelled get up to Timeout to
	// finish, so their pages are stored rather than fetched again later.
	reqCtx, cancelReq := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelReq()
	stopGrace := context.AfterFunc(ctx, func() { time.AfterFunc(c.opts.Timeout, cancelReq) })
	defer stopGrace()
	r, err := c.newRun(reqCtx, job)
	if err != nil {
		return crawler.RunReport{Job: job.Name, Start: start, Err: err.Error()}, err
	}
	r.report.Start = start
	err = r.execute(ctx)
	r.mu.Lock()
	rep := r.report
	r.mu.Unlock()
	rep.Duration = time.Since(start)
	if err != nil {
		rep.Err = err.Error()
	}
	return rep, err
}

func (c *Crawler) newRun(reqCtx context.Context, job Job) (*run, error) {
	sc, err := compileScope(job)
	if err != nil {
		return nil, err
	}
	r := &run{
		c: c, job: job, scope: sc,
		col:   newCollector(reqCtx, c.opts),
		agent: agentToken(c.opts.UserAgent),
		log:   c.opts.Logger.With("job", job.Name),
		now:   time.Now,
		hosts: map[string]*hostInfo{}, inflight: map[string]bool{},
		report: crawler.RunReport{Job: job.Name, ID: runID()},
	}
	r.sched = newScheduler(c.gates, r.saveTurn)
	return r, nil
}

func runID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func (r *run) execute(ctx context.Context) error {
	if err := r.c.enter(ctx); err != nil {
		return err
	}
	defer r.c.leave()
	resumed, err := r.c.store.BeginRun(ctx, r.job.Name, r.startEntries(), r.now())
	if err != nil {
		return err
	}
	refreshes := 0
	if !resumed && r.job.RefreshWindow > 0 {
		refreshes, err = r.c.store.Refresh(ctx, r.job.Name, r.now().Add(-r.job.RefreshWindow), r.job.maxRefreshes())
		if err != nil {
			return err
		}
	}
	hosts, err := r.c.store.PendingHosts(ctx, r.job.Name)
	if err != nil {
		return err
	}
	r.log.Info("run starting", "hosts_with_pending", len(hosts), "resumed", resumed, "refreshes", refreshes)
	for _, host := range hosts {
		if err := r.knowHost(ctx, host); err != nil {
			return err
		}
		r.sched.expect(host)
	}
	r.work(ctx)
	r.saveHosts(context.WithoutCancel(ctx))
	r.mu.Lock()
	rep := r.report
	r.mu.Unlock()
	r.log.Info("run finished", "fetched", rep.Fetched, "stored", rep.Stored, "duplicates", rep.Duplicates,
		"not_modified", rep.NotModified, "failed", rep.Failed, "robots_blocked", rep.RobotsBlocked, "cancelled", ctx.Err() != nil)
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("crawl %s: %w", r.job.Name, err)
	}
	return r.c.store.EndRun(ctx, r.job.Name)
}

// enter registers a run. The first run in progress returns every URL
// left leased (older versions wrote leases) to pending: the database is
// locked to this process, so those leases belong to a process that died.
func (c *Crawler) enter(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.active++
	if c.active > 1 {
		return nil
	}
	if _, err := c.store.ResetLeases(ctx); err != nil {
		c.active--
		return err
	}
	return nil
}

func (c *Crawler) leave() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.active--
}

// startEntries are the job's seeds, feeds and sitemaps as frontier entries.
func (r *run) startEntries() []crawler.URLEntry {
	var out []crawler.URLEntry
	add := func(list []string, source string) {
		for _, raw := range list {
			e, err := r.entry(raw, source, 0, time.Time{})
			if err != nil {
				r.log.Warn("start url skipped", "url", raw, "error", err)
				continue
			}
			out = append(out, e)
		}
	}
	add(r.job.Seeds, crawler.SourceSeed)
	add(r.job.Feeds, crawler.SourceFeed)
	add(r.job.Sitemaps, crawler.SourceSitemap)
	return out
}

// entry builds a pending frontier entry for a URL.
func (r *run) entry(raw, source string, depth int, published time.Time) (crawler.URLEntry, error) {
	canon, err := CanonicalURL(raw)
	if err != nil {
		return crawler.URLEntry{}, err
	}
	u, err := url.Parse(canon)
	if err != nil {
		return crawler.URLEntry{}, fmt.Errorf("%w: %w", ErrBadURL, err)
	}
	return crawler.URLEntry{
		URL: canon, Job: r.job.Name, Host: hostKey(u), Depth: depth, Source: source,
		State: crawler.StatePending, Discovered: r.now(), Published: published,
	}, nil
}

// queue hands the scheduler an entry that is pending in the store,
// loading its host's saved state on first sight.
func (r *run) queue(ctx context.Context, e crawler.URLEntry) error {
	if err := r.knowHost(ctx, e.Host); err != nil {
		return err
	}
	r.sched.offer(e)
	return nil
}

// knowHost loads a host's saved state the first time the run meets it.
func (r *run) knowHost(ctx context.Context, host string) error {
	r.mu.Lock()
	_, known := r.hosts[host]
	r.mu.Unlock()
	if known {
		return nil
	}
	return r.loadHost(ctx, host)
}

func (r *run) loadHost(ctx context.Context, host string) error {
	st, ok, err := r.c.store.HostState(ctx, host)
	if err != nil {
		return err
	}
	if !ok {
		st = crawler.HostState{Host: host}
	}
	hi := &hostInfo{state: st}
	hi.restoreRobots(st, r.agent, r.now())
	r.mu.Lock()
	if _, dup := r.hosts[host]; dup {
		r.mu.Unlock()
		return nil
	}
	r.hosts[host] = hi
	r.mu.Unlock()
	blocked := st.BlockedUntil
	if blocked.Sub(r.now()) > maxBlockedWait {
		r.sched.drop(host)
	}
	r.sched.configure(host, r.gap(st.CrawlDelay), st.NextFetch, blocked)
	return nil
}

// host returns the run's info for a host, creating it if needed.
func (r *run) host(host string) *hostInfo {
	r.mu.Lock()
	defer r.mu.Unlock()
	hi := r.hosts[host]
	if hi == nil {
		hi = &hostInfo{state: crawler.HostState{Host: host}}
		r.hosts[host] = hi
	}
	return hi
}

// gap is a host's minimum gap between request starts.
func (r *run) gap(crawlDelay time.Duration) time.Duration {
	return max(r.c.opts.Delay, min(crawlDelay, r.c.opts.MaxCrawlDelay))
}

func (r *run) saveHost(ctx context.Context, st crawler.HostState) {
	st.NextFetch = later(st.NextFetch, r.sched.nextStart(st.Host))
	if err := r.c.store.PutHostState(ctx, st); err != nil {
		r.log.Warn("host state not saved", "host", st.Host, "error", err)
		return
	}
	r.sched.saved(crawler.HostTurn{Host: st.Host, NextFetch: st.NextFetch})
}

// saveTurn saves a host's next start ahead of a request. A store that
// fails only costs politeness after a crash, so the request still goes.
func (r *run) saveTurn(ctx context.Context, t crawler.HostTurn) bool {
	if err := r.c.store.PutHostTurn(context.WithoutCancel(ctx), t); err != nil {
		r.log.Warn("host turn not saved", "host", t.Host, "error", err)
		return false
	}
	return true
}

func (r *run) saveHosts(ctx context.Context) {
	r.mu.Lock()
	states := make([]crawler.HostState, 0, len(r.hosts))
	for host, hi := range r.hosts {
		// The next run, maybe in a new process, keeps the gap too.
		hi.state.Host, hi.state.NextFetch = host, r.sched.nextStart(host)
		states = append(states, hi.state)
	}
	r.mu.Unlock()
	if err := r.c.store.PutHostStates(ctx, states); err != nil {
		r.log.Warn("host states not saved", "hosts", len(states), "error", err)
		return
	}
	for _, st := range states {
		r.sched.saved(crawler.HostTurn{Host: st.Host, NextFetch: st.NextFetch})
	}
}

// loadWindow reads the next pending entries of a host from the store into
// its window.
func (r *run) loadWindow(ctx context.Context, host string) {
	entries, err := r.c.store.PendingOf(ctx, r.job.Name, host, window)
	if err != nil {
		if ctx.Err() == nil {
			r.log.Error("pending urls not read; host left for the next run", "host", host, "error", err)
		}
		r.sched.loadFailed(host)
		return
	}
	r.sched.loaded(host, entries, window)
}

// work runs ParallelHosts workers until the scheduler is drained.
func (r *run) work(ctx context.Context) {
	var wg sync.WaitGroup
	for range r.c.opts.ParallelHosts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				t, ok := r.sched.next(ctx)
				switch {
				case !ok:
					return
				case t.load != "":
					r.loadWindow(ctx, t.load)
				default:
					r.handle(ctx, t.entry)
				}
			}
		}()
	}
	wg.Wait()
}
