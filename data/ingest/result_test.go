package ingest_test

import (
	"testing"

	"github.com/casebookapp/casebook/data"
	"github.com/casebookapp/casebook/data/ingest"
)

// A merge that kept a classmate's outline beside the student's one of the
// same id says so, and whose it is.
func TestMergeDetailOutlinesBeside(t *testing.T) {
	r := ingest.FileResult{Status: ingest.FileMerged, From: "alex", Merge: data.MergeReport{Outlines: 2, OutlinesBeside: 1}}
	want := "0 annotations added, 0 updated, 0 unchanged; 2 outlines added or updated (1 beside yours of the same id, yours kept, theirs marked as from alex)"
	if got := r.Detail(); got != want {
		t.Errorf("Detail() = %q, want %q", got, want)
	}
}
