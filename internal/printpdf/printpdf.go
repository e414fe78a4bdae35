// Package printpdf prints SVG drawings and HTML documents to PDF with
// headless Chromium: one browser for a whole batch, one PDF page of the
// drawing's size per drawing (Chromium rounds the paper up, by less than
// 1 pt), a document on A4 pages (PrintHTML: fyp's report.pdf), the text
// set in a font file handed over with it.
//
// Chromium embeds only the glyphs a page uses (a subset) and writes every
// character with its Unicode value, so a PDF printed here holds Chinese,
// ★ ≥ ≈ − as text a reader can search and copy, in a file of tens of
// kilobytes rather than the megabytes of the whole font.
package printpdf

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
)

// ErrNoBrowser says that no Chromium is installed.
var ErrNoBrowser = errors.New("printpdf: headless Chromium is not installed (Debian: apt install chromium)")

// browsers are the names Chromium is installed under, tried in order.
var browsers = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// LookPath finds Chromium: the path of the first of its usual names on the
// PATH, or ErrNoBrowser. Every PDF fyp prints through Chromium finds it
// here (report.PDFTool too). A variable, so that tests can stand in a machine
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
// file, or face Index of a collection (.ttc). A Font without Data leaves
// the text to the machine's fonts.
type Font struct {
	Data  []byte
	Index int
}

// Time limits: the browser's start, the font's load (a --font file may
// be 64 MB), and each page.
const (
	startTimeout = 30 * time.Second
	fontTimeout  = 60 * time.Second
	pageTimeout  = 20 * time.Second
)

// MaxPages bounds a batch; fyp's largest chart set is about 40 charts.
const MaxPages = 1000

// Printer is a headless Chromium that prints drawings and documents:
// Start it, Print or PrintHTML with it (from one goroutine at a time: it
// prints in one tab), Close it.
type Printer struct {
	browser string
	ready   chan struct{} // closed once the start is over; then err is set
	err     error
	tab     context.Context
	html    bool   // the tab holds an HTML document (PrintHTML), not the drawings' page
	font    bool   // a font was handed over (else the machine's fonts)
	stop    func() // stops the browser, waits for it and removes dir
	once    sync.Once
}

// live are the Printers started and not yet closed, for CloseAll.
var live struct {
	sync.Mutex
	printers map[*Printer]bool
	closed   bool
}

// errClosed is the error of a Printer started after CloseAll.
var errClosed = errors.New("printpdf: interrupted")

// CloseAll closes every Printer not yet closed (stops its browser, waits
// for it and removes its temporary folder) and refuses to start another.
// main calls it after SIGINT or SIGTERM, before the process exits: the
// command that started a Printer may still be computing, and its
// deferred Close would never run.
func CloseAll() {
	live.Lock()
	live.closed = true
	ps := live.printers
	live.printers = nil
	live.Unlock()
	for p := range ps {
		p.Close()
	}
}

// Start starts the Chromium at browser (from LookPath) in the background,
// so that it starts while the caller draws; Print waits for it and
// returns any error of the start. Every text of the drawings will be set
// in font, whatever font family the SVG names, so that the print does not
// depend on the machine's fonts. ctx bounds the browser's life; Close
// must be called.
func Start(ctx context.Context, browser string, font Font) *Printer {
	p := &Printer{browser: browser, ready: make(chan struct{}), stop: func() {}, font: len(font.Data) > 0}
	live.Lock()
	defer live.Unlock()
	if live.closed {
		p.err = errClosed
		close(p.ready)
		return p
	}
	var face []byte
	if len(font.Data) > 0 {
		var err error
		if face, err = faceFile(font.Data, font.Index); err != nil {
			p.err = fmt.Errorf("printpdf: font: %w", err)
			close(p.ready)
			return p
		}
	}
	// The browser's profile goes here, and its own temporary folder
	// (org.chromium.Chromium.*, which a browser stopped by a signal left
	// in the system's); the page and the font are handed over through the
	// protocol, so a browser that cannot read this process's files (a
	// snap's private /tmp) still prints.
	dir, err := os.MkdirTemp("", "fyp-printpdf-")
	if err != nil {
		p.err = err
		close(p.ready)
		return p
	}
	ctx, cancel := context.WithCancel(ctx)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.Env("HOME="+dir, "TMPDIR="+dir),
	)
	actx, cancelA := chromedp.NewExecAllocator(ctx, opts...)
	// The protocol's own log lines (a broken pipe when the browser dies)
	// would reach the user's terminal; what failed comes back as an error.
	quiet := func(string, ...any) {}
	tab, cancelT := chromedp.NewContext(actx, chromedp.WithLogf(quiet), chromedp.WithErrorf(quiet))
	p.tab = tab
	p.stop = func() {
		select {
		case <-p.ready:
		default:
			cancel() // still starting (the caller failed before printing): stop it
			<-p.ready
		}
		cancelT()
		cancelA() // stops the browser and waits for it, before dir is removed
		cancel()
		os.RemoveAll(dir)
	}
	if live.printers == nil {
		live.printers = map[*Printer]bool{}
	}
	live.printers[p] = true
	go func() {
		defer close(p.ready)
		// The first call starts the browser. A timeout on its context
		// would stop the browser when it ends: the timer stops it instead.
		timer := time.AfterFunc(startTimeout, cancel)
		err := chromedp.Do(tab)
		if !timer.Stop() {
			p.err = fmt.Errorf("printpdf: %s did not start within %v", browser, startTimeout)
			return
		}
		if err != nil {
			p.err = startError{browser, err}
			return
		}
		if err := loadFont(tab, face); err != nil {
			p.err = fmt.Errorf("printpdf: %s could not load the font: %w", browser, err)
		}
	}()
	return p
}

// startError is a browser that did not start, with what it said (on one
// line: the browser's output spans several).
type startError struct {
	browser string
	err     error
}

func (e startError) Error() string {
	return "printpdf: starting " + e.browser + ": " + strings.Join(strings.Fields(e.err.Error()), " ")
}

func (e startError) Unwrap() error { return e.err }

// Close stops the browser and removes its temporary folder; it may be
// called again (CloseAll, then the caller's own Close), and from another
// goroutine than the one printing, whose print then fails.
func (p *Printer) Close() {
	live.Lock()
	delete(live.printers, p)
	live.Unlock()
	p.once.Do(p.stop)
}

// Print prints each page to a PDF of its own, of the drawing's size. The
// pages are checked before it waits for the browser to start.
func (p *Printer) Print(pages []Page) ([][]byte, error) {
	sizes, err := pageSizes(pages)
	if err != nil {
		return nil, err
	}
	<-p.ready
	if p.err != nil {
		return nil, p.err
	}
	if p.html {
		if err := blankPage(p.tab); err != nil {
			return nil, fmt.Errorf("printpdf: %s: %w", p.browser, err)
		}
		p.html = false
	}
	out := make([][]byte, len(pages))
	for i, pg := range pages {
		pdf, err := printPage(p.tab, pg, sizes[i])
		if err != nil {
			return nil, fmt.Errorf("printpdf: %s: printing %s: %w", p.browser, pg.Name, err)
		}
		out[i] = pdf
	}
	return out, nil
}

// pageSizes are the pages' sizes (width, height in inches).
func pageSizes(pages []Page) ([][2]float64, error) {
	if len(pages) > MaxPages {
		return nil, fmt.Errorf("printpdf: %d pages: at most %d in one batch", len(pages), MaxPages)
	}
	sizes := make([][2]float64, len(pages))
	for i, pg := range pages {
		w, h, err := svgSize(pg.SVG)
		if err != nil {
			return nil, fmt.Errorf("printpdf: %s: %w", pg.Name, err)
		}
		sizes[i] = [2]float64{w, h}
	}
	return sizes, nil
}

// Print prints each page to a PDF of its own with a browser of its own
// (Start, Print, Close), started only for pages that are drawings.
func Print(ctx context.Context, browser string, font Font, pages []Page) ([][]byte, error) {
	if _, err := pageSizes(pages); err != nil || len(pages) == 0 {
		return nil, err
	}
	p := Start(ctx, browser, font)
	defer p.Close()
	return p.Print(pages)
}

// fontChunk is how much of the font one message carries (a multiple of 3,
// so that the base64 pieces join): a --font file may be 64 MB, and one
// message would hold several copies of it in memory at once.
const fontChunk = 3 << 20

// family is the name the font is loaded under, as a JavaScript string.
const family = `"fyp print"`

// svgHead is the head of the page the drawings are printed in, as a
// JavaScript string: every text of a drawing set in the font.
const svgHead = `'<meta charset="utf-8"><style>' +
	'html, body { margin: 0; padding: 0; background: #fff; } svg { display: block; } ' +
	'svg text { font-family: "fyp print" !important; }</style>'`

// loadFont readies the browser's blank page for the drawings: the font,
// and every text of a drawing set in it (!important outranks the SVG's
// own style attribute), so a family of the same name on the machine is
// never used. The font's load fails on a file the browser refuses. The
// font stays loaded when a document replaces the page (PrintHTML).
func loadFont(ctx context.Context, face []byte) error {
	ctx, cancel := context.WithTimeout(ctx, fontTimeout)
	defer cancel()
	if face == nil {
		_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.head.innerHTML = `+svgHead+`; true`))
		return err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.fypFont = []; true`)); err != nil {
		return err
	}
	for off := 0; off < len(face); off += fontChunk {
		piece := base64.StdEncoding.EncodeToString(face[off:min(off+fontChunk, len(face))])
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`fypFont.push("`+piece+`"); true`)); err != nil {
			return err
		}
	}
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(async () => {
		document.head.innerHTML = `+svgHead+`;
		const f = new FontFace(`+family+`, "url(data:font/ttf;base64," + fypFont.join("") + ")");
		delete window.fypFont;
		document.fonts.add(await f.load());
		return true;
	})()`, chromedp.EvalAwaitPromise))
	return err
}

// printPage puts the drawing in the page and prints one page of size
// (width, height in inches), without margins.
func printPage(ctx context.Context, p Page, size [2]float64) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, pageTimeout)
	defer cancel()
	js, err := json.Marshal(svgElement(p.SVG))
	if err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.body.innerHTML = `+string(js)+`; true`)); err != nil {
		return nil, err
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
