package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normText folds a block's text for cross-page comparison: letters are
// lower-cased, every run of digits becomes "0" and every run of anything
// else becomes one space, so "3 comments" and "12 Comments" collide and
// dates with different numbers compare equal.
func normText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace, inDigits := false, false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		} else if c := s[i]; c >= 'a' && c <= 'z' && !inDigits && !pendingSpace {
			// Fast path: a lower-case ASCII letter inside a word.
			b.WriteByte(c)
			i++
			continue
		}
		i += size
		var letter bool
		switch {
		case r >= '0' && r <= '9' || r >= utf8.RuneSelf && unicode.IsDigit(r):
			if inDigits {
				continue
			}
			if pendingSpace && b.Len() > 0 {
				b.WriteByte(' ')
			}
			pendingSpace, inDigits = false, true
			b.WriteByte('0')
			continue
		case r >= 'a' && r <= 'z':
			letter = true
		case r >= 'A' && r <= 'Z':
			r, letter = r+'a'-'A', true
		case r >= utf8.RuneSelf && unicode.IsLetter(r):
			r, letter = unicode.ToLower(r), true
		}
		if !letter {
			pendingSpace, inDigits = true, false
			continue
		}
		if pendingSpace && b.Len() > 0 {
			b.WriteByte(' ')
		}
		pendingSpace, inDigits = false, false
		if r < utf8.RuneSelf {
			b.WriteByte(byte(r))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// collapseSpace trims s and folds each whitespace run into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// stableToken reports whether a class or id token is likely chosen by a
// person rather than generated per build or per page: generated names such
// as "css-1x2y3z", "post-12345" or hashed module names carry digits.
func stableToken(t string) bool {
	if len(t) < 2 || len(t) > 40 {
		return false
	}
	for _, r := range t {
		if r >= '0' && r <= '9' {
			return false
		}
		if r >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// chromeWords splits a class/id token into its words ("share-bar_top" ->
// share, bar, top), lower-cased, for matching against chrome vocabularies.
func chromeWords(token string) []string {
	var b strings.Builder
	prevLower := false
	for _, r := range token {
		// camelCase boundaries split too: "shareBar", "imgCaption"
		if r >= 'A' && r <= 'Z' && prevLower {
			b.WriteByte(' ')
		}
		prevLower = r >= 'a' && r <= 'z'
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.FieldsFunc(b.String(), func(r rune) bool {
		return r == '-' || r == '_' || r == ' ' || r == ':' || r == '.'
	})
}
