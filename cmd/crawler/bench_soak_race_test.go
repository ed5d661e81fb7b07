//go:build race

package main

// raceDetector reports a test binary built with -race. The soak's daemon
// is this binary, so under the race detector it cleans pages several
// times slower and cannot be held to the request rate.
const raceDetector = true
