package data_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDependencies keeps the packages that only format or parse apart from
// the store: package data (the domain), the citation styles, the exports,
// the W3C annotation codec and the importers link neither SQLite (cgo) nor
// the search engine, the re-anchoring engine, the comparison of articles,
// the store, the UI or Fyne, so that they build and test without a C
// compiler. Package ui links neither the store nor SQLite, and needs no C
// compiler either. It asks the go command, which
// is what builds them: once for the packages as the app links them, and once
// for their tests as CGO_ENABLED=0 builds them (the tests that run against
// a real library are built only with cgo).
func TestDependencies(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("SKIPPED LOUDLY: the go command is not on PATH, so the package graph cannot be checked")
	}
	const mod = "github.com/casebookapp/casebook/"
	forbidden := []string{
		"github.com/mattn/go-sqlite3",
		mod + "data/sqlite",
		mod + "data/search",
		mod + "data/anchor",
		mod + "data/compare",
		mod + "ui",
		"fyne.io/",
	}
	for _, pkg := range []string{".", "./export/cite", "./export", "./webanno", "./ingest"} {
		for _, tests := range []bool{false, true} {
			name, args, cgoEnv := pkg, []string{"list", "-deps"}, "CGO_ENABLED=1"
			if tests {
				name, args, cgoEnv = pkg+" tests", append(args, "-test"), "CGO_ENABLED=0"
			}
			t.Run(name, func(t *testing.T) {
				checkDeps(t, goCmd, pkg, args, cgoEnv, forbidden, !tests)
			})
		}
	}
	// The UI talks to the store through ui.Store, which cmd/casebook fills
	// with the SQLite library: package ui itself links neither the store
	// nor SQLite (its tests do, to run on a real library).
	t.Run("../ui", func(t *testing.T) {
		checkDeps(t, goCmd, "../ui", []string{"list", "-deps"}, "CGO_ENABLED=1",
			[]string{"github.com/mattn/go-sqlite3", mod + "data/sqlite"}, false)
	})
}

// checkDeps runs go list with args on pkg and reports each package it
// depends on that is forbidden or needs cgo; stdOnly (for package data)
// also forbids what is outside the standard library.
func checkDeps(t *testing.T, goCmd, pkg string, args []string, cgoEnv string, forbidden []string, stdOnly bool) {
	const mod = "github.com/casebookapp/casebook/"
	cmd := exec.Command(goCmd, append(args, "-f", "{{.ImportPath}}\t{{.Standard}}\t{{len .CgoFiles}}\t{{.Dir}}", pkg)...)
	cmd.Env = append(cmd.Environ(), cgoEnv)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s %s: %v", strings.Join(args, " "), pkg, err)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		n++
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			t.Fatalf("go list printed %q", line)
		}
		// With -test, a package rebuilt for a test is listed as
		// "path [pkg.test]", and the test's main as "pkg.test".
		path, _, _ := strings.Cut(f[0], " ")
		std, cgo, dir := f[1] == "true", f[2] != "0", f[3]
		if strings.HasPrefix(path, mod) && dir != "" {
			// go test caches a result by the files the test itself
			// reads, not go list's: read the module's packages so that
			// a new import is seen.
			readPackage(t, dir)
		}
		for _, bad := range forbidden {
			if path == bad || strings.HasPrefix(path, bad+"/") || strings.HasSuffix(bad, "/") && strings.HasPrefix(path, bad) {
				t.Errorf("%s depends on %s", pkg, path)
			}
		}
		// The standard library's cgo (net's resolver, runtime/cgo) is
		// optional: CGO_ENABLED=0 builds without it.
		if cgo && !std {
			t.Errorf("%s depends on %s, which needs cgo", pkg, path)
		}
		if stdOnly && pkg == "." && !std && path != mod+"data" {
			t.Errorf("package data depends on %s: the domain needs nothing outside the standard library", path)
		}
	}
	t.Logf("%s: %d packages", pkg, n)
}

// readPackage reads the Go files of the package in dir.
func readPackage(t *testing.T, dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".go") {
			if _, err := os.ReadFile(filepath.Join(dir, e.Name())); err != nil {
				t.Fatal(err)
			}
		}
	}
}
