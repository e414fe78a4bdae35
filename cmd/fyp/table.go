package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"fyp/internal/numfmt/quantity"
	"fyp/report"
)

// table is a rendered result: a header, rows of cells and footnotes
// (warnings travel with the result and print under it).
type table struct {
	Title string
	Head  []string
	Rows  [][]string
	Notes []string
}

// write renders t in format (table, csv, md); JSON is written from the
// typed rows by writeJSON instead.
func (t *table) write(w io.Writer, format string) error {
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(t.Head); err != nil {
			return err
		}
		for _, r := range t.Rows {
			if err := cw.Write(csvCells(r)); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	case "md":
		return t.markdown(w)
	}
	return t.text(w)
}

// csvCells is a row as a CSV file holds it: an unknown number, "—" on
// screen, is an empty cell, so that a spreadsheet reads the column as
// numbers.
func csvCells(r []string) []string {
	out := make([]string, len(r))
	for i, c := range r {
		if c != "—" {
			out[i] = c
		}
	}
	return out
}

func (t *table) text(w io.Writer) error {
	widths := make([]int, len(t.Head))
	for i, h := range t.Head {
		widths[i] = report.DisplayWidth(h)
	}
	for _, r := range t.Rows {
		for i, c := range r {
			widths[i] = max(widths[i], report.DisplayWidth(c))
		}
	}
	var b strings.Builder
	if t.Title != "" {
		b.WriteString(t.Title + "\n\n")
	}
	line := func(cells []string) {
		for i, c := range cells {
			pad := widths[i] - report.DisplayWidth(c)
			if i == len(cells)-1 {
				b.WriteString(c)
				break
			}
			if isNumeric(c) {
				b.WriteString(strings.Repeat(" ", pad) + c)
			} else {
				b.WriteString(c + strings.Repeat(" ", pad))
			}
			b.WriteString("  ")
		}
		b.WriteString("\n")
	}
	line(t.Head)
	sep := make([]string, len(t.Head))
	for i := range sep {
		sep[i] = strings.Repeat("-", widths[i])
	}
	line(sep)
	for _, r := range t.Rows {
		line(r)
	}
	for _, n := range t.Notes {
		b.WriteString("\n" + n)
	}
	if len(t.Notes) > 0 {
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (t *table) markdown(w io.Writer) error {
	var b strings.Builder
	if t.Title != "" {
		b.WriteString("### " + t.Title + "\n\n")
	}
	esc := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ") }
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + esc(c) + " |")
		}
		b.WriteString("\n")
	}
	row(t.Head)
	b.WriteString("|" + strings.Repeat("---|", len(t.Head)) + "\n")
	for _, r := range t.Rows {
		row(r)
	}
	for _, n := range t.Notes {
		b.WriteString("\n> " + esc(n) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func isNumeric(s string) bool {
	if s == "—" || s == "none" || s == "无" {
		return true
	}
	s = strings.TrimSuffix(strings.TrimPrefix(s, "+"), "%")
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// writeJSON writes v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// num is a float that is written to JSON as null when NaN.
type num float64

func (n num) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return []byte(strconv.FormatFloat(round(f, 10), 'f', -1, 64)), nil
}

// round rounds to d significant digits (so JSON shows 4.827 not 4.82700000001).
func round(v float64, d int) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	p, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', d, 64), 64)
	return p
}

// fmtNum prints v with at most dec decimals and no trailing zeros; "—"
// when unknown.
func fmtNum(v float64, dec int) string { return quantity.Table.Num(v, dec) }

// fmtValue prints a level with a precision that suits its size.
func fmtValue(v float64) string { return quantity.Table.Value(v) }

// L picks the Chinese or English text.
func L(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

// totals is a table's 合计 note: "合计：达标28项，未达标0项" ("Totals: met
// 28, not met 0"), the counts as counted writes them.
func totals(keys []string, counts map[string]int, zeros bool, lang string) string {
	return L(lang, "合计：", "Totals: ") + counted(keys, counts, zeros, lang)
}

// counted lists each key with its count in the keys' order: "达标28项，未达
// 标0项", "met 28, not met 0" (Chinese prose writes no space between a word
// and its count). A key counted zero times is left out unless zeros is set.
func counted(keys []string, counts map[string]int, zeros bool, lang string) string {
	var parts []string
	for _, k := range keys {
		if counts[k] > 0 || zeros {
			parts = append(parts, fmt.Sprintf(L(lang, "%s%d项", "%s %d"), k, counts[k]))
		}
	}
	return strings.Join(parts, L(lang, "，", ", "))
}

func plural(n int, s string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, s)
	}
	return fmt.Sprintf("%d %ss", n, s)
}
