package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

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
