package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// binary is the casebook command built once for these tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "casebook-cli")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "casebook")
	build := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", binary, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic("building casebook: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
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
	cmd.Env = append(os.Environ(), "CASEBOOK_DB=")
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
			t.Errorf("%s passage %q numbered %d, want %d", p.Kind, clip(p.Text, 40), p.N, next)
		case !numbered && p.N != 0:
			t.Errorf("%s passage %q numbered %d, want 0", p.Kind, clip(p.Text, 40), p.N)
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
			t.Errorf("search %q: exit %d, stdout %.40q, stderr %q", clip(q, 20), r.code, r.stdout, r.stderr)
		}
	}

	r = casebook(t, db, "search", "--stats", "ballinger", "apology")
	if r.code != 0 || !strings.Contains(r.stderr, " ms") || !strings.Contains(r.stdout, "3:") {
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

func TestNoDisplay(t *testing.T) {
	cmd := exec.Command(binary, "--db", newDB(t))
	cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}
	out, err := cmd.CombinedOutput()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 1 {
		t.Fatalf("err = %v, want exit 1", err)
	}
	if !strings.Contains(string(out), "no graphical display") || strings.Contains(string(out), "panic") {
		t.Errorf("output = %q", out)
	}
}
