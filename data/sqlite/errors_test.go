package sqlite_test

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data"
)

// TestMessagesArePlain provokes SQLite's own errors on a real library file
// and checks that what the student is shown has none of SQLite's words,
// while the log file in the configuration folder has them.
func TestMessagesArePlain(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "casebook", "casebook.log")
	if err := data.StartLog(logFile); err != nil {
		t.Fatal(err)
	}
	l := openTest(t)
	path := l.Path()
	l.Close()
	rw, err := sql.Open("sqlite3", path+"?_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	ro, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	provoke := map[string]func() error{
		"attempt to write a readonly database": func() error { _, err := ro.Exec(`UPDATE colours SET meaning = 'x'`); return err },
		"table articles already exists":        func() error { _, err := rw.Exec(`CREATE TABLE articles (x)`); return err },
		"FOREIGN KEY constraint failed": func() error {
			_, err := rw.Exec(`INSERT INTO notes (uid, article_id, start, end, quote, prefix, suffix, body, created_at, updated_at) VALUES ('u', 999, 0, 0, '', '', '', 'b', '', '')`)
			return err
		},
	}
	for raw, f := range provoke {
		err := f()
		if err == nil || !strings.Contains(err.Error(), raw) {
			t.Fatalf("provoking %q gave %v", raw, err)
		}
		msg := data.ErrorMessage(fmt.Errorf("saving: %w", err))
		lower := strings.ToLower(msg)
		for _, word := range []string{"sqlite", "readonly database", "constraint", "already exists", "table"} {
			if strings.Contains(lower, word) {
				t.Errorf("the student sees %q for %q", msg, raw)
			}
		}
		if msg == "" {
			t.Errorf("no message for %q", raw)
		}
		logged, _ := os.ReadFile(logFile)
		if !strings.Contains(string(logged), raw) {
			t.Errorf("the log does not have the detail %q", raw)
		}
	}
}

// TestLogRotates writes more than the log's limit: the file is rotated and
// the log's files stay within a few MB.
func TestLogRotates(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "casebook.log")
	if err := data.StartLog(logFile); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 40000; i++ {
		data.Explain(fmt.Errorf("error number %d with a long enough detail to fill the log quickly, %s", i, strings.Repeat("x", 60)))
	}
	files, _ := filepath.Glob(logFile + "*")
	var total int64
	for _, f := range files {
		st, _ := os.Stat(f)
		total += st.Size()
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", f, st.Mode().Perm())
		}
	}
	if len(files) < 2 || total > 4<<20 {
		t.Errorf("log files %v, %d bytes in all", files, total)
	}
	if data.LogPath() != logFile {
		t.Errorf("LogPath() = %q", data.LogPath())
	}
}
