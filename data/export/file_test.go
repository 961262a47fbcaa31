//go:build cgo

// The store (package data/sqlite) needs cgo: these tests, which run an
// export or an import against a real library, build only with it.

package export_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export"
)

// TestWriteFileNeverWritesTheLibrary exports over the library, through a
// link to it and over its -wal file: each is refused and the library keeps
// its notes.
func TestWriteFileNeverWritesTheLibrary(t *testing.T) {
	ctx := context.Background()
	lib := seeded(t)
	p, _ := lib.Passage(ctx, 1, 2)
	if _, err := lib.AddNote(ctx, data.NewNote{PassageID: p.ID, Body: "keep me"}); err != nil {
		t.Fatal(err)
	}
	doc, err := export.Load(ctx, lib)
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "out.md")
	if err := os.Symlink(lib.Path(), link); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{lib.Path(), link, lib.Path() + "-wal"} {
		if _, err := export.WriteFile(out, doc, export.Options{Format: export.Markdown}); data.ErrorCode(err) != data.EINVALID || !strings.Contains(err.Error(), "library") {
			t.Errorf("export to %s: err = %v, want a refusal naming the library", out, err)
		}
	}
	if err := lib.Check(ctx); err != nil {
		t.Fatal(err)
	}
	if ns, err := lib.Notes(ctx, data.NoteFilter{}); err != nil || len(ns) != 1 {
		t.Fatalf("after the refused exports: %d notes, %v", len(ns), err)
	}
}

// TestWriteFileKeepsModeAndLink: an export over an existing file keeps the
// file's permissions, and one through a symbolic link writes the file it
// leads to and leaves the link a link.
func TestWriteFileKeepsModeAndLink(t *testing.T) {
	lib := seeded(t)
	doc, err := export.Load(context.Background(), lib)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	private := filepath.Join(dir, "private.md")
	if err := os.WriteFile(private, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := export.WriteFile(private, doc, export.Options{Format: export.Markdown}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(private); st.Mode().Perm() != 0o600 {
		t.Errorf("the export changed the file's mode to %v, want 0600", st.Mode().Perm())
	}

	target := filepath.Join(t.TempDir(), "essay-quotes.md")
	if err := os.WriteFile(target, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "quotes.md")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if _, err := export.WriteFile(link, doc, export.Options{Format: export.Markdown}); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file (%v)", err)
	}
	b, _ := os.ReadFile(target)
	if string(b) == "old" {
		t.Error("the link's target was not written")
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o640 {
		t.Errorf("the target's mode is %v, want 0640", st.Mode().Perm())
	}
}

// TestWriteFileOnAFullDisk: an export to a full disk says so in plain words
// and leaves nothing behind.
func TestWriteFileOnAFullDisk(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("SKIPPED LOUDLY: filling a disk needs a tmpfs, which needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("SKIPPED LOUDLY: cannot mount a tmpfs (%v: %s)", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	f, _ := os.Create(filepath.Join(dir, "filler"))
	for {
		if _, err := f.Write(make([]byte, 16<<10)); err != nil {
			break
		}
	}
	f.Close()
	doc, err := export.Load(context.Background(), seeded(t))
	if err != nil {
		t.Fatal(err)
	}
	doc.Entries = nil
	_, err = export.WriteFile(filepath.Join(dir, "quotes.docx"), doc, export.Options{Format: export.DOCX})
	if msg := data.ErrorMessage(err); !strings.Contains(msg, "disk is full") || strings.Contains(msg, ".casebook-export") {
		t.Errorf("export to a full disk: %q", msg)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}
