package report

import (
	"strings"

	"golang.org/x/text/width"
)

// pageUnits is an A4 page's text width (17 cm) in half-width characters
// of the tables' 8-point type: a Chinese character takes two.
const pageUnits = 120

// colShares shares a table's width among its columns: each narrow column
// gets what its longest cell needs (up to 10 units), so that 预期性 or
// +0.433 does not wrap; the wide ones (Width ≥ 20: names, reasons) share
// the rest by their Width.
func colShares(t *Table) []float64 {
	need := make([]float64, len(t.Cols))
	for i, c := range t.Cols {
		need[i] = float64(headNeed(c.Head))
	}
	for _, r := range t.Rows {
		for i, c := range r.Cells {
			if i < len(need) {
				need[i] = max(need[i], float64(displayWidth(cellText(c))))
			}
		}
	}
	out := make([]float64, len(t.Cols))
	used, wide := 0.0, 0.0
	for i, c := range t.Cols {
		if c.Width >= 20 {
			wide += c.Width
			continue
		}
		out[i] = min(need[i], 10) + 2
		used += out[i]
	}
	if wide > 0 {
		rest := max(pageUnits-used, 0.25*pageUnits)
		for i, c := range t.Cols {
			if c.Width >= 20 {
				out[i] = rest * c.Width / wide
			}
		}
	}
	return out
}

// headNeed is the width a head needs: its longest word (English heads
// wrap between words), or two characters of a Chinese head (which wraps
// anywhere).
func headNeed(h string) int {
	n := 0
	for _, w := range strings.Fields(h) {
		if displayWidth(w) > len([]rune(w)) { // wide characters
			n = max(n, min(displayWidth(w), 4))
			continue
		}
		n = max(n, displayWidth(w))
	}
	return n
}

// displayWidth counts East Asian wide characters as two columns.
func displayWidth(s string) int {
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
