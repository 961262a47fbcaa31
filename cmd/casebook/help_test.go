package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestReadmeShowsHelp keeps the README's command list and `casebook help`
// the same: the README's block is the help's usage lines, unindented.
func TestReadmeShowsHelp(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "The same binary works on the same library from a shell:\n\n```\n")
	if !ok {
		t.Fatal("README.md has no command-line block")
	}
	block, _, _ := strings.Cut(after, "```\n")

	var out, errOut bytes.Buffer
	if code := run([]string{"help"}, &out, &errOut); code != exitOK {
		t.Fatalf("casebook help exited %d: %s", code, errOut.String())
	}
	_, lines, _ := strings.Cut(out.String(), "Usage:\n")
	lines, _, _ = strings.Cut(lines, "\n\n")
	var want strings.Builder
	for _, l := range strings.Split(lines, "\n") {
		want.WriteString(strings.TrimPrefix(l, "  ") + "\n")
	}
	if block != want.String() {
		t.Errorf("README.md's command list differs from casebook help.\nREADME:\n%s\nhelp:\n%s", block, want.String())
	}
}
