package fetch

import (
	"hash/fnv"
	"strings"
	"unicode"
)

// simHashShingle is the number of words per SimHash feature. Pairs keep
// some word order while one changed word touches only two features.
const simHashShingle = 2

// simHash returns the 64-bit SimHash (Charikar) of text over word pairs,
// so copies that differ in a few words land within a few bits of each
// other while different stories land about 32 bits apart.
func simHash(text string) uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	var v [64]int
	for i := 0; i < len(words); i++ {
		end := min(i+simHashShingle, len(words))
		h := fnv.New64a()
		h.Write([]byte(strings.Join(words[i:end], " ")))
		x := mix64(h.Sum64())
		for b := range 64 {
			if x&(1<<b) != 0 {
				v[b]++
			} else {
				v[b]--
			}
		}
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
