package main

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	"crawler/clean"
	"crawler/storage"
)

// siteRules gives each site its cleaning rules: the learned rules stored in
// the database merged with the manual [[sites]] rules of the configuration,
// manual winning. Merged rules are cached per site until the learned rules
// or the configuration change.
type siteRules struct {
	db  *storage.DB
	log *slog.Logger

	mu     sync.Mutex
	manual map[string]clean.Rules
	cache  map[string]clean.Rules
}

func newSiteRules(db *storage.DB, sites []SiteConfig, log *slog.Logger) (*siteRules, error) {
	r := &siteRules{db: db, log: log}
	if err := r.setManual(sites); err != nil {
		return nil, err
	}
	return r, nil
}

// setManual replaces the manual rules (on start and on reload).
func (r *siteRules) setManual(sites []SiteConfig) error {
	manual := make(map[string]clean.Rules, len(sites))
	for _, s := range sites {
		rules, err := s.rules()
		if err != nil {
			return fmt.Errorf("site %s: %w", s.Host, err)
		}
		manual[s.Host] = rules
	}
	r.mu.Lock()
	r.manual, r.cache = manual, map[string]clean.Rules{}
	r.mu.Unlock()
	return nil
}

// forget drops the cached rules of site after its learned rules changed.
func (r *siteRules) forget(site string) {
	r.mu.Lock()
	delete(r.cache, site)
	r.mu.Unlock()
}

// Rules returns the merged rules of site. A storage or parse error is
// logged and the manual rules alone are used: a page cleaned with fewer
// rules is better than a page not stored.
func (r *siteRules) Rules(ctx context.Context, site string) clean.Rules {
	r.mu.Lock()
	cached, ok := r.cache[site]
	manual := r.manual[site]
	r.mu.Unlock()
	if ok {
		return cached
	}
	learned, err := r.learned(ctx, site)
	if err != nil {
		r.log.Warn("load learned rules", keySite, site, keyError, err)
		return manual
	}
	merged := clean.Merge(learned, manual)
	r.mu.Lock()
	r.cache[site] = merged
	r.mu.Unlock()
	return merged
}

// learned reads and parses the stored learned rules of site; none stored
// gives zero Rules.
func (r *siteRules) learned(ctx context.Context, site string) (clean.Rules, error) {
	return loadRules(ctx, r.db, site)
}

func loadRules(ctx context.Context, db *storage.DB, site string) (clean.Rules, error) {
	text, err := db.RulesText(ctx, site)
	if err != nil {
		return clean.Rules{}, fmt.Errorf("rules of %s: %w", site, err)
	}
	rules, err := clean.ParseRules(text)
	if err != nil {
		return clean.Rules{}, fmt.Errorf("rules of %s: %w", site, err)
	}
	if rules.Site == "" {
		rules.Site = site
	}
	return rules, nil
}
