package schedule

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"slices"
	"sync"
	"time"

	"crawler"
)

// RunFunc does one run of the named job. It should return promptly once ctx
// is cancelled. Job, ID, Start and Duration of the returned report are filled
// in by the Runner when left empty; a non-nil error is recorded in Err.
type RunFunc func(ctx context.Context, job string) (crawler.RunReport, error)

// Options tune a Runner. The zero value is usable.
type Options struct {
	// Logger receives one line per finished or skipped run; nil discards.
	Logger *slog.Logger
	// OnReport is called with every finished or skipped run's report, from
	// the goroutine that produced it; nil means no callback. It must not call
	// back into the Runner.
	OnReport func(crawler.RunReport)
	// Heartbeat is how often the loop wakes when nothing is due, so that
	// LastTick proves it is alive; zero means 10 s.
	Heartbeat time.Duration
	// Rand returns a random int64 in [0, n); nil uses math/rand/v2.
	Rand func(n int64) int64
}

// JobStatus is a snapshot of one job.
type JobStatus struct {
	Name     string    `json:"name"`
	Schedule string    `json:"schedule"`
	Running  bool      `json:"running"`
	Started  time.Time `json:"started,omitzero"`
	Next     time.Time `json:"next"`
	// Last is the most recent finished (not skipped) run; nil before the first.
	Last     *crawler.RunReport `json:"last,omitempty"`
	Runs     int                `json:"runs"`
	Failures int                `json:"failures"`
	Skips    int                `json:"skips"`
	LastSkip time.Time          `json:"last_skip,omitzero"`
}

// Runner runs jobs on their schedules. Create it with New; it is safe for
// concurrent use.
type Runner struct {
	run       RunFunc
	log       *slog.Logger
	onReport  func(crawler.RunReport)
	heartbeat time.Duration
	rand      func(int64) int64
	wake      chan struct{}

	mu       sync.Mutex
	entries  []*entry
	lastTick time.Time
	active   bool
}

// New returns a Runner for jobs. It fails when a schedule does not parse or
// two jobs share a name.
func New(jobs []Job, run RunFunc, opts Options) (*Runner, error) {
	r := &Runner{
		run:       run,
		log:       opts.Logger,
		onReport:  opts.OnReport,
		heartbeat: opts.Heartbeat,
		rand:      opts.Rand,
		wake:      make(chan struct{}, 1),
	}
	if r.log == nil {
		r.log = slog.New(slog.DiscardHandler)
	}
	if r.heartbeat <= 0 {
		r.heartbeat = 10 * time.Second
	}
	if r.rand == nil {
		r.rand = rand.Int64N
	}
	entries, err := r.newEntries(jobs, nil, time.Now())
	if err != nil {
		return nil, err
	}
	r.entries = entries
	return r, nil
}

// newEntries parses jobs into entries, carrying over the state of entries in
// old with the same name so a reload loses no history and no running run.
func (r *Runner) newEntries(jobs []Job, old []*entry, now time.Time) ([]*entry, error) {
	var errs []error
	seen := map[string]bool{}
	out := make([]*entry, 0, len(jobs))
	for _, j := range jobs {
		if seen[j.Name] {
			errs = append(errs, fmt.Errorf("job %q: duplicate name", j.Name))
			continue
		}
		seen[j.Name] = true
		s, err := Parse(j.Schedule)
		if err != nil {
			errs = append(errs, fmt.Errorf("job %q: %w", j.Name, err))
			continue
		}
		e := &entry{job: j, sched: s, last: j.Last}
		if i := slices.IndexFunc(old, func(o *entry) bool { return o.job.Name == j.Name }); i >= 0 {
			prev := *old[i]
			e.running, e.started, e.trigger, e.last = prev.running, prev.started, prev.trigger, prev.last
			e.runs, e.skips, e.failures, e.lastSkip = prev.runs, prev.skips, prev.failures, prev.lastSkip
			e.job.LastRun = prev.job.LastRun
		}
		e.next = r.first(e, now)
		out = append(out, e)
	}
	return out, errors.Join(errs...)
}

// first is the first due time of e at start-up or after a reload.
func (r *Runner) first(e *entry, now time.Time) time.Time {
	if e.job.LastRun.IsZero() {
		return now
	}
	n := e.sched.Next(e.job.LastRun)
	if n.Before(now) {
		return now
	}
	return n.Add(r.jitter(e.job.Jitter))
}

func (r *Runner) jitter(max time.Duration) time.Duration {
	if max <= 0 {
		return 0
	}
	return time.Duration(r.rand(int64(max)))
}

// Update replaces the job list, keeping the history and any running run of
// jobs whose name stays. On error nothing changes.
func (r *Runner) Update(jobs []Job) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	entries, err := r.newEntries(jobs, r.entries, time.Now())
	if err != nil {
		return err
	}
	r.entries = entries
	r.poke()
	return nil
}

// Trigger asks for the named job to run now, outside its schedule.
func (r *Runner) Trigger(name string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.active {
		return ErrStopped
	}
	i := slices.IndexFunc(r.entries, func(e *entry) bool { return e.job.Name == name })
	switch {
	case i < 0:
		return fmt.Errorf("%w: %q", ErrUnknownJob, name)
	case r.entries[i].running:
		return fmt.Errorf("%w: %q", ErrRunning, name)
	}
	r.entries[i].trigger = true
	r.poke()
	return nil
}

func (r *Runner) poke() {
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// LastTick is when the scheduling loop last woke; zero before Run starts. A
// stale value means the loop is stuck.
func (r *Runner) LastTick() time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.lastTick
}

// Status returns a snapshot of every job in configuration order.
func (r *Runner) Status() []JobStatus {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]JobStatus, 0, len(r.entries))
	for _, e := range r.entries {
		s := JobStatus{
			Name: e.job.Name, Schedule: e.job.Schedule, Running: e.running, Next: e.next,
			Runs: e.runs, Failures: e.failures, Skips: e.skips, LastSkip: e.lastSkip,
		}
		if e.running {
			s.Started = e.started
		}
		if e.last != nil {
			last := *e.last
			s.Last = &last
		}
		out = append(out, s)
	}
	return out
}
