package data

import (
	"strings"
	"testing"
)

func TestHashTags(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"two":         {"Compare #sentencing with #APALA's view", "sentencing,APALA"},
		"hyphen":      {"see #race-and-policing.", "race-and-policing"},
		"heading":     {"# Heading\nText", ""},
		"number":      {"point #1 and #2", ""},
		"in a word":   {"https://example.com/page#top and C#", ""},
		"start":       {"#bail", "bail"},
		"punctuation": {"(#judge) and \"#jury\"", "judge,jury"},
		"double":      {"##notatag", ""},
		"trailing":    {"#bail- set", "bail"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := strings.Join(HashTags(tc.in), ","); got != tc.want {
				t.Errorf("HashTags(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzHashTags(f *testing.F) {
	f.Add("Compare #sentencing with #APALA")
	f.Fuzz(func(t *testing.T, s string) {
		for _, tag := range HashTags(s) {
			if tag == "" || strings.ContainsAny(tag, "# \t\n") || !strings.Contains(s, "#"+tag) {
				t.Errorf("HashTags(%q) gave %q", s, tag)
			}
		}
	})
}
