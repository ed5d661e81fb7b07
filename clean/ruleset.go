package clean

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/andybalholm/cascadia"
)

// ruleSet is Rules compiled for one Extract call.
type ruleSet struct {
	remove   []selRule
	body     *selRule
	dropText []textRule
	keepText []textRule
	dropRe   []reRule
	keepRe   []reRule
	template map[string]string // normalised text -> rule id
	titles   map[string]string // normalised site-wide title -> rule id
	paths    map[string]string // DOM path -> rule id
	lastStep map[string]bool   // last step of every template path, for a cheap pre-check
}

type selRule struct {
	id  string
	sel cascadia.SelectorGroup
}

type textRule struct{ id, norm string }

type reRule struct {
	id string
	re *regexp.Regexp
}

// compile prepares the applied rules of r; a selector or regexp that does
// not compile is an error wrapping ErrBadRule.
func compile(r Rules) (*ruleSet, error) {
	rs := &ruleSet{}
	for _, x := range r.Rules {
		if !x.applied() {
			continue
		}
		if err := rs.add(x); err != nil {
			return nil, fmt.Errorf("rule %s: %w", x.ID, err)
		}
	}
	return rs, nil
}

func (rs *ruleSet) add(x Rule) error {
	switch x.Kind {
	case KindRemoveSelector, KindBodySelector:
		sel, err := cascadia.ParseGroup(x.Pattern)
		if err != nil {
			return fmt.Errorf("selector %q: %w: %w", x.Pattern, ErrBadRule, err)
		}
		if x.Kind == KindBodySelector {
			rs.body = &selRule{x.ID, sel}
		} else {
			rs.remove = append(rs.remove, selRule{x.ID, sel})
		}
	case KindDropRegexp, KindKeepRegexp:
		re, err := regexp.Compile(x.Pattern)
		if err != nil {
			return fmt.Errorf("regexp %q: %w: %w", x.Pattern, ErrBadRule, err)
		}
		if x.Kind == KindDropRegexp {
			rs.dropRe = append(rs.dropRe, reRule{x.ID, re})
		} else {
			rs.keepRe = append(rs.keepRe, reRule{x.ID, re})
		}
	case KindDropText:
		rs.dropText = append(rs.dropText, textRule{x.ID, normText(x.Pattern)})
	case KindKeepText:
		rs.keepText = append(rs.keepText, textRule{x.ID, normText(x.Pattern)})
	case KindTemplateBlock:
		if rs.template == nil {
			rs.template = map[string]string{}
		}
		rs.template[x.Pattern] = x.ID
	case KindTemplateTitle:
		if rs.titles == nil {
			rs.titles = map[string]string{}
		}
		rs.titles[x.Pattern] = x.ID
	case KindTemplatePath:
		if rs.paths == nil {
			rs.paths, rs.lastStep = map[string]string{}, map[string]bool{}
		}
		rs.paths[x.Pattern] = x.ID
		steps := strings.Split(x.Pattern, ">")
		rs.lastStep[steps[len(steps)-1]] = true
	default:
		return fmt.Errorf("kind %q: %w", x.Kind, ErrBadRule)
	}
	return nil
}

// keep returns the id of a keep rule matching b, or "".
func (rs *ruleSet) keep(b *block) string {
	return firstMatch(rs.keepText, rs.keepRe, b)
}

// drop returns the id of a manual or learned text rule dropping b, or "".
func (rs *ruleSet) drop(b *block) string {
	if id := firstMatch(rs.dropText, rs.dropRe, b); id != "" {
		return id
	}
	return rs.template[b.norm]
}

// firstMatch returns the id of the first text rule contained in b's
// normalised text, else of the first regexp matching its text, else "".
func firstMatch(texts []textRule, res []reRule, b *block) string {
	for _, t := range texts {
		if t.norm != "" && strings.Contains(b.norm, t.norm) {
			return t.id
		}
	}
	for _, r := range res {
		if r.re.MatchString(b.text) {
			return r.id
		}
	}
	return ""
}
