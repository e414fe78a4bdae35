package model

import (
	"fmt"
	"math"
	"sort"
)

// AvgGrowthTolPP is how far (percentage points) an average growth rate
// (年均增速) may lie from the one recomputed from the yearly rates of its
// span before the two are said to disagree: a rate published to one
// decimal is within 0.05 pp of the figure it rounds.
const AvgGrowthTolPP = 0.05

// chainGrowth sets s.vals from the growth rates gr (all accepted, no break
// between them), chained from s.x0 in the base year. A yearly rate carries
// the chain from the year before; an average growth rate from From to Year
// carries it from From, when the chain reaches From, by (1+a)^(Year−From):
// from the base year that is exactly the observed pace to Year. Where the
// yearly rates reach a year, they are used, and an average rate over the
// same years is only checked against them. Average rates that cannot be
// chained are kept for the record, with a note.
func chainGrowth(p *Plan, s *series, gr []ObservedPoint) {
	yearly := map[int]ObservedPoint{}
	var spans []ObservedPoint
	last := 0
	for _, o := range gr {
		if o.From > 0 {
			spans = append(spans, o)
		} else {
			yearly[o.Year] = o
		}
		last = max(last, o.Year)
	}
	// The earliest start first: a span from the base year is the pace itself.
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].Year != spans[j].Year {
			return spans[i].Year < spans[j].Year
		}
		return spans[i].From < spans[j].From
	})
	b := p.BaseYear
	known := map[int]float64{b: s.x0}
	fromSpan := map[int]bool{} // the year's value comes from an average rate
	inside := map[int]bool{}   // the year lies inside a span used
	used := make([]bool, len(spans))
	for y := b + 1; y <= last; y++ {
		if o, ok := yearly[y]; ok {
			if x, ok := known[y-1]; ok {
				known[y] = x * (1 + o.Value/100)
				continue
			}
		}
		for i, o := range spans {
			if x, ok := known[o.From]; ok && o.Year == y {
				known[y] = x * math.Pow(1+o.Value/100, float64(y-o.From))
				used[i], fromSpan[y] = true, true
				for z := o.From + 1; z < y; z++ {
					inside[z] = true
				}
				break
			}
		}
	}
	for y, x := range known {
		if y > b {
			s.vals[y] = x
		}
	}
	for y := b + 1; y <= last; y++ {
		if _, ok := known[y]; !ok && !inside[y] {
			s.stop = Text{
				ZH: fmt.Sprintf("缺%d年增速，连乘止于%d年", y, y-1),
				EN: fmt.Sprintf("the growth rate for %d is missing; the chain stops at %d", y, y-1)}
			break
		}
	}
	for i, o := range spans {
		sz, se := spanText(o.From, o.Year)
		switch {
		case used[i]:
			s.method = Text{ZH: "增速连乘（含年均增速）", EN: "growth rates chained (with average growth)"}
			s.notes = append(s.notes, Text{
				ZH: fmt.Sprintf("%d年值由文件第%d行%s%g%%推算", o.Year, o.Row, sz, o.Value),
				EN: fmt.Sprintf("the %d value follows from %s of %g%% on line %d of the file", o.Year, se, o.Value, o.Row)})
			continue
		case o.Year <= b:
			s.notes = append(s.notes, Text{
				ZH: fmt.Sprintf("文件第%d行%s%g%%在基期%d年及以前，仅作记录", o.Row, sz, o.Value, b),
				EN: fmt.Sprintf("%s of %g%% on line %d of the file lies up to the base year %d: kept for the record", se, o.Value, o.Row, b)})
			continue
		}
		if n := s.checkSpan(o, yearly, known); n.ZH != "" {
			s.notes, s.conflicts = append(s.notes, n), append(s.conflicts, n)
		}
		if _, ok := known[o.Year]; ok {
			continue // the year is reached otherwise; the span was checked
		}
		if o.From < b {
			s.chain = append(s.chain, Text{
				ZH: fmt.Sprintf("文件第%d行%s%g%%起点%d年早于基期%d年，无法衔接，仅作记录", o.Row, sz, o.Value, o.From, b),
				EN: fmt.Sprintf("%s of %g%% on line %d of the file starts from %d, before the base year %d: not chained, kept for the record", se, o.Value, o.Row, o.From, b)})
			continue
		}
		s.chain = append(s.chain, Text{
			ZH: fmt.Sprintf("文件第%d行%s%g%%起点%d年不是基期，文件中没有可推得%d年数值的数据，无法衔接，仅作记录", o.Row, sz, o.Value, o.From, o.From),
			EN: fmt.Sprintf("%s of %g%% on line %d of the file starts from %d, not the base year, and nothing in the file gives the %d figure: not chained, kept for the record", se, o.Value, o.Row, o.From, o.From)})
	}
}

// checkSpan compares the average growth rate o with the average the other
// figures give over its span: its yearly rates when the file has every
// one, else the chain's values at both ends. A difference beyond
// AvgGrowthTolPP is said; the other figures are the ones used.
func (s *series) checkSpan(o ObservedPoint, yearly map[int]ObservedPoint, known map[int]float64) Text {
	n := float64(o.Year - o.From)
	f, all := 1.0, true
	for y := o.From + 1; y <= o.Year; y++ {
		g, ok := yearly[y]
		if !ok {
			all = false
			break
		}
		f *= 1 + g.Value/100
	}
	by := Text{ZH: "逐年增速", EN: "the yearly rates"}
	if !all {
		x0, ok0 := known[o.From]
		x1, ok1 := known[o.Year]
		if !ok0 || !ok1 || x0 <= 0 {
			return Text{}
		}
		f, by = x1/x0, Text{ZH: "文件其他增速", EN: "the file's other growth rates"}
	}
	avg := 100 * (math.Pow(f, 1/n) - 1)
	if math.Abs(avg-o.Value) <= AvgGrowthTolPP+1e-9 {
		return Text{}
	}
	sz, se := spanText(o.From, o.Year)
	return Text{
		ZH: fmt.Sprintf("文件第%d行%s%g%%与%s推算的%.2f%%相差超过%g个百分点，采用%s", o.Row, sz, o.Value, by.ZH, avg, AvgGrowthTolPP, by.ZH),
		EN: fmt.Sprintf("%s of %g%% on line %d of the file differs from the %.2f%% that %s give by more than %g pp; %s are used", se, o.Value, o.Row, avg, by.EN, AvgGrowthTolPP, by.EN)}
}

// spanText names the average growth from year from to year to: in Chinese
// by the years it covers (2021—2023年年均增速 is from 2020 to 2023), as
// work reports do.
func spanText(from, to int) (zh, en string) {
	if to == from+1 {
		return fmt.Sprintf("%d年增速", to), fmt.Sprintf("the %d growth rate", to)
	}
	return fmt.Sprintf("%d—%d年年均增速", from+1, to), fmt.Sprintf("the %d–%d average growth", from+1, to)
}
