package crawler

import (
	"encoding/binary"
	"time"
)

// sourceRank orders sources within a host: feeds and sitemaps first (they
// lead to the newest articles), then seeds, then everything else.
func sourceRank(s string) byte {
	switch s {
	case SourceSitemap, SourceFeed, SourceGuess:
		return 0
	case SourceSeed:
		return 1
	}
	return 2
}

// FetchesBefore reports whether e is fetched before o when both wait on the
// same host: refreshes last; feeds, sitemaps and seeds first; then the newest
// published, the shallowest and the earliest discovered.
func (e URLEntry) FetchesBefore(o URLEntry) bool {
	if e.Refresh != o.Refresh {
		return o.Refresh
	}
	if pe, po := sourceRank(e.Source), sourceRank(o.Source); pe != po {
		return pe < po
	}
	if !e.Published.Equal(o.Published) {
		return e.Published.After(o.Published)
	}
	if e.Depth != o.Depth {
		return e.Depth < o.Depth
	}
	return e.Discovered.Before(o.Discovered)
}

// FetchOrderKeyLen is the length of FetchOrderKey's result.
const FetchOrderKeyLen = 1 + 1 + 12 + 4 + 12

// FetchOrderKey encodes the fields FetchesBefore compares so that byte
// order is fetch order: a persistent frontier can keep each host's pending
// URLs sorted and hand out the next few without loading the rest.
func FetchOrderKey(e URLEntry) []byte {
	k := make([]byte, 0, FetchOrderKeyLen)
	if e.Refresh {
		k = append(k, 1)
	} else {
		k = append(k, 0)
	}
	k = append(k, sourceRank(e.Source))
	pub := sortableTime(e.Published)
	for i := range pub {
		pub[i] = ^pub[i] // newest first
	}
	k = append(k, pub[:]...)
	k = binary.BigEndian.AppendUint32(k, uint32(max(0, min(e.Depth, 1<<31))))
	disc := sortableTime(e.Discovered)
	return append(k, disc[:]...)
}

// sortableTime encodes t so that byte order is time order: seconds with
// the sign bit flipped, then nanoseconds.
func sortableTime(t time.Time) [12]byte {
	var b [12]byte
	binary.BigEndian.PutUint64(b[:8], uint64(t.Unix())^(1<<63))
	binary.BigEndian.PutUint32(b[8:], uint32(t.Nanosecond()))
	return b
}
