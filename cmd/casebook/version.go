package main

import (
	"runtime/debug"
)

// version and commit are stamped by the Makefile's build (-ldflags -X): the
// version from FyneApp.toml, the commit from git. A plain `go build` leaves
// them empty; the commit then comes from Go's own VCS stamp, if any.
var (
	version string
	commit  string
)

// appVersion is the version shown by --version and in About.
func appVersion() string {
	if version == "" {
		return "devel"
	}
	return version
}

// appCommit is the commit the binary was built from, or "unknown".
func appCommit() string {
	if commit != "" {
		return commit
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		rev, dirty := "", false
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if rev != "" {
			if dirty {
				rev += "-dirty"
			}
			return rev
		}
	}
	return "unknown"
}

// versionLine is what `casebook --version` prints.
func versionLine() string {
	return "casebook " + appVersion() + " (commit " + appCommit() + ")"
}
