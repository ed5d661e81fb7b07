package main

import (
	"context"
	"errors"
)

// benchFrontier measures the frontier section of `crawler bench`.
func benchFrontier(ctx context.Context, cfg benchConfig) ([]benchTable, error) {
	return nil, errors.New("frontier section not built yet")
}
