package demosite

// Further body sentences per topic. Each story uses only part of its
// topic's pool, which keeps stories of the same kind from sharing much text.

var extraBody = map[string][]string{
	"council": {
		"{A heritage group|The civic society} {had urged|asked} the committee to {list the building|delay a decision} {until|pending} {an archaeological survey|a fresh survey of the cellars} {was finished|had been carried out}, {but|although} {members rejected that by $VFOR votes to $VAG|the request was turned down}.",
		"{Parking charges|The price of parking} {in the multi-storey|on $STREET} {will be frozen|are to stay the same} {while|for as long as} {the work goes on|the scaffolding is up}, {the leader's office said|a council statement added}, {to protect|in a bid to help} {trade on the high street|independent shops}.",
		"{Ward councillors|Members for the $WARD ward} {reported|said they had received} {dozens of|$N2} {emails|calls} {from constituents|from families} {worried|anxious} {that|about whether} {the bus stop outside the site|the footpath to the primary school} {would be moved|would stay open}.",
		"{The cost of the scheme|The budget} has {risen|grown} by {almost|roughly} $PCT per cent since {it was first proposed|the first drawings were published}, {mainly because of|largely due to} {higher steel prices|construction inflation} and {a redesign of the drainage|extra flood protection}.",
		"{Building control officers|Council engineers} {said|confirmed} the {old foundations|existing structure} {were|was} {sound|in better condition than feared}, {which|and this} {saved|cut} {about|an estimated} $MONEY2 from the {estimate|final bill}.",
		"{If the timetable holds|Assuming no further delays}, {the first phase|the main building} {could open|should be finished} {in the autumn of $YEAR|by the summer of $YEAR}, {with|and} {landscaping|the public square} {completed|finished} {the following spring|a few months later}.",
	},
	"weather": {
		"{Volunteers|Neighbours} {filled|handed out} {more than|about} $N3 sandbags {at|outside} {the fire station|the parish church} {on $DAY afternoon|as the warnings went up}, {and|while} {some shops|a pub on $ROAD} {boarded up|sealed} their {doors|front windows}.",
		"{Railway lines|The line} {through|near} $TOWN2 {was|were} {blocked|closed} {by a landslip|by fallen trees} {in|near} {a cutting|the tunnel mouth}, and {the operator|engineers} {said|warned} {it|the line} {could stay shut|might not reopen} {for several days|until $DAY2}.",
		"{Rainfall records|Figures from the nearest weather station} {show|suggest} that {$TOWN|the valley} {had|received} {more rain|heavier rain} {in two days|in forty-eight hours} than {it usually gets|it normally sees} {in the whole of $MONTH|in a typical month}.",
		"{A care home|A sheltered housing block} on {the riverside|$ROAD} was {evacuated|cleared} {as a precaution|shortly after midnight}, {with|and} {$N1 residents|its residents} {taken to|moved to} {a hotel|a nearby school} {by ambulance|in minibuses}.",
		"{Drivers|Motorists} {ignored|drove past} {road closed signs|the barriers} {on|at} {a ford|a flooded dip} {near|outside} $TOWN, {and|where} {at least two cars|a delivery van} {became stuck|had to be pulled out} {by a tractor|by firefighters}.",
		"{The flood defences|The new flood wall} {built|completed} {in $PASTYEAR|after the floods of $PASTYEAR} {held|protected} {most of the town centre|the main shopping streets}, {but|though} {water came in|flooding was worse} {where|in places where} {the wall|the embankment} {ends|is lower}.",
	},
	"sport": {
		"{The pitch|The playing surface} {cut up|held up well} {despite|after} {heavy rain|a week of rain} {in the build-up|before kick-off}, and {groundstaff|the ground staff} {were|had been} {out with forks|working since dawn} {to make sure|so that} the {game|match} {went ahead|could be played}.",
		"{Captain|Skipper} $P5 {led by example|was outstanding} {at the back|in midfield}, {winning|making} {almost every header|a string of interceptions} {and|while} {organising|marshalling} a defence that {has now kept|has kept} {$RUN clean sheets|its shape all season}.",
		"{Both|The two} {clubs|sides} {paid tribute|held a minute's applause} {before kick-off|in the $MIN1 minute} {to|for} {a former player|a long-serving kit man} {who died|who passed away} {earlier in the week|last month}, {and|while} supporters {held up|displayed} {a banner|scarves} in his memory.",
		"{A penalty appeal|A strong shout for a penalty} {was waved away|was turned down} {just before the break|midway through the second half} when {a $CLUB2 defender|the visiting full-back} {appeared to handle|seemed to block the ball with an arm}, {to the fury of|which angered} the {home bench|$CLUB1 dugout}.",
		"{The visitors|$CLUB2} {had won|came into the game having won} {their previous two away games|three of their last five}, {and|but} {their manager|the coaching staff} {made $N1 changes|rotated the squad heavily} {with|because of} {a cup replay|a busy fixture list} {in mind|to come}.",
		"{Ticket prices|Admission} {had been cut|was reduced} to {five pounds|a flat ten pounds} {for children|for under-18s} {as part of|for} {a community day|the club's family weekend}, {which|a promotion that} {helped|contributed to} {the bumper crowd|the attendance}.",
	},
	"science": {
		"{Volunteers|Survey teams} {walked|covered} {fixed routes|the same transects} {every|each} {fortnight|month} {from April to September|through the summer}, {noting|recording} {weather, time of day and habitat|the temperature and cloud cover} {alongside|with} {every count|each sighting}.",
		"{Genetic samples|DNA samples} {taken|collected} from {a subset of sites|$N2 locations} {showed|revealed} {less diversity|lower genetic variety} {than expected|than in older samples}, {which|something the authors say} {could make|may leave} {local populations|the animals} {more vulnerable|less able to cope} {to disease|with change}.",
		"The {authors|researchers} {compared|set} their {results|counts} {against|beside} {records kept by|notebooks left by} {a local naturalist|a retired schoolteacher} {in the 1970s|decades earlier}, {giving|providing} {a rare|an unusually long} {baseline|point of comparison} for the {study|work}.",
		"{Cold snaps|Late frosts} {in $PASTYEAR and|during} {the following spring|several springs} {appear|seemed} to {have hit|have affected} {some sites|upland sites} {much harder|far more} than {others|lowland ones}, {according to|the paper notes, citing} {weather station data|temperature loggers left at each site}.",
		"{Students|Undergraduates} {from the university|on placement} {spent|put in} {hundreds of hours|long nights} {checking|reviewing} {camera footage|recordings} {by hand|one clip at a time}, {before|until} {software|a computer program} {was trained|could be taught} to {do the job|recognise the species} {automatically|reliably}.",
		"{The county wildlife trust|A local conservation charity} {said|says} it {would|will} {use|draw on} the {findings|maps} {when|in} {advising|talking to} {planners|the council} {about|on} {new developments|where new roads and houses should go} {around $TOWN|in the valley}.",
	},
	"business": {
		"{The site|The building} {was|had been} {home to|occupied by} {a furniture maker|an engineering works} {until|for decades until} $PASTYEAR, and {the company|$ORG} {said|expects} {much of|part of} the {original|old} {structure|steel frame} {would|will} be {reused|kept}.",
		"{Suppliers|Hauliers and packaging firms} {in $TOWN and $TOWN2|across the county} {could|may} {benefit|win business} from the {expansion|new plant}, {according to|said} {a study|an analysis} {commissioned by|published by} {the council|the local enterprise board}, {which estimated|putting} {another $N2 jobs|knock-on work} {in the supply chain|at other firms}.",
		"$ORG {was|had been} {founded|started} {in a garage|above a shop} {in $TOWN2|in the 1990s} {by|with} {two brothers|a former engineer}, and {still|now} {sells|ships} {most of|much of} its $PRODUCT {to|across} {Europe|Scandinavia and Germany}.",
		"{Rising energy costs|High electricity prices} {had|have} {pushed|forced} {several|a number of} {manufacturers|firms} in the region to {cut shifts|pause investment}, {making|which makes} the {announcement|decision} {all the more|particularly} {welcome|significant}, {the council said|local leaders said}.",
		"{Rail sidings|A disused rail siding} {next to|beside} the {site|factory} {could be|may be} {brought back into use|reopened} {for|to carry} {freight|deliveries}, {the company said|$ORG confirmed}, {taking|removing} {up to $N2 lorries a day|dozens of lorry trips a week} off {local roads|$STREET}.",
		"{The deal|The move} {follows|comes after} {months of|lengthy} {talks|negotiations} with {the landowner|two rival councils}, and {$ORG|the firm} {is understood to have|reportedly} {considered|looked at} {sites|locations} {in the Midlands|abroad} {before|until} {choosing|settling on} $TOWN.",
	},
	"transport": {
		"{The old station building|The original booking hall}, {now|which is now} {a private house|a cafe and bike shop}, {will not|is not expected to} {be used|form part of the new station}, and {a new|the new} {platform|station} {will be built|is to be built} {a short walk|about two hundred metres} {to the south|further along the line}.",
		"{Cyclists and walkers|Users of the greenway} {who use|along} {the disused section|part of the old track bed} {have been promised|will get} {a new path|a replacement route} {alongside|beside} the {railway|rebuilt line}, {after|following} {objections|complaints} {during the consultation|at public meetings}.",
		"{Fares|Ticket prices} {have not been|are yet to be} {set|confirmed}, {but|although} {the operator|$OPERATOR} {said|indicated} {a day return|a return ticket} to $TOWN2 {would|should} {cost|be priced at} {less than|about the same as} {the bus|parking in the city}.",
		"{The scheme|The reopening} {is|was} {one of|among} {a handful of|several} {lines|projects} {chosen|picked} {from|out of} {more than|about} $N2 {bids|applications} {to|under} {a national fund|a government programme} {for|aimed at} {restoring|reconnecting} {towns cut off|communities that lost their railways} {in the 1960s|decades ago}.",
		"{Level crossings|Crossings} {at|on} {$STREET|two country lanes} {will be|are to be} {replaced|fitted} {with|by} {full barriers|a footbridge and lifts}, {after|following} {safety inspectors|the rail regulator} {raised concerns|asked questions} {about|over} {visibility|the number of pedestrians}.",
		"{Construction traffic|Lorries carrying ballast} {will|are expected to} {reach|use} the {site|line} {via|through} {a temporary haul road|an old goods yard} {rather than|instead of} {residential streets|the village centre}, {the operator said|according to the plans}.",
	},
}
