package schedule

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"time"

	"crawler"
)

// Run schedules jobs until ctx is cancelled, then waits for the runs it
// started (which see the same cancelled ctx) and returns nil.
func (r *Runner) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	r.setActive(true)
	defer r.setActive(false)
	hb := time.NewTicker(r.heartbeat)
	defer hb.Stop()
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		timer.Reset(r.step(ctx, &wg, time.Now()))
		select {
		case <-ctx.Done():
			return nil
		case <-timer.C:
		case <-hb.C:
		case <-r.wake:
		}
	}
}

func (r *Runner) setActive(on bool) {
	r.mu.Lock()
	r.active = on
	r.mu.Unlock()
}

// step starts every due job and returns how long the loop may sleep.
func (r *Runner) step(ctx context.Context, wg *sync.WaitGroup, now time.Time) time.Duration {
	r.mu.Lock()
	r.lastTick = now
	var skipped []crawler.RunReport
	wait := r.heartbeat
	for _, e := range r.entries {
		due := e.trigger || !now.Before(e.next)
		if due && !e.trigger {
			e.next = e.sched.Next(now).Add(r.jitter(e.job.Jitter))
		}
		switch {
		case due && e.running:
			e.trigger = false
			e.skips++
			e.lastSkip = now
			skipped = append(skipped, crawler.RunReport{Job: e.job.Name, ID: runID(now), Start: now, Skipped: true})
		case due:
			e.trigger = false
			e.running, e.started = true, now
			e.job.LastRun = now
			name := e.job.Name
			wg.Go(func() { r.execute(ctx, name, now) })
		}
		if d := e.next.Sub(now); d < wait {
			wait = max(d, 0)
		}
	}
	r.mu.Unlock()
	for _, rep := range skipped {
		r.log.Warn("job run skipped: previous run still going", "job", rep.Job)
		r.report(rep)
	}
	return wait
}

// execute does one run and records its outcome.
func (r *Runner) execute(ctx context.Context, name string, start time.Time) {
	rep, err := r.run(ctx, name)
	rep.Job = name
	if rep.ID == "" {
		rep.ID = runID(start)
	}
	if rep.Start.IsZero() {
		rep.Start = start
	}
	if rep.Duration == 0 {
		rep.Duration = time.Since(start)
	}
	if err != nil && rep.Err == "" {
		rep.Err = err.Error()
	}
	r.finish(name, rep)
	log := r.log.With("job", name, "run", rep.ID)
	switch {
	case ctx.Err() != nil && (err == nil || errors.Is(err, ctx.Err())):
		// Shutting down (SIGTERM under systemd) is not a failure: the
		// run's frontier is saved and the next start resumes it.
		log.Info("job run stopped for shutdown; it resumes at the next start", "duration", rep.Duration,
			"fetched", rep.Fetched, "stored", rep.Stored)
	case rep.Err != "":
		log.Error("job run failed", "error", rep.Err, "duration", rep.Duration, "fetched", rep.Fetched, "stored", rep.Stored)
	default:
		log.Info("job run finished", "duration", rep.Duration, "fetched", rep.Fetched, "stored", rep.Stored,
			"duplicates", rep.Duplicates, "not_modified", rep.NotModified, "failed", rep.Failed, "robots_blocked", rep.RobotsBlocked)
	}
	r.report(rep)
}

func (r *Runner) finish(name string, rep crawler.RunReport) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, e := range r.entries {
		if e.job.Name != name {
			continue
		}
		e.running = false
		e.runs++
		if rep.Err != "" {
			e.failures++
		}
		e.last = &rep
	}
	r.poke()
}

func (r *Runner) report(rep crawler.RunReport) {
	if r.onReport != nil {
		r.onReport(rep)
	}
}

// runID names a run by its start time: unique per job, sortable, short.
func runID(t time.Time) string {
	return strconv.FormatInt(t.UnixNano(), 36)
}
