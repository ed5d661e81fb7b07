package demosite

import (
	"fmt"
	"net/http"
	"net/http/httptest"
)

// RenderedPage is one page of an outlet rendered without a listener.
type RenderedPage struct {
	Outlet      string // the outlet's name
	Path        string
	Body        []byte
	ContentType string
}

// RenderPages renders every outlet's front page and articles in-process,
// as served from http://127.0.0.1: a fixed corpus of realistic pages for
// benchmarks that need no network.
func RenderPages() ([]RenderedPage, error) {
	var pages []RenderedPage
	for i, o := range Outlets() {
		h := NewHandler(i)
		paths := append([]string(nil), o.Seeds...)
		for _, a := range o.Articles {
			paths = append(paths, a.Path)
		}
		for _, p := range paths {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://127.0.0.1"+p, nil))
			if rec.Code != http.StatusOK {
				return nil, fmt.Errorf("demo outlet %s %s: status %d", o.Name, p, rec.Code)
			}
			pages = append(pages, RenderedPage{Outlet: o.Name, Path: p, Body: rec.Body.Bytes(), ContentType: rec.Header().Get("Content-Type")})
		}
	}
	return pages, nil
}
