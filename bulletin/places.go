package bulletin

import (
	"regexp"
	"strconv"
	"strings"

	"fyp/document"
)

// A table with places as rows and indicators as columns, as a city's
// bulletin prints its districts:
//
//	表3 2023年各区县主要经济指标
//	区县 | 地区生产总值(亿元) | 比上年增长(%) | 常住人口(万人)
//	江津区 | 1401.59 | 7.0 | 133.45
//
// Only the row of the plan's place (江津区, 重庆市江津区, 江津), or when the
// table has none the document's own (全市, 全区, the title's place), is
// read; the other places' rows are neither read nor listed. A column whose
// header names an indicator (its unit in brackets, maybe with 总量, 绝对数)
// gives its level; one whose header names it with 增长, 增速 or 比上年±%, or
// says only 增长(%) right after its level's column, its growth. The year is
// the caption's or the column's, else the document's, marked review.

// placeCol is what a column of a table of places holds.
type placeCol struct {
	ind    int // the indicator, -1 when the column is not read
	growth bool
}

var (
	// placeLevelRe is what may follow an indicator's name over a column of
	// its levels: 地区生产总值总量(亿元), 常住人口年末数.
	placeLevelRe = regexp.MustCompile(`^(?:绝对数|绝对量|总量|数值|数量|全年|年末数?|本年|实绩|完成|合计|总数|现价)?$`)
	// placeGrowthRe is what says a column holds growth over the previous
	// year: 增长, 比上年增长, 增速, 比上年±, 同比增长.
	placeGrowthRe = regexp.MustCompile(`^(?:比上年|较上年|同比)?(?:增长|增速|增长率|增减|±)%?$`)
	// wholeRe names the whole of the document's place in a table of its parts.
	// (not 合计: the total of a table's rows, which may be some parts only)
	wholeRe = regexp.MustCompile(`^(?:全市|全区|全县|全省|全州|全盟|全旗)$`)
)

// bareHead is a column's header without its units in brackets, its year
// and spaces: what names the indicator.
func bareHead(h string) string {
	h = bracketUnitRe.ReplaceAllString(h, "")
	h = strings.ReplaceAll(h, " ", "")
	h = tableYearRe.ReplaceAllString(h, "")
	return strings.TrimSpace(h)
}

// placeCols tells a table of places: the role of each column, nil when no
// column's header names an indicator, or when a row does (a table with
// indicators as rows: 指标 | 地区生产总值(亿元) | … then 地区生产总值 | …).
func (r *reader) placeCols(cols []tableCol, nameCol int, rows [][]string) []placeCol {
	for _, row := range rows {
		if nameCol >= len(row) {
			continue
		}
		name := placeName(row[nameCol])
		if loc := bracketUnitRe.FindStringIndex(name); loc != nil && loc[1] == len(name) {
			name = name[:loc[0]]
		}
		for _, m := range r.mentions(name) {
			if m.kind == headNone || m.kind == headQualifier {
				return nil
			}
		}
	}
	out := make([]placeCol, len(cols))
	named := false
	for j, c := range cols {
		out[j].ind = -1
		if j == nameCol {
			continue
		}
		h := bareHead(c.head)
		ms := r.mentions(h)
		if len(ms) == 0 {
			// 增长(%) right after a column of levels
			if j > 0 && j-1 != nameCol && out[j-1].ind >= 0 && !out[j-1].growth && placeGrowthRe.MatchString(h) {
				out[j] = placeCol{ind: out[j-1].ind, growth: true}
			}
			continue
		}
		m := ms[0]
		if m.kind != headNone {
			continue // another concept (城镇常住人口, 占地区生产总值比重) or a place's: not read
		}
		switch rest := h[m.end:]; {
		case placeLevelRe.MatchString(rest):
			out[j].ind, named = m.ind, true
		case placeGrowthRe.MatchString(rest):
			out[j], named = placeCol{ind: m.ind, growth: true}, true
		}
	}
	if !named {
		return nil
	}
	return out
}

// placeTable is a table of places as table() has taken it apart.
type placeTable struct {
	caption, all string
	rows         [][]string
	lines        []document.Line
	first        int // the first row of data
	n            int // the header's width
	ragged       bool
	nameCol      int
	cols         []tableCol
	roles        []placeCol
	year         int // the caption's or a column's, 0 when none
	part, future string
	unitAll      string
}

// places reads the row of the plan's place of table t, or, when it has
// none, the document's own.
func (r *reader) places(t placeTable) {
	plan := ownPlaces(r.place, "", "", nil)
	row := -1
	for _, pass := range []func(string) bool{
		func(s string) bool { return contains(plan, s) },
		func(s string) bool { return contains(r.own, s) || wholeRe.MatchString(s) },
	} {
		for i := t.first; i < len(t.rows) && row < 0; i++ {
			if t.nameCol < len(t.rows[i]) && anyNum(t.rows[i]) && pass(placeName(t.rows[i][t.nameCol])) {
				row = i
			}
		}
	}
	if row < 0 {
		return // other places' rows only: neither read nor listed
	}
	cells := t.rows[row]
	line, quote := t.lines[row].No, strings.Join(cells, " | ")
	where := "表"
	if t.caption != "" {
		where += "「" + t.caption + "」"
	}
	where += "第" + strconv.Itoa(row+1) + "行「" + placeName(cells[t.nameCol]) + "」"
	r.at = -1
	for _, c := range t.roles {
		if c.ind >= 0 {
			r.at = c.ind
			break
		}
	}
	warn := func(zh, en string) {
		r.warn(line, quote, where+": "+zh+": 未读取", "table row "+strconv.Itoa(row+1)+": "+en+": not read")
	}
	switch {
	case t.future != "":
		warn("目标或预期 ("+t.future+"), 不是实际值", "a target or expectation (“"+t.future+"”), not an outcome")
		return
	case t.part != "":
		warn("部分时期或累计的数字 ("+t.part+"), 不是全年的", "a figure for part of the year or a running total (“"+t.part+"”), not the whole year's")
		return
	case t.ragged || len(cells) != t.n:
		warn("行的列数与表头不同 (合并单元格?), 不知数字在哪一列", "the row and the header differ in width (merged cells?): which column a figure is in is not known")
		return
	}
	var got []Figure
	why := ""
	for j, c := range t.roles {
		if c.ind < 0 || !isNum(cells[j]) {
			continue
		}
		col := t.cols[j]
		if col.year != 0 && r.year != 0 && col.year > r.year {
			continue // a later year than the document's: a target
		}
		f, w := r.cellFigure(r.ind[c.ind], cells[j], tableCell{head: col.head, unit: col.unit, year: col.year, growth: c.growth},
			tableOf{year: t.year, unitAll: t.unitAll, all: t.all, caption: t.caption, where: where, quote: quote, line: line})
		if w != "" {
			why = w
			continue
		}
		got = append(got, f)
	}
	n := len(r.figs)
	for len(got) > 0 { // each indicator's columns: one figure each
		var one, rest []Figure
		for _, f := range got {
			if f.ID == got[0].ID {
				one = append(one, f)
			} else {
				rest = append(rest, f)
			}
		}
		one, twice := oneEach(one)
		r.figs = append(r.figs, one...)
		if twice != "" {
			name := got[0].ID
			for _, in := range r.ind {
				if in.ID == name && len(in.Names) > 0 {
					name = in.Names[0]
				}
			}
			warn("「"+name+"」两列都是"+twice+", 不知取哪一列", "two columns hold the same year's figure of “"+name+"”: which one to take is not known")
		}
		got = rest
	}
	if len(r.figs) == n && why != "" {
		warn(why, "no column read (a level with its unit, or growth in %)")
	}
}

// placeName is a row's place as its name cell gives it: 江津区 for
// 14.江津区 or 江 津 区.
func placeName(c string) string {
	c = strings.TrimSpace(rowNumberRe.ReplaceAllString(c, ""))
	return strings.ReplaceAll(c, " ", "")
}
