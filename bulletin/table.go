package bulletin

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyp/document"
)

// A table of a Word file or a web page (document.Block.Table), as
// bulletins print their main figures:
//
//	表1 2023年主要经济指标
//	指标 | 单位 | 绝对数 | 比上年增长(%)
//	地区生产总值 | 亿元 | 1401.59 | 7.0
//
// A row whose name cell is an indicator's name (and nothing else: 其中:城镇常住人口
// is another concept) gives a level from a column of levels (绝对数, 总量,
// 2023年, (亿元) …) in the unit of the unit column, the name's brackets, the
// column's brackets or the caption's 单位:, and a growth from a column of
// growth (比上年增长(%), 增速); a column of shares, ranks, targets or last
// year's figures is not read. The year is the column's (2023年), else the
// caption's or the header's; without one, the document's, marked review.
// A table for part of a year or of targets gives nothing (a Warning says
// so), and so does a row naming an indicator that gives nothing.

var (
	// numCellRe is a cell holding a number only: 1401.59, -3.2, 1,401.59.
	numCellRe = regexp.MustCompile(`^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$`)
	// bracketUnitRe is a unit in brackets at the end of a cell: 地区生产总值(亿元), 比上年增长(%).
	bracketUnitRe = regexp.MustCompile(`\(((?:万|亿)?(?:美元|元|人次|人|户|家|个|列|天|吨|千瓦|平方公里|公里|亩|公顷|张|所|辆|头|件)|%|百分点|个百分点)\)`)
	captionUnitRe = regexp.MustCompile(`单位:\s*((?:万|亿)?(?:美元|元|人|户|家|个|吨|亩|公顷)|%)`)
	tableYearRe   = regexp.MustCompile(`((?:19|20)\d\d) ?年`)
	rowNumberRe   = regexp.MustCompile(`^(?:\d{1,2}[.、]|\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、)`)
	growthHeadRe  = regexp.MustCompile(`增长|增速|增减|±|同比|比上年|比去年`)
	skipHeadRe    = regexp.MustCompile(`比重|占|构成|结构|位次|排名|排位|目标|计划|预期|上年|去年|同期`)
	levelHeadRe   = regexp.MustCompile(`绝对|总量|数值|数量|全年|年末|本年|实绩|完成|金额|总额|数额|实际|本期|合计|总数|产量|(?:19|20)\d\d ?年|1 ?[-—–－~～至到] ?12 ?月|12月末`)
)

// Roles of a table's columns.
const (
	colSkip = iota
	colLevel
	colGrowth
	colUnit
	colName
)

type tableCol struct {
	role int
	head string // the header's words over the column
	unit string // the unit its header gives in brackets
	year int    // the year its header names
}

// cell cleans a table's cell: simplified characters, no spaces between
// Chinese characters (工 业), no footnote mark (4.20*).
func cell(s string) string {
	t, _ := simplified(s)
	return strings.TrimSpace(strings.TrimRight(joinHan(strings.TrimSpace(t)), "*"))
}

func isNum(s string) bool { return numCellRe.MatchString(s) || qtyCellRe.MatchString(s) }

// qtyCellRe is a cell holding a number and its unit: 1401.59亿元, 7.0%.
var qtyCellRe = regexp.MustCompile(`^(-?\d+(?:\.\d+)?) ?((?:万|亿)?(?:美元|元|人次|人|户|家|个|列|天|吨|千瓦|平方公里|公里|亩|公顷|张|所|辆|头|件)|%)$`)

// number splits a cell into its number (without thousands' commas) and
// the unit written in it, if any.
func number(c string) (num, unit string) {
	if m := qtyCellRe.FindStringSubmatch(c); m != nil {
		return m[1], m[2]
	}
	return strings.ReplaceAll(c, ",", ""), ""
}

// layout tells a table that lays out a page (a government site's saved
// page puts its text in table cells): a cell holds a sentence. Its rows
// are read as paragraphs.
func layout(b document.Block) bool {
	for _, row := range b.Table {
		for _, c := range row {
			if strings.ContainsAny(c, "。;") || utf8.RuneCountInString(c) > 80 {
				return true
			}
		}
	}
	return false
}

// table reads table block b; caption is the paragraph before it, rows
// its rows' lines (a text's table has one line a row).
func (r *reader) table(b document.Block, caption string, lines []document.Line) {
	if utf8.RuneCountInString(caption) > 60 || hasFigure(caption) {
		caption = "" // a sentence, not a table's caption
	}
	rows := make([][]string, len(b.Table))
	for i, row := range b.Table {
		rows[i] = make([]string, len(row))
		for j, c := range row {
			rows[i][j] = cell(c)
		}
	}
	// title rows (one text, maybe repeated over merged cells), then header
	// rows (no number), then the data
	k := 0
	for ; k < len(rows); k++ {
		if distinct(rows[k]) > 1 || anyNum(rows[k]) {
			break
		}
		if t := strings.Join(nonEmpty(rows[k]), ""); t != "" {
			caption = strings.TrimSpace(caption + " " + t)
		}
	}
	h0 := k
	for ; k < len(rows) && !anyNum(rows[k][min(1, len(rows[k])):]); k++ {
	}
	head := rows[h0:k]
	n := 0
	for _, row := range rows {
		n = max(n, len(row))
	}
	if n == 0 {
		return
	}
	cols := make([]tableCol, n)
	for j := range cols {
		var words []string
		for _, row := range head {
			if j < len(row) && row[j] != "" && (len(words) == 0 || words[len(words)-1] != row[j]) {
				words = append(words, row[j])
			}
		}
		cols[j] = classifyCol(strings.Join(words, ""))
	}
	ragged := false // a header row of another width: merged cells given once
	for _, row := range head {
		ragged = ragged || len(row) != n
	}
	nameCol := 0
	if len(cols) > 1 && (strings.Contains(cols[0].head, "序号") || strings.Contains(cols[0].head, "编号")) {
		nameCol = 1
	}
	cols[nameCol].role = colName
	year := 0
	if m := tableYearRe.FindStringSubmatch(caption); m != nil {
		year, _ = strconv.Atoi(m[1])
	}
	all := caption
	for _, c := range cols {
		all += " " + c.head
	}
	if year == 0 {
		for _, c := range cols {
			if c.role != colSkip && c.year != 0 {
				year = c.year
				break
			}
		}
	}
	part := r.part
	if part == "" {
		part = partOfYear(all)
	}
	future := futureRe.FindString(caption)
	for _, c := range cols {
		if strings.Contains(c.head, "属性") {
			future = "属性" // a plan's table of indicators: 预期性, 约束性
		}
	}
	unitAll := ""
	if m := captionUnitRe.FindStringSubmatch(all); m != nil {
		unitAll = m[1]
	}
	if roles := r.placeCols(cols, nameCol, rows[k:]); roles != nil {
		r.places(placeTable{caption: caption, all: all, rows: rows, lines: lines, first: k, n: n, ragged: ragged, nameCol: nameCol,
			cols: cols, roles: roles, year: year, part: part, future: future, unitAll: unitAll})
		return
	}
	for i := k; i < len(rows); i++ {
		row := rows[i]
		if nameCol >= len(row) {
			continue
		}
		name := strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(row[nameCol], "其中:"), "其中"), "# ") // #工业: of which
		name = strings.TrimSpace(rowNumberRe.ReplaceAllString(name, ""))
		unitName := ""
		if loc := bracketUnitRe.FindStringSubmatchIndex(name); loc != nil && loc[1] == len(name) {
			unitName, name = name[loc[2]:loc[3]], strings.TrimSpace(name[:loc[0]])
		}
		ind, other := -1, -1 // the name, maybe after 全区, 年末 or the own place (classify)
		before := ""         // the words before other's name
		for _, m := range r.mentions(name) {
			if m.end == len(name) && m.kind == headNone {
				ind = m.ind
			} else if m.kind == headOther || m.kind == headPlace {
				other, before = m.ind, m.head // 江津综保区进出口总额, 回程开行…
				if m.place != "" {
					before = m.place // 永川区地区生产总值
				}
			}
		}
		if ind < 0 && other >= 0 && anyNum(row) {
			r.at = other
			r.warn(lines[i].No, strings.Join(row, " | "), "表格行的名称中指标名前有「"+before+"」, 不能确定说的是本指标: 未读取",
				"“"+before+"” before the indicator's name in a table row: perhaps not this indicator: not read")
		}
		if ind < 0 || !anyNum(row) {
			continue
		}
		r.at = ind
		line := lines[i].No
		quote := strings.Join(row, " | ")
		where := "表"
		if caption != "" {
			where += "「" + caption + "」"
		}
		where += "第" + strconv.Itoa(i+1) + "行"
		warn := func(zh, en string) {
			r.warn(line, quote, where+": "+zh+": 未读取", "table row "+strconv.Itoa(i+1)+": "+en+": not read")
		}
		switch {
		case future != "":
			warn("目标或预期 ("+future+"), 不是实际值", "a target or expectation (“"+future+"”), not an outcome")
			continue
		case part != "":
			warn("部分时期或累计的数字 ("+part+"), 不是全年的", "a figure for part of the year or a running total (“"+part+"”), not the whole year's")
			continue
		case len(head) == 0:
			warn("表格没有表头, 不知各列是什么", "a table without a header: what its columns hold is not known")
			continue
		case ragged || len(row) != n:
			warn("行的列数与表头不同 (合并单元格?), 不知数字在哪一列", "the row and the header differ in width (merged cells?): which column a figure is in is not known")
			continue
		}
		in := r.ind[ind]
		rowUnit := unitName
		for j, c := range cols {
			if c.role == colUnit && j < len(row) && row[j] != "" {
				rowUnit = row[j]
			}
		}
		var got []Figure // the row's figures
		why := ""
		for j, c := range cols {
			if j >= len(row) || !isNum(row[j]) || c.role != colLevel && c.role != colGrowth {
				continue
			}
			if c.year != 0 && r.year != 0 && c.year > r.year {
				continue // a later year than the document's: a target
			}
			f, w := r.cellFigure(in, row[j], tableCell{head: c.head, unit: c.unit, year: c.year, growth: c.role == colGrowth},
				tableOf{year: year, rowUnit: rowUnit, unitAll: unitAll, all: all, caption: caption, where: where, quote: quote, line: line})
			if w != "" {
				why = w
				continue
			}
			got = append(got, f)
		}
		got, twice := oneEach(got)
		r.figs = append(r.figs, got...)
		if twice != "" {
			warn("两列都是"+twice+", 不知取哪一列", "two columns hold the "+twice+": which one to take is not known")
			continue
		}
		if len(got) == 0 {
			if why == "" {
				why = "没有可读的列 (绝对数、比上年增长…)"
			}
			warn(why, "no column read (a level with its unit, or growth in %)")
		}
	}
}

// oneEach keeps one figure for each metric and year of a row: of two
// growth columns the real one (扣除价格因素实际增长 beside 名义增长), its
// nominal noted; of two others none, twice naming the metric.
// tableCell is a column as a figure needs it: its head, unit and year,
// and whether it holds growth rates.
type tableCell struct {
	head, unit string
	year       int
	growth     bool
}

// tableOf is a table row as a figure needs it: the table's year, the row's
// and the caption's units, all its text (for 约/预计), the caption, where
// the row stands and its words, and its line.
type tableOf struct {
	year                                         int
	rowUnit, unitAll, all, caption, where, quote string
	line                                         int
}

// cellFigure is the figure of indicator in that a numeric cell gives: a
// level in its unit (levelCell) or a growth rate in %, for the column's
// year, else the table's, else the document's (marked review); why not,
// when the cell gives none.
func (r *reader) cellFigure(in Indicator, cell string, c tableCell, t tableOf) (f Figure, why string) {
	num, cellUnit := number(cell)
	f = Figure{ID: in.ID, Year: r.year, Metric: Level, Doc: r.doc, Line: t.line, Clause: t.quote,
		How: t.where + ", 列「" + c.head + "」"}
	switch {
	case c.year != 0:
		f.Year = c.year
	case t.year != 0:
		f.Year = t.year
	default:
		f.Review = "表中未写明年份, 按文件的年份读取"
	}
	if doubtRe.MatchString(t.all) {
		f.Review = joinHow(f.Review, "原文为约数或预计数")
	}
	if c.growth {
		if in.Unit == "%" || c.unit != "" && c.unit != "%" || t.rowUnit == "%" || cellUnit != "" && cellUnit != "%" {
			return f, "百分比指标的增减或非百分比的增长"
		}
		f.Metric, f.Text = Growth, num
		f.PriceBasis = r.basis(in, c.head+" "+t.caption)
	} else if w := levelCell(&f, in, num, cellUnit, t.rowUnit, c.unit, t.unitAll); w != "" {
		return f, w
	}
	f.Value = parse(f.Text)
	return f, ""
}

// levelCell sets f to the level num in the first of units given (the
// cell's own, the row's, the column's, the caption's), converted to in's
// unit; it returns why not when no unit is given or it does not convert.
func levelCell(f *Figure, in Indicator, num string, units ...string) (why string) {
	unit := ""
	for _, u := range units {
		if u != "" {
			unit = u
			break
		}
	}
	v, ok := convert(num, unit, in.Unit)
	if unit == "" || !ok {
		return "单位「" + unit + "」与规划的单位" + in.Unit + "不同或未写明"
	}
	f.Text = v
	if unit != in.Unit {
		f.How = joinHow(f.How, num+unit+" = "+v+in.Unit)
	}
	if in.Money {
		f.PriceBasis = "current"
	}
	return ""
}

func oneEach(figs []Figure) (out []Figure, twice string) {
	for _, f := range figs {
		k := -1
		for i, g := range out {
			if g.Metric == f.Metric && g.Year == f.Year {
				k = i
			}
		}
		if k < 0 {
			out = append(out, f)
			continue
		}
		g := out[k]
		realF, realG := realRe.MatchString(f.How) && !nominalRe.MatchString(f.How), realRe.MatchString(g.How) && !nominalRe.MatchString(g.How)
		switch {
		case f.Metric == Growth && realF && !realG:
			f.PriceBasis = "comparable"
			f.How = joinHow(f.How, "名义增长"+g.Text+"% (现价)")
			out[k] = f
		case f.Metric == Growth && realG && !realF:
			out[k].PriceBasis = "comparable"
			out[k].How = joinHow(g.How, "名义增长"+f.Text+"% (现价)")
		default:
			name := "增长率"
			if f.Metric == Level {
				name = "同一年的数值"
			}
			return nil, name
		}
	}
	return out, ""
}

// classifyCol says what a column holds from its header's words.
func classifyCol(h string) tableCol {
	c := tableCol{head: h}
	if m := bracketUnitRe.FindStringSubmatch(h); m != nil {
		c.unit = m[1]
	}
	if m := tableYearRe.FindStringSubmatch(h); m != nil {
		c.year, _ = strconv.Atoi(m[1])
	}
	switch {
	case h == "单位" || h == "计量单位":
		c.role = colUnit
	case growthHeadRe.MatchString(h) && !strings.Contains(h, "百分点"):
		c.role = colGrowth
	case skipHeadRe.MatchString(h):
	case levelHeadRe.MatchString(h) || c.unit != "" && bracketUnitRe.FindString(h) == h:
		c.role = colLevel
	}
	return c
}

func distinct(row []string) int {
	var seen []string
	for _, c := range row {
		if c != "" && !contains(seen, c) {
			seen = append(seen, c)
		}
	}
	return len(seen)
}

func nonEmpty(row []string) []string {
	var out []string
	for _, c := range row {
		if c != "" && !contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

func anyNum(row []string) bool {
	for _, c := range row {
		if isNum(c) {
			return true
		}
	}
	return false
}

// pipeTables adds to tables (by the index of the first row in lines) the
// tables a text gives as lines of cells between |, as reposts print them
// (指 标 | 绝对量(亿元) | 比上年增长(%) | 比重(%) |): two lines or more
// of three cells or more, none of them a row of a document's own table.
func pipeTables(lines []document.Line, tables map[int]document.Block) {
	rowsOf := func(k int) []string {
		t := strings.TrimSpace(lines[k].Text)
		if strings.Count(t, "|") < 2 {
			return nil
		}
		cells := strings.Split(strings.TrimSuffix(strings.TrimPrefix(t, "|"), "|"), "|")
		if len(cells) < 3 {
			return nil
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		return cells
	}
	runTables(lines, tables, rowsOf, func([][]string) bool { return true })
}

// runTables adds to tables each run of two lines or more that cellsOf
// splits into cells (nil: not a row), at most maxPipeRows a table, that
// keep says is a table; the tables already there are passed over.
func runTables(lines []document.Line, tables map[int]document.Block, cellsOf func(k int) []string, keep func(rows [][]string) bool) {
	for k := 0; k < len(lines); k++ {
		if b, ok := tables[k]; ok {
			k += len(b.Table) - 1
			continue
		}
		var rows [][]string
		for j := k; j < len(lines) && len(rows) < maxPipeRows; j++ {
			if _, ok := tables[j]; ok {
				break
			}
			c := cellsOf(j)
			if c == nil {
				break
			}
			rows = append(rows, c)
		}
		if len(rows) >= 2 && keep(rows) {
			tables[k] = document.Block{Line: lines[k].No, Table: rows}
			k += len(rows) - 1
		}
	}
}

// maxPipeRows bounds a text's table: a longer run of rows starts another.
const maxPipeRows = 10_000

// columnGap separates the columns of a PDF's table as pdftotext -layout
// prints them (package document keeps such runs of spaces as two).
var columnGap = regexp.MustCompile(`\s{2,}`)

// columnTables adds to tables the tables a PDF's text gives as lines of
// columns apart by two spaces or more (spaced: the lines before spaces
// between Chinese characters are dropped):
//
//	指标       绝对量(亿元)     比上年增长(%)    比重(%)
//	地区生产总值     1867.07         6.5    100.0
//
// two lines or more of three cells or more without a sentence's
// punctuation, one of them with a number. Single characters apart (指 标,
// 工 业) are one cell.
func columnTables(spaced []string, lines []document.Line, tables map[int]document.Block) {
	cellsOf := func(k int) []string {
		t := strings.TrimSpace(spaced[k])
		if strings.ContainsAny(t, "。,;:") {
			return nil
		}
		var cells []string
		single := false // the last cell is single characters apart
		for _, c := range columnGap.Split(t, -1) {
			one := utf8.RuneCountInString(c) == 1 && unicode.Is(unicode.Han, []rune(c)[0])
			if one && single {
				cells[len(cells)-1] += c // 指  标
				continue
			}
			cells, single = append(cells, c), one
		}
		if len(cells) < 3 {
			return nil
		}
		return cells
	}
	runTables(lines, tables, cellsOf, func(rows [][]string) bool {
		for _, r := range rows {
			if anyNum(r) {
				return true
			}
		}
		return false
	})
}
