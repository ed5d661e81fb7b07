package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"crawler"
	"crawler/admin"
	"crawler/schedule"
)

// Shutdown bounds. systemd's default TimeoutStopSec is 90 s; we aim for 30.
const (
	httpShutdownTimeout = 5 * time.Second
	schedulerHeartbeat  = 5 * time.Second
)

// runDaemon is `crawler run`.
func runDaemon(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("run", "Usage: crawler run -config FILE\n\n"+
		"Runs as a daemon: every job on its schedule, the admin endpoint on\n"+
		"[admin] listen, sd_notify when started by systemd (Type=notify).\n"+
		"SIGHUP reloads the configuration and site rules (an invalid file is\n"+
		"rejected and the old one kept); SIGTERM or SIGINT stops after the\n"+
		"pages in flight.", stderr)
	configPath := fs.String("config", "", "configuration `file` (required)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := loadConfigFlag(fs, *configPath)
	if err != nil {
		return err
	}
	if err := admin.CheckListen(cfg.Admin.Listen, cfg.Admin.Token); err != nil {
		return err
	}
	log, level := newLogger(cfg.Log, stderr)
	d, err := newDaemon(ctx, *configPath, cfg, log, level)
	if err != nil {
		return err
	}
	return d.serve(ctx)
}

// daemon is one `crawler run` process.
type daemon struct {
	app        *app
	runner     *schedule.Runner
	path       string
	log        *slog.Logger
	level      *slog.LevelVar
	notify     notifier
	started    time.Time
	listener   net.Listener
	listenHost string

	mu   sync.Mutex
	errs []admin.ErrorEntry
}

// newDaemon opens the database, returns leases of a crashed run to pending,
// builds the scheduler and binds the admin listener, in that order; on
// error everything opened so far is closed.
func newDaemon(ctx context.Context, path string, cfg Config, log *slog.Logger, level *slog.LevelVar) (*daemon, error) {
	a, err := openApp(cfg, log)
	if err != nil {
		return nil, err
	}
	d := &daemon{app: a, path: path, log: log, level: level, notify: notifier{log}, started: time.Now()}
	if err := d.init(ctx, cfg); err != nil {
		a.Close()
		return nil, err
	}
	return d, nil
}

func (d *daemon) init(ctx context.Context, cfg Config) error {
	n, err := d.app.db.ResetLeases(ctx)
	if err != nil {
		return fmt.Errorf("reset leases: %w", err)
	}
	if n > 0 {
		d.log.Info("returned leases of a crashed run to pending", keyCount, n)
	}
	jobs, err := scheduleJobs(ctx, d.app, cfg)
	if err != nil {
		return err
	}
	d.runner, err = schedule.New(jobs, d.runJob, schedule.Options{
		Logger: d.log, OnReport: d.onReport, Heartbeat: schedulerHeartbeat,
	})
	if err != nil {
		return err
	}
	d.listener, err = net.Listen("tcp", cfg.Admin.Listen)
	if err != nil {
		return fmt.Errorf("admin listen: %w", err)
	}
	d.listenHost, _, _ = net.SplitHostPort(cfg.Admin.Listen)
	return nil
}

// scheduleJobs maps [[jobs]] to scheduler jobs, with the last recorded run
// of each so that a restart does not re-run a job that just ran.
func scheduleJobs(ctx context.Context, a *app, cfg Config) ([]schedule.Job, error) {
	jobs := make([]schedule.Job, 0, len(cfg.Jobs))
	for _, j := range cfg.Jobs {
		sj := schedule.Job{Name: j.Name, Schedule: j.Schedule, Jitter: j.Jitter.D()}
		runs, err := a.db.JobRuns(ctx, j.Name, 20)
		if err != nil {
			return nil, fmt.Errorf("job %s history: %w", j.Name, err)
		}
		for _, r := range runs { // newest first
			if !r.Skipped {
				sj.LastRun, sj.Last = r.Start, &r
				break
			}
		}
		jobs = append(jobs, sj)
	}
	return jobs, nil
}

// serve runs until ctx ends, then shuts down in reverse order of
// construction: scheduler (waiting for in-flight pages), HTTP server,
// database.
func (d *daemon) serve(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	srv := &http.Server{
		Handler:           d.handler(),
		ReadHeaderTimeout: admin.ReadHeaderTimeout,
		ReadTimeout:       admin.ReadTimeout,
		WriteTimeout:      admin.WriteTimeout,
		IdleTimeout:       admin.IdleTimeout,
		ErrorLog:          slog.NewLogLogger(d.log.Handler(), slog.LevelWarn),
	}
	var wg sync.WaitGroup
	var serveErr error
	wg.Go(func() {
		if err := srv.Serve(d.listener); !errors.Is(err, http.ErrServerClosed) {
			serveErr = fmt.Errorf("admin server: %w", err)
			cancel()
		}
	})
	schedCtx, stopSched := context.WithCancel(ctx)
	var schedWG sync.WaitGroup
	schedWG.Go(func() { _ = d.runner.Run(schedCtx) })
	wg.Go(func() { d.notify.watchdog(ctx, d.healthy) })
	// Registered before READY=1, so a SIGHUP sent once the daemon is
	// ready can never take the default action (exit).
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	wg.Go(func() { d.reloadOnHUP(ctx, hup) })

	d.log.Info("crawler running", keyListen, d.listener.Addr().String(), keyPath, d.app.db.Path(), "jobs", len(d.runner.Status()))
	d.notify.ready("listening on " + d.listener.Addr().String() + "; " + d.activity())
	<-ctx.Done()

	d.notify.stopping()
	d.log.Info("shutting down: finishing pages in flight")
	stopSched()
	schedWG.Wait()
	shutCtx, cancelShut := context.WithTimeout(context.Background(), httpShutdownTimeout)
	defer cancelShut()
	if err := srv.Shutdown(shutCtx); err != nil {
		d.log.Warn("admin server shutdown", keyError, err)
	}
	wg.Wait()
	if err := d.app.Close(); err != nil {
		return errors.Join(serveErr, fmt.Errorf("close database: %w", err))
	}
	d.log.Info("stopped")
	return serveErr
}

// runJob is the scheduler's RunFunc.
func (d *daemon) runJob(ctx context.Context, name string) (crawler.RunReport, error) {
	d.notify.status("crawling: job " + name)
	return d.app.runJob(ctx, name)
}

// onReport records every finished or skipped run. The scheduler calls it
// after marking the run finished, so the STATUS= line it sends is current.
func (d *daemon) onReport(rep crawler.RunReport) {
	defer d.notify.status(d.activity())
	if err := d.app.recordRun(rep); err != nil {
		d.log.Error("record job run", keyJob, rep.Job, keyError, err)
	}
	if rep.Err != "" {
		d.addError(admin.ErrorEntry{Time: rep.Start.Add(rep.Duration), Source: "job " + rep.Job, Message: rep.Err})
	}
}

// healthy is the watchdog's self-check: the scheduler loop ticked lately
// and storage answers.
func (d *daemon) healthy(ctx context.Context) error {
	if last := d.runner.LastTick(); time.Since(last) > 3*schedulerHeartbeat {
		return fmt.Errorf("scheduler loop last ticked %s ago", time.Since(last).Round(time.Second))
	}
	return d.app.db.Ping(ctx)
}

// reloadOnHUP reloads the configuration on every SIGHUP until ctx ends.
func (d *daemon) reloadOnHUP(ctx context.Context, hup <-chan os.Signal) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			_ = d.reload(ctx) // reload logs its own outcome
		}
	}
}
