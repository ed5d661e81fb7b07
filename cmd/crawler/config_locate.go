package main

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// durationKeys are the keys decoded into Duration, by table.
var durationKeys = map[string][]string{
	"storage": {"lock_timeout"},
	"fetch":   {"delay", "max_crawl_delay", "timeout"},
	"jobs":    {"jitter", "max_age"},
}

// checkDurationTypes reports a duration written as a bare number with its
// line. go-toml hands such a value to UnmarshalText without a position, so
// the line is found here by a plain scan of "key = value" lines.
func checkDurationTypes(name string, data []byte) error {
	table := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(text, "[") {
			table = strings.Trim(text, "[] \t")
			continue
		}
		key, value, ok := strings.Cut(text, "=")
		if !ok {
			continue
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		for _, k := range durationKeys[table] {
			if key == k && value != "" && strings.IndexAny(value[:1], `"'`) < 0 {
				return fmt.Errorf("%s:%d: key %s.%s: durations are quoted strings with a unit, e.g. \"30s\", not %s",
					name, line, table, key, value)
			}
		}
	}
	return nil
}
