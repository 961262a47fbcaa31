package casefacts_test

import (
	"encoding/json"
	"testing"

	"github.com/casebookapp/casebook/data/casefacts"
)

// FuzzExtract feeds any text to both extractions: they must not panic, and
// what they return must be well formed (mentions and passages point at the
// article, dates are valid).
func FuzzExtract(f *testing.F) {
	for _, a := range seedArticles(f) {
		for _, p := range a.Passages {
			f.Add(p.Text, a.Date)
		}
	}
	f.Add("On Tuesday, “Justice (X) Y’s, 2014 — one day after May 1, 1999 Jan. 31,", "2016-02-29")
	f.Add("Mr. A. B. C. D. E. F. G. Smith of the of the Association (AA) ((", "")
	f.Fuzz(func(t *testing.T, text, date string) {
		arts := []casefacts.Article{{ID: 7, Date: date, Passages: []casefacts.Passage{{Para: 1, Kind: "body", Text: text}, {Para: 2, Kind: "caption", Text: text}}}}
		for _, e := range casefacts.People(arts) {
			if e.Name == "" || len(e.Mentions) == 0 {
				t.Fatalf("empty entity %+v", e)
			}
			for _, m := range e.Mentions {
				if m.Article != 7 {
					t.Fatalf("mention of article %d", m.Article)
				}
			}
		}
		for _, e := range casefacts.Timeline(arts) {
			if e.Date.Known() {
				if _, ok := casefacts.ParseDate(e.Date.String()); !ok {
					t.Fatalf("invalid date %+v", e.Date)
				}
			}
			if len(e.Passages) == 0 || e.Label == "" {
				t.Fatalf("event without passages or label: %+v", e)
			}
			if _, err := json.Marshal(e); err != nil {
				t.Fatal(err)
			}
		}
	})
}
