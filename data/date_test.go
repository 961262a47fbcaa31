package data

import (
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := map[string]struct {
		in, want string
		hint     string // a word the error must contain
	}{
		"iso":               {in: "2016-04-19", want: "2016-04-19"},
		"us":                {in: "April 19, 2016", want: "2016-04-19"},
		"british":           {in: "19 April 2016", want: "2016-04-19"},
		"month year":        {in: "April 2016", want: "2016-04"},
		"year":              {in: "2016", want: "2016"},
		"abbreviated":       {in: "Apr. 19 2016", want: "2016-04-19"},
		"ordinal":           {in: "19th April 2016", want: "2016-04-19"},
		"sept":              {in: "Sept 3, 2015", want: "2015-09-03"},
		"spaces":            {in: "  march 5 2016 ", want: "2016-03-05"},
		"empty":             {in: "", want: ""},
		"ambiguous slashes": {in: "04/05/2016", hint: "two ways"},
		"ambiguous dots":    {in: "04.05.2016", hint: "two ways"},
		"no day 31":         {in: "April 31, 2016", hint: "no day"},
		"words":             {in: "last Tuesday", hint: "April 19, 2016"},
		"day without month": {in: "19 2016", hint: "April 19, 2016"},
		"two months":        {in: "April May 2016", hint: "April 19, 2016"},
		"bad iso":           {in: "2016-13-01", hint: "April 19, 2016"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := ParseDate(tc.in)
			if tc.hint != "" {
				if err == nil {
					t.Fatalf("ParseDate(%q) = %q, want an error", tc.in, got)
				}
				if msg := ErrorMessage(err); !strings.Contains(msg, tc.hint) {
					t.Errorf("error %q does not say %q", msg, tc.hint)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("ParseDate(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
			}
		})
	}
}

// FuzzParseDate checks that whatever is typed, ParseDate returns a date the
// store accepts, or an error.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"April 19, 2016", "19 April 2016", "2016-04-19", "April 2016", "04/05/2016", "31st dec 1999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iso, err := ParseDate(s)
		if err == nil && !ValidDate(iso) {
			t.Errorf("ParseDate(%q) = %q, which ValidDate refuses", s, iso)
		}
	})
}

// BenchmarkParseDate reads the forms students type, and one it refuses.
func BenchmarkParseDate(b *testing.B) {
	in := []string{"April 19, 2016", "19 April 2016", "2016-04-19", "April 2016", "Sept. 3rd 2015", "04/05/2016", "Febr 29 2016"}
	for i := 0; i < b.N; i++ {
		for _, s := range in {
			ParseDate(s)
		}
	}
}
