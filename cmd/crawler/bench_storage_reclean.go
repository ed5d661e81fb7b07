package main

import (
	"context"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"time"

	"crawler/storage"
)

// storageDropSelector is the manual remove rule that alternate recleans
// add: it takes the first paragraph out of every bench-site article, so
// each pass changes every document's text and not only its rules version.
const storageDropSelector = ".story-body > p:first-child"

// recleanPass is one full reclean of the storage section.
type recleanPass struct {
	// withDrop says whether the manual drop rule was configured.
	withDrop  bool
	rewritten int
	took      time.Duration
	// stats is the database right after the pass.
	stats storage.Stats
}

// recleanAll does what `crawler reclean` does with no -site: open the
// database, merge each site's learned rules with the configured manual
// ones, and clean every site's documents again, storing those that
// changed. withDrop configures storageDropSelector for every site.
func recleanAll(ctx context.Context, sc StorageConfig, withDrop bool) (p recleanPass, err error) {
	p.withDrop = withDrop
	db, err := openStore(sc, false)
	if err != nil {
		return p, err
	}
	defer func() {
		if cerr := db.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	counts, err := db.Sites(ctx)
	if err != nil {
		return p, err
	}
	sites := slices.Sorted(maps.Keys(counts))
	var manual []SiteConfig
	if withDrop {
		for _, s := range sites {
			manual = append(manual, SiteConfig{Host: s, Remove: []string{storageDropSelector}})
		}
	}
	rules, err := newSiteRules(db, manual, slog.New(slog.DiscardHandler))
	if err != nil {
		return p, err
	}
	start := time.Now()
	for _, s := range sites {
		n, err := recleanSite(ctx, db, s, rules.Rules(ctx, s), false)
		if err != nil {
			return p, err
		}
		p.rewritten += n
	}
	p.took = time.Since(start)
	if p.stats, err = db.Stats(ctx); err != nil {
		return p, fmt.Errorf("stats after reclean: %w", err)
	}
	return p, nil
}

// recleanGrew reports whether the later of two recleans left a larger file.
func recleanGrew(prev, last storage.Stats) bool {
	return last.FileSize > prev.FileSize
}
