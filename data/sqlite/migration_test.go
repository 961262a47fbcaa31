package sqlite_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/ingest"
	"github.com/casebookapp/casebook/data/sqlite"
)

// TestMigration0005 opens a library made before captions lost their
// numbers and articles had a source type: captions and credits are
// renumbered 0, body paragraphs 1..n, notes keep their passages (their
// numbers change, not their anchors), the seeds get their types and every
// title a sentence-case form derived from its text.
func TestMigration0005(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, exec := libraryBefore(t, path, "0005")
	exec(`INSERT INTO articles (id, origin, hash, title, outlet, original, added_at)
		VALUES (1, 'seed:002_e4365a94bf8ca061.txt', 'h', 'Ex-Cop Peter Liang Apologizes to Akai Gurley''s Domestic Partner in Meeting', 'NBC News', 'x', '2026-01-01T00:00:00Z')`)
	// Numbered the old way: the caption and the credit counted.
	for _, p := range []struct {
		id   int
		n    int
		kind string
		text string
	}{
		{10, 0, "title", "Ex-Cop Peter Liang Apologizes to Akai Gurley's Domestic Partner in Meeting"},
		{11, 1, "body", "Former Officer Peter Liang apologized to the domestic partner of Akai Gurley."},
		{12, 2, "caption", "Image: Peter Liang"},
		{13, 3, "caption", "Liang reacts as the verdict is read. Mary Altaffer / Pool via AP"},
		{14, 4, "body", "The officer said the apology was for the family of Akai Gurley, not for the cop or his partner."},
	} {
		exec(`INSERT INTO passages (id, article_id, seq, n, kind, text) VALUES (?, 1, ?, ?, ?, ?)`, p.id, p.id-10, p.n, p.kind, p.text)
	}
	exec(`INSERT INTO notes (id, uid, article_id, passage_id, start, end, quote, prefix, suffix, body, created_at, updated_at)
		VALUES (1, 'n1', 1, 14, 0, 11, 'The officer', '', ' said', 'check', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`)
	db.Close()

	l, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ps, err := l.Passages(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := []int{0, 1, 0, 0, 2}
	for i, p := range ps {
		if p.N != want[i] {
			t.Errorf("passage %d (%s) is numbered %d, want %d", i, p.Kind, p.N, want[i])
		}
	}
	n, err := l.Note(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if n.PassageID != 14 || n.Para != 2 || n.Quote != "The officer" {
		t.Errorf("note = passage %d, para %d, %q; want passage 14 (now para 2), same quote", n.PassageID, n.Para, n.Quote)
	}
	a, err := l.Article(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if a.Type != data.NewsWebsite {
		t.Errorf("type = %q, want news website", a.Type)
	}
	if want := "Ex-cop Peter Liang apologizes to Akai Gurley's domestic partner in meeting"; a.SentenceTitle != want {
		t.Errorf("sentence title = %q\nwant %q", a.SentenceTitle, want)
	}
}

// TestSeedSentenceTitles checks the sentence-case titles APA cites for the
// bundled articles, derived from each article's own text when it is stored:
// names the text capitalises mid-sentence stay capitalised (Peter Liang,
// Akai Gurley), acronyms and hashtags stay as written, and "officer", which
// the text writes in lower case more often than not, is lowercased.
func TestSeedSentenceTitles(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	seeds, err := ingest.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	res, err := l.SyncArticles(ctx, seeds)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Asian organization opposes no jail time sentence of former NYPD officer Peter Liang",
		"Liang sentencing prompts #APIs4BlackLives, #Justice4Liang responses amid accountability debate",
		"Ex-cop Peter Liang apologizes to Akai Gurley's domestic partner in meeting",
	}
	for i, r := range res {
		if r.Article.SentenceTitle != want[i] {
			t.Errorf("seed %d: sentence title %q\nwant %q", i, r.Article.SentenceTitle, want[i])
		}
	}
}

// TestUpdateMetaCitationFields checks the details citations need: the
// source type (one of the six), the APA title (derived again when the title
// changes, kept when the student corrected it) and the access date (a full
// date).
func TestUpdateMetaCitationFields(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	na := article("test:m", "title|Officer Liang Speaks", "body|Officer Liang spoke. The officer was sorry and said so to the court in Brooklyn.")
	na.Title = "Officer Liang Speaks"
	a := mustImport(t, l, na)
	if a.SentenceTitle != "Officer Liang speaks" {
		t.Errorf("derived %q", a.SentenceTitle)
	}
	m := a.Meta
	m.Type = "Blog"
	m.Accessed = "2026-05-01"
	got, err := l.UpdateMeta(ctx, a.ID, m)
	if err != nil {
		t.Fatal(err)
	}
	if got.Type != data.Blog || got.Accessed != "2026-05-01" {
		t.Errorf("type %q accessed %q", got.Type, got.Accessed)
	}
	m = got.Meta
	m.Title = "Officer Liang Speaks in Brooklyn"
	got, _ = l.UpdateMeta(ctx, a.ID, m)
	if got.SentenceTitle != "Officer Liang speaks in Brooklyn" {
		t.Errorf("after a new title the APA title is %q", got.SentenceTitle)
	}
	m = got.Meta
	m.SentenceTitle = "Officer Liang Speaks in Brooklyn (corrected)"
	m.Title = "Liang Speaks"
	got, _ = l.UpdateMeta(ctx, a.ID, m)
	if got.SentenceTitle != "Officer Liang Speaks in Brooklyn (corrected)" {
		t.Errorf("the student's APA title was replaced: %q", got.SentenceTitle)
	}
	for _, bad := range []data.Meta{{Type: "podcast"}, {Accessed: "2026-05"}, {Accessed: "May 5"}} {
		if _, err := l.UpdateMeta(ctx, a.ID, bad); data.ErrorCode(err) != data.EINVALID {
			t.Errorf("UpdateMeta(%+v) = %v, want EINVALID", bad, err)
		}
	}
	if got, _ := l.Article(ctx, a.ID); got.Type != data.Blog {
		t.Errorf("a refused update changed the article: %+v", got.Meta)
	}
}

// libraryBefore writes at path a library with the migrations before the one
// numbered before applied and recorded, as a build of that time left it. It
// returns the open database and a function that runs a statement on it or
// fails the test.
func libraryBefore(tb testing.TB, path, before string) (*sql.DB, func(q string, args ...any)) {
	tb.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		tb.Fatal(err)
	}
	exec := func(q string, args ...any) {
		tb.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			tb.Fatalf("%s: %v", q, err)
		}
	}
	exec(`PRAGMA application_id = 0x43534B42`)
	exec(`CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`)
	names, _ := filepath.Glob("migration/*.sql")
	for _, name := range names {
		if filepath.Base(name) >= before {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		exec(string(b))
		exec(`INSERT INTO migrations VALUES (?, '2026-01-01T00:00:00Z')`, filepath.ToSlash(name))
	}
	return db, exec
}

// oldLibrary writes a library as it was before migration 0005 at path:
// articles articles of passages passages each, every fifth one a caption.
func oldLibrary(tb testing.TB, path string, articles, passages int) {
	tb.Helper()
	db, exec := libraryBefore(tb, path, "0005")
	defer db.Close()
	exec(`WITH RECURSIVE a(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM a WHERE i < ?)
		INSERT INTO articles (id, origin, hash, title, original, added_at)
		SELECT i, 'test:' || i, 'h', '', 'x', '2026-01-01T00:00:00Z' FROM a`, articles)
	exec(`WITH RECURSIVE p(j) AS (SELECT 1 UNION ALL SELECT j+1 FROM p WHERE j < ?)
		INSERT INTO passages (article_id, seq, n, kind, text)
		SELECT a.id, p.j, p.j, CASE WHEN p.j % 5 = 0 THEN 'caption' ELSE 'body' END, 'Paragraph ' || p.j
		FROM articles a, p`, passages)
}

// BenchmarkMigration0005 opens a large library made before migration 0005,
// which renumbers every passage: 200 articles of 1,000 passages (a library
// of long imported reports).
func BenchmarkMigration0005(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "old.db")
		oldLibrary(b, path, 200, 1000)
		b.StartTimer()
		l, err := sqlite.Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		l.Close()
	}
}

// TestMigration0005Articles checks the renumbering across several articles:
// each article's body passages are numbered 1..n in reading order on their
// own, its captions 0.
func TestMigration0005Articles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	oldLibrary(t, path, 3, 12)
	l, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for id := int64(1); id <= 3; id++ {
		ps, err := l.Passages(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != 12 {
			t.Fatalf("article %d has %d passages, want 12", id, len(ps))
		}
		n := 0
		for _, p := range ps {
			want := 0
			if p.Kind == data.KindBody {
				n++
				want = n
			}
			if p.N != want {
				t.Errorf("article %d, %s %q is numbered %d, want %d", id, p.Kind, p.Text, p.N, want)
			}
		}
	}
}

// TestUpdateMetaClearedSentenceTitle checks that a student who empties the
// APA title in Edit details gets the derived one back at once, not an
// empty title until the library is next opened.
func TestUpdateMetaClearedSentenceTitle(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	na := article("test:c", "title|Officer Liang Speaks", "body|Officer Liang spoke. The officer was sorry and said so to the court in Brooklyn.")
	na.Title = "Officer Liang Speaks"
	a := mustImport(t, l, na)
	m := a.Meta
	m.SentenceTitle = "Officer Liang speaks (my version)"
	if _, err := l.UpdateMeta(ctx, a.ID, m); err != nil {
		t.Fatal(err)
	}
	m.SentenceTitle = ""
	got, err := l.UpdateMeta(ctx, a.ID, m)
	if err != nil {
		t.Fatal(err)
	}
	if got.SentenceTitle != "Officer Liang speaks" {
		t.Errorf("after clearing it the APA title is %q, want the derived %q", got.SentenceTitle, "Officer Liang speaks")
	}
}

// TestSentenceTitleKeepsNamesFromDetails checks that the APA title keeps
// the capitals of the names the article's own details give, its outlet
// and its authors, though its text never writes them.
func TestSentenceTitleKeepsNamesFromDetails(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	na := article("test:poll", "body|A poll of voters in the city found them split over the sentence.")
	na.Title = "NBC News Poll: Voters Split, Writes Traci Lee"
	na.Outlet = "NBC News"
	na.Author = "Traci G. Lee"
	a := mustImport(t, l, na)
	want := "NBC News poll: Voters split, writes Traci Lee"
	if a.SentenceTitle != want {
		t.Errorf("imported: %q, want %q", a.SentenceTitle, want)
	}
	m := a.Meta
	m.Title = "NBC News Poll: Voters Split"
	got, err := l.UpdateMeta(ctx, a.ID, m)
	if err != nil {
		t.Fatal(err)
	}
	if want := "NBC News poll: Voters split"; got.SentenceTitle != want {
		t.Errorf("after Edit details: %q, want %q", got.SentenceTitle, want)
	}
}

// TestUpdateMetaNewDateDropsItsNote: the note that explains an imported
// date ("the year is from the page's copyright line") is about that date;
// once the student gives another date in Edit details, which passes the old
// note back, the note goes. A note the student changes, or a date left as
// it was, keeps its note.
func TestUpdateMetaNewDateDropsItsNote(t *testing.T) {
	ctx := context.Background()
	l := openTest(t)
	na := article("test:yearless", "body|Officer Liang spoke to the court in Brooklyn.")
	na.Title, na.Date, na.DateNote = "Liang Speaks", "2016-04-19", "the year is from the page's copyright line"
	a := mustImport(t, l, na)
	if a.DateNote != na.DateNote {
		t.Fatalf("imported note = %q", a.DateNote)
	}
	m := a.Meta
	m.Title = "Liang Speaks Out"
	got, err := l.UpdateMeta(ctx, a.ID, m)
	if err != nil {
		t.Fatal(err)
	}
	if got.DateNote != na.DateNote {
		t.Errorf("same date: note = %q, want it kept", got.DateNote)
	}
	m = got.Meta
	m.Date = "2015-04-19"
	if got, err = l.UpdateMeta(ctx, a.ID, m); err != nil {
		t.Fatal(err)
	}
	if got.DateNote != "" {
		t.Errorf("new date %s: note = %q, want none", got.Date, got.DateNote)
	}
	// Read back from the file, not from what UpdateMeta returned.
	if back, err := l.Article(ctx, a.ID); err != nil || back.DateNote != "" || back.Date != "2015-04-19" {
		t.Errorf("stored: date %q note %q, err %v", back.Date, back.DateNote, err)
	}
	m = got.Meta
	m.Date, m.DateNote = "2015-04", "about a week after the verdict"
	if got, err = l.UpdateMeta(ctx, a.ID, m); err != nil {
		t.Fatal(err)
	}
	if got.DateNote != m.DateNote {
		t.Errorf("new date with the student's note: note = %q, want %q", got.DateNote, m.DateNote)
	}
}

// TestOpenDoesNoPerArticleWork: sentence-case titles are derived once, in
// migration 0005's transaction (TestMigration0005); opening a library whose
// migrations are done reads no article. An article left without one by
// hand stays so across Open, which shows Open did not look (before, every
// Open counted the articles without one, a scan of the whole table).
func TestOpenDoesNoPerArticleWork(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	l, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	na := article("test:open", "title|Officer Liang Speaks", "body|Officer Liang spoke in Brooklyn.")
	na.Title = "Officer Liang Speaks"
	a := mustImport(t, l, na)
	l.Close()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE articles SET title_sentence = '' WHERE id = ?`, a.ID); err != nil {
		t.Fatal(err)
	}
	db.Close()
	l, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	got, err := l.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.SentenceTitle != "" {
		t.Errorf("Open derived the APA title %q: it scanned the articles", got.SentenceTitle)
	}
}
