// Package fetch crawls news sites politely and hands each article page to
// clean and then to storage.
//
// colly performs the HTTP requests, through one Collector per Crawl run
// built with every setting assigned explicitly (colly re-reads COLLY_*
// environment variables and would otherwise ignore robots.txt, truncate
// bodies silently and keep a visited set forever). Everything a good
// citizen needs beyond that is ours.
//
// # Politeness
//
// Hosts are keyed by scheme, host and port (the robots.txt origin). A host
// gets one request at a time, and a request starts at least the larger of
// Options.Delay and the robots.txt Crawl-delay (capped by MaxCrawlDelay)
// after the previous one started and after it ended, so the server never
// sees two closer than that however long one took to reach it; robots.txt
// fetches and redirect hops are requests too. 429 and 503
// with Retry-After (seconds or an HTTP date) block the host until then;
// other errors back it off exponentially up to ten minutes. Host state
// (robots.txt, errors, blocks, next start) is saved in the store as it
// changes: a host's next allowed start is saved before each request
// (covering a robots.txt fetch too, with a little slack, so the request
// that follows needs no commit of its own; concurrent saves share
// commits), and errors and Retry-After or backoff blocks go with the
// page's outcome. A process killed mid-crawl therefore leaves its
// successor the delays it owed, at the cost of waiting up to a gap too long
// after the kill.
//
// robots.txt follows RFC 9309: cached for at most 24 hours, 4xx allows
// everything, 5xx or no answer disallows the host and is asked again after
// a short backoff (three times per run), the first 500 KiB are parsed,
// lines that do not parse are ignored and redirects, across origins too,
// are followed up to five hops.
//
// # Inputs
//
// Options.Timeout bounds a whole request, headers and body. The dialer
// refuses loopback and private networks unless AllowPrivate is set; the
// check runs on the dialled address, so redirects and DNS rebinding are
// covered. Bodies are decompressed by us and limited to MaxBody after
// decompression: a larger page fails with ErrBodyTooLarge and is never
// stored cut short. Non-HTML and binary bodies are refused; charsets are
// decoded by clean.DecodeHTML.
//
// # Discovery and scope
//
// Seeds are read for links and feed autodiscovery (with /feed, /rss.xml
// and /index.xml guessed once when a site has neither feed links nor
// robots.txt sitemaps); RSS, Atom and JSON Feed items and sitemap entries
// (indexes, .xml.gz, Google News publication dates) start at depth 0 and
// are fetched newest first, skipping those older than Job.MaxAge. Links
// must stay on Job.AllowedHosts (ports ignored), match Include/Exclude,
// stay within MaxDepth and look like neither a file download nor a crawler
// trap (calendars, deep pagination, session ids, long query permutations,
// repeating paths).
//
// # Frontier and dedup
//
// URLs are canonicalised (CanonicalURL) and kept in the store's frontier:
// pending, then done or failed. A run holds only a window of each host's
// next pending URLs in memory, read from the store's pending index in
// fetch order, so its memory grows with its hosts, not its frontier; a
// URL being fetched is marked in memory only and stays pending in the
// store until its outcome is written. A page's
// document, its done mark, the links it revealed and its validators are
// written in one transaction, so killing the process can cause a re-fetch
// but never a lost or half-stored page. A run that dies is resumed by the
// next Crawl of its job; a run that ended re-polls the job's seeds, feeds
// and sitemaps with If-None-Match / If-Modified-Since.
//
// # Refreshing articles
//
// Articles are fetched once, unless Job.RefreshWindow is set: then a run
// that starts afresh also puts the job's articles first stored within the
// window back in the queue (at most Job.MaxRefreshes, the most recently
// stored first) and asks for them with their stored validators. Refreshes
// are handed out only when no new URL of the run is queued or in flight,
// so they never take a turn or a page of MaxPages that a new article could
// have had. A 304 counts as NotModified and leaves the document alone;
// changed text replaces the document and raw page under the same canonical
// URL in one transaction, moving its content-hash index entry; unchanged
// text only marks the URL done. A refresh that fails keeps the document
// and leaves the URL done. The window runs from the first fetch, so an
// article is refreshed only while it is recent. Pages are stored
// under their rel=canonical (or og:url) when it stays in scope; exact
// copies (content hash) and near copies (SimHash within 3 bits on the same
// site) are recorded as aliases of the stored document.
package fetch
