package clean

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestWrongPickLimit checks the early exit of missedProse against the
// full sum of the raw page's missed prose, for kept sizes on both sides of
// every threshold.
func TestWrongPickLimit(t *testing.T) {
	var page strings.Builder
	page.WriteString("<html><body><nav><a href=/a>Home</a> <a href=/b>World</a></nav>")
	for i := range 6 {
		fmt.Fprintf(&page, "<p>Paragraph %c of the story tells how the harbour board met again on Monday, and why the vote on the new quay was put off for a week.</p>", 'a'+i)
	}
	page.WriteString("</body></html>")
	doc, err := html.Parse(strings.NewReader(page.String()))
	if err != nil {
		t.Fatal(err)
	}
	rs, err := compile(Rules{})
	if err != nil {
		t.Fatal(err)
	}
	for keep := 0; keep <= 6; keep++ {
		for _, size := range []int{0, 100, 300, 499, 500, 700, 1000, 2000} {
			raw := newRawPage(doc, rs, "")
			var out outNorms
			for _, b := range raw.blocks[:keep] {
				out.kept = append(out.kept, b.norm)
			}
			out.size = size
			missed := 0
			for i := keep; i < len(raw.blocks); i++ {
				if raw.prose(i) {
					missed += len(raw.blocks[i].text)
				}
			}
			want := missed > 1000 && missed > 3*size || size < shortArticle && missed > 2*size
			if got := wrongPick(out, newRawPage(doc, rs, "")); got != want {
				t.Errorf("keep %d size %d missed %d: wrongPick = %v, want %v", keep, size, missed, got, want)
			}
		}
	}
	if !wrongPick(outNorms{size: 100}, newRawPage(doc, rs, "")) {
		t.Errorf("six missed paragraphs against 100 kept bytes is a wrong pick")
	}
}
