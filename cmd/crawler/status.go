package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"text/tabwriter"
	"time"

	"crawler/admin"
)

// runStatus is `crawler status`. It asks the daemon's admin endpoint and
// never opens the database, whose lock the daemon holds.
func runStatus(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	fs.SetOutput(stderr)
	configPath := fs.String("config", "", "configuration `file` whose [admin] listen to ask")
	addr := fs.String("addr", "", "admin endpoint `host:port` (default: from -config, else "+defaultListen+")")
	asJSON := fs.Bool("json", false, "print the raw JSON status")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: crawler status [-config FILE | -addr HOST:PORT] [-json]\n\n"+
			"Prints the running daemon's status by asking its admin endpoint\n"+
			"(GET /status). It never opens the database.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	target, err := statusAddr(*configPath, *addr)
	if err != nil {
		return err
	}
	body, err := fetchStatus(ctx, target)
	if err != nil {
		return err
	}
	if *asJSON {
		_, err := stdout.Write(body)
		return err
	}
	var st admin.Status
	if err := json.Unmarshal(body, &st); err != nil {
		return fmt.Errorf("status from %s: %w", target, err)
	}
	return printStatus(stdout, st)
}

func statusAddr(configPath, addr string) (string, error) {
	if addr != "" {
		return addr, nil
	}
	if configPath == "" {
		return defaultListen, nil
	}
	cfg, err := LoadConfig(configPath)
	if err != nil {
		return "", err
	}
	host, port, _ := net.SplitHostPort(cfg.Admin.Listen)
	if port == "0" {
		return "", errors.New("admin.listen has port 0, so the daemon's port is not known; pass -addr")
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port), nil
}

func fetchStatus(ctx context.Context, addr string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/status", nil)
	if err != nil {
		return nil, fmt.Errorf("status: %w", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("ask the daemon at %s (is `crawler run` running?): %w", addr, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return nil, fmt.Errorf("status from %s: %w", addr, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status from %s: %s: %s", addr, resp.Status, strings.TrimSpace(string(body)))
	}
	return body, nil
}

func printStatus(w io.Writer, st admin.Status) error {
	fmt.Fprintf(w, "crawler %s, up %s: %s\n", st.Version, st.Uptime, st.Activity)
	fmt.Fprintf(w, "%d documents, %d raw pages, %d URLs queued, database %.1f MiB (%s)\n",
		st.Documents, st.Pages, st.QueueDepth, float64(st.DatabaseBytes)/(1<<20), st.DatabasePath)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "\nJOB\tSCHEDULE\tLAST RUN\tFETCHED\tSTORED\tRESULT\tNEXT RUN")
	for _, j := range st.Jobs {
		last, fetched, stored, result := "never", "-", "-", "-"
		if j.Last != nil {
			last = j.Last.Start.Local().Format(time.DateTime)
			fetched, stored, result = fmt.Sprint(j.Last.Fetched), fmt.Sprint(j.Last.Stored), "ok"
			if j.Last.Err != "" {
				result = "error: " + j.Last.Err
			}
		}
		if j.Running {
			result = "running"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", j.Name, j.Schedule, last, fetched, stored, result, j.Next.Local().Format(time.DateTime))
	}
	fmt.Fprintln(tw, "\nHOST\tQUEUED\tNEXT FETCH\tBLOCKED UNTIL\tERRORS\tLAST ERROR")
	for _, h := range st.Hosts {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%d\t%s\n", h.Host, h.Pending, clock(h.NextFetch), clock(h.BlockedUntil), h.Errors, h.LastError)
	}
	if st.LastError != "" {
		fmt.Fprintf(tw, "\nlast error: %s\n", st.LastError)
	}
	return tw.Flush()
}

// clock formats t in local time, "-" when zero.
func clock(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Local().Format(time.DateTime)
}
