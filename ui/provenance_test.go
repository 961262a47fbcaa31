package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/webanno"
)

// TestClassmatesHighlightSaysWhoseItIs: a highlight merged from a
// classmate's file says "From Alex" in its right-click menu, as a
// classmate's note does on its card; the student's own highlight does not.
func TestClassmatesHighlightSaysWhoseItIs(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	u := h.u
	mineRow, alexRow := 1, 2
	mine := u.reader.rows[mineRow].passage
	p := u.reader.rows[alexRow].passage
	if _, err := h.lib.AddHighlight(ctx, mine.ID, 0, len([]rune(mine.Text)), "yellow"); err != nil {
		t.Fatal(err)
	}
	art, _ := h.lib.Article(ctx, p.ArticleID)
	file := filepath.Join(t.TempDir(), "alex.json")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	anns := []data.Annotation{{UID: "alex-h1", Motivation: "highlighting", Source: "urn:casebook:sha256:" + art.Hash, Hash: art.Hash,
		Para: p.N, Start: 0, End: len([]rune(p.Text)), Quote: p.Text, Colour: "green", Creator: "Alex", Modified: time.Now().Add(-time.Minute)}}
	if err := webanno.WriteBundle(f, "Alex", time.Now(), anns, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	u.importPaths([]string{file})
	h.waitFor("the merge", func() bool { return u.lastImport != nil })
	h.pump()

	menuAt := func(row int) *fyne.Menu {
		t.Helper()
		u.reader.scrollToRow(row)
		h.pump()
		v, ok := u.reader.viewOf(row)
		if !ok {
			t.Fatalf("row %d is not on screen", row)
		}
		v.TappedSecondary(&fyne.PointEvent{Position: v.positionOf(2)})
		m := u.reader.lastMenu
		closeMenus(u.Window.Canvas())
		h.pump()
		return m
	}
	from := func(m *fyne.Menu) *fyne.MenuItem {
		for _, it := range m.Items {
			if strings.HasPrefix(it.Label, "From ") {
				return it
			}
		}
		return nil
	}
	m := menuAt(alexRow)
	menuItem(t, m, "Remove highlight")
	if it := from(m); it == nil || it.Label != "From Alex" || !it.Disabled {
		t.Errorf("the classmate's highlight's menu says %+v, want a disabled “From Alex”", it)
	}
	m = menuAt(mineRow)
	menuItem(t, m, "Remove highlight")
	if it := from(m); it != nil {
		t.Errorf("the student's own highlight's menu says %q", it.Label)
	}
}
