package demosite

import (
	"strings"
	"time"
)

const (
	// perOutlet is how many articles each outlet publishes.
	perOutlet = 22
	// corpusSeed fixes the corpus; changing it rewrites every article.
	corpusSeed = 20261122
	minWords   = 40
	maxWords   = 120
)

// story is one generated article before it is given a URL.
type story struct {
	topic      topic
	title      string
	paragraphs []string
	caption    string
	published  time.Time
}

// newest is the publication time of the newest story; older ones step back
// from it so that dates are fixed and distinct.
var newest = time.Date(2026, time.November, 20, 17, 45, 0, 0, time.UTC)

// corpus returns the stories of every outlet, outlets[i][j] being outlet i's
// j-th newest. It is deterministic: the same call always returns the same text.
func corpus(outletNames []string) [][]story {
	r := newRNG(corpusSeed)
	p := newPools(r)
	ts := topics()
	out := make([][]story, len(outletNames))
	perTopic := make([]int, len(ts))
	for g := 0; g < perOutlet*len(outletNames); g++ {
		o := g % len(outletNames)
		ti := (g / len(outletNames)) % len(ts)
		t := ts[ti]
		v := storyVars(r, p, t, g, perTopic[ti], outletNames[o])
		perTopic[ti]++
		s := compose(r, t, v)
		s.published = newest.Add(-time.Duration(g) * (5*time.Hour + 13*time.Minute))
		out[o] = append(out[o], s)
	}
	return out
}

// compose writes one story: a lead paragraph, body paragraphs of two or three
// sentences each, and a closing paragraph, every paragraph 40 to 120 words.
func compose(r *rng, t topic, v map[string]string) story {
	s := story{topic: t, title: expand(r, pick(r, t.headlines), v), caption: expand(r, pick(r, t.captions), v)}
	pool := shuffled(r, t.body)
	take := func() string {
		sent := expand(r, pool[0], v)
		pool = pool[1:]
		return sent
	}
	lead := expand(r, pick(r, t.leads), v)
	s.paragraphs = append(s.paragraphs, fill(lead, take, len(pool)))
	bodyParas := r.between(3, 5)
	// Keep two sentences back so the closing paragraph can reach minWords.
	for i := 0; i < bodyParas && len(pool) > 3; i++ {
		s.paragraphs = append(s.paragraphs, fill(take(), take, len(pool)-2))
	}
	closer := expand(r, pick(r, t.closers), v)
	for words(closer) < minWords && len(pool) > 0 {
		closer = take() + " " + closer
	}
	s.paragraphs = append(s.paragraphs, closer)
	return s
}

// fill grows a paragraph from first with further sentences until it has at
// least minWords words, without passing maxWords.
func fill(first string, take func() string, left int) string {
	para := first
	for words(para) < minWords && left > 0 {
		para += " " + take()
		left--
	}
	return para
}

func words(s string) int { return len(strings.Fields(s)) }

// expand resolves a template: first the {a|b} alternatives, then $NAME
// variables. An unknown variable is left as written so tests can find it.
func expand(r *rng, tmpl string, v map[string]string) string {
	var b strings.Builder
	for len(tmpl) > 0 {
		open := strings.IndexByte(tmpl, '{')
		if open < 0 {
			b.WriteString(tmpl)
			break
		}
		end := strings.IndexByte(tmpl[open:], '}')
		if end < 0 {
			b.WriteString(tmpl)
			break
		}
		b.WriteString(tmpl[:open])
		b.WriteString(pick(r, strings.Split(tmpl[open+1:open+end], "|")))
		tmpl = tmpl[open+end+1:]
	}
	return capitalize(substitute(b.String(), v))
}

func substitute(s string, v map[string]string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '$')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		j := i + 1
		for j < len(s) && (s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
			j++
		}
		if val, ok := v[s[i+1:j]]; ok && j > i+1 {
			b.WriteString(val)
		} else {
			b.WriteString(s[i:j])
		}
		s = s[j:]
	}
}
