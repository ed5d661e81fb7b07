package clean

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minProtected is the shortest normalised block that JSON-LD articleBody
// protects: a shorter one ("share", "advertisement") would match inside
// almost any article by accident.
const minProtected = 25

// forEachLD calls fn with every articleBody of the page's JSON-LD scripts.
func forEachLD(doc *html.Node, fn func(string)) {
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Script {
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
				var v any
				if json.Unmarshal([]byte(n.FirstChild.Data), &v) == nil {
					var bodies []string
					collectBodies(v, &bodies, 0)
					for _, b := range bodies {
						fn(b)
					}
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

func collectBodies(v any, out *[]string, depth int) {
	if depth > 20 {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if s, ok := val.(string); ok && k == "articleBody" {
				*out = append(*out, s)
				continue
			}
			collectBodies(val, out, depth+1)
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
