package compare

import "github.com/casebookapp/casebook/data"

// What the store keeps of a comparison, in plain values: the store
// (data/sqlite) fills them, the CLI and the Compare window show them.

// Comparison is what the store's Compare found, with the passages it
// compared, so that the CLI and the Compare window show them without
// reading them again.
type Comparison struct {
	Result
	// A and B are the numbered passages of the two articles, in order.
	A, B []Passage `json:"-"`
}

// Texts maps each side's citation numbers to the passages' texts.
func (c Comparison) Texts() [2]map[int]string {
	var out [2]map[int]string
	for i, ps := range [][]Passage{c.A, c.B} {
		out[i] = make(map[int]string, len(ps))
		for _, p := range ps {
			out[i][p.N] = p.Text
		}
	}
	return out
}

// What the student decided about a difference Compare flagged.
const (
	FlagDismissed = "dismissed" // not a real disagreement: hidden from then on
	FlagDisputed  = "disputed"  // a real disagreement: highlighted red on both sides, with a note
)

// FlagDecision is the student's decision on one flagged difference between
// two articles.
type FlagDecision struct {
	Topic  string `json:"topic"`
	TextA  string `json:"text_a"`
	TextB  string `json:"text_b"`
	Status string `json:"status"`
	NoteID int64  `json:"note,omitempty"`
}

// Matches reports whether the decision is about difference d of the
// comparison of A with B.
func (f FlagDecision) Matches(d Difference) bool {
	return f.Topic == d.Topic && f.TextA == d.A.Text && f.TextB == d.B.Text
}

// Disagreement is what marking a difference as a real disagreement made: a
// red highlight on each side and a note on each that names the other.
type Disagreement struct {
	HighlightA, HighlightB data.Highlight
	NoteA, NoteB           data.Note
}
