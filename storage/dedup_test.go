package storage

import (
	"testing"
	"time"
)

func TestDocumentByHash(t *testing.T) {
	db := mustOpen(t)
	a := testDoc("https://a.example/1", "a.example")
	a.ContentHash = "aaaa"
	b := testDoc("https://a.example/2", "a.example")
	b.ContentHash = "aaaab" // shares a prefix with a's hash
	if err := db.SaveDocument(t.Context(), a, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveDocument(t.Context(), b, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, hash, want string
		ok               bool
	}{
		{"exact", "aaaa", a.CanonicalURL, true},
		{"longer hash", "aaaab", b.CanonicalURL, true},
		{"prefix of a hash", "aaa", "", false},
		{"empty", "", "", false},
		{"absent", "ffff", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, err := db.DocumentByHash(t.Context(), tt.hash)
			if err != nil || got != tt.want || ok != tt.ok {
				t.Errorf("DocumentByHash(%q) = %q, %v, %v; want %q, %v", tt.hash, got, ok, err, tt.want, tt.ok)
			}
		})
	}
}

func TestNearDuplicate(t *testing.T) {
	db := mustOpen(t)
	save := func(u, site string, sim uint64) {
		d := testDoc(u, site)
		d.SimHash = sim
		if err := db.SaveDocument(t.Context(), d, nil); err != nil {
			t.Fatal(err)
		}
	}
	save("https://a.example/base", "a.example", 0xFFFF_0000_FFFF_0000)
	save("https://a.example/far", "a.example", 0x0000_FFFF_0000_FFFF)
	save("https://b.example/same", "b.example", 0xFFFF_0000_FFFF_0001)
	tests := []struct {
		name    string
		site    string
		sim     uint64
		maxDist int
		want    string
		ok      bool
	}{
		{"identical", "a.example", 0xFFFF_0000_FFFF_0000, 0, "https://a.example/base", true},
		{"three bits off", "a.example", 0xFFFF_0000_FFFF_0007, 3, "https://a.example/base", true},
		{"three bits off, max two", "a.example", 0xFFFF_0000_FFFF_0007, 2, "", false},
		{"closest wins", "a.example", 0x0000_FFFF_0000_FF00, 20, "https://a.example/far", true},
		{"other site not considered", "b.example", 0x0000_FFFF_0000_FFFF, 10, "", false},
		{"unknown site", "c.example", 0, 64, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, err := db.NearDuplicate(t.Context(), tt.site, tt.sim, tt.maxDist)
			if err != nil || got != tt.want || ok != tt.ok {
				t.Errorf("NearDuplicate = %q, %v, %v; want %q, %v", got, ok, err, tt.want, tt.ok)
			}
		})
	}
}

// UpdateDocument must move the hash and simhash entries: the old values
// stop finding the document and the new ones find it.
func TestUpdateDocumentReindexes(t *testing.T) {
	db := mustOpen(t)
	d := testDoc("https://a.example/story", "a.example")
	d.ContentHash, d.SimHash = "old-hash", 0x00FF
	if err := db.SaveDocument(t.Context(), d, testPage(d.CanonicalURL, time.Unix(5, 0))); err != nil {
		t.Fatal(err)
	}
	d.Text, d.ContentHash, d.SimHash, d.RulesVersion = "cleaner text", "new-hash", 0xFF00_0000_0000_0000, 2
	if err := db.UpdateDocument(t.Context(), d); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := db.DocumentByHash(t.Context(), "old-hash"); ok {
		t.Error("old hash still finds the document")
	}
	if u, ok, _ := db.DocumentByHash(t.Context(), "new-hash"); !ok || u != d.CanonicalURL {
		t.Errorf("new hash finds %q, %v", u, ok)
	}
	if _, ok, _ := db.NearDuplicate(t.Context(), "a.example", 0x00FF, 0); ok {
		t.Error("old simhash still finds the document")
	}
	if u, ok, _ := db.NearDuplicate(t.Context(), "a.example", 0xFF00_0000_0000_0000, 0); !ok || u != d.CanonicalURL {
		t.Errorf("new simhash finds %q, %v", u, ok)
	}
	got, err := db.Document(t.Context(), d.CanonicalURL)
	if err != nil || got.Text != "cleaner text" || got.RulesVersion != 2 {
		t.Errorf("Document after update = %+v, %v", got, err)
	}
	if _, err := db.Page(t.Context(), d.CanonicalURL); err != nil {
		t.Errorf("UpdateDocument lost the page: %v", err)
	}
}

// Two documents with the same text are both indexed; removing one from
// the hash (by updating it) leaves the other findable.
func TestSharedHashKeepsBoth(t *testing.T) {
	db := mustOpen(t)
	a, b := testDoc("https://a.example/1", "a.example"), testDoc("https://a.example/2", "a.example")
	a.ContentHash, b.ContentHash = "same", "same"
	if err := db.SaveDocument(t.Context(), a, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveDocument(t.Context(), b, nil); err != nil {
		t.Fatal(err)
	}
	a.ContentHash = "different"
	if err := db.UpdateDocument(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if u, ok, _ := db.DocumentByHash(t.Context(), "same"); !ok || u != b.CanonicalURL {
		t.Errorf("DocumentByHash(same) = %q, %v; want %s", u, ok, b.CanonicalURL)
	}
}
