package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Some pages split one article over sibling containers (one per section
// with its own sub-heading), and readability keeps only the best of them.
// tailAfter follows the page past the last kept block and collects the
// prose that continues the article: usable blocks, with the sub-heading
// that introduces each, that sit under a near ancestor of the last kept
// block. It stops at a comment section, at a run of chrome, or after
// tailWindow blocks.
const (
	tailWindow  = 40
	tailLevels  = 5 // how far above the last kept block the shared ancestor may be
	tailRejects = 4 // consecutive unusable blocks that end the article
)

func tailAfter(raw *rawPage, present []int, last int, seen string) []string {
	scope := raw.blocks[present[last]].node
	for range tailLevels {
		if scope == nil || scope.Parent == nil || scope.Parent == raw.body || scope.Parent.DataAtom == atom.Body {
			break
		}
		scope = scope.Parent
	}
	if scope == nil || scope == raw.body {
		return nil
	}
	var out []string
	pendingHead, rejects := "", 0
	for k := last + 1; k < len(present) && k <= last+tailWindow; k++ {
		i := present[k]
		b := &raw.blocks[i]
		if !contains(scope, b.node) || len(b.text) <= 60 && commentHeading.MatchString(b.text) {
			break
		}
		switch {
		case strings.Contains(seen, b.norm):
			pendingHead = ""
		case tailProse(b) && raw.ok(i):
			if underClassWord(b.node, commentClassWords) {
				return out
			}
			if pendingHead != "" {
				out = append(out, pendingHead)
			}
			out = append(out, b.text)
			pendingHead, rejects = "", 0
			continue
		case subHeading(b) && raw.rs.drop(b) == "" && genericReason(b, raw.filters()) == "":
			pendingHead = b.text
			continue
		}
		if rejects++; rejects >= tailRejects {
			break
		}
	}
	return out
}

// tailMinLen: past the article's end only real paragraphs count, not
// the one-line standfirsts of teaser lists.
const tailMinLen = 150

func tailProse(b *block) bool {
	return len(b.text) >= tailMinLen && b.node != nil && b.node.DataAtom == atom.P
}

// subHeading reports an h2-h4 short enough to be a section title.
func subHeading(b *block) bool {
	if b.node == nil || b.node.Type != html.ElementNode || len(b.text) > 120 {
		return false
	}
	switch b.node.DataAtom {
	case atom.H2, atom.H3, atom.H4:
		return true
	}
	return false
}
