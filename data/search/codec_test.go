package search

import (
	"fmt"
	"testing"
)

// TestEncodeDF checks the df row codec on sorted changes: zero changes are
// left out, and a row with nothing left is nil (mergeDF and Put write no
// row then). Summing itself is covered by TestDocumentFrequency.
func TestEncodeDF(t *testing.T) {
	if b := encodeDF(nil); b != nil {
		t.Errorf("encodeDF(nil) = %v, want nil", b)
	}
	if b := encodeDF([]dfChange{{3, 0}, {9, 0}}); b != nil {
		t.Errorf("encodeDF(zeros) = %v, want nil", b)
	}
	in := []dfChange{{1, 5}, {2, 0}, {3, -2}, {300, 1}, {1 << 20, -70000}}
	var got []dfChange
	if err := decodeDF(encodeDF(in), func(id uint32, d int64) { got = append(got, dfChange{id, d}) }); err != nil {
		t.Fatal(err)
	}
	if want := "[{1 5} {3 -2} {300 1} {1048576 -70000}]"; fmt.Sprint(got) != want {
		t.Errorf("round trip %v, want %s", got, want)
	}
}
