package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// recordTable is a previous plan's record table, put before smallPlan so
// that extract writes a second file, ID-previous.yaml, beside -o.
const recordTable = "专栏 某某区“十三五”规划主要指标完成情况表\n\n序号\n\n指标名称\n\n2015年\n\n规划目标\n\n2020年\n\n属性\n\n1\n\n地区生产总值年均增速(%)\n\n10.1\n\n8\n\n5.9\n\n预期性\n\n"

// TestOutFileRefusals: the -o file of extract and observe is refused, with
// exit 2 and nothing written, when writing it would lose something or
// cannot succeed — even with --force where --force cannot help.
func TestOutFileRefusals(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "p.txt")
	doc := strings.Replace(smallPlan, "第一章 发展目标", recordTable+"第一章 发展目标", 1)
	if err := os.WriteFile(in, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "folder")
	os.Mkdir(folder, 0o755)
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	bulletinDoc := "../../bulletin/testdata/jiangjin-2023.txt"
	copyDoc := filepath.Join(dir, "2023.txt")
	data, err := os.ReadFile(bulletinDoc)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(copyDoc, data, 0o644)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"-o named like the record file", []string{"extract", in, "-o", filepath.Join(dir, "p-previous.yaml")}, "上一规划完成情况表也要写到这个文件"},
		{"-o a folder", []string{"extract", in, "-o", folder, "--force"}, "是文件夹；-o 要的是文件名"},
		{"-o in a missing folder", []string{"extract", in, "-o", filepath.Join(dir, "nodir", "x.yaml")}, "nodir不存在"},
		{"-o a FIFO", []string{"extract", in, "-o", fifo, "--force"}, "不是普通文件"},
		{"-o the input", []string{"extract", in, "-o", in, "--force"}, "是要读取的文件本身"},
		{"observe -o its input", []string{"observe", copyDoc, "-o", copyDoc, "--force"}, "是要读取的文件本身"},
		{"observe -o a folder", []string{"observe", copyDoc, "-o", folder, "--force", "--lang", "en"}, "is a folder; -o takes a file name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := fyp(t, tc.args...)
			if code != 2 || out != "" || !strings.Contains(errs, tc.want) {
				t.Errorf("fyp %v: exit %d, stdout %q, stderr %q; want 2 and %q", tc.args, code, out, errs, tc.want)
			}
			if n := strings.Count(errs, "\n"); n != 1 {
				t.Errorf("fyp %v: %d lines on stderr, want one message", tc.args, n)
			}
			entries, _ := os.ReadDir(dir)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			if got := strings.Join(names, " "); got != "2023.txt fifo.yaml folder p.txt" {
				t.Errorf("fyp %v left the folder holding %s", tc.args, got)
			}
			if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
				t.Errorf("fyp %v replaced the FIFO", tc.args)
			}
			if b, _ := os.ReadFile(in); string(b) != doc {
				t.Errorf("fyp %v changed its input", tc.args)
			}
			if b, _ := os.ReadFile(copyDoc); string(b) != string(data) {
				t.Errorf("fyp %v changed its input", tc.args)
			}
		})
	}
}

// TestOutFileReadable: the files extract writes can be read by others, as
// any file an editor saves (a temporary file is created rw-------).
func TestOutFileReadable(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "p.txt")
	os.WriteFile(in, []byte(smallPlan), 0o644)
	out := filepath.Join(dir, "plan.yaml")
	if _, errs, code := fyp(t, "extract", in, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm()&0o044 != 0o044 {
		t.Errorf("%s written with mode %v, want group and others allowed to read it", out, fi.Mode().Perm())
	}
}

// TestExtractImpossibleFigures: a plan stating a level of 0 for an
// indicator that grows by percentages, or a figure beyond ±1e15, is
// extracted into a plan file that validates, each marked review; both
// were refused as "the plan file written would not validate (a bug)".
func TestExtractImpossibleFigures(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "p.txt")
	os.WriteFile(in, []byte("某县国民经济和社会发展第十四个五年规划纲要\n\n第一章 发展目标\n\n第一节 主要目标\n\n到2025年,地区生产总值达到0亿元,森林覆盖率达到55%。全县人口达到99999999999999999万人。\n"), 0o644)
	out := filepath.Join(dir, "plan.yaml")
	if _, errs, code := fyp(t, "extract", in, "-o", out); code != 0 {
		t.Fatalf("extract: exit %d: %s", code, errs)
	}
	data, _ := os.ReadFile(out)
	for _, want := range []string{"path: linear", "有为零或负的水平值", "超出±1e15，未作为数字读取", "value: 55"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("plan file lacks %q:\n%s", want, data)
		}
	}
	if _, errs, code := fyp(t, "validate", out); code != 0 {
		t.Errorf("validate: exit %d: %s", code, errs)
	}
}

// TestOutFileThroughALink: with --force, a -o that is a link to the
// user's file writes that file and keeps the link (it replaced the link
// with a file of its own, deleting the user's link).
func TestOutFileThroughALink(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "p.txt")
	os.WriteFile(in, []byte(smallPlan), 0o644)
	shared := filepath.Join(dir, "shared.yaml")
	os.WriteFile(shared, []byte("old"), 0o644)
	link := filepath.Join(dir, "plan.yaml")
	if err := os.Symlink(shared, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if _, errs, code := fyp(t, "extract", in, "-o", link, "--force"); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("%s is no longer a link", link)
	}
	if b, _ := os.ReadFile(shared); !strings.Contains(string(b), "id: p\n") {
		t.Errorf("the linked file holds %q, want the plan", b)
	}
}
