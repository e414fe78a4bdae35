package report

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyp/internal/printpdf"
)

// lookups stands in a machine with Chromium at browser and LibreOffice
// at office ("": not installed) for the rest of the test.
func lookups(t *testing.T, browser, office string) {
	t.Helper()
	fb, fo := findBrowser, findOffice
	t.Cleanup(func() { findBrowser, findOffice = fb, fo })
	find := func(p string, none error) func() (string, error) {
		return func() (string, error) {
			if p == "" {
				return "", none
			}
			return p, nil
		}
	}
	findBrowser, findOffice = find(browser, printpdf.ErrNoBrowser), find(office, exec.ErrNotFound)
}

// TestPDFTool: Chromium is preferred, found under printpdf's names;
// LibreOffice serves without it; with neither, PDF says so (the command
// prints the note and writes the rest).
func TestPDFTool(t *testing.T) {
	for _, c := range []struct{ browser, office, tool, path string }{
		{"/usr/bin/chromium", "/usr/bin/soffice", "chromium", "/usr/bin/chromium"},
		{"", "/usr/bin/soffice", "libreoffice", "/usr/bin/soffice"},
		{"", "", "", ""},
	} {
		lookups(t, c.browser, c.office)
		if tool, path := PDFTool(); tool != c.tool || path != c.path {
			t.Errorf("browser %q, office %q: PDFTool = %q %q, want %q %q", c.browser, c.office, tool, path, c.tool, c.path)
		}
	}
	_, err := PDF(context.Background(), testDocument(t, "zh"), nil)
	if !errors.Is(err, ErrNoPDFTool) {
		t.Errorf("PDF error = %v, want ErrNoPDFTool", err)
	}
}

// TestPDFWithoutTools: the same on a PATH without either program.
func TestPDFWithoutTools(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if tool, _ := PDFTool(); tool != "" {
		t.Fatalf("PDFTool = %q with an empty PATH", tool)
	}
}

// TestPDFChromium: on a machine without any font (fontconfig pointed at
// an empty folder), Chromium prints the report in the font handed over:
// Chinese text on every page, the 示例数据 mark in every page's top margin
// (before, printed by the chromium command with the font as a file named
// by @font-face, such a machine got a PDF without any text).
func TestPDFChromium(t *testing.T) {
	if _, err := printpdf.LookPath(); err != nil {
		t.Skip("no Chromium installed:", err)
	}
	if testing.Short() {
		t.Skip("-short: Chromium takes seconds")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed: the PDF's text cannot be read here")
	}
	font, err := os.ReadFile(filepath.Join("..", "charts", "fonts", "NotoSansCJKsc-Regular-subset.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	conf := filepath.Join(dir, "fonts.conf")
	xml := `<?xml version="1.0"?><fontconfig><dir>` + filepath.Join(dir, "none") + `</dir><cachedir>` + filepath.Join(dir, "cache") + `</cachedir></fontconfig>`
	if err := os.WriteFile(conf, []byte(xml), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("FONTCONFIG_FILE", conf)
	d := testDocument(t, "zh")
	d.Synthetic = true
	pdf, err := PDF(context.Background(), d, font)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range regexp.MustCompile(`/BaseFont\s*/([A-Z]{6}\+)?([^\s/]+)`).FindAllSubmatch(pdf, -1) {
		if !strings.HasPrefix(string(f[2]), "NotoSansCJK") {
			t.Errorf("font %s in the PDF: want only the font handed over", f[2])
		}
	}
	cmd := exec.Command(pdftotext, "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
	if len(pages) < 2 {
		t.Fatalf("%d pages, want the whole report", len(pages))
	}
	for i, pg := range pages {
		if !strings.Contains(pg, SyntheticMark("zh")) {
			t.Errorf("page %d: no %q in its top margin", i+1, SyntheticMark("zh"))
		}
	}
	if !strings.Contains(string(out), d.Title) {
		t.Errorf("the title %q is not text of the PDF", d.Title)
	}
}

// TestPDFLibreOffice: without Chromium, LibreOffice converts the Word
// file, and the PDF holds the report's text.
func TestPDFLibreOffice(t *testing.T) {
	office, err := findOffice()
	if err != nil {
		t.Skip("LibreOffice is not installed")
	}
	if testing.Short() {
		t.Skip("-short: LibreOffice takes seconds")
	}
	lookups(t, "", office)
	t.Setenv("TMPDIR", t.TempDir())
	d := testDocument(t, "zh")
	pdf, err := PDF(context.Background(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatal("not a PDF")
	}
	if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
		cmd := exec.Command(pdftotext, "-", "-")
		cmd.Stdin = bytes.NewReader(pdf)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		if !strings.Contains(string(out), d.Title) {
			t.Errorf("the title %q is not text of the PDF", d.Title)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(os.TempDir(), "fyp-pdf-*")); len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
}

// printHTML is d's page as TestHTMLScreenshot renders it: with fontURL (a
// font file) named first for every text, so that the screenshot does not
// depend on the machine's fonts.
func printHTML(d *Document, fontURL string) ([]byte, error) {
	var page bytes.Buffer
	if err := WriteHTML(&page, d); err != nil {
		return nil, err
	}
	if fontURL == "" {
		return page.Bytes(), nil
	}
	face := `<style>@font-face{font-family:"fyp CJK";src:url("` + fontURL + `")}body,table,h2,h3{font-family:"fyp CJK",sans-serif !important}</style></head>`
	return bytes.Replace(page.Bytes(), []byte("</head>"), []byte(face), 1), nil
}
