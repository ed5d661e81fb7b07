package demosite

func sportTopic() topic {
	return topic{
		name: "sport", section: "sport",
		headlines: []string{
			"$CLUB1 beat $CLUB2 $S1-$S2 to {go $POS|climb to $POS}",
			"$P2L double {sinks $CLUB2|earns $CLUB1 victory}",
			"$CLUB1 {see off|get the better of} $CLUB2 at $GROUND",
			"$P2L {on target twice|the hero} as $CLUB1 {down|beat} $CLUB2",
		},
		leads: []string{
			"$P2 scored twice as $CLUB1 beat $CLUB2 $S1-$S2 at $GROUND on $DAY, {moving up to $POS in the table|extending their unbeaten run to $RUN matches}.",
			"$CLUB1 {made it|secured} {$RUN games without defeat|a third straight home win} with a $S1-$S2 victory over $CLUB2, {with|thanks to} $P2 {scoring twice|finding the net twice} {in front of a crowd of $ATT|in a lively game}.",
		},
		body: []string{
			"The {visitors|away side} {started brightly|had the better of the opening exchanges} and {should have led|went close} {inside ten minutes|early on} when {a header from their captain|a low shot from the edge of the area} {struck the post|was tipped wide by $P4}.",
			"$P2L {opened the scoring|broke the deadlock} in the $MIN1 minute, {turning his marker|running on to a long ball} {before finishing|and shooting} {low into the corner|past the goalkeeper at the near post}.",
			"$CLUB2 {pushed for a response|tried to hit back} {before half-time|after the restart}, but {their best chance|a curling free kick} {was held|was pushed away} by $P4, who {had a quiet afternoon otherwise|was rarely troubled after that}.",
			"{$P2L's second|The decisive goal} {arrived|came} in the $MIN2 minute, {a glancing header from a corner|a calm finish after a quick break down the left}, {and|which} {effectively settled the contest|sent the home supporters into celebration}.",
			"{The home side|$CLUB1} {had|enjoyed} {almost|nearly} $POSS per cent of possession {in the second half|after the break}, {and|while} {their midfield|the back four} {rarely allowed|never gave} $CLUB2 {time on the ball|a clear sight of goal}.",
			"The {result|win} {leaves|puts} $CLUB1 $N1 points {behind the leaders|clear of the relegation places}, {with|and they have} a {game in hand|trip to $CLUB3 to come} {next weekend|on $DAY2}.",
			"The crowd of $ATT {was the biggest at $GROUND this season|included about $N3 travelling supporters}, {and|while} the club {said|confirmed} {season ticket sales|membership numbers} had {risen by|gone up by} $PCT per cent.",
			"{Injuries|Suspensions} {have|had} {disrupted|unsettled} $CLUB2's {preparations|season}, and {they|the visitors} were {without|missing} {three first-choice defenders|their leading scorer} {for the trip|on $DAY}.",
			"The referee {booked|showed yellow cards to} $BOOKED players {in a scrappy second half|during a bad-tempered spell after the break}, {including|among them} {both captains|$P2L, for removing his shirt in celebration}.",
			"{Substitute|Teenage substitute} $P5 {came on|was introduced} {for the final $MINUTES minutes|with $MINUTES minutes left} and {almost added a third|forced a fine save} {with his first touch|from a tight angle}, {to the delight of|drawing applause from} the {home fans|crowd at $GROUND}.",
			"\"{I thought we were excellent|The players were outstanding} {from the first minute|after a nervy start},\" said $CLUB1 manager $P1. \"{We kept our shape|We were patient} and {took our chances|got our reward}.\"",
			"\"{We were second best for long spells|We did not do the basics well enough},\" {admitted|said} $CLUB2 {boss|manager} $P3. \"{There is no hiding from that|We have to be much better than this}, but {there is plenty of the season left|I know this group will respond}.\"",
			"$P2L {said afterwards|told reporters} that {his first goal|the opener} {had come from|was the result of} {a move they had practised all week|hours on the training ground}. \"{It is a great feeling|You dream about days like this},\" he said.",
		},
		closers: []string{
			"$CLUB1 {are back in action|play again} {next|on} $DAY2, {while|and} $CLUB2 {face|welcome} {a cup tie|the league leaders} {in midweek|the following weekend}.",
			"$CLUB1 {will|are due to} {name their squad|hold a press conference} {on $DAY2|later in the week} {ahead of|before} {their trip to $CLUB3|a visit from $CLUB3}, with $P1 {hoping|expecting} {to have his captain back|to have a full squad to choose from}.",
		},
		captions: []string{"$P2 celebrates his opening goal at $GROUND.", "$CLUB1 players applaud the crowd after the final whistle."},
	}
}

func scienceTopic() topic {
	return topic{
		name: "science", section: "science",
		headlines: []string{
			"$UNI study finds {sharp|marked} $TREND in $THING",
			"Scientists in $TOWN track $TREND of $THING in $HABITAT",
			"$THINGCAP in $HABITAT {send a warning|tell a bigger story}, say $TOWN researchers",
			"Volunteers help $UNI map $THING across $HABITAT",
		},
		leads: []string{
			"Researchers at the $UNI say $MEASURE among $THING in $HABITAT around $TOWN has $TRENDED by $PCT per cent over $N1 years, {in one of the longest studies of its kind|according to findings published this week}.",
			"A {decade-long|$N1-year} study led by scientists at the $UNI {has found|suggests} that $THING in $HABITAT {are changing faster than expected|respond quickly to small changes in their surroundings}, with $MEASURE having $TRENDED by $PCT per cent.",
		},
		body: []string{
			"The team {collected|analysed} {more than|nearly} $N4 {records|observations} {gathered|made} {between $PASTYEAR and|from $PASTYEAR until} last year, {many of them|a large share of them} {by volunteers|by local schoolchildren and naturalists} {trained by the university|using a free phone app}.",
			"{Their findings|The results}, {published in|which appear in} $JOURNAL, {link|tie} the {change|trend} {to|mainly to} {warmer winters|changes in land management|the timing of spring rainfall}, {although|but} the authors {stress|caution} that {other factors|pollution and disturbance} {may also play a part|cannot be ruled out}.",
			"{Sites|Survey plots} {closer to|within a mile of} {main roads|new housing} {showed|had} the {largest|biggest} {changes|shifts}, {while|and} {those|plots} on {protected land|nature reserves} {were|stayed} {far more stable|almost unchanged} {over the same period|throughout the study}.",
			"The {researchers|scientists} {fitted|used} {small tags|motion-triggered cameras|acoustic sensors} {at|across} $N2 {sites|locations} {to build a picture of|to record} $MEASURE {day and night|through every season}, {something that|a task which} {would have been impossible|was far too expensive} {a decade ago|only a few years ago}.",
			"{Funding for|Support for} the {project|work} {came from|was provided by} {a national research council|the $RIVER Valley Trust} {and|together with} {a local water company|two conservation charities}, {which|who} {plan|hope} to use the {results|data} to {guide|target} {habitat restoration|future management} {around $TOWN|in the valley}.",
			"{Landowners|Farmers} {taking part in|involved in} the {study|survey} {agreed to|were asked to} {leave field margins uncut|delay mowing until late summer} on {some|part} of their land, {so that the team could compare|allowing the team to compare} {managed and unmanaged plots|treated and untreated areas}.",
			"The {work|survey} also {turned up|recorded} {an unexpected number of|several} {rare species|species not previously seen in the county}, {including|among them} {a beetle last recorded|a moth last seen} {in the area|near $TOWN} {more than a century ago|in the 1950s}.",
			"{Statistical models|Computer models} {built from|based on} the {data|observations} {suggest|indicate} that {the trend|the change} {could continue for at least another decade unless conditions change|may level off by the end of the decade if action is taken quickly}.",
			"{Similar|Comparable} {surveys|studies} in {neighbouring counties|other parts of the country} {have produced|reported} {mixed|less clear} results, {which the team put down to|which the authors blame on} {shorter records|fewer volunteers} and {differences in|changes to} {survey methods|recording techniques}.",
			"\"{We were genuinely surprised by the scale of it|Nobody expected a change of this size},\" said Dr $P1, who led the {research|study}. \"{It shows how much we still do not know|It is a reminder that common species need attention too}.\"",
			"Professor $P2, a co-author {based at|from} the university's {school of biology|environment department}, said the {volunteers|community surveyors} had been \"{absolutely essential|the backbone of the project}\" and {thanked|praised} {them for their patience|everyone who took part}.",
			"$P3, {an ecologist|a conservation scientist} {who was not involved in the study|at another university}, {called the findings|described the paper as} \"{careful and important|a valuable piece of work}\" but said {more sites|longer records} would be needed {before drawing firm conclusions|to confirm the trend}.",
		},
		closers: []string{
			"The {team|researchers} {now plan|hope} to {extend the survey to $TOWN2 and the surrounding villages|repeat the study across the whole valley} {next year|from the spring}, and {are looking for|would like to hear from} {new volunteers|landowners willing to take part}.",
			"{The full data set|All of the survey data} {will be|is being} made {freely available|public} {online|through the university's library} {so that|to allow} other {researchers|groups} {can check|to check} the {results|findings} {and build on the work|against their own records}.",
		},
		captions: []string{"$THINGCAP photographed during the $TOWN survey.", "A volunteer recording $THING in $HABITAT near $TOWN."},
	}
}

func businessTopic() topic {
	return topic{
		name: "business", section: "business",
		headlines: []string{
			"$ORG to create $N3 jobs at new $TOWN {factory|plant}",
			"$ORG {unveils|confirms} $MONEY expansion in $TOWN",
			"$TOWN {welcomes|wins} $ORG investment",
			"New jobs {promised|on the way} as $ORG {expands|grows} in $TOWN",
		},
		leads: []string{
			"$ORG, {which makes|the maker of} $PRODUCT, {is to|will} create $N3 jobs after {confirming|announcing} a $MONEY {expansion|investment} at {a former warehouse|a new site} on the edge of $TOWN.",
			"{One of the region's largest employers, $ORG,|The $TOWN2-based firm $ORG} has {unveiled|announced} plans to {build|open} a {second|new} {factory|production site} in $TOWN, {bringing|adding} $N3 {jobs|roles} {over the next three years|by $YEAR}.",
		},
		body: []string{
			"The {company|firm} said {production|the first production line} {would|should} {begin|start} {in the spring of $YEAR|within $N1 months}, with {recruitment|hiring} for {engineers|operators and drivers} {starting|opening} {later this year|in the autumn}.",
			"{Planning permission|Outline planning consent} for the {site|building} was {granted|approved} {in $MONTH|last year}, {and|while} the {council|local enterprise board} {contributed|put in} $MONEY2 {towards road improvements|for a new junction on the bypass}.",
			"$ORG {employs|has} {about|around} $N4 people {across the country|at its existing sites} and {reported|posted} {sales|revenue} of $MONEY3 {last year|in its most recent accounts}, {up|an increase of} $PCT per cent on the year before.",
			"{Demand for $PRODUCT has grown strongly|Orders for $PRODUCT rose sharply} {since the pandemic|over the past two years}, {the company said|according to the firm}, with {new contracts|export orders} {from Europe|from large retailers} {accounting for much of the growth|filling its order book until $YEAR}.",
			"{The new building|The plant} {will|is designed to} {run on|draw much of its power from} {solar panels on the roof|a heat pump system}, and {the company|$ORG} {says|has pledged} it will {recycle|reuse} {almost all of its waste|process water on site}.",
			"{Local colleges will|$TOWN College is to} {run|offer} {apprenticeships|training courses} {linked to|designed with} the {factory|company}, {with|and} {the first intake|$N1 places} {expected|due} {in September|next year}.",
			"{Some residents|People living nearby} {have raised concerns|have complained} about {lorry traffic on|heavy vehicles using} $STREET, {and|but} the {company|firm} {said deliveries would be routed|insists most deliveries will go} {via the bypass|away from houses}.",
			"{Unemployment|The jobless rate} in $TOWN {is|stands} {above|slightly above} the {regional|national} average, {and|while} the closure of {the town's paper mill|a large distribution centre} {in $PASTYEAR|several years ago} {cost|took} {hundreds of|many} {jobs|local jobs}.",
			"{Wages|Starting salaries} {at the site|for production staff} {will|are expected to} {start at|be about} $WAGE a year, {the company said|according to the job adverts}, {with|and} {shift allowances|overtime} {on top|paid on top} for {night work|weekend shifts}.",
			"\"{$TOWN has the skills and the space we need|We looked at a dozen sites and $TOWN stood out},\" said $P1, chief executive of $ORG. \"{This is a long-term commitment|We intend to be here for decades}.\"",
			"$P2, {of|from} the {regional chamber of commerce|local business association}, {called the announcement|described the investment as} \"{a real vote of confidence|excellent news}\" {for the town|for the whole area}, {adding|and said} that {suppliers|smaller firms} {would|should} {also benefit|see more work}.",
			"\"{These are good jobs|The wages on offer are above the local average}, {but|and} {we will be watching closely|we want to see them go to local people},\" said $P3, {a regional organiser for the workers' union|who represents the $WARD ward on the council}.",
		},
		closers: []string{
			"$ORG said it would {hold|run} {a jobs fair|recruitment days} at $TOWN {library|town hall} {in $MONTH|before the end of the year}, {with|and} {details|application forms} {on its website|available online}.",
			"{Construction|Building work} on the {site|new plant} {is expected to|should} {start|begin} {within weeks|in $MONTH}, and $ORG said {local contractors|firms from the area} would be {invited to bid|given the chance to tender} for {the work|the fit-out}.",
		},
		captions: []string{"An artist's impression of the new $ORG site in $TOWN.", "Staff at an existing $ORG site."},
	}
}
