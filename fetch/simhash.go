package fetch

import (
	"hash/fnv"
	"strings"
	"unicode"
)

// simHash returns the 64-bit SimHash of text over word 3-shingles, so
// copies that differ in a few words land within a few bits of each other.
func simHash(text string) uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	var v [64]int
	n := 0
	for i := 0; i+3 <= len(words) || (i == 0 && len(words) > 0); i++ {
		end := min(i+3, len(words))
		h := fnv.New64a()
		h.Write([]byte(strings.Join(words[i:end], " ")))
		x := h.Sum64()
		for b := range 64 {
			if x&(1<<b) != 0 {
				v[b]++
			} else {
				v[b]--
			}
		}
		n++
		if end == len(words) {
			break
		}
	}
	var out uint64
	for b := range 64 {
		if v[b] > 0 {
			out |= 1 << b
		}
	}
	return out
}
