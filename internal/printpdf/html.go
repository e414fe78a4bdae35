package printpdf

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/chromedp/chromedp"
)

// documentTimeout bounds the load and print of one HTML document (fyp's
// report: about 6 MB with its charts, 40-60 A4 pages).
const documentTimeout = 90 * time.Second

// MaxDocument bounds an HTML document (the browser holds it twice, as
// UTF-16); fyp's report is about 6 MB, its charts as PNG data: URLs.
const MaxDocument = 128 << 20

// htmlChunk is how much of a document one message carries (see fontChunk).
const htmlChunk = 3 << 20

// marginBoxes are the page-margin boxes of CSS (@page { @top-right {…} }):
// their text is set in the font too.
var marginBoxes = []string{
	"top-left-corner", "top-left", "top-center", "top-right", "top-right-corner",
	"bottom-left-corner", "bottom-left", "bottom-center", "bottom-right", "bottom-right-corner",
	"left-top", "left-middle", "left-bottom", "right-top", "right-middle", "right-bottom",
}

// fontStyle sets every text of a document in the font: elements, their
// ::before and ::after, and the page-margin boxes; characters the font
// lacks fall back to the machine's sans-serif.
func fontStyle() string {
	const f = `font-family: "fyp print", sans-serif !important;`
	var b strings.Builder
	b.WriteString(`*, *::before, *::after { ` + f + ` } @page { `)
	for _, m := range marginBoxes {
		b.WriteString("@" + m + " { " + f + " } ")
	}
	b.WriteString("}")
	return b.String()
}

// PrintHTML prints an HTML document to one PDF, as a browser prints it to
// paper: A4 unless the document's CSS @page gives a size, the @page
// margins of the document (1 cm where it gives none), backgrounds printed,
// no header or footer of the browser's. Every text, the page-margin boxes'
// (@page { @top-right { content: … } }) included, is set in the Printer's
// font when it has one. The document must hold all it shows (images as
// data: URLs): it is handed over through the protocol, without a file or
// a base address, so a browser that cannot read this process's files
// still prints it. Name is for messages.
func (p *Printer) PrintHTML(name string, html []byte) ([]byte, error) {
	if len(html) > MaxDocument {
		return nil, fmt.Errorf("printpdf: %s: %d bytes: at most %d", name, len(html), MaxDocument)
	}
	<-p.ready
	if p.err != nil {
		return nil, p.err
	}
	p.html = true
	pdf, err := printDocument(p.tab, html, p.font)
	if err != nil {
		return nil, fmt.Errorf("printpdf: %s: printing %s: %w", p.browser, name, err)
	}
	return pdf, nil
}

// PrintHTML prints an HTML document to PDF with a browser of its own
// (Start, PrintHTML, Close); see Printer.PrintHTML.
func PrintHTML(ctx context.Context, browser string, font Font, name string, html []byte) ([]byte, error) {
	if len(html) > MaxDocument {
		return nil, fmt.Errorf("printpdf: %s: %d bytes: at most %d", name, len(html), MaxDocument)
	}
	p := Start(ctx, browser, font)
	defer p.Close()
	return p.PrintHTML(name, html)
}

// printDocument replaces the tab's page by the document (the font loaded
// in Start stays), sets its text in the font when withFont, waits for its
// images and fonts, and prints it.
func printDocument(ctx context.Context, html []byte, withFont bool) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, documentTimeout)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.fypPage = []; true`)); err != nil {
		return nil, err
	}
	for off := 0; off < len(html); {
		end := min(off+htmlChunk, len(html))
		for end < len(html) && !utf8.RuneStart(html[end]) {
			end-- // a piece ends between characters
		}
		piece, err := json.Marshal(string(html[off:end]))
		if err != nil {
			return nil, err
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`fypPage.push(`+string(piece)+`); true`)); err != nil {
			return nil, err
		}
		off = end
	}
	style := ""
	if withFont {
		style = fontStyle()
	}
	js, err := json.Marshal(style)
	if err != nil {
		return nil, err
	}
	_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`(async () => {
		const page = fypPage.join("");
		delete window.fypPage;
		document.open();
		document.write(page);
		document.close();
		const style = `+string(js)+`;
		if (style) {
			const s = document.createElement("style");
			s.textContent = style;
			document.head.append(s);
		}
		await Promise.all([...document.images].map(i => i.decode().catch(() => {})));
		await document.fonts.ready;
		return true;
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, err
	}
	return chromedp.Run(ctx, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4),
		chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFPrintBackground(),
		chromedp.PDFStream(),
	))
}

// blankPage replaces a document printed by PrintHTML by the page the
// drawings are printed in.
func blankPage(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, pageTimeout)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.open();
		document.write("<!doctype html><html><head></head><body></body></html>");
		document.close();
		document.head.innerHTML = `+svgHead+`;
		true`))
	return err
}
