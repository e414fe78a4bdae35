package report

import (
	"strings"

	"golang.org/x/text/width"
)

// pageUnits is an A4 portrait page's text width (17 cm) in half-width
// characters of the tables' 8-point type: a Chinese character takes two.
const pageUnits = 120

// DisplayWidth counts East Asian wide characters as two columns: the width
// of a cell in a monospaced table (the terminal's, the Markdown's).
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// shortCol is the longest cell a column may have and still be kept on one
// line (12 half-width units: 基本符合预期, 1,234,567.8).
const shortCol = 12

// short reports whether a cell is short enough to stay on one line: 12
// half-width units, 18 for Latin text (insufficient data).
func short(s string) bool {
	w := DisplayWidth(s)
	return w <= shortCol || w <= 18 && w == len([]rune(s))
}

// noWrap reports, per column, whether its cells stay on one line: numbers
// always, and a column whose every cell is short (属性, 评价, 单位). The
// long ones (names, targets in words, reasons) wrap.
func noWrap(t *Table) []bool {
	out := make([]bool, len(t.Cols))
	for i, c := range t.Cols {
		out[i] = c.Width < 20 && !t.wraps(i)
	}
	for _, r := range t.Rows {
		for i, c := range r.Cells {
			if i < len(out) && !c.Num && !short(cellText(c)) {
				out[i] = false
			}
		}
	}
	return out
}

// headNoWrap reports whether a head stays on one line: a year, RR, 进度 —
// one word of at most four Chinese characters or eight Latin ones.
func headNoWrap(h string) bool {
	return !strings.ContainsAny(h, " ") && DisplayWidth(h) <= 8
}

// oneLine are the columns that stay on one line (noWrap) and, for those
// and for numbers, the half-width units their longest cell or head needs
// (a head group over one column counts as that column's head).
func oneLine(t *Table) ([]float64, []bool) {
	nw := noWrap(t)
	need := make([]float64, len(t.Cols))
	for i, c := range t.Cols {
		if headNoWrap(c.Head) {
			need[i] = float64(DisplayWidth(c.Head))
		}
	}
	col := 0
	for _, g := range t.Groups {
		if g.Span == 1 && g.Title != "" && col < len(need) && DisplayWidth(g.Title) <= shortCol {
			need[col] = max(need[col], float64(DisplayWidth(g.Title)))
		}
		col += g.Span
	}
	for _, r := range t.Rows {
		for i, c := range r.Cells {
			if i < len(need) && (nw[i] || c.Num) {
				need[i] = max(need[i], float64(DisplayWidth(cellText(c))))
			}
		}
	}
	return need, nw
}

// minUnits is the narrowest a table can be, in half-width units of its
// type: the one-line columns at their longest cell (numbers included),
// the others at 16 units, each with 2 of padding.
func minUnits(t *Table) float64 {
	need, nw := oneLine(t)
	total := 0.0
	for i := range need {
		if !nw[i] {
			need[i] = max(need[i], 16)
		}
		total += need[i] + 2
	}
	return total
}

// Landscape reports whether a table needs an A4 landscape page: its
// one-line columns and the least room for the others exceed a portrait
// page's width.
func Landscape(t *Table) bool { return !t.SheetOnly && minUnits(t) > pageUnits }

// sectionLandscape reports whether a section holds such a table: the whole
// section then goes on landscape pages, its heading with its table.
func sectionLandscape(s Section) bool {
	for _, b := range s.Blocks {
		if t, ok := b.(*Table); ok && Landscape(t) {
			return true
		}
	}
	return false
}

// The HTML page's tables are set at 0.78 of the body's 12-point type; a
// half-width character is taken as half an em, a sixth more for Latin
// letters (as colWidths takes them), and each cell has 0.8 em of padding.
const (
	tableEm    = 0.78
	minTableEm = 0.66 // about the Word file's 8 points
	nameMinEm  = 9.0  // td.w's min-width: a name never squeezed to a few characters
	wrapMinEm  = 8.0  // 16 half-width units, as minUnits counts a wrapping column
	cellPadEm  = 0.8
)

// textEm is the width, in em of its type, of a cell's text on one line.
func textEm(s string) float64 {
	w := float64(DisplayWidth(s)) / 2
	if strings.IndexFunc(s, func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' }) >= 0 {
		w *= 7.0 / 6
	}
	return w
}

// fit is how the HTML page sets a table: its type, in em of the body's,
// and per column the least width of its wrapping cells, in em of its type
// (0: the page's own rule, td.w's 9 em for names).
type fit struct {
	em   float64
	room []float64
}

// tableFit gives the wrapping columns of a landscape table room for their
// longest cell: names (Width ≥ 20; an English indicator's run to 67
// characters) on two lines, up to 20 em, the others (units, targets in
// words) on three, up to 10 em, where the page allows. The type goes down
// from 0.78 to 0.66 em to make that room; what is still missing is taken
// from each column's room above its least (9 em a name, 8 the others) in
// proportion. A portrait table, whose few columns leave its text room, is
// unchanged; so is one too wide for its page at the least room
// (denseStyle sets it), and one whose columns need no more than the least.
func tableFit(t *Table) fit {
	f := fit{em: tableEm}
	if !Landscape(t) || denseStyle(t) != "" {
		return f
	}
	// The text width in em of the 12-point body, less 3 % for the guess of
	// the glyphs' widths: a table wider than its page would make the browser
	// shrink every page to fit it.
	page := float64(landUnits) / 2 * 8 / 12 * 0.97
	need, nw := oneLine(t)
	room := make([]float64, len(t.Cols))
	least := make([]float64, len(t.Cols))
	fixed, spare := 0.0, 0.0
	for i, c := range t.Cols {
		fixed += cellPadEm
		if nw[i] {
			fixed += need[i] / 2 * 7 / 6 // at the Latin width: the wider guess
			continue
		}
		lines, most := 3.0, 10.0
		least[i] = wrapMinEm
		if c.Width >= 20 {
			lines, most, least[i] = 2, 20, nameMinEm
		}
		room[i] = least[i]
		for _, r := range t.Rows {
			if i < len(r.Cells) {
				room[i] = max(room[i], min(textEm(cellText(r.Cells[i]))/lines, most))
			}
		}
		fixed += least[i]
		spare += room[i] - least[i]
	}
	if spare == 0 {
		return f
	}
	f.room = room
	width := fixed + spare // in em of the table's type
	if width*tableEm <= page {
		return f
	}
	f.em = max(page/width, minTableEm)
	if over := width - page/f.em; over > 0 {
		k := max(0, 1-over/spare)
		for i := range room {
			room[i] = least[i] + k*(room[i]-least[i])
		}
	}
	return f
}
