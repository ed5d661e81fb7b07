package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"slices"
	"time"

	"crawler"
	"crawler/clean"
	"crawler/storage"
)

// learnSamples is how many of a site's newest raw pages learning looks at.
const learnSamples = 200

// learnSites learns and re-cleans each site. A failing site is logged and
// the others go on: one odd site must not stop the rest.
func (a *app) learnSites(ctx context.Context, sites []string) {
	slices.Sort(sites)
	for _, site := range sites {
		start := time.Now()
		changed, err := a.learnSite(ctx, site)
		if err != nil {
			a.log.Warn("learn site rules", keySite, site, keyError, err)
			continue
		}
		a.log.Info("site rules learned", keySite, site, "documents_changed", changed, keyDuration, time.Since(start))
	}
}

// learnSite updates the learned rules of site from its newest stored pages,
// stores them, and cleans the site's documents again so that rules learned
// from a crawl apply to that crawl's own pages. It returns how many
// documents changed.
func (a *app) learnSite(ctx context.Context, site string) (int, error) {
	prev, err := loadRules(ctx, a.db, site)
	if err != nil {
		return 0, err
	}
	samples, err := siteSamples(ctx, a.db, site, learnSamples)
	if err != nil {
		return 0, err
	}
	next := clean.Learn(prev, samples, time.Now())
	if next.Site == "" {
		next.Site = site
	}
	text, err := next.MarshalText()
	if err != nil {
		return 0, fmt.Errorf("encode rules of %s: %w", site, err)
	}
	if err := a.db.PutRulesText(ctx, site, text); err != nil {
		return 0, err
	}
	a.rules.forget(site)
	return recleanSite(ctx, a.db, site, a.rules.Rules(ctx, site), false)
}

// siteSamples reads up to limit of site's newest raw pages as learning
// samples.
func siteSamples(ctx context.Context, db *storage.DB, site string, limit int) ([]clean.Sample, error) {
	var samples []clean.Sample
	err := db.Pages(ctx, site, limit, func(p *crawler.Page) error {
		u, err := url.Parse(pageURL(p))
		if err != nil {
			return nil // a page with a bad URL teaches nothing
		}
		samples = append(samples, clean.Sample{URL: u, HTML: p.Body, FetchedAt: p.FetchedAt})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("pages of %s: %w", site, err)
	}
	return samples, nil
}

func pageURL(p *crawler.Page) string {
	if p.FinalURL != "" {
		return p.FinalURL
	}
	return p.URL
}

// recleanBatch is how many changed documents recleanSite stores per
// transaction. One commit and its fsync per document made re-cleaning a
// site slower than crawling it; a hundred share one, while the texts held
// in memory stay bounded however big the site is.
const recleanBatch = 100

// recleanSite cleans every stored document of site again from its raw page
// with rules and stores those whose text or metadata changed, in batches of
// recleanBatch; dryRun only counts. It returns how many documents changed.
// On error, documents of earlier batches stay stored and the count is not
// meaningful.
func recleanSite(ctx context.Context, db *storage.DB, site string, rules clean.Rules, dryRun bool) (int, error) {
	changed := 0
	batch := make([]*crawler.Document, 0, recleanBatch)
	flush := func() error {
		err := db.UpdateDocuments(ctx, batch)
		clear(batch) // let the stored texts go before the next batch fills
		batch = batch[:0]
		return err
	}
	err := db.Documents(ctx, storage.DocumentFilter{Site: site}, func(doc *crawler.Document) error {
		updated, ok, err := recleanDocument(ctx, db, doc, rules)
		if err != nil || !ok {
			return err
		}
		changed++
		if dryRun {
			return nil
		}
		// Documents calls back outside its read transactions, so writing
		// here neither deadlocks nor visits a document twice.
		if batch = append(batch, updated); len(batch) == recleanBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return changed, fmt.Errorf("re-clean %s: %w", site, err)
	}
	return changed, nil
}

// recleanDocument extracts doc's raw page with rules. ok is false when the
// page is missing or the result is the same as what is stored.
func recleanDocument(ctx context.Context, db *storage.DB, doc *crawler.Document, rules clean.Rules) (*crawler.Document, bool, error) {
	page, err := db.Page(ctx, doc.CanonicalURL)
	if err != nil {
		return nil, false, nil // documents without a raw page cannot be re-cleaned
	}
	res, err := extractPage(page, rules)
	if err != nil {
		return nil, false, nil // the page was cleanable once; keep what we have
	}
	next := *doc
	next.Text = res.Text
	next.ContentHash = contentHash(res.Text)
	next.RulesVersion = rules.Version
	if res.Title != "" {
		next.Title = res.Title
	}
	if res.Byline != "" {
		next.Byline = res.Byline
	}
	if next.Text == doc.Text && next.Title == doc.Title && next.Byline == doc.Byline && next.RulesVersion == doc.RulesVersion {
		return nil, false, nil
	}
	return &next, true, nil
}

// extractPage cleans a stored raw page (already UTF-8) with rules.
func extractPage(p *crawler.Page, rules clean.Rules) (clean.Result, error) {
	u, err := url.Parse(pageURL(p))
	if err != nil {
		return clean.Result{}, fmt.Errorf("page url %q: %w", pageURL(p), err)
	}
	return clean.Extract(p.Body, u, rules)
}

// contentHash is the hex SHA-256 of text, as stored in Document.ContentHash.
func contentHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}
