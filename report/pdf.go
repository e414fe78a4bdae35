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
)

// ErrNoPDFTool says that neither headless Chromium nor LibreOffice is
// installed, so no PDF is written.
var ErrNoPDFTool = errors.New("report.pdf not written: neither headless Chromium (chromium) nor LibreOffice (soffice) is installed; print index.html from a browser or open report.docx in Word or WPS and save as PDF")

// PDFTool is the program PDF uses: Chromium (printing the HTML) when
// installed, else LibreOffice (converting the Word file); "" when neither.
func PDFTool() (name, path string) {
	for _, c := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(c); err == nil {
			return "chromium", p
		}
	}
	for _, c := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(c); err == nil {
			return "libreoffice", p
		}
	}
	return "", ""
}

// pdfTimeout bounds the outside program.
const pdfTimeout = 90 * time.Second

// PDF prints the report: Chromium prints d's HTML page (A4, with font, a
// CJK font file, named by @font-face so that a machine without Chinese
// fonts still shows Chinese; nil for the system's fonts), else LibreOffice
// converts d's Word file. It works in a temporary folder it removes.
func PDF(ctx context.Context, d *Document, font []byte) ([]byte, error) {
	tool, path := PDFTool()
	if tool == "" {
		return nil, ErrNoPDFTool
	}
	dir, err := os.MkdirTemp("", "fyp-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	ctx, cancel := context.WithTimeout(ctx, pdfTimeout)
	defer cancel()
	var cmd *exec.Cmd
	switch tool {
	case "chromium":
		url := ""
		if font != nil {
			if err := os.WriteFile(filepath.Join(dir, "cjk.ttf"), font, 0o600); err != nil {
				return nil, err
			}
			url = "cjk.ttf"
		}
		html, err := printHTML(d, url)
		if err != nil {
			return nil, err
		}
		in := filepath.Join(dir, "report.html")
		if err := os.WriteFile(in, html, 0o600); err != nil {
			return nil, err
		}
		cmd = exec.CommandContext(ctx, path, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
			"--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+filepath.Join(dir, "report.pdf"), "file://"+in)
	case "libreoffice":
		var doc bytes.Buffer
		if err := WriteDOCX(&doc, d); err != nil {
			return nil, err
		}
		in := filepath.Join(dir, "report.docx")
		if err := os.WriteFile(in, doc.Bytes(), 0o600); err != nil {
			return nil, err
		}
		cmd = exec.CommandContext(ctx, path, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
			"--convert-to", "pdf", "--outdir", dir, in)
	}
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("report: %s: %w: %s", tool, err, strings.TrimSpace(lastLine(stderr.String())))
	}
	out, err := os.ReadFile(filepath.Join(dir, "report.pdf"))
	if err != nil {
		return nil, fmt.Errorf("report: %s wrote no PDF: %s", tool, strings.TrimSpace(lastLine(stderr.String())))
	}
	if !bytes.HasPrefix(out, []byte("%PDF")) {
		return nil, fmt.Errorf("report: %s wrote something that is not a PDF", tool)
	}
	return out, nil
}

// printHTML is d's page for printing: with fontURL (a font file beside
// the page) named first for every text, so that the print does not depend
// on the machine's fonts.
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

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}
