package sqlite_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/sqlite"
)

// TestKilledWriter kills a process that is saving notes as fast as it can,
// several times, and checks that every note whose save had returned is still
// there and that the file passes SQLite's integrity check.
func TestKilledWriter(t *testing.T) {
	if os.Getenv("CASEBOOK_CRASH_WRITER") != "" {
		crashWriter()
		return
	}
	ctx := context.Background()
	lib := openTest(t)
	a := mustImport(t, lib, sample)
	p, err := lib.Passage(ctx, a.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	path := lib.Path()
	lib.Close()

	acked := map[string]bool{}
	for round := 0; round < 5; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWriter$")
		cmd.Env = append(os.Environ(), "CASEBOOK_CRASH_WRITER="+path, fmt.Sprintf("CASEBOOK_CRASH_PASSAGE=%d", p.ID), fmt.Sprintf("CASEBOOK_CRASH_ROUND=%d", round))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		n := 0
		// Kill after a varying number of acknowledged saves, so the kill lands
		// at different points of a write.
		limit := 20 + round*37
		for sc.Scan() {
			line := sc.Text()
			if body, ok := strings.CutPrefix(line, "saved "); ok {
				acked[body] = true
				if n++; n == limit {
					_ = cmd.Process.Signal(syscall.SIGKILL)
					break
				}
			}
		}
		_ = cmd.Wait()
		if n < limit {
			t.Fatalf("round %d: the writer stopped after %d saves", round, n)
		}
	}

	lib, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	if err := lib.Check(ctx); err != nil {
		t.Fatal(err)
	}
	notes, err := lib.Notes(ctx, data.NoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, n := range notes {
		have[n.Body] = true
	}
	for body := range acked {
		if !have[body] {
			t.Errorf("acknowledged note %q was lost", body)
		}
	}
	t.Logf("%d acknowledged notes, %d in the library", len(acked), len(notes))
}

// crashWriter runs in the child process: it saves notes until it is killed,
// printing each one after its save returned.
func crashWriter() {
	ctx := context.Background()
	lib, err := sqlite.Open(ctx, os.Getenv("CASEBOOK_CRASH_WRITER"))
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	pid, _ := strconv.ParseInt(os.Getenv("CASEBOOK_CRASH_PASSAGE"), 10, 64)
	round := os.Getenv("CASEBOOK_CRASH_ROUND")
	for i := 0; ; i++ {
		body := fmt.Sprintf("round %s note %d %s", round, i, strings.Repeat("text ", i%50))
		if _, err := lib.AddNote(ctx, data.NewNote{PassageID: pid, Body: body, Tags: []string{"t" + strconv.Itoa(i%7)}}); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("saved " + body)
		if i > 100000 {
			time.Sleep(time.Millisecond)
		}
	}
}
