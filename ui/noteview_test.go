package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestNoteEditorGrowsRendersAndCompletesTags(t *testing.T) {
	h := newHarness(t)
	u := h.u
	c := u.Window.Canvas()
	u.reader.setCurrent(1)
	h.shortcut(shortcutNewNote)
	card := u.notes.Cards[0]
	if card.rows != editorMinRows {
		t.Errorf("a new note's editor has %d rows, want %d", card.rows, editorMinRows)
	}
	test.Type(card.editor, "**Judge** Chun:\n- probation\n- 800 hours\n- no jail\n- apology\n- appeal")
	if card.rows <= editorMinRows {
		t.Errorf("with 6 lines the editor has %d rows; it must grow", card.rows)
	}
	test.Tap(card.grow)
	if card.rows != editorLargeRows {
		t.Errorf("made large, the editor has %d rows, want %d", card.rows, editorLargeRows)
	}
	test.Tap(card.grow)

	// Leaving the note shows it rendered; a click edits it again.
	test.Type(card.tags, "ju")
	c.Unfocus()
	h.settle()
	if card.editor.Visible() || !card.Preview.Visible() {
		t.Fatal("the note is not shown rendered once left")
	}
	segs := card.Preview.text.Segments
	if len(segs) == 0 {
		t.Fatal("the rendered note is empty")
	}
	if ts, ok := segs[0].(*widget.TextSegment); !ok || ts.Text != "Judge" || !ts.Style.TextStyle.Bold {
		t.Errorf("**Judge** is not rendered bold: %#v", segs[0])
	}
	hasList := false
	for _, s := range segs {
		if _, ok := s.(*widget.ListSegment); ok {
			hasList = true
		}
	}
	if !hasList {
		t.Error("the Markdown list is not rendered as a list")
	}
	test.Tap(card.Preview)
	if !card.editor.Visible() || c.Focused() != card.editor {
		t.Error("clicking the rendered note does not open it for editing")
	}

	// Tag completion from the library's tags.
	u.reader.setCurrent(3)
	h.shortcut(shortcutNewNote)
	other := u.notes.Cards[0]
	test.Type(other.editor, "Another")
	test.Type(other.tags, "sen")
	if other.tagHints.Visible() {
		t.Error("tags are offered that no note has")
	}
	card2 := other
	card2.tags.SetText("")
	u.search.filtersChanged() // the library's tags, after the first note
	test.Type(card2.tags, "#J")
	var offered []string
	for _, o := range card2.tagHints.Objects {
		offered = append(offered, o.(*widget.Button).Text)
	}
	if strings.Join(offered, ",") != "#ju" {
		t.Fatalf("completions for #J = %v, want #ju", offered)
	}
	test.Tap(card2.tagHints.Objects[0].(*widget.Button))
	if got := card2.tags.Text; got != "ju, " {
		t.Errorf("after completing, the tags field holds %q, want “ju, ”", got)
	}
}
