package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Overlays (login and sign-up modals, cookie and consent banners)
// sit in the page's HTML even when hidden, and readability
// sometimes takes one for the article. They are pruned before it runs.

// overlayWords are the class/id words that name an overlay;
// overlayFragments are also found inside run-together names ("cookiebar").
// "login" is not a fragment: "bloginfo" holds articles.
var (
	overlayWords     = wordSet("modal cookie cookies consent login signin popup gdpr dialog")
	overlayFragments = []string{"cookie", "consent", "modal"}
)

// overlayStates are class words that, beside an overlay word, describe
// something else: a page state or the control that opens the overlay.
var overlayStates = wordSet("enabled open opened active trigger toggle link btn button opener")

// maxOverlayShare: an "overlay" holding this share of the page's text is
// the page itself (a body class like "modal-open" or a login page).
const maxOverlayShare = 0.7

// isOverlay reports elements that are modal dialogs or banners by their
// role, tag or class/id.
func isOverlay(n *html.Node) bool {
	if n.DataAtom == atom.Dialog {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "role":
			if a.Val == "dialog" || a.Val == "alertdialog" {
				return true
			}
		case "aria-modal":
			if a.Val == "true" {
				return true
			}
		case "class", "id":
			if !overlayHinted(a.Val) {
				continue // no token can hold a hint; skip the split
			}
			for _, t := range strings.Fields(a.Val) {
				if overlayToken(t) {
					return true
				}
			}
		}
	}
	return false
}

// pruneOverlays detaches the outermost overlays of the raw page, each only
// if it holds little of the page's text and none of its JSON-LD body.
func pruneOverlays(page *rawPage, ldBody string, p *pruneResult) {
	total := 0
	for i := range page.blocks {
		total += len(page.blocks[i].text)
	}
	var cuts []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipAtoms[c.DataAtom] {
				continue
			}
			if isOverlay(c) {
				if size, safe := containerText(c, ldBody); safe && float64(size) <= maxOverlayShare*float64(total) {
					cuts = append(cuts, c)
					continue
				}
			}
			walk(c)
		}
	}
	walk(page.body)
	for _, c := range cuts {
		p.record(c, FilterOverlay)
		c.Parent.RemoveChild(c)
	}
}

// inOverlay reports whether n sits inside an overlay.
func inOverlay(n *html.Node) bool {
	for p := n; p != nil && p.DataAtom != atom.Body; p = p.Parent {
		if p.Type == html.ElementNode && isOverlay(p) {
			return true
		}
	}
	return false
}

// overlayHints are substrings every overlay token holds; most tokens hold
// none and are rejected without splitting.
var overlayHints = []string{"modal", "cookie", "consent", "login", "signin", "popup", "gdpr", "dialog"}

// overlayHinted reports whether s, lower-cased, holds an overlay hint.
// Hints hold no spaces, so a class attribute without one has no token
// with one.
func overlayHinted(s string) bool {
	ls := strings.ToLower(s)
	for _, h := range overlayHints {
		if strings.Contains(ls, h) {
			return true
		}
	}
	return false
}

func overlayToken(t string) bool {
	if !overlayHinted(t) {
		return false
	}
	lt := strings.ToLower(t)
	parts := chromeWords(t)
	for _, w := range parts {
		// "modal-enabled", "modal-open", "modal-trigger" name a state of
		// the page or a button that opens an overlay, not the overlay.
		if overlayStates[w] {
			return false
		}
	}
	for _, w := range parts {
		if overlayWords[w] {
			return true
		}
	}
	for _, f := range overlayFragments {
		if strings.Contains(lt, f) {
			return true
		}
	}
	return false
}
