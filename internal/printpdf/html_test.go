package printpdf

import (
	"bytes"
	"context"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyp/charts"
)

// withoutFonts makes the browsers this test starts see no font of the
// machine (fontconfig reads an empty folder): what they print in
// Chinese comes from the font handed over, or not at all.
func withoutFonts(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	conf := filepath.Join(dir, "fonts.conf")
	xml := `<?xml version="1.0"?><fontconfig><dir>` + filepath.Join(dir, "none") + `</dir><cachedir>` + filepath.Join(dir, "cache") + `</cachedir></fontconfig>`
	if err := os.WriteFile(conf, []byte(xml), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("FONTCONFIG_FILE", conf)
}

// pdfPages is the text of each page of pdf (pdftotext), or nil without
// poppler.
func pdfPages(t *testing.T, pdf []byte) []string {
	t.Helper()
	p, err := exec.LookPath("pdftotext")
	if err != nil {
		return nil
	}
	cmd := exec.Command(p, "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
}

// testHTML is a document of two A4 pages (a forced break), with its own
// @page margins, a mark in the top margin box naming a font the machine
// lacks, a coloured background and an image.
func testHTML(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	img.Set(1, 1, color.Black)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return []byte(`<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>测试</title><style>
@page{size:A4;margin:20mm 15mm;@top-right{content:"示例数据";font-family:"No Such Font";color:#c00}}
body{font-family:"No Such Font",serif} .p2{break-before:page} .bg{background:#dde}
</style></head><body><h2>一、总体评价</h2><p class="bg">目标 ★ ≥ 第一页</p>
<img alt="图" src="data:image/png;base64,` + base64.StdEncoding.EncodeToString(b.Bytes()) + `">
<p class="p2">第二页 ≈ −</p></body></html>`)
}

// An HTML document prints on A4 pages in the font handed over, on a
// machine without fonts, the top margin's mark included, and the same
// browser then prints a drawing on a page of the drawing's size.
func TestPrintHTML(t *testing.T) {
	br := browser(t)
	withoutFonts(t)
	t.Setenv("TMPDIR", t.TempDir())
	p := Start(context.Background(), br, Font{Data: charts.EmbeddedFontFile()})
	defer p.Close()
	pdf, err := p.PrintHTML("test.html", testHTML(t))
	if err != nil {
		t.Fatal(err)
	}
	boxes := regexp.MustCompile(`/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]`).FindAllSubmatch(pdf, -1)
	if len(boxes) != 2 {
		t.Fatalf("%d pages, want 2", len(boxes))
	}
	for _, box := range boxes {
		w, _ := strconv.ParseFloat(string(box[1]), 64)
		h, _ := strconv.ParseFloat(string(box[2]), 64)
		if abs(w-595.3) > 2 || abs(h-841.9) > 2 {
			t.Errorf("page %.1f × %.1f pt, want A4 (595.3 × 841.9)", w, h)
		}
	}
	for _, f := range regexp.MustCompile(`/BaseFont\s*/([A-Z]{6}\+)?([^\s/]+)`).FindAllSubmatch(pdf, -1) {
		if !strings.HasPrefix(string(f[2]), "NotoSansCJK") {
			t.Errorf("font %s in the PDF: the machine's fonts were hidden, the one handed over should be used", f[2])
		}
	}
	hasText(t, pdf, "一、总体评价")
	hasText(t, pdf, "目标 ★ ≥ 第一页")
	hasText(t, pdf, "第二页 ≈ −")
	if pages := pdfPages(t, pdf); pages != nil {
		for i, pg := range pages {
			if !strings.Contains(pg, "示例数据") {
				t.Errorf("page %d: no mark in its top margin: %q", i+1, pg)
			}
		}
	}
	if !bytes.Contains(pdf, []byte("/Image")) {
		t.Error("the image is not printed")
	}

	svg := `<svg xmlns="http://www.w3.org/2000/svg" width="3in" height="1in"><text x="5" y="20">图表 ≥</text></svg>`
	pdfs, err := p.Print([]Page{{Name: "a.svg", SVG: []byte(svg)}})
	if err != nil {
		t.Fatal(err)
	}
	box := regexp.MustCompile(`/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]`).FindAllSubmatch(pdfs[0], -1)
	if len(box) != 1 || string(box[0][1]) != "216" {
		t.Errorf("the drawing after a document: MediaBox %q, want one page 216 pt wide", box)
	}
	hasText(t, pdfs[0], "图表 ≥")
	if pages := pdfPages(t, pdfs[0]); pages != nil && strings.Contains(pages[0], "示例数据") {
		t.Errorf("the drawing's page keeps the document's margin mark: %q", pages[0])
	}
}

// A document too large is refused before any browser starts; a browser
// that does not start is one line of error.
func TestPrintHTMLErrors(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	font := Font{Data: charts.EmbeddedFontFile()}
	_, err := PrintHTML(context.Background(), "/nonexistent/chromium", font, "big.html", make([]byte, MaxDocument+1))
	if err == nil || !strings.Contains(err.Error(), "big.html") || !strings.Contains(err.Error(), "at most") {
		t.Errorf("a document too large: %v, want an error naming it and the limit", err)
	}
	_, err = PrintHTML(context.Background(), "/nonexistent/chromium", font, "a.html", []byte("<p>x"))
	if err == nil || !strings.Contains(err.Error(), "starting /nonexistent/chromium") || strings.Contains(err.Error(), "\n") {
		t.Errorf("a missing browser: %q, want one line saying it did not start", err)
	}
	if left, _ := filepath.Glob(filepath.Join(os.TempDir(), "fyp-printpdf-*")); len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
}
