package export

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data"
)

// TestEntriesPassageGone reads entries while an import has replaced some
// passages: annotations on a passage that is gone, or on an article that is
// gone, become orphans instead of failing the export, and each article's
// passages are read once.
func TestEntriesPassageGone(t *testing.T) {
	ctx := context.Background()
	byID := map[int64]data.Article{afro.ID: afro, nbcWang.ID: nbcWang, nbcApology.ID: nbcApology}
	hKept := span("h-kept", nbcWang, pWang2, "yellow", "we send our condolences")
	hGone := span("h-gone", nbcWang, pWang3, "blue", "released a video")
	hGone.ID = 7
	onGone := note("n-on-gone", nbcWang, "On a highlight whose passage went.")
	onGone.HighlightID, onGone.Anchor = hGone.ID, hGone.Anchor
	nGone := note("n-gone", nbcWang, "On a passage that went.")
	nGone.Anchor = data.Anchor{PassageID: pWang3.ID, End: len([]rune(pWang3.Text)), Quote: pWang3.Text}
	nDeleted := note("n-deleted", nbcApology, "On an article deleted meanwhile.")
	nDeleted.Anchor = data.Anchor{PassageID: pApology1.ID, End: len([]rune(pApology1.Text)), Quote: pApology1.Text}
	nAfro := note("n-afro", afro, "Still there.")
	nAfro.Anchor = data.Anchor{PassageID: pAfro1.ID, End: len([]rune(pAfro1.Text)), Quote: pAfro1.Text}

	calls := map[int64]int{}
	passages := func(_ context.Context, id int64) ([]data.Passage, error) {
		calls[id]++
		switch id {
		case afro.ID:
			return []data.Passage{pAfro1, pAfro6}, nil
		case nbcWang.ID:
			return []data.Passage{pWang2}, nil // pWang3 was replaced
		}
		return nil, data.Errorf(data.ENOTFOUND, "article %d not found", id)
	}
	hs := []data.Highlight{*hKept, *hGone}
	got, err := entries(ctx, byID, hs, []data.Note{onGone, nGone, nDeleted, nAfro}, passages)
	if err != nil {
		t.Fatalf("entries: %v", err)
	}
	want := map[string]string{ // UID → verify's first word, or "" for a pass
		"h-kept": "", "h-gone": "orphaned:", "n-gone": "orphaned:", "n-deleted": "orphaned:", "n-afro": "",
	}
	if len(got) != len(want) {
		t.Fatalf("entries = %d, want %d", len(got), len(want))
	}
	for _, e := range got {
		reason := verify(e)
		if w, ok := want[e.uid()]; !ok || (reason == "") != (w == "") || !strings.HasPrefix(reason, w) {
			t.Errorf("%s: verify = %q, want %q", e.uid(), reason, w)
		}
		if e.uid() == "h-gone" && (len(e.Notes) != 1 || !e.Notes[0].Orphan()) {
			t.Errorf("the note on the orphaned highlight = %+v, want one orphan", e.Notes)
		}
	}
	for id, n := range calls {
		if n != 1 {
			t.Errorf("passages of article %d read %d times, want once", id, n)
		}
	}
	if ids := slices.Sorted(maps.Keys(calls)); !slices.Equal(ids, []int64{1, 2, 3}) {
		t.Errorf("passages read for articles %v, want 1, 2, 3", ids)
	}

	t.Run("ErrOther", func(t *testing.T) {
		boom := errors.New("disk I/O error")
		_, err := entries(ctx, byID, []data.Highlight{*hKept}, nil, func(context.Context, int64) ([]data.Passage, error) { return nil, boom })
		if !errors.Is(err, boom) {
			t.Errorf("err = %v, want %v", err, boom)
		}
	})
}
