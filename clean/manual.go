package clean

import (
	"fmt"
	"regexp"

	"github.com/andybalholm/cascadia"
)

// ManualSpec is a person's cleaning rules for one site, as written in the
// configuration.
type ManualSpec struct {
	Remove     []string // CSS selectors of elements to remove before extraction
	DropText   []string // drop blocks containing this text (case-insensitive)
	DropRegexp []string // drop blocks matching this regexp
	KeepText   []string // keep blocks containing this text, whatever else says
	KeepRegexp []string // keep blocks matching this regexp
	Body       string   // CSS selector of the article body; empty lets readability choose
}

// ManualRules turns spec into pinned manual rules for site. A selector or
// regexp that does not compile gives an error wrapping ErrBadRule that
// names it.
func ManualRules(site string, spec ManualSpec) (Rules, error) {
	r := Rules{Site: site}
	add := func(kind string, patterns ...string) error {
		for _, p := range patterns {
			if err := checkPattern(kind, p); err != nil {
				return err
			}
			r.Rules = append(r.Rules, Rule{
				ID: ruleID(kind, p), Kind: kind, Pattern: p,
				Status: StatusPinned, Origin: OriginManual,
			})
		}
		return nil
	}
	for _, err := range []error{
		add(KindRemoveSelector, spec.Remove...),
		add(KindDropText, spec.DropText...),
		add(KindDropRegexp, spec.DropRegexp...),
		add(KindKeepText, spec.KeepText...),
		add(KindKeepRegexp, spec.KeepRegexp...),
	} {
		if err != nil {
			return Rules{}, err
		}
	}
	if spec.Body != "" {
		if err := add(KindBodySelector, spec.Body); err != nil {
			return Rules{}, err
		}
	}
	return r, nil
}

func checkPattern(kind, p string) error {
	var err error
	switch kind {
	case KindRemoveSelector, KindBodySelector:
		_, err = cascadia.ParseGroup(p)
	case KindDropRegexp, KindKeepRegexp:
		_, err = regexp.Compile(p)
	case KindDropText, KindKeepText:
		if normText(p) == "" {
			err = fmt.Errorf("no letters or digits")
		}
	}
	if err != nil {
		return fmt.Errorf("%s %q: %w: %w", kind, p, ErrBadRule, err)
	}
	return nil
}

// Merge combines a site's learned and manual rules. Manual rules win: a
// learned rule with the same id is replaced, and learned rules are applied
// only where no keep rule protects the block (see Extract). Version is the
// learned version plus the number of manual rules, so a config change also
// changes it.
func Merge(learned, manual Rules) Rules {
	out := Rules{Site: learned.Site, Version: learned.Version + len(manual.Rules)}
	if out.Site == "" {
		out.Site = manual.Site
	}
	ids := make(map[string]bool, len(manual.Rules))
	for _, m := range manual.Rules {
		ids[m.ID] = true
	}
	out.Rules = append(out.Rules, manual.Rules...)
	for _, l := range learned.Rules {
		if !ids[l.ID] {
			out.Rules = append(out.Rules, l)
		}
	}
	return out
}
