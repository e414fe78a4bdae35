// Package printpdf prints SVG drawings to PDF with headless Chromium: one
// browser for a whole batch, one PDF page of exactly the drawing's size per
// drawing, the drawing's text set in a font file handed over with it.
//
// Chromium embeds only the glyphs a page uses (a subset) and writes every
// character with its Unicode value, so a PDF printed here holds Chinese,
// ★ ≥ ≈ − as text a reader can search and copy, in a file of tens of
// kilobytes rather than the megabytes of the whole font.
package printpdf

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// ErrNoBrowser says that no Chromium is installed.
var ErrNoBrowser = errors.New("printpdf: headless Chromium is not installed (Debian: apt install chromium)")

// browsers are the names Chromium is installed under, tried in order.
var browsers = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// LookPath finds Chromium: the path of the first of its usual names on the
// PATH, or ErrNoBrowser. A variable, so that tests can stand in a machine
// without it.
var LookPath = func() (string, error) {
	for _, name := range browsers {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// Page is one drawing to print.
type Page struct {
	Name string // for messages, e.g. "headline.svg"
	SVG  []byte // an SVG document whose root gives its width and height
}

// Font is the font the drawings' text is set in: a TrueType or OpenType
// file, or face Index of a collection (.ttc).
type Font struct {
	Data  []byte
	Index int
}

// Time limits: the browser's start, and each page. A batch of n pages
// takes at most startTimeout + n·pageTimeout.
const (
	startTimeout = 30 * time.Second
	pageTimeout  = 20 * time.Second
)

// MaxPages bounds a batch; fyp's largest chart set is about 40 charts.
const MaxPages = 1000

// Print prints each page to a PDF of its own, of the drawing's size, with
// the Chromium at browser (from LookPath). Every text of the drawings is
// set in font, whatever font family the SVG names, so that the print
// does not depend on the machine's fonts. It works in a temporary folder
// that it removes, and stops the browser before it returns.
func Print(ctx context.Context, browser string, font Font, pages []Page) ([][]byte, error) {
	if len(pages) == 0 {
		return nil, nil
	}
	if len(pages) > MaxPages {
		return nil, fmt.Errorf("printpdf: %d pages: at most %d in one batch", len(pages), MaxPages)
	}
	sizes := make([][2]float64, len(pages))
	for i, p := range pages {
		w, h, err := svgSize(p.SVG)
		if err != nil {
			return nil, fmt.Errorf("printpdf: %s: %w", p.Name, err)
		}
		sizes[i] = [2]float64{w, h}
	}
	face, err := faceFile(font.Data, font.Index)
	if err != nil {
		return nil, fmt.Errorf("printpdf: font: %w", err)
	}
	dir, err := os.MkdirTemp("", "fyp-printpdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "font.ttf"), face, 0o600); err != nil {
		return nil, err
	}
	host := filepath.Join(dir, "page.html")
	if err := os.WriteFile(host, []byte(hostPage), 0o600); err != nil {
		return nil, err
	}

	ctx, cancel := context.WithTimeout(ctx, startTimeout+time.Duration(len(pages))*pageTimeout)
	defer cancel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.Env("HOME="+dir),
	)
	actx, cancelA := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelA() // stops the browser and waits for it, before dir is removed
	tctx, cancelT := chromedp.NewContext(actx)
	defer cancelT()

	// The first call starts the browser. A timeout on its context would
	// stop the browser when it ends: the timer stops the batch instead.
	stop := time.AfterFunc(startTimeout, cancel)
	err = chromedp.Do(tctx)
	if !stop.Stop() {
		return nil, fmt.Errorf("printpdf: %s did not start within %v", browser, startTimeout)
	}
	if err != nil {
		return nil, fmt.Errorf("printpdf: starting %s: %w", browser, err)
	}
	if err := chromedp.Do(tctx, chromedp.Navigate("file://"+host)); err != nil {
		return nil, fmt.Errorf("printpdf: %s: opening the page: %w", browser, err)
	}
	out := make([][]byte, len(pages))
	for i, p := range pages {
		pdf, err := printPage(tctx, p, sizes[i])
		if err != nil {
			return nil, fmt.Errorf("printpdf: %s: printing %s: %w", browser, p.Name, err)
		}
		out[i] = pdf
	}
	return out, nil
}

// hostPage holds each drawing in turn: the font is loaded once, and every
// text of a drawing is set in it (!important outranks the SVG's own style
// attribute), so a family of the same name on the machine is never used.
const hostPage = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>
@font-face { font-family: "fyp print"; src: url("font.ttf"); }
html, body { margin: 0; padding: 0; background: #fff; }
svg { display: block; }
svg text { font-family: "fyp print" !important; }
</style></head><body></body></html>
`

// printPage puts the drawing in the page, waits for its font, and prints
// one page of size (width, height in inches), without margins.
func printPage(ctx context.Context, p Page, size [2]float64) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, pageTimeout)
	defer cancel()
	js, err := json.Marshal(svgElement(p.SVG))
	if err != nil {
		return nil, err
	}
	// The font is loaded when text first asks for it: wait for it, and
	// refuse a print in a fallback font.
	status, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`document.body.innerHTML = `+string(js)+`;
		document.fonts.ready.then(() => [...document.fonts].map(f => f.status).join(" "))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, err
	}
	if status != "loaded" {
		return nil, fmt.Errorf("the browser could not load the font (font status %q)", status)
	}
	return chromedp.Run(ctx, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperSize{Width: size[0], Height: size[1]}),
		chromedp.PDFMargin(0),
		chromedp.PDFPrintBackground(),
		chromedp.PDFPageRanges("1"),
	))
}

// svgElement is the SVG document from its root element on (no XML
// declaration or comment before it).
func svgElement(svg []byte) string {
	s := string(svg)
	if i := strings.Index(s, "<svg"); i > 0 {
		s = s[i:]
	}
	return s
}
