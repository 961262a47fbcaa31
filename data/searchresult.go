package data

// SearchOptions filters and sizes a search of the library. The zero value
// searches everything and returns up to DefaultSearchLimit results.
type SearchOptions struct {
	// Limit is the most results returned; DefaultSearchLimit when not
	// positive.
	Limit int
	// Article restricts the search to one article.
	Article int64
	// Colour keeps passages with a highlight of this colour (key or meaning).
	Colour string
	// HasNote keeps passages that have at least one note.
	HasNote bool
	// Tag keeps passages with a note carrying this tag.
	Tag string
}

// SearchResult is one passage found by a search.
type SearchResult struct {
	Article int64  `json:"article"`
	Title   string `json:"title"`
	// Passage is the paragraph number, the "para. N" of a citation.
	Passage   int     `json:"passage"`
	PassageID int64   `json:"-"`
	Text      string  `json:"text"`
	Score     float64 `json:"score"`
	// Matches are the matched words as [start, end) rune offsets into Text.
	Matches [][2]int `json:"matches"`
	// In says where the words matched: "passage", or "note" when they
	// matched one of the passage's notes. Text is then the note's text and
	// PassageText the passage's.
	In          string `json:"in"`
	Note        int64  `json:"note,omitempty"`
	PassageText string `json:"passage_text,omitempty"`
}

// DefaultSearchLimit is the one default number of search results
// everywhere: what the search bar shows, what `casebook search` prints
// unless --limit says otherwise, and what a search asking for no number
// gets. (The store caps what one search returns.)
const DefaultSearchLimit = 100
