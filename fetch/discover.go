package fetch

import (
	"bytes"
	"encoding/xml"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageLinks is what one HTML page points to.
type pageLinks struct {
	links     []string // absolute <a href> targets
	feeds     []string // <link rel=alternate> feeds
	canonical string   // <link rel=canonical>, else og:url
}

// scanLinks walks the token stream (not a tree, so malformed HTML costs
// nothing extra) and resolves every reference against base. Only the four
// tags that carry links have their attributes read; every other tag is
// skipped by name without building a token.
func scanLinks(body []byte, base *url.URL) pageLinks {
	var out pageLinks
	var ogURL string
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, more := z.TagName()
		tag := atom.Lookup(name)
		if tag != atom.A && tag != atom.Link && tag != atom.Meta && tag != atom.Base {
			continue
		}
		a := readLinkAttrs(z, more)
		switch tag {
		case atom.Base:
			if b, err := base.Parse(a.href); err == nil && a.href != "" {
				base = b
			}
		case atom.A:
			if href := resolve(base, a.href); href != "" && !strings.Contains(a.rel, "nofollow") {
				out.links = append(out.links, href)
			}
		case atom.Link:
			rel := strings.ToLower(a.rel)
			switch {
			case hasToken(rel, "canonical"):
				out.canonical = resolve(base, a.href)
			case hasToken(rel, "alternate") && isFeedType(a.typ):
				if f := resolve(base, a.href); f != "" {
					out.feeds = append(out.feeds, f)
				}
			}
		case atom.Meta:
			if strings.EqualFold(a.property, "og:url") {
				ogURL = resolve(base, a.content)
			}
		}
	}
	if out.canonical == "" {
		out.canonical = ogURL
	}
	return out
}

// linkAttrs are the attributes scanLinks reads, trimmed; when one is
// repeated the last wins.
type linkAttrs struct {
	href, rel, typ, property, content string
}

// readLinkAttrs reads the current tag's attributes. The tokenizer has
// already lower-cased the keys and unescaped the values.
func readLinkAttrs(z *html.Tokenizer, more bool) linkAttrs {
	var a linkAttrs
	for more {
		var key, val []byte
		key, val, more = z.TagAttr()
		var dst *string
		switch string(key) {
		case "href":
			dst = &a.href
		case "rel":
			dst = &a.rel
		case "type":
			dst = &a.typ
		case "property":
			dst = &a.property
		case "content":
			dst = &a.content
		default:
			continue
		}
		*dst = string(bytes.TrimSpace(val))
	}
	return a
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if f == tok {
			return true
		}
	}
	return false
}

func isFeedType(t string) bool {
	t = strings.ToLower(t)
	return strings.Contains(t, "rss") || strings.Contains(t, "atom") || strings.Contains(t, "feed+json")
}

func resolve(base *url.URL, ref string) string {
	if ref == "" || strings.HasPrefix(ref, "#") {
		return ""
	}
	u, err := base.Parse(ref)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}

// listed is a URL a feed or sitemap gave, with its date if any.
type listed struct {
	url       string
	published time.Time
	sitemap   bool // a child sitemap of a sitemap index
}

// parseFeed reads RSS, Atom or JSON Feed items.
func parseFeed(body []byte, base *url.URL) ([]listed, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	out := make([]listed, 0, len(f.Items))
	for _, it := range f.Items {
		l := listed{url: resolve(base, it.Link)}
		if it.PublishedParsed != nil {
			l.published = *it.PublishedParsed
		} else if it.UpdatedParsed != nil {
			l.published = *it.UpdatedParsed
		}
		if l.url != "" {
			out = append(out, l)
		}
	}
	return out, nil
}

// parseSitemap reads a urlset (with lastmod and Google News
// publication_date) or a sitemap index. The body is already decompressed.
func parseSitemap(body []byte, base *url.URL) ([]listed, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = false
	var out []listed
	var cur *listed
	var field string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "url":
				cur = &listed{}
			case "sitemap":
				cur = &listed{sitemap: true}
			default:
				field = t.Name.Local
			}
		case xml.CharData:
			if cur != nil {
				setSitemapField(cur, field, strings.TrimSpace(string(t)), base)
			}
		case xml.EndElement:
			field = ""
			if (t.Name.Local == "url" || t.Name.Local == "sitemap") && cur != nil {
				if cur.url != "" {
					out = append(out, *cur)
				}
				cur = nil
			}
		}
	}
}

func setSitemapField(l *listed, field, v string, base *url.URL) {
	if v == "" {
		return
	}
	switch field {
	case "loc":
		l.url = resolve(base, v)
	case "publication_date":
		if t, ok := parseDate(v); ok {
			l.published = t
		}
	case "lastmod":
		if t, ok := parseDate(v); ok && l.published.IsZero() {
			l.published = t
		}
	}
}

func parseDate(v string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04Z07:00", "2006-01-02"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
