package main

import (
	"runtime/debug"
	"strings"
)

// version is what `fyp --version` prints: the module version when fyp was
// installed with `go install fyp/cmd/fyp@VERSION`, else "(devel)", with the
// commit it was built from and its date when the build recorded them (a
// build inside the git checkout), "+modified" when the work tree had
// uncommitted changes, and the Go version.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown build)"
	}
	return versionOf(bi)
}

func versionOf(bi *debug.BuildInfo) string {
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, when string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	parts := []string{v}
	if rev != "" {
		c := "commit " + rev[:min(len(rev), 12)]
		if modified {
			c += "+modified"
		}
		if when != "" {
			c += " (" + when + ")"
		}
		parts = append(parts, c)
	}
	if bi.GoVersion != "" {
		parts = append(parts, bi.GoVersion)
	}
	return strings.Join(parts, ", ")
}
