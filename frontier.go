package crawler

import "time"

// URL states in the persistent frontier. A URL moves pending -> done or
// failed. StateLeased was written by older versions while a URL was being
// fetched; a run puts such URLs back to pending.
const (
	StatePending = "pending"
	StateLeased  = "leased"
	StateDone    = "done"
	StateFailed  = "failed"
)

// URL sources: how a frontier URL was found. Seeds, feeds and sitemaps are
// re-polled on every fresh run; links are fetched once.
const (
	SourceSeed    = "seed"
	SourceFeed    = "feed"
	SourceSitemap = "sitemap"
	SourceLink    = "link"
	// SourceArticle marks a URL listed by a feed or sitemap entry: an
	// article that is fetched once, like a link, but starts at depth 0.
	SourceArticle = "article"
	// SourceGuess marks a feed URL guessed from common paths. A guess that
	// fails is not an error worth reporting and is not tried again.
	SourceGuess = "guess"
)

// URLEntry is one URL in a job's frontier, keyed by its canonical URL.
type URLEntry struct {
	URL string `json:"url"`
	Job string `json:"job"`
	// Host is the politeness key: scheme://host:port, the robots.txt origin.
	Host  string `json:"host"`
	Depth int    `json:"depth"`
	// Source is one of the Source* constants.
	Source string `json:"source"`
	// State is one of the State* constants.
	State    string `json:"state"`
	Attempts int    `json:"attempts"`
	// NotBefore delays the next attempt after a retryable failure.
	NotBefore  time.Time `json:"not_before,omitzero"`
	LeaseUntil time.Time `json:"lease_until,omitzero"`
	Discovered time.Time `json:"discovered"`
	// Published is the date a feed or sitemap gave, used to fetch newest first.
	Published time.Time `json:"published,omitzero"`
	LastError string    `json:"last_error,omitempty"`
	// Fetched is when the URL's document was first stored. Refreshes keep
	// it, so an article leaves its job's refresh window on schedule instead
	// of being re-fetched forever.
	Fetched time.Time `json:"fetched,omitzero"`
	// Refresh marks a done article put back to pending to be fetched again
	// conditionally; it is cleared when the refresh ends.
	Refresh bool `json:"refresh,omitempty"`
}

// HostState is the politeness, robots.txt and backoff state of one host
// (scheme://host:port), kept across runs.
type HostState struct {
	Host string `json:"host"`
	// NextFetch is the earliest start of the next request to the host.
	NextFetch time.Time `json:"next_fetch,omitzero"`
	// BlockedUntil is set by 429/503 Retry-After and by error backoff.
	BlockedUntil time.Time `json:"blocked_until,omitzero"`
	// Errors counts consecutive failed requests; a success resets it.
	Errors      int       `json:"errors"`
	LastError   string    `json:"last_error,omitempty"`
	LastErrorAt time.Time `json:"last_error_at,omitzero"`
	// RobotsStatus is the HTTP status of the last robots.txt fetch, 0 when
	// it was unreachable.
	RobotsStatus    int       `json:"robots_status"`
	RobotsFetchedAt time.Time `json:"robots_fetched_at,omitzero"`
	// CrawlDelay is the robots.txt Crawl-delay for our user agent.
	CrawlDelay time.Duration `json:"crawl_delay"`
	RobotsBody []byte        `json:"robots_body,omitempty"`
}

// HostTurn is the part of a host's state that changes with every request:
// the earliest start of the next one. It is saved before each request goes
// out, so a process killed mid-crawl does not let its successor ask the
// host again sooner than the delay.
type HostTurn struct {
	Host      string    `json:"host"`
	NextFetch time.Time `json:"next_fetch"`
}

// Validators are a URL's conditional-GET validators from its last 200.
type Validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// Outcome is everything one fetch of a frontier URL produced. The store
// applies it in a single transaction, so a crash leaves either all of it or
// none of it.
type Outcome struct {
	// Entry is the frontier entry with its new State, Attempts, NotBefore
	// and LastError; its URL is the frontier key.
	Entry URLEntry
	// Document and Page, when Document is non-nil, are stored unless another
	// URL already holds a document with the same content hash; then the
	// document's canonical URL is recorded as an alias of that URL instead.
	Document *Document
	Page     *Page
	// AliasOf, when set, records Entry.URL (and Document's canonical URL if
	// any) as an alias of this canonical URL without storing a document.
	AliasOf string
	// Discovered URLs are added to the frontier unless already present.
	Discovered []URLEntry
	// Validators, when non-nil, replace the stored validators of Entry.URL.
	Validators *Validators
	// Host, when non-nil, replaces the stored state of its host (errors,
	// Retry-After and backoff blocks), in the same transaction.
	Host *HostState
}

// FinishResult says what the store did with an Outcome.
type FinishResult struct {
	// Stored is true when a new or updated document was written.
	Stored bool
	// DuplicateOf is the canonical URL the document was aliased to, if any.
	DuplicateOf string
	// Added lists the discovered URLs that were new to the frontier.
	Added []string
}
