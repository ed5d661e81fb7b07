package schedule

import (
	"fmt"
	"time"

	"github.com/robfig/cron/v3"

	"crawler"
)

// Job is one named unit of scheduled work.
type Job struct {
	// Name identifies the job; it is passed to the RunFunc.
	Name string
	// Schedule is a five-field cron expression ("*/15 * * * *") or a
	// descriptor ("@hourly", "@every 15m").
	Schedule string
	// Jitter is the largest random delay added to each scheduled time; zero
	// means none.
	Jitter time.Duration
	// LastRun is when the job last started before this process; zero means
	// never, so the job runs at once.
	LastRun time.Time
	// Last is the job's most recent finished run before this process, shown
	// by Status until the job runs again; nil means none.
	Last *crawler.RunReport
}

// Parse checks a schedule expression and returns the parsed schedule.
func Parse(spec string) (cron.Schedule, error) {
	s, err := cron.ParseStandard(spec)
	if err != nil {
		return nil, fmt.Errorf("schedule %q: %w", spec, err)
	}
	return s, nil
}

// entry is a job as the Runner tracks it.
type entry struct {
	job      Job
	sched    cron.Schedule
	next     time.Time
	running  bool
	started  time.Time
	trigger  bool
	last     *crawler.RunReport
	runs     int
	skips    int
	failures int
	lastSkip time.Time
}
