package sqlite_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/sqlite"
	"github.com/casebookapp/casebook/internal/nobody"
)

// TestKilledWhileCreating kills a process at random moments while it
// creates a new library: afterwards the library either does not exist or is
// whole, and Open always succeeds.
func TestKilledWhileCreating(t *testing.T) {
	if p := os.Getenv("CASEBOOK_CREATE"); p != "" {
		l, err := sqlite.Open(context.Background(), p)
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		l.Close()
		os.Exit(0)
	}
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(4, 4))
	trials := 40
	if testing.Short() {
		trials = 10
	}
	for i := 0; i < trials; i++ {
		path := filepath.Join(t.TempDir(), "library.db")
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWhileCreating$")
		cmd.Env = append(os.Environ(), "CASEBOOK_CREATE="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.IntN(60000)) * time.Microsecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		l, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatalf("trial %d: after a kill while creating, Open: %v", i, err)
		}
		if err := l.Check(ctx); err != nil {
			t.Errorf("trial %d: %v", i, err)
		}
		if _, err := l.Colours(ctx); err != nil {
			t.Errorf("trial %d: %v", i, err)
		}
		l.Close()
	}
}

// TestHalfMadeLibraryStartsAgain: files an older Casebook left when killed
// early on its first run (empty, or SQLite with nothing in it yet) are
// started again rather than refused.
func TestHalfMadeLibraryStartsAgain(t *testing.T) {
	ctx := context.Background()
	makers := map[string]func(path string) error{
		"Empty": func(path string) error { return os.WriteFile(path, nil, 0o600) },
		"WALHeaderOnly": func(path string) error {
			db, err := sql.Open("sqlite3", path+"?_journal_mode=WAL")
			if err != nil {
				return err
			}
			defer db.Close()
			_, err = db.Exec(`CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`)
			return err
		},
		"ShortHeader": func(path string) error { return os.WriteFile(path, []byte("SQLite for"), 0o600) },
	}
	for name, make := range makers {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "library.db")
			if err := make(path); err != nil {
				t.Fatal(err)
			}
			l, err := sqlite.Open(ctx, path)
			if err != nil {
				t.Fatalf("Open of a half-made library: %v", err)
			}
			defer l.Close()
			if _, err := l.Colours(ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestConcurrentCreators: several processes creating the same new library
// at once all open it, with no error.
func TestConcurrentCreators(t *testing.T) {
	rounds := 10
	if testing.Short() {
		rounds = 3
	}
	for r := 0; r < rounds; r++ {
		path := filepath.Join(t.TempDir(), "library.db")
		var wg sync.WaitGroup
		errs := make([]string, 3)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWhileCreating$")
				cmd.Env = append(os.Environ(), "CASEBOOK_CREATE="+path)
				if out, err := cmd.CombinedOutput(); err != nil {
					errs[i] = fmt.Sprintf("%v: %s", err, out)
				}
			}()
		}
		wg.Wait()
		for i, e := range errs {
			if e != "" {
				t.Errorf("round %d, creator %d: %s", r, i, e)
			}
		}
	}
}

// TestNewerLibraryOpensReadOnly: a library that records a migration this
// build does not know opens for reading only, says so in plain words, and
// is not changed.
func TestNewerLibraryOpensReadOnly(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	a := mustImport(t, l, sample)
	path := l.Path()
	l.Close()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO migrations (name, applied_at) VALUES ('migration/9999_future.sql', '2030-01-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := fileHash(t, path)

	l, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if why := l.ReadOnly(); !strings.Contains(why, "newer version of Casebook") {
		t.Errorf("ReadOnly() = %q, want it to say a newer Casebook made the library", why)
	}
	if as, err := l.Articles(ctx); err != nil || len(as) != 1 {
		t.Fatalf("reading: %d articles, %v", len(as), err)
	}
	p, _ := l.Passage(ctx, a.ID, 1)
	_, err = l.AddNote(ctx, data.NewNote{PassageID: p.ID, Body: "x"})
	if data.ErrorCode(err) != data.EREADONLY || !strings.Contains(data.ErrorMessage(err), "newer version") {
		t.Errorf("writing to a newer library: %v", err)
	}
	if b, err := l.BeginImport(ctx); data.ErrorCode(err) != data.EREADONLY || !strings.Contains(data.ErrorMessage(err), "newer version") {
		if b != nil {
			b.Rollback()
		}
		t.Errorf("an import batch on a newer library: %v", err)
	}
	l.Close()
	if fileHash(t, path) != before {
		t.Error("the newer library's file was changed")
	}
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// TestTruncatedLibrary: a library cut short is called damaged, not "not a
// Casebook library", and left as it is.
func TestTruncatedLibrary(t *testing.T) {
	l := openTest(t)
	mustImport(t, l, sample)
	path := l.Path()
	l.Close()
	st, _ := os.Stat(path)
	if err := os.Truncate(path, st.Size()/2); err != nil {
		t.Fatal(err)
	}
	_, err := sqlite.Open(context.Background(), path)
	msg := data.ErrorMessage(err)
	if data.ErrorCode(err) != data.EDAMAGED || !strings.Contains(msg, "damaged") || strings.Contains(msg, "not a Casebook library") {
		t.Errorf("Open of a truncated library: %q (%s)", msg, data.ErrorCode(err))
	}
}

// mountTmpfs mounts a small tmpfs on a new folder, for tests that need a
// read-only or full file system (the test runs as root, which ignores
// permission bits). It skips, loudly, where mounting is not allowed.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("SKIPPED LOUDLY: cannot mount a tmpfs to test a read-only or full disk (%v: %s)", err, bytes.TrimSpace(out))
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// TestReadOnlyPlace: a good library in a read-only place opens for reading,
// and a change is refused in plain words.
func TestReadOnlyPlace(t *testing.T) {
	ctx := context.Background()
	var dir string
	if os.Geteuid() == 0 {
		dir = t.TempDir()
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", dir).CombinedOutput(); err != nil {
			// No mounting here: root ignores permission bits, so run
			// this test again as nobody, with a read-only folder.
			t.Logf("cannot mount a tmpfs (%v: %s); running as nobody", err, bytes.TrimSpace(out))
			nobody.Run(t, "^TestReadOnlyPlace$")
			return
		}
		t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	} else {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, "library.db")
	l, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	a := mustImport(t, l, sample)
	l.Close()
	if os.Geteuid() == 0 {
		if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
			t.Skipf("SKIPPED LOUDLY: cannot remount read-only: %v %s", err, out)
		}
	} else {
		os.Chmod(path, 0o400)
		os.Chmod(dir, 0o500)
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
	}
	l, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("Open in a read-only place: %v", err)
	}
	defer l.Close()
	if l.ReadOnly() == "" {
		t.Error("ReadOnly() is empty in a read-only place")
	}
	if as, err := l.Articles(ctx); err != nil || len(as) != 1 {
		t.Fatalf("reading: %d articles, %v", len(as), err)
	}
	if res, err := l.Search(ctx, "paragraph", data.SearchOptions{}); err != nil {
		t.Errorf("search in a read-only library: %v (%d results)", err, len(res))
	}
	p, _ := l.Passage(ctx, a.ID, 1)
	_, err = l.AddNote(ctx, data.NewNote{PassageID: p.ID, Body: "x"})
	if data.ErrorCode(err) != data.EREADONLY || strings.Contains(data.ErrorMessage(err), "readonly database") {
		t.Errorf("writing in a read-only place: %q", data.ErrorMessage(err))
	}
}

// TestFullDisk: with the disk full, a library still opens, and a change
// fails with a message that says the disk is full; the library is intact.
func TestFullDisk(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("SKIPPED LOUDLY: filling a disk needs a tmpfs, which needs root")
	}
	ctx := context.Background()
	dir := mountTmpfs(t, "4m")
	path := filepath.Join(dir, "library.db")
	l, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	a := mustImport(t, l, sample)
	p, _ := l.Passage(ctx, a.ID, 1)
	if _, err := l.AddNote(ctx, data.NewNote{PassageID: p.ID, Body: "before the disk filled"}); err != nil {
		t.Fatal(err)
	}
	// Fill the disk.
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 64<<10)
	for {
		if _, err := f.Write(chunk); err != nil {
			break
		}
	}
	f.Close()
	big := strings.Repeat("A long note that needs new pages. ", 4000)
	_, err = l.AddNote(ctx, data.NewNote{PassageID: p.ID, Body: big})
	if msg := data.ErrorMessage(err); data.ErrorCode(err) != data.EFULL || !strings.Contains(msg, "disk is full") {
		t.Errorf("a note on a full disk: %q (%s)", msg, data.ErrorCode(err))
	}
	l.Close()
	l, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("Open on a full disk: %q", data.ErrorMessage(err))
	}
	defer l.Close()
	if ns, err := l.Notes(ctx, data.NoteFilter{}); err != nil || len(ns) != 1 {
		t.Errorf("after the full disk: %d notes, %v", len(ns), err)
	}
}

// TestBackupIsPrivateFromTheStart: the copy kept before an upgrade is
// readable by the student only, already while it is being written.
func TestBackupIsPrivateFromTheStart(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	ctx := context.Background()
	l := openTest(t)
	mustImport(t, l, sample)
	path := l.Path()
	l.Close()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DELETE FROM migrations WHERE name = (SELECT max(name) FROM migrations)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	var modes []os.FileMode
	sqlite.SetBackupHook(func(p string) {
		if st, err := os.Stat(p); err == nil {
			modes = append(modes, st.Mode().Perm())
		}
	})
	defer sqlite.SetBackupHook(nil)
	_, _ = sqlite.Open(ctx, path) // the migration's tables exist: it fails after the backup
	if len(modes) != 1 || modes[0] != 0o600 {
		t.Errorf("the backup being written had modes %v, want [0600]", modes)
	}
	matches, _ := filepath.Glob(path + ".before-*.bak")
	for _, m := range matches {
		if st, _ := os.Stat(m); st.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v", m, st.Mode().Perm())
		}
	}
	if len(matches) != 1 {
		t.Errorf("backups: %v", matches)
	}
}
