package storage

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"crawler"
)

func testDoc(canonical, site string) *crawler.Document {
	text := "Body of " + canonical
	return &crawler.Document{
		URL:          canonical + "?utm_source=x",
		FinalURL:     canonical,
		CanonicalURL: canonical,
		Site:         site,
		Title:        "Title of " + canonical,
		Byline:       "A. Writer",
		Published:    time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC),
		Language:     "en",
		Text:         text,
		FetchedAt:    time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC),
		ContentHash:  fmt.Sprintf("%x", len(text)) + "-" + canonical,
		SimHash:      0xF0F0_0000_0000_0000,
		Job:          "news",
		RulesVersion: 1,
	}
}

func testPage(canonical string, fetched time.Time) *crawler.Page {
	return &crawler.Page{
		URL:              canonical,
		FinalURL:         canonical,
		Status:           200,
		ContentType:      "text/html; charset=utf-8",
		ETag:             `"abc"`,
		LastModified:     "Sun, 01 Mar 2026 10:00:00 GMT",
		FetchedAt:        fetched,
		Body:             []byte("<html><body><p>" + strings.Repeat("hello ", 500) + canonical + "</p></body></html>"),
		ExtractorVersion: "readability-2.1.2",
		RulesVersion:     1,
	}
}

func TestSaveDocumentRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		doc  *crawler.Document
		page *crawler.Page
	}{
		{"document and page", testDoc("https://a.example/1", "a.example"), testPage("https://a.example/1", time.Unix(1e9, 0))},
		{"document only", testDoc("https://a.example/2", "a.example"), nil},
		{"page only", nil, testPage("https://b.example/3", time.Unix(2e9, 0))},
		{"empty body and zero time", nil, &crawler.Page{URL: "https://b.example/4"}},
		{"binary body", nil, &crawler.Page{URL: "https://b.example/5", Body: pseudoRandom(10000)}},
		{"unicode text", &crawler.Document{CanonicalURL: "https://c.example/ü", Site: "c.example", Text: "Grüße — 日本語 \u2028"}, nil},
	}
	db := mustOpen(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := db.SaveDocument(t.Context(), tt.doc, tt.page); err != nil {
				t.Fatalf("SaveDocument: %v", err)
			}
			if tt.doc != nil {
				got, err := db.Document(t.Context(), tt.doc.CanonicalURL)
				if err != nil {
					t.Fatalf("Document: %v", err)
				}
				if d := cmp.Diff(tt.doc, got); d != "" {
					t.Errorf("Document (-want +got)\n%s", d)
				}
			}
			if tt.page != nil {
				got, err := db.Page(t.Context(), tt.page.URL)
				if err != nil {
					t.Fatalf("Page: %v", err)
				}
				if d := cmp.Diff(tt.page, got); d != "" {
					t.Errorf("Page (-want +got)\n%s", d)
				}
			}
		})
	}
}

func TestSaveDocumentFillsPageURL(t *testing.T) {
	db := mustOpen(t)
	doc := testDoc("https://a.example/x", "a.example")
	page := testPage("", time.Unix(1e9, 0))
	if err := db.SaveDocument(t.Context(), doc, page); err != nil {
		t.Fatal(err)
	}
	if page.URL != "" {
		t.Error("SaveDocument modified the caller's page")
	}
	if _, err := db.Page(t.Context(), doc.CanonicalURL); err != nil {
		t.Errorf("Page under the document's URL: %v", err)
	}
}

func TestSaveDocumentRejects(t *testing.T) {
	tests := []struct {
		name string
		doc  *crawler.Document
		page *crawler.Page
	}{
		{"nothing", nil, nil},
		{"empty canonical URL", &crawler.Document{Site: "a.example"}, nil},
		{"NUL in site", &crawler.Document{CanonicalURL: "https://a.example/", Site: "a\x00b"}, nil},
		{"NUL in hash", &crawler.Document{CanonicalURL: "https://a.example/", ContentHash: "ab\x00"}, nil},
		{"empty page URL", nil, &crawler.Page{}},
		{"page URL differs", testDoc("https://a.example/1", "a.example"), testPage("https://a.example/2", time.Time{})},
		{"key too large", &crawler.Document{CanonicalURL: "https://a.example/" + strings.Repeat("x", 40000)}, nil},
	}
	db := mustOpen(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := db.SaveDocument(t.Context(), tt.doc, tt.page); err == nil {
				t.Error("SaveDocument succeeded")
			}
		})
	}
	st, err := db.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 0 || st.Pages != 0 {
		t.Errorf("rejected saves left %d documents and %d pages", st.Documents, st.Pages)
	}
}

func TestNotFound(t *testing.T) {
	db := mustOpen(t)
	if _, err := db.Document(t.Context(), "https://nowhere.example/"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Document = %v, want ErrNotFound", err)
	}
	if _, err := db.Page(t.Context(), "https://nowhere.example/"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Page = %v, want ErrNotFound", err)
	}
	err := db.UpdateDocument(t.Context(), testDoc("https://nowhere.example/", "nowhere.example"))
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateDocument of a missing document = %v, want ErrNotFound", err)
	}
	if _, err := db.Document(t.Context(), "https://nowhere.example/"); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateDocument of a missing document stored it: %v", err)
	}
}
