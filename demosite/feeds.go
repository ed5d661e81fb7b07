package demosite

import (
	"encoding/xml"
	"fmt"
	"time"
)

type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	DC      string     `xml:"xmlns:dc,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string    `xml:"title"`
	Link        string    `xml:"link"`
	Description string    `xml:"description"`
	Language    string    `xml:"language"`
	LastBuild   string    `xml:"lastBuildDate"`
	Items       []rssItem `xml:"item"`
}

type rssItem struct {
	Title       string  `xml:"title"`
	Link        string  `xml:"link"`
	GUID        rssGUID `xml:"guid"`
	PubDate     string  `xml:"pubDate"`
	Creator     string  `xml:"dc:creator"`
	Category    string  `xml:"category"`
	Description string  `xml:"description"`
}

type rssGUID struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// feed renders the RSS 2.0 feed of every article, newest first.
func (h *outletHandler) feed(base string) ([]byte, error) {
	ch := rssChannel{
		Title: h.st.name, Link: base + "/", Language: h.st.lang,
		Description: "Local news from " + h.st.name,
		LastBuild:   h.stories[0].published.Format(time.RFC1123Z),
	}
	for i, a := range h.gold.Articles {
		ch.Items = append(ch.Items, rssItem{
			Title: a.Title, Link: base + a.Path, GUID: rssGUID{IsPermaLink: true, Value: base + a.Path},
			PubDate: a.Published.Format(time.RFC1123Z), Creator: a.Byline,
			Category: capitalize(h.stories[i].topic.section), Description: excerpt(a.Paragraphs[0]),
		})
	}
	return marshalXML(rss{Version: "2.0", DC: "http://purl.org/dc/elements/1.1/", Channel: ch})
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
}

// sitemap lists the front page, the section pages and every article.
func (h *outletHandler) sitemap(base string) ([]byte, error) {
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	newest := h.stories[0].published.Format(time.RFC3339)
	set.URLs = append(set.URLs, sitemapURL{Loc: base + "/", LastMod: newest})
	for _, sec := range sections {
		if h.st.sectionPath != nil {
			set.URLs = append(set.URLs, sitemapURL{Loc: base + h.st.sectionPath(sec), LastMod: newest})
		}
	}
	for _, a := range h.gold.Articles {
		set.URLs = append(set.URLs, sitemapURL{Loc: base + a.Path, LastMod: a.Published.Format(time.RFC3339)})
	}
	return marshalXML(set)
}

func marshalXML(v any) ([]byte, error) {
	body, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("marshal xml: %w", err)
	}
	return append([]byte(xml.Header), append(body, '\n')...), nil
}
