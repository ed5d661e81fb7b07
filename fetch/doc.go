// Package fetch crawls news sites politely and hands each article page to
// clean and then to storage.
//
// colly performs the HTTP requests (one Collector per Crawl run, so its
// in-memory state dies with the run); everything a good citizen needs
// beyond that is ours: per-host scheduling (one request at a time and a
// minimum gap between request starts, robots.txt fetches and redirect hops
// included), robots.txt per RFC 9309 with a bounded cache, Retry-After and
// exponential backoff, conditional GET, feed and sitemap discovery, URL
// canonicalisation, crawler-trap guards and content dedup.
//
// # Persistence
//
// The frontier lives in storage behind the Store interface. A URL is
// pending, leased while a worker fetches it, then done or failed. The page's
// document, its done mark, the links it revealed and its validators are
// written in one transaction, so killing the process can cause a re-fetch
// but never a lost or half-stored page.
package fetch
