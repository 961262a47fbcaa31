package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/casebookapp/casebook/internal/text"
)

// binary is the casebook command built once for these tests.
var binary string

// cleanup lists folders the tests and benchmarks made, removed at the end.
var cleanup []string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "casebook-cli")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "casebook")
	args := []string{"build", "-tags", "migrated_fynedo", "-o", binary}
	// CASEBOOK_COVERDIR (set by make test) records what the CLI tests cover
	// of the binary they run: it is built with -cover and every run writes
	// its counters there, through GOCOVERDIR, which the runs inherit.
	if cover := os.Getenv("CASEBOOK_COVERDIR"); cover != "" {
		if err := os.MkdirAll(cover, 0o755); err != nil {
			panic(err)
		}
		args = append(args, "-cover")
		os.Setenv("GOCOVERDIR", cover)
	}
	build := exec.Command("go", append(args, ".")...)
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic("building casebook: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	for _, d := range cleanup {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

// result is what one run of the binary did.
type result struct {
	code           int
	stdout, stderr string
}

// casebook runs the binary on the library db with args.
func casebook(t *testing.T, db string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, append([]string{"--db", db}, args...)...)
	cmd.Env = append(os.Environ(), "CASEBOOK_DB=", "CASEBOOK_LOG="+filepath.Join(filepath.Dir(binary), "casebook.log"))
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, out.String(), errb.String()}
}

func newDB(t *testing.T) string { return filepath.Join(t.TempDir(), "library.db") }

type articleJSON struct {
	ID       int64  `json:"id"`
	Title    string `json:"title"`
	Outlet   string `json:"outlet"`
	Author   string `json:"author"`
	Date     string `json:"date"`
	Source   string `json:"source"`
	Passages int    `json:"passages"`
	Notes    int    `json:"notes"`
}

func TestArticles(t *testing.T) {
	db := newDB(t)
	var first []articleJSON
	for i := 0; i < 2; i++ { // the second run must not add the seeds again
		r := casebook(t, db, "articles", "--json")
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
		}
		var arts []articleJSON
		if err := json.Unmarshal([]byte(r.stdout), &arts); err != nil {
			t.Fatal(err)
		}
		if len(arts) != 3 {
			t.Fatalf("run %d: %d articles, want 3", i, len(arts))
		}
		if i == 0 {
			first = arts
		} else if !equalJSON(first, arts) {
			t.Errorf("second run changed the list: %+v", arts)
		}
	}
	want := []struct {
		id                    int64
		titlePrefix, outlet   string
		author, date, srcPart string
	}{
		{1, "Asian Organization Opposes No Jail Time", "AFRO", "", "2016-04", "afro.com"},
		{2, "Liang Sentencing Prompts", "NBC News", "Frances Kai-Hwa Wang", "2016-04", "nbcnews.com"},
		{3, "Ex-Cop Peter Liang Apologizes to Akai Gurley's Domestic Partner in Meeting", "NBC News", "", "2016-03-24", "nbcnews.com"},
	}
	for i, w := range want {
		a := first[i]
		if a.ID != w.id || !strings.HasPrefix(a.Title, w.titlePrefix) || !strings.HasPrefix(a.Outlet, w.outlet) ||
			a.Author != w.author || a.Date != w.date || !strings.Contains(a.Source, w.srcPart) || a.Passages == 0 {
			t.Errorf("article %d = %+v", i+1, a)
		}
	}

	r := casebook(t, db, "articles")
	if r.code != 0 || !strings.Contains(r.stdout, "Ex-Cop Peter Liang") || !strings.HasPrefix(r.stdout, "ID") {
		t.Errorf("table output = %q", r.stdout)
	}
}

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

func TestShow(t *testing.T) {
	db := newDB(t)
	r := casebook(t, db, "show", "3", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got struct {
		Article  articleJSON `json:"article"`
		Passages []struct {
			N    int    `json:"n"`
			Kind string `json:"kind"`
			Text string `json:"text"`
		} `json:"passages"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if got.Article.ID != 3 || len(got.Passages) == 0 {
		t.Fatalf("show = %+v", got)
	}
	next := 1
	for _, p := range got.Passages {
		// Only body paragraphs are numbered; captions keep their place.
		numbered := p.Kind == "body"
		switch {
		case numbered && p.N != next:
			t.Errorf("%s passage %q numbered %d, want %d", p.Kind, text.Clip(p.Text, 40), p.N, next)
		case !numbered && p.N != 0:
			t.Errorf("%s passage %q numbered %d, want 0", p.Kind, text.Clip(p.Text, 40), p.N)
		}
		if numbered {
			next++
		}
		for _, bad := range []string{"IE 11 is not supported", "Get more news", "Follow NBC"} {
			if numbered && strings.Contains(p.Text, bad) {
				t.Errorf("boilerplate %q is numbered as %s", p.Text, p.Kind)
			}
		}
	}

	r = casebook(t, db, "show", "2")
	if r.code != 0 || !strings.Contains(r.stdout, "Author: Frances Kai-Hwa Wang") || !strings.Contains(r.stdout, "   1  ") ||
		!strings.Contains(r.stdout, "Type:   news website") {
		t.Errorf("text output = %q", r.stdout)
	}
	r = casebook(t, db, "show", "3")
	if !strings.Contains(r.stdout, "   -  [caption] Image: Peter Liang") {
		t.Errorf("a caption is not shown unnumbered:\n%s", r.stdout)
	}
}

func TestNotesAndHighlights(t *testing.T) {
	db := newDB(t)
	// AFRO's paragraph 4: its photo caption is not counted.
	r := casebook(t, db, "note", "add", "--tag", "sentence", "1:4", "Judge", "Chun", "imposed", "800", "hours.")
	if r.code != 0 || !strings.Contains(r.stdout, "para. 4") {
		t.Fatalf("note add: %+v", r)
	}
	r = casebook(t, db, "highlight", "1:4", "green")
	if r.code != 0 {
		t.Fatalf("highlight: %+v", r)
	}
	r = casebook(t, db, "note", "list", "--json")
	var notes []struct {
		Body    string   `json:"body"`
		Para    int      `json:"para"`
		Article int64    `json:"article"`
		Tags    []string `json:"tags"`
		Quote   string   `json:"quote"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &notes); err != nil {
		t.Fatalf("%v: %q", err, r.stdout)
	}
	if len(notes) != 1 || notes[0].Body != "Judge Chun imposed 800 hours." || notes[0].Para != 4 || notes[0].Article != 1 ||
		len(notes[0].Tags) != 1 || !strings.Contains(notes[0].Quote, "800 hours") {
		t.Errorf("notes = %+v", notes)
	}
	r = casebook(t, db, "articles", "--json")
	if !strings.Contains(r.stdout, `"notes": 1`) || !strings.Contains(r.stdout, `"highlights": 1`) {
		t.Errorf("counts not updated: %s", r.stdout)
	}
}

func TestErrors(t *testing.T) {
	db := newDB(t)
	tests := map[string]struct {
		args []string
		code int
		msg  string
	}{
		"UnknownArticle":   {[]string{"show", "99"}, 1, "no article 99"},
		"UnknownPassage":   {[]string{"note", "add", "1:999", "text"}, 1, "no paragraph 999"},
		"UnknownArticleN":  {[]string{"note", "add", "42:1", "text"}, 1, "no article 42"},
		"EmptyNote":        {[]string{"note", "add", "1:1", "  "}, 1, "empty"},
		"UnknownColour":    {[]string{"highlight", "1:1", "magenta"}, 1, "unknown colour"},
		"BadRef":           {[]string{"highlight", "one", "green"}, 2, "not a paragraph reference"},
		"UnknownCommand":   {[]string{"frobnicate"}, 2, "unknown command"},
		"MissingArgs":      {[]string{"show"}, 2, "one article id"},
		"BadFlag":          {[]string{"articles", "--nope"}, 2, "nope"},
		"NoteSubcommand":   {[]string{"note", "remove"}, 2, "unknown note subcommand"},
		"BadArticleNumber": {[]string{"show", "x"}, 2, "not an article id"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r := casebook(t, db, tc.args...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", r.code, tc.code, r.stderr)
			}
			first, _, _ := strings.Cut(r.stderr, "\n")
			if !strings.Contains(first, tc.msg) {
				t.Errorf("stderr %q does not say %q", r.stderr, tc.msg)
			}
			if tc.code == 1 && strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
				t.Errorf("a user error must be one line, got %q", r.stderr)
			}
		})
	}
}

func TestNotALibrary(t *testing.T) {
	tests := map[string][]byte{
		"Random": bytes.Repeat([]byte{0xde, 0xad, 0x00, 0xbe, 0xef}, 999),
		"Text":   []byte("my essay draft\n"),
	}
	for name, content := range tests {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "essay.db")
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
			r := casebook(t, path, "articles")
			if r.code != 1 || !strings.Contains(r.stderr, "not a Casebook library") {
				t.Errorf("got %+v", r)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, content) {
				t.Error("the file was changed")
			}
		})
	}
}

func TestEnvDB(t *testing.T) {
	db := newDB(t)
	cmd := exec.Command(binary, "articles")
	cmd.Env = append(os.Environ(), "CASEBOOK_DB="+db)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("CASEBOOK_DB was not used: %v", err)
	}
}

func TestSearch(t *testing.T) {
	db := newDB(t)
	r := casebook(t, db, "search", "--json", "--limit", "3", "probaton")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var res []struct {
		Article int64    `json:"article"`
		Title   string   `json:"title"`
		Passage int      `json:"passage"`
		Text    string   `json:"text"`
		Score   float64  `json:"score"`
		Matches [][2]int `json:"matches"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatal(err)
	}
	if len(res) == 0 || len(res) > 3 {
		t.Fatalf("%d results", len(res))
	}
	for _, x := range res {
		rs := []rune(x.Text)
		if len(x.Matches) == 0 || x.Title == "" || x.Passage < 1 {
			t.Errorf("result = %+v", x)
		}
		for _, m := range x.Matches {
			if m[0] < 0 || m[1] > len(rs) || m[0] >= m[1] {
				t.Fatalf("match %v outside %q", m, x.Text)
			}
			if got := strings.ToLower(string(rs[m[0]:m[1]])); got != "probation" {
				t.Errorf("matched %q, want probation", got)
			}
		}
	}

	// Nothing a student types is an error.
	for _, q := range []string{`"`, `*`, `AND`, `NEAR(`, `-`, `#`, `🙂`, `"no jail`, strings.Repeat("liang ", 2000)} {
		r := casebook(t, db, "search", "--json", "--", q)
		if r.code != 0 || !strings.HasPrefix(r.stdout, "[") {
			t.Errorf("search %q: exit %d, stdout %.40q, stderr %q", text.Clip(q, 20), r.code, r.stdout, r.stderr)
		}
	}

	r = casebook(t, db, "search", "--stats", "ballinger", "apology")
	if r.code != 0 || !regexp.MustCompile(`^search: load \d+ ms, query \d+\.\d ms, \d+ results\n$`).MatchString(r.stderr) || !strings.Contains(r.stdout, "3:") {
		t.Errorf("search --stats: %+v", r)
	}
	if r := casebook(t, db, "search"); r.code != 2 {
		t.Errorf("search with no query: exit %d, want 2", r.code)
	}
}

func TestImport(t *testing.T) {
	db := newDB(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "verdict.txt")
	text := "Liang Found Guilty of Manslaughter\n\nBy Jane Reporter\n\nA Brooklyn jury convicted former officer Peter Liang on Thursday.\n\nThe verdict drew protests.\n"
	if err := os.WriteFile(good, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	odt := filepath.Join(dir, "paper.odt")
	os.WriteFile(odt, []byte("PK\x03\x04"), 0o644)

	r := casebook(t, db, "import", good, empty, odt)
	if r.code != 1 {
		t.Errorf("exit %d, want 1 when a file failed", r.code)
	}
	for _, want := range []string{"added", "Liang Found Guilty of Manslaughter", "empty.txt: the file is empty", "paper.odt", "not supported", "1 added"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output does not say %q:\n%s", want, r.stdout)
		}
	}
	if first, _, _ := strings.Cut(r.stderr, "\n"); !strings.Contains(first, "2 of 3 files") {
		t.Errorf("stderr = %q", r.stderr)
	}

	// The same file again is reported, not added, and is not a failure.
	r = casebook(t, db, "import", good)
	if r.code != 0 || !strings.Contains(r.stdout, "already in the library as article 4") {
		t.Errorf("re-import: %+v", r)
	}
	r = casebook(t, db, "search", "--json", "convicted jury")
	if !strings.Contains(r.stdout, `"article": 4`) {
		t.Errorf("imported article is not searchable: %s", r.stdout)
	}
	r = casebook(t, db, "show", "4", "--json")
	if !strings.Contains(r.stdout, `"author": "Jane Reporter"`) {
		t.Errorf("byline not read: %s", r.stdout)
	}
	if r := casebook(t, db, "import"); r.code != 2 {
		t.Errorf("import with no file: exit %d, want 2", r.code)
	}
}

// TestImportFolderWithOtherFiles imports a folder holding an article, a
// file that fails and an .odt Casebook does not read: the .odt is named as
// skipped, and the closing line counts only the files Casebook tried ("1 of
// 2 ... the other one is in your library"), not the skipped one among those imported.
func TestImportFolderWithOtherFiles(t *testing.T) {
	db := newDB(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "verdict.txt"), []byte("Liang Found Guilty of Manslaughter\n\nA Brooklyn jury convicted former officer Peter Liang on Thursday.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "paper.odt"), []byte("PK\x03\x04"), 0o644)
	r := casebook(t, db, "import", dir)
	if r.code != 1 {
		t.Errorf("exit %d, want 1 when a file failed", r.code)
	}
	if !strings.Contains(r.stdout, "skipped") || !strings.Contains(r.stdout, "paper.odt") {
		t.Errorf("the .odt is not named as skipped:\n%s", r.stdout)
	}
	if first, _, _ := strings.Cut(r.stderr, "\n"); !strings.Contains(first, "1 of 2 files") || !strings.Contains(first, "the other one is in your library") {
		t.Errorf("stderr = %q, want 1 of 2 files, the other one imported", r.stderr)
	}
}

func TestNoDisplay(t *testing.T) {
	cmd := exec.Command(binary, "--db", newDB(t))
	cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
	if cover := os.Getenv("GOCOVERDIR"); cover != "" {
		cmd.Env = append(cmd.Env, "GOCOVERDIR="+cover)
	}
	out, err := cmd.CombinedOutput()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 1 {
		t.Fatalf("err = %v, want exit 1", err)
	}
	if !strings.Contains(string(out), "no graphical display") || strings.Contains(string(out), "panic") {
		t.Errorf("output = %q", out)
	}
}

// TestExportOverLibrary: `export --out` naming the library (or a link to it)
// is refused in one line with exit 1, and the library is unharmed.
func TestExportOverLibrary(t *testing.T) {
	db := newDB(t)
	if r := casebook(t, db, "note", "add", "1:2", "keep", "me"); r.code != 0 {
		t.Fatalf("note add: %+v", r)
	}
	link := filepath.Join(t.TempDir(), "quotes.md")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{db, link, db + "-wal"} {
		r := casebook(t, db, "export", "--format", "md", "--out", out)
		if r.code != 1 || !strings.Contains(r.stderr, "library") || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
			t.Errorf("export --out %s: %+v, want exit 1 and one line about the library", out, r)
		}
	}
	r := casebook(t, db, "note", "list")
	if r.code != 0 || !strings.Contains(r.stdout, "keep me") {
		t.Fatalf("after the refused exports, note list: %+v", r)
	}
}

// TestImportUndoLast merges a classmate's export, twice (the second changes
// nothing), and undoes the merge with `import --undo-last`.
func TestImportUndoLast(t *testing.T) {
	alex, mine := newDB(t), newDB(t)
	if r := casebook(t, alex, "note", "add", "1:2", "Alex's", "point"); r.code != 0 {
		t.Fatal(r)
	}
	file := filepath.Join(t.TempDir(), "alex.json")
	if r := casebook(t, alex, "export", "--format", "json", "--out", file); r.code != 0 {
		t.Fatal(r)
	}
	if r := casebook(t, mine, "note", "add", "1:2", "My", "own"); r.code != 0 {
		t.Fatal(r)
	}
	if r := casebook(t, mine, "import", file); r.code != 0 || !strings.Contains(r.stdout, "1 annotation added") {
		t.Fatalf("import: %+v", r)
	}
	if r := casebook(t, mine, "import", file); r.code != 0 || !strings.Contains(r.stdout, "0 annotations added, 0 updated, 1 unchanged") {
		t.Fatalf("second import: %+v", r)
	}
	if r := casebook(t, mine, "note", "list"); !strings.Contains(r.stdout, "Alex's point  (from alex)") {
		t.Fatalf("note list does not say whose note it is: %q", r.stdout)
	}
	r := casebook(t, mine, "import", "--undo-last")
	if r.code != 0 || !strings.Contains(r.stdout, "1 annotation removed") {
		t.Fatalf("undo: %+v", r)
	}
	if r := casebook(t, mine, "note", "list"); strings.Contains(r.stdout, "Alex") || !strings.Contains(r.stdout, "My own") {
		t.Errorf("after undo: %q", r.stdout)
	}
	if r := casebook(t, mine, "import", "--undo-last"); r.code != 1 || !strings.Contains(r.stderr, "no merged annotation file") || !strings.Contains(r.stderr, "File › Delete article") {
		t.Errorf("a second undo: %+v", r)
	}
}

// TestReadersDoNotWaitForAWriter holds the library's write lock, as another
// Casebook window saving does, and runs the commands that only read: each
// answers at once instead of failing after the busy timeout.
func TestReadersDoNotWaitForAWriter(t *testing.T) {
	db := newDB(t)
	if r := casebook(t, db, "note", "add", "1:2", "a", "note"); r.code != 0 {
		t.Fatal(r)
	}
	conn, err := sql.Open("sqlite3", "file:"+db+"?_txlock=immediate&_busy_timeout=1000")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	tx, err := conn.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`UPDATE colours SET meaning = meaning`); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "q.md")
	for _, args := range [][]string{{"articles"}, {"search", "Liang"}, {"note", "list"}, {"export", "--format", "md", "--out", out}, {"show", "1"}} {
		start := time.Now()
		r := casebook(t, db, args...)
		if r.code != 0 || time.Since(start) > 5*time.Second {
			t.Errorf("%v while another window writes: exit %d after %v: %s", args, r.code, time.Since(start).Round(time.Millisecond), r.stderr)
		}
	}
}

// TestNewerLibrary: a library a newer Casebook upgraded is read, and a
// change is refused in plain words, naming the reason.
func TestNewerLibrary(t *testing.T) {
	db := newDB(t)
	if r := casebook(t, db, "note", "add", "1:2", "mine"); r.code != 0 {
		t.Fatal(r)
	}
	conn, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(`INSERT INTO migrations (name, applied_at) VALUES ('migration/9999_future.sql', '2030-01-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	if r := casebook(t, db, "note", "list"); r.code != 0 || !strings.Contains(r.stdout, "mine") || !strings.Contains(r.stderr, "newer version") {
		t.Errorf("note list on a newer library: %+v", r)
	}
	r := casebook(t, db, "note", "add", "1:2", "more")
	if r.code != 1 || !strings.Contains(r.stderr, "newer version") || strings.Contains(r.stderr, "readonly database") {
		t.Errorf("note add on a newer library: %+v", r)
	}
}

// TestConcurrentFirstRuns: three commands started at once on a library that
// does not exist yet all succeed, and the library has the bundled articles
// once.
func TestConcurrentFirstRuns(t *testing.T) {
	for round := 0; round < 5; round++ {
		db := newDB(t)
		results := make(chan result, 3)
		for i := 0; i < 3; i++ {
			go func() { results <- casebook(t, db, "articles", "--json") }()
		}
		for i := 0; i < 3; i++ {
			if r := <-results; r.code != 0 {
				t.Errorf("round %d: a first run failed: %+v", round, r)
			}
		}
		var arts []articleJSON
		if err := json.Unmarshal([]byte(casebook(t, db, "articles", "--json").stdout), &arts); err != nil || len(arts) != 3 {
			t.Errorf("round %d: %d articles (%v), want the 3 bundled ones", round, len(arts), err)
		}
	}
}

// TestImportSameArticleTwoFormats imports an article as text, then the
// same article saved as a web page: the second is skipped, and the report
// names the article the library has.
func TestImportSameArticleTwoFormats(t *testing.T) {
	db := newDB(t)
	dir := t.TempDir()
	paras := []string{
		"A Brooklyn jury convicted former police officer Peter Liang of manslaughter on Thursday in the shooting death of Akai Gurley.",
		"Liang had fired his gun in a darkened stairwell of a public housing project, and the bullet ricocheted and struck Gurley.",
		"The verdict drew protests from supporters of the officer, who said he had been made a scapegoat.",
	}
	txt := filepath.Join(dir, "verdict.txt")
	if err := os.WriteFile(txt, []byte("Liang Found Guilty of Manslaughter\n\nBy Jane Reporter\n\n"+strings.Join(paras, "\n\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	html := filepath.Join(dir, "Liang verdict - saved page.html")
	page := "<!doctype html><html><head><title>Liang Found Guilty of Manslaughter</title></head><body><article><h1>Liang Found Guilty of Manslaughter</h1>" +
		"<p class=byline>By Jane Reporter</p><p>" + strings.Join(paras, "</p><p>") + "</p></article></body></html>"
	if err := os.WriteFile(html, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := casebook(t, db, "import", txt); r.code != 0 || !strings.Contains(r.stdout, "added") {
		t.Fatalf("first import: %+v", r)
	}
	r := casebook(t, db, "import", html)
	if r.code != 0 || !strings.Contains(r.stdout, "skipped") || !strings.Contains(r.stdout, "already in the library as article 4") ||
		!strings.Contains(r.stdout, "Liang Found Guilty of Manslaughter") {
		t.Errorf("the same article as a web page is not reported as already there: %+v", r)
	}
	r = casebook(t, db, "articles", "--json")
	if n := strings.Count(r.stdout, "Liang Found Guilty"); n != 1 {
		t.Errorf("the library lists the article %d times, want once:\n%s", n, r.stdout)
	}
}
