package clean

import (
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// phraseRegexp is a regexp anchored at the start of the text with a
// pre-check on its first two bytes. The phrase regexps are large
// alternations too big for Go's backtracker, so every call starts the
// NFA, even when the first two letters already rule a match out, which
// is the case for nearly all article prose.
type phraseRegexp struct {
	re *regexp.Regexp
	// viable[a] has bit b set when a match can begin with ASCII bytes a, b
	// (or is complete after a). nil when the regexp is not anchored at the
	// start or can match the empty string: no pre-check is then safe.
	viable *[utf8.RuneSelf][2]uint64
}

// mustPhrase compiles expr like regexp.MustCompile and derives the
// pre-check from its program.
func mustPhrase(expr string) *phraseRegexp {
	p := &phraseRegexp{re: regexp.MustCompile(expr)}
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return p
	}
	prog, err := syntax.Compile(tree.Simplify())
	if err != nil || prog.StartCond()&syntax.EmptyBeginText == 0 {
		return p
	}
	p.viable = viablePairs(prog)
	return p
}

// MatchString reports whether s matches, as regexp.Regexp.MatchString.
func (p *phraseRegexp) MatchString(s string) bool {
	if p.viable != nil && len(s) >= 2 && s[0] < utf8.RuneSelf && s[1] < utf8.RuneSelf &&
		p.viable[s[0]][s[1]>>6]&(1<<(s[1]&63)) == 0 {
		return false
	}
	return p.re.MatchString(s)
}

// viablePairs runs prog over every pair of ASCII bytes. Empty-width
// assertions are taken to hold, so the table errs towards running the
// regexp. It returns nil when prog matches the empty string.
func viablePairs(prog *syntax.Prog) *[utf8.RuneSelf][2]uint64 {
	start, matched := closure(prog, []uint32{uint32(prog.Start)})
	if matched {
		return nil
	}
	var t [utf8.RuneSelf][2]uint64
	for a := rune(0); a < utf8.RuneSelf; a++ {
		after, done := closure(prog, step(prog, start, a))
		for b := rune(0); b < utf8.RuneSelf; b++ {
			if done || len(step(prog, after, b)) > 0 {
				t[a][b>>6] |= 1 << (b & 63)
			}
		}
	}
	return &t
}

// step returns the instructions reached by consuming r from the rune
// instructions in set.
func step(prog *syntax.Prog, set []uint32, r rune) []uint32 {
	var next []uint32
	for _, pc := range set {
		i := &prog.Inst[pc]
		var ok bool
		switch i.Op {
		case syntax.InstRune, syntax.InstRune1:
			ok = i.MatchRune(r)
		case syntax.InstRuneAny:
			ok = true
		case syntax.InstRuneAnyNotNL:
			ok = r != '\n'
		}
		if ok {
			next = append(next, i.Out)
		}
	}
	return next
}

// closure follows the empty transitions from pcs and returns the rune
// instructions reached, and whether a match instruction is.
func closure(prog *syntax.Prog, pcs []uint32) (runes []uint32, matched bool) {
	seen := make(map[uint32]bool)
	stack := append([]uint32(nil), pcs...)
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[pc] {
			continue
		}
		seen[pc] = true
		i := &prog.Inst[pc]
		switch i.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, i.Out, i.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			stack = append(stack, i.Out)
		case syntax.InstMatch:
			matched = true
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			runes = append(runes, pc)
		}
	}
	return runes, matched
}
