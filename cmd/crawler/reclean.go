package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"

	"crawler"
	"crawler/clean"
)

const recleanUsage = "Usage:\n" +
	"  crawler reclean -config FILE [-site HOST] [-dry-run]\n" +
	"  crawler reclean -config FILE -dry-run -rule ID [-site HOST] [-last N]\n\n" +
	"Cleans stored raw pages again with the current rules (learned and manual)\n" +
	"and stores the documents whose text changed; prints how many changed per\n" +
	"site. -dry-run only counts. With -rule, applies that rule as if it were\n" +
	"switched (activated when it is not applied now, disabled when it is) to\n" +
	"the site's N newest pages and prints each change as -/+ paragraphs.\n" +
	"Offline: stop the daemon first."

// runReclean is `crawler reclean`.
func runReclean(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("reclean", recleanUsage, stderr)
	configPath := fs.String("config", "", "configuration `file` (required)")
	site := fs.String("site", "", "only this `host` (default: every site)")
	dryRun := fs.Bool("dry-run", false, "report what would change and store nothing")
	ruleID := fs.String("rule", "", "with -dry-run: the rule `id` to try")
	last := fs.Int("last", 20, "with -rule: how many of the site's newest pages to try it on")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *ruleID != "" && !*dryRun {
		return errors.New("-rule needs -dry-run; use `crawler rules pin|disable` to change a rule")
	}
	o, err := openOffline(*configPath, *dryRun)
	if err != nil {
		return err
	}
	defer o.Close()
	if *ruleID != "" {
		return tryRule(ctx, o, *site, *ruleID, *last, stdout)
	}
	sites := []string{*site}
	if *site == "" {
		counts, err := o.db.Sites(ctx)
		if err != nil {
			return err
		}
		sites = slices.Sorted(maps.Keys(counts))
	}
	verb := "changed"
	if *dryRun {
		verb = "would change"
	}
	total := 0
	for _, s := range sites {
		n, err := recleanSite(ctx, o.db, s, o.rules.Rules(ctx, s), *dryRun)
		if err != nil {
			return err
		}
		total += n
		fmt.Fprintf(stdout, "%s: %d documents %s\n", s, n, verb)
	}
	fmt.Fprintf(stdout, "total: %d documents %s\n", total, verb)
	return nil
}

// tryRule shows, page by page, what switching rule id would do.
func tryRule(ctx context.Context, o *offline, site, id string, last int, w io.Writer) error {
	site, rule, err := findRule(ctx, o, site, id)
	if err != nil {
		return err
	}
	before := o.rules.Rules(ctx, site)
	status, verb := clean.StatusActive, "activating"
	if rule.Status == clean.StatusActive || rule.Status == clean.StatusPinned {
		status, verb = clean.StatusDisabled, "disabling"
	}
	after, err := before.SetStatus(id, status)
	if err != nil {
		return fmt.Errorf("rule %s: %w", id, err)
	}
	fmt.Fprintf(w, "%s rule %s (%s %q, now %s) on the %d newest pages of %s\n\n", verb, id, rule.Kind, rule.Pattern, rule.Status, last, site)
	pages, changed := 0, 0
	err = o.db.Pages(ctx, site, last, func(p *crawler.Page) error {
		pages++
		was, err1 := extractPage(p, before)
		now, err2 := extractPage(p, after)
		if err := errors.Join(err1, err2); err != nil {
			fmt.Fprintf(w, "%s: cannot clean: %v\n", pageURL(p), err)
			return nil
		}
		if was.Text == now.Text {
			return nil
		}
		changed++
		fmt.Fprintf(w, "%s\n", pageURL(p))
		printParagraphDiff(w, was.Paragraphs, now.Paragraphs)
		fmt.Fprintln(w)
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s %s would change %d of %d pages\n", verb, id, changed, pages)
	return nil
}

// findRule looks id up in site's rules, or in every site's when site is "".
func findRule(ctx context.Context, o *offline, site, id string) (string, clean.Rule, error) {
	sites := []string{site}
	if site == "" {
		var err error
		if sites, err = o.db.RuleSites(ctx); err != nil {
			return "", clean.Rule{}, err
		}
	}
	for _, s := range sites {
		if r, ok := o.rules.Rules(ctx, s).Find(id); ok {
			return s, r, nil
		}
	}
	return "", clean.Rule{}, fmt.Errorf("rule %q: %w", id, clean.ErrNoRule)
}

// printParagraphDiff prints paragraphs only in before with "-" and only in
// after with "+".
func printParagraphDiff(w io.Writer, before, after []string) {
	inAfter := make(map[string]bool, len(after))
	for _, p := range after {
		inAfter[p] = true
	}
	inBefore := make(map[string]bool, len(before))
	for _, p := range before {
		inBefore[p] = true
		if !inAfter[p] {
			fmt.Fprintf(w, "  - %s\n", snippet(p, false))
		}
	}
	for _, p := range after {
		if !inBefore[p] {
			fmt.Fprintf(w, "  + %s\n", snippet(p, false))
		}
	}
}
