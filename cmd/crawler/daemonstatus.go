package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"crawler/admin"
	"crawler/schedule"
)

// recentErrorsKept bounds the in-memory list of recent errors.
const recentErrorsKept = 20

// handler builds the admin endpoint over the daemon.
func (d *daemon) handler() http.Handler {
	cfg := d.app.config()
	return admin.Handler(admin.Options{
		Status:     d,
		Ready:      d.app.db,
		Jobs:       d,
		Rules:      d,
		Metrics:    d.app.metrics,
		Token:      cfg.Admin.Token,
		ListenHost: d.listenHost,
		Logger:     d.log,
	})
}

func (d *daemon) addError(e admin.ErrorEntry) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.errs = append(d.errs, e)
	if len(d.errs) > recentErrorsKept {
		d.errs = slices.Delete(d.errs, 0, len(d.errs)-recentErrorsKept)
	}
}

// activity says in a few words what the daemon is doing, for STATUS= and
// the status page.
func (d *daemon) activity() string {
	var running []string
	var next time.Time
	nextJob := ""
	for _, j := range d.runner.Status() {
		if j.Running {
			running = append(running, j.Name)
		}
		if !j.Running && (next.IsZero() || j.Next.Before(next)) {
			next, nextJob = j.Next, j.Name
		}
	}
	switch {
	case len(running) > 0:
		return "crawling: " + strings.Join(running, ", ")
	case nextJob != "":
		return fmt.Sprintf("idle; next run: %s at %s", nextJob, next.Format(time.RFC3339))
	}
	return "idle; no jobs configured"
}

// Status implements admin.StatusSource.
func (d *daemon) Status(ctx context.Context) (admin.Status, error) {
	up := time.Since(d.started)
	st := admin.Status{
		Version: version(), Started: d.started, Uptime: up.Round(time.Second).String(), UptimeSec: up.Seconds(),
		Activity: d.activity(), DatabasePath: d.app.db.Path(),
	}
	for _, j := range d.runner.Status() {
		st.Jobs = append(st.Jobs, jobStatus(j))
	}
	stats, err := d.app.db.Stats(ctx)
	if err != nil {
		return admin.Status{}, err
	}
	st.Documents, st.Pages, st.DatabaseBytes = stats.Documents, stats.Pages, stats.FileSize
	if err := d.addHosts(ctx, &st); err != nil {
		return admin.Status{}, err
	}
	if st.Rules, err = ruleCounts(ctx, d.app); err != nil {
		return admin.Status{}, err
	}
	d.addRecentErrors(&st)
	return st, nil
}

func jobStatus(j schedule.JobStatus) admin.Job {
	return admin.Job{
		Name: j.Name, Schedule: j.Schedule, Running: j.Running, Started: j.Started, Next: j.Next,
		Last: j.Last, Runs: j.Runs, Failures: j.Failures, Skips: j.Skips,
	}
}

func (d *daemon) addHosts(ctx context.Context, st *admin.Status) error {
	states, err := d.app.db.HostStates(ctx)
	if err != nil {
		return err
	}
	pending, err := d.app.db.PendingByHost(ctx)
	if err != nil {
		return err
	}
	for _, hs := range states {
		h := admin.Host{
			Host: hs.Host, Pending: pending[hs.Host], NextFetch: hs.NextFetch, BlockedUntil: hs.BlockedUntil,
			Errors: hs.Errors, LastError: hs.LastError, LastErrorAt: hs.LastErrorAt,
		}
		delete(pending, hs.Host)
		st.Hosts = append(st.Hosts, h)
	}
	for host, n := range pending {
		st.Hosts = append(st.Hosts, admin.Host{Host: host, Pending: n})
	}
	slices.SortFunc(st.Hosts, func(a, b admin.Host) int { return strings.Compare(a.Host, b.Host) })
	for _, h := range st.Hosts {
		st.QueueDepth += h.Pending
		if h.Pending > 0 {
			at := h.NextFetch
			if h.BlockedUntil.After(at) {
				at = h.BlockedUntil
			}
			if st.NextFetch.IsZero() || at.Before(st.NextFetch) {
				st.NextFetch = at
			}
		}
	}
	return nil
}

// addRecentErrors merges job and reload errors with host errors, newest first.
func (d *daemon) addRecentErrors(st *admin.Status) {
	d.mu.Lock()
	errs := slices.Clone(d.errs)
	d.mu.Unlock()
	for _, h := range st.Hosts {
		if h.LastError != "" {
			errs = append(errs, admin.ErrorEntry{Time: h.LastErrorAt, Source: h.Host, Message: h.LastError})
		}
	}
	slices.SortFunc(errs, func(a, b admin.ErrorEntry) int { return b.Time.Compare(a.Time) })
	if len(errs) > recentErrorsKept {
		errs = errs[:recentErrorsKept]
	}
	st.RecentErrors = errs
	if len(errs) > 0 {
		st.LastError = errs[0].Source + ": " + errs[0].Message
	}
}

// ruleCounts counts each site's stored rules by status.
func ruleCounts(ctx context.Context, a *app) ([]admin.SiteRules, error) {
	sites, err := a.db.RuleSites(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]admin.SiteRules, 0, len(sites))
	for _, site := range sites {
		rules, err := loadRules(ctx, a.db, site)
		if err != nil {
			return nil, err
		}
		sr := admin.SiteRules{Site: site, Version: rules.Version}
		for _, r := range rules.Rules {
			switch r.Status {
			case "active":
				sr.Active++
			case "candidate":
				sr.Candidate++
			case "pinned":
				sr.Pinned++
			case "disabled":
				sr.Disabled++
			}
		}
		out = append(out, sr)
	}
	return out, nil
}

// RunJob implements admin.JobRunner.
func (d *daemon) RunJob(_ context.Context, name string) error {
	err := d.runner.Trigger(name)
	switch {
	case errors.Is(err, schedule.ErrUnknownJob):
		return fmt.Errorf("%w: %w", admin.ErrNotFound, err)
	case errors.Is(err, schedule.ErrRunning):
		return fmt.Errorf("%w: %w", admin.ErrConflict, err)
	case errors.Is(err, schedule.ErrStopped):
		return fmt.Errorf("%w: %w", admin.ErrUnavailable, err)
	}
	return err
}

// SetRuleStatus implements admin.RuleEditor.
func (d *daemon) SetRuleStatus(ctx context.Context, id, status string) error {
	site, err := setRuleStatus(ctx, d.app, id, status)
	if err != nil {
		return err
	}
	d.log.Info("rule status changed", keySite, site, "rule", id, "status", status)
	return nil
}

// version is the module version the binary was built from.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " (" + s.Value[:12] + ")"
		}
	}
	return v
}
