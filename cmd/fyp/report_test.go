package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"fyp/model"
	"fyp/report"
)

// The tests leave report.pdf out of the bundles they write: printing takes
// Chromium seconds; TestReportPDF asks for it.
func init() { pdfByDefault = false }

// TestReportPDF: fyp report --pdf writes report.pdf when Chromium or
// LibreOffice is installed, and says how to make one when neither is.
func TestReportPDF(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("-short: printing takes seconds")
	}
	dir := filepath.Join(t.TempDir(), "out")
	_, errs, code := fyp(t, "report", "--observed", "testdata/observed-example.csv", "--as-of", "2023", "--pdf", "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "report.pdf"))
	if tool, _ := report.PDFTool(); tool == "" {
		if err == nil || !strings.Contains(errs, "未生成 report.pdf") {
			t.Errorf("no PDF tool: want no report.pdf and a note; stderr %q", errs)
		}
		t.Skip("neither Chromium nor LibreOffice is installed: checked the note only")
	}
	if err != nil {
		t.Fatalf("report.pdf missing: %v; stderr %s", err, errs)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Error("report.pdf is not a PDF")
	}
	if pages := len(regexp.MustCompile(`/Type\s*/Page\b`).FindAll(pdf, -1)); pages < 5 {
		t.Errorf("report.pdf has %d pages, want the whole report", pages)
	}
}

// BenchmarkReportWriters times laying out the report and writing each of
// its files (charts drawn once, outside the timing): the report's share of
// `fyp run` and `fyp report`.
func BenchmarkReportWriters(b *testing.B) {
	o := &options{plan: "jiangjin-14", lang: "zh", stdout: io.Discard, stderr: io.Discard}
	p, err := o.loadPlan()
	if err != nil {
		b.Fatal(err)
	}
	in, err := buildReport(o, p, &reviewFlags{observed: "testdata/observed-example.csv", asOf: 2023, th: model.DefaultReviewThresholds(), scope: "main"})
	if err != nil {
		b.Fatal(err)
	}
	for _, w := range []struct {
		name  string
		write func(io.Writer, *report.Document) error
	}{{"layout", nil}, {"html", report.WriteHTML}, {"markdown", report.WriteMarkdown}, {"docx", report.WriteDOCX}, {"xlsx", report.WriteXLSX}} {
		b.Run(w.name, func(b *testing.B) {
			doc := reportDocument(in)
			for b.Loop() {
				if w.write == nil {
					reportDocument(in)
					continue
				}
				if err := w.write(io.Discard, doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// observedWorkbook writes the example's figures as a workbook whose sources
// name a bulletin (not "synthetic"), with comment in cell A1 when it is
// not "".
func observedWorkbook(t *testing.T, comment string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/observed-example.csv")
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	r := 1
	if comment != "" {
		if err := f.SetCellStr(sh, "A1", comment); err != nil {
			t.Fatal(err)
		}
		r++
	}
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = strings.ReplaceAll(line, ",synthetic", ",2023年统计公报")
		var row []any
		for _, c := range strings.Split(strings.ReplaceAll(line, `"`, ""), ",") {
			row = append(row, c)
		}
		ref, _ := excelize.CoordinatesToCellName(1, r)
		if err := f.SetSheetRow(sh, ref, &row); err != nil {
			t.Fatal(err)
		}
		r++
	}
	path := filepath.Join(t.TempDir(), "observed.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestReportSyntheticXLSX: a workbook marked synthetic ("# 示例数据 …" in
// cell A1, before the header, as a CSV comment line) stamps every page of
// the report and every chart; the same figures unmarked stamp none (before,
// the comment row was read as the header: exit 2).
func TestReportSyntheticXLSX(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("-short: writes two bundles")
	}
	bundle := func(comment string) string {
		dir := filepath.Join(t.TempDir(), "out")
		if _, errs, code := fyp(t, "report", "--observed", observedWorkbook(t, comment), "--as-of", "2023", "--out", dir); code != 0 {
			t.Fatalf("comment %q: exit %d: %s", comment, code, errs)
		}
		return dir
	}
	marked, plain := bundle("# 示例数据：以下数字均为虚构"), bundle("")
	mark := report.SyntheticMark("zh")
	for _, c := range []struct {
		dir  string
		want bool
	}{{marked, true}, {plain, false}} {
		html, _ := os.ReadFile(filepath.Join(c.dir, "index.html"))
		md, _ := os.ReadFile(filepath.Join(c.dir, "report.md"))
		docx, err := zip.OpenReader(filepath.Join(c.dir, "report.docx"))
		if err != nil {
			t.Fatal(err)
		}
		header := ""
		for _, f := range docx.File {
			if strings.HasPrefix(f.Name, "word/header") {
				rc, _ := f.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				header += string(b)
			}
		}
		docx.Close()
		tables, err := excelize.OpenFile(filepath.Join(c.dir, "fyp-tables.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		a1, _ := tables.GetCellValue(tables.GetSheetList()[0], "A1")
		tables.Close()
		for what, got := range map[string]bool{
			"index.html banner":    bytes.Contains(html, []byte(`<div class="synthetic">`+mark)),
			"report.md first line": bytes.HasPrefix(md, []byte("> **"+mark)),
			"report.docx header":   strings.Contains(header, mark),
			"fyp-tables.xlsx A1":   strings.HasPrefix(a1, mark),
		} {
			if got != c.want {
				t.Errorf("%s: %s says %s: %v, want %v", filepath.Base(filepath.Dir(c.dir)), what, mark, got, c.want)
			}
		}
	}
	// Every chart carries the stamp: the same chart drawn from the same
	// figures differs once they are marked.
	charts, _ := filepath.Glob(filepath.Join(plain, "charts", "*.png"))
	if len(charts) == 0 {
		t.Fatal("no charts")
	}
	for _, p := range charts {
		a, _ := os.ReadFile(p)
		b, err := os.ReadFile(filepath.Join(marked, "charts", filepath.Base(p)))
		if err != nil || bytes.Equal(a, b) {
			t.Errorf("charts/%s: not stamped in the marked bundle (err %v)", filepath.Base(p), err)
		}
	}
}
