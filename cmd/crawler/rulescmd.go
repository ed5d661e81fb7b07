package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"crawler/clean"
)

const rulesUsage = "Usage:\n" +
	"  crawler rules show HOST -config FILE        list a site's rules with their evidence\n" +
	"  crawler rules pin ID -config FILE           keep a rule active whatever learning says\n" +
	"  crawler rules disable ID -config FILE       never apply a rule again\n\n" +
	"Offline: works on the database directly, so stop the daemon first (or use\n" +
	"POST /rules/{id}/pin|disable on its admin endpoint). Manual [[sites]] rules\n" +
	"live in the configuration and are shown by show but not changed here."

// runRules is `crawler rules show|pin|disable`.
func runRules(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("rules", rulesUsage, stderr)
	configPath := fs.String("config", "", "configuration `file` (required)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		fs.Usage()
		return fmt.Errorf("want an action and its argument, got %q", pos)
	}
	action, arg := pos[0], pos[1]
	statuses := map[string]string{"pin": clean.StatusPinned, "disable": clean.StatusDisabled}
	if _, ok := statuses[action]; !ok && action != "show" {
		fs.Usage()
		return fmt.Errorf("unknown action %q", action)
	}
	o, err := openOffline(*configPath, action == "show")
	if err != nil {
		return err
	}
	defer o.Close()
	if action == "show" {
		return showRules(ctx, o, arg, stdout)
	}
	a := &app{db: o.db, rules: o.rules}
	site, err := setRuleStatus(ctx, a, arg, statuses[action])
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "rule %s of %s is now %s; run `crawler reclean -site %s` to apply it to stored documents\n",
		arg, site, statuses[action], site)
	return nil
}

func showRules(ctx context.Context, o *offline, site string, w io.Writer) error {
	learned, err := loadRules(ctx, o.db, site)
	if err != nil {
		return err
	}
	merged := o.rules.Rules(ctx, site)
	fmt.Fprintf(w, "%s: learned rules version %d, %d learned, %d in effect with manual rules\n\n",
		site, learned.Version, len(learned.Rules), len(merged.Rules))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tSTATUS\tORIGIN\tSUPPORT\tLAST SEEN\tPATTERN")
	for _, r := range merged.Rules {
		support, last := "-", "-"
		if r.Evidence.PagesSeen > 0 {
			support = fmt.Sprintf("%d/%d", r.Evidence.Support, r.Evidence.PagesSeen)
		}
		if !r.Evidence.LastSeen.IsZero() {
			last = r.Evidence.LastSeen.Format("2006-01-02")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Kind, r.Status, r.Origin, support, last, snippet(r.Pattern, false))
	}
	return tw.Flush()
}
