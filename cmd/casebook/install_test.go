package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestMakeInstall runs `make install` into a temporary PREFIX and checks
// what a desktop needs: the binary (which prints FyneApp.toml's version and
// the commit, and holds no path of the checkout), a desktop entry that
// desktop-file-validate passes, hicolor icons in several sizes, and
// AppStream metainfo that appstreamcli validates. `make uninstall` then
// removes every file.
func TestMakeInstall(t *testing.T) {
	if testing.Short() {
		t.Skip("make install builds a release binary: skipped in -short mode")
	}
	for _, tool := range []string{"make", "git", "desktop-file-validate", "appstreamcli"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("SKIPPED LOUDLY: TestMakeInstall needs %s (apt-get install make git desktop-file-utils appstream; `make test` installs them)", tool)
		}
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	prefix := t.TempDir()
	bin := filepath.Join(t.TempDir(), "casebook")
	make := func(target string) {
		t.Helper()
		cmd := exec.Command("make", "-s", target, "PREFIX="+prefix, "BIN="+bin)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("make %s: %v\n%s", target, err, out)
		}
	}
	make("install")

	id := "io.github.casebookapp.casebook"
	want := []string{
		"bin/casebook",
		"share/applications/" + id + ".desktop",
		"share/metainfo/" + id + ".metainfo.xml",
	}
	for _, s := range []string{"32", "48", "64", "128", "256", "512"} {
		want = append(want, "share/icons/hicolor/"+s+"x"+s+"/apps/"+id+".png")
	}
	for _, f := range want {
		if _, err := os.Stat(filepath.Join(prefix, f)); err != nil {
			t.Errorf("make install did not install %s", f)
		}
	}

	desktop := filepath.Join(prefix, "share/applications", id+".desktop")
	if out, err := exec.Command("desktop-file-validate", desktop).CombinedOutput(); err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("desktop-file-validate: %v\n%s", err, out)
	}
	entry, _ := os.ReadFile(desktop)
	if !strings.Contains(string(entry), "Exec="+filepath.Join(prefix, "bin/casebook")) {
		t.Errorf("the desktop entry does not run the installed binary:\n%s", entry)
	}
	meta := filepath.Join(prefix, "share/metainfo", id+".metainfo.xml")
	if out, err := exec.Command("appstreamcli", "validate", "--no-net", "--pedantic", meta).CombinedOutput(); err != nil {
		t.Errorf("appstreamcli validate: %v\n%s", err, out)
	}

	toml, err := os.ReadFile(filepath.Join(root, "FyneApp.toml"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(toml)
	if m == nil {
		t.Fatal("no Version in FyneApp.toml")
	}
	head, err := exec.Command("git", "-C", root, "rev-parse", "--short=12", "HEAD").Output()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(filepath.Join(prefix, "bin/casebook"), "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.TrimSpace(string(out)), "casebook "+string(m[1])+" (commit "+strings.TrimSpace(string(head))+")"; got != want {
		t.Errorf("casebook --version = %q, want %q", got, want)
	}
	binary, _ := os.ReadFile(filepath.Join(prefix, "bin/casebook"))
	if bytes.Contains(binary, []byte(root)) {
		t.Errorf("the release binary holds the checkout's path %s: the build is not reproducible elsewhere", root)
	}

	make("uninstall")
	var left []string
	filepath.Walk(prefix, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			left = append(left, p)
		}
		return nil
	})
	if len(left) > 0 {
		t.Errorf("make uninstall left %v", left)
	}
}
