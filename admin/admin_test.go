package admin

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"crawler"
)

type fakeStatus struct{ st Status }

func (f fakeStatus) Status(context.Context) (Status, error) { return f.st, nil }

type fakePinger struct{ err error }

func (f fakePinger) Ping(context.Context) error { return f.err }

type fakeJobs struct{ started []string }

func (f *fakeJobs) RunJob(_ context.Context, name string) error {
	switch name {
	case "busy":
		return fmt.Errorf("job %q: %w", name, ErrConflict)
	case "news":
		f.started = append(f.started, name)
		return nil
	}
	return fmt.Errorf("job %q: %w", name, ErrNotFound)
}

type fakeRules struct{ set map[string]string }

func (f *fakeRules) SetRuleStatus(_ context.Context, id, status string) error {
	if id != "r-1" {
		return fmt.Errorf("rule %q: %w", id, ErrNotFound)
	}
	f.set[id] = status
	return nil
}

func sampleStatus() Status {
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	return Status{
		Version: "v1.2.3", Started: t0, Uptime: "1h0m0s", Activity: "idle",
		Jobs: []Job{{Name: "news", Schedule: "@every 1h", Next: t0.Add(time.Hour), Runs: 1,
			Last: &crawler.RunReport{Job: "news", Start: t0, Fetched: 12, Stored: 9, RobotsBlocked: 2}}},
		Hosts:     []Host{{Host: "http://a.example", Pending: 7, Errors: 1, LastError: "timeout <b>"}},
		Documents: 9, DatabaseBytes: 3 << 20, QueueDepth: 7,
		Rules: []SiteRules{{Site: "a.example", Version: 2, Active: 5, Candidate: 1}},
	}
}

type env struct {
	h     http.Handler
	jobs  *fakeJobs
	rules *fakeRules
}

func newEnv(ready error) env {
	e := env{jobs: &fakeJobs{}, rules: &fakeRules{set: map[string]string{}}}
	e.h = Handler(Options{
		Status: fakeStatus{sampleStatus()}, Ready: fakePinger{ready}, Jobs: e.jobs, Rules: e.rules,
		Metrics: NewMetrics(), Token: "s3cret", ListenHost: "crawler.internal",
	})
	return e
}

func do(h http.Handler, method, target, host, token string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	r.Host = host
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestHostHeaderCheck(t *testing.T) {
	t.Parallel()
	e := newEnv(nil)
	tests := []struct {
		host string
		want int
	}{
		{"127.0.0.1:8377", http.StatusOK},
		{"localhost", http.StatusOK},
		{"[::1]:8377", http.StatusOK},
		{"crawler.internal:8377", http.StatusOK},
		{"CRAWLER.internal", http.StatusOK},
		{"evil.example:8377", http.StatusMisdirectedRequest},
		{"127.0.0.1.evil.example", http.StatusMisdirectedRequest},
		{"", http.StatusMisdirectedRequest},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			if got := do(e.h, "GET", "/healthz", tt.host, "").Code; got != tt.want {
				t.Errorf("Host %q: status %d, want %d", tt.host, got, tt.want)
			}
		})
	}
}

func TestAuth(t *testing.T) {
	t.Parallel()
	e := newEnv(nil)
	tests := []struct {
		name, method, path, token string
		want                      int
	}{
		{"no token", "POST", "/jobs/news/run", "", http.StatusUnauthorized},
		{"wrong token", "POST", "/jobs/news/run", "s3cres", http.StatusUnauthorized},
		{"longer token", "POST", "/jobs/news/run", "s3cret!", http.StatusUnauthorized},
		{"run", "POST", "/jobs/news/run", "s3cret", http.StatusAccepted},
		{"unknown job", "POST", "/jobs/nope/run", "s3cret", http.StatusNotFound},
		{"busy job", "POST", "/jobs/busy/run", "s3cret", http.StatusConflict},
		{"GET not allowed", "GET", "/jobs/news/run", "s3cret", http.StatusMethodNotAllowed},
		{"pin", "POST", "/rules/r-1/pin", "s3cret", http.StatusOK},
		{"pin without token", "POST", "/rules/r-1/pin", "", http.StatusUnauthorized},
		{"unknown rule", "POST", "/rules/r-9/disable", "s3cret", http.StatusNotFound},
		{"unknown action", "POST", "/rules/r-1/explode", "s3cret", http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := do(e.h, tt.method, tt.path, "127.0.0.1", tt.token).Code; got != tt.want {
				t.Errorf("%s %s: status %d, want %d", tt.method, tt.path, got, tt.want)
			}
		})
	}
	if len(e.jobs.started) != 1 || e.rules.set["r-1"] != "pinned" {
		t.Errorf("started %v, rules %v", e.jobs.started, e.rules.set)
	}
}

func TestEmptyTokenRefusesWrites(t *testing.T) {
	t.Parallel()
	jobs := &fakeJobs{}
	h := Handler(Options{Status: fakeStatus{}, Jobs: jobs})
	if got := do(h, "POST", "/jobs/news/run", "localhost", "").Code; got != http.StatusUnauthorized {
		t.Errorf("status %d, want 401", got)
	}
	if len(jobs.started) != 0 {
		t.Error("job started without a configured token")
	}
}

func TestStatusJSON(t *testing.T) {
	t.Parallel()
	w := do(newEnv(nil).h, "GET", "/status", "localhost", "")
	if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "application/json" {
		t.Fatalf("status %d, type %q", w.Code, w.Header().Get("Content-Type"))
	}
	var got Status
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != "v1.2.3" || got.Jobs[0].Last.Stored != 9 || got.Hosts[0].Pending != 7 || got.DatabaseBytes != 3<<20 {
		t.Errorf("decoded status = %+v", got)
	}
}

func TestPage(t *testing.T) {
	t.Parallel()
	w := do(newEnv(nil).h, "GET", "/", "localhost", "")
	body := w.Body.String()
	for _, want := range []string{`http-equiv="refresh"`, "<td>news</td>", "http://a.example", "timeout &lt;b&gt;", "3.0 MiB", "a.example"} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(body, "<b>") || strings.Contains(body, "src=") || strings.Contains(body, "stylesheet") {
		t.Error("page has unescaped text or external assets")
	}
	if got := do(newEnv(nil).h, "GET", "/nope", "localhost", "").Code; got != http.StatusNotFound {
		t.Errorf("GET /nope = %d, want 404", got)
	}
}

func TestReadyz(t *testing.T) {
	t.Parallel()
	if got := do(newEnv(nil).h, "GET", "/readyz", "localhost", "").Code; got != http.StatusOK {
		t.Errorf("ready storage: %d", got)
	}
	w := do(newEnv(errors.New("database closed")).h, "GET", "/readyz", "localhost", "")
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), "database closed") {
		t.Errorf("failing storage: %d %s", w.Code, w.Body)
	}
	if got := do(newEnv(errors.New("x")).h, "GET", "/healthz", "localhost", "").Code; got != http.StatusOK {
		t.Errorf("healthz with failing storage = %d, want 200 (alive)", got)
	}
}

func TestMetricsExposition(t *testing.T) {
	t.Parallel()
	m := NewMetrics()
	h := Handler(Options{Status: fakeStatus{sampleStatus()}, Metrics: m})
	m.Fetched("a", 200, 1000, 50*time.Millisecond)
	m.Fetched("a", 200, 500, 20*time.Millisecond)
	m.Fetched("a", 404, 10, time.Millisecond)
	m.Cleaned(time.Millisecond, 4)
	m.Stored("a")
	m.NotModified("a")
	m.RobotsBlocked("a")
	m.FetchError("a", "timeout")
	m.JobRun(crawler.RunReport{Job: "news"})
	m.JobRun(crawler.RunReport{Job: "news", Skipped: true})
	body := do(h, "GET", "/metrics", "localhost", "").Body.String()
	for _, want := range []string{
		`crawler_pages_fetched_total{class="2xx"} 2`,
		`crawler_pages_fetched_total{class="4xx"} 1`,
		`crawler_fetched_bytes_total 1510`,
		`crawler_fetch_duration_seconds_count 3`,
		`crawler_clean_duration_seconds_count 1`,
		`crawler_blocks_removed_total 4`,
		`crawler_documents_stored_total 1`,
		`crawler_not_modified_total 1`,
		`crawler_robots_blocked_total 1`,
		`crawler_fetch_errors_total{kind="timeout"} 1`,
		`crawler_job_runs_total{job="news",result="skipped"} 1`,
		`crawler_queue_depth{host="http://a.example"} 7`,
		`crawler_documents 9`,
		`crawler_rules{site="a.example",status="active"} 5`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

func TestCheckListen(t *testing.T) {
	t.Parallel()
	tests := []struct {
		listen, token string
		ok            bool
	}{
		{"127.0.0.1:8377", "", true},
		{"localhost:0", "", true},
		{"[::1]:8377", "", true},
		{"0.0.0.0:8377", "", false},
		{":8377", "", false},
		{"10.0.0.5:8377", "", false},
		{"0.0.0.0:8377", "t", true},
		{"nonsense", "t", false},
	}
	for _, tt := range tests {
		err := CheckListen(tt.listen, tt.token)
		if (err == nil) != tt.ok {
			t.Errorf("CheckListen(%q, %q) = %v, want ok=%v", tt.listen, tt.token, err, tt.ok)
		}
		if !tt.ok && tt.token == "" && !errors.Is(err, ErrTokenRequired) {
			t.Errorf("CheckListen(%q) = %v, want ErrTokenRequired", tt.listen, err)
		}
	}
}
