package clean

import (
	"bytes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"os"
	"reflect"
	"strings"
	"testing"
)

func FuzzExtract(f *testing.F) {
	for _, dir := range goldenCases(f) {
		src, err := os.ReadFile(dir + "/source.html")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add(sitePage(1))
	f.Add([]byte(`<p>x<script>alert(1)</script><style>p{}</style></p>`))
	f.Add([]byte{0xff, 0xfe, 0x00, '<', 0x80})
	f.Add([]byte(`<script type="application/ld+json">{"articleBody":"` + strings.Repeat("word ", 200) + `"}</script>`))
	rules := Learn(Rules{}, siteSamples(6, t0), t0)
	f.Fuzz(func(t *testing.T, page []byte) {
		for _, r := range []Rules{{}, rules} {
			res, err := Extract(page, nil, r)
			if err != nil {
				return
			}
			if res.Text != strings.Join(res.Paragraphs, "\n\n") {
				t.Fatalf("Text is not the joined Paragraphs")
			}
			if len(res.Text) > 2*len(page)+8 {
				t.Fatalf("output %d bytes from %d bytes of input", len(res.Text), len(page))
			}
			if leak := scriptLeak(page, res.Text); leak != "" {
				t.Fatalf("script or style text %q in output", leak)
			}
			kept := 0
			for _, blk := range res.Blocks {
				if blk.Kept {
					kept++
				} else if blk.Reason == "" {
					t.Fatalf("dropped block without reason: %q", blk.Text)
				}
			}
			if kept != len(res.Paragraphs) {
				t.Fatalf("%d kept blocks, %d paragraphs", kept, len(res.Paragraphs))
			}
		}
	})
}

func FuzzParseRules(f *testing.F) {
	text, err := sampleRules().MarshalText()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(text)
	f.Add([]byte("site \"x\"\nversion 1\nrule id=a kind=drop-text status=active origin=manual pattern=\"\\xff\""))
	f.Add([]byte("rule id=r kind=template-path status=pinned origin=learned first=2026-01-02T03:04:05+02:00"))
	f.Fuzz(func(t *testing.T, text []byte) {
		r, err := ParseRules(text)
		if err != nil {
			return
		}
		out, err := r.MarshalText()
		if err != nil {
			t.Fatalf("parsed rules do not marshal: %v", err)
		}
		back, err := ParseRules(out)
		if err != nil {
			t.Fatalf("marshalled rules do not parse: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(r, back) {
			t.Fatalf("round trip changed the rules:\n%+v\n%+v", r, back)
		}
		again, _ := back.MarshalText()
		if string(again) != string(out) {
			t.Fatalf("second marshal differs")
		}
	})
}

// scriptLeak returns the content of a <script> or <style> element found in
// text, unless the same words also occur as ordinary text of the page.
func scriptLeak(page []byte, text string) string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return ""
	}
	var scripts []string
	var visible strings.Builder
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inScript bool) {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			inScript = true
		}
		if n.Type == html.TextNode {
			if inScript {
				scripts = append(scripts, strings.TrimSpace(n.Data))
			} else {
				visible.WriteString(n.Data)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inScript)
		}
	}
	walk(doc, false)
	for _, s := range scripts {
		if len(s) >= 8 && !strings.Contains(s, "articleBody") && strings.Contains(text, s) && !strings.Contains(visible.String(), s) {
			return s
		}
	}
	return ""
}
