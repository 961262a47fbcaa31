package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/casebookapp/casebook/data"
)

func TestDeleteArticleWithUndoAndBin(t *testing.T) {
	ctx := context.Background()
	h := newHarness(t)
	u := h.u
	res, err := h.lib.ImportArticle(ctx, data.NewArticle{
		Origin:   "/tmp/rally.txt",
		Meta:     data.Meta{Title: "Rally in Brooklyn", Source: "rally.txt"},
		Original: "Rally in Brooklyn\n\nHundreds marched in Brooklyn.",
		Passages: []data.NewPassage{{Kind: data.KindTitle, Text: "Rally in Brooklyn"}, {Kind: data.KindBody, Text: "Hundreds marched in Brooklyn."}},
	})
	if err != nil {
		t.Fatal(err)
	}
	id := res.Article.ID
	u.refreshLibrary()
	u.openArticle(id)
	u.reader.setCurrent(0)
	h.shortcut(shortcutNewNote)
	test.Type(u.notes.Cards[0].editor, "Who organised it?")
	listed := func() bool {
		_, ok := u.articleSummary(id)
		return ok
	}

	u.deleteArticle()
	h.settle()
	if listed() || u.reader.Article().ID == id {
		t.Fatal("the deleted article is still in the library or the reader")
	}
	for _, n := range u.notes.all {
		if n.ArticleID == id {
			t.Error("All notes still lists the deleted article's note")
		}
	}
	h.shortcut(shortcutUndo)
	if !listed() {
		t.Fatal("Ctrl+Z did not bring the article back")
	}
	if ns, _ := h.lib.Notes(ctx, data.NoteFilter{ArticleID: id}); len(ns) != 1 || ns[0].Body != "Who organised it?" {
		t.Errorf("the article came back with notes %+v", ns)
	}

	// Deleted again, it waits in the bin.
	u.openArticle(id)
	u.deleteArticle()
	h.settle()
	u.showTrash()
	if len(u.trash.articles) != 1 || u.trash.articles[0].Notes != 1 {
		t.Fatalf("the bin holds %+v, want the article with its note", u.trash.articles)
	}
	test.Tap(u.trash.restore[0])
	h.settle()
	if !listed() || u.reader.Article().ID != id || u.modalOpen() {
		t.Errorf("Restore: listed %v, reader on %d, dialog open %v", listed(), u.reader.Article().ID, u.modalOpen())
	}

	// The bundled articles cannot be deleted.
	u.openArticle(h.article(0).ID)
	u.deleteArticle()
	h.settle()
	if !u.modalOpen() {
		t.Error("deleting a bundled article did not say why it cannot be")
	}
}
