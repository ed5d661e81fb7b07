package admin

import (
	"context"
	"time"

	"crawler"
)

// Status is the daemon's state as GET /status reports it.
type Status struct {
	Version   string    `json:"version"`
	Started   time.Time `json:"started"`
	Uptime    string    `json:"uptime"`
	UptimeSec float64   `json:"uptime_seconds"`
	// Activity says in a few words what the daemon is doing.
	Activity string `json:"activity"`
	Jobs     []Job  `json:"jobs"`
	Hosts    []Host `json:"hosts"`
	// QueueDepth is the number of pending URLs over all hosts.
	QueueDepth int `json:"queue_depth"`
	// NextFetch is the earliest time any host with pending URLs may be fetched.
	NextFetch time.Time `json:"next_fetch,omitzero"`
	// LastError is the most recent error of a job or a host.
	LastError     string       `json:"last_error,omitempty"`
	RecentErrors  []ErrorEntry `json:"recent_errors"`
	Documents     int          `json:"documents"`
	Pages         int          `json:"pages"`
	Rules         []SiteRules  `json:"rules"`
	DatabasePath  string       `json:"database_path"`
	DatabaseBytes int64        `json:"database_bytes"`
}

// Job is one scheduled job's state.
type Job struct {
	Name     string             `json:"name"`
	Schedule string             `json:"schedule"`
	Running  bool               `json:"running"`
	Started  time.Time          `json:"started,omitzero"`
	Next     time.Time          `json:"next,omitzero"`
	Last     *crawler.RunReport `json:"last,omitempty"`
	Runs     int                `json:"runs"`
	Failures int                `json:"failures"`
	Skips    int                `json:"skips"`
}

// Host is one host's crawl state.
type Host struct {
	Host         string    `json:"host"`
	Pending      int       `json:"pending"`
	NextFetch    time.Time `json:"next_fetch,omitzero"`
	BlockedUntil time.Time `json:"blocked_until,omitzero"`
	Errors       int       `json:"errors"`
	LastError    string    `json:"last_error,omitempty"`
	LastErrorAt  time.Time `json:"last_error_at,omitzero"`
}

// ErrorEntry is one recent error.
type ErrorEntry struct {
	Time    time.Time `json:"time"`
	Source  string    `json:"source"`
	Message string    `json:"message"`
}

// SiteRules counts a site's cleaning rules by status.
type SiteRules struct {
	Site      string `json:"site"`
	Version   int    `json:"version"`
	Active    int    `json:"active"`
	Candidate int    `json:"candidate"`
	Pinned    int    `json:"pinned"`
	Disabled  int    `json:"disabled"`
}

// StatusSource assembles a Status. It may query storage and should honour
// ctx; an error answers 500.
type StatusSource interface {
	Status(ctx context.Context) (Status, error)
}

// Pinger checks that storage answers; a nil error means ready.
type Pinger interface {
	Ping(ctx context.Context) error
}

// JobRunner starts a named job now. It wraps ErrNotFound for an unknown job
// and ErrConflict when the job is already running.
type JobRunner interface {
	RunJob(ctx context.Context, name string) error
}

// RuleEditor changes the status of a cleaning rule by id ("pinned",
// "disabled"). It wraps ErrNotFound for an unknown rule id.
type RuleEditor interface {
	SetRuleStatus(ctx context.Context, id, status string) error
}
