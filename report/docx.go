package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	_ "image/png" // chart sizes
	"io"
	"math"
	"slices"
	"strings"
)

// The Word file's page: A4 (210 × 297 mm) with 2 cm margins, in twips
// (1/1440 inch; 1 cm = 567 twips), and the text width in EMU (1 cm =
// 360,000 EMU) for the charts.
const (
	docxPageW     = 11906
	docxPageH     = 16838
	docxMargin    = 1134
	docxTextW     = docxPageW - 2*docxMargin // 9638 twips = 17 cm
	docxImageW    = 16 * 360000              // charts 16 cm wide
	docxImageMaxH = 21 * 360000              // and at most 21 cm tall (of 25 cm of text height)
	docxBodyPt    = 12                       // 小四
	docxTablePt   = 8
)

// docxFonts: 宋体 for body text and 黑体 for headings, the fonts Word and
// WPS have on every Chinese Windows; fontTable.xml names their Latin names
// (SimSun, SimHei) and Microsoft YaHei / 等线 as alternatives, so a viewer
// without them substitutes a CJK font rather than a Latin one.
const (
	docxBodyFont = "宋体"
	docxHeadFont = "黑体"
	docxLatin    = "Times New Roman"
)

// WriteDOCX writes d as a Word document (WordprocessingML, ECMA-376):
// headings in styles Heading1…3, real tables with repeated header rows,
// numbered captions, charts embedded as PNG, A4 pages numbered in the
// footer.
func WriteDOCX(w io.Writer, d *Document) error {
	if err := checkGroups(d); err != nil {
		return err
	}
	dw := &docxWriter{lang: d.Lang}
	dw.body(d)
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	files := []struct{ name, body string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRootRels},
		{"docProps/core.xml", fmt.Sprintf(docxCore, esc(d.Title))},
		{"word/document.xml", dw.document()},
		{"word/styles.xml", docxStyles()},
		{"word/fontTable.xml", docxFontTable},
		{"word/settings.xml", docxSettings},
		{"word/footer1.xml", docxFooter},
		{"word/header1.xml", docxHeader(d)},
		{"word/_rels/document.xml.rels", dw.rels()},
	}
	for _, f := range files {
		fw, err := z.Create(f.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(fw, f.body); err != nil {
			return err
		}
	}
	for i, img := range dw.images {
		fw, err := z.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("word/media/image%d.png", i+1), Method: zip.Store})
		if err != nil {
			return err
		}
		if _, err := fw.Write(img); err != nil {
			return err
		}
	}
	if err := z.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

type docxWriter struct {
	lang string
	// landscape: the section being written is on A4 landscape pages.
	landscape bool
	b         strings.Builder
	images    [][]byte
}

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// run is a text run; size in points (0: the style's).
func run(text string, bold bool, size int) string { return runPt(text, bold, float64(size)) }

// runPt is run with a size in points that may be a half point (Word
// counts half points).
func runPt(text string, bold bool, size float64) string {
	var rpr string
	if bold {
		rpr += "<w:b/>"
	}
	if size > 0 {
		hp := int(2*size + 0.5)
		rpr += fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, hp, hp)
	}
	if rpr != "" {
		rpr = "<w:rPr>" + rpr + "</w:rPr>"
	}
	return fmt.Sprintf(`<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>`, rpr, esc(text))
}

func (dw *docxWriter) para(style, text string) {
	ppr := ""
	if style != "" {
		ppr = fmt.Sprintf(`<w:pPr><w:pStyle w:val="%s"/></w:pPr>`, style)
	}
	fmt.Fprintf(&dw.b, "<w:p>%s%s</w:p>", ppr, run(text, false, 0))
}

func (dw *docxWriter) body(d *Document) {
	dw.para("Title", d.Title)
	dw.para("Subtitle", d.Subtitle)
	all := append(append([]Section(nil), d.Sections...), d.Annexes...)
	newPage := false // a section break has just started a new page
	for i, s := range all {
		wide := sectionLandscape(s)
		if wide && !dw.landscape {
			// A section break ends the portrait pages before; the one
			// after the section's blocks makes them landscape.
			fmt.Fprintf(&dw.b, `<w:p><w:pPr>%s</w:pPr></w:p>`, sectPr(false))
		} else if i == len(d.Sections) && !newPage {
			dw.b.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
		}
		dw.landscape = wide
		dw.para("Heading1", s.Title)
		for _, bl := range s.Blocks {
			switch x := bl.(type) {
			case Paragraph:
				if x.Note {
					dw.para("Note", x.Text)
				} else {
					dw.para("BodyText", x.Text)
				}
			case Heading:
				dw.para("Heading2", x.Text)
			case List:
				for _, it := range x.Items {
					dw.para("BodyText", it)
				}
			case Figure:
				dw.figure(x)
			case *Table:
				if !x.SheetOnly {
					dw.table(x)
				}
			}
		}
		newPage = false
		if wide && (i == len(all)-1 || !sectionLandscape(all[i+1])) {
			// The landscape pages end here (a run of landscape
			// sections shares them).
			fmt.Fprintf(&dw.b, `<w:p><w:pPr>%s</w:pPr></w:p>`, sectPr(true))
			newPage = true
		}
	}
	dw.para("Note", d.Footer)
}

func (dw *docxWriter) figure(f Figure) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(f.PNG))
	if err != nil || cfg.Width == 0 {
		dw.para("Note", f.Caption) // not a PNG fyp can size: name it only
		return
	}
	dw.images = append(dw.images, f.PNG)
	n := len(dw.images)
	cx := docxImageW
	cy := int(int64(cx) * int64(cfg.Height) / int64(cfg.Width))
	if cy > docxImageMaxH { // a tall chart keeps its caption on its page
		cx, cy = int(int64(cx)*docxImageMaxH/int64(cy)), docxImageMaxH
	}
	fmt.Fprintf(&dw.b, `<w:p><w:pPr><w:pStyle w:val="Figure"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">`+
		`<wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="%s" descr="%s"/>`+
		`<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`+
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>`+
		`<pic:nvPicPr><pic:cNvPr id="%d" name="%s"/><pic:cNvPicPr/></pic:nvPicPr>`+
		`<pic:blipFill><a:blip r:embed="rIdImg%d"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
		`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`,
		cx, cy, n, esc(f.Name), esc(f.Caption), n, esc(f.Name), n, cx, cy)
	dw.para("Caption", f.Caption)
}

// docxLandW is the text width of an A4 landscape page (25.7 cm).
const docxLandW = docxPageH - 2*docxMargin

// docxMinPt is the smallest type a table gets: 7.5 points, still legible
// in print.
const docxMinPt = 7.5

// colWidths are the columns' widths in twips for a text width textW, and
// the type size in points. A column that stays on one line (numbers, 属性,
// 评价: noWrap) gets the width of its longest cell at that size, a half-width
// character taken as half an em plus a sixth for Latin glyphs wider than
// digits, and its cell margins; the others share what is left by their
// Width (at least 16 half-width characters each). Type is 8 points, smaller
// down to 7.5 where that lets the one-line columns fit.
func colWidths(t *Table, textW int) ([]int, float64) {
	need, nw := oneLine(t)
	const margins = 2*57 + 30
	unit := func(pt float64) float64 { return pt * 20 / 2 * 7 / 6 } // twips per half-width character
	fixed := func(pt float64) (float64, float64) {
		used, wide := 0.0, 0.0
		for i, c := range t.Cols {
			if nw[i] {
				used += need[i]*unit(pt) + margins
			} else {
				wide += max(c.Width, 1)
			}
		}
		return used, wide
	}
	pt := float64(docxTablePt)
	free := func(pt float64) float64 {
		used, _ := fixed(pt)
		n := 0
		for i := range t.Cols {
			if !nw[i] {
				n++
			}
		}
		return float64(textW) - used - float64(n)*(16*unit(pt)+margins)
	}
	for pt > docxMinPt && free(pt) < 0 {
		pt -= 0.5
	}
	used, wide := fixed(pt)
	rest := math.Max(float64(textW)-used, 0)
	out := make([]int, len(t.Cols))
	for i, c := range t.Cols {
		if nw[i] {
			out[i] = int(need[i]*unit(pt) + margins)
		} else {
			out[i] = int(rest * max(c.Width, 1) / wide)
		}
	}
	if wide == 0 && used < float64(textW) { // all one-line: spread the slack
		for i := range out {
			out[i] = int(float64(out[i]) * float64(textW) / used)
		}
	}
	wordFit(t, out, nw, func(units int) int { return int(float64(units)*unit(pt) + margins) })
	return out, pt
}

// wordFit widens a wrapping column to its longest word (insufficient,
// Previous), so that Word breaks between words and never inside one,
// taking the width from the wrapping columns that have room to spare.
func wordFit(t *Table, out []int, nw []bool, w func(units int) int) {
	need := make([]int, len(out))
	for i, c := range t.Cols {
		if nw[i] { // its cells fit: its head's words may not (Previous)
			need[i] = max(out[i], w(longestWord(c.Head)))
			continue
		}
		n := longestWord(c.Head)
		for _, r := range t.Rows {
			if i < len(r.Cells) {
				n = max(n, longestWord(cellText(r.Cells[i])))
			}
		}
		need[i] = w(n)
	}
	spare := 0
	for i := range out {
		if out[i] > need[i] {
			spare += out[i] - need[i]
		}
	}
	// The smallest shortfalls first, as far as the spare width goes.
	var short []int
	for i := range out {
		if out[i] < need[i] {
			short = append(short, i)
		}
	}
	slices.SortStableFunc(short, func(a, b int) int { return (need[a] - out[a]) - (need[b] - out[b]) })
	deficit := 0
	for _, i := range short {
		if deficit+need[i]-out[i] > spare {
			need[i] = out[i] // left to wrap inside a word
			continue
		}
		deficit += need[i] - out[i]
	}
	if deficit == 0 {
		return
	}
	for i := range out {
		switch {
		case out[i] < need[i]:
			out[i] = need[i]
		case out[i] > need[i]:
			out[i] -= (out[i] - need[i]) * deficit / spare
		}
	}
}

// longestWord is the display width of the longest run of s without a
// space: a Latin word; Chinese text breaks anywhere, one character.
func longestWord(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if w := DisplayWidth(f); w == len(f) {
			n = max(n, w)
		} else {
			n = max(n, 2)
		}
	}
	return n
}

func (dw *docxWriter) table(t *Table) {
	if t.Caption != "" {
		dw.para("TableCaption", t.Caption)
	}
	textW := docxTextW
	if dw.landscape {
		textW = docxLandW
	}
	ws, pt := colWidths(t, textW)
	nw := noWrap(t)
	b := &dw.b
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/>` +
		`<w:tblBorders><w:top w:val="single" w:sz="8" w:color="000000"/><w:left w:val="single" w:sz="4" w:color="000000"/>` +
		`<w:bottom w:val="single" w:sz="8" w:color="000000"/><w:right w:val="single" w:sz="4" w:color="000000"/>` +
		`<w:insideH w:val="single" w:sz="4" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:color="000000"/></w:tblBorders>` +
		`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, w := range ws {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString("</w:tblGrid>")
	// keep holds a row on the page of the next one: a group's name row
	// never ends a page alone.
	keep := false
	cell := func(text string, width, span int, vmerge string, head, right, noWrap bool, shade string) {
		b.WriteString("<w:tc><w:tcPr>")
		fmt.Fprintf(b, `<w:tcW w:w="%d" w:type="dxa"/>`, width)
		if noWrap {
			b.WriteString(`<w:noWrap/>`)
		}
		if span > 1 {
			fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
		}
		if vmerge != "" {
			fmt.Fprintf(b, `<w:vMerge w:val="%s"/>`, vmerge)
		}
		if shade != "" {
			fmt.Fprintf(b, `<w:shd w:val="clear" w:color="auto" w:fill="%s"/>`, shade)
		}
		b.WriteString(`<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/>`)
		if keep {
			b.WriteString(`<w:keepNext/>`)
		}
		switch {
		case head:
			b.WriteString(`<w:jc w:val="center"/>`)
		case right:
			b.WriteString(`<w:jc w:val="right"/>`)
		}
		fmt.Fprintf(b, "</w:pPr>%s</w:p></w:tc>", runPt(text, head, pt))
	}
	span := func(from, n int) int {
		s := 0
		for _, w := range ws[from:min(from+n, len(ws))] {
			s += w
		}
		return s
	}
	const headShade = "EEF2F7"
	if len(t.Groups) > 0 {
		b.WriteString(`<w:tr><w:trPr><w:tblHeader/></w:trPr>`)
		col := 0
		for _, g := range t.Groups {
			if g.Title != "" {
				cell(g.Title, span(col, g.Span), g.Span, "", true, false, false, headShade)
			} else {
				for k := 0; k < g.Span; k++ {
					cell(t.Cols[col+k].Head, ws[col+k], 1, "restart", true, false, headNoWrap(t.Cols[col+k].Head), headShade)
				}
			}
			col += g.Span
		}
		b.WriteString(`</w:tr><w:tr><w:trPr><w:tblHeader/></w:trPr>`)
		col = 0
		for _, g := range t.Groups {
			for k := 0; k < g.Span; k++ {
				if g.Title != "" {
					cell(t.Cols[col+k].Head, ws[col+k], 1, "", true, false, headNoWrap(t.Cols[col+k].Head), headShade)
				} else {
					cell("", ws[col+k], 1, "continue", true, false, false, headShade)
				}
			}
			col += g.Span
		}
		b.WriteString("</w:tr>")
	} else {
		b.WriteString(`<w:tr><w:trPr><w:tblHeader/></w:trPr>`)
		for i, c := range t.Cols {
			cell(c.Head, ws[i], 1, "", true, false, headNoWrap(c.Head), headShade)
		}
		b.WriteString("</w:tr>")
	}
	for _, r := range t.Rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		if r.Group != "" {
			keep = true
			cell(r.Group, textW, len(ws), "", false, false, false, "F4F4F4")
			keep = false
		} else {
			for i, c := range r.Cells {
				if i < len(ws) {
					cell(cellText(c), ws[i], 1, "", false, c.Num, c.Num || nw[i], "")
				}
			}
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	for _, n := range t.Notes {
		dw.para("Note", n)
	}
}

func (dw *docxWriter) document() string {
	return xml.Header + `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
		`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
		`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
		`xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>` + dw.b.String() +
		sectPr(false) + `</w:body></w:document>`
}

// sectPr is a section's page: A4 portrait, or landscape for a section with
// a table too wide for portrait; every section has the header (title,
// synthetic mark) and the page number.
func sectPr(landscape bool) string {
	w, h, orient := docxPageW, docxPageH, ""
	if landscape {
		w, h, orient = docxPageH, docxPageW, ` w:orient="landscape"`
	}
	return fmt.Sprintf(`<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="%d" w:h="%d"%s/>`+
		`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="720" w:footer="567" w:gutter="0"/></w:sectPr>`,
		w, h, orient, docxMargin+283, docxMargin, docxMargin, docxMargin)
}

func (dw *docxWriter) rels() string {
	var b strings.Builder
	b.WriteString(xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>` +
		`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
		`<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
		`<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>`)
	for i := range dw.images {
		fmt.Fprintf(&b, `<Relationship Id="rIdImg%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image%d.png"/>`, i+1, i+1)
	}
	b.WriteString("</Relationships>")
	return b.String()
}

const docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Default Extension="png" ContentType="image/png"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const docxRootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const docxCore = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
	`<dc:title>%s</dc:title><dc:creator>fyp</dc:creator></cp:coreProperties>`

const docxSettings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="420"/>` +
	`<w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

// docxHeader is the page header: the report's title, small, and on a
// report on invented figures the synthetic mark in red on every page.
func docxHeader(d *Document) string {
	text := run(d.Title, false, 9)
	if d.Synthetic {
		text = fmt.Sprintf(`<w:r><w:rPr><w:b/><w:color w:val="CC0000"/><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve">%s  </w:t></w:r>`, esc(SyntheticMark(d.Lang))) + text
	}
	return xml.Header + `<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` + text + `</w:p></w:hdr>`
}

// docxFooter numbers the pages: "— 3 —", as Chinese official documents do.
const docxFooter = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
	`<w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
	`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`

const docxFontTable = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>` +
	`<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>` +
	`<w:font w:name="等线"><w:altName w:val="DengXian"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>` +
	`<w:font w:name="Microsoft YaHei"><w:altName w:val="微软雅黑"/><w:charset w:val="86"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>` +
	`<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
	`</w:fonts>`

func docxStyles() string {
	fonts := func(east string) string {
		return fmt.Sprintf(`<w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s" w:hint="eastAsia"/>`, docxLatin, docxLatin, east, docxLatin)
	}
	style := func(id, name, ppr, rpr string) string {
		return fmt.Sprintf(`<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/><w:pPr>%s</w:pPr><w:rPr>%s</w:rPr></w:style>`,
			id, name, ppr, rpr)
	}
	sz := func(pt float64) string {
		return fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, int(2*pt), int(2*pt))
	}
	var b strings.Builder
	b.WriteString(xml.Header + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	fmt.Fprintf(&b, `<w:docDefaults><w:rPrDefault><w:rPr>%s%s<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>`+
		`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`, fonts(docxBodyFont), sz(docxBodyPt))
	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	b.WriteString(style("BodyText", "Body Text", `<w:spacing w:before="60" w:after="60"/><w:ind w:firstLineChars="200" w:firstLine="480"/><w:jc w:val="both"/>`, ""))
	b.WriteString(style("Title", "Title", `<w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/>`, fonts(docxHeadFont)+sz(18)))
	b.WriteString(style("Subtitle", "Subtitle", `<w:spacing w:after="360"/><w:jc w:val="center"/>`, sz(12)))
	for i, pt := range []float64{16, 14, 12} {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="Heading%d"><w:name w:val="heading %d"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>`+
			`<w:pPr><w:keepNext/><w:spacing w:before="%d" w:after="120"/><w:outlineLvl w:val="%d"/></w:pPr><w:rPr>%s<w:b/>%s</w:rPr></w:style>`,
			i+1, i+1, 360-80*i, i, fonts(docxHeadFont), sz(pt))
	}
	b.WriteString(style("Caption", "caption", `<w:spacing w:before="60" w:after="200"/><w:jc w:val="center"/>`, fonts(docxHeadFont)+sz(10.5)))
	b.WriteString(style("TableCaption", "Table Caption", `<w:keepNext/><w:spacing w:before="200" w:after="60"/><w:jc w:val="center"/>`, fonts(docxHeadFont)+sz(10.5)))
	b.WriteString(style("Figure", "Figure", `<w:keepNext/><w:spacing w:before="120"/><w:jc w:val="center"/>`, ""))
	b.WriteString(style("Note", "Note", `<w:spacing w:before="40" w:after="40" w:line="280" w:lineRule="auto"/><w:jc w:val="both"/>`, sz(9)))
	b.WriteString(style("TableText", "Table Text", `<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/>`, sz(docxTablePt)))
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	b.WriteString(`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/></w:style>`)
	b.WriteString(`</w:styles>`)
	return b.String()
}
