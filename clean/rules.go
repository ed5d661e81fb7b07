package clean

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"time"
)

// Rule kinds. Selector kinds act on the raw page before readability, the
// others on blocks of text.
const (
	// KindRemoveSelector removes every element matching a CSS selector.
	KindRemoveSelector = "remove-selector"
	// KindBodySelector names the article body by CSS selector, bypassing
	// readability's choice.
	KindBodySelector = "body-selector"
	// KindDropText drops blocks whose text contains Pattern (case-insensitive).
	KindDropText = "drop-text"
	// KindDropRegexp drops blocks whose text matches the regexp Pattern.
	KindDropRegexp = "drop-regexp"
	// KindKeepText keeps blocks whose text contains Pattern, whatever else says.
	KindKeepText = "keep-text"
	// KindKeepRegexp keeps blocks whose text matches the regexp Pattern.
	KindKeepRegexp = "keep-regexp"
	// KindTemplateBlock drops blocks whose normalised text equals Pattern:
	// text a site repeats on many of its pages.
	KindTemplateBlock = "template-block"
	// KindTemplateTitle marks a document title the site uses on many pages
	// (its own name): Extract then takes the headline from the page's h1.
	KindTemplateTitle = "template-title"
	// KindTemplatePath removes, before readability, the containers at DOM path
	// Pattern: link lists whose text changes but that sit on most pages.
	KindTemplatePath = "template-path"
)

// Rule statuses. Only active and pinned rules are applied.
const (
	// StatusCandidate is a rule with some evidence, not yet applied.
	StatusCandidate = "candidate"
	// StatusActive is applied; learning may demote or age it out.
	StatusActive = "active"
	// StatusDisabled is never applied and never re-activated by learning.
	StatusDisabled = "disabled"
	// StatusPinned is always applied and never aged out by learning.
	StatusPinned = "pinned"
)

// Rule origins.
const (
	// OriginLearned marks rules derived by Learn.
	OriginLearned = "learned"
	// OriginManual marks rules written by a person (ManualRules).
	OriginManual = "manual"
)

var (
	knownKinds = []string{KindRemoveSelector, KindBodySelector, KindDropText, KindDropRegexp,
		KindKeepText, KindKeepRegexp, KindTemplateBlock, KindTemplateTitle, KindTemplatePath}
	knownStatuses = []string{StatusCandidate, StatusActive, StatusDisabled, StatusPinned}
)

// Rules are one site's cleaning rules, learned and manual alike. The zero
// value holds no rules: Extract then applies only its generic filters.
type Rules struct {
	Site    string
	Version int
	Rules   []Rule
}

// Rule is one cleaning rule with the evidence for it.
type Rule struct {
	ID       string
	Kind     string // one of the Kind constants
	Pattern  string // selector, text, regexp, normalised block text or DOM path
	Status   string // one of the Status constants
	Origin   string // OriginLearned or OriginManual
	Evidence Evidence
}

// Evidence is why a learned rule exists. Support is the number of distinct
// pages the pattern was seen on, PagesSeen the number of distinct pages
// examined; Example is one raw occurrence and Path its DOM path.
type Evidence struct {
	Support, PagesSeen  int
	Example, Path       string
	FirstSeen, LastSeen time.Time
}

// ruleID derives a stable id from what a rule matches, so the same rule
// learned twice keeps its id (and a pin or disable set on it).
func ruleID(kind, pattern string) string {
	h := sha256.Sum256([]byte(kind + "\x00" + pattern))
	return "r-" + hex.EncodeToString(h[:5])
}

// applied reports whether Extract uses the rule.
func (r Rule) applied() bool { return r.Status == StatusActive || r.Status == StatusPinned }

// Find returns the rule with the given id.
func (r Rules) Find(id string) (Rule, bool) {
	for _, x := range r.Rules {
		if x.ID == id {
			return x, true
		}
	}
	return Rule{}, false
}

// SetStatus returns a copy of r with rule id set to status (pin, disable or
// activate it); an unknown id gives ErrNoRule, an unknown status ErrBadRule.
func (r Rules) SetStatus(id, status string) (Rules, error) {
	if !slices.Contains(knownStatuses, status) {
		return r, fmt.Errorf("status %q: %w", status, ErrBadRule)
	}
	out := r
	out.Rules = slices.Clone(r.Rules)
	for i := range out.Rules {
		if out.Rules[i].ID == id {
			if out.Rules[i].Status != status {
				out.Rules[i].Status = status
				out.Version++
			}
			return out, nil
		}
	}
	return r, fmt.Errorf("rule %s: %w", id, ErrNoRule)
}
