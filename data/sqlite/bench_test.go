package sqlite_test

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/ingest"
	"github.com/casebookapp/casebook/data/sqlite"
	"github.com/casebookapp/casebook/internal/gencorpus"
)

// BenchmarkFirstRun measures what the first start of Casebook does: create
// the library, parse the bundled articles and load them in one transaction.
func BenchmarkFirstRun(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	for i := 0; b.Loop(); i++ {
		l, err := sqlite.Open(ctx, filepath.Join(dir, "lib"+itoa(i)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		seeds, err := ingest.Seeds()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := l.SyncArticles(ctx, seeds); err != nil {
			b.Fatal(err)
		}
		l.Close()
	}
}

// BenchmarkOpenExisting measures every later start: open the library, check
// the schema, parse the seeds and find them unchanged.
func BenchmarkOpenExisting(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "library.db")
	seeds, err := ingest.Seeds()
	if err != nil {
		b.Fatal(err)
	}
	l, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := l.SyncArticles(ctx, seeds); err != nil {
		b.Fatal(err)
	}
	l.Close()
	for b.Loop() {
		l, err := sqlite.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		seeds, err := ingest.Seeds()
		if err != nil {
			b.Fatal(err)
		}
		res, err := l.SyncArticles(ctx, seeds)
		if err != nil {
			b.Fatal(err)
		}
		if res[0].Status != data.Unchanged {
			b.Fatalf("seed reloaded: %s", res[0].Status)
		}
		l.Close()
	}
}

func itoa(i int) string {
	return strconv.Itoa(i)
}

// BenchmarkOpenLarge measures opening a library of the BBC News corpus's
// size (2,225 generated articles, about 2.2 kB each) that is up to date:
// what Open costs that grows with the articles a student keeps.
func BenchmarkOpenLarge(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "library.db")
	l, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	arts := make([]data.NewArticle, gencorpus.BBCArticles)
	for i := range arts {
		title, body, _ := strings.Cut(gencorpus.BBCArticle(i, 0), "\n")
		a := data.NewArticle{Origin: "bench:" + itoa(i), Original: title + "\n" + body, Meta: data.Meta{Title: title}}
		a.Passages = append(a.Passages, data.NewPassage{Kind: data.KindTitle, Text: title})
		for _, p := range strings.Split(strings.TrimSpace(body), "\n\n") {
			a.Passages = append(a.Passages, data.NewPassage{Kind: data.KindBody, Text: p})
		}
		arts[i] = a
	}
	if _, err := l.SyncArticles(ctx, arts); err != nil {
		b.Fatal(err)
	}
	l.Close()
	for b.Loop() {
		l, err := sqlite.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		l.Close()
	}
}
