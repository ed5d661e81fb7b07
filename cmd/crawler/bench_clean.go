package main

import (
	"context"
	"errors"
)

// benchClean measures the clean section of `crawler bench`.
func benchClean(ctx context.Context, cfg benchConfig) ([]benchTable, error) {
	return nil, errors.New("clean section not built yet")
}
