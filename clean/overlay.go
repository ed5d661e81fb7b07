package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Overlays (login and sign-up modals, cookie and consent banners,
// paywalls) sit in the page's HTML even when hidden, and readability
// sometimes takes one for the article. They are pruned before it runs.

// overlayWords are the class/id fragments that name an overlay.
var overlayWords = []string{"modal", "cookie", "consent", "login", "signin", "sign-in", "paywall", "popup", "lightbox", "gdpr"}

// maxOverlayShare: an "overlay" holding this share of the page's text is
// the page itself (a body class like "modal-open" or a login page).
const maxOverlayShare = 0.3

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
			v := strings.ToLower(a.Val)
			for _, w := range overlayWords {
				if strings.Contains(v, w) {
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
