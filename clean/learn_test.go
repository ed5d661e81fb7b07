package clean

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 1, 10, 8, 0, 0, 0, time.UTC)

// sitePage renders page i of a fictional site: a sidebar of links that
// changes on every page, an article, and a sign-off the site appends to
// every article in a plain paragraph that no generic filter recognises.
func sitePage(i int) []byte {
	w := func(k int) string { return pageWords[(i*7+k)%len(pageWords)] }
	var side strings.Builder
	for j := range 5 {
		fmt.Fprintf(&side, `<li><a href="/story/%d">Story number %d about something else entirely</a></li>`, i*10+j, i*10+j)
	}
	return fmt.Appendf(nil, `<html><head><title>Story %[1]d headline here - Valley Courier</title></head><body>
<div id="wrap"><div class="col-main"><div class="story-body">
<h1>Story %[1]d headline here</h1>
<p>The first paragraph tells what happened in the %[3]s valley near the %[4]s, with enough words to read as article prose rather than a label or a link.</p>
<p>A second paragraph adds what the %[5]s and the %[6]s said and what officials expect to happen next week, again in full sentences.</p>
<p>The closing paragraph of story %[1]d gives background from earlier reporting on the %[7]s and a quote from a resident.</p>
<p>The Valley Courier is supported by readers like you and by the Harbor Trust.</p>
</div></div>
<div class="col-side"><h4>Elsewhere</h4><ul class="rail-list">%[2]s</ul></div></div>
</body></html>`, i, side.String(), w(0), w(1), w(2), w(3), w(4))
}

func siteSamples(n int, at time.Time) []Sample {
	var out []Sample
	for i := range n {
		u, _ := url.Parse(fmt.Sprintf("https://valley.example/story/%d", i))
		out = append(out, Sample{URL: u, HTML: sitePage(i), FetchedAt: at.Add(time.Duration(i) * time.Minute)})
	}
	return out
}

func findKind(r Rules, kind, pattern string) (Rule, bool) {
	for _, x := range r.Rules {
		if x.Kind == kind && strings.Contains(x.Pattern, pattern) {
			return x, true
		}
	}
	return Rule{}, false
}

func TestLearnFindsSiteTemplate(t *testing.T) {
	rules := Learn(Rules{Site: "valley.example"}, siteSamples(8, t0), t0.Add(time.Hour))
	signoff, ok := findKind(rules, KindTemplateBlock, "supported by readers like you")
	if !ok {
		t.Fatalf("no template-block rule for the sign-off in\n%s", mustText(t, rules))
	}
	if signoff.Status != StatusActive || signoff.Evidence.Support != 8 || signoff.Evidence.PagesSeen != 8 {
		t.Errorf("sign-off rule %+v", signoff)
	}
	if _, ok := findKind(rules, KindTemplatePath, "rail-list"); !ok {
		t.Errorf("no template-path rule for the changing link rail in\n%s", mustText(t, rules))
	}
	if _, ok := findKind(rules, KindTemplateBlock, "first paragraph"); ok {
		t.Errorf("article text learned as template")
	}
	if rules.Version != 1 {
		t.Errorf("version %d, want 1", rules.Version)
	}

	page := siteSamples(9, t0)[8].HTML // a page Learn has not seen
	plain, err := Extract(page, nil, Rules{})
	if err != nil {
		t.Fatal(err)
	}
	learned, err := Extract(page, nil, rules)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(plain.Text, "supported by readers") {
		t.Fatalf("generic filters alone already drop the sign-off; the test proves nothing:\n%s", plain.Text)
	}
	if strings.Contains(learned.Text, "supported by readers") {
		t.Errorf("learned rules left the sign-off:\n%s", learned.Text)
	}
	if !strings.Contains(learned.Text, "The closing paragraph of story 8") {
		t.Errorf("learned rules lost article text:\n%s", learned.Text)
	}
	if !hasReason(learned, signoff.ID) {
		t.Errorf("removal not attributed to %s: %+v", signoff.ID, learned.Removed)
	}
}

func hasReason(res Result, reason string) bool {
	for _, r := range res.Removed {
		if r.Reason == reason {
			return true
		}
	}
	return false
}

func mustText(t *testing.T, r Rules) string {
	t.Helper()
	b, err := r.MarshalText()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestLearnCountsDistinctArticlesOnly(t *testing.T) {
	tests := []struct {
		name    string
		samples []Sample
	}{
		{"refetches of two pages", append(siteSamples(2, t0), siteSamples(2, t0.Add(time.Hour))...)},
		{"one page under many URLs", func() []Sample {
			var out []Sample
			for i := range 6 {
				u, _ := url.Parse(fmt.Sprintf("https://valley.example/story/1?utm=%d", i))
				out = append(out, Sample{URL: u, HTML: sitePage(1), FetchedAt: t0})
			}
			return out
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules := Learn(Rules{}, tt.samples, t0.Add(2*time.Hour))
			if len(rules.Rules) != 0 {
				t.Errorf("learned from fewer than %d distinct pages:\n%s", minPages, mustText(t, rules))
			}
		})
	}
}

func TestLearnKeepsDecisionsAndAgesOut(t *testing.T) {
	first := Learn(Rules{Site: "valley.example"}, siteSamples(8, t0), t0)
	signoff, _ := findKind(first, KindTemplateBlock, "supported by readers")
	rail, _ := findKind(first, KindTemplatePath, "rail-list")
	pinned, err := first.SetStatus(signoff.ID, StatusPinned)
	if err != nil {
		t.Fatal(err)
	}
	disabled, err := pinned.SetStatus(rail.ID, StatusDisabled)
	if err != nil {
		t.Fatal(err)
	}

	// The same pages again: decisions survive, nothing applied changes.
	again := Learn(disabled, siteSamples(8, t0), t0.Add(24*time.Hour))
	if r, _ := again.Find(signoff.ID); r.Status != StatusPinned {
		t.Errorf("pin lost: %+v", r)
	}
	if r, _ := again.Find(rail.ID); r.Status != StatusDisabled {
		t.Errorf("disable lost: %+v", r)
	}
	if again.Version != disabled.Version {
		t.Errorf("version %d -> %d with no change", disabled.Version, again.Version)
	}

	// A redesign: new pages without the old template. Active rules turn
	// into candidates, then age out; the pinned one stays.
	redesigned := make([]Sample, 8)
	for i := range redesigned {
		u, _ := url.Parse(fmt.Sprintf("https://valley.example/new/%d", i))
		page := strings.Replace(string(sitePage(100+i)), "The Valley Courier is supported", "Story continues with the note that it is supported", 1)
		redesigned[i] = Sample{URL: u, HTML: []byte(strings.ReplaceAll(page, "rail-list", "more-links")), FetchedAt: t0.Add(40 * 24 * time.Hour)}
	}
	later := Learn(again, redesigned, t0.Add(41*24*time.Hour))
	if r, ok := later.Find(signoff.ID); !ok || r.Status != StatusPinned {
		t.Errorf("pinned rule aged out: %+v", r)
	}
	if _, ok := later.Find(rail.ID); ok {
		t.Errorf("stale rule %s kept", rail.ID)
	}
	if later.Version == again.Version {
		t.Errorf("version not bumped when the applied set changed")
	}
}

var pageWords = strings.Fields(`orchard harbor quarry mill ferry bakery library school council bridge
	river meadow station market chapel tannery foundry lighthouse granary vineyard`)
