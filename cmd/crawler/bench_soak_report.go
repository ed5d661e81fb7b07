package main

import (
	"fmt"
	"strconv"
	"time"
)

const (
	// soakFlatShare and soakFlatFloor define flat: RssAnon's projected
	// growth over the soak is at most 5% of its mean or 2 MiB, whichever
	// is larger (the floor keeps a small process from failing on noise).
	soakFlatShare = 0.05
	soakFlatFloor = 2 << 20
	// soakRateTolerance is how far the achieved request rate may fall
	// short of the target and still count as held.
	soakRateTolerance = 0.10
	// soakTableRows is about how many samples the sample table shows.
	soakTableRows = 10
)

// soakRowEvery is the stride of shown samples: about soakTableRows rows
// (every minute of a 10-minute soak).
func soakRowEvery(cfg benchConfig) int {
	return max(1, int(cfg.Soak/soakTableRows/cfg.SoakSample))
}

// soakWarmup is the start of the soak the slope leaves out: the first
// minute, or the first third of a shorter soak. Heap targets, bbolt's
// first file growths and the crawler's first windows settle there.
func soakWarmup(soak time.Duration) time.Duration { return min(time.Minute, soak/3) }

// soakSteady returns the samples after the warm-up, or all but the first
// when fewer than three are left.
func soakSteady(samples []soakSample, warm time.Duration) []soakSample {
	for i, s := range samples {
		if s.at >= warm && len(samples)-i >= 3 {
			return samples[i:]
		}
	}
	if len(samples) > 1 {
		return samples[1:]
	}
	return samples
}

// soakTables renders the soak as the sample table and the slope table.
func soakTables(cfg benchConfig, res soakResult) []benchTable {
	return []benchTable{soakSampleTable(cfg, res), soakSlopeTable(cfg, res)}
}

func soakSampleTable(cfg benchConfig, res soakResult) benchTable {
	intro := fmt.Sprintf("The real daemon (`crawler run -config FILE`, a child process) crawls an unbounded loopback site "+
		"of %d generated news outlets with one job (max_pages and max_depth off, so one run that never drains), "+
		"politeness delay %s per host, which fixes its request rate at %d/s. Its /proc/PID/status and /proc/PID/stat "+
		"are read every %s for %s; Go heap, goroutines and documents stored come from its /metrics. "+
		"req/s, CPU %% (of one core) and CPU ms/req are over the interval since the row above.",
		res.plan.hosts, res.plan.gap, cfg.SoakRate, cfg.SoakSample, cfg.Soak)
	if cfg.Quick {
		intro += " Quick run: the figures mean little."
	}
	t := benchTable{
		Title: "Soak: the daemon at a fixed request rate",
		Intro: intro,
		Header: []string{"t", "requests", "req/s", "docs", "CPU %", "CPU ms/req", "RSS MiB", "RssAnon MiB", "RssFile MiB",
			"Go heap MiB", "goroutines", "DB MiB"},
	}
	every := soakRowEvery(cfg)
	var prev *soakSample
	for i := range res.samples {
		if i%every != 0 && i != len(res.samples)-1 {
			continue
		}
		s := res.samples[i]
		t.Rows = append(t.Rows, soakRow(s, prev))
		prev = &res.samples[i]
	}
	return t
}

func soakRow(s soakSample, prev *soakSample) []string {
	rate, cpu, perReq := "", "", ""
	if prev != nil && s.at > prev.at {
		dt := (s.at - prev.at).Seconds()
		rate = fmt.Sprintf("%.1f", float64(s.requests-prev.requests)/dt)
		cpu = fmt.Sprintf("%.0f", 100*(s.cpu-prev.cpu).Seconds()/dt)
		if n := s.requests - prev.requests; n > 0 {
			perReq = fmt.Sprintf("%.2f", float64((s.cpu-prev.cpu).Microseconds())/1000/float64(n))
		}
	}
	return []string{
		s.at.Round(time.Second).String(), strconv.FormatInt(s.requests, 10), rate, orNA(s.docs, strconv.FormatInt(s.docs, 10)),
		cpu, perReq, mib(s.rss), mib(s.anon), mib(s.file), orNA(s.heap, mib(s.heap)),
		orNA(s.goroutines, strconv.FormatInt(s.goroutines, 10)), mib(s.db),
	}
}

// orNA is s, or "n/a" for a figure the daemon did not give (-1).
func orNA(v int64, s string) string {
	if v < 0 {
		return "n/a"
	}
	return s
}

// soakSeries is one measure over the steady samples.
type soakSeries struct {
	name string
	of   func(soakSample) int64
}

func soakMeasures() []soakSeries {
	return []soakSeries{
		{"RssAnon (own memory)", func(s soakSample) int64 { return s.anon }},
		{"RSS (total)", func(s soakSample) int64 { return s.rss }},
		{"RssFile (mostly the mapped database)", func(s soakSample) int64 { return s.file }},
		{"Go heap in use", func(s soakSample) int64 { return s.heap }},
		{"Go heap held from the OS (in use + idle not yet returned)", func(s soakSample) int64 { return s.held }},
		{"Go GC heap goal (next_gc)", func(s soakSample) int64 { return s.goal }},
		{"Database file", func(s soakSample) int64 { return s.db }},
	}
}

// soakFit is a least-squares fit of one measure against time.
type soakFit struct {
	mean  float64 // bytes
	slope float64 // bytes per second
	se    float64 // standard error of slope
	ok    bool    // every steady sample had the figure
}

func fitSoak(steady []soakSample, of func(soakSample) int64) soakFit {
	xs := make([]float64, 0, len(steady))
	ys := make([]float64, 0, len(steady))
	var sum float64
	for _, s := range steady {
		v := of(s)
		if v < 0 {
			return soakFit{}
		}
		xs = append(xs, s.at.Seconds())
		ys = append(ys, float64(v))
		sum += float64(v)
	}
	if len(ys) < 2 {
		return soakFit{}
	}
	b := leastSquares(xs, ys)
	return soakFit{mean: sum / float64(len(ys)), slope: b, se: slopeStdErr(xs, ys, b), ok: true}
}

func soakSlopeTable(cfg benchConfig, res soakResult) benchTable {
	warm := soakWarmup(cfg.Soak)
	steady := soakSteady(res.samples, warm)
	if len(steady) == 0 {
		return benchTable{Title: "Soak: memory slope", Intro: "No samples were taken."}
	}
	t := benchTable{
		Title: "Soak: memory slope",
		Intro: fmt.Sprintf("Least-squares slope of each measure over the %d samples from t=%s on (the first %s is warm-up), "+
			"in MiB per 10 minutes, and the growth it projects over the whole %s soak. bbolt maps the database file, "+
			"so RssFile grows as the database grows; flatness is judged on RssAnon, the process's own memory "+
			"(Go heap, stacks, runtime), with total RSS reported beside it.",
			len(steady), steady[0].at.Round(time.Second), warm, cfg.Soak),
		Header: []string{"measure", "mean MiB", "slope MiB/10 min (± 2 SE)", "projected over soak MiB", "% of mean"},
	}
	for _, m := range soakMeasures() {
		f := fitSoak(steady, m.of)
		if !f.ok {
			t.Rows = append(t.Rows, []string{m.name, "n/a", "n/a", "n/a", "n/a"})
			continue
		}
		grow := f.slope * cfg.Soak.Seconds()
		t.Rows = append(t.Rows, []string{m.name, fmt.Sprintf("%.1f", f.mean/(1<<20)),
			fmt.Sprintf("%+.2f ± %.2f", f.slope*600/(1<<20), 2*f.se*600/(1<<20)), fmt.Sprintf("%+.1f", grow/(1<<20)),
			fmt.Sprintf("%+.1f%%", 100*grow/f.mean)})
	}
	t.Verdicts = soakVerdicts(cfg, res, steady)
	return t
}

func soakVerdicts(cfg benchConfig, res soakResult, steady []soakSample) []string {
	anon := fitSoak(steady, func(s soakSample) int64 { return s.anon })
	grow := anon.slope * cfg.Soak.Seconds()
	limit := max(soakFlatShare*anon.mean, soakFlatFloor)
	out := []string{verdict(grow <= limit,
		fmt.Sprintf("RssAnon flat (projected growth over the soak at most %.0f%% of its mean or %d MiB, whichever is larger)",
			100*soakFlatShare, soakFlatFloor>>20),
		fmt.Sprintf("%+.2f ± %.2f MiB/10 min (two standard errors), %+.1f MiB over %s against a limit of %.1f MiB (mean %.1f MiB)",
			anon.slope*600/(1<<20), 2*anon.se*600/(1<<20), grow/(1<<20), cfg.Soak, limit/(1<<20), anon.mean/(1<<20)))}
	if per, ok := soakPerKiloRequest(steady); ok {
		out = append(out, fmt.Sprintf("After warm-up RssAnon changed by %+.1f KiB per 1,000 requests served.", per/1024))
	}
	got := soakRate(steady)
	out = append(out, verdict(got >= float64(cfg.SoakRate)*(1-soakRateTolerance),
		fmt.Sprintf("request rate held at %d/s after warm-up (within %.0f%%)", cfg.SoakRate, 100*soakRateTolerance),
		fmt.Sprintf("%.1f req/s achieved, %s the target; %.1f req/s over the whole soak",
			got, ratio(got, float64(cfg.SoakRate)), soakRate(res.samples))))
	out = append(out, verdict(res.exit.clean(), fmt.Sprintf("SIGTERM ends the daemon with status 0 within %s", soakStopGrace),
		soakExitText(res.exit)))
	return append(out, soakLogText(res))
}

func soakLogText(res soakResult) string {
	switch res.logLines {
	case 0:
		return "The daemon logged nothing at warn level or above."
	case 1:
		return fmt.Sprintf("The daemon logged 1 line at warn level or above: `%s`.", res.lastLog)
	}
	return fmt.Sprintf("The daemon logged %d lines at warn level or above; the last: `%s`.", res.logLines, res.lastLog)
}

// soakPerKiloRequest is RssAnon's slope against requests served, in bytes
// per 1,000 requests.
func soakPerKiloRequest(steady []soakSample) (float64, bool) {
	xs := make([]float64, len(steady))
	ys := make([]float64, len(steady))
	for i, s := range steady {
		xs[i], ys[i] = float64(s.requests), float64(s.anon)
	}
	if len(steady) < 2 || xs[len(xs)-1] == xs[0] {
		return 0, false
	}
	return 1000 * leastSquares(xs, ys), true
}

// soakRate is the request rate from the first sample to the last.
func soakRate(samples []soakSample) float64 {
	if len(samples) < 2 {
		return 0
	}
	a, b := samples[0], samples[len(samples)-1]
	if b.at <= a.at {
		return 0
	}
	return float64(b.requests-a.requests) / (b.at - a.at).Seconds()
}

func soakExitText(e soakExit) string {
	switch {
	case e.killed:
		return fmt.Sprintf("still running %s after SIGTERM; killed", e.took.Round(time.Millisecond))
	default:
		return fmt.Sprintf("exit status %d after %s", e.code, e.took.Round(time.Millisecond))
	}
}
