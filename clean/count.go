package clean

import (
	"crypto/sha256"
	"time"

	"golang.org/x/net/html"
)

// textStat is the evidence for one normalised block text.
type textStat struct {
	pages       int
	example     string
	path        string
	first, last time.Time
}

// pathStat is the evidence for one container path.
type pathStat struct {
	pages          int
	textLen, links int
	example        string
	first, last    time.Time
}

type longEntry struct{ norm, path string }

// counter accumulates cross-page evidence for one site.
type counter struct {
	pages  int
	texts  map[string]*textStat
	titles map[string]*textStat
	paths  map[string]*pathStat
	longs  [][]longEntry // per page
	index  map[string]bool
	whole  map[[32]byte]bool // digests of pages' full normalised text
}

func newCounter() *counter {
	return &counter{texts: map[string]*textStat{}, titles: map[string]*textStat{}, paths: map[string]*pathStat{}, index: map[string]bool{}, whole: map[[32]byte]bool{}}
}

// addPage counts one page's blocks unless the page is a near-duplicate of
// one already counted.
func (c *counter) addPage(blocks []block, title string, at time.Time) {
	var longs []longEntry
	seen := 0
	for i := range blocks {
		if len(blocks[i].norm) >= longText {
			longs = append(longs, longEntry{blocks[i].norm, nodePath(blocks[i].node)})
			if c.index[blocks[i].norm] {
				seen++
			}
		}
	}
	if len(longs) > 0 && float64(seen) >= dupShare*float64(len(longs)) {
		return
	}
	if len(blocks) == 0 || c.seenWhole(blocks) {
		return
	}
	for _, l := range longs {
		c.index[l.norm] = true
	}
	c.pages++
	c.longs = append(c.longs, longs)
	c.countTexts(blocks, at)
	c.countPaths(blocks, at)
	// A site that puts its own name in every page's title gets a rule.
	if t := normText(title); t != "" {
		c.count(c.titles, t, title, "title", at)
	}
}

func (c *counter) countTexts(blocks []block, at time.Time) {
	onPage := map[string]bool{}
	for i := range blocks {
		b := &blocks[i]
		if !wordy(b.norm) || onPage[b.norm] || len(b.norm) > 2000 {
			continue
		}
		onPage[b.norm] = true
		c.count(c.texts, b.norm, b.text, nodePath(b.node), at)
	}
}

func (c *counter) count(stats map[string]*textStat, norm, text, path string, at time.Time) {
	st := stats[norm]
	if st == nil {
		st = &textStat{example: text, path: path, first: at, last: at}
		stats[norm] = st
	}
	st.pages++
	st.first, st.last = minTime(st.first, at), maxTime(st.last, at)
}

// countPaths aggregates text and link sizes per container path, over the
// block elements holding each block (up to pathDepth levels up).
func (c *counter) countPaths(blocks []block, at time.Time) {
	type agg struct{ text, links int }
	onPage := map[string]*agg{}
	examples := map[string]string{}
	for i := range blocks {
		b := &blocks[i]
		level := 0
		for n := b.node; n != nil && n.Type == html.ElementNode && level < pathDepth; n = n.Parent {
			if !isBlock(n) || n.Data == "body" || n.Data == "html" {
				continue
			}
			level++
			p := nodePath(n)
			a := onPage[p]
			if a == nil {
				a = &agg{}
				onPage[p] = a
				examples[p] = b.text
			}
			a.text += len(b.text)
			a.links += b.linkLen
		}
	}
	for p, a := range onPage {
		st := c.paths[p]
		if st == nil {
			st = &pathStat{example: examples[p], first: at, last: at}
			c.paths[p] = st
		}
		st.pages++
		st.textLen += a.text
		st.links += a.links
		st.first, st.last = minTime(st.first, at), maxTime(st.last, at)
	}
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// seenWhole reports (and remembers) a page whose normalised text equals
// one counted before: the same article under another URL.
func (c *counter) seenWhole(blocks []block) bool {
	h := sha256.New()
	for i := range blocks {
		h.Write([]byte(blocks[i].norm))
		h.Write([]byte{0})
	}
	var d [32]byte
	h.Sum(d[:0])
	if c.whole[d] {
		return true
	}
	c.whole[d] = true
	return false
}

// wordy reports folded text with at least three letters: a block of
// digits and signs ("10%", "2 | 3") matches too much to be a template.
func wordy(norm string) bool {
	letters := 0
	for _, r := range norm {
		if r != ' ' && r != '0' {
			if letters++; letters >= 3 {
				return true
			}
		}
	}
	return false
}
