package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/casebookapp/casebook/data"
)

const sampleRTF = `{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Helvetica;}{\f1 Times New Roman;}}
{\colortbl;\red0\green0\blue0;}
{\*\generator Riched20 10.0.19041}{\info{\title Liang Sentenced to Probation}{\author Jane Doe}{\operator Microsoft Office User}}
\viewkind4\uc1\pard\sa200\sl276\slmult1\b\f0\fs32 Liang Sentenced to Probation\b0\fs22\par
By Jane Doe\par
A judge sentenced former officer Peter Liang to five years of probation on Tuesday \emdash  a sentence Jos\'e9 called \ldblquote fair\rdblquote .\par
Protesters gathered outside\line the courthouse; one said the officer\u8217?s apology came too late.\par
{\*\bkmkstart x}{\field{\*\fldinst HYPERLINK "http://example.org"}{\fldrslt More coverage}}\par
}`

func TestDecodeRTF(t *testing.T) {
	a, err := decode("liang.rtf", []byte(sampleRTF))
	if err != nil {
		t.Fatal(err)
	}
	want := data.Meta{Title: "Liang Sentenced to Probation", Author: "Jane Doe", Source: "liang.rtf"}
	if a.Meta != want {
		t.Errorf("Meta = %+v\nwant %+v", a.Meta, want)
	}
	texts := map[string]bool{}
	for _, p := range a.Passages {
		texts[p.Text] = true
	}
	for _, s := range []string{
		"A judge sentenced former officer Peter Liang to five years of probation on Tuesday — a sentence José called “fair”.",
		"Protesters gathered outside the courthouse; one said the officer’s apology came too late.",
		"More coverage",
	} {
		if !texts[s] {
			t.Errorf("no passage %q", s)
		}
	}
	for p := range texts {
		for _, junk := range []string{"Helvetica", "Riched20", "HYPERLINK", "Microsoft Office User", "red0"} {
			if strings.Contains(p, junk) {
				t.Errorf("passage %q holds %q", p, junk)
			}
		}
	}
	if len(a.Passages) < 2 || a.Passages[0].Kind != kT || a.Passages[1].Kind != kY {
		t.Error("the headline and the byline are not the title and the byline")
		dumpPassages(t, a)
	}
}

// A Nexis export downloaded as RTF splits like its text.
func TestDecodeExportRTF(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(fixtures, "exports", "nexis.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var rtf strings.Builder
	rtf.WriteString(`{\rtf1\ansi{\fonttbl{\f0 Arial;}}\f0 `)
	for _, line := range strings.Split(string(b), "\n") {
		rtf.WriteString(strings.NewReplacer(`\`, `\\`, "{", `\{`, "}", `\}`).Replace(line))
		rtf.WriteString("\\line\n")
	}
	rtf.WriteString("}")
	arts, err := decodeAll("nexis.rtf", []byte(rtf.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || arts[0].Author != "Jane Doe; John Roe" || arts[1].Title != "Vigil Held for Man Killed in Stairwell" {
		t.Errorf("%d articles", len(arts))
		for _, a := range arts {
			t.Logf("%+v", a.Meta)
		}
	}
}

func TestDecodeRTFErrors(t *testing.T) {
	for in, want := range map[string]string{
		"plain text, not RTF":                "not an RTF document",
		`{\rtf1 ` + strings.Repeat("{", 300): "nested too deep",
		`{\rtf1 {\fonttbl{\f0 Arial;}}}`:     "has no text",
	} {
		_, err := decode("x.rtf", []byte(in))
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "x.rtf") {
			t.Errorf("decode(%.30q) = %v, want an error naming the file and %q", in, err, want)
		}
	}
}

func FuzzDecodeRTF(f *testing.F) {
	f.Add(sampleRTF)
	f.Add(`{\rtf1 \u-3913?\'e9\'\u`)
	f.Fuzz(func(t *testing.T, s string) {
		a, err := decode("f.rtf", []byte(s))
		if err != nil {
			if data.ErrorCode(err) != data.EINVALID {
				t.Fatalf("error code for %v", err)
			}
			return
		}
		for _, p := range a.Passages {
			if strings.TrimSpace(p.Text) == "" || !utf8Valid(p.Text) {
				t.Fatalf("bad passage %q", p.Text)
			}
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "") == s }
