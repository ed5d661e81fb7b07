package admin

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"crawler"
)

// Metrics holds the crawler's Prometheus metrics in a private registry (no
// global default registry, so tests and several instances do not collide).
// Its methods match fetch.Observer and are safe for concurrent use.
type Metrics struct {
	reg           *prometheus.Registry
	fetched       *prometheus.CounterVec
	bytes         prometheus.Counter
	fetchSeconds  prometheus.Histogram
	cleanSeconds  prometheus.Histogram
	removed       prometheus.Counter
	stored        prometheus.Counter
	duplicates    prometheus.Counter
	notModified   prometheus.Counter
	robotsBlocked prometheus.Counter
	errors        *prometheus.CounterVec
	jobRuns       *prometheus.CounterVec
	queueDepth    *prometheus.GaugeVec
	documents     prometheus.Gauge
	dbBytes       prometheus.Gauge
	rules         *prometheus.GaugeVec
}

// NewMetrics registers every metric, plus the Go runtime and process
// collectors, in a new registry.
func NewMetrics() *Metrics {
	m := &Metrics{
		reg:           prometheus.NewRegistry(),
		fetched:       counterVec("pages_fetched_total", "HTTP responses received, by status class (2xx, 3xx, 4xx, 5xx).", "class"),
		bytes:         counter("fetched_bytes_total", "Response body bytes received."),
		fetchSeconds:  histogram("fetch_duration_seconds", "Time from request start to body read.", prometheus.ExponentialBuckets(0.01, 2.5, 10)),
		cleanSeconds:  histogram("clean_duration_seconds", "Time to extract the article from one page.", prometheus.ExponentialBuckets(0.0005, 2.5, 10)),
		removed:       counter("blocks_removed_total", "Blocks dropped by cleaning rules and generic filters."),
		stored:        counter("documents_stored_total", "New documents stored."),
		duplicates:    counter("duplicates_total", "Pages recorded as duplicates of a stored document."),
		notModified:   counter("not_modified_total", "304 Not Modified answers to conditional requests."),
		robotsBlocked: counter("robots_blocked_total", "URLs skipped because robots.txt forbids them."),
		errors:        counterVec("fetch_errors_total", "Failed requests, by kind.", "kind"),
		jobRuns:       counterVec("job_runs_total", "Finished job runs, by job and result (ok, error, skipped).", "job", "result"),
		queueDepth:    gaugeVec("queue_depth", "Pending URLs per host.", "host"),
		documents:     gauge("documents", "Documents in the database."),
		dbBytes:       gauge("database_bytes", "Size of the database file."),
		rules:         gaugeVec("rules", "Cleaning rules per site and status.", "site", "status"),
	}
	m.reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.fetched, m.bytes, m.fetchSeconds, m.cleanSeconds, m.removed, m.stored, m.duplicates,
		m.notModified, m.robotsBlocked, m.errors, m.jobRuns, m.queueDepth, m.documents, m.dbBytes, m.rules,
	)
	return m
}

const namespace = "crawler"

func counter(name, help string) prometheus.Counter {
	return prometheus.NewCounter(prometheus.CounterOpts{Namespace: namespace, Name: name, Help: help})
}

func counterVec(name, help string, labels ...string) *prometheus.CounterVec {
	return prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: namespace, Name: name, Help: help}, labels)
}

func gauge(name, help string) prometheus.Gauge {
	return prometheus.NewGauge(prometheus.GaugeOpts{Namespace: namespace, Name: name, Help: help})
}

func gaugeVec(name, help string, labels ...string) *prometheus.GaugeVec {
	return prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: namespace, Name: name, Help: help}, labels)
}

func histogram(name, help string, buckets []float64) prometheus.Histogram {
	return prometheus.NewHistogram(prometheus.HistogramOpts{Namespace: namespace, Name: name, Help: help, Buckets: buckets})
}

// Fetched counts one HTTP response.
func (m *Metrics) Fetched(_ string, status int, bytes int64, d time.Duration) {
	m.fetched.WithLabelValues(statusClass(status)).Inc()
	m.bytes.Add(float64(max(bytes, 0)))
	m.fetchSeconds.Observe(d.Seconds())
}

func statusClass(status int) string {
	if status < 100 || status > 599 {
		return "other"
	}
	return strconv.Itoa(status/100) + "xx"
}

// Cleaned records one extraction.
func (m *Metrics) Cleaned(d time.Duration, removed int) {
	m.cleanSeconds.Observe(d.Seconds())
	m.removed.Add(float64(max(removed, 0)))
}

// Stored counts a new document.
func (m *Metrics) Stored(string) { m.stored.Inc() }

// Duplicate counts a duplicate page.
func (m *Metrics) Duplicate(string) { m.duplicates.Inc() }

// NotModified counts a 304.
func (m *Metrics) NotModified(string) { m.notModified.Inc() }

// RobotsBlocked counts a URL robots.txt forbids.
func (m *Metrics) RobotsBlocked(string) { m.robotsBlocked.Inc() }

// FetchError counts a failed request by kind.
func (m *Metrics) FetchError(_ string, kind string) { m.errors.WithLabelValues(kind).Inc() }

// JobRun counts a finished or skipped job run.
func (m *Metrics) JobRun(r crawler.RunReport) {
	result := "ok"
	switch {
	case r.Skipped:
		result = "skipped"
	case r.Err != "":
		result = "error"
	}
	m.jobRuns.WithLabelValues(r.Job, result).Inc()
}

// observe sets the gauges from a status snapshot, so that /metrics shows the
// same numbers as /status at scrape time.
func (m *Metrics) observe(st Status) {
	m.queueDepth.Reset()
	for _, h := range st.Hosts {
		m.queueDepth.WithLabelValues(h.Host).Set(float64(h.Pending))
	}
	m.documents.Set(float64(st.Documents))
	m.dbBytes.Set(float64(st.DatabaseBytes))
	m.rules.Reset()
	for _, r := range st.Rules {
		m.rules.WithLabelValues(r.Site, "active").Set(float64(r.Active))
		m.rules.WithLabelValues(r.Site, "candidate").Set(float64(r.Candidate))
		m.rules.WithLabelValues(r.Site, "pinned").Set(float64(r.Pinned))
		m.rules.WithLabelValues(r.Site, "disabled").Set(float64(r.Disabled))
	}
}

func (h *handler) metrics(w http.ResponseWriter, r *http.Request) {
	if st, ok := h.snapshot(w, r); ok {
		h.opts.Metrics.observe(st)
	} else {
		return
	}
	promhttp.HandlerFor(h.opts.Metrics.reg, promhttp.HandlerOpts{}).ServeHTTP(w, r)
}
