package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyp/seeds"
)

// TestHostileFiles hands every file-taking flag and every file-to-file
// reference a FIFO, a device, a folder or a sparse file over its limit:
// each must exit 2 at once, naming the file (and the limit when it is the
// size), writing nothing. None of these inputs allocates much, so a
// regression fails here (or times out) instead of exhausting memory.
func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	sparse := func(name string, size int64) string {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		f.Close()
		return p
	}
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bigYAML := sparse("big.yaml", 10<<20+1)
	bigCSV := sparse("big.csv", 100<<20+1)
	bigFont := sparse("big.ttf", 64<<20+1)
	extends := write("extends.yaml", "name: x\nextends: "+fifo+"\n")
	planRef := write("planref.yaml", "name: x\nplan: /dev/null\n")
	// A plan whose previous plan, looked up beside it, is a FIFO.
	src, err := seeds.Source(seeds.Default)
	if err != nil {
		t.Fatal(err)
	}
	prevDir := filepath.Join(dir, "prev")
	os.Mkdir(prevDir, 0o755)
	plan := filepath.Join(prevDir, "plan.yaml")
	if err := os.WriteFile(plan, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(fifo, filepath.Join(prevDir, "jiangjin-13.yaml")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	// Each case runs with --lang en (want) and in Chinese, the default (zh).
	tests := []struct {
		name     string
		args     []string
		want, zh string
	}{
		{"validate a FIFO", []string{"validate", fifo}, fifo + ": not a regular file (a named pipe)", fifo + "：不是普通文件（而是命名管道）"},
		{"validate a device", []string{"validate", "/dev/null"}, "/dev/null: not a regular file (a device)", "/dev/null：不是普通文件（而是设备）"},
		{"validate a folder", []string{"validate", dir}, dir + ": not a regular file: it is a folder", dir + "：不是普通文件：这是一个文件夹\n"},
		{"validate over the limit", []string{"validate", bigYAML}, bigYAML + ": file too large: 10 MB, over the 10 MB limit", bigYAML + "：文件太大：10 MB，超过这类文件10 MB的上限"},
		{"--plan a FIFO", []string{"assess", "--plan", fifo}, fifo + ": not a regular file (a named pipe)", fifo + "：不是普通文件（而是命名管道）"},
		{"--plan over the limit", []string{"assess", "--plan", bigYAML}, "over the 10 MB limit", "超过这类文件10 MB的上限"},
		{"-s a FIFO", []string{"assess", "-s", fifo}, fifo + ": not a regular file (a named pipe)", fifo + "：不是普通文件（而是命名管道）"},
		{"-s over the limit", []string{"assess", "-s", bigYAML}, bigYAML + ": file too large", bigYAML + "：文件太大"},
		{"extends a FIFO", []string{"assess", "-s", extends}, "extends.yaml:2: extends: " + extends + ` extends "` + fifo + `", which cannot be read: ` + fifo + ": not a regular file (a named pipe)",
			"extends.yaml:2: extends: " + extends + `继承的"` + fifo + `"无法读取：` + fifo + "：不是普通文件（而是命名管道）"},
		{"plan: a device", []string{"assess", "-s", planRef}, `planref.yaml:2: plan: plan "/dev/null" cannot be read: /dev/null: not a regular file (a device)`,
			`planref.yaml:2: plan: 规划"/dev/null"无法读取：/dev/null：不是普通文件（而是设备）`},
		{"previous: a FIFO", []string{"assess", "--plan", plan}, `names previous plan "jiangjin-13": ` + filepath.Join(prevDir, "jiangjin-13.yaml") + ": not a regular file (a named pipe)",
			`指定的上一期规划"jiangjin-13"：` + filepath.Join(prevDir, "jiangjin-13.yaml") + "：不是普通文件（而是命名管道）"},
		{"--observed a FIFO", []string{"review", "--observed", fifo}, "--observed " + fifo + ": not a regular file (a named pipe)", "--observed " + fifo + "：不是普通文件（而是命名管道）"},
		{"--observed a device", []string{"review", "--observed", "/dev/null"}, "--observed /dev/null: not a regular file (a device)", "--observed /dev/null：不是普通文件（而是设备）"},
		{"--observed over the limit", []string{"review", "--observed", bigCSV}, "over the 100 MB limit", "超过这类文件100 MB的上限"},
		{"--font a FIFO", []string{"charts", "--out", out, "--font", fifo}, "--font " + fifo + ": not a regular file (a named pipe)", "--font " + fifo + "：不是普通文件（而是命名管道）"},
		{"--font over the limit", []string{"charts", "--out", out, "--font", bigFont}, "over the 64 MB limit", "超过这类文件64 MB的上限"},
	}
	for _, c := range tests {
		hostileCase(t, c.name+" en", append(append([]string(nil), c.args...), "--lang", "en"), c.want, out)
		hostileCase(t, c.name+" zh", c.args, c.zh, out)
	}
}

// hostileCase runs args, which must exit 2 at once with want on stderr,
// nothing on stdout, and out not written.
func hostileCase(t *testing.T, name string, args []string, want, out string) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		type result struct {
			out, errs string
			code      int
		}
		done := make(chan result, 1)
		go func() {
			var o, e bytes.Buffer
			code := exitCode(run(context.Background(), args, &o, &e), &e)
			done <- result{o.String(), e.String(), code}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("fyp %s: no answer after 20 s (blocked on the file?)", strings.Join(args, " "))
		}
		if r.code != 2 {
			t.Errorf("exit %d, want 2; stderr: %s", r.code, r.errs)
		}
		if !strings.Contains(r.errs, want) {
			t.Errorf("stderr = %q, want it to contain %q", r.errs, want)
		}
		if r.out != "" {
			t.Errorf("wrote to stdout on bad input: %.200q", r.out)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s was written", out)
		}
	})
}
