// Command crawler crawls news sites, cleans every article and stores the
// clean text in an embedded database. Run "crawler help" for its commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// command is one subcommand: its name, a one-line summary and its entry point.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"crawl", "run the configured crawl jobs once and exit", runCrawl},
		{"run", "run as a daemon: jobs on their schedules, admin endpoint, systemd notify", runDaemon},
		{"status", "print the running daemon's status (asks its admin endpoint)", runStatus},
		{"export", "write stored documents as JSON lines to stdout", runExport},
		{"demo", "crawl a built-in demo site and show what the crawler keeps", runDemo},
		{"explain", "show how a stored page is cleaned: every block, KEEP or DROP, and why", runExplain},
		{"rules", "show a site's cleaning rules, or pin or disable one (offline)", runRules},
		{"reclean", "clean stored pages again with the current rules (offline)", runReclean},
		{"bench", "measure cleaning, crawling, frontier, storage and a soak against baselines (loopback only)", runBench},
		{"extract", "clean HTML files listed in a manifest, no network (benchmark contract)", runExtract},
	}
}

// run executes one subcommand and returns the process exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		default:
			fmt.Fprintf(stderr, "crawler %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "crawler: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: crawler <command> [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun \"crawler <command> -h\" for a command's flags.")
}
