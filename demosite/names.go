package demosite

// Invented names the corpus draws from. Towns are built from a prefix and a
// suffix so that every article can have a place of its own.

var townPrefixes = []string{
	"Alder", "Bramble", "Caster", "Dunmere", "Elder", "Falwick", "Gorse", "Hollin",
	"Ivel", "Kesgrave", "Lark", "Merrow", "Nether", "Oster", "Pellow", "Quarry",
	"Rook", "Selwood", "Tarn", "Wendle",
}

var townSuffixes = []string{
	"borough", "bridge", "combe", "dale", "field", "ford", "haven", "holm",
	"mouth", "stead", "thorpe", "wick",
}

var rivers = []string{
	"Aldwen", "Brisk", "Corrin", "Dunnet", "Ellery", "Fenner", "Gavel", "Harle",
	"Kinver", "Lowen", "Marrow", "Tavish",
}

var firstNames = []string{
	"Aisha", "Ben", "Carys", "Daniel", "Eleanor", "Farid", "Grace", "Harriet",
	"Imran", "Joanna", "Kieran", "Lucy", "Malcolm", "Nadia", "Owen", "Priya",
	"Rhys", "Sophie", "Tomasz", "Una", "Victor", "Wendy", "Yusuf", "Zoe",
}

// maleFirstNames are used where the templates say "he" or "his".
var maleFirstNames = []string{
	"Adam", "Callum", "Declan", "Ewan", "Gareth", "Jamal", "Liam", "Marek",
	"Niall", "Ollie", "Ryan", "Stefan",
}

var surnames = []string{
	"Ashworth", "Blackmore", "Carrow", "Delaney", "Ekwueme", "Fairbairn", "Gillespie",
	"Hollis", "Iqbal", "Jessop", "Kowalczyk", "Lindqvist", "McBride", "Nkemelu",
	"Okafor", "Pennington", "Quayle", "Rasmussen", "Sandoval", "Trevelyan",
	"Underwood", "Varga", "Whitlock", "Yeardley",
}

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

var months = []string{
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
}

var streets = []string{
	"Mill Lane", "Station Road", "Church Street", "Quay Street", "Harrow Road",
	"Market Hill", "Tanner's Row", "Orchard Way", "Bridge Street", "Castle Walk",
}

var wards = []string{"Riverside", "Abbey", "Northgate", "Hillcrest", "Old Town", "Meadowbank", "Westfield"}

var clubSuffixes = []string{"United", "Rovers", "Athletic", "Albion", "Town", "Wanderers"}

var grounds = []string{"Mill Road", "the Riverside Stadium", "Quarry Lane", "the Memorial Ground", "Kiln Park", "the Old Showground"}

var storms = []string{"Storm Imelda", "Storm Bertrand", "Storm Carys", "Storm Desmond", "Storm Efa", "Storm Gwilym", "Storm Hattie", "Storm Ivo", "Storm Juno", "Storm Kester", "Storm Lorna"}

var roads = []string{"the B4120", "the A614", "Ferry Lane", "the valley road", "the old coach road", "Watermead Road"}

var operators = []string{"Westway Rail", "Coastlink Trains", "Vale & Moor Railway", "Northern Shires Rail"}

var journals = []string{"Field Ecology Letters", "Freshwater Biology Reports", "the Journal of Applied Habitats", "Landscape and Wildlife", "Environmental Records"}

// scheme is a council building project with the long and short names the
// templates need.
type scheme struct{ long, short string }

var schemes = []scheme{
	{"a new riverside library", "riverside library"},
	{"the redevelopment of the market square", "market square redevelopment"},
	{"a 400-space park-and-ride", "park-and-ride"},
	{"the refurbishment of the old corn exchange", "corn exchange refurbishment"},
	{"a new leisure centre and pool", "leisure centre"},
	{"a covered market hall", "market hall"},
	{"a youth centre on the former bus depot", "youth centre"},
	{"a cycle bridge over the river", "cycle bridge"},
	{"the conversion of the old courthouse into flats", "courthouse conversion"},
	{"a new health hub beside the station", "health hub"},
	{"the expansion of the town cemetery", "cemetery expansion"},
	{"a community solar farm", "solar farm"},
}

// study is a field-science subject.
type study struct{ thing, habitat, measure string }

var studies = []study{
	{"wild bumblebees", "roadside verges", "foraging activity"},
	{"freshwater mussels", "upland streams", "shell growth"},
	{"hedgehogs", "suburban gardens", "night-time movement"},
	{"seagrass beds", "the estuary", "carbon storage"},
	{"swifts", "old church towers", "the number of returning pairs"},
	{"soil fungi", "traditional orchards", "the density of root networks"},
	{"barn owls", "mixed farmland", "breeding success"},
	{"brown trout", "chalk streams", "the number of spawning sites"},
	{"glow-worms", "railway cuttings", "the number of glowing females"},
	{"dormice", "ancient hedgerows", "the number of occupied nest boxes"},
	{"natterjack toads", "coastal dunes", "spawning success"},
	{"peat mosses", "the high moor", "water retention"},
}

// company is an invented employer and what it makes.
type company struct{ name, product string }

var companies = []company{
	{"Halvern Foods", "chilled ready meals"},
	{"Corvid Systems", "circuit boards for medical devices"},
	{"Brightwater Logistics", "parcel sorting machines"},
	{"Lumen Textiles", "technical fabrics for outdoor clothing"},
	{"Ostara Bakeries", "sourdough bread and pastries"},
	{"Tidewell Marine", "electric boat engines"},
	{"Greyfriars Brewing", "cask and bottled ales"},
	{"Kellan Pharma", "generic medicines"},
	{"Northgate Cycles", "electric bikes"},
	{"Marram Energy", "domestic heat pumps"},
	{"Pennock Print", "recyclable food packaging"},
	{"Saltire Optics", "precision lenses"},
}
