package sqlite_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/casebookapp/casebook/data"
)

// TestCheckOutsideLibrary: an export may not be written to the library, its -wal
// and -shm files or its backups, whichever path or link leads there; any
// other file is allowed.
func TestCheckOutsideLibrary(t *testing.T) {
	l := openTest(t)
	dir := filepath.Dir(l.Path())
	other := t.TempDir()
	link := filepath.Join(other, "link.db")
	if err := os.Symlink(l.Path(), link); err != nil {
		t.Fatal(err)
	}
	dirLink := filepath.Join(other, "dirlink")
	if err := os.Symlink(dir, dirLink); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.md")
	if err := os.Link(l.Path(), hard); err != nil {
		t.Fatal(err)
	}
	refused := []string{
		l.Path(),
		l.Path() + "-wal",
		l.Path() + "-shm",
		l.Path() + ".before-0004_provenance.bak",
		filepath.Join(dir, ".", "..", filepath.Base(dir), "library.db"),
		link,
		filepath.Join(dirLink, "library.db"),
		filepath.Join(dirLink, "library.db-wal"),
		hard,
	}
	for _, p := range refused {
		if err := data.CheckOutsideLibrary(l.Path(), p); data.ErrorCode(err) != data.EINVALID {
			t.Errorf("CheckOutsideLibrary(%s) = %v, want a refusal", p, err)
		}
	}
	allowed := []string{filepath.Join(dir, "notes.md"), filepath.Join(other, "library.db"), filepath.Join(dir, "library.db.md")}
	for _, p := range allowed {
		if err := data.CheckOutsideLibrary(l.Path(), p); err != nil {
			t.Errorf("CheckOutsideLibrary(%s) = %v, want nil", p, err)
		}
	}
}
