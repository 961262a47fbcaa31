package data

import "time"

// Annotation is one highlight or one note as a study group shares it
// (package webanno reads and writes them as W3C Web Annotations): enough to
// find its article and passage in another library, and to tell which of two
// versions is newer.
type Annotation struct {
	// UID is the annotation's id without its "urn:uuid:" prefix; annotations
	// from other tools keep their whole id.
	UID string
	// Motivation is "highlighting" for a highlight, "commenting" for a note.
	Motivation string
	// Source identifies the article: its web address, or a casebook URN.
	Source string
	Title  string // the article's title, if known
	Hash   string // hex SHA-256 of the article's original text, if known
	// Para is the paragraph's citation number, or 0 when unknown (an orphan).
	Para int
	// Quote, Prefix and Suffix place the annotation by text.
	Quote, Prefix, Suffix string
	// Start and End are rune offsets into the paragraph; meaningful only
	// when Para is not 0.
	Start, End int
	// Colour is a highlight's colour key ("yellow"); "" for a note.
	Colour string
	// Body is a note's Markdown; "" for a highlight.
	Body string
	Tags []string
	// Highlight is the UID of the highlight a note belongs to, or "".
	Highlight         string
	Created, Modified time.Time
	// Creator is the name of who made it, if the file gives one.
	Creator string
}

// IsNote reports whether the annotation is a note rather than a highlight.
func (a Annotation) IsNote() bool {
	return a.Motivation == "commenting" || (a.Motivation != "highlighting" && a.Body != "")
}

// MergeReport says what merging a study group's annotations did.
type MergeReport struct {
	Added, Updated, Unchanged int
	// KeptBoth counts the classmate's versions added beside a highlight or
	// note that both sides changed: the student's stays as it was.
	KeptBoth int
	// Undated counts changed annotations whose date is missing or in the
	// future: such a date never wins, so they changed nothing.
	Undated int
	// Orphaned counts the annotations added or updated whose quote could not
	// be placed in the article; they are kept as orphans.
	Orphaned int
	// Skipped says, one line each, which annotations could not be merged
	// and why (their article is not in this library).
	Skipped []string
	// Outlines counts the outlines added or updated; OutlinesBeside those
	// of them added beside an outline of the same id, which stays as it
	// was. Undated counts outlines too.
	Outlines, OutlinesBeside int
	// Import is the id of the merge, which the store's UndoLastImport
	// undoes; 0 when the merge changed nothing.
	Import int64
}

// UndoReport says what undoing a merge (the store's UndoLastImport) did.
type UndoReport struct {
	// File is the merged file, From whom it came from.
	File, From string
	// Removed counts the highlights and notes the merge had added, Restored
	// those it had changed and that are now as they were.
	Removed, Restored int
}

// MergeFrom says whose file is merged.
type MergeFrom struct {
	// Name is who the annotations come from, as the student will see it,
	// when an annotation does not name its creator ("alex-notes", the
	// file's name without its extension).
	Name string
	// File is the path of the file, for the record of the merge.
	File string
}

// SharedOutline is an outline as a study group's file carries it (package
// webanno writes it into the W3C bundle as an ordered collection).
type SharedOutline struct {
	// UID identifies the outline across libraries.
	UID               string
	Name              string
	Template          string
	Created, Modified time.Time
	Sections          []SharedSection
}

// SharedSection is one section of a shared outline.
type SharedSection struct {
	Heading string
	Text    string
	Items   []SharedItem
}

// SharedItem is an item of a shared outline: a highlight or note by the id
// of its annotation (in the same file), or a passage by its article and
// text.
type SharedItem struct {
	Kind ItemKind
	// UID is the highlight's or note's id.
	UID string
	// Source, Title and Hash identify a passage item's article as an
	// Annotation does; Para and Text place the passage.
	Source, Title, Hash string
	Para                int
	Text                string
}

// Share returns the outline as a study group's file carries it. article
// gives an item's article's source address, title and hash.
func (o Outline) Share(article func(id int64) (source, title, hash string)) SharedOutline {
	so := SharedOutline{UID: o.UID, Name: o.Name, Template: o.Template, Created: o.CreatedAt, Modified: o.UpdatedAt}
	for _, s := range o.Sections {
		ss := SharedSection{Heading: s.Heading, Text: s.Text}
		for _, it := range s.Items {
			si := SharedItem{Kind: it.Kind}
			switch it.Kind {
			case ItemHighlight:
				if it.Highlight == nil {
					continue
				}
				si.UID = it.Highlight.UID
			case ItemNote:
				if it.Note == nil {
					continue
				}
				si.UID = it.Note.UID
			case ItemPassage:
				si.Source, si.Title, si.Hash = article(it.ArticleID)
				si.Para, si.Text = it.Para, it.Text
			}
			ss.Items = append(ss.Items, si)
		}
		so.Sections = append(so.Sections, ss)
	}
	return so
}
