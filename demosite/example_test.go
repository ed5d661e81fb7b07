package demosite_test

import (
	"fmt"

	"crawler/demosite"
)

func ExampleOutlets() {
	for _, o := range demosite.Outlets() {
		fmt.Printf("%s: %d articles, feeds %q, sitemaps %q, %d disallowed\n",
			o.Name, len(o.Articles), o.Feeds, o.Sitemaps, len(o.Disallowed))
	}
	// Output:
	// Kestrel Bay Gazette: 22 articles, feeds ["/feed.xml"], sitemaps [], 0 disallowed
	// The Meridian Post: 22 articles, feeds [], sitemaps ["/sitemap.xml"], 0 disallowed
	// Fenwick Valley Courier: 22 articles, feeds [], sitemaps [], 3 disallowed
}
