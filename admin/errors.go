package admin

import "errors"

// Errors a JobRunner or RuleEditor wraps so that the handler can choose the
// HTTP status; match with errors.Is.
var (
	// ErrNotFound answers 404: no such job or rule.
	ErrNotFound = errors.New("not found")
	// ErrConflict answers 409: the job is already running.
	ErrConflict = errors.New("conflict")
	// ErrUnavailable answers 503: the daemon cannot do it now.
	ErrUnavailable = errors.New("unavailable")
)

// ErrTokenRequired is returned by CheckListen for a listen address reachable
// from other machines when no token is set.
var ErrTokenRequired = errors.New("admin.token is required when admin.listen is not a loopback address")
