package clean

import "strings"

// dateWords are the words a date or time line is made of, in the
// languages most crawled. A block made only of them and digits is a
// dateline, not article text.
var dateWords = wordSet(`jan feb mar apr may jun jul aug sep sept oct nov dec
		january february march april june july august september october november december
		mon tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday
		am pm et est edt ct cst cdt pt pst pdt gmt utc bst cet cest uk
		updated published posted last modified on at publiziert erstellt opublikowano publié publicado pubblicato gepubliceerd
		januar februar märz mär april mai juni juli august oktober okt dezember dez
		montag dienstag mittwoch donnerstag freitag samstag sonntag uhr um am aktualisiert veröffentlicht stand
		janvier février mars avril juin juillet août septembre octobre novembre décembre le
		enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre de
		gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
		januari februari maart mei augustus
		stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia
		mars desember`)

func wordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// dateOnly reports whether a short block is a date or time line, perhaps
// with a name attached ("Jane Doe, 04.08.05, 1:21 PM ET"): at least as many
// date words and numbers as other words, and at most three others.
func dateOnly(b *block) bool {
	if len(b.text) > 60 {
		return false
	}
	digits, named, dated, other := false, false, 0, 0
	for _, w := range strings.Fields(b.norm) {
		switch {
		case w == "0":
			digits = true
			dated++
		case dateWords[w]:
			dated++
			named = true
		default:
			other++
		}
	}
	// Other words need a real date word beside the numbers, or "390 kcal"
	// and "0.091 GB/s" would pass.
	return digits && (other == 0 || named && other <= 3 && dated >= other)
}
