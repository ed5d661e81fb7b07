package clean

import (
	"maps"
	"slices"
	"strings"
)

// minProtected is the shortest normalised block that JSON-LD articleBody
// protects: a shorter one ("share", "advertisement") would match inside
// almost any article by accident.
const minProtected = 25

// collectBodies appends every articleBody string under v, in key order so
// that the result does not depend on map iteration.
func collectBodies(v any, out *[]string, depth int) {
	if depth > 20 {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(x)) {
			if s, ok := x[k].(string); ok && k == "articleBody" {
				*out = append(*out, s)
				continue
			}
			collectBodies(x[k], out, depth+1)
		}
	case []any:
		for _, val := range x {
			collectBodies(val, out, depth+1)
		}
	}
}

// protected reports whether a block's text is part of the page's own
// declared article body, which no filter may drop.
func protected(b *block, ldBody string) bool {
	return ldBody != "" && len(b.norm) >= minProtected && strings.Contains(ldBody, b.norm)
}
