package sqlite_test

import (
	"context"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data"
)

// TestImportSameArticleOtherFormat checks that the same article read from
// another file — a PDF of the page imported as text, with the PDF's line
// breaks, a hyphenation left and a running footer — is not added a second
// time: the import is refused as a duplicate naming the article already
// there, as an exact copy is, and the library keeps one article.
func TestImportSameArticleOtherFormat(t *testing.T) {
	ctx := context.Background()
	body := []string{
		"body|A former police officer convicted in the shooting of an unarmed man in a dark public housing stairwell was spared prison time on Tuesday.",
		"body|The judge reduced the conviction to criminally negligent homicide and sentenced him to five years of probation and 800 hours of community service.",
		"body|Prosecutors had not asked for prison time, saying the shooting was not intentional, a position that angered the family of the man who was killed.",
		"body|Supporters of the officer rallied outside the courthouse, while the dead man's relatives said the sentence sent the wrong message.",
	}
	txt := article("file:/home/s/liang.txt", append([]string{"title|Ex-officer spared prison in stairwell shooting", "byline|By Jane Doe"}, body...)...)
	txt.Title, txt.Outlet = "Ex-officer spared prison in stairwell shooting", "Associated Press"

	pdfBody := append([]string(nil), body...)
	pdfBody[1] = strings.Replace(pdfBody[1], "community service", "commu-nity service", 1)
	pdf := article("file:/home/s/liang.pdf", append(append([]string{"title|Ex-Officer Spared Prison in Stairwell Shooting"}, pdfBody...), "boilerplate|Page 1 of 2")...)
	pdf.Title = "Ex-Officer Spared Prison in Stairwell Shooting"

	t.Run("same article from a PDF", func(t *testing.T) {
		l := openTest(t)
		first := mustImport(t, l, txt)
		_, err := l.ImportArticle(ctx, pdf)
		if got, want := data.ErrorCode(err), data.EDUPLICATE; got != want {
			t.Fatalf("code = %q (%v), want %q", got, err, want)
		}
		if msg := data.ErrorMessage(err); !strings.Contains(msg, "article 1") || !strings.Contains(msg, first.Title) {
			t.Errorf("message %q does not name article %d %q", msg, first.ID, first.Title)
		}
		if as, _ := l.Articles(ctx); len(as) != 1 {
			t.Errorf("%d articles, want 1", len(as))
		}
	})

	t.Run("same article in a batch", func(t *testing.T) {
		l := openTest(t)
		b, err := l.BeginImport(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := b.Article(txt); err != nil {
			t.Fatal(err)
		}
		if _, err := b.Article(pdf); data.ErrorCode(err) != data.EDUPLICATE {
			t.Fatalf("second format in the batch: %v, want a duplicate", err)
		}
		if err := b.Commit(); err != nil {
			t.Fatal(err)
		}
		if as, _ := l.Articles(ctx); len(as) != 1 {
			t.Errorf("%d articles, want 1", len(as))
		}
	})

	t.Run("same title, another story", func(t *testing.T) {
		l := openTest(t)
		mustImport(t, l, txt)
		other := article("file:/home/s/other.txt", "title|Ex-officer spared prison in stairwell shooting",
			"body|Asian American groups marched in Brooklyn on Saturday, saying the officer had been made a scapegoat.",
			"body|Organisers said thousands joined the rally, which ended peacefully near the courthouse.")
		other.Title = txt.Title
		if _, err := l.ImportArticle(ctx, other); err != nil {
			t.Fatalf("another story under the same headline: %v", err)
		}
	})

	t.Run("the wire story in two papers", func(t *testing.T) {
		// Two outlets printing one agency's story are two articles to
		// compare, not a duplicate.
		l := openTest(t)
		mustImport(t, l, txt)
		paper := pdf
		paper.Outlet = "The Brooklyn Eagle"
		if _, err := l.ImportArticle(ctx, paper); err != nil {
			t.Fatalf("the story in another paper: %v", err)
		}
	})
}
