package casefacts

import (
	"strings"
)

// PersonFix is a student's correction to the people index, keyed by a name
// or alias (any case) so that it still applies after a new extraction.
type PersonFix struct {
	Action string // "hide", "rename", "merge", "role" or "kind"
	Name   string
	Value  string // the new name, the name to merge into, the role or the kind
}

// EventFix is a student's correction to the timeline. A fix to an extracted
// event is keyed by the sentence that reports it in an article; an added
// event names its passage and carries its date and label.
type EventFix struct {
	Action   string // "hide", "date", "label" or "add"
	Article  int64
	Sentence string
	// Passage is where an added event is reported; zero Article when its
	// text could no longer be found (the event is then kept, unlinked).
	Passage Ref
	Date    string
	Label   string
}

// Named reports whether the entity has the name or alias, in any case.
func (e Entity) Named(name string) bool {
	if strings.EqualFold(e.Name, name) {
		return true
	}
	for _, a := range e.Aliases {
		if strings.EqualFold(a, name) {
			return true
		}
	}
	return false
}

// ApplyPeople applies the corrections in order and returns the corrected
// index, sorted again. A correction whose name no entry has any more does
// nothing (and is kept, so it applies again if the name comes back).
func ApplyPeople(es []Entity, fixes []PersonFix) []Entity {
	out := append([]Entity(nil), es...)
	for _, f := range fixes {
		switch f.Action {
		case "hide":
			out = dropEntities(out, func(e Entity) bool { return e.Named(f.Name) })
		case "rename":
			for i := range out {
				if out[i].Named(f.Name) && !strings.EqualFold(out[i].Name, f.Value) {
					out[i].Aliases = addAlias(removeAlias(out[i].Aliases, f.Value), out[i].Name)
					out[i].Name = f.Value
				}
			}
		case "role":
			for i := range out {
				if out[i].Named(f.Name) {
					out[i].Role = f.Value
				}
			}
		case "kind":
			for i := range out {
				if out[i].Named(f.Name) {
					out[i].Kind = f.Value
				}
			}
		case "merge":
			into := -1
			for i := range out {
				if out[i].Named(f.Value) {
					into = i
					break
				}
			}
			if into < 0 || out[into].Named(f.Name) {
				continue
			}
			var moved []Entity
			out = dropEntities(out, func(e Entity) bool {
				if e.Named(f.Name) && !e.Named(f.Value) {
					moved = append(moved, e)
					return true
				}
				return false
			})
			for i := range out {
				if !out[i].Named(f.Value) {
					continue
				}
				for _, m := range moved {
					out[i].Aliases = addAlias(out[i].Aliases, m.Name)
					for _, a := range m.Aliases {
						out[i].Aliases = addAlias(out[i].Aliases, a)
					}
					out[i].Mentions = mergeRefs(out[i].Mentions, m.Mentions)
					if out[i].Role == "" {
						out[i].Role = m.Role
					}
				}
				break
			}
		}
	}
	for i := range out {
		// A variant of an entry now named otherwise follows it.
		if out[i].VariantOf != "" {
			for _, f := range fixes {
				if f.Action == "rename" && strings.EqualFold(out[i].VariantOf, f.Name) {
					out[i].VariantOf = f.Value
				}
			}
		}
	}
	sortEntities(out)
	return out
}

func dropEntities(es []Entity, drop func(Entity) bool) []Entity {
	out := es[:0]
	for _, e := range es {
		if !drop(e) {
			out = append(out, e)
		}
	}
	return out
}

func addAlias(as []string, a string) []string {
	for _, x := range as {
		if strings.EqualFold(x, a) {
			return as
		}
	}
	return append(append([]string(nil), as...), a)
}

func removeAlias(as []string, a string) []string {
	var out []string
	for _, x := range as {
		if !strings.EqualFold(x, a) {
			out = append(out, x)
		}
	}
	return out
}

func mergeRefs(a, b []Ref) []Ref {
	seen := map[Ref]bool{}
	var out []Ref
	for _, r := range append(append([]Ref(nil), a...), b...) {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}

// sameSentence compares sentences as a re-import may change them: white
// space and quote marks aside.
func sameSentence(a, b string) bool {
	norm := func(s string) string {
		s = strings.NewReplacer("“", "\"", "”", "\"", "’", "'", "‘", "'").Replace(s)
		return strings.Join(strings.Fields(s), " ")
	}
	return norm(a) == norm(b)
}

// reports says whether an event is reported by the sentence in the article.
func (e Event) reports(article int64, sentence string) bool {
	for _, s := range e.Sources {
		if s.Article == article && sameSentence(s.Sentence, sentence) {
			return true
		}
	}
	return false
}

// ApplyTimeline applies the corrections in order: hidden events go, fixed
// dates and labels replace the extracted ones (marked Edited), and added
// events join the timeline (marked Added). The result is sorted again.
func ApplyTimeline(evs []Event, fixes []EventFix) []Event {
	out := append([]Event(nil), evs...)
	for _, f := range fixes {
		switch f.Action {
		case "hide":
			kept := out[:0]
			for _, e := range out {
				if !e.reports(f.Article, f.Sentence) {
					kept = append(kept, e)
				}
			}
			out = kept
		case "date":
			d, ok := ParseDate(f.Date)
			if !ok {
				continue
			}
			for i := range out {
				if out[i].reports(f.Article, f.Sentence) {
					out[i].Date, out[i].Precision, out[i].Edited = d, d.precision(), true
				}
			}
		case "label":
			for i := range out {
				if out[i].reports(f.Article, f.Sentence) {
					out[i].Label, out[i].Edited = f.Label, true
				}
			}
		case "add":
			d, _ := ParseDate(f.Date)
			e := Event{Date: d, Precision: d.precision(), Label: f.Label, Added: true}
			if f.Passage.Article != 0 {
				e.Passages = []Ref{f.Passage}
				e.Sources = []Source{{Ref: f.Passage, Sentence: f.Sentence, AsWritten: d.Readable(), Date: d}}
			}
			out = append(out, e)
		}
	}
	sortEvents(out)
	return out
}
