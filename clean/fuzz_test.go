package clean

import (
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
			for _, p := range res.Paragraphs {
				if strings.Contains(p, "alert(1)") || strings.Contains(p, "p{}") {
					t.Fatalf("script or style text in output: %q", p)
				}
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
