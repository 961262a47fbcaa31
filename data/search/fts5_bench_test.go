//go:build sqlite_fts5

package search

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkVersusFTS5 measures Casebook's index and SQLite's FTS5 side by
// side on the same generated corpus of 230,705 passages (the size of the
// BBC News corpus imported 16 times): building each (ours in transactions
// of 40,000 passages, FTS5 in one), the file size, and warm query latency
// for the query sets of BenchmarkSearch200k. FTS5 gets each query's words
// OR-ed, prefix-matched when Casebook would (the word being typed), ranked
// by bm25, benchLimit results: it forgives no typos, so its typo queries
// mostly find nothing. The package doc quotes the figures.
//
// FTS5 is not compiled into mattn/go-sqlite3 by default, hence the build
// tag; building the driver with it takes a few minutes the first time:
//
//	go test -tags sqlite_fts5 ./data/search -run XXX -bench VersusFTS5 -benchtime 10x
func BenchmarkVersusFTS5(b *testing.B) {
	ctx := context.Background()
	texts := generateCorpus(230_705).texts
	docs := corpusDocs(texts)
	dir := b.TempDir()

	ours := filepath.Join(dir, "ours.db")
	db := openDB(b, ours)
	ix, err := Open(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	oursBuild := buildLibrary(b, db, ix, docs)
	db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)

	fts := filepath.Join(dir, "fts5.db")
	fdb := openLibrary(b, fts)
	start := time.Now()
	tx, err := fdb.Begin()
	if err != nil {
		b.Fatal(err)
	}
	if _, err := tx.Exec(`CREATE VIRTUAL TABLE passages USING fts5(text)`); err != nil {
		b.Fatal(err)
	}
	ins, err := tx.Prepare(`INSERT INTO passages (rowid, text) VALUES (?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	for i, t := range texts {
		if _, err := ins.Exec(i+1, t); err != nil {
			b.Fatal(err)
		}
	}
	ins.Close()
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	ftsBuild := time.Since(start)
	fdb.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	size := func(p string) float64 {
		st, err := os.Stat(p)
		if err != nil {
			b.Fatal(err)
		}
		return float64(st.Size()) / (1 << 20)
	}
	b.Run("build", func(b *testing.B) {
		b.ReportMetric(oursBuild.Seconds(), "ours-build-s")
		b.ReportMetric(ftsBuild.Seconds(), "fts5-build-s")
		b.ReportMetric(size(ours), "ours-MB")
		b.ReportMetric(size(fts), "fts5-MB")
		b.ReportMetric(0, "ns/op")
	})

	// ftsQuery turns a query into FTS5 syntax: each word quoted, the
	// last one a prefix unless followed by a space, OR-ed.
	ftsQuery := func(q string) string {
		words := strings.Fields(q)
		for i, w := range words {
			words[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
			if i == len(words)-1 && !strings.HasSuffix(q, " ") {
				words[i] += "*"
			}
		}
		return strings.Join(words, " OR ")
	}
	stmt, err := fdb.Prepare(`SELECT rowid FROM passages WHERE passages MATCH ? ORDER BY bm25(passages) LIMIT ?`)
	if err != nil {
		b.Fatal(err)
	}
	defer stmt.Close()
	var oursAll, ftsAll []time.Duration
	for _, set := range querySets(benchVocabulary()) {
		name, queries := set[0].(string), set[1].([]string)
		b.Run(name, func(b *testing.B) {
			var o, f []time.Duration
			var oursFound, ftsFound int
			for i := 0; i < b.N; i++ {
				for _, q := range queries {
					t0 := time.Now()
					hits, err := ix.Search(ctx, q, Options{Limit: benchLimit})
					if err != nil {
						b.Fatal(err)
					}
					o = append(o, time.Since(t0))
					t0 = time.Now()
					n, err := countRows(stmt, ftsQuery(q))
					if err != nil {
						b.Fatalf("%q: %v", ftsQuery(q), err)
					}
					f = append(f, time.Since(t0))
					if i == 0 {
						oursFound += min(len(hits), 1)
						ftsFound += min(n, 1)
					}
				}
			}
			// The first round fills the caches of both: only the others
			// count as warm.
			o, f = o[len(queries):], f[len(queries):]
			oursAll, ftsAll = append(oursAll, o...), append(ftsAll, f...)
			b.ReportMetric(ms(percentile(o, 0.5)), "ours-p50-ms")
			b.ReportMetric(ms(percentile(o, 0.95)), "ours-p95-ms")
			b.ReportMetric(ms(percentile(f, 0.5)), "fts5-p50-ms")
			b.ReportMetric(ms(percentile(f, 0.95)), "fts5-p95-ms")
			b.ReportMetric(float64(oursFound), "ours-found")
			b.ReportMetric(float64(ftsFound), "fts5-found")
			b.ReportMetric(0, "ns/op")
		})
	}
	b.Run("all", func(b *testing.B) {
		b.ReportMetric(ms(percentile(oursAll, 0.5)), "ours-p50-ms")
		b.ReportMetric(ms(percentile(oursAll, 0.95)), "ours-p95-ms")
		b.ReportMetric(ms(percentile(oursAll, 1)), "ours-max-ms")
		b.ReportMetric(ms(percentile(ftsAll, 0.5)), "fts5-p50-ms")
		b.ReportMetric(ms(percentile(ftsAll, 0.95)), "fts5-p95-ms")
		b.ReportMetric(ms(percentile(ftsAll, 1)), "fts5-max-ms")
		b.ReportMetric(0, "ns/op")
	})
}
func countRows(stmt *sql.Stmt, q string) (int, error) {
	rows, err := stmt.Query(q, benchLimit)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
		n++
	}
	return n, rows.Err()
}
