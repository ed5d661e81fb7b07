package storage

import (
	"bytes"
	"encoding/binary"
	"math/bits"

	"go.etcd.io/bbolt"
)

// The simhashes index lists each document once per bit range of its
// SimHash: site + 0x00 + range number + the range's bits (2 bytes) + the
// whole SimHash (8 bytes) + canonical URL. Two SimHashes at most
// simExactDistance bits apart agree on at least one of the six ranges (five
// differing bits cannot touch six ranges), so a probe reads only the
// documents that share a range with it, about six in 2,048 of a site's,
// instead of every one.
var simRanges = [...]struct{ shift, width uint }{
	{53, 11}, {42, 11}, {31, 11}, {20, 11}, {10, 10}, {0, 10},
}

// simExactDistance is the largest distance the ranges answer exactly;
// a wider probe reads every document of the site (range 0 lists each once).
const simExactDistance = len(simRanges) - 1

func simRangeValue(sim uint64, r int) uint16 {
	s := simRanges[r]
	return uint16(sim >> s.shift & (1<<s.width - 1))
}

// simPrefix is the key prefix of site's documents whose range r holds
// the bits of sim; with all false, of every document in range r.
func simPrefix(site string, r int, sim uint64, all bool) []byte {
	k := key(site, []byte{byte(r)})
	if all {
		return k
	}
	return binary.BigEndian.AppendUint16(k, simRangeValue(sim, r))
}

// simIndexKeys are the simhashes keys of one document.
func simIndexKeys(site string, sim uint64, url []byte) [][]byte {
	keys := make([][]byte, len(simRanges))
	for r := range simRanges {
		k := simPrefix(site, r, sim, false)
		k = binary.BigEndian.AppendUint64(k, sim)
		keys[r] = append(k, url...)
	}
	return keys
}

func nearDuplicateTx(tx *bbolt.Tx, site string, simhash uint64, maxDistance int) (string, bool) {
	best := simMatch{distance: maxDistance + 1}
	c := tx.Bucket(bucketSimHashes).Cursor()
	scan := func(prefix []byte) {
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			rest := k[len(key(site))+3:]
			if len(rest) < 8 {
				continue
			}
			best = best.better(simhash, binary.BigEndian.Uint64(rest), rest[8:])
		}
	}
	if maxDistance > simExactDistance {
		scan(simPrefix(site, 0, 0, true))
	} else {
		for r := range simRanges {
			scan(simPrefix(site, r, simhash, false))
		}
	}
	if best.url == nil {
		return "", false
	}
	return string(best.url), true
}

// simMatch is the closest document seen so far: smallest distance, then
// smallest SimHash, then smallest URL.
type simMatch struct {
	distance int
	sim      uint64
	url      []byte
}

func (m simMatch) better(probe, sim uint64, url []byte) simMatch {
	d := bits.OnesCount64(probe ^ sim)
	switch {
	case d > m.distance:
		return m
	case d == m.distance && (m.url == nil || sim > m.sim || sim == m.sim && bytes.Compare(url, m.url) >= 0):
		return m
	}
	return simMatch{distance: d, sim: sim, url: bytes.Clone(url)}
}
