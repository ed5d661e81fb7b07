package demosite

import (
	"fmt"
	"strings"
)

// pools are the per-corpus orderings of the name lists, shuffled once so
// that consecutive stories of a topic get different towns, schemes and so on.
type pools struct {
	towns     []string
	schemes   []scheme
	studies   []study
	companies []company
	storms    []string
}

func newPools(r *rng) pools {
	var towns []string
	for _, p := range townPrefixes {
		for _, s := range townSuffixes {
			towns = append(towns, p+s)
		}
	}
	return pools{
		towns:     shuffled(r, towns),
		schemes:   shuffled(r, schemes),
		studies:   shuffled(r, studies),
		companies: shuffled(r, companies),
		storms:    shuffled(r, storms),
	}
}

// storyVars returns the values fixed for one story: g is its index in the
// whole corpus (it owns towns[g]) and k its index among stories of its topic.
func storyVars(r *rng, p pools, t topic, g, k int, outlet string) map[string]string {
	v := map[string]string{
		"TOWN": p.towns[g], "OUTLET": outletRef(outlet),
		"RIVER": pick(r, rivers), "STREET": pick(r, streets), "WARD": pick(r, wards),
		"MONTH": pick(r, months), "N1": itoa(r.between(3, 12)), "N1B": itoa(r.between(2, 9)),
		"N2": itoa(r.between(20, 95)), "N2B": itoa(r.between(15, 60)), "N2C": itoa(r.between(25, 140)),
		"N3": itoa(r.between(120, 880)), "N4": thousands(r.between(12, 98) * 100),
		"PCT": itoa(r.between(6, 38)), "SMALLPCT": itoa(r.between(2, 9)),
		"MONEY":    fmt.Sprintf("£%d.%d million", r.between(2, 48), r.between(1, 9)),
		"MONEY2":   fmt.Sprintf("£%d,000", r.between(12, 95)*10),
		"MONEY3":   fmt.Sprintf("£%d million", r.between(20, 400)),
		"WAGE":     fmt.Sprintf("£%d,%d00", r.between(23, 34), r.between(0, 9)),
		"YEAR":     itoa(r.between(2027, 2030)),
		"PASTYEAR": itoa(r.between(1998, 2016)), "OLDYEAR": itoa(r.between(1958, 1969)),
		"MINUTES": itoa(r.between(12, 29)),
	}
	others := shuffled(r, p.towns[len(p.towns)-40:]) // never a story's own town
	v["TOWN2"], v["TOWN3"] = others[0], others[1]
	days := shuffled(r, weekdays)
	v["DAY"], v["DAY2"] = days[0], days[1]
	people(r, v, t.name == "sport")
	topicVars(r, p, t.name, k, v)
	return v
}

// people sets P1..P6 (full names) and P1L..P6L (surnames), all different.
func people(r *rng, v map[string]string, male bool) {
	firsts := firstNames
	if male {
		firsts = maleFirstNames
	}
	fs, ss := shuffled(r, firsts), shuffled(r, surnames)
	for i := 1; i <= 6; i++ {
		v[fmt.Sprintf("P%d", i)] = fs[i] + " " + ss[i]
		v[fmt.Sprintf("P%dL", i)] = ss[i]
	}
}

func topicVars(r *rng, p pools, name string, k int, v map[string]string) {
	switch name {
	case "council":
		s := p.schemes[k%len(p.schemes)]
		v["SCHEME"], v["SCHEMESHORT"] = s.long, s.short
		v["COUNCIL"] = v["TOWN"] + " " + pick(r, []string{"Borough", "District", "Town"}) + " Council"
		v["ROLE"] = pick(r, []string{"council leader", "cabinet member for regeneration", "deputy leader"})
		v["VFOR"], v["VAG"] = itoa(r.between(7, 11)), itoa(r.between(2, 6))
	case "weather":
		v["STORM"], v["ROAD"] = p.storms[k%len(p.storms)], pick(r, roads)
		v["AGENCY"] = pick(r, []string{"the National Weather Office", "the Met Service", "Valley Weather Centre"})
	case "sport":
		s1 := r.between(2, 4)
		v["S1"], v["S2"] = itoa(s1), itoa(r.between(0, s1-1))
		suffixes := shuffled(r, clubSuffixes)
		v["CLUB1"], v["CLUB2"] = v["TOWN"]+" "+suffixes[0], v["TOWN2"]+" "+suffixes[1]
		v["MIN1"], v["MIN2"] = ordinal(r.between(8, 40)), ordinal(r.between(55, 88))
		v["RUN"], v["BOOKED"], v["CLUB3"] = itoa(r.between(4, 12)), itoa(r.between(3, 7)), v["TOWN3"]+" "+suffixes[2]
		v["POS"] = pick(r, []string{"second", "third", "fourth", "fifth", "sixth", "seventh"})
		v["ATT"], v["POSS"], v["GROUND"] = thousands(r.between(18, 140)*100+r.between(1, 99)), itoa(r.between(55, 68)), pick(r, grounds)
	case "science":
		s := p.studies[k%len(p.studies)]
		v["THING"], v["THINGCAP"], v["HABITAT"], v["MEASURE"] = s.thing, capitalize(s.thing), s.habitat, s.measure
		v["UNI"], v["JOURNAL"] = "University of "+v["TOWN"], pick(r, journals)
		if r.intn(2) == 0 {
			v["TREND"], v["TRENDED"] = "decline", "fallen"
		} else {
			v["TREND"], v["TRENDED"] = "recovery", "risen"
		}
	case "business":
		c := p.companies[k%len(p.companies)]
		v["ORG"], v["PRODUCT"] = c.name, c.product
	case "transport":
		v["OPERATOR"] = pick(r, operators)
	}
}

// outletRef is how a story names its own outlet mid-sentence.
func outletRef(name string) string {
	if strings.HasPrefix(name, "The ") {
		return name
	}
	return "the " + name
}

func itoa(n int) string { return fmt.Sprint(n) }

// thousands formats n with a comma between thousands, as newspapers print it.
func thousands(n int) string {
	s := itoa(n)
	if len(s) <= 3 {
		return s
	}
	return s[:len(s)-3] + "," + s[len(s)-3:]
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return itoa(n) + suffix
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
