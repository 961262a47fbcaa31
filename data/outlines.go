package data

import "time"

// Templates are the outlines a student can start from, by name, with their
// section headings in order.
var Templates = []Template{
	{Name: "brief", Title: "Case brief", Headings: []string{"Facts", "Procedural history", "Issue", "Outcome", "Reasoning", "Reactions"}},
	{Name: "essay", Title: "Argumentative essay", Headings: []string{"Thesis", "Claim 1", "Claim 2", "Counter-argument", "Conclusion"}},
	{Name: "compare", Title: "Compare sources", Headings: []string{"Source A's framing", "Source B's framing", "Where they differ", "Assessment"}},
	{Name: "blank", Title: "Blank", Headings: []string{"Notes"}},
}

// Template is a named list of section headings.
type Template struct {
	Name     string
	Title    string
	Headings []string
}

// TemplateNames lists the templates' names, for messages and flags.
func TemplateNames() []string {
	var out []string
	for _, t := range Templates {
		out = append(out, t.Name)
	}
	return out
}

// ItemKind says what an outline item places: a whole passage (with its
// highlights and notes), one highlight, or one note.
type ItemKind string

// The kinds of outline item.
const (
	ItemPassage   ItemKind = "passage"
	ItemHighlight ItemKind = "highlight"
	ItemNote      ItemKind = "note"
)

// Outline is a named essay skeleton: sections in the student's order.
type Outline struct {
	ID        int64     `json:"id"`
	UID       string    `json:"uid"`
	Name      string    `json:"name"`
	Template  string    `json:"template"`
	Sections  []Section `json:"sections"`
	CreatedAt time.Time `json:"created"`
	UpdatedAt time.Time `json:"updated"`
}

// OutlineSummary is an outline as `outline list` shows it.
type OutlineSummary struct {
	ID       int64     `json:"id"`
	Name     string    `json:"name"`
	Template string    `json:"template"`
	Sections int       `json:"sections"`
	Items    int       `json:"items"`
	Updated  time.Time `json:"updated"`
}

// Section is one heading of an outline, with the student's text under it and
// the items placed there.
type Section struct {
	ID      int64         `json:"id"`
	Heading string        `json:"heading"`
	Text    string        `json:"text"`
	Items   []OutlineItem `json:"items"`
}

// OutlineItem is a passage, highlight or note placed in a section, with
// what it shows: the quotes (the passage's highlighted spans, or the whole
// passage when none is highlighted; the highlight's span; the note's quote)
// and the notes that go with them.
type OutlineItem struct {
	ID          int64    `json:"id"`
	Kind        ItemKind `json:"kind"`
	ArticleID   int64    `json:"article"`
	PassageID   int64    `json:"-"`
	HighlightID int64    `json:"highlight,omitempty"`
	NoteID      int64    `json:"note,omitempty"`
	// Para is the paragraph's citation number, 0 when the item lost its
	// place in a changed text.
	Para   int      `json:"para"`
	Quotes []string `json:"quotes"`
	Notes  []string `json:"notes"`
	// Colour is a highlight item's colour key.
	Colour string `json:"colour,omitempty"`
	// Text is the passage's text as it was placed, for a passage item.
	Text string `json:"-"`
	// Highlight and Note are the annotations a highlight or note item
	// places (nil for a passage item), for exports that need their anchors.
	Highlight *Highlight `json:"-"`
	Note      *Note      `json:"-"`
}

// Orphan reports whether the item lost its place in the text.
func (it OutlineItem) Orphan() bool { return it.Para == 0 }

// NewItem says what to place in an outline: exactly one of a passage, a
// highlight or a note.
type NewItem struct {
	PassageID   int64
	HighlightID int64
	NoteID      int64
}
