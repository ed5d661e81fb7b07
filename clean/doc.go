// Package clean turns a news page's HTML into clean article text.
//
// It is pure: bytes and a URL in, values out. It does no network or file
// I/O, never logs and starts no goroutines, so it can be fuzzed, benchmarked
// and golden-tested with no setup.
//
// # Pipeline
//
// Extract parses the page once with x/net/html and then:
//
//  1. removes elements matched by manual remove-selector rules, and sets
//     aside the article body when a body-selector rule names it;
//  2. prunes learned template containers (template-path rules) and learned
//     template blocks from the raw tree, unless that would take more than
//     half of the page's text or touch the page's own JSON-LD articleBody;
//  3. runs readability on the tree (readable.go is the only caller), with
//     class names kept so the filters can read them;
//  4. cuts readability's article into blocks and drops, with a reason, each
//     block a rule or a generic filter (Filter constants) objects to: the
//     repeated headline, captions and credits, short blocks with chrome
//     class names, link-dense blocks, chrome phrases (comment, share,
//     print, contact, support and disclaimer lines, "more ..." headings),
//     post metadata, datelines, bylines and everything from a
//     comment-section heading on. Keep rules and the JSON-LD articleBody
//     protect blocks from all of these;
//  5. puts back prose readability dropped inside the article span and the
//     sections that continue it in sibling containers (tailfill.go), or
//     falls back to the JSON-LD articleBody or the page's prose paragraphs
//     when readability plainly chose the wrong part of the page.
//
// When pruning leaves less than a few hundred bytes of article, the page is
// extracted again without it and the longer result wins.
//
// # Rules
//
// Rules of one site are learned and manual alike (Rule.Origin) and share one
// text form (ParseRules, Rules.MarshalText), one rule per line with its
// evidence. Learn counts, over a site's distinct pages, normalised block
// texts (case, whitespace and digit runs folded) with the stable DOM path of
// their container, and the paths of link-heavy containers. A block on at
// least 3 pages and 30% of at least 5 is template; where the site's article
// paragraphs sit it must be short and on 60% of them. Rules keep their id
// across runs, so a pin or a disable survives relearning; rules that stop
// recurring become candidates and age out. ManualRules and Merge add a
// person's rules, which win.
package clean
