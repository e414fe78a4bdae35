package bulletin

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"fyp/document"

	"fyp/internal/bilingual"
)

// Metrics of a figure, as the observed format names them.
const (
	Level     = "level"
	Growth    = "growth"     // over the previous year, percent
	AvgGrowth = "avg_growth" // average a year from From to Year, percent
)

// Figure is one figure read for an indicator.
type Figure struct {
	ID         string
	Year       int
	From       int // AvgGrowth: the year the span starts from (2015 for 2016–2020)
	Metric     string
	Value      float64
	Text       string // the value as written, in the plan's unit
	PriceBasis string // "current", "comparable" or ""
	Break      string // "", "break" or "rebased"
	Derived    bool   // obtained by the arithmetic the document states
	Review     string // why the reading needs checking, "" when sure
	Doc        string // the document's file name
	Line       int    // the line (paragraph) the clause stands on
	Clause     string // the words it was read from, verbatim
	How        string // what the reader did (a conversion, a derivation)
}

// Warning is a clause that names an indicator beside a figure the reader
// could not interpret: for the user to read.
type Warning struct {
	Doc    string
	Line   int
	Clause string
	Msg    string // in Chinese
	MsgEN  string // the same in English, quoting the document's words “…”
}

// In is the warning's message in lang ("zh" or "en").
func (w Warning) In(lang string) string {
	if lang == "en" && w.MsgEN != "" {
		return w.MsgEN
	}
	return w.Msg
}

// Options say what to look for.
type Options struct {
	Indicators []Indicator
	// Year is the year the document reports on; 0 takes it from the title.
	Year int
	// Place is the plan's place (重庆市江津区), "" when not known: another
	// district or county standing as a subject (九龙坡区常住人口…) is not it,
	// unless the document's first line names it (its own bulletin).
	Place string
}

// Result is what a document gives.
type Result struct {
	Year     int
	Figures  []Figure
	Warnings []Warning
	// MoreWarnings counts the warnings past MaxWarnings, not kept.
	MoreWarnings int
	// Place is the place the title names (重庆市, 重庆市江津区), "" when it
	// names none: the figures read are that place's (see Elsewhere).
	Place string
}

// MarkReview adds why to every figure's review mark (a figure the user
// must check, see Figure.Review).
func (r *Result) MarkReview(why string) {
	for i := range r.Figures {
		r.Figures[i].Review = joinHow(r.Figures[i].Review, why)
	}
}

// Elsewhere reports whether the title names a place other than region,
// the plan's (重庆市 for a plan of 重庆市江津区, or the reverse): the
// document's own figures are then another place's. Neither name empty.
func (r *Result) Elsewhere(region string) bool {
	if r.Place == "" || localName(region) == "" {
		return false
	}
	return !strings.Contains(r.Place, localName(region)) || !strings.Contains(region, localName(r.Place))
}

// MaxFigures bounds the figures of one document: a year's bulletin states
// a few hundred; a file with more is not one, and is refused before it
// fills memory. MaxWarnings bounds the warnings kept (the rest are counted).
const (
	MaxFigures  = 100_000
	MaxWarnings = 1000
)

// ErrTooMany is a document with more than MaxFigures figures.
var ErrTooMany = &bilingual.Error{ZH: "一份公报或报告中的数据过多", EN: "too many figures for one bulletin or report"}

// ErrNoYear is a document whose title names no year, with a figure in a
// sentence that does not start with its own (2022年末…).
var ErrNoYear = &bilingual.Error{ZH: "标题中没有年份（如“2023年…统计公报”）：请用--year给出", EN: `the title names no year (as in "2023年…统计公报"): give --year`}

var (
	titleRe    = regexp.MustCompile(`((?:19|20)\d\d)\s*年.{0,40}?(统计公报|状况公报|公报|政府工作报告|工作报告)`)
	congressRe = regexp.MustCompile(`((?:19|20)\d\d)年\d{1,2}月\d{1,2}日在.{0,40}?人民代表大会`)
	leadYear   = regexp.MustCompile(`^((?:19|20)\d\d)年`)
	qtyRe      = regexp.MustCompile(`(\d+(?:\.\d+)?) ?(个百分点|百分点|%|‰|倍|(?:万|亿)?(?:美元|元/人|元|人次|人|户|家|个|列|天|件|吨|千瓦|平方公里|公里|亩|千公顷|公顷|张|所|辆|头|d\b)?)`)
	ratioRe    = regexp.MustCompile(`三次产业(?:增加值)?(?:结构|比例|构成|比重)[^\d]{0,40}?(?:由(上年的|(?:19|20)\d\d年的)?([\d.]+):([\d.]+):(\d+(?:\.\d+)?)调整为)?(\d+(?:\.\d+)?):(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)|第一、二、三产业(?:增加值)?占(?:地区)?生产总值(?:的)?比重(?:分别)?为(\d+(?:\.\d+)?)%、(\d+(?:\.\d+)?)%、(\d+(?:\.\d+)?)%`)
	ownShareRe = regexp.MustCompile(`^(\p{Han}{2,12}?)占(?:全区|全市|全县|全省)?(?:经济总量|地区生产总值|生产总值|GDP)(?:的)?比重(?:为|达)?(\d+(?:\.\d+)?)%`)
	// urbanShareRe is the urban population's share after its level: the
	// urbanization rate (urbanRe, the clause before).
	urbanShareRe = regexp.MustCompile(`^占(?:年末)?(?:全区|全市|全县|全省|全国)?(?:常住人口|常住总人口|总人口|人口)(?:的)?比重(?:为|达)?(\d+(?:\.\d+)?)%`)
	urbanRe      = regexp.MustCompile(`^(?:城镇常住人口|城镇人口)(?:为|达)?\d`)
	sameRe       = regexp.MustCompile(`^(?:与|和|同|比|较)上年(?:末|同期)?(?:相比)?持平$`)
	shareRe      = regexp.MustCompile(`^占(?:全区|全市|全县|全省)?(?:经济总量|地区生产总值|生产总值|GDP)(?:的)?(?:比重)?(?:为|达)?(\d+(?:\.\d+)?)%`)
	ratioIn      = regexp.MustCompile(`\d:\d|%、\d`)
	// between is what may stand between a name and its figure.
	betweenRe  = regexp.MustCompile(`^(?:\([^()]*\)|\[\d+\]|为|达到|达|实现|完成|是|共|总计|合计|约|预计|比上年末|比上年同期|比上年|较上年末|较上年同期|较上年|现价总量|总量|总数|全年开行量|开行量|全年|[两三四五]年平均|比(?:19|20)\d\d年|同比|五年来|五年|年均|平均|增长|增加|提高|提升|上升|下降|减少|降低|回落|增速|分别|首次|突破|超过|:|到|至|了|已|稳定在|保持在|由|按不变价格计算|按可比价格计算|扣除价格因素|实际|名义|[ ,])*$`)
	leadRe     = regexp.MustCompile(`^(?:(?:\p{Han}{2,3}[省市])?\p{Han}{1,2}[^\x00-\x7F地新保税园片港发开范能心聚验全][区县](?:人民政府)?|全年|年末|全区|全市|全县|全省|全国|年内|当年|实现|完成|累计|共计|共|其中:?|(?:19|20)\d\d年末?|全年全区|本区|我区|城区|预计(?:\(下同\))?|按(?:当年|年末|年平均)?常住人口计算(?:的)?|最终(?:核实|核算|计算)|登记在册的|各类| )*`)
	contRe     = regexp.MustCompile(`^(?:与(?:19|20)\d\d年相比|[两三四五]年平均|五年年均|五年来年均|比上年|较上年|比(?:19|20)\d\d年|同比|增长|下降|减少|降低|提高|提升|上升|回落|实际增长|扣除价格因素|按不变价格|按可比价格|按可比价|年均|增速|达|为)`)
	spanRe     = regexp.MustCompile(`(五年来|过去五年|近五年|五年|“?十([一二三四五])五”?(?:时期|期间)?|([两三四])年平均)`)
	sinceRe    = regexp.MustCompile(`与((?:19|20)\d\d)年相比`)
	yearInRe   = regexp.MustCompile(`(^|[^比较与从到至])((?:19|20)\d\d)年`)
	otherYrRe  = regexp.MustCompile(`(?:比|较)((?:19|20)\d\d)年`)
	breakRe    = regexp.MustCompile(`第七次全国人口普查|第七次人口普查|七普|口径调整|口径变化|新口径|统计口径`)
	doubtRe    = regexp.MustCompile(`约|左右|预计|初步统计|力争`)
	realRe     = regexp.MustCompile(`按不变价格|按可比价|可比价格|不变价|实际增长|扣除价格因素`)
	nominalRe  = regexp.MustCompile(`名义增长|按现价`)
	upRe       = regexp.MustCompile(`增长|增加|提高|提升|上升`)
	downRe     = regexp.MustCompile(`下降|减少|降低|回落`)
	toRe       = regexp.MustCompile(`(?:增长|增加|提高|提升|上升|下降|减少|降低|回落)(?:到|至)`)
	futureRe   = regexp.MustCompile(`今后五年|未来五年|预期目标|主要目标|力争|争取|要实现|目标是|计划|将达到|预计到|(?:^|[^加高升长大至])到(?:19|20)\d\d年`)
	fromToRe   = regexp.MustCompile(`^从(?:((?:19|20)\d\d)年(?:的)?)?(\d+(?:\.\d+)?)(%|(?:万|亿)?(?:美元|元|人)?)(?:增加|增长|提高|提升|上升|扩大|下降|减少|降低)?(?:到|至)(?:((?:19|20)\d\d)年(?:的)?)?(\d+(?:\.\d+)?)(%|(?:万|亿)?(?:美元|元|人)?)`)
	sentenceRe = regexp.MustCompile(`[。;!?]`)
)

// Read reads every figure d states for o's indicators.
func Read(d *document.Document, o Options) (*Result, error) {
	lines := d.Lines()
	trad := map[int]bool{} // the lines read in simplified characters
	// and the lines before joinHan, for a PDF's columns
	spaced := make([]string, len(lines))
	for k, l := range lines {
		t, ok := simplified(l.Text)
		lines[k].Text, trad[l.No], spaced[k] = joinHan(t), ok, t
	}
	year, report := o.Year, false
	t := title(lines)
	if t != nil {
		y, _ := strconv.Atoi(t[1])
		report = strings.Contains(t[2], "工作报告")
		if year == 0 {
			year = y
			if report {
				year = y - 1 // the report of 2024 speaks of 2023
			}
		}
	}
	r := &reader{doc: baseName(d.Name), year: year, ind: o.Indicators, round: t == nil || report, touched: map[int]bool{}, place: o.Place}
	for _, l := range lines {
		if strings.TrimSpace(l.Text) != "" {
			r.first = l.Text
			break
		}
	}
	var heads []string
	for k := 0; k < len(lines) && k < 5; k++ {
		heads = append(heads, lines[k].Text)
	}
	r.part = titlePart(heads)
	tl := ""
	if t != nil {
		tl = t[0]
	}
	r.own = ownPlaces(o.Place, tl, r.first, heads[:min(3, len(heads))])
	tables := map[int]document.Block{} // by the index of its first row in lines
	k := 0
	for _, b := range d.Blocks {
		if b.Table != nil {
			tables[k] = b
			k += len(b.Table)
		} else {
			k++
		}
	}
	pipeTables(lines, tables)
	columnTables(spaced, lines, tables)
	rows, caption := 0, "" // the table's rows still to skip; the paragraph before it
	for k, l := range lines {
		if b, ok := tables[k]; ok && !layout(b) {
			r.table(b, caption, lines[k:k+len(b.Table)])
			rows = len(b.Table)
			r.heading("")
			if len(r.figs) > MaxFigures {
				return nil, bilingual.Errorf("%v：到第%[3]d行，规划指标的数据已超过%[2]d个", "%w: more than %d figures for the plan's indicators by line %d", ErrTooMany, MaxFigures, b.Line)
			}
		}
		if rows > 0 {
			rows--
			continue
		}
		caption = l.Text
		if r.item(l.No, l.Text) {
			continue
		}
		r.heading(l.Text)
		r.para = l.Text
		text := r.runIn(r.numbered(l.Text))
		seps := sentenceRe.FindAllString(text, -1)
		r.carry, r.paraPart = -1, ""
		for k, s := range sentenceRe.Split(text, -1) {
			r.afterSemicolon = k > 0 && seps[k-1] == ";"
			r.sentence(l.No, s)
		}
		if len(r.figs) > MaxFigures {
			return nil, bilingual.Errorf("%v：到第%[3]d行，规划指标的数据已超过%[2]d个", "%w: more than %d figures for the plan's indicators by line %d", ErrTooMany, MaxFigures, l.No)
		}
	}
	for k, f := range r.figs {
		if trad[f.Line] {
			r.figs[k].How = joinHow(f.How, "原文为繁体字 (或带拼音), 按简体读取")
		}
		if f.Year < 1900 {
			// a figure of a sentence without its own year (2022年末…) in a
			// document whose title names none
			return nil, ErrNoYear
		}
	}
	res := &Result{Year: year, Figures: r.figs, Warnings: r.warns, MoreWarnings: r.more}
	if m := titlePlaceRe.FindStringSubmatch(tl); m != nil {
		res.Place = m[1]
	}
	return res, nil
}

func title(lines []document.Line) []string {
	for k, l := range lines {
		if k >= 20 {
			break
		}
		if m := titleRe.FindStringSubmatch(l.Text); m != nil {
			return m
		}
		// ——2022年1月8日在重庆市永川区第十八届人民代表大会第一次会议上: a work report
		if m := congressRe.FindStringSubmatch(l.Text); m != nil {
			return []string{m[0], m[1], "工作报告"}
		}
	}
	return nil
}

func baseName(p string) string {
	if k := strings.LastIndexAny(p, `/\`); k >= 0 {
		return p[k+1:]
	}
	return p
}

type reader struct {
	part    string       // the part of a year the title covers (1—10月), "" for a whole year
	at      int          // the indicator a warning is about, -1 when none
	touched map[int]bool // the indicators a sentence gave a figure or a warning for
	// the span a sentence states (从2016年的…增加到2021年的…), for its 年均增长
	spanFrom, spanTo int
	round            bool   // not a bulletin: a round level may be a threshold
	estimates        bool   // 预计(下同) read: the figures from there on are estimates
	paraPart         string // the part of a year a paragraph's first sentence opens with (前三季度,…)
	place, first     string // Options.Place; the document's first line
	carry            int    // the indicator the last sentence ended on, for one after a ;
	afterSemicolon   bool   // the sentence read follows a ;
	more             int    // warnings past MaxWarnings
	para             string // the paragraph read: 过去五年,… at its head covers its sentences
	doc              string
	year             int
	ind              []Indicator
	figs             []Figure
	warns            []Warning

	own  []string // the names of the document's own place (ownPlaces)
	list listHead // the heading of a list that may follow (list.go)
}

// clauses splits a sentence at commas that are not inside a number, and
// at 、 before a change (地区生产总值完成4704.3亿元、增长6.1%); off is where
// each clause starts in s.
func clauses(s string) (out []string, off []int) {
	start := 0
	for i := 0; i < len(s); i++ {
		w := 0
		switch {
		case s[i] == ',' && !(i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1])):
			w = 1
		case strings.HasPrefix(s[i:], "、") && changeRe.MatchString(s[i+len("、"):]):
			w = len("、")
		default:
			continue
		}
		out, off = append(out, s[start:i]), append(off, start)
		start = i + w
		i += w - 1
	}
	return append(out, s[start:]), append(off, start)
}

// changeRe is a change after 、: 、增长5.6%, 、比上年下降2.1%.
var changeRe = regexp.MustCompile(`^(?:比上年|较上年|同比)?(?:增长|下降|增加|减少|提高|上升)\d`)

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// sentence reads one sentence, clause by clause.
func (r *reader) sentence(line int, s string) {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, "0123456789") {
		return // no figure (and the bulk of a long report: read fast)
	}
	year := r.year
	if m := leadYear.FindStringSubmatch(s); m != nil {
		year, _ = strconv.Atoi(m[1])
	} else if y := yearEnd(s); y != 0 {
		year = y // 截至2022年底,…
	}
	r.spanFrom, r.spanTo, r.at = 0, 0, -1
	clear(r.touched)
	nf := len(r.figs)
	future := futureRe.FindString(s)
	brk := breakRe.MatchString(s)
	cs, off := clauses(s) // off: where each clause starts in s
	years := yearMarksIn(s)
	// estimateBy says whether 预计 stands in the sentence up to end (the
	// first one, found once: rescanning each clause's prefix made a long
	// sentence quadratic).
	est := strings.Index(s[off[0]:], "预计")
	estimateBy := func(end int) bool { return est >= 0 && off[0]+est+len("预计") <= end }
	if strings.Contains(s, "预计(下同)") {
		r.estimates = true // 全年预计(下同)完成…: every figure after it
	}
	// clauses a to b as written
	span := func(a, b int) string { return s[off[a] : off[b]+len(cs[b])] }
	subj, from := -1, 0 // the indicator spoken of, and the clause naming it
	if r.afterSemicolon {
		subj = r.carry // …比上年下降4.1%;与2020年相比,两年平均增长2.5%
	}
	defer func() { r.carry = subj }()
	place := ""       // the place standing before its name
	var level *Figure // its level read in this sentence
	// the part of a year (or running total) the figures from clause partAt
	// on cover; refused is the warning holding the subject's figures not
	// read for it or for its place
	part, partAt := r.part, 0
	if part == "" && !strings.HasPrefix(s, "全年") && leadYear.FindString(s) == "" {
		part = r.paraPart // 前三季度,全区实现工业增加值…。规上工业总产值1410亿元
	}
	refused, refusedFrom, refusedTo := -1, 0, 0
	settle := func() { // the clauses of the refused warning, once known
		if refused >= 0 {
			r.warns[refused].Clause = span(refusedFrom, refusedTo)
		}
		refused = -1
	}
	if m := ratioRe.FindStringSubmatch(s); m != nil && future == "" {
		p := r.part
		if p == "" && !strings.HasPrefix(s, "全年") {
			p = r.paraPart
		}
		if p == "" {
			p = partOfYear(s[:strings.Index(s, m[0])])
		}
		y := year
		if v := yearIn(s[:strings.Index(s, m[0])]); v != 0 {
			y = v // 最终计算2021年全县生产总值…,三次产业增加值结构为…
		}
		if p != "" {
			r.warn(line, m[0], "部分时期或累计的数字 ("+p+"), 不是全年的: 未读取", "a figure for part of the year or a running total (“"+p+"”), not the whole year's: not read")
		} else {
			r.structure(line, y, m[0], m)
		}
	}
	for k, c := range cs {
		if p := partOfYear(c); p != "" && part == "" {
			part, partAt = p, k
			if k == 0 && r.paraPart == "" && p != "累计" && p != "至此" {
				r.paraPart = p // a period covers the paragraph's later sentences
			}
		}
		if ratioIn.MatchString(c) {
			subj = -1
			continue
		}
		sm, noun, first := shareRe.FindStringSubmatch(strings.TrimSpace(c)), "", 0
		if sm != nil && k > 0 {
			noun = nounOf(cs[0]) // 民营经济增加值17404.40亿元,…,占全市经济总量的59.7%
		} else if sm = ownShareRe.FindStringSubmatch(strings.TrimSpace(c)); sm != nil {
			noun, sm, first = sm[1], sm[1:], k // 民营经济占GDP的比重为66.2%
			noun = noun[leadRe.FindStringIndex(noun)[1]:]
		}
		if sm != nil && noun != "" && part == "" {
			if i, ok := r.shareOf(noun); ok {
				r.figs = append(r.figs, Figure{ID: r.ind[i].ID, Year: year, Metric: Level, Text: sm[1], Value: parse(sm[1]),
					Doc: r.doc, Line: line, Clause: span(first, k), How: noun + "占地区生产总值比重"})
				subj, from, place, level = i, first, "", &r.figs[len(r.figs)-1]
				continue
			}
		}
		if um := urbanShareRe.FindStringSubmatch(strings.TrimSpace(c)); um != nil && k > 0 && part == "" {
			// 城镇常住人口2162.08万人,占年末常住人口的比重为55.94%
			prev := strings.TrimSpace(cs[k-1])
			prev = prev[leadRe.FindStringIndex(prev)[1]:]
			if i, ok := r.concept("urbanization_rate"); ok && urbanRe.MatchString(prev) {
				r.figs = append(r.figs, Figure{ID: r.ind[i].ID, Year: year, Metric: Level, Text: um[1], Value: parse(um[1]),
					Doc: r.doc, Line: line, Clause: span(k-1, k), How: "城镇人口占常住人口比重 = 常住人口城镇化率"})
				subj, from, place, level = i, k-1, "", &r.figs[len(r.figs)-1]
				continue
			}
		}
		if subj >= 0 && level != nil && level.Metric == Level && sameRe.MatchString(strings.TrimSpace(c)) {
			// 第三产业增加值占地区生产总值的比重为97.6%, 与上年持平
			f := Figure{ID: r.ind[subj].ID, Year: year, Doc: r.doc, Line: line, Clause: span(from, k), Review: level.Review}
			r.previous(&f, level, "0", "0 (持平)", false)
			f.Value = parse(f.Text)
			r.figs = append(r.figs, f)
			continue
		}
		rest := c
		if m, ok := r.name(c); ok {
			if m.ind != subj {
				level = nil
				settle()
			}
			subj, from, rest, place = m.ind, k, c[m.end:], m.place
			if y := years.before(off[k] + m.start); y != 0 {
				year = y // 最终计算2021年全县生产总值…, 6、江津区:2021年,江津区常住人口…
			}
		} else if subj < 0 || !contRe.MatchString(strings.TrimSpace(c)) {
			subj, level = -1, nil
			continue
		}
		r.at = subj
		if future != "" {
			if qtyRe.MatchString(rest) {
				r.warn(line, span(from, k), "目标或预期 ("+future+"), 不是实际值: 未读取", "a target or expectation (“"+future+"”), not an outcome: not read")
			}
			continue
		}
		if part != "" || place != "" && !r.ind[subj].Local {
			// part of a year, a running total, or a place's own figure:
			// one warning for the subject, holding each clause not read
			if quantity(rest) == nil {
				continue
			}
			if refused >= 0 {
				refusedTo = k
				continue
			}
			first := from
			if part != "" {
				first = min(first, partAt)
			}
			msg := "主语为「" + place + "」: 是该处的数字, 不是规划地区的: 未读取"
			en := "the subject is “" + place + "”: a figure of that place, not of the plan's: not read"
			if part != "" {
				msg = "部分时期或累计的数字 (" + part + "), 不是全年的: 未读取"
				en = "a figure for part of the year or a running total (“" + part + "”), not the whole year's: not read"
			}
			n := len(r.warns)
			if r.warn(line, span(first, k), msg, en); len(r.warns) > n {
				refused, refusedFrom, refusedTo = n, first, k
			}
			continue
		}
		if m := fromToRe.FindStringSubmatch(rest); m != nil {
			r.fromTo(line, subj, s, year, c, m)
			continue
		}
		loc := quantity(rest)
		if loc == nil {
			continue
		}
		quote := span(from, k)
		between := rest[:loc[0]]
		num, unit := rest[loc[2]:loc[3]], rest[loc[4]:loc[5]]
		if !betweenRe.MatchString(between) {
			r.warn(line, quote, "指标名与数字之间的文字未能识别: "+between, "words between the indicator's name and the figure not understood: “"+between+"”")
			continue
		}
		f := Figure{ID: r.ind[subj].ID, Year: year, Doc: r.doc, Line: line, Clause: quote}
		if place != "" {
			f.How = "主语为「" + place + "」; 指标名已指明本地区, 是本地区的数字"
		}
		if brk {
			f.Break = "break"
		}
		if doubtRe.MatchString(between) || strings.HasPrefix(c, "约") || estimateBy(off[k]+len(cs[k])) ||
			strings.HasPrefix(strings.TrimSpace(rest[loc[1]:]), "左右") || r.estimates {
			f.Review = "原文为约数或预计数"
		}
		if m := otherYrRe.FindStringSubmatch(between); m != nil && m[1] != strconv.Itoa(year-1) {
			r.warn(line, quote, "与"+m[1]+"年比较的增速或变化, 不是比上年: 未读取", "growth or change against "+m[1]+", not against the year before: not read")
			continue
		}
		r.read(&f, subj, s, between, num, unit, &level)
	}
	settle()
	if future == "" {
		r.unread(line, s, cs, nf)
	}
}

// read interprets one figure of indicator subj.
func (r *reader) read(f *Figure, subj int, s, between, num, unit string, level **Figure) {
	in := r.ind[subj]
	up, down := upRe.MatchString(between), downRe.MatchString(between)
	if toRe.MatchString(between) {
		up, down = false, false // 提高到55%: a level
	}
	switch {
	case strings.Contains(between, "平均") && !strings.Contains(between, "年均") && !up && !down && unit == in.Unit:
		f.Metric, f.Text = Level, num // 城镇调查失业率平均为5.4%: the year's average level
		f.How = joinHow(f.How, "全年平均")
	case strings.Contains(between, "年均") || strings.Contains(between, "平均"):
		if unit != "%" || !(up || down || containsAny(f.Clause, "增速", "增长")) {
			r.warn(f.Line, f.Clause, "年均数不是增长率: 未读取", "a yearly average that is not a growth rate: not read")
			return
		}
		first, ok := r.span(s, f.Year)
		if !ok {
			r.warn(f.Line, f.Clause, "年均增长的时期未写明: 未读取", "average growth without its period: not read")
			return
		}
		f.Metric, f.From = AvgGrowth, first
		if r.spanTo != 0 {
			f.Year = r.spanTo
		}
		f.Text = signed(num, down)
		f.PriceBasis = r.basis(in, s)
	case unit == "个百分点" || unit == "百分点":
		if *level == nil || !(up || down) || !containsAny(between, "比上年", "较上年") || in.Unit != "%" {
			r.warn(f.Line, f.Clause, "百分点变化未读取 (只读比上年末/比上年的变化, 且同一句给出当年水平)", "a change in percentage points not read (only a change on the year before, with the year's level in the same sentence, is read)")
			return
		}
		r.previous(f, *level, num, num+unit, down)
	case (up || down) && (unit == "%" || unit == "倍"):
		if in.Unit == "%" && !down && !up {
			return
		}
		if unit == "倍" {
			if down {
				r.warn(f.Line, f.Clause, "下降…倍: 未读取", "a fall by a multiple (“下降…倍”): not read")
				return
			}
			f.Text = shift(num, 2)
			f.How = joinHow(f.How, "增长"+num+"倍 = "+f.Text+"%")
		} else {
			f.Text = signed(num, down)
		}
		f.Metric = Growth
		f.PriceBasis = r.basis(in, f.Clause)
		if n := len(r.figs) - 1; n >= 0 && f.PriceBasis == "comparable" {
			// 比上年增长5.6%,扣除价格因素实际增长5.9%: the real rate, the nominal noted
			if g := r.figs[n]; g.ID == f.ID && g.Year == f.Year && g.Metric == Growth && g.PriceBasis == "current" && g.Line == f.Line {
				f.Value = parse(f.Text)
				f.How = strings.TrimPrefix(f.How+"; 名义增长"+g.Text+"% (现价)", "; ")
				r.figs[n] = *f
				return
			}
		}
	case up || down:
		ch, ok := convert(num, unit, in.Unit)
		if *level == nil || unit == "" || !ok || !containsAny(between, "比上年", "较上年", "同比") && !otherYrRe.MatchString(between) {
			r.warn(f.Line, f.Clause, "绝对增减量 ("+num+unit+"): 未读取", "an absolute increase or decrease (“"+num+unit+"”): not read")
			return
		}
		r.previous(f, *level, ch, num+unit, down) // 常住人口3213.34万人,比上年增加0.91万人
	default:
		if m := bracketUnitRe.FindStringSubmatch(between); unit == "" && m != nil && strings.HasPrefix(between, "(") {
			unit = m[1] // 地区生产总值(亿元):1401.59, as a list of main figures prints it
			f.How = joinHow(f.How, "单位取自指标名后的括号 ("+unit+")")
		}
		if unit == "" {
			r.warn(f.Line, f.Clause, "数字后无单位: 未读取", "no unit after the figure: not read")
			return
		}
		v, ok := convert(num, unit, in.Unit)
		if !ok {
			r.warn(f.Line, f.Clause, "单位"+unit+"与规划的单位"+in.Unit+"不同: 未读取", "the unit “"+unit+"” is not the plan's “"+in.Unit+"”: not read")
			return
		}
		f.Metric, f.Text = Level, v
		if unit != in.Unit {
			f.How = joinHow(f.How, num+unit+" = "+v+in.Unit)
		}
		if in.Money {
			f.PriceBasis = "current"
		}
		if containsAny(between, "突破", "超过") || !strings.Contains(num, ".") && (strings.HasSuffix(num, "00") || unit == "%") && r.round {
			f.Review = "整数, 可能是约数或门槛 (突破、超过、达到…)"
		}
	}
	f.Value = parse(f.Text)
	r.figs = append(r.figs, *f)
	if f.Metric == Level && !f.Derived {
		*level = &r.figs[len(r.figs)-1]
	}
}

// previous makes f the level of the year before l's from the change the
// document states (比上年末提高0.94个百分点, 比上年增加0.91万人): derived.
// change is in the plan's unit, printed as the document prints it.
func (r *reader) previous(f *Figure, l *Figure, change, printed string, down bool) {
	d := max(decimals(l.Text), decimals(change))
	ch := -parse(change)
	op := "−"
	if down {
		ch, op = -ch, "+"
	}
	f.Metric, f.Year, f.Derived = Level, l.Year-1, true
	f.Text = format(parse(l.Text)+ch, d)
	f.How = joinHow(f.How, fmt.Sprintf("derived: %s %s %s = %s (%d年)", l.Text, op, printed, f.Text, f.Year))
	if !strings.HasPrefix(f.Clause, l.Clause) {
		f.Clause = l.Clause + "," + f.Clause
	}
	f.PriceBasis = l.PriceBasis
	if f.Break != "" {
		f.Break = "rebased"
	}
}

// basis is the price basis of a growth rate of indicator in.
func (r *reader) basis(in Indicator, s string) string {
	switch {
	case !in.Money:
		return ""
	case realRe.MatchString(s) && !nominalRe.MatchString(s):
		return "comparable"
	case in.Real && !nominalRe.MatchString(s):
		return "comparable"
	}
	return "current"
}

// span finds the years an average growth covers: the year it starts from.
func (r *reader) span(s string, year int) (int, bool) {
	if r.spanFrom != 0 {
		return r.spanFrom, true
	}
	if m := sinceRe.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1]) // 与2020年相比,两年平均增长2.5%
		return y, y < year
	}
	m := spanRe.FindStringSubmatch(s)
	if m == nil {
		m = spanRe.FindStringSubmatch(r.para)
	}
	if m == nil {
		return 0, false
	}
	if m[3] != "" {
		return year - (strings.Index("两三四", m[3])/len("两") + 2), true
	}
	if m[2] != "" {
		n := strings.Index("一二三四五", m[2]) / len("一") // 十一五 … 十五五
		end := 2010 + 5*n
		return end - 5, true
	}
	return year - 5, true
}

// fromTo reads 从2016年的695.7亿元增加到2021年的1144.2亿元: the level of
// both years, and the span of an average growth later in the sentence.
// Without years (从742亿元增加到1550.2亿元) the span is the paragraph's
// (过去五年) ending in the document's year.
func (r *reader) fromTo(line, subj int, s string, year int, c string, m []string) {
	in := r.ind[subj]
	y0, _ := strconv.Atoi(m[1])
	y1, _ := strconv.Atoi(m[4])
	if m[1] == "" && m[4] == "" {
		first, ok := r.span(s, year)
		if !ok {
			r.warn(line, c, "从…到…未写明年份, 所在段落也未写明时期: 未读取", "from … to … without years, and no period in the paragraph: not read")
			return
		}
		y0, y1 = first, year
	}
	if y1 <= y0 {
		r.warn(line, c, "从…到…的年份次序不对: 未读取", "from … to … with the years out of order: not read")
		return
	}
	r.spanFrom, r.spanTo = y0, y1
	for k, p := range [][2]string{{m[2], m[3]}, {m[5], m[6]}} {
		year := y0
		if k == 1 {
			year = y1
		}
		v, ok := convert(p[0], p[1], in.Unit)
		if !ok || p[1] == "" {
			r.warn(line, c, "单位"+p[1]+"与规划的单位"+in.Unit+"不同: 未读取", "the unit “"+p[1]+"” is not the plan's “"+in.Unit+"”: not read")
			return
		}
		f := Figure{ID: in.ID, Year: year, Metric: Level, Text: v, Value: parse(v), Doc: r.doc, Line: line, Clause: c}
		if in.Money {
			f.PriceBasis = "current"
		}
		if p[1] != in.Unit {
			f.How = p[0] + p[1] + " = " + v + in.Unit
		}
		r.figs = append(r.figs, f)
	}
}

// structure reads 三次产业结构比为9.9:56.2:33.9 as the services share.
func (r *reader) structure(line, year int, c string, m []string) {
	for _, in := range r.ind {
		if in.Concept != "service_share" {
			continue
		}
		v := m[7]
		if v == "" {
			v = m[10]
		}
		r.figs = append(r.figs, Figure{ID: in.ID, Year: year, Metric: Level, Text: v, Value: parse(v),
			Doc: r.doc, Line: line, Clause: c, How: "第三产业 = 服务业, 占地区生产总值比重 %"})
		if m[1] != "" {
			// 由上年的9.4:66.8:23.8调整为…: the bulletin states last year's
			prev := year - 1
			if y, err := strconv.Atoi(strings.TrimSuffix(m[1], "年的")); err == nil {
				prev = y // 由2019年的4.6:45.7:49.7调整为…
			}
			r.figs = append(r.figs, Figure{ID: in.ID, Year: prev, Metric: Level, Text: m[4], Value: parse(m[4]),
				Doc: r.doc, Line: line, Clause: c, How: "上年的三次产业结构, 第三产业 = 服务业"})
		}
	}
}

func (r *reader) warn(line int, clause, msg, en string) {
	if r.at >= 0 {
		r.touched[r.at] = true
	}
	if len(r.warns) >= MaxWarnings {
		r.more++
		return
	}
	r.warns = append(r.warns, Warning{Doc: r.doc, Line: line, Clause: clip(clause), Msg: clip(msg), MsgEN: clip(en)})
}

// maxQuote is the most characters of a document a warning quotes.
const maxQuote = 200

// clip cuts a quote longer than maxQuote characters to its start, marked
// "…" (a clause of a PDF without punctuation may run to megabytes, which a
// message must not print whole).
func clip(s string) string {
	k := 0
	for i := range s {
		if k == maxQuote {
			return s[:i] + "…"
		}
		k++
	}
	return s
}

// joinHow adds what the reader did to what it did before.
func joinHow(how, more string) string {
	if how == "" {
		return more
	}
	return how + "; " + more
}

func signed(num string, neg bool) string {
	if neg && num != "0" {
		return "-" + num
	}
	return num
}

var nounRe = regexp.MustCompile(`^(?:初步核算|全年|全区|全市|全县|实现|完成)*(\p{Han}{2,16}?)(?:实现|完成|达到|达|为)?\d`)

// nounOf is the subject a clause opens with: 民营经济增加值 in
// 民营经济增加值17404.40亿元.
func nounOf(c string) string {
	if m := nounRe.FindStringSubmatch(strings.TrimSpace(c)); m != nil {
		return m[1]
	}
	return ""
}

// yearIn is the last year named in s that is not one compared with
// (比2021年, 与2020年相比): 0 when none.
func yearIn(s string) int {
	y := 0
	for _, m := range yearInRe.FindAllStringSubmatchIndex(s, -1) {
		if strings.HasPrefix(s[m[1]:], "相比") {
			continue
		}
		y, _ = strconv.Atoi(s[m[4]:m[5]])
	}
	return y
}

// yearMark is a year named in a sentence (yearInRe): the byte offset
// where its match ends, the year, and whether 相比 follows it.
type yearMark struct {
	end, year int
	compared  bool
}

// yearMarks are a sentence's years in order, found once, so that the year
// named before each of a long sentence's clauses costs no rescan of the
// sentence (which made a sentence of 5,000 clauses take 26 s).
type yearMarks []yearMark

func yearMarksIn(s string) yearMarks {
	var ys yearMarks
	for _, m := range yearInRe.FindAllStringSubmatchIndex(s, -1) {
		y, _ := strconv.Atoi(s[m[4]:m[5]])
		ys = append(ys, yearMark{end: m[1], year: y, compared: strings.HasPrefix(s[m[1]:], "相比")})
	}
	return ys
}

// before is yearIn(s[:c]): the matches of the prefix are those of s that
// end by c (the pattern looks no further than its match), and 相比 counts
// only where the prefix holds it whole.
func (ys yearMarks) before(c int) int {
	i := sort.Search(len(ys), func(i int) bool { return ys[i].end > c })
	for i--; i >= 0; i-- {
		if !(ys[i].compared && ys[i].end+len("相比") <= c) {
			return ys[i].year
		}
	}
	return 0
}

// shareOf is the plan's indicator for noun's share of GDP: 民营经济 or
// 民营经济增加值 for 民营经济增加值占地区生产总值比重.
func (r *reader) shareOf(noun string) (int, bool) {
	for _, n := range []string{noun + "占地区生产总值比重", noun + "增加值占地区生产总值比重"} {
		if m, ok := r.name(n); ok && m.place == "" && r.ind[m.ind].Unit == "%" && m.start == 0 && m.end == len(n) {
			return m.ind, true
		}
	}
	return 0, false
}

// runInRe is a heading run into its paragraph: 人口年末常住人口94.9万人,
// 国民经济全年实现…, 粮食全年… (a bold word in the page).
var runInRe = regexp.MustCompile(`^(\p{Han}{2,4})(全年|年末)`)

// runIn drops a run-in heading from the paragraph's start, unless the word
// qualifies what follows (城镇居民全年…, 农村…) or is an indicator's name
// (常住人口年末…).
func (r *reader) runIn(p string) string {
	m := runInRe.FindStringSubmatchIndex(p)
	if m == nil || qualRe.MatchString(p[:m[3]]) || len(r.mentions(p[:m[3]])) > 0 ||
		containsAny(p[:m[3]], "城镇", "农村", "乡村", "城乡", "户籍", "人均", "全区", "全市", "全县") {
		return p
	}
	return p[m[3]:]
}

// concept is the plan's indicator for vocabulary concept id.
func (r *reader) concept(id string) (int, bool) {
	for i, in := range r.ind {
		if in.Concept == id {
			return i, true
		}
	}
	return 0, false
}

// joinHan drops the spaces between two Chinese characters, as a PDF's text
// breaks words at line ends (人均地区生 产总值, 比上年 末提高): Chinese
// writes no space between words.
func joinHan(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	rs := []rune(s)
	out := rs[:0:0]
	for i, c := range rs {
		if c == ' ' && len(out) > 0 && unicode.Is(unicode.Han, out[len(out)-1]) {
			j := i
			for j < len(rs) && rs[j] == ' ' {
				j++
			}
			if j < len(rs) && unicode.Is(unicode.Han, rs[j]) {
				continue
			}
		}
		out = append(out, c)
	}
	return string(out)
}
