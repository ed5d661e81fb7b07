package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// Config is the whole configuration file. Its zero value is not usable;
// start from DefaultConfig.
type Config struct {
	Storage StorageConfig `toml:"storage"`
	Admin   AdminConfig   `toml:"admin"`
	Log     LogConfig     `toml:"log"`
	Fetch   FetchConfig   `toml:"fetch"`
	Jobs    []JobConfig   `toml:"jobs"`
	Sites   []SiteConfig  `toml:"sites"`
}

// StorageConfig is the [storage] table.
type StorageConfig struct {
	Path        string   `toml:"path"`
	LockTimeout Duration `toml:"lock_timeout"`
}

// AdminConfig is the [admin] table.
type AdminConfig struct {
	Listen string `toml:"listen"`
	Token  string `toml:"token"`
}

// LogConfig is the [log] table.
type LogConfig struct {
	Level  string `toml:"level"`
	Format string `toml:"format"`
}

// FetchConfig is the [fetch] table.
type FetchConfig struct {
	UserAgent     string   `toml:"user_agent"`
	Delay         Duration `toml:"delay"`
	MaxCrawlDelay Duration `toml:"max_crawl_delay"`
	ParallelHosts int      `toml:"parallel_hosts"`
	Timeout       Duration `toml:"timeout"`
	MaxBody       int64    `toml:"max_body"`
	MaxRetries    int      `toml:"max_retries"`
	RespectRobots bool     `toml:"respect_robots"`
	AllowPrivate  bool     `toml:"allow_private"`
}

// JobConfig is one [[jobs]] entry.
type JobConfig struct {
	Name            string   `toml:"name"`
	Schedule        string   `toml:"schedule"`
	Jitter          Duration `toml:"jitter"`
	Seeds           []string `toml:"seeds"`
	Feeds           []string `toml:"feeds"`
	Sitemaps        []string `toml:"sitemaps"`
	AllowedHosts    []string `toml:"allowed_hosts"`
	Include         []string `toml:"include"`
	Exclude         []string `toml:"exclude"`
	MaxDepth        int      `toml:"max_depth"`
	MaxPages        int      `toml:"max_pages"`
	MaxPagesPerHost int      `toml:"max_pages_per_host"`
	MaxAge          Duration `toml:"max_age"`
	RefreshWindow   Duration `toml:"refresh_window"`
	MaxRefreshes    int      `toml:"max_refreshes"`
}

// SiteConfig is one [[sites]] entry: hand-written cleaning rules for a host,
// which win over learned ones.
type SiteConfig struct {
	Host       string   `toml:"host"`
	Remove     []string `toml:"remove"`
	DropText   []string `toml:"drop_text"`
	DropRegexp []string `toml:"drop_regexp"`
	KeepText   []string `toml:"keep_text"`
	KeepRegexp []string `toml:"keep_regexp"`
	Body       string   `toml:"body"`
}

// Defaults shared by DefaultConfig and the job defaults applied in Load.
const (
	defaultUserAgent = "crawler/1 (+https://example.org/crawler; news archive bot)"
	defaultListen    = "127.0.0.1:8377"
	defaultSchedule  = "@every 1h"
	defaultMaxDepth  = 2
	defaultMaxPages  = 1000
	// Articles stored within the last day are re-fetched with conditional
	// requests on each run, so corrections and updates reach the store.
	defaultRefreshWindow = 24 * time.Hour
	defaultMaxRefreshes  = 100
)

// DefaultConfig returns the configuration used for every key a file leaves out.
func DefaultConfig() Config {
	return Config{
		Storage: StorageConfig{Path: "crawler.db", LockTimeout: Dur(time.Second)},
		Admin:   AdminConfig{Listen: defaultListen},
		Log:     LogConfig{Level: "info", Format: "text"},
		Fetch: FetchConfig{
			UserAgent:     defaultUserAgent,
			Delay:         Dur(time.Second),
			MaxCrawlDelay: Dur(30 * time.Second),
			ParallelHosts: 8,
			Timeout:       Dur(30 * time.Second),
			MaxBody:       10 << 20,
			MaxRetries:    2,
			RespectRobots: true,
		},
	}
}

// defaultJob is the value each [[jobs]] entry is decoded onto.
func defaultJob() JobConfig {
	return JobConfig{
		Schedule: defaultSchedule, MaxDepth: defaultMaxDepth, MaxPages: defaultMaxPages,
		RefreshWindow: Dur(defaultRefreshWindow), MaxRefreshes: defaultMaxRefreshes,
	}
}

// LoadConfig reads, strictly decodes and validates the file at path. Every
// error names the file; decode errors also name the line and key.
func LoadConfig(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, fmt.Errorf("read config: %w", err)
	}
	cfg, err := ParseConfig(filepath.Base(path), data)
	if err != nil {
		return Config{}, err
	}
	if err := cfg.Validate(); err != nil {
		return Config{}, annotate(filepath.Base(path), data, err)
	}
	cfg.resolvePaths(filepath.Dir(path))
	return cfg, nil
}

// resolvePaths makes a relative storage path relative to the config file,
// so the daemon does not depend on its working directory.
func (c *Config) resolvePaths(dir string) {
	if c.Storage.Path != "" && !filepath.IsAbs(c.Storage.Path) {
		if abs, err := filepath.Abs(filepath.Join(dir, c.Storage.Path)); err == nil {
			c.Storage.Path = abs
		}
	}
}

// ParseConfig decodes data onto DefaultConfig, rejecting unknown keys. name
// is used in error messages. It does not validate.
func ParseConfig(name string, data []byte) (Config, error) {
	cfg := DefaultConfig()
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		return Config{}, decodeError(name, data, err)
	}
	// go-toml builds each [[jobs]] entry from scratch, so job defaults are
	// applied afterwards to the keys an entry leaves out (an explicit
	// max_depth = 0 must stay 0).
	var probe struct {
		Jobs []map[string]any `toml:"jobs"`
	}
	if err := toml.Unmarshal(data, &probe); err != nil {
		return Config{}, decodeError(name, data, err)
	}
	def := defaultJob()
	for i, keys := range probe.Jobs {
		j := &cfg.Jobs[i]
		if _, ok := keys["schedule"]; !ok {
			j.Schedule = def.Schedule
		}
		if _, ok := keys["max_depth"]; !ok {
			j.MaxDepth = def.MaxDepth
		}
		if _, ok := keys["max_pages"]; !ok {
			j.MaxPages = def.MaxPages
		}
		if _, ok := keys["refresh_window"]; !ok {
			j.RefreshWindow = def.RefreshWindow
		}
		if _, ok := keys["max_refreshes"]; !ok {
			j.MaxRefreshes = def.MaxRefreshes
		}
	}
	return cfg, nil
}

// decodeError rewrites go-toml errors as "file:line: message".
func decodeError(name string, data []byte, err error) error {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) {
		errs := make([]error, 0, len(strict.Errors))
		for _, e := range strict.Errors {
			row, _ := e.Position()
			errs = append(errs, fmt.Errorf("%s:%d: unknown key %s", name, row, strings.Join(e.Key(), ".")))
		}
		return errors.Join(errs...)
	}
	if derr := checkDurationTypes(name, data); derr != nil {
		return derr
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, _ := de.Position()
		key := strings.Join(de.Key(), ".")
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		if key != "" {
			return fmt.Errorf("%s:%d: key %s: %s", name, row, key, msg)
		}
		return fmt.Errorf("%s:%d: %s", name, row, msg)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// Duration is a time.Duration written as a string such as "1s" or "15m". It
// is a struct so that a bare number (ambiguous: seconds? nanoseconds?) is a
// decode error rather than a silent nanosecond count.
type Duration struct{ d time.Duration }

// Dur returns d as a Duration.
func Dur(d time.Duration) Duration { return Duration{d} }

// UnmarshalText parses a Go duration string.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if _, nerr := strconv.ParseFloat(string(b), 64); nerr == nil && string(b) != "0" {
		return fmt.Errorf("invalid duration %s: write durations as quoted strings with a unit, e.g. \"%ss\"", b, b)
	}
	if err != nil {
		return fmt.Errorf("invalid duration %q (want e.g. \"30s\", \"15m\")", b)
	}
	d.d = v
	return nil
}

// MarshalText writes the duration in Go syntax.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.d.String()), nil }

// D returns d as a time.Duration.
func (d Duration) D() time.Duration { return d.d }

// Job returns the job called name, if any.
func (c Config) Job(name string) (JobConfig, bool) {
	for _, j := range c.Jobs {
		if j.Name == name {
			return j, true
		}
	}
	return JobConfig{}, false
}
