package main

import (
	"context"
	"errors"
	"fmt"

	"crawler/admin"
	"crawler/clean"
)

// setRuleStatus finds the rule id among every site's stored rules, sets its
// status and stores the rules again. It returns the rule's site; an unknown
// id wraps admin.ErrNotFound.
func setRuleStatus(ctx context.Context, a *app, id, status string) (string, error) {
	sites, err := a.db.RuleSites(ctx)
	if err != nil {
		return "", err
	}
	for _, site := range sites {
		rules, err := loadRules(ctx, a.db, site)
		if err != nil {
			return "", err
		}
		if _, ok := rules.Find(id); !ok {
			continue
		}
		next, err := rules.SetStatus(id, status)
		if err != nil {
			return "", fmt.Errorf("rule %s: %w", id, err)
		}
		text, err := next.MarshalText()
		if err != nil {
			return "", fmt.Errorf("encode rules of %s: %w", site, err)
		}
		if err := a.db.PutRulesText(ctx, site, text); err != nil {
			return "", err
		}
		a.rules.forget(site)
		return site, nil
	}
	return "", fmt.Errorf("rule %q: %w", id, errors.Join(admin.ErrNotFound, clean.ErrNoRule))
}
