package main

import (
	"context"
	"fmt"
	"time"

	"crawler/admin"
)

// reload reads the configuration file again and applies it: jobs and their
// schedules, manual site rules, fetch settings for the next runs, log
// level. The frontier lives in the database, so nothing queued is lost. An
// invalid file is rejected, logged, and the running configuration kept.
// Storage path, admin listen address and token, and log format need a
// restart.
func (d *daemon) reload(ctx context.Context) error {
	d.notify.send("RELOADING=1")
	defer d.notify.status(d.activity())
	err := d.applyReload(ctx)
	if err != nil {
		d.log.Error("configuration reload rejected; keeping the running configuration", keyPath, d.path, keyError, err)
		d.addError(admin.ErrorEntry{Time: time.Now(), Source: "reload", Message: err.Error()})
	}
	d.notify.send("READY=1")
	return err
}

func (d *daemon) applyReload(ctx context.Context) error {
	cfg, err := LoadConfig(d.path)
	if err != nil {
		return err
	}
	old := d.app.config()
	if cfg.Storage != old.Storage || cfg.Admin != old.Admin || cfg.Log.Format != old.Log.Format {
		d.log.Warn("storage, admin and log.format changes take effect after a restart")
		cfg.Storage, cfg.Admin, cfg.Log.Format = old.Storage, old.Admin, old.Log.Format
	}
	jobs, err := scheduleJobs(ctx, d.app, cfg)
	if err != nil {
		return err
	}
	if err := d.app.configure(cfg); err != nil {
		return err
	}
	if err := d.runner.Update(jobs); err != nil {
		if rerr := d.app.configure(old); rerr != nil {
			return fmt.Errorf("%w (and restoring the old configuration: %v)", err, rerr)
		}
		return err
	}
	d.level.Set(parseLevel(cfg.Log.Level))
	d.log.Info("configuration reloaded", keyPath, d.path, "jobs", len(cfg.Jobs), "sites", len(cfg.Sites))
	return nil
}
