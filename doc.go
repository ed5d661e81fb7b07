// Package crawler holds the data types shared by the crawler's packages:
// documents, raw pages and run reports. It imports nothing of the project and
// does no I/O, so every other package can depend on it.
//
// # Architecture
//
// The binary in cmd/crawler wires everything together; the arrows point one
// way only:
//
//	cmd/crawler ──► admin, schedule, fetch, storage, demosite
//	fetch       ──► clean (pure, called directly), storage (through fetch.Store)
//	storage     ──► bbolt only (learned rules are opaque text to it)
//	clean       ──► nothing of ours: HTML + URL + rules in, document out
//
// All of them may import this root package, which imports none of them.
package crawler
