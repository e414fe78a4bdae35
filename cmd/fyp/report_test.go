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

// TestSimNote: the probability annex names scenarios and indicators as the
// report does, and a Chinese report says the model's growth-floor warning
// in Chinese (before: "注意 [plan] fdi: 23 of 150000 draw-years …").
func TestSimNote(t *testing.T) {
	titles := map[string]string{"plan": "规划路径"}
	names := map[string]string{"fdi": "实际利用外资", "water": "水质优良比例"}
	for _, c := range []struct{ in, lang, want string }{
		{"注意 [plan] fdi: 23 of 150000 draw-years (0.015 %) drew a yearly growth of −99 % or less (at −100 % the level would vanish or turn negative) and are held at −99 %; unless …", "zh",
			"注意［规划路径］实际利用外资：150000个抽样年中有23个（0.015%）年增速抽到−99%或更低（到−100%水平将归零或为负），按−99%截断；该比例不小时说明增速冲击的标准差过大，低分位数受这一下限影响。"},
		{"注意 [plan] water: 基期值处于其取值边界，未建模", "zh", "注意［规划路径］水质优良比例：基期值处于其取值边界，未建模"},
		{"[plan] 10000 次抽样，种子 1。", "zh", "［规划路径］10000 次抽样，种子 1。"},
		{"Warning [plan] fdi: 23 of 150000 draw-years (0.015 %) drew …", "en", "Warning [The plan's path] FDI: 23 of 150000 draw-years (0.015 %) drew …"},
	} {
		tt, nn := titles, names
		if c.lang == "en" {
			tt, nn = map[string]string{"plan": "The plan's path"}, map[string]string{"fdi": "FDI"}
		}
		if got := simNote(c.in, tt, nn, c.lang); got != c.want {
			t.Errorf("simNote(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}
