package fetch

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// simHashShingle is the number of words per SimHash feature. Pairs keep
// some word order while one changed word touches only two features.
const simHashShingle = 2

// FNV-1a, 64 bits (hash/fnv), written inline so that hashing a word pair
// needs neither the joined string nor a hasher allocated per feature.
const (
	fnvOffset64 = 14695981039346656037
	fnvPrime64  = 1099511628211
)

// simHash returns the 64-bit SimHash (Charikar) of text over word pairs,
// so copies that differ in a few words land within a few bits of each
// other while different stories land about 32 bits apart. Words are runs
// of letters and digits of the lower-cased text; a feature is the FNV-1a
// hash of two neighbouring words joined by a space (of the only word, for
// a one-word text).
func simHash(text string) uint64 {
	lower := strings.ToLower(text)
	var v [64]int
	prev, words := "", 0
	for i := 0; i < len(lower); {
		w, next := nextWord(lower, i)
		i = next
		if w == "" {
			continue
		}
		if words > 0 {
			addFeature(&v, fnvString(fnvByte(fnvString(fnvOffset64, prev), ' '), w))
		}
		prev = w
		words++
	}
	if words == 1 {
		addFeature(&v, fnvString(fnvOffset64, prev))
	}
	var out uint64
	for b := range 64 {
		if v[b] > 0 {
			out |= 1 << b
		}
	}
	return out
}

// nextWord returns the word at or after s[i:] and the index after it; the
// word is empty when only separators are left.
func nextWord(s string, i int) (string, int) {
	start := -1
	for i < len(s) {
		c := s[i]
		var word bool
		size := 1
		if c < utf8.RuneSelf {
			word = 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			word = unicode.IsLetter(r) || unicode.IsNumber(r)
		}
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			return s[start:i], i + size
		}
		i += size
	}
	if start < 0 {
		return "", i
	}
	return s[start:], i
}

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime64
	}
	return h
}

func fnvByte(h uint64, c byte) uint64 {
	h ^= uint64(c)
	return h * fnvPrime64
}

// addFeature adds one feature's hash, mixed, to the bit tallies.
func addFeature(v *[64]int, h uint64) {
	x := mix64(h)
	for b := range 64 {
		v[b] += int(x>>b&1)*2 - 1
	}
}

// mix64 is the splitmix64 finaliser: FNV alone spreads short inputs poorly
// over the high bits, which SimHash weighs like any other.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
