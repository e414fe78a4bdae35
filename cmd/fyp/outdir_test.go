package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutKeepsUserFiles: `fyp run --out DIR --force` on a folder fyp did
// not write keeps the user's file and subfolder (it used to delete both),
// and a report into the same folder keeps run's files and says which of
// them it replaced.
func TestOutKeepsUserFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	user := map[string]string{"my-notes.txt": "notes", "drafts/plan.docx": "draft"}
	for name, content := range user {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, errs, code := fyp(t, "run", "-s", "baseline", "--out", dir, "--force"); code != 0 {
		t.Fatalf("run: exit %d: %s", code, errs)
	}
	_, errs, code := fyp(t, "report", "-s", "baseline", "--out", dir)
	if code != 0 {
		t.Fatalf("report: exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "替换了`fyp run`写的") { // the note in Chinese, the default

		t.Errorf("report into run's folder did not say what it replaced: %q", errs)
	}
	for name, content := range user {
		if got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))); err != nil || string(got) != content {
			t.Errorf("%s = %q, %v; want the user's %q kept", name, got, err, content)
		}
	}
	for _, name := range []string{"targets.csv", "assessment.csv", "index.html", marker} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s missing after run then report: %v", name, err)
		}
	}
}

// TestOutRefused: output folders fyp refuses, with exit 2 and nothing
// written.
func TestOutRefused(t *testing.T) {
	base := t.TempDir()
	file := filepath.Join(base, "file.txt")
	if err := os.WriteFile(file, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		out  []string
		want string
	}{
		{"root", []string{"--out", "/", "--force"}, "--out /: is the root folder"},
		{"a file", []string{"--out", file, "--force"}, "is a file, not a folder"},
		{"a foreign folder", []string{"--out", base}, "not written by fyp (file.txt)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"charts", "--only", "headline", "--dpi", "72", "--lang", "en"}, tc.out...)
			out, errs, code := fyp(t, args...)
			if code != 2 || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, tc.want)
			}
			if out != "" {
				t.Errorf("stdout %q on a refused folder", out)
			}
		})
	}
	entries, _ := os.ReadDir(base)
	if len(entries) != 1 {
		t.Errorf("a refused run wrote into %s: %v", base, entries)
	}
	if data, _ := os.ReadFile(file); string(data) != "mine" {
		t.Errorf("file.txt = %q", data)
	}
}

// TestOutRefusedFirst: run, report and charts refuse a folder they could
// never write before they read the plan or compute anything (it took
// `fyp run` 1.8 s of projection, simulation and charts to say no); the
// missing plan is never reached.
func TestOutRefusedFirst(t *testing.T) {
	t.Parallel()
	foreign := t.TempDir()
	os.WriteFile(filepath.Join(foreign, "notes.txt"), []byte("mine"), 0o644)
	for _, cmd := range []string{"run", "report", "charts"} {
		_, errs, code := fyp(t, cmd, "--out", foreign, "--plan", "no-such-plan.yaml", "--lang", "en")
		if code != 2 || !strings.Contains(errs, "not written by fyp") || strings.Contains(errs, "no-such-plan") {
			t.Errorf("%s --out FOREIGN --plan MISSING: exit %d, stderr %q; want the folder refused first", cmd, code, errs)
		}
	}
}
