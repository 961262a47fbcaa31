package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data/export"
)

func TestImportAndExport(t *testing.T) {
	h := newHarness(t)
	u := h.u
	dir := t.TempDir()

	file := filepath.Join(dir, "rally.txt")
	text := "Rally in Brooklyn\n\nHundreds marched in Brooklyn on Saturday in support of Peter Liang.\n\nOrganisers said the verdict singled him out.\n"
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	u.ImportPaths([]string{file})
	h.waitFor("the import", func() bool { return len(u.articles) == 4 })
	if got := u.Reader.Article().ID; got != u.articles[3].ID {
		t.Errorf("after the import the reader shows article %d, want the new %d", got, u.articles[3].ID)
	}

	p := u.Reader.rows[0].passage
	if _, err := h.lib.AddHighlight(context.Background(), p.ID, 0, 8, "green"); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "notes.md")
	u.ExportTo(out, export.Options{Format: export.Markdown})
	h.waitFor("the export", func() bool {
		b, err := os.ReadFile(out)
		return err == nil && strings.Contains(string(b), string(u.Reader.rows[0].text[:8]))
	})
}
