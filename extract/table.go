package extract

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyp/document"
)

// A table as the plan prints it, before its notation is read.
type rawTable struct {
	Title   string // the heading above it: 专栏 江津区"十四五"规划主要指标体系表
	Line    int
	Record  bool // a previous plan's record (完成情况表)
	Cols    []role
	Years   []int // the years named in the header, in order
	Rows    []rawRow
	Notes   string // the 备注 / 注 lines under the table
	Section string
	// Blocks is the range of the document's blocks the table takes.
	From, To int
}

// role is what a value column holds.
type role int

const (
	roleBase   role = iota // the base-year value (or the previous period's rate)
	roleTarget             // the target
	roleAvg                // 年均/累计: the period's average or total
	roleActual             // the outcome (record tables)
	roleUnit               // 单位: the unit, in its own column
)

type rawRow struct {
	No, Sub int
	Group   string
	Name    string
	Values  []string // by column of Cols; "" where the row has no cell
	Attr    string   // 预期性 / 约束性 as printed
	Line    int
	Review  string
	row     int // the real table's row it starts on; 0 for text
}

// token is a cell of a table, from a real table or from a line of text (a
// copy may have flattened the table into one cell a line).
type token struct {
	text  string
	line  int
	fixed bool // a cell of a real table: an empty one is a real empty cell
	row   int  // the real table's row number, 0 for text
}

var (
	tableTitleRe = regexp.MustCompile(`主要指标|指标体系|主要经济社会发展指标|主要目标`)
	attrRe       = regexp.MustCompile(`^(预期性|约束性)`)
	yearRe       = regexp.MustCompile(`(19|20)\d{2}`)
	stopRe       = regexp.MustCompile(`^(第[一二三四五六七八九十百零〇\d]+[篇章节]|专栏)`)
	noteRe       = regexp.MustCompile(`^(备注\s*[:：\d]|注\s*[:：]|注\s*[①1]|说明[:：])`)
)

// findTables finds the indicator tables of a plan: a short heading naming
// main indicators, followed by a table or by its cells one a line.
func findTables(doc *document.Document, sections []string) []*rawTable {
	var out []*rawTable
	for i := 0; i < len(doc.Blocks); i++ {
		b := doc.Blocks[i]
		if b.Table != nil || utf8.RuneCountInString(b.Text) > 60 || !tableTitleRe.MatchString(b.Text) || strings.HasSuffix(b.Text, "。") {
			continue
		}
		t := &rawTable{Title: strings.Join(strings.Fields(b.Text), " "), Line: b.Line, Section: sections[i]}
		t.Record = strings.Contains(b.Text, "完成情况") || strings.Contains(b.Text, "实现情况")
		var toks []token
		j := i + 1
		for ; j < len(doc.Blocks); j++ {
			nb := doc.Blocks[j]
			if nb.Table != nil {
				for r, row := range nb.Table {
					toks = append(toks, rowTokens(row, nb.Line, r+1)...)
				}
				continue
			}
			if noteRe.MatchString(nb.Text) {
				t.Notes = nb.Text
				j++
				break
			}
			if stopRe.MatchString(nb.Text) || isProse(nb.Text) {
				break
			}
			for _, c := range strings.Split(nb.Text, "  ") {
				toks = append(toks, token{text: strings.TrimSpace(c), line: nb.Line})
			}
		}
		if parseTable(t, toks) {
			t.From, t.To = i, j
			out = append(out, t)
			i = j - 1
		}
	}
	return out
}

// rowTokens turns a real table row into tokens: a row with one distinct
// text (a group heading spanning the row) gives that text once.
func rowTokens(row []string, line, r int) []token {
	distinct := map[string]bool{}
	for _, c := range row {
		if c != "" {
			distinct[c] = true
		}
	}
	if len(distinct) == 1 && len(row) > 1 {
		for c := range distinct {
			return []token{{text: c, line: line, row: r}}
		}
	}
	out := make([]token, 0, len(row))
	for _, c := range row {
		out = append(out, token{text: c, line: line, fixed: true, row: r})
	}
	return out
}

// isProse tells a paragraph of the text from a table cell: a long sentence.
func isProse(s string) bool {
	n := utf8.RuneCountInString(s)
	return n > 80 || n > 30 && strings.ContainsAny(s, "。；") || n > 8 && strings.HasSuffix(s, "。")
}

// parseTable reads the header and the rows of a table from its tokens.
func parseTable(t *rawTable, toks []token) bool {
	// The header: the cells before the first row number 1.
	first := -1
	for k, tk := range toks {
		if tk.text == "1" && k+1 < len(toks) && isNameCell(toks[k+1].text) {
			first = k
			break
		}
	}
	if first < 0 {
		return false
	}
	// A group heading may stand on the first row's line (类别 column).
	for first > 0 && toks[first-1].line == toks[first].line && toks[first-1].row == toks[first].row && !strings.Contains(toks[first-1].text, "序号") {
		first--
	}
	var header []string
	for _, tk := range toks[:first] {
		if tk.text == "" {
			continue
		}
		header = append(header, tk.text)
	}
	t.Cols, t.Years = columnRoles(header)
	if len(t.Cols) == 0 {
		return false
	}
	hasUnit := false
	for _, c := range t.Cols {
		hasUnit = hasUnit || c == roleUnit
	}
	hasAttr := false
	for _, h := range header {
		if strings.Contains(h, "属性") || strings.Contains(h, "备注") || strings.Contains(h, "性质") {
			hasAttr = true
		}
	}
	parseRows(t, toks[first:], hasAttr, hasUnit)
	return len(t.Rows) > 0
}

// columnRoles reads what each value column holds from the header cells.
func columnRoles(header []string) ([]role, []int) {
	type col struct {
		r    role
		year int
	}
	var cols []col
	var years []int
	for _, h := range header {
		y := 0
		if m := yearRe.FindString(h); m != "" {
			y, _ = strconv.Atoi(m)
			years = append(years, y)
		}
		switch {
		case h == "单位" || h == "计量单位":
			cols = append(cols, col{roleUnit, 0})
		case strings.Contains(h, "序号") || strings.Contains(h, "指标") && !strings.Contains(h, "目标") || strings.Contains(h, "类别") ||
			strings.Contains(h, "属性") || strings.Contains(h, "备注") || strings.Contains(h, "领域") || strings.Contains(h, "单位"):
		case strings.Contains(h, "年均") || strings.Contains(h, "累计"):
			cols = append(cols, col{roleAvg, y})
		case strings.Contains(h, "实现") || strings.Contains(h, "完成") || strings.Contains(h, "实际"):
			cols = append(cols, col{roleActual, y})
		case strings.Contains(h, "目标") || strings.Contains(h, "规划"):
			cols = append(cols, col{roleTarget, y})
		case y != 0:
			cols = append(cols, col{roleBase, y})
		case strings.Contains(h, "基期") || strings.Contains(h, "现状") || strings.Contains(h, "十二五") || strings.Contains(h, "基数"):
			cols = append(cols, col{roleBase, 0})
		}
	}
	// Two year columns without a word for either: the later one is the target.
	nb := 0
	for _, c := range cols {
		if c.r == roleBase {
			nb++
		}
	}
	hasTarget := false
	for _, c := range cols {
		hasTarget = hasTarget || c.r == roleTarget
	}
	if nb >= 2 && !hasTarget {
		last := -1
		for k, c := range cols {
			if c.r == roleBase && (last < 0 || c.year > cols[last].year) {
				last = k
			}
		}
		cols[last].r = roleTarget
	}
	out := make([]role, len(cols))
	for k, c := range cols {
		out[k] = c.r
	}
	return out, years
}
