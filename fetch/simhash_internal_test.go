package fetch

import (
	"math/bits"
	"strings"
	"testing"
)

const simText = `The city council voted on Tuesday to approve a new budget for the harbour, ending months of debate over the cost of dredging the channel. Members argued at length about whether the work should wait until after the winter storms, when the river usually carries the most silt. The mayor said the vote showed the council could still make hard decisions, while opponents warned that the fishing fleet would pay the price through higher mooring fees. Work is expected to begin in March and to last about six weeks, with the ferry service running a reduced timetable while the dredgers are in the channel.`

func TestSimHashDistances(t *testing.T) {
	base := simHash(simText)
	tests := []struct {
		name    string
		text    string
		maxDist int
		minDist int
	}{
		{"identical", simText, 0, 0},
		{"syndication footer", simText + " This story first appeared in the Harbour Gazette.", nearDuplicateBits, 0},
		{"one word changed", strings.Replace(simText, "Tuesday", "Monday", 1), nearDuplicateBits, 0},
		{"different story", `Firefighters spent the night protecting the village from a wildfire that spread across the forest above the lighthouse road. Residents were told to leave their homes before midnight, and the ferry made extra crossings to carry families to the island. By morning the wind had dropped and crews said the fire was contained, though smoke still hung over the harbour and the school stayed closed.`, 64, nearDuplicateBits + 1},
	}
	for _, tt := range tests {
		d := bits.OnesCount64(base ^ simHash(tt.text))
		if d > tt.maxDist || d < tt.minDist {
			t.Errorf("%s: distance %d, want %d..%d", tt.name, d, tt.minDist, tt.maxDist)
		}
		if testing.Verbose() {
			t.Logf("%s: %d bits", tt.name, d)
		}
	}
}
