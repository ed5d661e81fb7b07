package storage

// Bucket names. Open creates every bucket in allBuckets, so code in this
// package can assume they exist. Keys and values are described in doc.go.
var (
	bucketDocuments  = []byte("documents")  // canonical URL -> JSON crawler.Document
	bucketPages      = []byte("pages")      // canonical URL -> page record: header + zstd body of crawler.Page
	bucketHashes     = []byte("hashes")     // content hash + 0x00 + canonical URL -> empty
	bucketSimHashes  = []byte("simhashes")  // site + 0x00 + range + range bits + big-endian simhash + canonical URL -> empty, six per document (simindex.go)
	bucketSiteDocs   = []byte("sitedocs")   // site + 0x00 + canonical URL -> empty
	bucketPageTimes  = []byte("pagetimes")  // site + 0x00 + sortable fetched-at + canonical URL -> empty
	bucketAliases    = []byte("aliases")    // alias URL -> canonical URL
	bucketRules      = []byte("rules")      // site -> opaque rules text
	bucketJobRuns    = []byte("jobruns")    // job + 0x00 + sortable start + run ID -> JSON crawler.RunReport
	bucketFrontier   = []byte("frontier")   // canonical URL -> frontier entry
	bucketPending    = []byte("pending")    // job + 0x00 + host + 0x00 + crawler.FetchOrderKey + canonical URL -> empty
	bucketHosts      = []byte("hosts")      // host -> host state (politeness, robots, backoff)
	bucketValidators = []byte("validators") // URL -> ETag / Last-Modified
	bucketMeta       = []byte("meta")       // schema version and other singletons
)

var allBuckets = [][]byte{
	bucketDocuments, bucketPages, bucketHashes, bucketSimHashes, bucketSiteDocs,
	bucketPageTimes, bucketAliases, bucketRules, bucketJobRuns, bucketFrontier,
	bucketPending, bucketHosts, bucketValidators, bucketMeta,
}

// Keys in bucketMeta.
var metaSchemaVersion = []byte("schema_version")

// schemaVersion is the layout this package reads and writes. Bump it, and
// teach Open to migrate, whenever a key or value encoding changes.
const schemaVersion = 2
