package casefacts

import (
	"testing"
)

func TestFindDatesResolves(t *testing.T) {
	for _, c := range []struct {
		art, sentence, want, prec string
	}{
		{"2016-04", "On Nov. 20, 2014, Akai Gurley was shot.", "2014-11-20", Day},
		{"2016-04", "Liang was convicted on Feb. 11.", "2016-02-11", Day},
		{"2016-03-24", "He will be sentenced on April 14.", "2016-04-14", Day},
		{"2016-03-24", "The lawsuit she filed in May.", "2015-05", Month},
		{"2016-03-24", "He apologized Thursday morning.", "2016-03-24", Day},
		{"2016-03-24", "After news Wednesday of the recommendation.", "2016-03-23", Day},
		{"2016-04", "In a statement last month, he said so.", "2016-03", Month},
		{"2016-03-24", "He approached him about a month ago.", "2016-02", Month},
		{"2016-03-24", "It happened yesterday.", "2016-03-23", Day},
		{"2016-04", "The February rally was large.", "2016-02", Month},
		{"2016-04", "the 2014 shooting death", "2014", Year},
		{"2016-04", "killed in November 2014.", "2014-11", Month},
		{"", "repairs were ordered on Dec. 5, 2014.", "2014-12-05", Day},
		// Unresolvable: shown as written, never guessed.
		{"2016-04", "On Tuesday, the judge ruled.", "", Unresolved},
		{"", "Residents first complained in March.", "", Unresolved},
		{"", "They met on Monday.", "", Unresolved},
		{"2016-04", "It released a video last week.", "", Unresolved},
	} {
		art, _ := ParseDate(c.art)
		var ctx Date
		es := findDates(c.sentence, art, &ctx, func(int) bool { return futureRe.MatchString(c.sentence) })
		if len(es) != 1 {
			t.Errorf("%q: found %d dates, want 1: %+v", c.sentence, len(es), es)
			continue
		}
		if got := es[0].date; got.String() != c.want || got.precision() != c.prec {
			t.Errorf("%q in an article of %q: %q (%s), want %q (%s)", c.sentence, c.art, got, got.precision(), c.want, c.prec)
		}
	}
}

func TestFindDatesIgnoresNonDates(t *testing.T) {
	for _, s := range []string{
		"May I ask a question?",
		"He served 800 hours of community service.",
		"The Tuesday Group met.", // a name: still a weekday, so it is found
		"Image: Peter Liang",
		"Officers fired 2014 rounds.",
	} {
		var ctx Date
		art, _ := ParseDate("2016-04-20")
		es := findDates(s, art, &ctx, func(int) bool { return false })
		for _, e := range es {
			if e.weekday == 0 {
				t.Errorf("%q: found %q", s, e.text)
			}
		}
	}
}

func TestWeekdayTakesThePassagesDay(t *testing.T) {
	// A caption gives the day, then says "on Thursday": the same day, not the
	// Thursday of the article's week.
	arts := []Article{{ID: 1, Date: "2016-03-24", Passages: []Passage{{Para: 1, Kind: "caption",
		Text: "Peter Liang is led from court February 11, 2016. Liang was convicted of manslaughter on Thursday."}}}}
	evs := Timeline(arts)
	if len(evs) != 1 || evs[0].Date.String() != "2016-02-11" {
		t.Fatalf("got %+v, want one event on 2016-02-11", evs)
	}
}

func TestParseDate(t *testing.T) {
	for in, ok := range map[string]bool{"2016-03-24": true, "2016-04": true, "2016": true, "": false, "2016-13": false, "2016-02-30": false, "16-01-01": false, "x": false} {
		if _, got := ParseDate(in); got != ok {
			t.Errorf("ParseDate(%q) ok = %v, want %v", in, got, ok)
		}
	}
}
