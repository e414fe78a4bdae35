package report

import (
	"archive/zip"
	"bytes"
	"image"
	"image/png"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// wideDoc is a document whose one section holds the main table with five
// years of actuals: too wide for A4 portrait with its numbers on one line.
func wideDoc(t *testing.T) *Document {
	t.Helper()
	d := testDocument(t, "zh")
	var tb *Table
	for _, s := range d.Sections {
		for _, b := range s.Blocks {
			if x, ok := b.(*Table); ok && tb == nil {
				tb = x
			}
		}
	}
	if tb == nil {
		t.Fatal("no main table")
	}
	// Two more year columns, as a review in the plan's fifth year has.
	cols := append(append([]Col(nil), tb.Cols[:5]...), Col{Head: "2018", Width: 7}, Col{Head: "2019", Width: 7})
	tb.Cols = append(cols, tb.Cols[5:]...)
	tb.Groups = append([]HeadGroup(nil), tb.Groups...)
	tb.Groups[2].Span += 2
	for i, r := range tb.Rows {
		if r.Group == "" {
			c := append(append([]Cell(nil), r.Cells[:5]...), N(12345.6, "12,345.6"), N(167.33, "167.33%"))
			tb.Rows[i].Cells = append(c, r.Cells[5:]...)
		}
	}
	return &Document{Lang: "zh", Title: "宽表", Sections: []Section{{ID: "table", Title: "主要指标完成情况", Blocks: []Block{tb}}}}
}

// TestHTMLNamesRoom: in a landscape table, English names get room for
// two lines and the table smaller type to make it (before: the names of
// the English main table were squeezed to td.w's 9 em, its units to
// "100 million yuan", up to five lines a row, the table over four A4
// landscape pages of report.pdf; now two, its notes on a third); the
// Chinese table, whose names fit two lines of 9 em, is printed as before:
// no style of its own.
func TestHTMLNamesRoom(t *testing.T) {
	zh := wideDoc(t)
	en := wideDoc(t)
	en.Lang = "en"
	tb := *en.Sections[0].Blocks[0].(*Table)
	tb.Rows = append([]Row(nil), tb.Rows...)
	for i, r := range tb.Rows {
		if r.Group == "" {
			c := append([]Cell(nil), r.Cells...)
			// The longest name of the English main table (jiangjin-14.yaml).
			c[1] = T("Nursing-type beds as a share of beds in elderly care institutions")
			c[2] = T("tonnes of standard coal equivalent per 10,000 yuan")
			tb.Rows[i].Cells = c
		}
	}
	en.Sections = []Section{{ID: "table", Title: "The main indicators", Blocks: []Block{&tb}}}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, zh); err != nil {
		t.Fatal(err)
	}
	if page := buf.String(); strings.Contains(page, `class="w" style=`) || strings.Contains(page, `<table style=`) {
		t.Error("the Chinese table got a style of its own")
	}
	buf.Reset()
	if err := WriteHTML(&buf, en); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	m := regexp.MustCompile(`<td class="w" style="min-width:([0-9.]+)em">Nursing`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the English names have no room of their own")
	}
	// 67 Latin characters over two lines: 67/2 × 7/6 / 2 ≈ 19.5 em, up
	// to 20; never less than td.w's 9 em.
	if w, _ := strconv.ParseFloat(m[1], 64); w < 15 || w > 20 {
		t.Errorf("names at least %v em wide, want 15 to 20", w)
	}
	// A unit of 51 characters gets more than the 8 em of a wrapping
	// column: three lines of at most 10 em.
	m = regexp.MustCompile(`<td style="min-width:([0-9.]+)em">tonnes`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the long unit has no room of its own")
	}
	if w, _ := strconv.ParseFloat(m[1], 64); w <= wrapMinEm || w > 10 {
		t.Errorf("units at least %v em wide, want over %v, at most 10", w, wrapMinEm)
	}
	m = regexp.MustCompile(`<table style="font-size:([0-9.]+)em">`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the English table keeps the tables' own type")
	}
	if em, _ := strconv.ParseFloat(m[1], 64); em < minTableEm || em >= tableEm {
		t.Errorf("type %v em, want %v to %v", em, minTableEm, tableEm)
	}
	// By the page's own measure the table fits its landscape page.
	f := tableFit(&tb)
	need, nw := oneLine(&tb)
	width := 0.0
	for i := range tb.Cols {
		if nw[i] {
			width += need[i] / 2 * 7 / 6
		} else {
			width += f.room[i]
		}
		width += cellPadEm
	}
	if page := float64(landUnits) / 2 * 8 / 12 * 0.97; width*f.em > page+1e-9 {
		t.Errorf("table %.1f em at %.2f: wider than the page's %.1f em", width, f.em, page)
	}
}

// TestHTMLNumbersStayWhole: numbers and short cells never wrap (before:
// table-layout fixed with overflow-wrap anywhere broke "33.3" into
// "33. / 3" and 2020年 into "20 / 20 / 年"); year heads are bare years;
// a section whose table is too wide for portrait prints on A4 landscape.
func TestHTMLNumbersStayWhole(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteHTML(&buf, wideDoc(t)); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{`<td class="num nw">12,345.6</td>`, `<td class="num nw">167.33%</td>`, `<td class="nw">约束性</td>`,
		`<td class="nw">基本符合预期</td>`, `<th class="nw">2021</th>`, `@page wide{size:A4 landscape`, `<section id="table" class="wide">`,
		`h2,h3,caption{break-after:avoid}`, `<tr class="g"><td class="group"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(page, "overflow-wrap:anywhere") || strings.Contains(page, "2021年</th>") {
		t.Error("cells may still break anywhere, or a year head carries 年")
	}
}

// TestDOCXLandscapeTable: the wide table's section is landscape (its own
// sectPr), the rest portrait; numbers carry noWrap and get columns as wide
// as their text at the table's type, which stays at 7.5 points or more.
func TestDOCXLandscapeTable(t *testing.T) {
	d := wideDoc(t)
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, d); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	doc := docxPart(t, z, "word/document.xml")
	if n := strings.Count(doc, `w:orient="landscape"`); n != 1 {
		t.Errorf("%d landscape sections, want 1", n)
	}
	if n := strings.Count(doc, "<w:sectPr>"); n != 3 {
		t.Errorf("%d sections, want 3 (title portrait, table landscape, end portrait)", n)
	}
	// A group's name row (绿色生态) keeps with the row after it.
	if !regexp.MustCompile(`<w:pStyle w:val="TableText"/><w:keepNext/></w:pPr><w:r>(<w:rPr>.*?</w:rPr>)?<w:t xml:space="preserve">绿色生态<`).MatchString(doc) {
		t.Error("the group row 绿色生态 does not keep with the next row")
	}
	if !strings.Contains(doc, `<w:noWrap/>`) {
		t.Error("no cell is kept on one line")
	}
	for _, m := range regexp.MustCompile(`<w:sz w:val="(\d+)"/>`).FindAllStringSubmatch(doc, -1) {
		if hp, _ := strconv.Atoi(m[1]); hp < 15 {
			t.Errorf("type of %s half points, under 7.5 points", m[1])
		}
	}
	tb := d.Sections[0].Blocks[0].(*Table)
	ws, pt := colWidths(tb, docxLandW)
	total := 0
	for _, w := range ws {
		total += w
	}
	if total > docxLandW+len(ws) {
		t.Errorf("columns take %d twips, the page %d", total, docxLandW)
	}
	// 12,345.6: 8 half-width characters at pt points, half an em each.
	if w := ws[5]; float64(w) < 8*pt*10+114 {
		t.Errorf("the 12,345.6 column is %d twips at %.1f pt: too narrow for one line", w, pt)
	}
	if pt < docxMinPt {
		t.Errorf("type %.1f pt", pt)
	}
}

// TestDOCXTallFigure: a chart taller than wide (the previous plan's record)
// is scaled to 21 cm so that its caption stays on its page (before: 16 cm
// wide and 48 cm tall, the caption alone on the next page).
func TestDOCXTallFigure(t *testing.T) {
	var pngb bytes.Buffer
	if err := png.Encode(&pngb, image.NewGray(image.Rect(0, 0, 100, 300))); err != nil {
		t.Fatal(err)
	}
	d := &Document{Lang: "zh", Title: "图", Sections: []Section{{ID: "f", Title: "图表", Blocks: []Block{Figure{No: 1, Caption: "图1  高图", Name: "tall.png", PNG: pngb.Bytes()}}}}}
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, d); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<wp:extent cx="(\d+)" cy="(\d+)"/>`).FindStringSubmatch(docxPart(t, z, "word/document.xml"))
	if m == nil {
		t.Fatal("no image extent")
	}
	cx, _ := strconv.Atoi(m[1])
	cy, _ := strconv.Atoi(m[2])
	if cy > docxImageMaxH || abs(cy-3*cx) > 3 {
		t.Errorf("image %d × %d EMU: want at most %d tall, 1:3", cx, cy, docxImageMaxH)
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// TestDOCXWordsWhole: Word breaks a column's text between words, never
// inside one: a number column is as wide as its head's longest word
// (before: "Previou / s plan's"), a wrapping column as its longest word.
func TestDOCXWordsWhole(t *testing.T) {
	tb := &Table{Cols: []Col{{Head: "Indicator", Width: 30}, {Head: "Previous plan's pace", Width: 9}, {Head: "Verdict", Width: 8}},
		Wrap: []bool{false, false, true}}
	for range 10 {
		tb.Rows = append(tb.Rows, Row{Cells: []Cell{T("Value added of industry above designated size"), N(8.9, "8.9%"), T("insufficient data")}})
	}
	ws, pt := colWidths(tb, docxTextW)
	unit := pt * 20 / 2 * 7 / 6
	if min := int(8 * unit); ws[1] < min {
		t.Errorf("the pace column is %d twips, narrower than its head's word Previous (%d)", ws[1], min)
	}
	if min := int(12 * unit); ws[2] < min {
		t.Errorf("the verdict column is %d twips, narrower than insufficient (%d)", ws[2], min)
	}
}
