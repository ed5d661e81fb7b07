package admin

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"
)

// Options wire a Handler to the daemon. Status is required; every other nil
// field disables what it feeds.
type Options struct {
	// Status assembles GET /status and the HTML page.
	Status StatusSource
	// Ready backs GET /readyz; nil means always ready.
	Ready Pinger
	// Jobs backs POST /jobs/{name}/run; nil answers 404.
	Jobs JobRunner
	// Rules backs POST /rules/{id}/pin|disable; nil answers 404.
	Rules RuleEditor
	// Metrics backs GET /metrics; nil answers 404.
	Metrics *Metrics
	// Token is the bearer token POST routes need; empty refuses them all.
	Token string
	// ListenHost is the host part of the listen address, accepted in Host
	// headers besides localhost, 127.0.0.1 and [::1].
	ListenHost string
	// Logger receives one line per failed request; nil discards.
	Logger *slog.Logger
}

// Timeouts bound a request's parts; the daemon's http.Server uses them.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 10 * time.Second
	WriteTimeout      = 30 * time.Second
	IdleTimeout       = 60 * time.Second
	// requestTimeout bounds the storage work behind one request.
	requestTimeout = 10 * time.Second
)

type handler struct {
	opts Options
	log  *slog.Logger
}

// Handler returns the admin endpoint. See the package doc for routes.
func Handler(opts Options) http.Handler {
	h := &handler{opts: opts, log: opts.Logger}
	if h.log == nil {
		h.log = slog.New(slog.DiscardHandler)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", h.page)
	mux.HandleFunc("GET /status", h.status)
	mux.HandleFunc("GET /healthz", h.healthz)
	mux.HandleFunc("GET /readyz", h.readyz)
	if opts.Metrics != nil {
		mux.HandleFunc("GET /metrics", h.metrics)
	}
	mux.HandleFunc("POST /jobs/{name}/run", h.auth(h.runJob))
	mux.HandleFunc("POST /rules/{id}/{action}", h.auth(h.setRule))
	return h.checkHost(mux)
}

// CheckListen refuses a listen address other machines can reach when no
// token protects it.
func CheckListen(listen, token string) error {
	host, _, err := net.SplitHostPort(listen)
	if err != nil {
		return fmt.Errorf("admin listen %q: %w", listen, err)
	}
	if token != "" || host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("admin listen %q: %w", listen, ErrTokenRequired)
}

// checkHost accepts only Host headers naming this endpoint, so a web page
// whose DNS name is rebound to 127.0.0.1 cannot read or drive it.
func (h *handler) checkHost(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if hp, _, err := net.SplitHostPort(host); err == nil {
			host = hp
		}
		host = strings.TrimSuffix(strings.TrimPrefix(strings.ToLower(host), "["), "]")
		switch {
		case host == "localhost", host == "127.0.0.1", host == "::1":
		case host != "" && host == strings.ToLower(h.opts.ListenHost):
		default:
			http.Error(w, "unexpected Host header", http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (h *handler) auth(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		want := h.opts.Token
		if !ok || want == "" || subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="crawler"`)
			http.Error(w, "missing or wrong bearer token", http.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}

func (h *handler) status(w http.ResponseWriter, r *http.Request) {
	st, ok := h.snapshot(w, r)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func (h *handler) snapshot(w http.ResponseWriter, r *http.Request) (Status, bool) {
	ctx, cancel := context.WithTimeout(r.Context(), requestTimeout)
	defer cancel()
	st, err := h.opts.Status.Status(ctx)
	if err != nil {
		h.log.Error("admin status", "error", err)
		http.Error(w, "status unavailable: "+err.Error(), http.StatusInternalServerError)
		return Status{}, false
	}
	return st, true
}

func (h *handler) healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "alive"})
}

func (h *handler) readyz(w http.ResponseWriter, r *http.Request) {
	if h.opts.Ready != nil {
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		if err := h.opts.Ready.Ping(ctx); err != nil {
			h.log.Warn("admin readiness", "error", err)
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "not ready", "error": err.Error()})
			return
		}
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

func (h *handler) runJob(w http.ResponseWriter, r *http.Request) {
	if h.opts.Jobs == nil {
		http.NotFound(w, r)
		return
	}
	name := r.PathValue("name")
	if err := h.opts.Jobs.RunJob(r.Context(), name); err != nil {
		h.fail(w, "run job "+name, err)
		return
	}
	writeJSON(w, http.StatusAccepted, map[string]string{"job": name, "status": "started"})
}

func (h *handler) setRule(w http.ResponseWriter, r *http.Request) {
	statuses := map[string]string{"pin": "pinned", "disable": "disabled"}
	status, ok := statuses[r.PathValue("action")]
	if h.opts.Rules == nil || !ok {
		http.NotFound(w, r)
		return
	}
	id := r.PathValue("id")
	ctx, cancel := context.WithTimeout(r.Context(), requestTimeout)
	defer cancel()
	if err := h.opts.Rules.SetRuleStatus(ctx, id, status); err != nil {
		h.fail(w, "set rule "+id, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"rule": id, "status": status})
}

// fail answers an error from a JobRunner or RuleEditor.
func (h *handler) fail(w http.ResponseWriter, what string, err error) {
	code := http.StatusInternalServerError
	switch {
	case errors.Is(err, ErrNotFound):
		code = http.StatusNotFound
	case errors.Is(err, ErrConflict):
		code = http.StatusConflict
	case errors.Is(err, ErrUnavailable):
		code = http.StatusServiceUnavailable
	default:
		h.log.Error("admin "+what, "error", err)
	}
	writeJSON(w, code, map[string]string{"error": err.Error()})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v) // the client went away; nothing to do
}
