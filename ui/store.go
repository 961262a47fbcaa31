package ui

import (
	"context"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/export"
	"github.com/casebookapp/casebook/data/glance"
	"github.com/casebookapp/casebook/data/ingest"
)

// Store is the library the window works on: the small stores of its
// components (wiring.go and beside each component), what imports, exports
// and the study aids read and write through (ingest.Importer,
// export.Library, glance.Library), and what the controller itself asks.
// The store, *sqlite.Library (data/sqlite), is one; cmd/casebook passes it
// to New. Package ui names no store, so it has no SQL and links no SQLite.
type Store interface {
	readerStore
	noteStore
	highlightStore
	outlineStore
	searcher
	completer
	tagLister
	compareStore
	metaStore
	trashStore

	ingest.Importer
	export.Library
	glance.Library

	// Path is the library file's path; ReadOnly says why the library is
	// open for reading only ("" when it is writable).
	Path() string
	ReadOnly() string
	// PrepareSearch loads the search index into memory, at start-up.
	PrepareSearch(ctx context.Context) error

	// The colour legend, and the library's articles.
	Colours(ctx context.Context) ([]data.Colour, error)
	RenameColour(ctx context.Context, key, meaning string) error
	DeleteArticle(ctx context.Context, id int64) error
	UndoImport(ctx context.Context, id int64) (data.UndoReport, error)

	// Highlights made, recoloured, removed and put back from the window.
	AddHighlight(ctx context.Context, passageID int64, start, end int, colour string) (data.Highlight, error)
	RecolourHighlight(ctx context.Context, id int64, colour string) (data.Highlight, error)
	DeleteHighlight(ctx context.Context, ids ...int64) error
	RestoreHighlight(ctx context.Context, ids ...int64) error
}
