package casefacts_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/casebookapp/casebook/data/casefacts"
	"github.com/casebookapp/casebook/data/ingest"
)

// TestPeopleHeldOut measures the index on two real news pages the rules
// were not written for (shared/pages-dev, imported as saved HTML). The
// thresholds are the measured figures, rounded down: they guard against a
// change that makes unseen text worse.
func TestPeopleHeldOut(t *testing.T) {
	for _, c := range []struct {
		file string
		minP float64
		minR float64
	}{
		// First run, before any rule was revised on it: precision 0.475,
		// recall 0.576. The rules were then made more general on what it
		// showed (dotted initials, datelines, a gazetteer of countries, a
		// title inside a name, appositives that name a group).
		{"people_heldout.json", 0.95, 0.8},
		// Written after that revision and never tuned on.
		{"people_heldout2.json", 0.6, 0.6},
	} {
		t.Run(c.file, func(t *testing.T) {
			p, r := heldOut(t, c.file)
			if p < c.minP || r < c.minR {
				t.Errorf("precision %.3f, recall %.3f: want ≥ %.2f and ≥ %.2f", p, r, c.minP, c.minR)
			}
		})
	}
}

func heldOut(t *testing.T, file string) (p, r float64) {
	var g struct {
		Pages    []string     `json:"pages"`
		Entities []goldEntity `json:"entities"`
	}
	arts := heldOutArticles(t, file, &g)
	got := casefacts.People(arts)
	for _, e := range got {
		t.Logf("%s (%s) role %q aliases %v, %d passages", e.Name, e.Kind, e.Role, e.Aliases, len(e.Mentions))
	}
	p, r = scorePeople(t, got, g.Entities)
	t.Logf("held-out pages %v: precision %.3f, recall %.3f", g.Pages, p, r)
	return p, r
}

// TestTimelineHeldOut measures the timeline on a real news page it was not
// written for. First run: events precision 0.737, recall 0.824 (links 0.700
// / 0.737). Then two statements made the same day stopped merging unless
// they share words: 0.750 / 0.882 (links 0.750 / 0.789). The thresholds are
// those figures, rounded down. Known misses: the page's metadata says
// Friday 6 December while its text already reports Saturday 7 December as
// past, so "on Saturday" resolves to 30 November.
func TestTimelineHeldOut(t *testing.T) {
	var g struct {
		Pages  []string    `json:"pages"`
		Events []goldEvent `json:"events"`
	}
	arts := heldOutArticles(t, "timeline_heldout.json", &g)
	got := casefacts.Timeline(arts)
	for _, e := range got {
		t.Logf("%s %s %q %v", e.Date, e.Precision, e.Label, e.Passages)
	}
	p, r, lp, lr := scoreTimeline(t, got, g.Events)
	t.Logf("held-out page: events precision %.3f recall %.3f; links precision %.3f recall %.3f", p, r, lp, lr)
	if p < 0.7 || r < 0.85 || lr < 0.75 {
		t.Errorf("events precision %.3f, recall %.3f, link recall %.3f: want ≥ 0.7, 0.85, 0.75", p, r, lr)
	}
}

// heldOutArticles reads the gold file testdata/file into gold and returns the
// saved pages its "pages" lists as articles.
func heldOutArticles(t *testing.T, file string, gold any) []casefacts.Article {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	var listed struct {
		Pages []string `json:"pages"`
	}
	if err := json.Unmarshal(b, gold); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &listed); err != nil {
		t.Fatal(err)
	}
	shared := filepath.Join("..", "..", "..", "shared", "pages-dev")
	var arts []casefacts.Article
	for i, p := range listed.Pages {
		na, err := ingest.ReadFile(filepath.Join(shared, p, "source.html"))
		if err != nil {
			t.Fatalf("%s: %v (shared/ must sit beside the repository)", p, err)
		}
		arts = append(arts, fromNew(int64(i+1), na))
	}
	return arts
}
