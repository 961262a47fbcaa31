package data

import "time"

// Correction targets and actions for the case at a glance (the people index
// and the timeline).
const (
	TargetPerson = "person"
	TargetEvent  = "event"

	FixHide   = "hide"
	FixRename = "rename"
	FixMerge  = "merge"
	FixRole   = "role"
	FixKind   = "kind"
	FixDate   = "date"
	FixLabel  = "label"
	FixAdd    = "add"
)

// Correction is one of the student's corrections to what Casebook extracted
// from the articles. It is keyed by text, not by row ids, so that it
// survives a re-import of the article and a new extraction: a person by a
// name or alias, an event by the sentence that reports it (Key) in an
// article (Origin). An added event is keyed by its passage's text.
type Correction struct {
	ID     int64     `json:"id"`
	Target string    `json:"target"`
	Action string    `json:"action"`
	Key    string    `json:"key"`
	Origin string    `json:"origin,omitempty"`
	Value  string    `json:"value,omitempty"`
	Label  string    `json:"label,omitempty"`
	At     time.Time `json:"created_at"`
}
