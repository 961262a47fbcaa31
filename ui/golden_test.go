package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/casebookapp/casebook/data"
)

// TestReaderGolden compares the window, in the light theme, with highlights
// in three colours (a span, a whole passage, two overlapping), a search
// match and a note marker, against a master image.
func TestReaderGolden(t *testing.T) {
	ctx := context.Background()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefTheme, themeLight)
	lib := openSeededLibrary(t)
	arts, err := lib.Articles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := lib.Passages(ctx, arts[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var body []data.Passage
	for _, p := range ps {
		if p.Kind.Numbered() {
			body = append(body, p)
		}
	}
	mustHighlight := func(p data.Passage, s, e int, c string) {
		t.Helper()
		if _, err := lib.AddHighlight(ctx, p.ID, s, e, c); err != nil {
			t.Fatal(err)
		}
	}
	mustHighlight(body[1], 3, 40, "yellow")
	mustHighlight(body[1], 60, 120, "red")
	mustHighlight(body[2], 0, len([]rune(body[2].Text)), "green")
	mustHighlight(body[3], 10, 90, "blue")
	mustHighlight(body[3], 70, 140, "purple")
	if _, err := lib.AddNote(ctx, data.NewNote{PassageID: body[2].ID, Body: "Quote this"}); err != nil {
		t.Fatal(err)
	}
	h := newHarnessOn(t, a, lib)
	h.u.Window.Resize(fyne.NewSize(1200, 760))
	h.u.reader.setMatches(0, [][2]int{{0, 11}})
	h.pump()
	test.AssertImageMatches(t, "reader_highlights.png", h.u.Window.Canvas().Capture())
}
