package casefacts_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data/casefacts"
	"github.com/casebookapp/casebook/data/ingest"
)

type goldEntity struct {
	Name      string   `json:"name"`
	Kind      string   `json:"kind"`
	Aliases   []string `json:"aliases"`
	VariantOf string   `json:"variant_of"`
}

type goldFile struct {
	Articles []struct {
		File string `json:"file"`
		Date string `json:"date"`
	} `json:"articles"`
	Entities []goldEntity `json:"entities"`
	Events   []goldEvent  `json:"events"`
}

func readGold(t testing.TB, name string) goldFile {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var g goldFile
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return g
}

// fixtureArticles parses the fixtures a gold file names, as an import
// would, with ids 1..n.
func fixtureArticles(t testing.TB, g goldFile) []casefacts.Article {
	t.Helper()
	var out []casefacts.Article
	for i, f := range g.Articles {
		b, err := os.ReadFile(filepath.Join("testdata", "fixtures", f.File))
		if err != nil {
			t.Fatal(err)
		}
		na, err := ingest.Parse(string(b), f.File, f.File)
		if err != nil {
			t.Fatal(err)
		}
		na.Date = f.Date
		out = append(out, fromNew(int64(i+1), na))
	}
	return out
}

func forms(name string, aliases []string) map[string]bool {
	m := map[string]bool{strings.ToLower(name): true}
	for _, a := range aliases {
		m[strings.ToLower(a)] = true
	}
	return m
}

// scorePeople matches found entries to gold ones: the same kind, and a name
// or alias in common. It returns precision and recall, and logs the
// differences.
func scorePeople(t *testing.T, got []casefacts.Entity, gold []goldEntity) (p, r float64) {
	t.Helper()
	used := make([]bool, len(gold))
	tp := 0
	for _, e := range got {
		ef := forms(e.Name, e.Aliases)
		hit := -1
		for i, g := range gold {
			if used[i] || g.Kind != e.Kind {
				continue
			}
			for f := range forms(g.Name, g.Aliases) {
				if ef[f] {
					hit = i
				}
			}
			if hit >= 0 {
				break
			}
		}
		if hit < 0 {
			t.Logf("not in the gold list: %s (%s)", e.Name, e.Kind)
			continue
		}
		used[hit] = true
		tp++
		if g := gold[hit]; g.VariantOf != e.VariantOf {
			t.Errorf("%s: variant_of %q, want %q", e.Name, e.VariantOf, g.VariantOf)
		}
	}
	for i, g := range gold {
		if !used[i] {
			t.Logf("missed: %s (%s)", g.Name, g.Kind)
		}
	}
	return float64(tp) / float64(max(len(got), 1)), float64(tp) / float64(max(len(gold), 1))
}

func TestPeopleSeedsPrecisionRecall(t *testing.T) {
	g := readGold(t, "people_seeds.json")
	p, r := scorePeople(t, casefacts.People(seedArticles(t)), g.Entities)
	t.Logf("bundled articles: precision %.3f, recall %.3f", p, r)
	if p < 0.95 || r < 0.95 {
		t.Errorf("precision %.3f, recall %.3f: want both ≥ 0.95", p, r)
	}
}

func TestPeopleFixturesPrecisionRecall(t *testing.T) {
	g := readGold(t, "people_fixtures.json")
	p, r := scorePeople(t, casefacts.People(fixtureArticles(t, g)), g.Entities)
	t.Logf("imported fixtures: precision %.3f, recall %.3f", p, r)
	if p < 0.85 || r < 0.8 {
		t.Errorf("precision %.3f, recall %.3f: want ≥ 0.85 and ≥ 0.8", p, r)
	}
}

// TestEntityNamed: an entity answers to its name and its aliases in any
// case, and to nothing else (the UI's Merge into… relies on it).
func TestEntityNamed(t *testing.T) {
	e := casefacts.Entity{Name: "Paul Shechtman", Aliases: []string{"Shechtman"}}
	for name, want := range map[string]bool{
		"Paul Shechtman": true, "paul SHECHTMAN": true, "shechtman": true,
		"Schectman": false, "Paul": false, "": false,
	} {
		if got := e.Named(name); got != want {
			t.Errorf("Named(%q) = %v, want %v", name, got, want)
		}
	}
}
