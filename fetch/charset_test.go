package fetch_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func TestCharsetsComeOutAsUTF8(t *testing.T) {
	tests := []struct {
		name        string
		enc         encoding.Encoding
		contentType string
		meta        string
		phrase      string
		bom         bool
	}{
		{"windows-1251 from header", charmap.Windows1251, "text/html; charset=windows-1251", "", "Городской совет обсудил бюджет порта", false},
		{"Shift_JIS from meta only", japanese.ShiftJIS, "text/html", `<meta charset="shift_jis">`, "市議会は港の予算について議論した", false},
		{"GBK declared gb2312 in meta", simplifiedchinese.GBK, "text/html", `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, "市议会讨论了港口的预算问题", false},
		{"ISO-8859-1 declared nowhere", charmap.ISO8859_1, "text/html", "", "Le conseil municipal a débattu du budget du port à Montréal", false},
		{"unknown header charset falls back to meta", charmap.Windows1251, "text/html; charset=x-bogus", `<meta charset="windows-1251">`, "Городской совет обсудил бюджет порта", false},
		{"BOM beats a wrong header", unicode.UTF8, "text/html; charset=iso-8859-1", "", "Le conseil municipal a débattu du budget — «port»", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := nativePage(tt.meta, tt.phrase)
			body, err := tt.enc.NewEncoder().Bytes([]byte(page))
			if err != nil {
				t.Fatal(err)
			}
			if tt.bom {
				body = append([]byte("\xef\xbb\xbf"), body...)
			}
			f := crawlOne(t, oneArticle(func(w http.ResponseWriter, r *http.Request) {
				if tt.contentType != "" {
					w.Header().Set("Content-Type", tt.contentType)
				}
				w.Write(body)
			}), nil)
			doc, err := f.db.Document(context.Background(), f.site.URL+"/story.html")
			if err != nil {
				t.Fatalf("not stored: %v (state %s, %s)", err, f.entry.State, f.entry.LastError)
			}
			if !utf8.ValidString(doc.Text) || !strings.Contains(doc.Text, tt.phrase) {
				t.Errorf("text does not contain %q:\n%s", tt.phrase, doc.Text)
			}
		})
	}
}

func nativePage(meta, phrase string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<html><head>%s<title>%s</title></head><body><article><h1>%s</h1>", meta, phrase, phrase)
	for i := range 6 {
		fmt.Fprintf(&b, "<p>%d. %s. %s. %s.</p>", i, phrase, phrase, phrase)
	}
	b.WriteString("</article></body></html>")
	return b.String()
}
