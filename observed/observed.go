package observed

import (
	"bytes"
	"math"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/text/width"

	"fyp/internal/bilingual"
	"fyp/internal/yamlcheck"
)

// Metric is what an observed number measures.
type Metric string

const (
	Level  Metric = "level"  // the indicator's level in Year, in its unit
	Growth Metric = "growth" // growth over the previous year, percent
	// AvgGrowth is the average growth a year from From to Year, percent
	// (a work report's 五年年均增长8.9%: From 2015, Year 2020).
	AvgGrowth Metric = "avg_growth"
)

// Break marks a statistical break (口径变化) in an observation.
type Break string

const (
	NoBreak Break = ""
	// Broken: a break occurs before this year; this and later figures are
	// on a new definition, earlier ones on the old.
	Broken Break = "break"
	// Rebased: the figure restates its year on the new definition (a
	// rebased baseline, e.g. the base year recomputed after the census).
	Rebased Break = "rebased"
)

// Price bases, normalised. A constant-price basis is its year ("2020").
const (
	Current    = "current"
	Comparable = "comparable"
)

// Observation is one observed figure.
type Observation struct {
	Year       int
	Value      float64
	Metric     Metric
	PriceBasis string // "", Current, Comparable or a year ("2020")
	Break      Break
	Source     string
	Note       string
	Row        int // the file's row, for messages
	From       int // AvgGrowth: the year the span starts from; 0 otherwise
}

// Data is every observation of a file, by indicator id, sorted by year.
type Data struct {
	File        string
	ByIndicator map[string][]Observation
	// Synthetic is true when the file says its figures are invented: a
	// comment before the header that begins with "# synthetic" (any case)
	// or "# 示例数据" — a line of a CSV file, cell A of a row of an XLSX
	// sheet. Every chart and page drawn from it carries a mark.
	Synthetic bool
}

// synthetic reports whether a comment line before the first other line
// marks the file as invented figures.
func synthetic(text []byte) bool {
	for len(text) > 0 {
		line := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if line[0] != '#' {
			return false
		}
		if syntheticComment(string(line)) {
			return true
		}
	}
	return false
}

// syntheticComment reports whether a comment ("# …") says the figures
// are invented: its text begins with "synthetic" (any case) or 示例数据.
func syntheticComment(c string) bool {
	c = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(c), "#"))
	return strings.HasPrefix(strings.ToLower(c), "synthetic") || strings.HasPrefix(c, "示例数据")
}

// IDs returns the indicators observed, sorted.
func (d *Data) IDs() []string {
	ids := make([]string, 0, len(d.ByIndicator))
	for id := range d.ByIndicator {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Len is the number of observations.
func (d *Data) Len() int {
	n := 0
	for _, obs := range d.ByIndicator {
		n += len(obs)
	}
	return n
}

// Catalog is what the reader accepts: the indicators (id → Chinese name),
// the range of years and, per indicator, the range of its levels.
type Catalog struct {
	Names            map[string]string
	MinYear, MaxYear int
	Limits           map[string]Limits // by id; an indicator without one gets only the magnitude check
}

// Limits is the range of an indicator's observed levels. Every level must
// also lie within ±MaxMagnitude, and every growth figure above -100 % and
// at most MaxGrowthPct.
type Limits struct {
	Bounded  bool    // Lo and Hi apply (a share: 0 and 100)
	Lo, Hi   float64 // inclusive, in the indicator's unit
	Positive bool    // the level compounds (money, output, people): it must be above 0
	Unit     string  // the indicator's unit, for messages
	UnitEN   string  // the unit in English, if the plan gives it
}

// MaxMagnitude is the largest level accepted in any unit: no figure of a
// plan reaches a thousand trillion (China's GDP is about 1.3e14 yuan), so a
// larger one is a typing or unit error.
const MaxMagnitude = 1e15

// MaxGrowthPct is the largest growth over the previous year accepted, in
// percent: an elevenfold rise in a year is a typing error.
const MaxGrowthPct = 1000

// Read reads a CSV or XLSX file (chosen by its content: an XLSX file is a
// zip archive). name is used in messages. Problems are reported as
// yamlcheck.Problems (FILE:ROW:COLUMN: message).
func Read(name string, data []byte, cat Catalog) (*Data, error) {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) || strings.EqualFold(filepath.Ext(name), ".xlsx") {
		return ReadXLSX(name, data, cat)
	}
	return ReadCSV(name, data, cat)
}

// cell is one spreadsheet cell: its text and 1-based position.
type cell struct {
	text     string
	row, col int
}

// parser turns a grid of cells into observations, collecting problems.
type parser struct {
	file   string
	cat    Catalog
	byName map[string][]string // folded name or id → ids
	cands  []string
	// suggested memoises didYouMean by the text given: a file that names
	// one unknown indicator on 100,000 rows asks once, not 100,000 times.
	suggested map[string]bilingual.Text
	problems  yamlcheck.Problems
	data      *Data
	seen      map[key]Observation
}

type key struct {
	id     string
	year   int
	metric Metric
	from   int
}

func newParser(file string, cat Catalog) *parser {
	p := &parser{file: file, cat: cat, byName: map[string][]string{}, seen: map[key]Observation{},
		data: &Data{File: file, ByIndicator: map[string][]Observation{}}}
	ids := make([]string, 0, len(cat.Names))
	for id := range cat.Names {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		p.byName[fold(id)] = append(p.byName[fold(id)], id)
		p.cands = append(p.cands, id)
		if n := cat.Names[id]; n != "" && fold(n) != fold(id) {
			p.byName[fold(n)] = append(p.byName[fold(n)], id)
			p.cands = append(p.cands, n)
		}
	}
	return p
}

// errorf records a problem at c worded in Chinese (zh) and English (en)
// from the same args (see bilingual.Sprintf).
func (p *parser) errorf(c cell, zh, en string, args ...any) {
	p.problems = append(p.problems, problemAt(p.file, c.row, c.col, zh, en, args...))
}

// fold normalises a name: full-width forms to half-width, spaces trimmed.
func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(width.Fold.String(s)), ""))
}

// indicator resolves an id or a Chinese name.
func (p *parser) indicator(c cell) (string, bool) {
	s := strings.TrimSpace(c.text)
	if s == "" {
		p.errorf(c, "没有指标；请写规划中的指标id或中文名称", "no indicator; give the plan's id or Chinese name")
		return "", false
	}
	ids := p.byName[fold(s)]
	switch {
	case len(ids) == 1:
		return ids[0], true
	case len(ids) > 1:
		p.errorf(c, "指标%q有歧义（%s）；请写id", "indicator %q is ambiguous (%s); give the id", s, strings.Join(ids, ", "))
		return "", false
	}
	sug, ok := p.suggested[s]
	if !ok {
		sug = didYouMean(s, p.cands)
		if p.suggested == nil {
			p.suggested = map[string]bilingual.Text{}
		}
		p.suggested[s] = sug
	}
	p.errorf(c, "未知的指标%q%s", "unknown indicator %q%s", s, sug)
	return "", false
}

// didYouMean suggests the nearest ids or names. Edit distance is counted in
// runes, at most a third of the name (at least 1): a Chinese name of four
// characters tolerates one wrong character, not four. A candidate that
// contains the given text counts as near.
func didYouMean(s string, cands []string) bilingual.Text {
	fs := fold(s)
	limit := max(1, len([]rune(fs))/3)
	var near []string
	for _, c := range cands {
		fc := fold(c)
		if yamlcheck.Distance(fs, fc) <= limit || (len([]rune(fs)) >= 2 && strings.Contains(fc, fs)) {
			near = append(near, c)
		}
	}
	return yamlcheck.Hint(s, near)
}

// inLimits reports whether o's value is a possible figure for id, and
// says why not at vc when it is not.
func (p *parser) inLimits(id string, o Observation, vc cell) bool {
	v := o.Value
	if o.Metric == Growth || o.Metric == AvgGrowth {
		if v <= -100 || v > MaxGrowthPct {
			p.errorf(vc, "%[2]s %[3]d年增速%[1]g%%不可能：应大于-100且不超过%[4]d（比上年增长的百分比）", "growth %g%% for %s %d is impossible: expected more than -100 and at most %d (percent over the previous year)", v, id, o.Year, MaxGrowthPct)
			return false
		}
		return true
	}
	if math.Abs(v) > MaxMagnitude {
		p.errorf(vc, "%[2]s %[3]d年的数值%[1]g超出±%[4]g；请检查数字及其单位", "value %g for %s %d is beyond ±%g; check the number and its unit", v, id, o.Year, MaxMagnitude)
		return false
	}
	l, ok := p.cat.Limits[id]
	if !ok {
		return true
	}
	unit := bilingual.Text{}
	if l.Unit != "" {
		unit = bilingual.Text{ZH: " " + l.Unit, EN: " " + l.Unit}
		if l.UnitEN != "" {
			unit.EN = " " + l.UnitEN
		}
	}
	switch {
	case l.Unit != "" && !strings.Contains(l.Unit, "%") && strings.HasSuffix(strings.TrimSpace(width.Fold.String(vc.text)), "%"):
		p.errorf(vc, "%[2]s %[3]d年的数值%[1]q带百分号，但该指标的单位是%[4]s：增速请在metric列写growth，否则请去掉百分号（或单元格的百分比格式）", "value %q for %s %d carries a percent sign, but the indicator's unit is %s: give metric growth for a growth rate, else drop the sign (or the cell's percentage format)", vc.text, id, o.Year, bilingual.Text{ZH: unit.ZH[1:], EN: unit.EN[1:]})
		return false
	case l.Bounded && (v < l.Lo || v > l.Hi):
		p.errorf(vc, "%[3]s %[4]d年的数值%[1]g%[2]s超出取值范围[%[5]g, %[6]g]", "value %g%s for %s %d lies outside its bounds [%g, %g]", v, unit, id, o.Year, l.Lo, l.Hi)
		return false
	case l.Positive && v <= 0:
		p.errorf(vc, "%[3]s %[4]d年的数值%[1]g%[2]s须大于0：该指标按百分比增长，水平值为正", "value %g%s for %s %d must be above 0: the indicator grows by percentages, so its level is positive", v, unit, id, o.Year)
		return false
	}
	return true
}

// add records an observation, refusing a conflicting duplicate.
func (p *parser) add(id string, o Observation, vc cell) {
	k := key{id, o.Year, o.Metric, o.From}
	if prev, ok := p.seen[k]; ok {
		if math.Abs(prev.Value-o.Value) > 1e-9*math.Max(1, math.Abs(o.Value)) {
			p.errorf(vc, "重复：%s %d年（%s）已在第%[5]d行给出%[4]g；本行给出%[6]g", "duplicate: %s %d (%s) is already %g on row %d; this row gives %g", id, o.Year, o.Metric, prev.Value, prev.Row, o.Value)
		}
		return
	}
	p.seen[k] = o
	p.data.ByIndicator[id] = append(p.data.ByIndicator[id], o)
}

func (p *parser) result() (*Data, error) {
	if len(p.problems) > 0 {
		p.problems.Sort()
		return nil, p.problems
	}
	for id, obs := range p.data.ByIndicator {
		sort.SliceStable(obs, func(i, j int) bool {
			if obs[i].Year != obs[j].Year {
				return obs[i].Year < obs[j].Year
			}
			return obs[i].Metric < obs[j].Metric
		})
		p.data.ByIndicator[id] = obs
	}
	return p.data, nil
}

// Unsure returns the rows of observations whose note marks them for review
// ("review: …", as fyp observe writes an unsure reading), in row order.
// They are used like any other figure; a reviewer should check each.
func (d *Data) Unsure() []int {
	var rows []int
	for _, obs := range d.ByIndicator {
		for _, x := range obs {
			if strings.HasPrefix(strings.TrimSpace(x.Note), "review:") || strings.Contains(x.Note, "; review:") {
				rows = append(rows, x.Row)
			}
		}
	}
	sort.Ints(rows)
	return rows
}
