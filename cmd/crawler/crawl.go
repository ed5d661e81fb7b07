package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"
)

// runCrawl is `crawler crawl`: run jobs once, in order, then exit.
func runCrawl(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("crawl", "Usage: crawler crawl -config FILE [-job NAME]\n\n"+
		"Runs the configured crawl jobs once, one after another, then learns\n"+
		"cleaning rules for the sites that got documents and cleans those\n"+
		"documents again with them. Prints one summary line per job.", stderr)
	configPath := fs.String("config", "", "configuration `file` (required)")
	only := fs.String("job", "", "run only the job with this `name` (default: every job)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := loadConfigFlag(fs, *configPath)
	if err != nil {
		return err
	}
	names, err := jobNames(cfg, *only)
	if err != nil {
		return err
	}
	log, _ := newLogger(cfg.Log, stderr)
	a, err := openApp(cfg, log)
	if err != nil {
		return err
	}
	defer a.Close()
	if n, err := a.db.ResetLeases(ctx); err != nil {
		return fmt.Errorf("reset leases: %w", err)
	} else if n > 0 {
		log.Info("returned leases of an interrupted run to pending", keyCount, n)
	}
	var errs []error
	for _, name := range names {
		rep, err := a.runJob(ctx, name)
		log.Info("job run finished", keyJob, name, "run", rep.ID, keyDuration, rep.Duration, "fetched", rep.Fetched, "stored", rep.Stored)
		if rerr := a.recordRun(rep); rerr != nil {
			errs = append(errs, rerr)
		}
		fmt.Fprintf(stdout, "%s: fetched %d, stored %d, duplicates %d, not modified %d, failed %d, robots-blocked %d in %s\n",
			name, rep.Fetched, rep.Stored, rep.Duplicates, rep.NotModified, rep.Failed, rep.RobotsBlocked, rep.Duration.Round(time.Millisecond))
		if err != nil {
			errs = append(errs, fmt.Errorf("job %s: %w", name, err))
		}
		if ctx.Err() != nil {
			break
		}
	}
	return errors.Join(errs...)
}

// jobNames returns the jobs to run: only, or all of them.
func jobNames(cfg Config, only string) ([]string, error) {
	if only != "" {
		if _, ok := cfg.Job(only); !ok {
			return nil, fmt.Errorf("no job named %q in the configuration", only)
		}
		return []string{only}, nil
	}
	if len(cfg.Jobs) == 0 {
		return nil, errors.New("the configuration has no [[jobs]]")
	}
	names := make([]string, len(cfg.Jobs))
	for i, j := range cfg.Jobs {
		names[i] = j.Name
	}
	return names, nil
}
