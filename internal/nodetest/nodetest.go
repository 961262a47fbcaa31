// Package nodetest runs the Node.js reference implementations that tests
// compare Casebook against: citeproc-js for citations, ajv for the W3C Web
// Annotation schemas. It is used by tests only.
//
// The npm packages are pinned by testdata/node/package-lock.json and
// installed with `npm ci` into a cache folder outside the repository
// ($CASEBOOK_NODE_CACHE, else $XDG_CACHE_HOME/casebook-node, else
// ~/.cache/casebook-node), one folder per lock file, so that a second run
// needs no network. A test calls Skip-free Run; when node is not installed
// it skips with a loud message, never passing silently.
package nodetest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// root returns the repository's root folder.
func root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Shared returns the folder of the shared reference data, beside the
// repository ("<repo root>/../shared").
func Shared() string { return filepath.Join(root(), "..", "shared") }

var (
	once     sync.Once
	modules  string
	setupErr error
)

// Require skips the test loudly when node is missing, and otherwise makes
// sure the pinned npm packages are installed. It fails the test when they
// cannot be.
func Require(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("SKIPPED: `node` is not installed, so Casebook is NOT being checked against its reference implementations (citeproc-js, ajv). Install Node.js to run this test.")
	}
	once.Do(func() { modules, setupErr = install() })
	if setupErr != nil {
		t.Fatalf("installing the npm packages the oracle needs: %v", setupErr)
	}
}

func cacheDir() (string, error) {
	if d := os.Getenv("CASEBOOK_NODE_CACHE"); d != "" {
		return d, nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "casebook-node"), nil
}

// install runs `npm ci` for testdata/node/package-lock.json in a cache
// folder named after the lock file's hash, unless that folder is complete.
// Concurrent test binaries install into their own temporary folder and
// rename it into place; the loser of the race uses the winner's.
func install() (string, error) {
	src := filepath.Join(root(), "testdata", "node")
	lock, err := os.ReadFile(filepath.Join(src, "package-lock.json"))
	if err != nil {
		return "", err
	}
	pkg, err := os.ReadFile(filepath.Join(src, "package.json"))
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(append(append([]byte{}, pkg...), lock...))
	base, err := cacheDir()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(base, hex.EncodeToString(sum[:8]))
	done := filepath.Join(dir, "node_modules")
	if _, err := os.Stat(filepath.Join(dir, ".complete")); err == nil {
		return done, nil
	}
	if err := os.MkdirAll(base, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(base, "install-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	for name, b := range map[string][]byte{"package.json": pkg, "package-lock.json": lock} {
		if err := os.WriteFile(filepath.Join(tmp, name), b, 0o644); err != nil {
			return "", err
		}
	}
	if _, err := exec.LookPath("npm"); err != nil {
		return "", fmt.Errorf("node is installed but npm is not: install npm (it comes with Node.js from nodejs.org or NodeSource; Debian has it as the package npm)")
	}
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
	cmd.Dir = tmp
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("npm ci in %s: %v\n%s", tmp, err, out.String())
	}
	if err := os.WriteFile(filepath.Join(tmp, ".complete"), nil, 0o644); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		if _, serr := os.Stat(filepath.Join(dir, ".complete")); serr != nil {
			return "", err
		}
	}
	return done, nil
}

// Run runs one of testdata/node's scripts with input on its standard input
// and returns its standard output. Require must have been called.
func Run(t testing.TB, script string, input []byte) []byte {
	t.Helper()
	cmd := exec.Command("node", filepath.Join(root(), "testdata", "node", script))
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
	cmd.Stdin = bytes.NewReader(input)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node %s: %v\n%s", script, err, stderr.String())
	}
	return stdout.Bytes()
}
