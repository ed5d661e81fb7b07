package schedule

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"crawler"
)

// recorder is a RunFunc that counts runs and can hold each run open.
type recorder struct {
	mu      sync.Mutex
	runs    map[string]int
	hold    time.Duration
	err     error
	reports []crawler.RunReport
}

func (rc *recorder) run(ctx context.Context, job string) (crawler.RunReport, error) {
	rc.mu.Lock()
	if rc.runs == nil {
		rc.runs = map[string]int{}
	}
	rc.runs[job]++
	rc.mu.Unlock()
	if rc.hold > 0 {
		select {
		case <-time.After(rc.hold):
		case <-ctx.Done():
		}
	}
	return crawler.RunReport{Fetched: 3, Stored: 2}, rc.err
}

func (rc *recorder) onReport(r crawler.RunReport) {
	rc.mu.Lock()
	rc.reports = append(rc.reports, r)
	rc.mu.Unlock()
}

func (rc *recorder) count(job string) int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.runs[job]
}

func (rc *recorder) skipped() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	n := 0
	for _, r := range rc.reports {
		if r.Skipped {
			n++
		}
	}
	return n
}

// start runs r in the bubble and returns a stop func that cancels it and
// waits for Run to return.
func start(t *testing.T, r *Runner) (stop func()) {
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	synctest.Wait()
	return func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	}
}

func TestRunsOnScheduleAndAtStart(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rc := &recorder{}
		r, err := New([]Job{{Name: "news", Schedule: "@every 10m"}}, rc.run, Options{OnReport: rc.onReport})
		if err != nil {
			t.Fatal(err)
		}
		stop := start(t, r)
		if got := rc.count("news"); got != 1 {
			t.Fatalf("runs at start = %d, want 1", got)
		}
		time.Sleep(35 * time.Minute)
		synctest.Wait()
		if got := rc.count("news"); got != 4 {
			t.Errorf("runs after 35m = %d, want 4", got)
		}
		st := r.Status()
		if st[0].Last == nil || st[0].Last.Stored != 2 || st[0].Last.Job != "news" || st[0].Runs != 4 {
			t.Errorf("status = %+v", st[0])
		}
		if want := time.Now().Add(5 * time.Minute); !st[0].Next.Equal(want) {
			t.Errorf("next = %v, want %v", st[0].Next, want)
		}
		stop()
	})
}

func TestLastRunDelaysFirstRun(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rc := &recorder{}
		prev := &crawler.RunReport{Job: "recent", Stored: 7}
		jobs := []Job{
			{Name: "recent", Schedule: "@every 1h", LastRun: time.Now().Add(-20 * time.Minute), Last: prev},
			{Name: "stale", Schedule: "@every 1h", LastRun: time.Now().Add(-5 * time.Hour)},
		}
		r, err := New(jobs, rc.run, Options{})
		if err != nil {
			t.Fatal(err)
		}
		stop := start(t, r)
		if st := r.Status()[0]; st.Last == nil || st.Last.Stored != 7 {
			t.Errorf("status before the first run = %+v, want the previous process's last run", st)
		}
		if rc.count("recent") != 0 || rc.count("stale") != 1 {
			t.Fatalf("at start: recent=%d stale=%d, want 0 and 1 (one catch-up run)", rc.count("recent"), rc.count("stale"))
		}
		time.Sleep(41 * time.Minute)
		synctest.Wait()
		if rc.count("recent") != 1 {
			t.Errorf("recent ran %d times after its period, want 1", rc.count("recent"))
		}
		stop()
	})
}

func TestOverlapIsSkippedAndReported(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rc := &recorder{hold: 25 * time.Minute}
		r, err := New([]Job{{Name: "slow", Schedule: "@every 10m"}}, rc.run, Options{OnReport: rc.onReport})
		if err != nil {
			t.Fatal(err)
		}
		stop := start(t, r)
		time.Sleep(21 * time.Minute)
		synctest.Wait()
		if got := rc.count("slow"); got != 1 {
			t.Errorf("runs = %d, want 1 (no overlap)", got)
		}
		if got := rc.skipped(); got != 2 {
			t.Errorf("skipped reports = %d, want 2", got)
		}
		st := r.Status()[0]
		if !st.Running || st.Skips != 2 || st.Last != nil {
			t.Errorf("status = %+v", st)
		}
		stop()
	})
}

func TestCancelWaitsForRunningJob(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rc := &recorder{hold: time.Hour}
		r, err := New([]Job{{Name: "a", Schedule: "@every 2h"}}, rc.run, Options{OnReport: rc.onReport})
		if err != nil {
			t.Fatal(err)
		}
		stop := start(t, r)
		stop() // returns only once the held run saw ctx and returned
		rc.mu.Lock()
		defer rc.mu.Unlock()
		if len(rc.reports) != 1 || rc.reports[0].Skipped {
			t.Errorf("reports after cancel = %+v, want the one finished run", rc.reports)
		}
	})
}

func TestTrigger(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rc := &recorder{hold: time.Minute}
		r, err := New([]Job{{Name: "a", Schedule: "@daily", LastRun: time.Now()}}, rc.run, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Trigger("a"); !errors.Is(err, ErrStopped) {
			t.Errorf("Trigger before Run = %v, want ErrStopped", err)
		}
		stop := start(t, r)
		if err := r.Trigger("nope"); !errors.Is(err, ErrUnknownJob) {
			t.Errorf("Trigger(nope) = %v, want ErrUnknownJob", err)
		}
		if err := r.Trigger("a"); err != nil {
			t.Fatal(err)
		}
		synctest.Wait()
		if rc.count("a") != 1 {
			t.Fatalf("triggered runs = %d, want 1", rc.count("a"))
		}
		if err := r.Trigger("a"); !errors.Is(err, ErrRunning) {
			t.Errorf("Trigger while running = %v, want ErrRunning", err)
		}
		stop()
	})
}

func TestUpdateKeepsHistoryAndRejectsBadJobs(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rc := &recorder{err: errors.New("site down")}
		r, err := New([]Job{{Name: "a", Schedule: "@every 1h"}}, rc.run, Options{})
		if err != nil {
			t.Fatal(err)
		}
		stop := start(t, r)
		bad := []Job{{Name: "a", Schedule: "every hour"}, {Name: "b", Schedule: "@hourly"}, {Name: "b", Schedule: "@hourly"}}
		if err := r.Update(bad); err == nil {
			t.Fatal("Update accepted a bad schedule and a duplicate name")
		}
		if err := r.Update([]Job{{Name: "a", Schedule: "@every 30m"}, {Name: "b", Schedule: "@every 2h"}}); err != nil {
			t.Fatal(err)
		}
		synctest.Wait()
		st := r.Status()
		if len(st) != 2 || st[0].Runs != 1 || st[0].Failures != 1 || st[0].Last.Err != "site down" {
			t.Fatalf("status after update = %+v", st)
		}
		if rc.count("b") != 1 {
			t.Errorf("new job b ran %d times, want 1", rc.count("b"))
		}
		if want := time.Now().Add(30 * time.Minute); !st[0].Next.Equal(want) {
			t.Errorf("a next = %v, want %v (new schedule from its last run)", st[0].Next, want)
		}
		stop()
	})
}

func TestJitterAndHeartbeat(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rc := &recorder{}
		r, err := New([]Job{{Name: "a", Schedule: "@every 1h", Jitter: 10 * time.Minute}}, rc.run,
			Options{Heartbeat: time.Minute, Rand: func(n int64) int64 { return n / 2 }})
		if err != nil {
			t.Fatal(err)
		}
		stop := start(t, r)
		if want := time.Now().Add(65 * time.Minute); !r.Status()[0].Next.Equal(want) {
			t.Errorf("next = %v, want %v", r.Status()[0].Next, want)
		}
		time.Sleep(90 * time.Second)
		synctest.Wait()
		if got := time.Since(r.LastTick()); got > time.Minute {
			t.Errorf("last tick %v ago, want within the heartbeat", got)
		}
		stop()
	})
}

func TestNewRejectsBadSchedule(t *testing.T) {
	if _, err := New([]Job{{Name: "x", Schedule: "61 * * * *"}}, nil, Options{}); err == nil {
		t.Fatal("New accepted minute 61")
	}
}

// TestShutdownIsNotLoggedAsFailure cancels a run in progress, as SIGTERM
// does, with the run returning the context's error: the log must say the
// run stopped for shutdown, not that it failed.
func TestShutdownIsNotLoggedAsFailure(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var buf syncBuffer
		log := slog.New(slog.NewTextHandler(&buf, nil))
		rc := &recorder{hold: time.Hour, err: context.Canceled}
		r, err := New([]Job{{Name: "a", Schedule: "@every 2h"}}, rc.run, Options{OnReport: rc.onReport, Logger: log})
		if err != nil {
			t.Fatal(err)
		}
		stop := start(t, r)
		stop()
		out := buf.String()
		if strings.Contains(out, "level=ERROR") || !strings.Contains(out, "stopped for shutdown") {
			t.Errorf("log after shutdown:\n%s", out)
		}
	})
}

// syncBuffer is a bytes.Buffer safe for a logger shared by goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
