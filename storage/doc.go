/*
Package storage keeps the crawler's state in one embedded bbolt file:
cleaned documents, the raw pages they came from, indexes for exact and
near-duplicate detection, per-site cleaning rules, crawl job history, and
the persistent crawl frontier with per-host state and conditional-GET
validators.

bbolt lives here and only here. Storage knows nothing of fetching or
cleaning: rules are opaque text that the cleaner parses when it uses them.

# Opening

Open takes an exclusive lock on the file, so one process at a time may
use it read-write. A second Open fails after Options.Timeout (one second
by default, never forever) with an error wrapping ErrLocked that names the
file. Tools that need to know what a running crawler is doing should ask
its admin endpoint instead of opening the file. A file that is not a bbolt
database, or whose meta pages are damaged, gives an error wrapping
ErrCorrupt; Open never panics on a bad file and never modifies one it
cannot read. Damage deeper in the file may only show when a transaction
touches it: bbolt panics there, and this package turns the panic into an
error wrapping ErrCorrupt. Check finds such damage up front.

# Buckets and keys

All keys and values are byte strings. In composite keys "+" means
concatenation and 0x00 separates a variable-length first part from the
rest; sites, content hashes and job names therefore may not contain NUL,
and the methods reject any that do. Times in keys are big-endian int64
Unix nanoseconds with the sign bit flipped, so byte order is time order
(times before 1678 or after 2262 are clamped).

	documents   canonical URL -> JSON crawler.Document
	pages       canonical URL -> 0x01 + uvarint n + n bytes of JSON {site, page} + zstd(body)
	hashes      content hash + 0x00 + canonical URL -> empty
	simhashes   site + 0x00 + range + 2 bytes of the simhash's bits in that range +
	            8-byte big-endian simhash + canonical URL -> empty, one key
	            for each of six bit ranges (see simindex.go)
	sitedocs    site + 0x00 + canonical URL -> empty
	pagetimes   site + 0x00 + 8-byte time(FetchedAt) + canonical URL -> empty
	aliases     alias URL -> canonical URL
	rules       site -> rules text
	jobruns     job + 0x00 + 8-byte time(Start) + run ID -> JSON crawler.RunReport
	frontier    URL -> frontier entry (see frontier.go)
	pending     job + 0x00 + host + 0x00 + crawler.FetchOrderKey + URL -> empty:
	            the frontier's pending entries in fetch order (see pending.go)
	hosts       host -> host state, and "\x00turn\x00" + host -> the host's next
	            allowed request start, saved before each request (see hosts.go)
	validators  URL -> ETag / Last-Modified (see validators.go)
	meta        "schema_version" -> 8-byte big-endian version

The pending bucket indexes the frontier: every write of a frontier entry
updates it in the same transaction, so a crawl run can read each host's
next few pending URLs without reading the frontier. Schema 2 added it
and split the simhashes index into bit ranges; Open migrates a file
written by schema 1.

The hashes, simhashes, sitedocs and pagetimes buckets are secondary
indexes. Every write of a document or page updates them in the same
transaction, removing the entries of the version it replaces, so they
always describe exactly the stored documents and pages. Because the hash
index keys on hash and URL together, several documents may share a text
hash without one hiding another. A page is listed in pagetimes under its
document's site, or under its URL's host without "www." while it has no
document; the page record keeps the site it was listed under so the entry
can be found again.

# Transactions

Methods check their context before starting a transaction; bbolt cannot
be interrupted once one has begun, so transactions are kept short and
never wait on the network. Compression of page bodies happens before the
write transaction starts.

Byte slices returned by bbolt are valid only inside the transaction that
produced them. Everything this package returns is a copy, and code inside
the package copies (or decodes) before a transaction ends.

Documents and Pages read in batches of short read transactions and call
their callback between batches, outside any transaction. A callback may
therefore write to the database, and a long export does not pin old pages
and grow the file. The price is that a walk is not a snapshot: records
written during it may or may not be seen, though none is seen twice.

# Caveats

A DB is safe for concurrent use, but bbolt serialises writers. The
small writes a crawl makes from many workers at once (Finish,
PutHostTurn) go through a group commit: a write that arrives while a
commit is on its way to disk joins the next one, so they share fsyncs;
such a write may run twice and must set its results from scratch.
Other writes, SaveDocument among them, are their own fsync'd transaction,
a few milliseconds on ordinary disks; UpdateDocuments rewrites many
documents in one. NearDuplicate reads the documents of a site that share
one of six SimHash bit ranges with the probe, about 6 in 2,048 of them,
up to a distance of five; wider probes read all of the site's. Stats counts records by walking each bucket's pages. Check reads
the whole file. When bbolt panics inside Open on a damaged freelist, its
memory mapping, and with it the file lock, stays until the process exits.
*/
package storage
