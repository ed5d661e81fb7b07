package clean

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The text form holds one item per line:
//
//	# comment
//	site "example.com"
//	version 3
//	rule id=r-3f2a0c11d2 kind=template-block status=active origin=learned pattern="leave a reply" support=18 pages=20 path="div#respond>h3" example="Leave a Reply" first=2026-01-02T03:04:05Z last=2026-02-01T00:00:00Z
//
// Strings are Go-quoted, so any byte survives; times are RFC 3339 in UTC
// and left out when zero. ParseRules(MarshalText(r)) gives r back.

var idPattern = regexp.MustCompile(`^[A-Za-z0-9._:-]+$`)

// MarshalText writes the rules in their stored text form.
func (r Rules) MarshalText() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("# crawler clean rules\n")
	fmt.Fprintf(&b, "site %s\nversion %d\n", strconv.Quote(r.Site), r.Version)
	for _, x := range r.Rules {
		if err := validRule(x); err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "rule id=%s kind=%s status=%s origin=%s pattern=%s", x.ID, x.Kind, x.Status, x.Origin, strconv.Quote(x.Pattern))
		e := x.Evidence
		fmt.Fprintf(&b, " support=%d pages=%d path=%s example=%s", e.Support, e.PagesSeen, strconv.Quote(e.Path), strconv.Quote(e.Example))
		if !e.FirstSeen.IsZero() {
			fmt.Fprintf(&b, " first=%s", e.FirstSeen.UTC().Format(time.RFC3339Nano))
		}
		if !e.LastSeen.IsZero() {
			fmt.Fprintf(&b, " last=%s", e.LastSeen.UTC().Format(time.RFC3339Nano))
		}
		b.WriteByte('\n')
	}
	return b.Bytes(), nil
}

func validRule(x Rule) error {
	switch {
	case !idPattern.MatchString(x.ID):
		return fmt.Errorf("rule id %q: %w", x.ID, ErrBadRule)
	case !slices.Contains(knownKinds, x.Kind):
		return fmt.Errorf("rule %s: kind %q: %w", x.ID, x.Kind, ErrBadRule)
	case !slices.Contains(knownStatuses, x.Status):
		return fmt.Errorf("rule %s: status %q: %w", x.ID, x.Status, ErrBadRule)
	case x.Origin != OriginLearned && x.Origin != OriginManual:
		return fmt.Errorf("rule %s: origin %q: %w", x.ID, x.Origin, ErrBadRule)
	case x.Evidence.Support < 0 || x.Evidence.PagesSeen < 0:
		return fmt.Errorf("rule %s: negative count: %w", x.ID, ErrBadRule)
	}
	return nil
}

// ParseRules parses the text form written by Rules.MarshalText. Empty text
// gives the zero Rules; an error names the line and the key at fault.
func ParseRules(text []byte) (Rules, error) {
	var r Rules
	var seenSite, seenVersion bool
	for i, line := range strings.Split(string(text), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		word, rest, _ := strings.Cut(line, " ")
		var err error
		switch {
		case word == "site" && !seenSite:
			seenSite = true
			r.Site, err = strconv.Unquote(strings.TrimSpace(rest))
		case word == "version" && !seenVersion:
			seenVersion = true
			r.Version, err = strconv.Atoi(strings.TrimSpace(rest))
			if err == nil && r.Version < 0 {
				err = fmt.Errorf("negative version")
			}
		case word == "rule":
			var x Rule
			if x, err = parseRule(rest); err == nil {
				r.Rules = append(r.Rules, x)
			}
		default:
			err = fmt.Errorf("unexpected %q", word)
		}
		if err != nil {
			return Rules{}, fmt.Errorf("rules line %d: %w: %w", i+1, err, ErrBadRule)
		}
	}
	return r, nil
}

func parseRule(s string) (Rule, error) {
	fields, err := splitFields(s)
	if err != nil {
		return Rule{}, err
	}
	var x Rule
	for _, f := range fields {
		if err := setField(&x, f.key, f.val); err != nil {
			return Rule{}, fmt.Errorf("key %s: %w", f.key, err)
		}
	}
	return x, validRule(x)
}

type field struct{ key, val string }

// splitFields cuts `k=v k="quoted v"` into fields, unquoting values.
func splitFields(s string) ([]field, error) {
	var out []field
	seen := map[string]bool{}
	for s = strings.TrimLeft(s, " \t"); s != ""; s = strings.TrimLeft(s, " \t") {
		key, rest, ok := strings.Cut(s, "=")
		if !ok || key == "" || strings.ContainsAny(key, " \t\"") {
			return nil, fmt.Errorf("want key=value at %q", s)
		}
		if seen[key] {
			return nil, fmt.Errorf("key %s repeated", key)
		}
		seen[key] = true
		var val string
		if strings.HasPrefix(rest, `"`) {
			q, err := strconv.QuotedPrefix(rest)
			if err != nil {
				return nil, fmt.Errorf("key %s: bad quoted value", key)
			}
			if val, err = strconv.Unquote(q); err != nil {
				return nil, fmt.Errorf("key %s: %w", key, err)
			}
			rest = rest[len(q):]
			if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
				return nil, fmt.Errorf("key %s: text after quoted value", key)
			}
		} else {
			end := strings.IndexAny(rest, " \t")
			if end < 0 {
				end = len(rest)
			}
			val, rest = rest[:end], rest[end:]
		}
		out = append(out, field{key, val})
		s = rest
	}
	return out, nil
}

func setField(x *Rule, key, val string) error {
	var err error
	switch key {
	case "id":
		x.ID = val
	case "kind":
		x.Kind = val
	case "status":
		x.Status = val
	case "origin":
		x.Origin = val
	case "pattern":
		x.Pattern = val
	case "path":
		x.Evidence.Path = val
	case "example":
		x.Evidence.Example = val
	case "support":
		x.Evidence.Support, err = strconv.Atoi(val)
	case "pages":
		x.Evidence.PagesSeen, err = strconv.Atoi(val)
	case "first":
		x.Evidence.FirstSeen, err = parseTime(val)
	case "last":
		x.Evidence.LastSeen, err = parseTime(val)
	default:
		return fmt.Errorf("unknown key")
	}
	return err
}

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, err
	}
	if t.IsZero() {
		return time.Time{}, fmt.Errorf("zero time")
	}
	return t.UTC(), nil
}
