package main

import (
	"strings"
	"testing"
)

// TestImportFailure checks the import failure message for every kind of
// count: its verbs and numbers agree.
func TestImportFailure(t *testing.T) {
	tests := []struct {
		failed, total int
		want          string
	}{
		{1, 1, "the file could not be imported (see above)"},
		{2, 2, "neither file could be imported (see above)"},
		{3, 3, "none of the 3 files could be imported (see above)"},
		{1, 2, "1 of 2 files could not be imported (see above); the other one is in your library"},
		{1, 3, "1 of 3 files could not be imported (see above); the other 2 are in your library"},
		{2, 3, "2 of 3 files could not be imported (see above); the other one is in your library"},
	}
	for _, tc := range tests {
		if got := importFailure(tc.failed, tc.total); got != tc.want {
			t.Errorf("importFailure(%d, %d) = %q, want %q", tc.failed, tc.total, got, tc.want)
		}
	}
}

// TestSearchCaption checks that a search hit in a photo caption says so
// instead of giving a paragraph number: captions are not numbered.
func TestSearchCaption(t *testing.T) {
	db := newDB(t)
	r := casebook(t, db, "search", "Altaffer")
	if r.code != 0 || !strings.Contains(r.stdout, "3:-  ") || !strings.Contains(r.stdout, ", caption\n") || strings.Contains(r.stdout, "para. 0") {
		t.Errorf("search output = %q", r.stdout)
	}
}
