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

// TestCodecTruncated checks that every decoder reports a blob cut short,
// or ending in an unfinished uvarint, as corrupt rather than misreading it.
func TestCodecTruncated(t *testing.T) {
	toks := appendToken(appendToken(nil, 300, false, 0, 0, 5), 7, true, 6, 0, 20)
	seg := encodeMerged([]posting{{key: 3, gen: 200, tf: 2}, {key: 900, gen: 1, tf: 300}})
	df := encodeDF([]dfChange{{1, 5}, {300, -200}})
	if got, err := decodeTokens(nil, toks); err != nil || fmt.Sprint(got) != "[{300 false 0 0 5} {7 true 1 6 20}]" {
		t.Fatalf("decodeTokens = %v, %v", got, err)
	}
	for _, b := range [][]byte{{0x80}, toks[:len(toks)-1], append(toks[:len(toks):len(toks)], 0xff)} {
		if _, err := decodeTokens(nil, b); err != errCorrupt {
			t.Errorf("decodeTokens(%x) = %v, want errCorrupt", b, err)
		}
	}
	nop := func(int64, int64, uint32) {}
	if err := decodeSegment(append(seg[:len(seg):len(seg)], 0x80), 1, nop); err != errCorrupt {
		t.Errorf("segment with an unfinished uvarint: %v", err)
	}
	if err := decodeSegment(seg[:len(seg)-1], 1, nop); err != errCorrupt {
		t.Errorf("segment missing its last tf: %v", err)
	}
	if err := decodeDF(append(df[:len(df):len(df)], 0x80), func(uint32, int64) {}); err != errCorrupt {
		t.Errorf("df row with an unfinished uvarint: %v", err)
	}
}
