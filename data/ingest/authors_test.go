package ingest

import "testing"

// TestAuthorListInverted checks a page's author tag written family name
// first with initials ("Kooman, F.", as Dublin Core's DC.Creator often
// is): one author, not two named "Kooman" and "F.", whom the citations
// then listed as "Kooman, and F.".
func TestAuthorListInverted(t *testing.T) {
	for in, want := range map[string]string{
		"Kooman, F.":            "F. Kooman",
		"Kooman, F.; Jong, M.":  "F. Kooman; M. Jong",
		"Wang, F. K.-H.":        "F. K.-H. Wang",
		"Jane Doe, John Roe":    "Jane Doe; John Roe",
		"Jane Doe and John Roe": "Jane Doe; John Roe",
		"Reuters, AP":           "Reuters; AP",
	} {
		if got := authorList(in); got != want {
			t.Errorf("authorList(%q) = %q, want %q", in, got, want)
		}
	}
}
