// Package schedule runs named jobs on cron schedules and keeps an in-memory
// snapshot of how each job last went.
//
// # Policy
//
// A job that has never run (Job.LastRun is zero) runs as soon as the Runner
// starts; a job whose previous run is older than one schedule period runs
// once to catch up, never once per missed period. Each next run time gets a
// random delay of up to Job.Jitter so that many crawlers started together do
// not hit the same sites at the same second.
//
// A job never overlaps itself: when it is due while its previous run is still
// going, the due run is skipped and reported with crawler.RunReport.Skipped
// set, so an operator can see that the schedule is too tight.
//
// The work itself is injected as a RunFunc; the Runner knows nothing of
// fetching or storage. Run blocks until its context is cancelled and every
// run it started has returned.
package schedule
