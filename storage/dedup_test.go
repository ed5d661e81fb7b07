package storage

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
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

// TestNearDuplicateMatchesBruteForce compares NearDuplicate with a scan of
// every stored SimHash, for probes near stored ones and random ones, at
// every distance the bit ranges answer and beyond.
func TestNearDuplicateMatchesBruteForce(t *testing.T) {
	db := mustOpen(t)
	r := rand.New(rand.NewPCG(3, 4))
	type stored struct {
		url string
		sim uint64
	}
	var docs []stored
	for i := range 400 {
		sim := r.Uint64()
		if i%10 == 1 {
			sim = docs[i-1].sim ^ 1<<r.IntN(64) // close pairs
		}
		d := testDoc(fmt.Sprintf("https://s.example/%03d", i), "s.example")
		d.SimHash = sim
		if err := db.SaveDocument(t.Context(), d, nil); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, stored{d.CanonicalURL, sim})
	}
	for i := range 300 {
		probe := r.Uint64()
		if i%2 == 0 {
			probe = docs[r.IntN(len(docs))].sim
			for range r.IntN(9) {
				probe ^= 1 << r.IntN(64)
			}
		}
		for _, maxDist := range []int{0, 3, 5, 8, 40} {
			wantURL, wantD, wantSim := "", maxDist+1, uint64(0)
			for _, d := range docs {
				dist := bits.OnesCount64(probe ^ d.sim)
				if dist < wantD || dist == wantD && wantURL != "" && (d.sim < wantSim || d.sim == wantSim && d.url < wantURL) {
					wantURL, wantD, wantSim = d.url, dist, d.sim
				}
			}
			got, ok, err := db.NearDuplicate(t.Context(), "s.example", probe, maxDist)
			if err != nil || got != wantURL || ok != (wantURL != "") {
				t.Fatalf("probe %016x max %d: got %q %v %v, want %q (distance %d)", probe, maxDist, got, ok, err, wantURL, wantD)
			}
		}
	}
}

// TestNearDuplicateEveryRangeCounts stores a SimHash and probes it at
// distance five with one bit flipped in every bit range but one, for each
// range in turn: only that range still agrees, so each must be read.
func TestNearDuplicateEveryRangeCounts(t *testing.T) {
	db := mustOpen(t)
	const sim = 0x0123_4567_89AB_CDEF
	d := testDoc("https://r.example/story", "r.example")
	d.SimHash = sim
	if err := db.SaveDocument(t.Context(), d, nil); err != nil {
		t.Fatal(err)
	}
	for keep := range simRanges {
		probe := uint64(sim)
		for r, s := range simRanges {
			if r != keep {
				probe ^= 1 << s.shift // the lowest bit of range r
			}
		}
		got, ok, err := db.NearDuplicate(t.Context(), "r.example", probe, simExactDistance)
		if err != nil || !ok || got != d.CanonicalURL {
			t.Errorf("only range %d agrees: got %q %v %v, want the stored story", keep, got, ok, err)
		}
	}
}
