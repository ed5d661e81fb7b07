package clean

import (
	"strings"
	"time"
	"unicode/utf8"
)

// bodyPaths are the container paths that hold a site's article text: where
// long blocks seen on a single page only sit, on a fair share of pages.
func (c *counter) bodyPaths() map[string]bool {
	perPath := map[string]int{}
	for _, longs := range c.longs {
		onPage := map[string]bool{}
		for _, l := range longs {
			if st := c.texts[l.norm]; st != nil && st.pages == 1 && !onPage[l.path] {
				onPage[l.path] = true
				perPath[l.path]++
			}
		}
	}
	out := map[string]bool{}
	for p, n := range perPath {
		if n >= 2 && float64(n) >= 0.2*float64(c.pages) {
			out[p] = true
		}
	}
	return out
}

// rules turns the counts into active learned rules.
func (c *counter) rules() []Rule {
	if c.pages < minPages {
		return nil
	}
	body := c.bodyPaths()
	var out []Rule
	for norm, st := range c.texts {
		share := float64(st.pages) / float64(c.pages)
		if st.pages < minSupport || share < minShare {
			continue
		}
		if body[st.path] && (share < bodyShare || len(st.example) > bodyBlockMax) {
			continue
		}
		out = append(out, learnedRule(KindTemplateBlock, norm, st.pages, c.pages, st.example, st.path, st.first, st.last))
	}
	for norm, st := range c.titles {
		if st.pages >= minSupport && float64(st.pages) >= minShare*float64(c.pages) {
			out = append(out, learnedRule(KindTemplateTitle, norm, st.pages, c.pages, st.example, st.path, st.first, st.last))
		}
	}
	for path, st := range c.paths {
		if st.pages < minSupport || float64(st.pages) < pathShare*float64(c.pages) || body[path] {
			continue
		}
		if !strings.ContainsAny(path, ".#") || st.textLen < 20*st.pages || float64(st.links) < pathLinkShare*float64(st.textLen) {
			continue
		}
		out = append(out, learnedRule(KindTemplatePath, path, st.pages, c.pages, truncate(st.example, 200), path, st.first, st.last))
	}
	return out
}

func learnedRule(kind, pattern string, support, pages int, example, path string, first, last time.Time) Rule {
	return Rule{
		ID: ruleID(kind, pattern), Kind: kind, Pattern: pattern,
		Status: StatusActive, Origin: OriginLearned,
		Evidence: Evidence{
			Support: support, PagesSeen: pages, Example: example, Path: path,
			FirstSeen: first.UTC(), LastSeen: last.UTC(),
		},
	}
}

// truncate shortens s to at most n bytes on a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
