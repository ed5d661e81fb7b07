package clean

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func sampleRules() Rules {
	return Rules{Site: "valley.example", Version: 3, Rules: []Rule{
		{ID: "r-0011223344", Kind: KindTemplateBlock, Pattern: "leave a reply", Status: StatusActive, Origin: OriginLearned,
			Evidence: Evidence{Support: 18, PagesSeen: 20, Example: "Leave a Reply", Path: "div#respond>h3",
				FirstSeen: time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC), LastSeen: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)}},
		{ID: "r-5566778899", Kind: KindDropRegexp, Pattern: `^"quoted" \x00 and\nnewline$`, Status: StatusPinned, Origin: OriginManual},
		{ID: "r-aabbccddee", Kind: KindTemplatePath, Pattern: "div.side>ul.rail", Status: StatusDisabled, Origin: OriginLearned,
			Evidence: Evidence{Support: 3, PagesSeen: 9, Example: "Ünïcödé “quotes”"}},
	}}
}

func TestRulesTextRoundTrip(t *testing.T) {
	want := sampleRules()
	text, err := want.MarshalText()
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseRules(text)
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got)\n%s\n%s", d, text)
	}
	if lines := strings.Count(string(text), "\nrule "); lines != 3 {
		t.Errorf("%d rule lines, want one per rule:\n%s", lines, text)
	}
}

func TestParseRulesEmpty(t *testing.T) {
	got, err := ParseRules(nil)
	if err != nil || !cmp.Equal(got, Rules{}) {
		t.Errorf("ParseRules(nil) = %+v, %v", got, err)
	}
}

func TestParseRulesErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"unknown kind", "site \"a\"\nrule id=r-1 kind=nope status=active origin=learned", "line 2"},
		{"unknown key", "rule id=r-1 kind=drop-text status=active origin=manual colour=red", "key colour"},
		{"repeated key", "rule id=r-1 id=r-2 kind=drop-text status=active origin=manual", "repeated"},
		{"bad quote", "rule id=r-1 kind=drop-text status=active origin=manual pattern=\"open", "key pattern"},
		{"bad time", "rule id=r-1 kind=drop-text status=active origin=manual first=yesterday", "key first"},
		{"bad status", "rule id=r-1 kind=drop-text status=maybe origin=manual", "status"},
		{"junk line", "site \"a\"\n\nfrobnicate", "line 3"},
		{"two versions", "version 1\nversion 2", "line 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseRules([]byte(tt.text))
			if !errors.Is(err, ErrBadRule) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want ErrBadRule mentioning %q", err, tt.want)
			}
		})
	}
}

func TestSetStatusAndFind(t *testing.T) {
	r := sampleRules()
	got, err := r.SetStatus("r-0011223344", StatusDisabled)
	if err != nil {
		t.Fatal(err)
	}
	if x, ok := got.Find("r-0011223344"); !ok || x.Status != StatusDisabled || got.Version != 4 {
		t.Errorf("after disable: %+v version %d", x, got.Version)
	}
	if x, _ := r.Find("r-0011223344"); x.Status != StatusActive {
		t.Errorf("SetStatus changed its receiver")
	}
	if _, err := r.SetStatus("r-missing", StatusPinned); !errors.Is(err, ErrNoRule) {
		t.Errorf("unknown id: %v", err)
	}
	if _, err := r.SetStatus("r-0011223344", "sleepy"); !errors.Is(err, ErrBadRule) {
		t.Errorf("unknown status: %v", err)
	}
}

func TestManualRulesValidate(t *testing.T) {
	tests := []struct {
		name string
		spec ManualSpec
		bad  string
	}{
		{"bad selector", ManualSpec{Remove: []string{"div.ok", "div[["}}, "div[["},
		{"bad regexp", ManualSpec{DropRegexp: []string{"(unclosed"}}, "(unclosed"},
		{"bad body", ManualSpec{Body: ">>"}, ">>"},
		{"empty text", ManualSpec{KeepText: []string{" - "}}, " - "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ManualRules("a.example", tt.spec)
			if !errors.Is(err, ErrBadRule) || !strings.Contains(err.Error(), tt.bad) {
				t.Errorf("err = %v, want ErrBadRule naming %q", err, tt.bad)
			}
		})
	}
}

// TestManualRulesWin applies a learned rule and manual rules to one page:
// a keep rule saves a block the learned rule would drop, remove and drop
// rules take what generic filters keep.
func TestManualRulesWin(t *testing.T) {
	page := []byte(`<html><body><article>
<p>Readers of the Valley Courier help fund this reporting, and we thank them for it every week.</p>
<p>The dam inspection found cracks in two of the spillway gates, and engineers ordered repairs before the spring melt begins.</p>
<p>Repairs will cost about two million dollars, paid from the state's emergency infrastructure fund set up last year.</p>
<div class="sponsor-box"><p>This story was brought to you by a long list of generous sponsors who fund our work.</p></div>
<p>Reporting note: figures come from the inspection summary released on Monday afternoon by the county.</p>
</article></body></html>`)
	learned := Rules{Site: "valley.example", Version: 2, Rules: []Rule{{
		ID:   ruleID(KindTemplateBlock, normText("Readers of the Valley Courier help fund this reporting, and we thank them for it every week.")),
		Kind: KindTemplateBlock, Pattern: normText("Readers of the Valley Courier help fund this reporting, and we thank them for it every week."),
		Status: StatusActive, Origin: OriginLearned,
	}}}
	manual, err := ManualRules("valley.example", ManualSpec{
		Remove:   []string{"div.sponsor-box"},
		DropText: []string{"reporting note:"},
		KeepText: []string{"readers of the valley courier"},
	})
	if err != nil {
		t.Fatal(err)
	}
	merged := Merge(learned, manual)
	if merged.Version != learned.Version+len(manual.Rules) || len(merged.Rules) != 4 {
		t.Errorf("merged version %d, %d rules", merged.Version, len(merged.Rules))
	}
	res, err := Extract(page, nil, merged)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		kept bool
	}{
		{"Readers of the Valley Courier", true},
		{"spillway gates", true},
		{"generous sponsors", false},
		{"Reporting note", false},
	} {
		if got := strings.Contains(res.Text, tc.text); got != tc.kept {
			t.Errorf("%q kept = %v, want %v\n%s", tc.text, got, tc.kept, res.Text)
		}
	}
	for _, id := range []string{manual.Rules[0].ID, manual.Rules[1].ID} {
		if !hasReason(res, id) {
			t.Errorf("no removal attributed to %s: %+v", id, res.Removed)
		}
	}
}

func TestNormText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"3 Comments", "0 comments"},
		{"  12   comments!! ", "0 comments"},
		{"March 14, 2024 – 9:30", "march 0 0 0 0"},
		{"Ünïcödé  “Quotes”", "ünïcödé quotes"},
	}
	for _, tt := range tests {
		if got := normText(tt.in); got != tt.want {
			t.Errorf("normText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
