package admin

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"time"
)

// pageRefresh is how often the HTML page reloads itself, in seconds.
const pageRefresh = 15

var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{
	"when": func(t time.Time) string {
		if t.IsZero() {
			return "–"
		}
		return t.UTC().Format("2006-01-02 15:04:05Z")
	},
	"dur": func(d time.Duration) string { return d.Round(time.Millisecond).String() },
	"mib": func(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) },
}).Parse(pageHTML))

// page serves the human status page; it has no external assets so it works
// on an air-gapped machine.
func (h *handler) page(w http.ResponseWriter, r *http.Request) {
	st, ok := h.snapshot(w, r)
	if !ok {
		return
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, struct {
		Status
		Refresh int
	}{st, pageRefresh}); err != nil {
		h.log.Error("admin page", "error", err)
		http.Error(w, "render status page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	_, _ = buf.WriteTo(w)
}
