package search

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"strings"
)

// The index's tables are this package's own. It embeds their schema as
// numbered SQL files (schema/NNNN_name.sql), applied in order by Migrate
// inside a write transaction the store opens for it when it opens the
// library, after its own migrations, and records how many it has applied
// in search_meta (key 'schema'). The store's own migrations know nothing
// of these tables.
//
// Libraries made before this package owned its schema got the same tables
// from the store's migrations 0002_search.sql, 0003_search_terms_index.sql
// and 0008_search_snapshot.sql: the first three schema files hold those
// migrations' statements unchanged, so the tables are the same. Such a
// library has no 'schema' row; its version is read from the tables those
// three made (see Version), so it opens as it is, with its index and
// snapshot, and nothing is written to it. The store's three migrations stay
// in its list, emptied, so that old and new libraries record the same
// history. A change to the search tables is a new schema file here, never
// a store migration; from the fourth on, every library records its version.

//go:embed schema/*.sql
var schemaFS embed.FS

// schemaSteps are the schema files in order. made names what each of the
// first three creates, by which Version recognises the steps an older
// Casebook ran as store migrations; later steps leave it empty.
var schemaSteps = [...]struct{ file, made string }{
	{"schema/0001_tables.sql", "search_meta"},
	{"schema/0002_terms_index.sql", "search_terms_term"},
	{"schema/0003_snapshot.sql", "search_snapshot"},
}

// SchemaVersion is the version of the search tables this build reads and
// writes: the number of its schema files.
const SchemaVersion = len(schemaSteps)

// Version returns the version of the search tables in db: 0 when it has
// none, more than SchemaVersion when a newer Casebook changed them.
func Version(ctx context.Context, db *sql.DB) (int, error) {
	return version(ctx, db)
}

func version(ctx context.Context, q querier) (int, error) {
	rows, err := q.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE name LIKE 'search%'`)
	if err != nil {
		return 0, fmt.Errorf("search: schema version: %w", err)
	}
	have := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return 0, fmt.Errorf("search: schema version: %w", err)
		}
		have[name] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("search: schema version: %w", err)
	}
	if !have["search_meta"] {
		return 0, nil
	}
	var v int
	err = q.QueryRowContext(ctx, `SELECT value FROM search_meta WHERE key = 'schema'`).Scan(&v)
	if err == nil {
		return v, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("search: schema version: %w", err)
	}
	// Made by the store's migrations of an older Casebook: as many steps
	// as left their table or index.
	v = 0
	for _, s := range schemaSteps {
		if s.made == "" || !have[s.made] {
			break
		}
		v++
	}
	return v, nil
}

// Migrate brings the search tables of tx's library up to SchemaVersion:
// it creates them in a new library and applies the schema files an
// existing one has not had. It writes nothing to a library already up to
// date, and refuses one a newer Casebook changed. tx must hold the write
// lock (the store's transactions take it at BEGIN), so that two processes
// opening one library never both apply a step.
func Migrate(ctx context.Context, tx *sql.Tx) error {
	v, err := version(ctx, tx)
	if err != nil {
		return err
	}
	if v > SchemaVersion {
		return fmt.Errorf("search: the index's tables are of version %d, newer than this build's %d", v, SchemaVersion)
	}
	if v == SchemaVersion {
		return nil
	}
	for _, s := range schemaSteps[v:] {
		body, err := schemaFS.ReadFile(s.file)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			return fmt.Errorf("search: schema %s: %w", strings.TrimPrefix(s.file, "schema/"), err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_meta (key, value) VALUES ('schema', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, SchemaVersion); err != nil {
		return fmt.Errorf("search: schema version: %w", err)
	}
	return nil
}
