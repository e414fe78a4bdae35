package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"fyp/internal/printpdf"
)

// ErrNoPDFTool says that neither headless Chromium nor LibreOffice is
// installed, so no PDF is written.
var ErrNoPDFTool = errors.New("report.pdf not written: neither headless Chromium (chromium) nor LibreOffice (soffice) is installed; print index.html from a browser or open report.docx in Word or WPS and save as PDF")

// findBrowser and findOffice find Chromium (under the names printpdf
// knows) and LibreOffice: variables, so that tests can stand in a machine
// without them.
var (
	findBrowser = printpdf.LookPath
	findOffice  = func() (string, error) {
		for _, c := range []string{"soffice", "libreoffice"} {
			if p, err := exec.LookPath(c); err == nil {
				return p, nil
			}
		}
		return "", exec.ErrNotFound
	}
)

// PDFTool is the program PDF uses: Chromium (printing the HTML) when
// installed, else LibreOffice (converting the Word file); "" when neither.
func PDFTool() (name, path string) {
	if p, err := findBrowser(); err == nil {
		return "chromium", p
	}
	if p, err := findOffice(); err == nil {
		return "libreoffice", p
	}
	return "", ""
}

// officeTimeout bounds LibreOffice (printpdf bounds Chromium's steps).
const officeTimeout = 90 * time.Second

// PDF prints the report: headless Chromium prints d's HTML page (A4, the
// page's own margins) through printpdf, every text set in font (a font
// file handed to the browser, so that a machine without Chinese fonts
// still shows Chinese; nil for the machine's fonts), else LibreOffice
// converts d's Word file in a temporary folder it removes. StartPDF
// starts Chromium before d is laid out.
func PDF(ctx context.Context, d *Document, font []byte) ([]byte, error) {
	p := StartPDF(ctx, font)
	defer p.Close()
	return p.Print(d)
}

// Printer prints report.pdf with the program PDFTool finds.
type Printer struct {
	ctx    context.Context // bounds LibreOffice (Chromium holds its own)
	tool   string          // PDFTool's name: "chromium", "libreoffice" or ""
	path   string
	chrome *printpdf.Printer // started when tool is Chromium, else nil
}

// StartPDF finds the program PDF uses and, when it is Chromium, starts
// it and loads font in the background, so that the browser (about 1.5 s
// for the embedded CJK font) starts while the caller computes the report;
// Print hands it the page. LibreOffice starts in Print: it converts the
// Word file, not known before. ctx bounds the program's life; Close must
// be called, and stops a browser still starting.
func StartPDF(ctx context.Context, font []byte) *Printer {
	p := &Printer{ctx: ctx}
	p.tool, p.path = PDFTool()
	if p.tool == "chromium" {
		p.chrome = printpdf.Start(ctx, p.path, printpdf.Font{Data: font})
	}
	return p
}

// Print prints d to PDF (see PDF); ErrNoPDFTool when no program was found.
func (p *Printer) Print(d *Document) ([]byte, error) {
	switch p.tool {
	case "":
		return nil, ErrNoPDFTool
	case "chromium":
		var page bytes.Buffer
		if err := WriteHTML(&page, d); err != nil {
			return nil, err
		}
		return p.chrome.PrintHTML("report.html", page.Bytes())
	}
	return convertDOCX(p.ctx, p.path, d)
}

// Close stops the browser, if one was started, and removes its temporary
// folder.
func (p *Printer) Close() {
	if p.chrome != nil {
		p.chrome.Close()
	}
}

// convertDOCX has LibreOffice (at path) convert d's Word file to PDF.
func convertDOCX(ctx context.Context, path string, d *Document) ([]byte, error) {
	dir, err := os.MkdirTemp("", "fyp-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	ctx, cancel := context.WithTimeout(ctx, officeTimeout)
	defer cancel()
	var doc bytes.Buffer
	if err := WriteDOCX(&doc, d); err != nil {
		return nil, err
	}
	in := filepath.Join(dir, "report.docx")
	if err := os.WriteFile(in, doc.Bytes(), 0o600); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, path, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, in)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("report: libreoffice: %w: %s", err, strings.TrimSpace(lastLine(stderr.String())))
	}
	out, err := os.ReadFile(filepath.Join(dir, "report.pdf"))
	if err != nil {
		return nil, fmt.Errorf("report: libreoffice wrote no PDF: %s", strings.TrimSpace(lastLine(stderr.String())))
	}
	if !bytes.HasPrefix(out, []byte("%PDF")) {
		return nil, errors.New("report: libreoffice wrote something that is not a PDF")
	}
	return out, nil
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}
