package storage

// Bucket names. Open creates every bucket in allBuckets, so code in this
// package can assume they exist.
var (
	bucketDocuments  = []byte("documents")  // canonical URL -> JSON crawler.Document
	bucketPages      = []byte("pages")      // canonical URL -> JSON header + zstd body of crawler.Page
	bucketHashes     = []byte("hashes")     // content hash -> canonical URL
	bucketSimHashes  = []byte("simhashes")  // site + 0x00 + big-endian simhash -> canonical URL
	bucketAliases    = []byte("aliases")    // alias URL -> canonical URL
	bucketRules      = []byte("rules")      // site -> opaque rules text
	bucketJobRuns    = []byte("jobruns")    // job + 0x00 + big-endian start nanos -> JSON crawler.RunReport
	bucketFrontier   = []byte("frontier")   // canonical URL -> frontier entry
	bucketHosts      = []byte("hosts")      // host -> host state (politeness, robots, backoff)
	bucketValidators = []byte("validators") // URL -> ETag / Last-Modified
	bucketMeta       = []byte("meta")       // schema version and other singletons
)

var allBuckets = [][]byte{
	bucketDocuments, bucketPages, bucketHashes, bucketSimHashes, bucketAliases,
	bucketRules, bucketJobRuns, bucketFrontier, bucketHosts, bucketValidators, bucketMeta,
}
