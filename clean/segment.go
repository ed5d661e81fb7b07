package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// block is one run of text that a reader sees as a paragraph: the inline
// content of a block element up to its next block child.
type block struct {
	text    string     // whitespace-collapsed; <br> kept as "\n"
	norm    string     // normText(text)
	node    *html.Node // the block element that owns the run
	linkLen int        // bytes of text inside links
	caption bool       // inside figcaption
}

// segmenter cuts a subtree into blocks.
type segmenter struct {
	blocks       []block
	buf          []byte // reused across blocks; each block's text is copied out once
	linkLen      int
	pendingSpace bool
	caption      int
	skipHidden   bool
}

// segment returns the blocks of root in document order. skipHidden drops
// elements marked hidden (raw pages; readability has already done so).
func segment(root *html.Node, skipHidden bool) []block {
	s := &segmenter{skipHidden: skipHidden}
	s.walk(root, root, false)
	s.flush(root)
	return s.blocks
}

func (s *segmenter) walk(n, owner *html.Node, inLink bool) {
	switch n.Type {
	case html.TextNode:
		s.addText(n.Data, inLink)
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	if n.Type == html.ElementNode {
		if skipAtoms[n.DataAtom] || s.skipHidden && hidden(n) {
			return
		}
		switch n.DataAtom {
		case atom.Br:
			s.newline()
			return
		case atom.A:
			inLink = true
		}
		if isBlock(n) {
			s.flush(owner)
			if n.DataAtom == atom.Figcaption {
				s.caption++
				defer func() { s.caption-- }()
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				s.walk(c, n, inLink)
			}
			s.flush(n)
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		s.walk(c, owner, inLink)
	}
}

func (s *segmenter) addText(t string, inLink bool) {
	for i := 0; i < len(t); {
		size := spaceAt(t, i)
		if size > 0 {
			s.pendingSpace = true
			i += size
			continue
		}
		// Copy the whole word at once.
		j := i + 1
		for j < len(t) {
			if c := t[j]; c < utf8.RuneSelf {
				// ASCII inline: most text is, and spaceAt is a call.
				if asciiSpace[c] {
					break
				}
			} else if spaceAt(t, j) > 0 {
				break
			}
			j++
		}
		if s.pendingSpace && len(s.buf) > 0 {
			s.buf = append(s.buf, ' ')
			if inLink {
				s.linkLen++
			}
		}
		s.pendingSpace = false
		s.buf = append(s.buf, t[i:j]...)
		if inLink {
			s.linkLen += j - i
		}
		i = j
	}
}

// asciiSpace marks the ASCII bytes that separate words.
var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true, '\v': true}

// spaceAt returns the byte length of the white-space rune at t[i], or 0.
// Words are scanned a byte at a time: continuation bytes of a multi-byte
// rune are never spaces, so only lead bytes need decoding.
func spaceAt(t string, i int) int {
	c := t[i]
	if c < utf8.RuneSelf {
		if asciiSpace[c] {
			return 1
		}
		return 0
	}
	if c < 0xC0 {
		return 0 // continuation byte
	}
	r, size := utf8.DecodeRuneInString(t[i:])
	if r == '\u00a0' || unicode.IsSpace(r) {
		return size
	}
	return 0
}

func (s *segmenter) newline() {
	if len(s.buf) > 0 {
		s.buf = append(s.buf, '\n')
	}
	s.pendingSpace = false
}

func (s *segmenter) flush(owner *html.Node) {
	s.pendingSpace = false
	if len(s.buf) == 0 {
		return
	}
	text := string(s.buf)
	s.buf = s.buf[:0]
	link := s.linkLen
	s.linkLen = 0
	if strings.Contains(text, "\n") {
		lines := strings.Split(text, "\n")
		kept := lines[:0]
		for _, l := range lines {
			if l = strings.TrimSpace(l); l != "" {
				kept = append(kept, l)
			}
		}
		text = strings.Join(kept, "\n")
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	if link > len(text) {
		link = len(text)
	}
	s.blocks = append(s.blocks, block{
		text: text, norm: normText(text), node: owner, linkLen: link, caption: s.caption > 0,
	})
}

// linkDensity is the share of a block's text that sits inside links.
func (b *block) linkDensity() float64 {
	if len(b.text) == 0 {
		return 0
	}
	return float64(b.linkLen) / float64(len(b.text))
}
