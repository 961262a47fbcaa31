package ui

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/casebookapp/casebook/data"
)

// orphanNote makes a note lose its place, as a re-import that drops its
// paragraph does.
func orphanNote(t *testing.T, path string, id int64) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE notes SET passage_id = NULL, highlight_id = NULL WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
}

func TestOrphanNote(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	u := h.u
	r := u.reader
	n, err := h.lib.AddNote(ctx, data.NewNote{PassageID: r.rows[1].passage.ID, Body: "orphan me"})
	if err != nil {
		t.Fatal(err)
	}
	orphanNote(t, h.lib.Path(), n.ID)
	u.annotationsChanged()

	// All notes lists it, marked.
	at := -1
	for i, x := range u.notes.all {
		if x.ID == n.ID {
			at = i
		}
	}
	if at < 0 {
		t.Fatalf("All notes does not list the orphan: %+v", u.notes.all)
	}
	if where := u.notes.noteWhere(u.notes.all[at]); !strings.HasPrefix(where, "⚠ Place lost") {
		t.Errorf("the orphan is listed as %q, want it marked", where)
	}

	// Opened, it can be edited, and stays while words are chosen.
	u.notes.All.Select(at)
	if u.notes.orphan == nil || len(u.notes.Cards) != 1 || u.notes.Cards[0].Attach == nil {
		t.Fatal("opening the orphan does not show it with Attach here")
	}
	card := u.notes.Cards[0]
	if card.editor.Text != "orphan me" {
		t.Errorf("the orphan's editor holds %q", card.editor.Text)
	}
	card.editor.SetText("orphan me, edited")
	row := h.rowWithText("probation")
	text := r.rows[row].text
	s := indexRunes(text, []rune("five years’ probation"))
	dragSelect(t, h, row, s, s+len([]rune("five years’ probation")))
	if u.notes.orphan == nil || len(u.notes.Cards) != 1 || u.notes.Cards[0] != card {
		t.Fatal("selecting words in the reader took the orphan away before it was attached")
	}
	test.Tap(card.Attach)
	h.settle()

	got, err := h.lib.Note(ctx, n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Orphan() || got.PassageID != r.rows[row].passage.ID || got.Quote != "five years’ probation" || got.Body != "orphan me, edited" {
		t.Errorf("after Attach here the note is %+v", got)
	}
	if u.notes.orphan != nil || u.notes.passage == nil || u.notes.passage.ID != got.PassageID {
		t.Error("after attaching, the notes panel does not show the note's new passage")
	}
	if strings.HasPrefix(u.notes.noteWhere(got), "⚠") {
		t.Error("the attached note is still marked as having lost its place")
	}
}
