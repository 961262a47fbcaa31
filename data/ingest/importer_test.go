//go:build cgo

// The store (package data/sqlite) needs cgo: these tests, which run an
// export or an import against a real library, build only with it.

package ingest_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/ingest"
	"github.com/casebookapp/casebook/data/sqlite"
)

func openLib(t testing.TB) *sqlite.Library {
	t.Helper()
	l, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

func write(t testing.TB, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

const original = `Judge Sentences Former Officer

By Ana Ruiz

The former officer was sentenced on Tuesday to five years of probation.

The judge ordered 800 hours of community servise, more than the prosecutor asked.

Supporters of the Gurley family said the sentence was too lenient.

Follow The Daily Example on Facebook and Twitter.
`

// TestReimportReanchors edits an imported article the three ways a student's
// source changes, re-imports it, and checks where every annotation went.
func TestReimportReanchors(t *testing.T) {
	ctx := context.Background()
	lib := openLib(t)
	path := filepath.Join(t.TempDir(), "sentence.txt")
	write(t, path, original)
	res := ingest.ImportFiles(ctx, lib, []string{path}, nil)
	if len(res) != 1 || res[0].Status != ingest.FileAdded {
		t.Fatalf("import = %+v", res)
	}
	id := res[0].Article.ID

	para := func(n int) data.Passage {
		p, err := lib.Passage(ctx, id, n)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	span := func(p data.Passage, quote string) (int, int) {
		i := strings.Index(p.Text, quote)
		if i < 0 {
			t.Fatalf("%q not in %q", quote, p.Text)
		}
		s := len([]rune(p.Text[:i]))
		return s, s + len([]rune(quote))
	}
	p1, p2, p3 := para(1), para(2), para(3)
	s, e := span(p1, "five years of probation")
	hProb, err := lib.AddHighlight(ctx, p1.ID, s, e, "yellow")
	if err != nil {
		t.Fatal(err)
	}
	s, e = span(p2, "800 hours of community servise")
	hTypo, err := lib.AddHighlight(ctx, p2.ID, s, e, "green")
	if err != nil {
		t.Fatal(err)
	}
	nGone, err := lib.AddNote(ctx, data.NewNote{PassageID: p3.ID, Body: "Which supporters?"})
	if err != nil {
		t.Fatal(err)
	}

	// A paragraph inserted at the top, the typo fixed inside the green
	// highlight, and the third paragraph deleted.
	edited := strings.Replace(original, "The former officer", "A Brooklyn courtroom was full on Tuesday.\n\nThe former officer", 1)
	edited = strings.Replace(edited, "servise", "service", 1)
	edited = strings.Replace(edited, "Supporters of the Gurley family said the sentence was too lenient.\n\n", "", 1)
	write(t, path, edited)
	res = ingest.ImportFiles(ctx, lib, []string{path}, nil)
	if len(res) != 1 || res[0].Status != ingest.FileUpdated || res[0].Article.ID != id || res[0].Orphaned != 1 {
		t.Fatalf("re-import = %+v", res)
	}

	hs, err := lib.Highlights(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]data.Highlight{}
	for _, h := range hs {
		got[h.UID] = h
	}
	if h := got[hProb.UID]; h.PassageID != para(2).ID || h.Quote != "five years of probation" {
		t.Errorf("probation highlight at %+v, want para. 2", h.Anchor)
	}
	if h := got[hTypo.UID]; h.PassageID != para(3).ID || h.Quote != "800 hours of community service" || h.Colour != "green" {
		t.Errorf("typo highlight at %+v, want the corrected quote in para. 3", h.Anchor)
	}
	orphans, err := lib.Notes(ctx, data.NoteFilter{Orphans: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(orphans) != 1 || orphans[0].ID != nGone.ID || orphans[0].Body != "Which supporters?" {
		t.Errorf("orphans = %+v, want the note on the deleted paragraph", orphans)
	}

	// Importing the same text again is reported, not re-added.
	res = ingest.ImportFiles(ctx, lib, []string{path}, nil)
	if res[0].Status != ingest.FileDuplicate {
		t.Errorf("same file again: %+v", res[0])
	}
}

// TestImportFilesBadOnesLeaveNoTrace imports good and bad files together.
func TestImportFilesBadOnesLeaveNoTrace(t *testing.T) {
	ctx := context.Background()
	lib := openLib(t)
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), "A Title Here\n\nSome real article text about the trial.\n")
	write(t, filepath.Join(dir, "b.md"), "---\ntitle: Notes\n---\n\nA paragraph in *Markdown*.\n")
	write(t, filepath.Join(dir, "empty.txt"), "")
	write(t, filepath.Join(dir, "bin.txt"), "\x00\x01\x02binary")
	write(t, filepath.Join(dir, "only-title.txt"), "IE 11 is not supported. For an optimal experience visit our site on another browser.\n")
	write(t, filepath.Join(dir, "skip.odt"), "PK\x03\x04")

	var calls int
	res := ingest.ImportFiles(ctx, lib, []string{dir, filepath.Join(dir, "missing.txt")}, func(done, total int, r ingest.FileResult) {
		calls++
		if done != calls || total != 7 {
			t.Errorf("progress %d/%d on call %d", done, total, calls)
		}
	})
	status := map[string]ingest.FileStatus{}
	for _, r := range res {
		status[filepath.Base(r.Path)] = r.Status
		if r.Status == ingest.FileFailed && !strings.Contains(data.ErrorMessage(r.Err), filepath.Base(r.Path)) {
			t.Errorf("error %q does not name the file", r.Err)
		}
	}
	want := map[string]ingest.FileStatus{
		"a.txt": ingest.FileAdded, "b.md": ingest.FileAdded, "empty.txt": ingest.FileFailed,
		"bin.txt": ingest.FileFailed, "only-title.txt": ingest.FileFailed, "missing.txt": ingest.FileFailed,
		"skip.odt": ingest.FileSkipped, // named, so the student knows it was left out
	}
	if len(status) != len(want) {
		t.Errorf("statuses = %v, want %v", status, want)
	}
	for name, w := range want {
		if status[name] != w {
			t.Errorf("%s: %s, want %s", name, status[name], w)
		}
	}
	arts, _ := lib.Articles(ctx)
	if len(arts) != 2 {
		t.Errorf("%d articles, want the 2 good ones", len(arts))
	}
	if err := lib.Check(ctx); err != nil {
		t.Error(err)
	}
}

// genArticle writes a plausible news article of about 20 paragraphs.
func genArticle(r *rand.Rand, i int) string {
	words := strings.Fields("the officer judge jury Brooklyn stairwell verdict probation community service sentence " +
		"prosecutor district attorney rally protest housing project bullet ricochet apology family lawsuit " +
		"manslaughter misconduct trial appeal statement supporters council mayor police union accountability")
	var b strings.Builder
	fmt.Fprintf(&b, "Report Number %d on the Case\n\nBy Writer %d\n\n", i, i%97)
	for p := 0; p < 20; p++ {
		n := 25 + r.IntN(40)
		for w := 0; w < n; w++ {
			if w > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[r.IntN(len(words))])
		}
		fmt.Fprintf(&b, " %d.\n\n", i*100+p)
	}
	b.WriteString("Follow The Example Times on Facebook and Twitter.\n")
	return b.String()
}

// BenchmarkImport2000 imports 2,000 generated text articles in one batch,
// each in its own transaction, search indexing included (goal: 5 s).
func BenchmarkImport2000(b *testing.B) {
	dir := b.TempDir()
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		write(b, filepath.Join(dir, fmt.Sprintf("article-%04d.txt", i)), genArticle(r, i))
	}
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		lib := openLib(b)
		b.StartTimer()
		res := ingest.ImportFiles(ctx, lib, []string{dir}, nil)
		b.StopTimer()
		for _, x := range res {
			if x.Status != ingest.FileAdded {
				b.Fatalf("%s: %s %v", x.Path, x.Status, x.Err)
			}
		}
		lib.Close()
		b.StartTimer()
	}
	b.ReportMetric(2000, "articles/op")
}

// TestImportFilesBatchCommitFails makes the batch's commit fail: indexing
// one file's passage is refused (by a trigger), which only shows when the
// batch indexes its files at the end. Nothing of the batch may be lost:
// its files are stored again one by one, the refused one fails alone, and
// progress still reports every file once, in order.
func TestImportFilesBatchCommitFails(t *testing.T) {
	ctx := context.Background()
	lib := openLib(t)
	raw, err := sql.Open("sqlite3", "file:"+lib.Path()+"?_busy_timeout=10000")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`CREATE TRIGGER poison BEFORE INSERT ON search_docs
		WHEN (SELECT text FROM passages WHERE id = NEW.key / 2) LIKE '%poisoned%'
		BEGIN SELECT RAISE(ABORT, 'poisoned passage'); END`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	dir := t.TempDir()
	for i, text := range []string{"Walruses in the harbour.", "Quokkas on the ferry.", "A poisoned paragraph.", "Zeppelins over Brooklyn."} {
		write(t, filepath.Join(dir, fmt.Sprintf("%d.txt", i)), fmt.Sprintf("Title %d\n\n%s\n", i, text))
	}
	var order []string
	res := ingest.ImportFiles(ctx, lib, []string{dir}, func(done, total int, r ingest.FileResult) {
		order = append(order, fmt.Sprintf("%d/%d %s %s", done, total, filepath.Base(r.Path), r.Status))
	})
	want := []string{"1/4 0.txt added", "2/4 1.txt added", "3/4 2.txt failed", "4/4 3.txt added"}
	if fmt.Sprint(order) != fmt.Sprint(want) {
		t.Errorf("progress %q, want %q", order, want)
	}
	if len(res) != 4 || res[2].Err == nil {
		t.Fatalf("results %+v", res)
	}
	for _, q := range []string{"walruses", "quokkas", "zeppelins"} {
		if found, err := lib.Search(ctx, q, data.SearchOptions{}); err != nil || len(found) != 1 {
			t.Errorf("%q: %d results, %v", q, len(found), err)
		}
	}
	arts, _ := lib.Articles(ctx)
	if len(arts) != 3 {
		t.Errorf("%d articles, want 3", len(arts))
	}
	if err := lib.Check(ctx); err != nil {
		t.Error(err)
	}
}
