package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"crawler"
	"crawler/demosite"
)

// runDemo is `crawler demo`: crawl the built-in demo site with the default
// fetch settings into a temporary database and show the result.
func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	serve := fs.Bool("serve", false, "after the crawl, keep running as a daemon with the admin endpoint until Ctrl-C")
	listen := fs.String("listen", "127.0.0.1:0", "admin endpoint `address` for -serve (port 0 picks a free port)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: crawler demo [-serve [-listen ADDR]]\n\n"+
			"Serves three demo news outlets on 127.0.0.1, crawls them with the\n"+
			"default fetch settings (only allow_private is turned on) into a\n"+
			"temporary database, and prints per-outlet counts and one cleaned\n"+
			"article. Ends by itself in under a minute unless -serve is given.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	site, err := demosite.Start(ctx, "127.0.0.1")
	if err != nil {
		return fmt.Errorf("start demo site: %w", err)
	}
	defer site.Close()
	dir, err := os.MkdirTemp("", "crawler-demo-")
	if err != nil {
		return fmt.Errorf("temp dir: %w", err)
	}
	defer os.RemoveAll(dir)
	cfg := demoConfig(site, filepath.Join(dir, "demo.db"), *listen)
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("demo config: %w", err)
	}
	fmt.Fprintf(stdout, "Demo site: %d outlets on 127.0.0.1. Crawling with the default fetch settings\n"+
		"(%s between requests to one host, robots.txt obeyed)...\n\n", len(site.Outlets), cfg.Fetch.Delay.D())
	if err := demoCrawl(ctx, cfg, site, stdout, stderr); err != nil {
		return err
	}
	if !*serve {
		return nil
	}
	log, level := newLogger(cfg.Log, stderr)
	d, err := newDaemon(ctx, "", cfg, log, level)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nServing the admin endpoint at http://%s/ (status page, /status, /metrics). Ctrl-C stops.\n", d.listener.Addr())
	return d.serve(ctx)
}

// demoConfig is DefaultConfig with allow_private on (the demo is on
// loopback) and one job per outlet.
func demoConfig(site *demosite.Site, dbPath, listen string) Config {
	cfg := DefaultConfig()
	cfg.Storage.Path = dbPath
	cfg.Admin.Listen = listen
	cfg.Log.Level = "warn"
	cfg.Fetch.AllowPrivate = true
	for _, o := range site.Outlets {
		j := defaultJob()
		j.Name, j.Seeds, j.Feeds, j.Sitemaps = o.Name, o.Seeds, o.Feeds, o.Sitemaps
		cfg.Jobs = append(cfg.Jobs, j)
	}
	return cfg
}

// demoCrawl runs every outlet's job at once and prints the summary.
func demoCrawl(ctx context.Context, cfg Config, site *demosite.Site, stdout, stderr io.Writer) error {
	log, _ := newLogger(cfg.Log, stderr)
	a, err := openApp(cfg, log)
	if err != nil {
		return err
	}
	defer a.Close()
	reports := make([]crawler.RunReport, len(cfg.Jobs))
	errs := make([]error, len(cfg.Jobs))
	var wg sync.WaitGroup
	for i, j := range cfg.Jobs {
		wg.Go(func() {
			reports[i], errs[i] = a.runJob(ctx, j.Name)
			if err := a.recordRun(reports[i]); err != nil {
				errs[i] = errors.Join(errs[i], err)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	return printDemo(ctx, a, site, reports, stdout)
}

// demoOutcome compares what was stored for an outlet with its gold articles.
type demoOutcome struct {
	found, withChrome, missingText int
	sample                         *crawler.Document
}

func outletOutcome(ctx context.Context, a *app, o demosite.Outlet) demoOutcome {
	var out demoOutcome
	for _, art := range o.Articles {
		doc, err := a.db.Document(ctx, art.URL)
		if err != nil {
			continue
		}
		out.found++
		if out.sample == nil {
			out.sample = doc
		}
		for _, c := range o.Chrome {
			if strings.Contains(doc.Text, c) {
				out.withChrome++
				break
			}
		}
		for _, p := range art.Paragraphs {
			if !strings.Contains(doc.Text, p) {
				out.missingText++
				break
			}
		}
	}
	return out
}

func printDemo(ctx context.Context, a *app, site *demosite.Site, reports []crawler.RunReport, w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "OUTLET\tPAGES FETCHED\tARTICLES STORED\tGOLD ARTICLES FOUND\tROBOTS-BLOCKED\tWITH CHROME LEFT\tWITH TEXT MISSING\t")
	var sample *crawler.Document
	sampleOutlet := ""
	for i, o := range site.Outlets {
		rep := reports[i]
		oc := outletOutcome(ctx, a, o)
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d/%d\t%d\t%d\t%d\t\n", o.Name, rep.Fetched, rep.Stored, oc.found, len(o.Articles),
			rep.RobotsBlocked, oc.withChrome, oc.missingText)
		if sample == nil && oc.sample != nil {
			sample, sampleOutlet = oc.sample, o.Name
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if sample == nil {
		return errors.New("no article was stored")
	}
	fmt.Fprintf(w, "\nOne cleaned article (%s, %s):\n\n", sampleOutlet, sample.URL)
	fmt.Fprintf(w, "Title:     %s\nByline:    %s\n", sample.Title, sample.Byline)
	if !sample.Published.IsZero() {
		fmt.Fprintf(w, "Published: %s\n", sample.Published.Format(time.RFC3339))
	}
	fmt.Fprintf(w, "\n%s\n", sample.Text)
	return nil
}
