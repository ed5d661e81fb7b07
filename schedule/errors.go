package schedule

import "errors"

// ErrUnknownJob is returned by Trigger for a name no job has.
var ErrUnknownJob = errors.New("unknown job")

// ErrRunning is returned by Trigger when the job is already running.
var ErrRunning = errors.New("job is already running")

// ErrStopped is returned by Trigger when the Runner is not running.
var ErrStopped = errors.New("scheduler is not running")
