package main

import (
	"strconv"
	"strings"
)

// The bench site's article text is generated from (host, index) by a
// seeded splitmix64 stream choosing among sentence shapes and word pools.
// The pools are large enough that two articles share few word pairs, so
// near-duplicate detection (SimHash over word pairs) keeps every one, and
// the sentences read like reporting so cleaners treat them as prose.

// benchRNG is splitmix64: fixed across Go releases, unlike math/rand.
type benchRNG struct{ state uint64 }

func newBenchRNG(host, i int) *benchRNG {
	r := &benchRNG{state: uint64(host)<<40 ^ uint64(i)*0x2545f4914f6cdd1d ^ 0x5eed}
	r.next()
	return r
}

func (r *benchRNG) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n); n must be positive.
func (r *benchRNG) intn(n int) int { return int(r.next() % uint64(n)) }

func (r *benchRNG) pick(list []string) string { return list[r.intn(len(list))] }

var (
	benchFirst = strings.Fields("Amira Ben Carla Dmitri Elena Farid Grace Hamish Ines Jonas Kofi Lena Marta Nikhil Olga " +
		"Pavel Quentin Rosa Samir Tomas Ulla Viktor Wendy Xavier Yusuf Zofia Aidan Bronwen Cyrus Delia Emeka Fiona " +
		"Gustav Hana Idris Jolene Kasper Leila Mateo Nadia Oren Priya Rahul Sigrid Tariq Una Vera Wilhelm Yara Zane")
	benchLast = strings.Fields("Okafor Lindqvist Moreau Haddad Kowalski Brennan Tanaka Oyelaran Castillo Novak Fitzgerald " +
		"Abernathy Petrov Mahlangu Rossi Sandoval Whitcombe Adeyemi Gallagher Iversen Karimi Laurent Mbeki Nakamura " +
		"Ortega Pellegrini Quarshie Rasmussen Szabo Thornbury Udeh Varga Winterbourne Yilmaz Zamora Achterberg Blackwood")
	benchRole = []string{"chairs the finance committee", "leads the residents' association", "runs a bakery on the high street",
		"teaches at the primary school", "represents the ward on the council", "manages the harbour authority",
		"coaches the under-fourteens", "directs the regional museum", "heads the nurses' union branch",
		"owns the hardware shop", "studies hydrology at the university", "farms sheep above the valley",
		"edits the parish newsletter", "drives the night bus", "organises the winter market"}
	benchOrg = []string{"the county council", "the water board", "the harbour trust", "the chamber of commerce",
		"the transport authority", "the health board", "the planning inspectorate", "the rail operator",
		"the university", "the fire service", "the housing association", "the tourism office", "the school governors",
		"the environment agency", "the rowing club", "the library service", "the police commissioner", "the bus company"}
	// Places are compounded from these halves: 600 towns, so two stories
	// seldom share one.
	benchPlaceHead = strings.Fields("Ash Brack Cald Dun East Fal Glen Har Inver Kil Lark Marrow North Oak Penn Ryd Stone " +
		"Thorn Up Vella Wex Yarrow Alder Birch Cold")
	benchPlaceTail = strings.Fields("worth field mouth more leigh mere wick lee bride hill by cote hampton ferry dale " +
		"aby cott combe grove ley stead ton bury ford")
	benchSyllable = strings.Fields("Ta Ver Mo Lin Dar Ket Sol Ba Ren Quil Zo Fen Har Lu Mor Pel Tre Vo Gal Nim Or Cas Bel Dun Ely")
	benchAdj      = strings.Fields("controversial delayed ambitious modest overdue revised popular costly temporary permanent " +
		"unexpected long-awaited scaled-back expanded disputed cautious emergency seasonal experimental regional " +
		"historic derelict flooded refurbished crowded quiet busy fragile sturdy narrow")
	benchNoun = []string{"bypass", "footbridge", "library", "sea wall", "bus route", "clinic", "skate park", "reservoir",
		"ferry service", "market hall", "cycle lane", "wind farm", "school extension", "sports centre", "housing scheme",
		"car park", "lifeboat station", "allotments", "bandstand", "swimming pool", "tram line", "community garden",
		"fire station", "harbour wall", "playing field", "railway halt", "museum wing", "care home", "recycling centre",
		"flood barrier", "youth club", "health centre", "pier", "roundabout", "town square", "cinema", "bowling green"}
	benchVerb = []string{"approved", "rejected", "postponed", "funded", "reviewed", "questioned", "welcomed", "opposed",
		"inspected", "reopened", "closed", "redesigned", "extended", "surveyed", "costed", "debated", "shortlisted"}
	benchUnit = []string{"households", "pupils", "passengers", "volunteers", "jobs", "homes", "visitors", "businesses",
		"residents", "signatures", "trees", "parking spaces", "boats", "members", "patients"}
	benchMonth = strings.Fields("January February March April May June July August September October November December")
	benchDay   = strings.Fields("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
	// Reasons name the story's own place or thing, so that they do not
	// become word pairs every story shares.
	benchWhy = []func(c *benchCast) string{
		func(c *benchCast) string { return "because the " + c.place() + " budget ran out" },
		func(c *benchCast) string { return "after a survey found cracks under the " + c.noun() },
		func(c *benchCast) string { return "following complaints from " + c.place() + " about noise" },
		func(c *benchCast) string { return "so that " + c.place() + " is ready before the summer" },
		func(c *benchCast) string { return "although " + c.person() + " spoke against it" },
		func(c *benchCast) string { return "while " + c.person() + " challenges it in court" },
		func(c *benchCast) string { return "after " + c.org() + " changed its grant rules" },
		func(c *benchCast) string { return "once the " + c.noun() + " site has dried out" },
		func(c *benchCast) string { return "as long as " + c.person() + " keeps to the timetable" },
		func(c *benchCast) string { return "unless the insurers of the " + c.noun() + " object" },
	}
)

// benchCast is what one story is about: a few people, places, things
// and organisations it keeps coming back to, as real stories do. Their
// word pairs recur through the story and rarely elsewhere, which is what
// keeps two stories' SimHashes far apart although they share sentence
// shapes.
type benchCast struct {
	r                           *benchRNG
	people, places, nouns, orgs []string
}

func newBenchCast(r *benchRNG) *benchCast {
	c := &benchCast{r: r}
	for range 3 {
		c.people = append(c.people, r.name())
		c.places = append(c.places, r.place())
		c.nouns = append(c.nouns, r.pick(benchNoun))
	}
	c.orgs = []string{r.pick(benchOrg), r.pick(benchOrg)}
	// Most schemes have a name of their own, which the story repeats.
	c.nouns[0] = r.pick(benchSyllable) + r.pick(benchSyllable) + strings.ToLower(r.pick(benchSyllable)) + " " + c.nouns[0]
	return c
}

func (c *benchCast) person() string { return c.r.pick(c.people) }
func (c *benchCast) place() string  { return c.r.pick(c.places) }
func (c *benchCast) noun() string   { return c.r.pick(c.nouns) }
func (c *benchCast) org() string    { return c.r.pick(c.orgs) }
func (c *benchCast) adj() string    { return c.r.pick(benchAdj) }
func (c *benchCast) num() string    { return strconv.Itoa(2 + c.r.intn(4998)) }
func (c *benchCast) unit() string   { return c.r.pick(benchUnit) }
func (c *benchCast) day() string    { return c.r.pick(benchDay) }
func (c *benchCast) month() string  { return c.r.pick(benchMonth) }
func (c *benchCast) why() string    { return benchWhy[c.r.intn(len(benchWhy))](c) }

// place is a town's name.
func (r *benchRNG) place() string { return r.pick(benchPlaceHead) + r.pick(benchPlaceTail) }

// name is a full name drawn afresh (a passing source).
func (r *benchRNG) name() string { return r.pick(benchFirst) + " " + r.pick(benchLast) }

// benchSentences are the sentence shapes; each draws its words from c.
var benchSentences = []func(c *benchCast) string{
	func(c *benchCast) string {
		return c.person() + ", who " + c.r.pick(benchRole) + ", said the " + c.adj() + " " + c.noun() +
			" in " + c.place() + " would serve about " + c.num() + " " + c.unit() + " by " + c.month() + "."
	},
	func(c *benchCast) string {
		return benchCapitalize(c.org()) + " " + c.r.pick(benchVerb) + " the " + c.noun() + " on " + c.day() + " " + c.why() + "."
	},
	func(c *benchCast) string {
		return "\u201cWe have waited " + strconv.Itoa(2+c.r.intn(30)) + " years for a " + c.noun() + " that works for " +
			c.place() + ",\u201d said " + c.person() + "."
	},
	func(c *benchCast) string {
		return "Figures from " + c.org() + " show " + c.num() + " " + c.unit() + " in " + c.place() + ", up from " + c.num() + "."
	},
	func(c *benchCast) string {
		return "The " + c.noun() + " at " + c.place() + " was " + c.r.pick(benchVerb) + " " + c.why() +
			", and " + c.person() + " expects the work to cost \u00a3" + strconv.Itoa(1+c.r.intn(40)) + "." + strconv.Itoa(c.r.intn(10)) + "m."
	},
	func(c *benchCast) string {
		return c.person() + " asked why " + c.org() + " had " + c.r.pick(benchVerb) + " the " + c.noun() + " in " + c.place() + "."
	},
	func(c *benchCast) string {
		return c.person() + " described the " + c.noun() + " plans as \u201c" + c.adj() + " but necessary\u201d."
	},
	func(c *benchCast) string {
		return "Designs for the " + c.noun() + " in " + c.place() + " are on show until " + c.day() + " " +
			strconv.Itoa(1+c.r.intn(28)) + " " + c.month() + "."
	},
	func(c *benchCast) string {
		return c.person() + " and " + c.person() + " met " + c.org() + " in " + c.place() + " about the " + c.adj() + " " + c.noun() + "."
	},
	func(c *benchCast) string {
		return "In " + c.place() + ", " + c.num() + " " + c.unit() + " now depend on the " + c.noun() + ", " + c.person() + " said."
	},
	func(c *benchCast) string {
		return benchCapitalize(c.noun()) + " works in " + c.place() + " and " + c.place() + " will follow " + c.why() + "."
	},
	func(c *benchCast) string {
		return "Asked about " + c.place() + ", " + c.person() + " said " + c.org() + " \u201cowes " + c.place() + " an answer\u201d."
	},
}

func (c *benchCast) sentence() string { return benchSentences[c.r.intn(len(benchSentences))](c) }

// benchStory is one generated article.
type benchStory struct {
	title, standfirst, byline, caption string
	paragraphs                         []string
}

// benchHeadline is the generated headline and standfirst of article i of
// host h, with the story's cast positioned for the rest of the story.
func benchHeadline(h, i int) (string, string, *benchCast) {
	c := newBenchCast(newBenchRNG(h, i))
	title := benchCapitalize(c.org()) + " " + c.r.pick(benchVerb) + " " + c.adj() + " " + c.noun() + " for " + c.place()
	return title, c.sentence(), c
}

// benchArticle generates article i of host h: 5 to 12 paragraphs of 2 to 6
// sentences each.
func benchArticle(h, i int) benchStory {
	title, standfirst, c := benchHeadline(h, i)
	s := benchStory{title: title, standfirst: standfirst, byline: c.r.name()}
	s.caption = "The " + c.noun() + " in " + c.place() + " last " + c.month() + ". Photo: " + c.r.name()
	np := 5 + c.r.intn(8)
	var b strings.Builder
	for range np {
		b.Reset()
		ns := 2 + c.r.intn(5)
		for k := range ns {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(c.sentence())
		}
		s.paragraphs = append(s.paragraphs, b.String())
	}
	return s
}

// benchSlug is the URL slug of index i, independent of the host so paths
// parse without knowing it.
func benchSlug(i int) string {
	r := newBenchRNG(0, i)
	return strings.ReplaceAll(r.pick(benchAdj)+"-"+r.pick(benchNoun)+"-"+strings.ToLower(r.place()), " ", "-")
}

// benchOutletName names outlet i.
func benchOutletName(i int) string {
	kinds := []string{"Gazette", "Courier", "Herald", "Chronicle", "Post", "Echo", "Advertiser", "Observer"}
	head, tail := benchPlaceHead[i%len(benchPlaceHead)], benchPlaceTail[(i*7)%len(benchPlaceTail)]
	return head + tail + " " + kinds[i%len(kinds)]
}
