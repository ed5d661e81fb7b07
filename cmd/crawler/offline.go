package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"crawler/storage"
)

// offline is an offline subcommand's database and rules, opened from
// -config. Offline commands fail fast while a daemon holds the database.
type offline struct {
	cfg   Config
	db    *storage.DB
	rules *siteRules
}

func openOffline(configPath string, readOnly bool) (*offline, error) {
	if configPath == "" {
		return nil, errors.New("-config is required")
	}
	cfg, err := LoadConfig(configPath)
	if err != nil {
		return nil, err
	}
	db, err := openStore(cfg.Storage, readOnly)
	if err != nil {
		return nil, err
	}
	rules, err := newSiteRules(db, cfg.Sites, slog.New(slog.DiscardHandler))
	if err != nil {
		db.Close()
		return nil, err
	}
	return &offline{cfg: cfg, db: db, rules: rules}, nil
}

func (o *offline) Close() error { return o.db.Close() }

// parseInterspersed parses flags that may come before or after the
// positional arguments ("explain URL -config F" as well as
// "explain -config F URL") and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// loadConfigFlag loads the file named by a command's -config flag, showing
// the command's usage when the flag is missing.
func loadConfigFlag(fs *flag.FlagSet, path string) (Config, error) {
	if path == "" {
		fs.Usage()
		return Config{}, errors.New("-config is required")
	}
	return LoadConfig(path)
}

// newFlagSet returns a subcommand's flag set, printing usage and then the
// flag defaults on -h or a bad flag.
func newFlagSet(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, usage)
		fs.PrintDefaults()
	}
	return fs
}
