package fetch_test

import (
	"crawler/fetch"
	"crawler/storage"
)

var _ fetch.Store = (*storage.DB)(nil)
