package fetch

import (
	"context"
	"time"

	"crawler"
)

// enqueueSitemaps adds the Sitemap: lines of a host's robots.txt to the
// frontier; they are polled like the job's own sitemaps.
func (r *run) enqueueSitemaps(ctx context.Context, host string, sitemaps []string) {
	var entries []crawler.URLEntry
	for _, s := range sitemaps {
		out := crawler.Outcome{}
		r.discover(&out, s, crawler.SourceSitemap, 0, time.Time{})
		entries = append(entries, out.Discovered...)
	}
	if len(entries) == 0 {
		return
	}
	if _, err := r.c.store.Enqueue(ctx, entries); err != nil {
		r.log.Warn("robots sitemaps not queued", "host", host, "error", err)
		return
	}
	for _, e := range entries {
		if err := r.queue(ctx, e); err != nil {
			r.log.Warn("queue failed", "url", e.URL, "error", err)
		}
	}
}
