package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"fyp/document"
)

// A small plan in text: a main table flattened one cell a line, a chapter
// sentence and a vision goal.
const smallPlan = `某某区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要

第一章 发展目标

第一节 主要目标

二〇三五年远景目标。展望二〇三五年,人均地区生产总值在2020年基础上再翻一番;基本实现社会主义现代化。

专栏 某某区“十四五”规划主要指标

序号

指标名称

2020年

2025年

属性

1

地区生产总值年均增速(%)

5.9

6以上

预期性

2

森林覆盖率(%)

50.1

52

约束性

3

月球基地数量(个)

1

3

预期性

第二章 产业

第一节 工业

到2025年,规模以上工业企业达600家。
`

func TestExtractCommand(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "plan.txt")
	os.WriteFile(in, []byte(smallPlan), 0o644)
	out := filepath.Join(dir, "plan.yaml")

	_, stderr, code := fyp(t, "extract", in, "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"3 行", "需核对", "已写入 " + out} {
		if !strings.Contains(stderr, want) {
			t.Errorf("summary %q lacks %q", stderr, want)
		}
	}
	data, _ := os.ReadFile(out)
	for _, want := range []string{"id: plan\n", "id: gdp", "kind: growth, value: 6, bound: min", "id: forest_coverage", "attribute: binding",
		"id: row_3", "review: 名称不在词表中，", "id: industrial_enterprises_above_size", "kind: multiple, value: 2", "section: 第一章第一节"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("plan file lacks %q:\n%s", want, data)
		}
	}
	// The file validates and runs.
	stdout, stderr, code := fyp(t, "validate", out)
	if code != 0 {
		t.Fatalf("validate: exit %d: %s%s", code, stdout, stderr)
	}
	// …and says how many items are left to check, in the user's language.
	marks := strings.Count(string(data), "review: ")
	if want := fmt.Sprintf("：通过，但仍有 %d 项标有 review 待核对", marks); marks == 0 || !strings.Contains(stdout, want) {
		t.Errorf("validate = %q, want %q (%d review marks in the file)", stdout, want, marks)
	}
	if stdout, _, _ := fyp(t, "validate", "--lang", "en", out); !strings.Contains(stdout, fmt.Sprintf(": ok, but %d items are still marked review", marks)) {
		t.Errorf("validate --lang en = %q, want the count of %d review marks", stdout, marks)
	}
	clean := filepath.Join(dir, "clean.yaml")
	os.WriteFile(clean, regexp.MustCompile(`(?m)^\s*review: .*\n|, review: [^}]*`).ReplaceAll(data, nil), 0o644)
	if stdout, stderr, code := fyp(t, "validate", clean); code != 0 || stdout != clean+"：通过\n" {
		t.Errorf("validate without review marks: exit %d, %q%s; want a bare ok", code, stdout, stderr)
	}
	if _, stderr, code := fyp(t, "targets", "--plan", out); code != 0 {
		t.Fatalf("targets --plan: exit %d: %s", code, stderr)
	}

	// Never overwrite without --force.
	os.WriteFile(out, []byte("mine"), 0o644)
	if _, stderr, code := fyp(t, "extract", in, "-o", out); code != 2 || !strings.Contains(stderr, "--force") {
		t.Errorf("existing -o: exit %d, %q; want 2 naming --force", code, stderr)
	}
	if b, _ := os.ReadFile(out); string(b) != "mine" {
		t.Error("existing -o file was changed")
	}
	if _, stderr, code := fyp(t, "extract", in, "-o", out, "--force"); code != 0 {
		t.Errorf("--force: exit %d: %s", code, stderr)
	}
	// The summary in English.
	if _, stderr, code := fyp(t, "extract", in, "--lang", "en"); code != 0 || !strings.Contains(stderr, "3 main-table rows") || !strings.Contains(stderr, "to review") {
		t.Errorf("--lang en: exit %d, summary %q", code, stderr)
	}
	// To standard output without -o.
	if stdout, _, code := fyp(t, "extract", in, "--id", "mine-14"); code != 0 || !strings.HasPrefix(stdout, "# Extracted by fyp extract") || !strings.Contains(stdout, "id: mine-14") {
		t.Errorf("stdout: exit %d:\n%s", code, stdout)
	}
}

func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o644)
		return p
	}
	var corrupt bytes.Buffer
	zw := zip.NewWriter(&corrupt)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte("<w:document><w:body><w:p>"))
	zw.Close()
	big := write("big.txt", nil)
	if err := os.Truncate(big, 50<<20+1); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, path, want string
		args             []string
	}{
		{"not a plan", write("letter.txt", []byte("尊敬的各位领导:\n\n今天天气很好。\n")), "not a plan", nil},
		{"empty", write("empty.txt", nil), "empty", nil},
		{"binary", write("a.bin", []byte("\x7fELF\x00\x00\x01\x02")), "not a text", nil},
		{"corrupt docx", write("bad.docx", corrupt.Bytes()), "corrupt", nil},
		{"truncated docx", write("cut.docx", []byte("PK\x03\x04garbage")), "corrupt", nil},
		{"encrypted docx", write("secret.docx", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 64)...)), "encrypted", nil},
		{"too large", big, "too large", nil},
		{"folder", dir, "folder", nil},
		{"missing", filepath.Join(dir, "absent.txt"), "not exist", nil},
		{"bad id", write("p.txt", []byte(smallPlan)), "--id", []string{"--id", "Bad ID"}},
		{"bad years", write("q.txt", []byte(smallPlan)), "--target-year", []string{"--base-year", "2025", "--target-year", "2020"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, "out-"+strings.ReplaceAll(tc.name, " ", "-")+".yaml")
			// English wording: see TestMessagesInBothLanguages for the Chinese.
			args := append([]string{"extract", tc.path, "-o", out, "--lang", "en"}, tc.args...)
			stdout, stderr, code := fyp(t, args...)
			if code != 2 {
				t.Errorf("exit %d, want 2; stderr %q", code, stderr)
			}
			if !strings.Contains(stderr, tc.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Errorf("stderr %q: want one line containing %q", stderr, tc.want)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a file was written")
			}
		})
	}
}

// The README's walk-through shows today's output: its summary lines are
// those fyp extract prints for the plan's published text (skipped when the
// text, kept in shared/seeds above the repository, is absent).
func TestExtractReadmeWalkthrough(t *testing.T) {
	var text string
	for dir, _ := os.Getwd(); ; {
		p := filepath.Join(dir, "shared", "seeds", "000_c0dc96b9baef37ce.txt")
		if _, err := os.Stat(p); err == nil {
			text = p
			break
		}
		if filepath.Dir(dir) == dir {
			t.Skip("skipped: the plan's text shared/seeds/000_c0dc96b9baef37ce.txt is not in a folder above the repository")
		}
		dir = filepath.Dir(dir)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "江津区十四五规划纲要.txt")
	data, _ := os.ReadFile(text)
	os.WriteFile(in, data, 0o644)
	out := filepath.Join(dir, "plan.yaml")
	_, stderr, code := fyp(t, "extract", in, "-o", out, "--id", "jiangjin-new")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	stderr = strings.ReplaceAll(stderr, dir+string(filepath.Separator), "")
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if !strings.Contains(string(readme), l+"\n") {
			t.Errorf("README lacks the line %q", l)
		}
	}
	// …and fyp validate's answer on both files it wrote.
	stdout, stderr, code := fyp(t, "validate", out, filepath.Join(dir, "jiangjin-new-previous.yaml"))
	if code != 0 {
		t.Fatalf("validate: exit %d: %s", code, stderr)
	}
	for _, l := range strings.Split(strings.TrimSpace(strings.ReplaceAll(stdout, dir+string(filepath.Separator), "")), "\n") {
		if !strings.Contains(string(readme), l+"\n") {
			t.Errorf("README lacks the line %q", l)
		}
	}
	plan, _ := os.ReadFile(out)
	k := strings.Index(string(plan), "    \"no\": 13\n")
	if k < 0 {
		t.Fatal("no row 13")
	}
	row := string(plan[k:])
	row = row[:strings.Index(row, "    quote:")]
	if !strings.Contains(string(readme), row) {
		t.Errorf("README lacks row 13 as written today:\n%s", row)
	}
}

// PDF goes through pdftotext: a scan (no text layer) and a machine without
// poppler-utils both exit 2 with one line saying what to do. A shell script
// stands in for pdftotext, so the test needs no poppler.
func TestExtractPDF(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in for pdftotext is a shell script")
	}
	dir := t.TempDir()
	scan := filepath.Join(dir, "pdftotext")
	os.WriteFile(scan, []byte("#!/bin/sh\nprintf '\\f\\f'\n"), 0o755)
	in := filepath.Join(dir, "scan.pdf")
	os.WriteFile(in, []byte("%PDF-1.4 scanned pages"), 0o644)
	defer func(p string) { document.Pdftotext = p }(document.Pdftotext)
	for _, tc := range []struct{ prog, lang, want string }{
		{scan, "en", "no text layer"},
		{scan, "zh", "没有文字层（是扫描件？）：请先做文字识别（OCR）"},
		{filepath.Join(dir, "absent"), "en", "not installed: apt-get install poppler-utils"},
		{filepath.Join(dir, "absent"), "zh", "没有安装：apt-get install poppler-utils"},
	} {
		document.Pdftotext = tc.prog
		out := filepath.Join(dir, "plan.yaml")
		_, stderr, code := fyp(t, "extract", in, "-o", out, "--lang", tc.lang)
		if code != 2 || !strings.Contains(stderr, tc.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("exit %d, %q; want 2 and one line with %q", code, stderr, tc.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Error("a file was written")
		}
	}
}
