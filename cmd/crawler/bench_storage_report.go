package main

import (
	"fmt"
	"strconv"
	"time"

	"crawler/storage"
)

// tables renders the storage section's three tables.
func (r *storageRun) tables() []benchTable {
	return []benchTable{r.perDocTable(), r.bucketTable(), r.recleanTable()}
}

func (r *storageRun) docs() int { return r.after.Documents }

// perDoc divides n by the number of documents.
func (r *storageRun) perDoc(n int64) float64 {
	if r.docs() == 0 {
		return 0
	}
	return float64(n) / float64(r.docs())
}

func (r *storageRun) perDocTable() benchTable {
	raw := r.perDoc(r.rawBytes)
	s := r.after
	row := func(name string, total int64) []string {
		return []string{name, fmtBytes(float64(total)), fmtBytes(r.perDoc(total)), ratio(r.perDoc(total), raw)}
	}
	stored := r.storedBytes()
	t := benchTable{
		Title: "Storage: bytes on disk per document",
		Intro: fmt.Sprintf("%d loopback outlets with %d articles in all, crawled once through the daemon's job path "+
			"(fetch, clean, store, then learn rules and re-clean) into a fresh database with no politeness delay, "+
			"which is then closed and reopened. The baseline is the raw HTML of the stored documents "+
			"(their page bodies before compression, read back from the same database). The file holds "+
			"each document's zstd-compressed raw page, its cleaned text and metadata, the indexes, "+
			"and the crawl's frontier, host state and validators.",
			storageHosts, r.articles),
		Header: []string{"Measure", "Total", "Per document", "vs raw HTML"},
		Rows: [][]string{
			{"Documents stored (of them site articles)", fmt.Sprintf("%d (%d)", r.docs(), r.articleDocs), "", ""},
			{"Pages fetched / requests served", fmt.Sprintf("%d / %d", r.report.Fetched, r.requests), "", ""},
			row("Raw HTML of the stored documents", r.rawBytes),
			row("Cleaned text of the stored documents", r.textBytes),
			row("Database file", s.FileSize),
			row("Data pages (file less bbolt's preallocation)", s.DataSize),
			row("Documents, pages and their indexes (allocated pages)", stored),
			{"Crawl, learning and re-clean", r.took.Round(time.Millisecond).String(),
				fmt.Sprintf("%.0f documents/s", float64(r.docs())/r.took.Seconds()), ""},
		},
	}
	t.Verdicts = append(t.Verdicts,
		verdict(r.articleDocs == r.articles && r.rawPages == r.docs(),
			"every article served is stored once, with its raw page",
			fmt.Sprintf("%d of %d articles stored; %d documents in all, %d with a raw page", r.articleDocs, r.articles, r.docs(), r.rawPages)),
		fmt.Sprintf("A stored document costs %s of file (%s of it for the document, its raw page and indexes) "+
			"against %s of raw HTML: %s the raw size.",
			fmtBytes(r.perDoc(s.FileSize)), fmtBytes(r.perDoc(stored)), fmtBytes(raw), ratio(float64(s.FileSize), float64(r.rawBytes))))
	return t
}

// docBuckets are the buckets that hold documents, raw pages and the
// indexes over them: what a stored document costs, without the crawl's
// own state.
var docBuckets = []string{"documents", "pages", "hashes", "simhashes", "sitedocs", "pagetimes", "aliases"}

func (r *storageRun) storedBytes() int64 {
	var n int64
	for _, b := range docBuckets {
		n += r.after.Bucket(b).Alloc
	}
	return n
}

func (r *storageRun) bucketTable() benchTable {
	s := r.after
	share := func(n int64) string { return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(max(s.FileSize, 1))) }
	t := benchTable{
		Title: "Storage: where the bytes go",
		Intro: "The same database as above, bucket by bucket (storage.DB.Stats over bbolt's page statistics). " +
			"Used is keys, values and bbolt's record headers; allocated is the whole pages the bucket occupies. " +
			"A large raw page spills into overflow pages and counts in full.",
		Header: []string{"Bucket", "Records", "Used", "Allocated", "Allocated per document", "Share of file"},
	}
	var alloc int64
	for _, b := range s.Buckets {
		alloc += b.Alloc
		if b.Keys == 0 {
			continue
		}
		t.Rows = append(t.Rows, []string{b.Name, strconv.Itoa(b.Keys), fmtBytes(float64(b.Used)),
			fmtBytes(float64(b.Alloc)), fmtBytes(r.perDoc(b.Alloc)), share(b.Alloc)})
	}
	other := s.DataSize - alloc - s.FreeBytes
	prealloc := s.FileSize - s.DataSize
	t.Rows = append(t.Rows,
		[]string{"free pages", strconv.Itoa(s.FreePages + s.PendingPages), "", fmtBytes(float64(s.FreeBytes)), fmtBytes(r.perDoc(s.FreeBytes)), share(s.FreeBytes)},
		[]string{"meta, freelist, bucket tree", "", "", fmtBytes(float64(other)), fmtBytes(r.perDoc(other)), share(other)},
		[]string{"preallocated by bbolt", "", "", fmtBytes(float64(prealloc)), fmtBytes(r.perDoc(prealloc)), share(prealloc)},
		[]string{"**file**", "", "", fmtBytes(float64(s.FileSize)), fmtBytes(r.perDoc(s.FileSize)), "100%"},
	)
	return t
}

func (r *storageRun) recleanTable() benchTable {
	base := r.after
	t := benchTable{
		Title: "Storage: database size over repeated full recleans",
		Intro: fmt.Sprintf("The database above cleaned again %d times with the code of `crawler reclean` (every site, "+
			"learned rules merged with the configured manual ones). Passes alternate between adding a manual remove rule "+
			"(`%s`, the first paragraph of every article) and taking it away, so every pass rewrites every document. "+
			"Sizes are compared with the database right after the crawl.", storageRecleans, storageDropSelector),
		Header: []string{"State", "Documents rewritten", "File", "Data pages", "Free pages", "File vs after crawl", "Took"},
		Rows:   [][]string{storageSizeRow("after crawl", "", base, base, 0)},
	}
	for i, p := range r.passes {
		rules := "learned"
		if p.withDrop {
			rules = "learned + drop rule"
		}
		t.Rows = append(t.Rows, storageSizeRow(fmt.Sprintf("reclean %d (%s)", i+1, rules), strconv.Itoa(p.rewritten), p.stats, base, p.took))
	}
	t.Verdicts = r.recleanVerdicts()
	return t
}

func storageSizeRow(name, rewritten string, s, base storage.Stats, took time.Duration) []string {
	tookText := ""
	if took > 0 {
		tookText = took.Round(time.Millisecond).String()
	}
	return []string{name, rewritten, fmtBytes(float64(s.FileSize)), fmtBytes(float64(s.DataSize)),
		fmt.Sprintf("%d (%s)", s.FreePages+s.PendingPages, fmtBytes(float64(s.FreeBytes))),
		ratio(float64(s.FileSize), float64(base.FileSize)), tookText}
}

// recleanVerdicts states whether every pass rewrote every document and
// whether the file stopped growing once the first rewrite had freed the
// old versions' pages.
func (r *storageRun) recleanVerdicts() []string {
	all := true
	for _, p := range r.passes {
		all = all && p.rewritten == r.docs()
	}
	var v []string
	v = append(v, verdict(all, "every reclean rewrites every document", fmt.Sprintf("%d documents, rewritten per pass: %s", r.docs(), r.rewrittenList())))
	if n := len(r.passes); n >= 2 {
		prev, last := r.passes[n-2].stats, r.passes[n-1].stats
		v = append(v, verdict(!recleanGrew(prev, last), "the database does not keep growing on repeated recleans",
			fmt.Sprintf("file %s after reclean %d, %s after reclean %d; data pages %s -> %s",
				fmtBytes(float64(prev.FileSize)), n-1, fmtBytes(float64(last.FileSize)), n,
				fmtBytes(float64(prev.DataSize)), fmtBytes(float64(last.DataSize)))))
	}
	return v
}

func (r *storageRun) rewrittenList() string {
	s := ""
	for i, p := range r.passes {
		if i > 0 {
			s += ", "
		}
		s += strconv.Itoa(p.rewritten)
	}
	return s
}

// fmtBytes writes n bytes in B, KiB or MiB.
func fmtBytes(n float64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.2f MiB", n/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", n/(1<<10))
	}
	return fmt.Sprintf("%.0f B", n)
}
