package main

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"time"

	"golang.org/x/net/html"

	"crawler/clean"
)

const (
	// The variants alternate within a round, so machine noise hits them
	// alike. At least cleanMinRounds run; more, up to cleanMaxRounds, while
	// the rounds have taken less than cleanBudget: a small corpus gets more
	// rounds, a large one stays within the section's time.
	cleanMinRounds = 3
	cleanMaxRounds = 9
	cleanBudget    = 30 * time.Second
	// cleanMinPass is the shortest timed pass: a smaller corpus is gone
	// over more than once.
	cleanMinPass = 500 * time.Millisecond
	// cleanQuickPages is the page count of -quick.
	cleanQuickPages = 20
	// cleanTarget is the cleaner's target speed as a share of readability's.
	cleanTarget = 0.8
)

// cleanVariant is one thing timed over the pages: it gets the raw page and
// decodes it itself, so the charset decode is timed in every variant.
type cleanVariant struct {
	name string
	run  func(p *cleanPage) error
}

// cleanPass is one variant's timed pass over all pages; pages counts a
// page each time it was processed.
type cleanPass struct {
	elapsed time.Duration
	pages   int
	mallocs uint64
	failed  int
}

// benchClean measures the clean section of `crawler bench`: parse-only,
// readability alone and the full cleaner with learned rules, alternating
// over the same pages.
func benchClean(ctx context.Context, cfg benchConfig) ([]benchTable, error) {
	pages, source, err := cleanCorpus(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if err := decodeCleanPages(pages); err != nil {
		return nil, err
	}
	start := time.Now()
	rules := learnCleanRules(pages, start)
	if cfg.Log != nil {
		cfg.Log.Info("bench clean: rules learned", "pages", len(pages), "took", time.Since(start).Round(time.Millisecond))
	}
	minRounds, maxRounds := cleanMinRounds, cleanMaxRounds
	if cfg.Quick {
		minRounds, maxRounds = 1, 1
	}
	variants := cleanVariants(rules)
	passes, err := runCleanRounds(ctx, pages, variants, minRounds, maxRounds, cleanBudget)
	if err != nil {
		return nil, err
	}
	return []benchTable{cleanTable(pages, source, rules, variants, passes)}, nil
}

// cleanCorpus loads the datasets under cfg.BenchDir, or the demo site's
// pages when there are none, and says which in a phrase for the table.
func cleanCorpus(ctx context.Context, cfg benchConfig) ([]cleanPage, string, error) {
	pages, names, err := loadCleanDatasets(ctx, cfg.BenchDir)
	if err != nil {
		return nil, "", err
	}
	source := fmt.Sprintf("the datasets %s under %s", strings.Join(names, ", "), cfg.BenchDir)
	if len(pages) == 0 {
		if pages, err = demoCleanPages(); err != nil {
			return nil, "", err
		}
		source = fmt.Sprintf("the demo site's pages rendered in-process (no dataset under %s)", cfg.BenchDir)
	}
	if cfg.Quick {
		pages = spreadCleanPages(pages, cleanQuickPages)
	}
	return pages, source, nil
}

// learnCleanRules learns each site's rules from its pages, as the daemon
// does from a site's stored pages.
func learnCleanRules(pages []cleanPage, now time.Time) map[string]clean.Rules {
	bySite := map[string][]clean.Sample{}
	for _, p := range pages {
		bySite[p.site] = append(bySite[p.site], clean.Sample{URL: p.url, HTML: p.html})
	}
	rules := make(map[string]clean.Rules, len(bySite))
	for site, samples := range bySite {
		rules[site] = clean.Learn(clean.Rules{Site: site}, samples, now)
	}
	return rules
}

// cleanVariants are the three variants in the order each round runs them.
func cleanVariants(rules map[string]clean.Rules) []cleanVariant {
	return []cleanVariant{
		{"parse-only (decode + x/net/html parse)", func(p *cleanPage) error {
			page, err := clean.DecodeHTML(p.raw, p.ctype)
			if err != nil {
				return err
			}
			_, err = html.Parse(bytes.NewReader(page))
			return err
		}},
		{"readability alone", func(p *cleanPage) error {
			page, err := clean.DecodeHTML(p.raw, p.ctype)
			if err != nil {
				return err
			}
			_, err = clean.ReadabilityText(page, p.url)
			return err
		}},
		{"full cleaner, learned rules", func(p *cleanPage) error {
			page, err := clean.DecodeHTML(p.raw, p.ctype)
			if err != nil {
				return err
			}
			_, err = clean.Extract(page, p.url, rules[p.site])
			return err
		}},
	}
}

// runCleanRounds runs every variant over all pages, round after round
// (each round in a rotated order):
// minRounds, then more up to maxRounds while the rounds have taken less
// than budget. It returns the passes by round then variant, or ctx.Err()
// when ctx ends between passes.
func runCleanRounds(ctx context.Context, pages []cleanPage, variants []cleanVariant, minRounds, maxRounds int, budget time.Duration) ([][]cleanPass, error) {
	start := time.Now()
	var out [][]cleanPass
	for r := 0; r < maxRounds; r++ {
		if r >= minRounds && time.Since(start) >= budget {
			break
		}
		round := make([]cleanPass, len(variants))
		for k := range variants {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			// Each round starts with the next variant, so none always
			// runs first, in the quietest or busiest moment of a round.
			i := (r + k) % len(variants)
			round[i] = timeCleanPass(pages, variants[i])
		}
		out = append(out, round)
	}
	return out, nil
}

// timeCleanPass times one variant over all pages on this goroutine,
// going over them again until the pass has lasted cleanMinPass, so that a
// small corpus still gives a pass long enough to time. The collection
// before it keeps the previous pass's garbage off its clock. failed counts
// the pages of the first time over that returned an error.
func timeCleanPass(pages []cleanPage, v cleanVariant) cleanPass {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.Mallocs
	var pass cleanPass
	t0 := time.Now()
	for rep := 0; rep == 0 || time.Since(t0) < cleanMinPass; rep++ {
		for i := range pages {
			if v.run(&pages[i]) != nil && rep == 0 {
				pass.failed++
			}
		}
		pass.pages += len(pages)
	}
	pass.elapsed = time.Since(t0)
	runtime.ReadMemStats(&ms)
	pass.mallocs = ms.Mallocs - before
	return pass
}

// cleanMedian is the median of xs (the mean of the middle two for an even
// count); 0 for none.
func cleanMedian(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(xs))
	m := len(s) / 2
	if len(s)%2 == 0 {
		return (s[m-1] + s[m]) / 2
	}
	return s[m]
}

// cleanTable reports the passes: per variant the medians over the rounds,
// and ratios as medians of the same-round ratios. Variant 0 is parse-only,
// 1 readability alone and 2 the full cleaner.
func cleanTable(pages []cleanPage, source string, rules map[string]clean.Rules, variants []cleanVariant, passes [][]cleanPass) benchTable {
	var size float64
	for _, p := range pages {
		size += float64(len(p.raw))
	}
	perPage := size / float64(len(pages))
	perRound := func(f func(round []cleanPass) float64) float64 {
		xs := make([]float64, len(passes))
		for r, round := range passes {
			xs[r] = f(round)
		}
		return cleanMedian(xs)
	}
	pps := func(p cleanPass) float64 { return float64(p.pages) / p.elapsed.Seconds() }
	vs := func(v, base int) float64 {
		return perRound(func(round []cleanPass) float64 { return pps(round[v]) / pps(round[base]) })
	}
	t := benchTable{
		Title:  "Cleaning: full cleaner vs readability alone vs parse-only",
		Intro:  cleanIntro(pages, source, rules, len(passes), size),
		Header: []string{"variant", "pages/s", "MB/s", "allocs/page", "vs readability", "vs parse-only", "failed pages"},
	}
	for v, cv := range variants {
		failed := 0
		for _, round := range passes {
			failed = max(failed, round[v].failed)
		}
		t.Rows = append(t.Rows, []string{
			cv.name,
			fmt.Sprintf("%.1f", perRound(func(round []cleanPass) float64 { return pps(round[v]) })),
			fmt.Sprintf("%.2f", perRound(func(round []cleanPass) float64 { return pps(round[v]) * perPage / 1e6 })),
			fmt.Sprintf("%.0f", perRound(func(round []cleanPass) float64 { return float64(round[v].mallocs) / float64(round[v].pages) })),
			fmt.Sprintf("%.2fx", vs(v, 1)),
			fmt.Sprintf("%.2fx", vs(v, 0)),
			fmt.Sprint(failed),
		})
	}
	t.Verdicts = cleanVerdicts(vs(2, 1), vs(2, 0), len(passes))
	return t
}

// cleanIntro says what was measured, on which pages and how.
func cleanIntro(pages []cleanPage, source string, rules map[string]clean.Rules, rounds int, size float64) string {
	sites := map[string]bool{}
	for _, p := range pages {
		sites[p.site] = true
	}
	applied, ruled := 0, 0
	for _, r := range rules {
		k := 0
		for _, rule := range r.Rules {
			if rule.Status == clean.StatusActive || rule.Status == clean.StatusPinned {
				k++
			}
		}
		applied += k
		if k > 0 {
			ruled++
		}
	}
	return fmt.Sprintf("%d pages from %d sites, %.1f MB of HTML (MB = 10^6 bytes), from %s. "+
		"Every variant starts from the raw bytes and decodes the charset (clean.DecodeHTML) inside its timed loop, "+
		"so the decode counts in all three alike. Parse-only then builds the x/net/html tree: the floor of any DOM-based cleaner; "+
		"readability alone is clean.ReadabilityText (go-readability with no rules and no filters); "+
		"the full cleaner is clean.Extract with the rules learned per site from the same pages outside timing "+
		"(%d applied rules on %d sites). The variants alternate, each over all pages on one goroutine after a garbage collection "+
		"(going over them again until the pass has lasted %s), for %d rounds; "+
		"pages/s, MB/s (input HTML) and allocations per page (heap mallocs) are medians over the rounds, "+
		"and each ratio is the median of the per-round ratios, so machine noise hits all variants alike.",
		len(pages), len(sites), size/1e6, source, applied, ruled, cleanMinPass, rounds)
}

// cleanVerdicts states the target against readability and the distance
// from the parse-only floor. vsRead and vsParse are the cleaner's pages/s
// as a share of each baseline's; as shares of time per page, parsing is
// vsParse of the cleaner's time and readability (its parse included)
// vsRead, approximately: Extract runs readability on its own pruned tree.
func cleanVerdicts(vsRead, vsParse float64, rounds int) []string {
	out := []string{verdict(vsRead >= cleanTarget, fmt.Sprintf(">= %.1fx readability alone", cleanTarget),
		fmt.Sprintf("%.2fx, median of %d same-round ratios", vsRead, rounds))}
	floor := fmt.Sprintf("The cleaner runs at %.2fx the parse-only floor: charset decode and parsing are %.0f%% of its time",
		vsParse, 100*vsParse)
	if vsRead < 1 {
		floor += fmt.Sprintf(", readability's own work about %.0f%% and the cleaner's pruning, rules and filters the other %.0f%%",
			100*(vsRead-vsParse), 100*(1-vsRead))
	}
	return append(out, floor+".")
}
