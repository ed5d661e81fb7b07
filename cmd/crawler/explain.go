package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"crawler/fetch"
	"crawler/storage"
)

// runExplain is `crawler explain URL`: how a stored page is cleaned now.
func runExplain(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("explain", "Usage: crawler explain URL -config FILE [-full]\n\n"+
		"Cleans the stored raw page of URL with the site's current rules and\n"+
		"lists every candidate block in order: KEEP or DROP, and why (a rule id,\n"+
		"a generic filter, or the keep rule that saved it). Offline: opens the\n"+
		"database read-only.", stderr)
	configPath := fs.String("config", "", "configuration `file` (required)")
	full := fs.Bool("full", false, "print whole blocks instead of their first 100 characters")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return errors.New("want exactly one URL")
	}
	o, err := openOffline(*configPath, true)
	if err != nil {
		return err
	}
	defer o.Close()
	canon, err := fetch.CanonicalURL(pos[0])
	if err != nil {
		return fmt.Errorf("url %q: %w", pos[0], err)
	}
	page, err := o.db.Page(ctx, canon)
	if errors.Is(err, storage.ErrNotFound) {
		if alias, ok, aerr := o.db.Alias(ctx, canon); aerr == nil && ok {
			page, err = o.db.Page(ctx, alias)
		}
	}
	if err != nil {
		return fmt.Errorf("no stored page for %s: %w", canon, err)
	}
	site := fetch.SiteOf(canon)
	rules := o.rules.Rules(ctx, site)
	res, err := extractPage(page, rules)
	if err != nil {
		return fmt.Errorf("clean %s: %w", canon, err)
	}
	fmt.Fprintf(stdout, "%s\nsite %s, rules version %d (%d rules), fetched %s\ntitle: %s\n\n",
		canon, site, rules.Version, len(rules.Rules), page.FetchedAt.Format("2006-01-02 15:04"), res.Title)
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	kept := 0
	for _, b := range res.Blocks {
		verdict := "DROP"
		if b.Kept {
			verdict = "KEEP"
			kept++
		}
		reason := b.Reason
		if reason == "" {
			reason = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", verdict, reason, b.Path, snippet(b.Text, *full))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\n%d blocks: %d kept, %d dropped\n", len(res.Blocks), kept, len(res.Blocks)-kept)
	return nil
}

// snippet flattens text to one line, cut to 100 characters unless full.
func snippet(text string, full bool) string {
	s := strings.Join(strings.Fields(text), " ")
	if r := []rune(s); !full && len(r) > 100 {
		return string(r[:99]) + "…"
	}
	return s
}
