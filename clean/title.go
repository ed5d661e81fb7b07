package clean

import (
	"strings"
)

// betterTitle strips site-name decoration ("Site | Section | Headline")
// from a document title when the page's own h1 is the headline inside it.
func betterTitle(title string, h1s []string) string {
	if seg := headlineSegment(title); seg != "" {
		return seg
	}
	tn := normText(title)
	for _, h := range h1s {
		hn := normText(h)
		if len(hn) >= 10 && len(hn) < len(tn) && strings.Contains(tn, hn) {
			return h
		}
	}
	return title
}

// siteTitle replaces a title the site puts on every page (its own name)
// by the page's h1, or by nothing.
func siteTitle(title string, h1s []string, rs *ruleSet) string {
	if _, ok := rs.titles[normText(title)]; !ok {
		return title
	}
	for _, h := range h1s {
		if _, ok := rs.titles[normText(h)]; !ok {
			return h
		}
	}
	return ""
}

// titleSeparators split "Site | Section | Headline" titles.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " » ", " · "}

// headlineSegment returns the headline part of a decorated title: the one
// segment of at least four words when every other is a short label.
func headlineSegment(title string) string {
	for _, sep := range titleSeparators {
		parts := strings.Split(title, sep)
		if len(parts) < 2 {
			continue
		}
		long := ""
		for _, p := range parts {
			words := len(strings.Fields(p))
			switch {
			case words >= 4 && long == "":
				long = strings.TrimSpace(p)
			case words > 3:
				return ""
			}
		}
		return long
	}
	return ""
}
