package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// durationKeys are the keys decoded into Duration, by table.
var durationKeys = map[string][]string{
	"storage": {"lock_timeout"},
	"fetch":   {"delay", "max_crawl_delay", "timeout"},
	"jobs":    {"jitter", "max_age", "refresh_window"},
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

// problemKey matches the key at the start of a Validate problem:
// "fetch.timeout: ...", "jobs[2] (news).schedule: ...", "sites[0].host: ...".
var problemKey = regexp.MustCompile(`^([a-z_]+)(?:\[(\d+)\])?(?: \([^)]*\))?(?:\.([a-z_]+))?`)

// annotate prefixes every problem of a Validate error with "file:line: ",
// the line being where its key (or else its table) is written; a problem
// with a key the file does not set gets "file: ".
func annotate(name string, data []byte, err error) error {
	problems := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		problems = j.Unwrap()
	}
	out := make([]error, 0, len(problems))
	for _, p := range problems {
		m := problemKey.FindStringSubmatch(p.Error())
		line := 0
		if m != nil {
			idx, _ := strconv.Atoi(m[2])
			line = locate(data, m[1], idx, m[3])
		}
		if line > 0 {
			out = append(out, fmt.Errorf("%s:%d: %w", name, line, p))
		} else {
			out = append(out, fmt.Errorf("%s: %w", name, p))
		}
	}
	return errors.Join(out...)
}

// locate returns the line of key in table (the idx-th entry of an array of
// tables), else the line of that table's header, else 0.
func locate(data []byte, table string, idx int, key string) int {
	header, current, seen := 0, "", map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(text, "[") {
			current = strings.Trim(text, "[] \t")
			seen[current]++
			if current == table && seen[current]-1 == idx {
				header = line
			}
			continue
		}
		k, _, ok := strings.Cut(text, "=")
		if ok && current == table && seen[current]-1 == idx && strings.TrimSpace(k) == key {
			return line
		}
	}
	return header
}
