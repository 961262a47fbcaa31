package compare

import "testing"

// TestSentencesEndAsTheTimelineEndsThem: a full stop after an initial or
// an abbreviation ends no sentence (casefacts.EndsAbbreviation, the rule
// the timeline and the reader's Ctrl+Shift+→ use), so the capitalised word
// after it still counts as a name.
func TestSentencesEndAsTheTimelineEndsThem(t *testing.T) {
	toks := tokenize("Judge Danny K. Chun spoke in the U.S. Capitol on Thursday. Thompson left.")
	start := map[string]bool{}
	for _, tk := range toks {
		if !tk.punct {
			start[tk.text] = tk.sentStart
		}
	}
	for w, want := range map[string]bool{"Judge": true, "Chun": false, "Capitol": false, "Thompson": true, "left": false} {
		if start[w] != want {
			t.Errorf("%q starts a sentence: %v, want %v", w, start[w], want)
		}
	}
}
