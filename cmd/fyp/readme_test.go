package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyp/seeds"
)

// The README shows what the commands print. Each example is a fenced block
// right under a marker:
//
//	<!-- fyp-output -->                  the whole output
//	<!-- fyp-output: lines 3-8,29 -->    only these lines of the output (1-based),
//	                                     with a line "…" wherever lines are left out
//
// The block's first line is the command as a user types it from the
// repository root ("$ fyp assess"); the rest is its output, stdout then
// stderr (where "fyp: …" errors go). TestREADME runs each command and
// compares; `go test ./cmd/fyp -run TestREADME -update` rewrites the blocks
// from today's output. A file named in a command is read from the
// repository root (cmd/fyp/testdata/…) or, for the README's made-up names
// (my.yaml, my-plan.yaml), from testdata/readme/.
//
// A walk-through that needs files the repository does not hold (the plan's
// published text) is checked by a test of its own, named in its marker:
//
//	<!-- checked by TestExtractReadmeWalkthrough -->

const readmePath = "../../README.md"

var (
	markerRE = regexp.MustCompile(`^<!-- fyp-output(?:: lines ([0-9,\- ]+))? -->$`)
	// checkedRE marks a block that another test checks.
	checkedRE = regexp.MustCompile(`^<!-- checked by (Test\w+) -->$`)
	// countsRE is the README's count of the embedded plan's targets.
	countsRE = regexp.MustCompile(`(\d+) main-table rows with (\d+) targets, (\d+) chapter indicators with (\d+) targets`)
)

func TestREADME(t *testing.T) {
	src, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	var out []string
	examples := 0
	for i := 0; i < len(lines); i++ {
		out = append(out, lines[i])
		m := markerRE.FindStringSubmatch(lines[i])
		if m == nil {
			if strings.HasPrefix(lines[i], "$ fyp ") && (i == 0 || !strings.HasPrefix(lines[i-1], "```")) {
				continue
			}
			if strings.HasPrefix(lines[i], "$ fyp ") {
				if j := i - 2; j >= 0 && checkedRE.MatchString(lines[j]) {
					if name := checkedRE.FindStringSubmatch(lines[j])[1]; !testExists(t, name) {
						t.Errorf("README.md:%d: the marker names %s, which is not a test of cmd/fyp", j+1, name)
					}
				} else if j < 0 || !markerRE.MatchString(lines[j]) {
					t.Errorf("README.md:%d: %q has no <!-- fyp-output --> marker above its block, so nothing checks it", i+1, lines[i])
				}
			}
			continue
		}
		if i+2 >= len(lines) || !strings.HasPrefix(lines[i+1], "```") || !strings.HasPrefix(lines[i+2], "$ fyp ") {
			t.Fatalf("README.md:%d: a fyp-output marker must stand right above a fenced block that starts with \"$ fyp …\"", i+1)
		}
		end := i + 3
		for end < len(lines) && !strings.HasPrefix(lines[end], "```") {
			end++
		}
		if end == len(lines) {
			t.Fatalf("README.md:%d: the block never closes", i+1)
		}
		cmd := lines[i+2]
		shown := strings.Join(lines[i+3:end], "\n")
		got, err := readmeOutput(t, strings.Fields(strings.TrimPrefix(cmd, "$ fyp ")), m[1])
		if err != nil {
			t.Fatalf("README.md:%d: %v", i+1, err)
		}
		examples++
		if got != shown {
			t.Errorf("README.md:%d: %s prints today (go test ./cmd/fyp -run TestREADME -update rewrites the README):\n%s\n\nthe README shows:\n%s", i+3, cmd, got, shown)
		}
		out = append(out, lines[i+1], cmd)
		out = append(out, strings.Split(got, "\n")...)
		out = append(out, lines[end])
		i = end
	}
	if examples < 8 {
		t.Errorf("%d checked examples in the README, want at least 8", examples)
	}
	doc := strings.Join(out, "\n")
	doc = checkCounts(t, doc)
	if *update && doc != string(src) {
		if err := os.WriteFile(readmePath, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readmeOutput runs one README command and returns what it shows: stdout
// then stderr, abridged to the marker's lines.
func readmeOutput(t *testing.T, args []string, keep string) (string, error) {
	t.Helper()
	var undo []string // pairs: path used, path shown
	for i, a := range args {
		if strings.HasPrefix(a, "-") {
			continue
		}
		if p, ok := strings.CutPrefix(a, "cmd/fyp/"); ok {
			args[i], undo = p, append(undo, p, a)
		} else if p := filepath.Join("testdata", "readme", a); fileExists(p) {
			args[i], undo = p, append(undo, filepath.ToSlash(p), a)
		}
	}
	stdout, stderr, _ := fyp(t, args...)
	got := stdout + stderr
	for i := 0; i < len(undo); i += 2 {
		got = strings.ReplaceAll(got, undo[i], undo[i+1])
	}
	got = strings.TrimRight(got, "\n")
	if keep == "" {
		return got, nil
	}
	return abridge(got, keep)
}

// abridge keeps the lines named by spec ("3-8,29,33-34", 1-based, in
// order) and puts "…" wherever lines are left out in between.
func abridge(s, spec string) (string, error) {
	lines := strings.Split(s, "\n")
	var out []string
	last := 0
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		a, b, isRange := strings.Cut(part, "-")
		from, err1 := strconv.Atoi(a)
		to := from
		var err2 error
		if isRange {
			to, err2 = strconv.Atoi(b)
		}
		if err1 != nil || err2 != nil || from <= last || to < from || to > len(lines) {
			return "", fmt.Errorf("lines %q: %q is not an increasing range within the output's %d lines", spec, part, len(lines))
		}
		if last > 0 && from > last+1 {
			out = append(out, "…")
		}
		out = append(out, lines[from-1:to]...)
		last = to
	}
	return strings.Join(out, "\n"), nil
}

// checkCounts checks (or, with -update, rewrites) the README's count of the
// embedded plan's quantified targets.
func checkCounts(t *testing.T, doc string) string {
	p, err := seeds.Load(seeds.Default)
	if err != nil {
		t.Fatal(err)
	}
	var rows, rowTargets, chapter, chapterTargets int
	for _, ind := range p.Indicators {
		if ind.InTable() {
			rows++
			rowTargets += len(ind.Targets)
		} else {
			chapter++
			chapterTargets += len(ind.Targets)
		}
	}
	want := fmt.Sprintf("%d main-table rows with %d targets, %d chapter indicators with %d targets", rows, rowTargets, chapter, chapterTargets)
	got := countsRE.FindString(doc)
	if got == "" {
		t.Errorf("README.md does not count the targets (%q)", want)
		return doc
	}
	if got != want {
		t.Errorf("README.md says %q; the plan has %q (-update rewrites it)", got, want)
	}
	return strings.Replace(doc, got, want, 1)
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

func TestAbridge(t *testing.T) {
	s := "a\nb\nc\nd\ne"
	tests := []struct{ spec, want string }{
		{"1-2", "a\nb"},
		{"1,3", "a\n…\nc"},
		{"1-2,4-5", "a\nb\n…\nd\ne"},
		{"2-3,4", "b\nc\nd"},
	}
	for _, tt := range tests {
		if got, err := abridge(s, tt.spec); err != nil || got != tt.want {
			t.Errorf("abridge(%q) = %q, %v; want %q", tt.spec, got, err, tt.want)
		}
	}
	for _, bad := range []string{"3,1", "0-2", "4-9", "x"} {
		if _, err := abridge(s, bad); err == nil {
			t.Errorf("abridge(%q): no error", bad)
		}
	}
}

// testExists reports whether a test function of this package is named name.
func testExists(t *testing.T, name string) bool {
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(src), "\nfunc "+name+"(t *testing.T)") {
			return true
		}
	}
	return false
}
