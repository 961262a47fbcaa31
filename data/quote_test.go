package data

import (
	"strings"
	"testing"
)

func TestQuoteContext(t *testing.T) {
	long := strings.Repeat("a", 40) + "QUOTE" + strings.Repeat("b", 40)
	tests := map[string]struct {
		text         string
		start, end   int
		prefix, suff string
	}{
		"middle":     {long, 40, 45, strings.Repeat("a", contextLen), strings.Repeat("b", contextLen)},
		"at start":   {"QUOTE then", 0, 5, "", " then"},
		"at end":     {"say QUOTE", 4, 9, "say ", ""},
		"clamped":    {"abc", -5, 99, "", ""},
		"multi-byte": {"é“Liang”é", 1, 8, "é", "é"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			p, s := QuoteContext(tt.text, tt.start, tt.end)
			if p != tt.prefix || s != tt.suff {
				t.Errorf("QuoteContext = %q, %q; want %q, %q", p, s, tt.prefix, tt.suff)
			}
		})
	}
}
