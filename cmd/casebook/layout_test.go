package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestReadmeLayoutListsEveryPackage keeps the README's layout table true:
// every package `go list ./...` finds has its row, and every folder the
// table names exists.
func TestReadmeLayoutListsEveryPackage(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## Layout\n")
	if !ok {
		t.Fatal("README.md has no Layout section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	row := regexp.MustCompile("(?m)^\\| `([^`]+)/` \\|")
	var listed []string
	for _, m := range row.FindAllStringSubmatch(section, -1) {
		listed = append(listed, m[1])
	}
	if len(listed) == 0 {
		t.Fatal("the Layout section has no table of folders")
	}

	cmd := exec.Command("go", "list", "-e", "-f", "{{.Dir}}", "./...")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dir := range strings.Fields(string(out)) {
		rel, err := filepath.Rel(root, dir)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(listed, filepath.ToSlash(rel)) {
			t.Errorf("package %s/ has no row in the README's layout table", filepath.ToSlash(rel))
		}
	}
	for _, folder := range listed {
		if st, err := os.Stat(filepath.Join(root, folder)); err != nil || !st.IsDir() {
			t.Errorf("the README's layout table names %s/, which is not a folder", folder)
		}
	}
}
