package casefacts_test

import (
	"fmt"
	"testing"

	"github.com/casebookapp/casebook/data/casefacts"
)

type goldEvent struct {
	Date      *string  `json:"date"`
	Precision string   `json:"precision"`
	What      string   `json:"what"`
	Passages  []string `json:"passages"`
	Disputed  bool     `json:"disputed"`
}

// refKey is how the gold lists write a passage: article:para, or
// article:sSEQ for an unnumbered one.
func refKey(r casefacts.Ref) string {
	if r.Para == 0 {
		return fmt.Sprintf("%d:s%d", r.Article, r.Seq)
	}
	return fmt.Sprintf("%d:%d", r.Article, r.Para)
}

// scoreTimeline matches found events to gold ones: the same date and
// precision and at least one passage in common. It returns the precision
// and recall of events, and of the links from events to passages (over
// matched events; a missed event's links count as missed).
func scoreTimeline(t *testing.T, got []casefacts.Event, gold []goldEvent) (p, r, lp, lr float64) {
	t.Helper()
	used := make([]bool, len(gold))
	tp, links, goldLinks, gotLinks := 0, 0, 0, 0
	for _, g := range gold {
		goldLinks += len(g.Passages)
	}
	for _, e := range got {
		gotLinks += len(e.Passages)
		have := map[string]bool{}
		for _, r := range e.Passages {
			have[refKey(r)] = true
		}
		hit := -1
		for i, g := range gold {
			gd := ""
			if g.Date != nil {
				gd = *g.Date
			}
			if used[i] || gd != e.Date.String() || g.Precision != e.Precision {
				continue
			}
			for _, k := range g.Passages {
				if have[k] {
					hit = i
				}
			}
			if hit >= 0 {
				break
			}
		}
		if hit < 0 {
			t.Logf("not in the gold list: %s %s %q %v", e.Date, e.Precision, e.Label, e.Passages)
			continue
		}
		used[hit] = true
		tp++
		g := gold[hit]
		for _, k := range g.Passages {
			if have[k] {
				links++
			} else {
				t.Logf("%s: passage %s not linked", g.What, k)
			}
		}
		if g.Disputed != e.Disputed {
			t.Errorf("%s: disputed %v, want %v (%s)", g.What, e.Disputed, g.Disputed, e.Dispute)
		}
	}
	for i, g := range gold {
		if !used[i] {
			t.Logf("missed: %v %s %s", g.Passages, g.Precision, g.What)
		}
	}
	return float64(tp) / float64(max(len(got), 1)), float64(tp) / float64(max(len(gold), 1)),
		float64(links) / float64(max(gotLinks, 1)), float64(links) / float64(max(goldLinks, 1))
}

func TestTimelineSeedsPrecisionRecall(t *testing.T) {
	g := readGold(t, "timeline_seeds.json")
	p, r, lp, lr := scoreTimeline(t, casefacts.Timeline(seedArticles(t)), g.Events)
	t.Logf("bundled articles: events precision %.3f recall %.3f; passage links precision %.3f recall %.3f", p, r, lp, lr)
	if p < 0.9 || r < 0.9 || lr < 0.9 {
		t.Errorf("events precision %.3f, recall %.3f, link recall %.3f: want ≥ 0.9", p, r, lr)
	}
}

func TestTimelineFixturesPrecisionRecall(t *testing.T) {
	g := readGold(t, "timeline_fixtures.json")
	p, r, lp, lr := scoreTimeline(t, casefacts.Timeline(fixtureArticles(t, g)), g.Events)
	t.Logf("imported fixtures: events precision %.3f recall %.3f; passage links precision %.3f recall %.3f", p, r, lp, lr)
	if p < 0.8 || r < 0.8 || lr < 0.8 {
		t.Errorf("events precision %.3f, recall %.3f, link recall %.3f: want ≥ 0.8", p, r, lr)
	}
}
