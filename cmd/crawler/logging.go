package main

import (
	"io"
	"log/slog"
	"os"
	"strings"
)

// Log attribute keys, in one place so every line spells them the same.
const (
	keyJob      = "job"
	keySite     = "site"
	keyError    = "error"
	keyDuration = "duration"
	keyCount    = "count"
	keyPath     = "path"
	keyListen   = "listen"
)

// newLogger builds the process logger from [log]. The level lives in the
// returned LevelVar so that a reload can change it without a new logger.
func newLogger(c LogConfig, w io.Writer) (*slog.Logger, *slog.LevelVar) {
	level := new(slog.LevelVar)
	level.Set(parseLevel(c.Level))
	opts := &slog.HandlerOptions{Level: level}
	if os.Getenv("JOURNAL_STREAM") != "" {
		// The journal stamps every line itself.
		opts.ReplaceAttr = func(groups []string, a slog.Attr) slog.Attr {
			if len(groups) == 0 && a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		}
	}
	if c.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts)), level
	}
	return slog.New(slog.NewTextHandler(w, opts)), level
}

func parseLevel(s string) slog.Level {
	switch strings.ToLower(s) {
	case "debug":
		return slog.LevelDebug
	case "warn":
		return slog.LevelWarn
	case "error":
		return slog.LevelError
	}
	return slog.LevelInfo
}
