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
// the search engine, the re-anchoring engine, the store or Fyne, so that
// they build and test without a C compiler. It asks the go command, which
// is what builds them.
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
		t.Run(pkg, func(t *testing.T) {
			cmd := exec.Command(goCmd, "list", "-deps", "-f", "{{.ImportPath}} {{.Standard}} {{len .CgoFiles}} {{.Dir}}", pkg)
			cmd.Env = append(cmd.Environ(), "CGO_ENABLED=1")
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("go list -deps %s: %v", pkg, err)
			}
			n := 0
			for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
				n++
				f := strings.Fields(line)
				if len(f) < 4 {
					t.Fatalf("go list printed %q", line)
				}
				path, std, cgo := f[0], f[1] == "true", f[2] != "0"
				if strings.HasPrefix(path, mod) {
					// go test caches a result by the files the test
					// itself reads, not go list's: read the module's
					// packages so that a new import is seen.
					readPackage(t, strings.Join(f[3:], " "))
				}
				for _, bad := range forbidden {
					if path == bad || strings.HasPrefix(path, bad+"/") || strings.HasSuffix(bad, "/") && strings.HasPrefix(path, bad) {
						t.Errorf("%s depends on %s", pkg, path)
					}
				}
				// The standard library's cgo (net's resolver, runtime/cgo)
				// is optional: CGO_ENABLED=0 builds without it.
				if cgo && !std {
					t.Errorf("%s depends on %s, which needs cgo", pkg, path)
				}
				if pkg == "." && !std && path != mod+"data" {
					t.Errorf("package data depends on %s: the domain needs nothing outside the standard library", path)
				}
			}
			t.Logf("%s: %d packages", pkg, n)
		})
	}
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
