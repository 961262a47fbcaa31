package data

import "strings"

// NewNote is a note to add. It is attached to a whole passage, or to runes
// [Start, End) of it when End > 0, or to a highlight when HighlightID is set.
type NewNote struct {
	PassageID   int64
	HighlightID int64
	Start, End  int
	Body        string
	Tags        []string
}

// NormaliseTags trims tags, drops a leading '#', empty and repeated ones
// (ignoring case), and keeps the first spelling.
func NormaliseTags(tags []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range tags {
		t = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(t), "#"))
		k := strings.ToLower(t)
		if t == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, t)
	}
	return out
}

// NoteFilter selects notes. The zero value selects every note.
type NoteFilter struct {
	ArticleID int64
	PassageID int64
	// Orphans selects only the notes that lost their place in the text.
	Orphans bool
	Tag     string
}
