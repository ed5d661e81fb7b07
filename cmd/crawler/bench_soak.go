package main

import (
	"context"
	"errors"
)

// benchSoak measures the soak section of `crawler bench`.
func benchSoak(ctx context.Context, cfg benchConfig) ([]benchTable, error) {
	return nil, errors.New("soak section not built yet")
}
