package main

import (
	"context"
	"errors"
)

// benchStorage measures the storage section of `crawler bench`.
func benchStorage(ctx context.Context, cfg benchConfig) ([]benchTable, error) {
	return nil, errors.New("storage section not built yet")
}
