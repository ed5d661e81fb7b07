package main

import (
	"context"
	"errors"
)

// benchCrawl measures the crawl section of `crawler bench`.
func benchCrawl(ctx context.Context, cfg benchConfig) ([]benchTable, error) {
	return nil, errors.New("crawl section not built yet")
}
