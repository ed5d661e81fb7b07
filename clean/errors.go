package clean

import "errors"

var (
	// ErrNoRule is returned by Rules.SetStatus for an id the rules do not hold.
	ErrNoRule = errors.New("no such rule")
	// ErrBadRule is wrapped by ParseRules and ManualRules for a rule that
	// cannot be used: unknown kind or status, bad selector or regexp.
	ErrBadRule = errors.New("bad rule")
)
