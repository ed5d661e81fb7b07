package demosite

// topic is one kind of news story: the handwritten sentence templates an
// article of that kind is assembled from. Templates use {a|b|c} for
// alternatives (one is picked per use) and $NAME for a value fixed per
// article (see vars.go), so two stories of the same kind share structure but
// few five-word runs.
type topic struct {
	name      string // key for the topic's own variables
	section   string // section the story is filed under
	headlines []string
	leads     []string // opening sentences; one starts every story
	body      []string // detail and quote sentences, shuffled per story
	closers   []string // one ends every story
	captions  []string // photo caption (chrome, not article text)
}

// topics lists every kind of story. The order is part of the corpus: changing
// it changes every article.
func topics() []topic {
	ts := []topic{councilTopic(), weatherTopic(), sportTopic(), scienceTopic(), businessTopic(), transportTopic()}
	for i := range ts {
		ts[i].body = append(ts[i].body, extraBody[ts[i].name]...)
	}
	return ts
}

func councilTopic() topic {
	return topic{
		name: "council", section: "news",
		headlines: []string{
			"$COUNCIL approves $MONEY $SCHEMESHORT",
			"Councillors in $TOWN back $SCHEMESHORT despite objections",
			"$TOWN $SCHEMESHORT plan {clears final hurdle|wins narrow vote}",
			"Row over $SCHEMESHORT as $TOWN council {votes to press ahead|gives go-ahead}",
		},
		leads: []string{
			"Plans for $SCHEME in $TOWN have been approved by councillors after a {lengthy|heated|three-hour} meeting on $DAY evening, ending more than {two|three} years of {debate|consultation|argument} over the site.",
			"$COUNCIL has {voted|agreed} to {press ahead with|approve} $SCHEME, {committing|setting aside} $MONEY {from its capital budget|over the next $N1 years} despite {warnings from opposition members|a petition signed by $N4 residents}.",
			"{Work could begin|Building work is expected to start} on $SCHEME in $TOWN {before the end of the year|next spring} after members of the planning committee backed the proposal by $VFOR votes to $VAG on $DAY.",
		},
		body: []string{
			"The {proposal|scheme} {drew|attracted} $N3 {written comments|objections|letters} during the consultation, {most of them|many of them} {concerned with parking and traffic|about the loss of green space|focused on the cost to taxpayers}, according to a report presented to the committee.",
			"Officers told members that the {site|land} {had been empty since|has stood largely unused since} $PASTYEAR and that {maintaining it|securing the empty buildings} was costing the authority about $MONEY2 a year.",
			"Under the {approved|revised} plans, the {developer|council} will {fund|pay for} {new crossings|a widened footpath|extra cycle parking} on $STREET and {plant|replace} $N2C trees {along the boundary|around the site}.",
			"A {traffic study|transport assessment} commissioned by the council {estimated|predicted} that {peak-hour|weekday} traffic on $STREET would {rise|increase} by about $PCT per cent once the {scheme|site} {opens|is complete}.",
			"The {council's|authority's} {finance director|chief finance officer}, $P3, {told the meeting|confirmed} that the {borrowing|loan} would be {repaid|covered} from {rental income|savings elsewhere in the budget} over $N1 years.",
			"{Residents of|People living near} $STREET {had asked for|campaigned for} {a smaller building|a lower roofline|the old facade to be kept}, and the {final design|revised design} {reduces the height by one storey|keeps the original brick frontage}.",
			"The {meeting|session} was {watched by|attended by} about $N2 members of the public, {several of whom|some of whom} {held placards|were asked to leave the gallery after interrupting} {during the debate|before the vote}.",
			"The {scheme|project} {is due to|will} {include|provide} $N1 {affordable homes|small business units|community rooms}, {a figure|a number} that {critics say|campaigners argue} {falls short of|is below} {the council's own target|what was first promised}.",
			"{Local businesses|Traders on $STREET} {have been divided|are split} over the plans, with some {welcoming the extra footfall|hoping for more customers} and others {worried about months of roadworks|concerned about the loss of parking}.",
			"The council said {contractors|the builders} would {be required to|have to} {limit noisy work to weekdays|keep $STREET open throughout construction} and {publish a monthly update|hold drop-in sessions for neighbours}.",
			"\"{This is a|It is a} {once-in-a-generation|long overdue} {chance|opportunity} to {give $TOWN something it can be proud of|bring life back to the town centre},\" said $ROLE $P1 {after the vote|following the meeting}.",
			"$ROLE $P1 {said|told councillors} the {authority|council} had \"{listened carefully|taken on board every objection}\" and that the {scheme|plan} had been {changed|amended} {three times|several times} as a result.",
			"\"{We are not against|Nobody here is opposed to} {investment in the town|new facilities}, but {this is the wrong site|the numbers simply do not add up},\" {said|argued} opposition councillor $P2, who represents the $WARD ward.",
			"\"{People have waited long enough|The town has waited long enough},\" {one resident|a shop owner on $STREET}, $P4, told $OUTLET. \"{Now they need to get it built on time|I just hope they stick to the budget}.\"",
		},
		closers: []string{
			"{The council|A spokesperson for $COUNCIL} said {further details|a timetable for the work} would be {published on its website|set out} {in the coming weeks|once contracts are signed}.",
			"{Objectors|Campaigners} have {six weeks|until the end of $MONTH} to {seek a judicial review|ask for the decision to be reviewed}, and $P2 said {opponents were|the residents' group was} {taking legal advice|considering its options}.",
		},
		captions: []string{"The site of the planned $SCHEMESHORT in $TOWN.", "Councillors debate the $SCHEMESHORT at $TOWN town hall."},
	}
}

func weatherTopic() topic {
	return topic{
		name: "weather", section: "news",
		headlines: []string{
			"$STORM brings flooding to $TOWN as River $RIVER bursts its banks",
			"Homes evacuated in $TOWN after {overnight|torrential} rain",
			"$TOWN {braced|prepares} for more rain after $STORM",
			"Clean-up begins in $TOWN after $STORM {batters|sweeps across} the valley",
		},
		leads: []string{
			"{Dozens of|About $N2} homes in $TOWN were {evacuated|cleared} {overnight|early on $DAY} after the River $RIVER {burst its banks|rose above its flood defences} following {more than|nearly} $N1 hours of {heavy|persistent} rain brought by $STORM.",
			"$STORM {swept across|battered} the {region|valley} on $DAY, {bringing down trees|cutting power to thousands of homes} and leaving {several roads|parts of $TOWN} {under water|impassable} by {mid-morning|the evening rush hour}.",
			"{Residents|Householders} in $TOWN {spent the weekend|were} {pumping water from their homes|clearing mud and debris} after $STORM {dumped|brought} {a month's worth of|more than $N2 millimetres of} rain on the {area|town} in {a single day|less than a day}.",
		},
		body: []string{
			"Gauges on the $RIVER at $TOWN2 {recorded|showed} the river {rising|climbing} by {almost|more than} {two|three} metres in $N1 hours, {the highest level since|a level not seen since} $PASTYEAR, according to {the environment agency|river monitoring data}.",
			"{Fire crews|Firefighters} {carried out|made} $N1B {rescues|water rescues} {overnight|during the night}, including {an elderly couple|a family of four} {trapped in their car|stranded on the roof of a caravan} on $ROAD, the {fire service|brigade} said.",
			"The {energy network|power company} said {about|around} $N4 {properties|customers} {lost power|were left without electricity} at the height of the storm, and {engineers|repair crews} {were working to reconnect|expected to restore supplies to} {the last of them|most homes} by {$DAY2|the weekend}.",
			"{A rest centre|An emergency shelter} was {opened|set up} at $TOWN {leisure centre|community hall}, where {volunteers|Red Cross staff} {handed out|served} {hot drinks and blankets|meals and dry clothes} to {about|more than} $N2C people {through the night|on $DAY night}.",
			"{$ROAD|The main road into $TOWN} {remained closed|was still shut} {on $DAY2|the following morning} {while|as} {highways engineers|council inspectors} {checked|assessed} {a damaged culvert|a bridge whose foundations had been undermined}.",
			"Forecasters {had issued|put out} an amber warning {for rain|for wind and rain} {two days earlier|on the previous $DAY2}, {but|and} {the rainfall totals|gusts of up to $N2 miles an hour} {exceeded what had been expected|were higher than the models suggested}.",
			"{Schools|Several primary schools} in $TOWN and $TOWN2 {were closed|stayed shut} {for the day|on $DAY2}, and {bus services|trains between the two towns} were {suspended|replaced by taxis} {until the water receded|until further notice}.",
			"{Insurers|The industry body representing insurers} {said|warned} that {claims|the cost of claims} {from the storm|in the valley} {could|were likely to} run into {millions of pounds|tens of millions}, with {many homeowners|some residents} {facing|expecting} {months of drying out|a long wait for repairs}.",
			"{Farmers|Landowners} {along the $RIVER|upstream of $TOWN} {reported fields under a metre of water|said pasture had turned into lakes}, {and|while} {livestock had to be moved|sheep were moved to higher ground} {on $DAY|overnight}.",
			"\"{The water came up faster than anyone expected|We have never seen it rise that quickly},\" said $P2, whose {house on $ROAD|ground-floor flat} {was flooded to knee height|took in water for the first time in $N2B years}.",
			"$P1, a forecaster at $AGENCY, said {the ground was already saturated|rivers were already high} {after a wet autumn|from earlier rain}, \"{so there was nowhere for the water to go|which made this storm much more dangerous}\".",
			"\"{Our crews worked through the night|Firefighters were stretched to the limit} and I want to thank {everyone who stayed away from flood water|the volunteers who turned out to help},\" said $P3, {who led the response|the area manager}.",
			"\"{Nobody has told us when we can go home|We have lost almost everything on the ground floor},\" {a resident|one evacuee}, $P4, said {at the rest centre|outside the flooded house}. \"{We just want some answers|The community has been amazing, though}.\"",
		},
		closers: []string{
			"{More rain is forecast|Further showers are expected} {later in the week|over the weekend}, and {residents are being urged|people are being asked} to {check flood warnings|sign up for flood alerts} {before travelling|and keep sandbags in place}.",
			"$TOWN council said it would {set up a hardship fund|waive council tax for a month} for {households|families} {forced out of their homes|affected by the flooding} and {review its flood plans|meet the environment agency} {once the water has gone|next week}.",
		},
		captions: []string{"Flood water on $ROAD in $TOWN.", "The River $RIVER at $TOWN2 on $DAY morning."},
	}
}

func transportTopic() topic {
	return topic{
		name: "transport", section: "news",
		headlines: []string{
			"$TOWN to $TOWN2 rail line {set to reopen|to reopen} after {decades|$N2 years}",
			"{Trains to return|Passenger trains to return} to $TOWN {in $YEAR|as reopening is approved}",
			"$TOWN station {reopening|rebuild} {gets green light|wins funding}",
			"{Campaigners celebrate|Joy for campaigners} as $TOWN rail link {is approved|wins funding}",
		},
		leads: []string{
			"Passenger trains will {return|run again} between $TOWN and $TOWN2 by $YEAR after the {government|transport department} {approved|confirmed} $MONEY {for|to pay for} the {reopening|restoration} of the {line|branch line}.",
			"{A long campaign|A $N2-year campaign} to {reopen|restore} the railway {between|linking} $TOWN and $TOWN2 {ended in success|has succeeded} {on $DAY|this week}, with {funding|money} {confirmed|approved} for {new track, signals and a station|a rebuilt station and $N1 miles of new track}.",
		},
		body: []string{
			"The {line|branch} {closed to passengers|lost its passenger service} in $OLDYEAR {and|but} has {remained|been kept} {open for occasional freight|in place for freight trains}, {which|something that} {campaigners say|supporters argue} {makes reopening far cheaper|cuts years off the project}.",
			"{Under the plans|According to the business case}, trains {would|will} run {every half hour|hourly} {on weekdays|from early morning until late evening}, {cutting|reducing} the {journey|trip} to $TOWN2 to {about|roughly} $MINUTES minutes, {compared with|against} {more than an hour by bus|nearly an hour by road at peak times}.",
			"{Work|Construction} {will include|is expected to include} {rebuilding|replacing} {the old platform|two level crossings} and {strengthening|repairing} the {viaduct|bridge} over the River $RIVER, {which|a structure that} {has not carried passenger trains|was last restored} {since|in} $OLDYEAR.",
			"{A new station|The station} {at|in} $TOWN {will have|is planned to have} {a car park with $N3 spaces|step-free access}, {secure cycle storage|a staffed ticket office} and {a bus interchange|electric vehicle chargers}, according to {drawings published by|plans from} the operator.",
			"{Forecasts|Passenger forecasts} {in the business case|drawn up for the project} {suggest|predict} {about|roughly} $N4 {journeys|trips} a week {in the first year|once the service is established}, {many of them|mostly} {by commuters|by students and commuters} {travelling to|heading for} $TOWN2.",
			"$OPERATOR, which {will|is expected to} run the {service|trains}, {said|has said} it {would|will} {use|lease} {battery trains|refurbished diesel units} {so that|meaning} the line {does not need|will not require} {overhead wires|expensive electrification}.",
			"{Engineers|Surveyors} {spent|have spent} {the past year|several months} {inspecting|surveying} the {track bed|route}, and {found|discovered} {drainage problems|badger setts and a collapsed culvert} {along|on} {a short stretch|a section} {near|outside} $TOWN.",
			"{Businesses in|Traders in} $TOWN {hope|believe} the {railway|trains} {will|could} {bring more visitors|help revive the high street}, {while|though} {some|a few} {residents near the line|people living beside the level crossings} {worry about|fear} {noise|traffic queues at the barriers}.",
			"\"{This is a great day for $TOWN|We have waited a very long time for this},\" said $P2, {chair of|who founded} the {$TOWN Rail Action Group|campaign group Reconnect $TOWN}. \"{People said it would never happen|Thousands of people signed our petitions}.\"",
			"$P1, {director of operations|managing director} at $OPERATOR, said {the company|the team} was \"{ready to start work as soon as possible|looking forward to welcoming passengers}\" and {expected|hoped} {the first trains|services} {to run|to begin} {in $YEAR|within three years}.",
			"\"{A railway on its own is not enough|Trains are only part of the answer},\" said {councillor|county councillor} $P3. \"{We need buses that meet the trains|Fares have to be affordable} {or people will keep driving|if this is going to work}.\"",
		},
		closers: []string{
			"{A public consultation|Drop-in events} on the {station design|timetable} {will|is due to} {open|run} {in $MONTH|next month}, and $OPERATOR {said|promised} {residents|the public} would {be kept informed|get regular updates} {throughout the work|as the project progresses}.",
			"{Detailed designs|The final plans} must {still|now} go {through|before} the {planning process|planning inspectorate}, {which|a process that} {could take|may take} {up to a year|many months}, {before contractors can start on site|and only then can work begin on the track}.",
		},
		captions: []string{"The disused platform at $TOWN station.", "The viaduct over the River $RIVER near $TOWN."},
	}
}
