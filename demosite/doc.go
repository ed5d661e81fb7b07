// Package demosite serves three small, invented news outlets on loopback,
// so that the crawler can be demonstrated and tested end to end without the
// internet.
//
// Each outlet looks like a different kind of publisher and carries the
// chrome real news pages carry: navigation menus, share bars, comment forms,
// VIP and newsletter promos, trending and related-story lists, photo
// credits, the headline repeated above the story and copyright footers.
//
//   - Kestrel Bay Gazette (outlet 0): a WordPress-style blog with a
//     "Leave a Reply" comment form, Jetpack-like share and related-post
//     blocks, category and paginated listings; discovered through its RSS 2.0
//     feed at /feed.xml, linked from every page with <link rel=alternate>.
//   - The Meridian Post (outlet 1): a modern site with class-hashed divs,
//     inline ads, a "Join the conversation as a VIP Member" promo and a
//     "Trending on The Meridian Post Video" list; JSON-LD NewsArticle
//     metadata; discovered through /sitemap.xml, named in robots.txt.
//   - Fenwick Valley Courier (outlet 2): an old-school table layout with no
//     feed and no sitemap; its front page and archive pages link every story.
//     Its robots.txt disallows /members/, whose pages the front page links:
//     a polite crawler never fetches them (Outlet.Disallowed).
//
// # Gold text
//
// Every outlet publishes 22 articles (Outlet.Articles). Their paragraphs are
// composed deterministically from handwritten sentence templates with a
// fixed seed, so the same build always serves the same text and the gold is
// exactly what a perfect cleaner keeps: each paragraph is one <p> element,
// and nothing in Outlet.Chrome occurs in any paragraph. No two articles
// share more than a small fraction of their five-word shingles, so
// near-duplicate detection keeps them all.
//
// # Use
//
// Start serves the three outlets, each on its own port of one host so that
// a crawler's per-host delay does not serialise them; Close stops them.
// NewHandler serves one outlet without a listener (for httptest), and
// Outlets returns the gold without serving anything. Links are absolute
// URLs built from the request's Host header (canonical, og:url, feed and
// sitemap entries, and the listings of outlets 0 and 1) or root-relative
// (outlet 2), so the handlers work at any address.
package demosite
