package fetch

import (
	"context"
	"time"

	"crawler"
)

// Store is the persistence fetch needs. *storage.DB satisfies it.
//
// Every method may block on the database and honours ctx only before it
// starts a transaction.
type Store interface {
	// BeginRun marks job's run as started and adds the start entries not
	// yet in the frontier; resumed is true when the previous run died and
	// its frontier is carried on. A fresh run puts the start entries, and
	// the feeds and sitemaps discovered earlier, back to pending.
	BeginRun(ctx context.Context, job string, starts []crawler.URLEntry, now time.Time) (resumed bool, err error)
	// EndRun marks job's run as finished. Idempotent.
	EndRun(ctx context.Context, job string) error
	// ResetLeases returns URLs left leased (by older versions, which wrote
	// leases) to pending.
	ResetLeases(ctx context.Context) (int, error)
	// Enqueue adds entries not yet in the frontier and returns how many.
	Enqueue(ctx context.Context, entries []crawler.URLEntry) (int, error)
	// PendingHosts lists the hosts that have pending entries of job.
	PendingHosts(ctx context.Context, job string) ([]string, error)
	// PendingOf returns up to limit pending entries of job on host, in
	// fetch order (crawler.URLEntry.FetchesBefore).
	PendingOf(ctx context.Context, job, host string, limit int) ([]crawler.URLEntry, error)
	// FrontierEntry returns the frontier entry of a canonical URL; ok is
	// false when the URL is not in the frontier.
	FrontierEntry(ctx context.Context, url string) (e crawler.URLEntry, ok bool, err error)
	// Refresh puts up to limit of job's done articles stored since the given
	// time back to pending, marked Refresh; it returns how many.
	Refresh(ctx context.Context, job string, since time.Time, limit int) (int, error)
	// Finish stores a fetch's outcome in one transaction.
	Finish(ctx context.Context, o crawler.Outcome) (crawler.FinishResult, error)
	// HostState returns a host's saved state; ok is false when unknown.
	HostState(ctx context.Context, host string) (crawler.HostState, bool, error)
	// PutHostState saves a host's state.
	PutHostState(ctx context.Context, hs crawler.HostState) error
	// PutHostTurn saves a host's next allowed request start unless a later
	// one is saved; HostState folds it into NextFetch.
	PutHostTurn(ctx context.Context, t crawler.HostTurn) error
	// PutHostStates saves several hosts' states at once.
	PutHostStates(ctx context.Context, states []crawler.HostState) error
	// Validators returns a URL's ETag and Last-Modified; ok is false when none.
	Validators(ctx context.Context, url string) (crawler.Validators, bool, error)
	// NearDuplicate returns the canonical URL of a stored document of site
	// whose SimHash differs from simhash in at most maxDistance bits; ok is
	// false when there is none.
	NearDuplicate(ctx context.Context, site string, simhash uint64, maxDistance int) (url string, ok bool, err error)
}
