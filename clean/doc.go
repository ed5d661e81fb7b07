// Package clean turns a news page's HTML into clean article text.
//
// It is pure: bytes and a URL in, values out. It does no network or file
// I/O, never logs and starts no goroutines, so it can be fuzzed, benchmarked
// and golden-tested with no setup.
//
// Extract runs readability (the only place it is called) and then the
// site's rules and the generic chrome filters; Learn derives per-site rules
// from a sample of a site's pages.
package clean
