package bulletin

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A list of places under a heading that names the indicator, each item a
// place and a number (重庆各区人口:(第七次全国人口普查数据) then 14、江津区:1359611):
// the item of the document's own place is read; the others are other
// places' and are neither read nor listed.

var (
	// itemRe is a list's item: 14、江津区:1359611, 3. 江北区: 92.58万人.
	itemRe = regexp.MustCompile(`^ *\d{1,3} ?[、.] ?(\p{Han}{2,12}?) ?: ?(\d+(?:\.\d+)?) ?((?:万|亿)?(?:元|人)|%)?$`)
	// unitRe is a heading's unit: (万人), 单位:亿元.
	unitRe = regexp.MustCompile(`(?:\(|单位:)((?:万|亿)?(?:元|人)|%)\)?`)
	// censusRe is a population census in a heading: its round (第七次) gives
	// its year, the count is of 1 November (0:00).
	censusRe = regexp.MustCompile(`第([一二三四五六七八])次(?:全国)?人口普查`)
)

// listHead is the heading of a list, read at its first item.
type listHead struct {
	text   string // the heading's line, "" when the line before is no heading
	ind    int    // the indicator it names, -1 when none
	unit   string // its unit, "" when none
	year   int    // the year it names (2023年各区县…, a census's), 0 when none
	census string // the census, as written
	done   bool   // ind, unit and year are known
}

// heading keeps line l as the heading of a list that may follow: a short
// line without a figure.
func (r *reader) heading(l string) {
	r.list = listHead{ind: -1}
	if utf8.RuneCountInString(l) <= 40 && !hasFigure(l) {
		r.list.text = l
	}
}

// item reads line l if it is an item of a list (14、江津区:1359611): ok is
// false when it is not one, to be read as a sentence.
func (r *reader) item(line int, l string) (ok bool) {
	m := itemRe.FindStringSubmatch(strings.TrimSpace(l))
	if m == nil || r.list.text == "" {
		return false
	}
	h := &r.list
	if !h.done {
		h.done = true
		for _, mm := range r.mentions(h.text) {
			if mm.kind != headQualifier {
				h.ind = mm.ind
			}
		}
		if c := censusRe.FindStringSubmatch(h.text); c != nil {
			n := strings.Index("一二三四五六七八", c[1])/len("一") + 1
			h.year, h.census = []int{1953, 1964, 1982, 1990, 2000, 2010, 2020, 2030}[n-1], c[0]
			if i, ok := r.concept("population"); ok && h.ind < 0 && strings.Contains(strings.ReplaceAll(h.text, c[0], ""), "人口") {
				h.ind = i // a census's 人口 is the resident population it counts
			}
		}
		if u := unitRe.FindStringSubmatch(h.text); u != nil {
			h.unit = u[1]
		}
		if y := yearIn(h.text); y != 0 && h.census == "" {
			h.year = y // 2023年各区县地区生产总值(亿元)
		}
	}
	if h.ind < 0 || len(r.mentions(m[1])) > 0 {
		return false // not a list of places (1、地区生产总值:1401.59亿元): a sentence
	}
	if !contains(r.own, m[1]) {
		// another place's figure: not listed (a warning for each of thirty
		// districts would bury the ones that matter)
		return true
	}
	in := r.ind[h.ind]
	unit, how := m[3], ""
	if unit == "" {
		unit = h.unit
	}
	if unit == "" && h.census != "" && in.Concept == "population" {
		unit, how = "人", "原文无单位, 普查数按人计"
	}
	f := Figure{ID: in.ID, Year: r.year, Metric: Level, Doc: r.doc, Line: line, Clause: strings.TrimSpace(l), How: joinHow("列表「"+h.text+"」", how)}
	if h.year != 0 {
		f.Year = h.year
	}
	if h.census != "" {
		f.Break = "break"
		f.Review = h.census + "的数字 (" + strconv.Itoa(h.year) + "年11月1日零时), 不是年末数"
	}
	v, ok := convert(m[2], unit, in.Unit)
	if unit == "" || !ok {
		r.at = h.ind
		r.warn(line, f.Clause, "列表「"+h.text+"」中的数字无单位或单位与规划的不同: 未读取", "a figure in the list “"+h.text+"” without a unit, or not in the plan's: not read")
		return true
	}
	f.Text, f.Value = v, parse(v)
	if unit != in.Unit {
		f.How = joinHow(f.How, m[2]+unit+" = "+v+in.Unit)
	}
	if in.Money {
		f.PriceBasis = "current"
	}
	r.figs = append(r.figs, f)
	return true
}

// numberRe is an item's number: 1、 2. (一) 一、 (3) 4).
var numberRe = regexp.MustCompile(`^ *(?:\d{1,3} ?[、.]|[(] ?(?:\d{1,3}|[一二三四五六七八九十]{1,3}) ?[)]|[一二三四五六七八九十]{1,3} ?[、.]|\d{1,3} ?[)]) *`)

// numbered drops the number of an item that names an indicator with its
// figure (1、地区生产总值:1401.59亿元, (一)常住人口133.45万人, as a
// bulletin's 主要指标 summary lists them): the item is a sentence. An item
// whose text does not open with an indicator's name (14、江津区:1359611,
// 一、综合) keeps its number.
func (r *reader) numbered(l string) string {
	loc := numberRe.FindStringIndex(l)
	if loc == nil || loc[1] < len(l) && isDigit(l[loc[1]]) && strings.HasSuffix(strings.TrimRight(l[:loc[1]], " "), ".") {
		return l // 1.5亿元: a number, not an item's
	}
	rest := l[loc[1]:]
	c, _ := clauses(rest)
	ms := r.mentions(c[0])
	if len(ms) == 0 || ms[0].kind != headNone && ms[0].kind != headQualifier {
		return l
	}
	after := c[0][ms[0].end:]
	if loc := bracketUnitRe.FindStringIndex(after); loc != nil && loc[0] == 0 && quantity(after[loc[1]:]) != nil {
		return rest // 1、地区生产总值(亿元):1401.59
	}
	if !hasFigure(after) {
		return l
	}
	return rest
}
