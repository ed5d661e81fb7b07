package clean

import (
	"bytes"
	"net/url"
	"slices"
	"sort"
	"time"

	"golang.org/x/net/html"
)

// Sample is one stored raw page of a site. HTML is UTF-8 (see DecodeHTML).
type Sample struct {
	URL       *url.URL
	HTML      []byte
	FetchedAt time.Time
}

// Learning thresholds. A block is template when it recurs on at least
// minSupport distinct pages and minShare of them, once minPages distinct
// pages have been seen; where it sits among the article paragraphs it must
// be short and recur on bodyShare of them, because sign-offs and
// disclaimers there look like template but a recurring sentence may be
// article text.
const (
	minPages      = 5
	minSupport    = 3
	minShare      = 0.3
	bodyShare     = 0.6
	bodyBlockMax  = 200
	pathShare     = 0.6  // template containers sit on most pages...
	pathLinkShare = 0.35 // ...and are link-heavy
	maxLearnPages = 500  // newest distinct pages examined
	ageOut        = 30 * 24 * time.Hour
	longText      = 150 // bytes of normalised text that make a block article-like
	dupShare      = 0.8 // a page whose long blocks were mostly seen is a near-duplicate
)

// Learn updates prev with evidence from samples (a site's stored raw
// pages) and returns the new rules. Only distinct articles count: a
// re-fetched URL or a near-duplicate page is examined once. Rules keep
// their id, FirstSeen and a pinned or disabled status across runs; a
// learned rule that falls below its thresholds becomes a candidate and is
// dropped once not seen for 30 days; manual rules pass through. Version is
// bumped when the set of applied rules changes.
func Learn(prev Rules, samples []Sample, now time.Time) Rules {
	c := newCounter()
	for _, s := range distinctSamples(samples, now) {
		doc, err := html.Parse(bytes.NewReader(s.HTML))
		if err != nil {
			continue
		}
		c.addPage(segment(findBody(doc), true), scanPage(doc).title, s.FetchedAt)
	}
	site := prev.Site
	if site == "" && len(samples) > 0 && samples[0].URL != nil {
		site = samples[0].URL.Hostname()
	}
	return mergeLearned(prev, c.rules(), site, now)
}

// distinctSamples orders samples newest first, keeps one per URL and at
// most maxLearnPages; a zero FetchedAt counts as now.
func distinctSamples(samples []Sample, now time.Time) []Sample {
	sorted := slices.Clone(samples)
	for i := range sorted {
		if sorted[i].FetchedAt.IsZero() {
			sorted[i].FetchedAt = now
		}
	}
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].FetchedAt.After(sorted[j].FetchedAt) })
	seen := map[string]bool{}
	var out []Sample
	for _, s := range sorted {
		key := ""
		if s.URL != nil {
			u := *s.URL
			u.Fragment, u.Scheme = "", ""
			key = u.String()
		}
		if key != "" && seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, s)
		if len(out) == maxLearnPages {
			break
		}
	}
	return out
}

// mergeLearned folds freshly derived rules into prev.
func mergeLearned(prev Rules, fresh []Rule, site string, now time.Time) Rules {
	out := Rules{Site: site, Version: prev.Version}
	old := map[string]Rule{}
	for _, r := range prev.Rules {
		if r.Origin != OriginLearned {
			out.Rules = append(out.Rules, r)
			continue
		}
		old[r.ID] = r
	}
	for _, r := range fresh {
		if o, ok := old[r.ID]; ok {
			delete(old, r.ID)
			if !o.Evidence.FirstSeen.IsZero() && o.Evidence.FirstSeen.Before(r.Evidence.FirstSeen) {
				r.Evidence.FirstSeen = o.Evidence.FirstSeen
			}
			if o.Status == StatusPinned || o.Status == StatusDisabled {
				r.Status = o.Status
			}
		}
		out.Rules = append(out.Rules, r)
	}
	for _, o := range old {
		stale := now.Sub(o.Evidence.LastSeen) > ageOut
		switch {
		case o.Status == StatusPinned:
		case stale:
			continue
		case o.Status == StatusActive:
			o.Status = StatusCandidate
		}
		out.Rules = append(out.Rules, o)
	}
	sort.SliceStable(out.Rules, func(i, j int) bool {
		a, b := out.Rules[i], out.Rules[j]
		if a.Origin != b.Origin {
			return a.Origin == OriginManual
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.ID < b.ID
	})
	if !slices.Equal(appliedIDs(prev), appliedIDs(out)) {
		out.Version++
	}
	return out
}

func appliedIDs(r Rules) []string {
	var ids []string
	for _, x := range r.Rules {
		if x.applied() {
			ids = append(ids, x.ID)
		}
	}
	slices.Sort(ids)
	return ids
}
