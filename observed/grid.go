package observed

import (
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/width"
)

// Column names and their accepted spellings (English and Chinese).
var columnNames = map[string]string{
	"indicator": "indicator", "id": "indicator", "指标": "indicator", "指标名称": "indicator",
	"year": "year", "年份": "year", "年度": "year",
	"value": "value", "数值": "value", "值": "value", "观测值": "value",
	"price_basis": "price_basis", "价格口径": "price_basis", "价格": "price_basis",
	"break": "break", "断点": "break", "统计口径": "break",
	"metric": "metric", "类型": "metric", "度量": "metric",
	"source": "source", "来源": "source", "资料来源": "source",
	"note": "note", "备注": "note", "说明": "note",
	"unit": "unit", "单位": "unit",
	"from": "from", "起始年份": "from", "基年": "from",
}

var yearHeader = regexp.MustCompile(`^(\d{4})年?$`)

// yearCell is a year in a year column: four digits, as text or as XLSX
// stores a number (2021.0), with an optional 年.
var yearCell = regexp.MustCompile(`^([0-9]{4})(?:\.0*)?年?$`)

// parseGrid reads the rows of a sheet: the first non-empty row is the
// header; it decides between the long and the wide format.
func (p *parser) parseGrid(rows [][]cell) {
	for len(rows) > 0 && blank(rows[0]) {
		rows = rows[1:]
	}
	if len(rows) == 0 {
		p.problems = append(p.problems, problemAt(p.file, 1, 0, "没有表头行；应为indicator,year,value（长表）或indicator,2021,2022,…（宽表）", "no header row; expected indicator,year,value (long) or indicator,2021,2022,… (wide)"))
		return
	}
	head := rows[0]
	cols := map[string]int{}
	years := map[int]int{} // column index → year
	for i, c := range head {
		h := strings.TrimSpace(width.Fold.String(c.text))
		if h == "" {
			continue
		}
		if m := yearHeader.FindStringSubmatch(h); m != nil {
			y, _ := strconv.Atoi(m[1])
			years[i] = y
			continue
		}
		name, ok := columnNames[strings.ToLower(h)]
		if !ok {
			p.errorf(c, "未知的列%q；应为indicator、year、value、price_basis、break、metric、from、unit、source、note（宽表为年份）", "unknown column %q; expected indicator, year, value, price_basis, break, metric, from, unit, source, note (or years, in the wide format)", h)
			continue
		}
		if _, dup := cols[name]; dup {
			p.errorf(c, "列%q出现了两次", "column %q given twice", h)
			continue
		}
		cols[name] = i
	}
	if _, ok := cols["indicator"]; !ok {
		p.errorf(head[0], "没有指标列；表头须有indicator（指标）", "no indicator column; the header needs indicator (指标)")
		return
	}
	_, hasYear := cols["year"]
	if hasYear || len(years) == 0 {
		for _, need := range []string{"year", "value"} {
			if _, ok := cols[need]; !ok {
				p.errorf(head[0], "没有%s列；长表须有indicator,year,value", "no %s column; the long format needs indicator,year,value", need)
				return
			}
		}
		if len(years) > 0 {
			for i, y := range years {
				p.errorf(head[i], "列%d是年份，但这是长表（已有year列）", "column %d is a year in a long-format file (which has a year column)", y)
			}
			return
		}
		for _, r := range rows[1:] {
			if !blank(r) {
				p.longRow(r, cols)
			}
		}
		return
	}
	if _, ok := cols["value"]; ok {
		p.errorf(head[cols["value"]], "宽表中出现了value列；请用indicator,year,value，或每年一列，二选一", "a value column in a wide-format file; use either indicator,year,value or one column per year")
		return
	}
	for _, r := range rows[1:] {
		if !blank(r) {
			p.wideRow(r, cols, years, head)
		}
	}
}

// at returns cell i of a row (an empty cell past its end).
func at(r []cell, i int, row int) cell {
	if i < len(r) {
		return r[i]
	}
	return cell{row: row, col: i + 1}
}

func (p *parser) attrs(r []cell, cols map[string]int, row int) (o Observation, ok bool) {
	ok = true
	get := func(name string) (cell, bool) {
		i, has := cols[name]
		if !has {
			return cell{}, false
		}
		return at(r, i, row), true
	}
	o.Metric = Level
	if c, has := get("metric"); has {
		m, good := parseMetric(c.text)
		if !good {
			p.errorf(c, "metric %q：应为level（水平）、growth（增速：比上年增长的百分比）或avg_growth（年均增速，需给from）", "metric %q: expected level (水平), growth (增速: percent over the previous year) or avg_growth (年均增速, with from)", c.text)
			ok = false
		}
		o.Metric = m
	}
	if c, has := get("from"); has && strings.TrimSpace(c.text) != "" {
		y, err := strconv.Atoi(strings.TrimSpace(width.Fold.String(c.text)))
		if err != nil || o.Metric != AvgGrowth || y < 1900 || y > 2200 {
			p.errorf(c, "from %q：请给出avg_growth区间的起始年份（2016–2020年写2015），只用于metric avg_growth", "from %q: give the year an avg_growth span starts from (2015 for 2016–2020), only with metric avg_growth", c.text)
			ok = false
		}
		o.From = y
	} else if o.Metric == AvgGrowth {
		p.errorf(at(r, cols["metric"], row), "metric avg_growth需要from列：区间的起始年份（2016–2020年写2015）", "metric avg_growth needs a from column: the year the span starts from (2015 for 2016–2020)")
		ok = false
	}
	if c, has := get("price_basis"); has {
		b, good := parseBasis(c.text)
		if !good {
			p.errorf(c, "price_basis %q：应为年份如2020（2020年价）、comparable（可比价）或current（现价）", "price_basis %q: expected a year such as 2020 (2020年价), comparable (可比价) or current (现价)", c.text)
			ok = false
		}
		o.PriceBasis = b
	}
	if c, has := get("break"); has {
		b, good := parseBreak(c.text)
		if !good {
			p.errorf(c, "break %q：应为空、yes（本年之前口径断开）或rebased（本年按新口径重述）", "break %q: expected empty, yes (a break before this year) or rebased (this year restated on the new definition)", c.text)
			ok = false
		}
		o.Break = b
	}
	if c, has := get("source"); has {
		o.Source = strings.TrimSpace(c.text)
	}
	if c, has := get("note"); has {
		o.Note = strings.TrimSpace(c.text)
	}
	o.Row = row
	return o, ok
}

func (p *parser) longRow(r []cell, cols map[string]int) {
	row := r[0].row
	id, okID := p.indicator(at(r, cols["indicator"], row))
	o, okA := p.attrs(r, cols, row)
	yc := at(r, cols["year"], row)
	y, okY := p.year(yc)
	vc := at(r, cols["value"], row)
	v, err := ParseNumber(vc.text)
	okV := err == nil
	if !okV {
		if strings.TrimSpace(vc.text) == "" {
			p.errorf(vc, "没有数值；没有数据时请删去这一行", "no value; leave the row out when there is no figure")
		} else {
			p.errorf(vc, "数值%q不是数字：%v", "value %q is not a number: %v", vc.text, err)
		}
	}
	if okID && okA && okY && okV {
		o.Year, o.Value = y, v
		if o.Metric == AvgGrowth && o.From >= y {
			p.errorf(yc, "avg_growth从%d到%d：区间结束须晚于开始", "avg_growth from %d to %d: the span must end after it starts", o.From, y)
			return
		}
		if p.inLimits(id, o, vc) {
			p.add(id, o, vc)
		}
	}
}

func (p *parser) wideRow(r []cell, cols map[string]int, years map[int]int, head []cell) {
	row := r[0].row
	id, okID := p.indicator(at(r, cols["indicator"], row))
	base, okA := p.attrs(r, cols, row)
	for i := range head {
		y, isYear := years[i]
		if !isYear {
			continue
		}
		vc := at(r, i, row)
		if missing(vc.text) {
			continue
		}
		v, err := ParseNumber(vc.text)
		if err != nil {
			p.errorf(vc, "%[2]d年的数值%[1]q不是数字：%[3]v", "value %q for %d is not a number: %v", vc.text, y, err)
			continue
		}
		if !p.inRange(head[i], y) || !okID || !okA {
			continue
		}
		o := base
		o.Year, o.Value = y, v
		if p.inLimits(id, o, vc) {
			p.add(id, o, vc)
		}
	}
}

func (p *parser) year(c cell) (int, bool) {
	m := yearCell.FindStringSubmatch(strings.TrimSpace(width.Fold.String(c.text)))
	if m == nil {
		p.errorf(c, "年份%q不是年份；应为四位数字，如2021（或2021年）", "year %q is not a year; expected four digits such as 2021 (or 2021年)", c.text)
		return 0, false
	}
	y, _ := strconv.Atoi(m[1])
	return y, p.inRange(c, y)
}

func (p *parser) inRange(c cell, y int) bool {
	if y < p.cat.MinYear || y > p.cat.MaxYear {
		p.errorf(c, "年份%d超出规划的年份范围%d–%d", "year %d is outside the plan's range %d–%d", y, p.cat.MinYear, p.cat.MaxYear)
		return false
	}
	return true
}

func blank(r []cell) bool {
	for _, c := range r {
		if strings.TrimSpace(c.text) != "" {
			return false
		}
	}
	return true
}

func missing(s string) bool {
	switch strings.TrimSpace(s) {
	case "", "-", "—", "–", "…", "NA", "n/a", "N/A":
		return true
	}
	return false
}

func parseMetric(s string) (Metric, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "level", "水平", "值", "总量":
		return Level, true
	case "growth", "增速", "增长率", "增长":
		return Growth, true
	case "avg_growth", "年均增速", "年均增长":
		return AvgGrowth, true
	}
	return Level, false
}

var basisYear = regexp.MustCompile(`^(\d{4})(年价|年不变价|年可比价|年价格)?$`)

func parseBasis(s string) (string, bool) {
	t := strings.ToLower(strings.TrimSpace(s))
	switch t {
	case "":
		return "", true
	case "current", "现价", "当年价", "当年价格", "nominal":
		return Current, true
	case "comparable", "可比价", "可比价格", "constant", "不变价", "不变价格":
		return Comparable, true
	}
	if m := basisYear.FindStringSubmatch(t); m != nil {
		return m[1], true
	}
	return "", false
}

func parseBreak(s string) (Break, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "no", "否", "0", "false", "n":
		return NoBreak, true
	case "yes", "是", "1", "true", "y", "break", "断点":
		return Broken, true
	case "rebased", "修订", "新口径", "rebase":
		return Rebased, true
	}
	return NoBreak, false
}
