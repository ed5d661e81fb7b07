package clean

import (
	"bytes"
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// IsListing reports whether a cleaned page is an index of other stories (a
// front, section, tag or archive page) rather than one article, so that a
// crawler follows its links without storing it as a document.
//
// A page that declares itself an article (og:type "article" or a JSON-LD
// Article type) is never a listing. Otherwise a page is one when its body
// is made of teasers, either cut off with an ellipsis (three or more
// blocks, at least a third of them) or found in the markup as headline
// links to other pages of the same site, each with at most a short
// standfirst (see teaserList); and so is a page that declares itself a
// collection (JSON-LD CollectionPage, ItemList or SearchResultsPage) and
// gives no publication date. og:type "website" and JSON-LD WebPage count
// for nothing: many sites put them on every page, stories included.
func IsListing(page []byte, res Result) bool {
	declared := declaredType(page)
	switch {
	case declared == typeArticle:
		return false
	case teaserShaped(res.Paragraphs):
		return true
	case declared == typeCollection && res.Published.IsZero():
		return true
	default:
		return teaserList(page, res.Paragraphs)
	}
}

type pageType int

// Page types in rising strength: a page declaring several is taken as the
// strongest, so an article inside a site-wide WebPage graph is an article.
const (
	typeUnknown pageType = iota
	// typeWebsite is a generic page or site type: it says nothing either way.
	typeWebsite
	typeCollection
	typeArticle
)

// articleTypes are the schema.org and Open Graph types of a single story.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "reviewnewsarticle": true,
	"backgroundnewsarticle": true, "liveblogposting": true, "scholarlyarticle": true,
	"techarticle": true, "report": true, "posting": true, "socialmediaposting": true,
}

// collectionTypes are the types of pages that list other pages.
var collectionTypes = map[string]bool{
	"collectionpage": true, "itemlist": true, "searchresultspage": true,
}

// websiteTypes are generic types that CMSs put on stories and indexes
// alike (og:type "website" is the Open Graph default).
var websiteTypes = map[string]bool{
	"website": true, "webpage": true, "blog": true,
}

// declaredType reads og:type and the top-level JSON-LD @type from the page
// head; it stops at <body> so it stays cheap on large pages.
func declaredType(page []byte) pageType {
	z := html.NewTokenizer(bytes.NewReader(page))
	found := typeUnknown
	for {
		switch z.Next() {
		case html.ErrorToken:
			return found
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			switch t.DataAtom {
			case atom.Body:
				return found
			case atom.Meta:
				found = stronger(found, metaType(t))
			case atom.Script:
				if strings.Contains(strings.ToLower(tokenAttr(t, "type")), "ld+json") && z.Next() == html.TextToken {
					found = stronger(found, jsonLDType(z.Text()))
				}
			}
		}
	}
}

// stronger prefers an article declaration over any other, and any
// declaration over a generic one.
func stronger(a, b pageType) pageType {
	return max(a, b)
}

func metaType(t html.Token) pageType {
	if !strings.EqualFold(tokenAttr(t, "property"), "og:type") {
		return typeUnknown
	}
	return classify(tokenAttr(t, "content"))
}

func classify(name string) pageType {
	name = strings.ToLower(strings.TrimSpace(name))
	name = name[strings.LastIndexAny(name, "/:")+1:] // "http://schema.org/NewsArticle"
	switch {
	case articleTypes[name]:
		return typeArticle
	case collectionTypes[name]:
		return typeCollection
	case websiteTypes[name]:
		return typeWebsite
	}
	return typeUnknown
}

// jsonLDType classifies the top-level objects of a JSON-LD script (also
// those in an @graph), not the items a listing may embed.
func jsonLDType(text []byte) pageType {
	var v any
	if json.Unmarshal(text, &v) != nil {
		return typeUnknown
	}
	var objs []any
	switch x := v.(type) {
	case []any:
		objs = x
	case map[string]any:
		objs = []any{x}
		if g, ok := x["@graph"].([]any); ok {
			objs = append(objs, g...)
		}
	}
	found := typeUnknown
	for _, o := range objs {
		m, ok := o.(map[string]any)
		if !ok {
			continue
		}
		switch t := m["@type"].(type) {
		case string:
			found = stronger(found, classify(t))
		case []any:
			for _, s := range t {
				if s, ok := s.(string); ok {
					found = stronger(found, classify(s))
				}
			}
		}
	}
	return found
}

func tokenAttr(t html.Token, name string) string {
	for _, a := range t.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// teaserShaped reports whether most of a body's weight is teasers: blocks
// cut off with an ellipsis, as section and archive pages show them.
func teaserShaped(paragraphs []string) bool {
	cut := 0
	for _, p := range paragraphs {
		p = strings.TrimSpace(p)
		if strings.HasSuffix(p, "…") || strings.HasSuffix(p, "...") || strings.Contains(p, "… ") {
			cut++
		}
	}
	return cut >= 3 && cut*3 >= len(paragraphs)
}
