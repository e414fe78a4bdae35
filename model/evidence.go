package model

import (
	"fmt"
	"math"
	"sort"
	"strconv"
)

// ObservedPoint is one figure a reviewer supplies for an indicator.
type ObservedPoint struct {
	Year  int
	Value float64
	// Growth marks an annual growth rate over the previous year (percent),
	// as bulletins give GDP and income at comparable prices; it is
	// chain-linked into the level (or an index, base year = 100).
	Growth bool
	// From, with Growth, marks an average growth rate (年均增速, as a work
	// report gives it: 五年年均增长8.9%): Value is the average growth a year
	// from From to Year, percent. 0 for a yearly figure.
	From int
	// PriceBasis is "", "current", "comparable" or a year of constant
	// prices ("2020").
	PriceBasis string
	Break      bool // a statistical break occurs before Year
	Rebased    bool // the figure restates Year on the post-break definition
	Source     string
	Row        int // the row in the user's file, for messages
}

// Evidence is a reviewer's observations by indicator id.
type Evidence map[string][]ObservedPoint

// series is the comparable observed path of one indicator: a base value and
// observed values on the same scale and definition, or the reason why
// there is none.
type series struct {
	x0     float64
	ok0    bool
	scale  Scale // ScaleLevel, or ScaleIndex for growth chained without a base level
	vals   map[int]float64
	method Text
	// basis is the price basis of the figures used ("comparable" for
	// constant prices of the base year, "current", "" when none is stated
	// or needed, "mixed"), so that two series' growth can be checked to be
	// comparable (relative targets: real against real).
	basis string
	// refusal says why nothing can be compared: kind is "no_data",
	// "price_basis" or "break"; reason says what to supply.
	kind   string
	reason Text
	notes  []Text
	// stop says where the chained growth rates stop, chain which average
	// growth rates could not be chained: notes where the review goes on,
	// said by the reason where it cannot (gapReason).
	stop  Text
	chain []Text
	// conflicts are the notes of figures that disagree (also in notes).
	conflicts []Text
	inv       inventory
}

// allNotes are the notes a review with s carries.
func (s series) allNotes() []Text {
	out := append([]Text{}, s.notes...)
	if s.stop.ZH != "" {
		out = append(out, s.stop)
	}
	return append(out, s.chain...)
}

// prepare builds ind's comparable observed path up to asOf from the plan's
// baseline and the reviewer's points: the level rows, else the growth rows
// chained, whichever reaches later (levels on a tie).
func prepare(p *Plan, ind *Indicator, pts []ObservedPoint, asOf int) series {
	var lv, gr []ObservedPoint
	for _, o := range pts {
		if o.Year > asOf {
			continue
		}
		if o.Growth {
			gr = append(gr, o)
		} else {
			lv = append(lv, o)
		}
	}
	if len(lv) == 0 && len(gr) == 0 {
		return series{kind: "no_data", reason: Text{
			ZH: fmt.Sprintf("文件中没有该指标%d年及以前的观测值；请补充%d—%d年数据", asOf, p.BaseYear+1, asOf),
			EN: fmt.Sprintf("the file has no observation of this indicator up to %d; supply the %d–%d figures", asOf, p.BaseYear+1, asOf)}}
	}
	a, b := series{kind: "no_data"}, growthSeries(p, ind, gr, lv)
	if len(lv) > 0 {
		a = levelSeries(p, ind, lv)
	}
	var s series
	switch {
	case a.kind == "" && b.kind == "" && latest(b.vals) > latest(a.vals):
		s = b
	case a.kind == "":
		s = a
	case b.kind == "" && len(gr) > 0:
		s = b
	case len(lv) > 0:
		s = a
	default:
		s = b
	}
	s.inv = inventoryOf(p, ind, lv, gr, b)
	return s
}

func latest(vals map[int]float64) int {
	y := 0
	for k := range vals {
		y = max(y, k)
	}
	return y
}

// basisOK reports whether an observation's price basis matches the
// indicator's. Constant prices of the plan's base year and "comparable"
// prices are the same thing for a plan (its growth targets are at the base
// year's prices). Growth rates with no stated basis are read as comparable:
// bulletins publish real growth. A level with no stated basis is not
// accepted for a priced indicator: that would be a guess.
func basisOK(p *Plan, ind *Indicator, o ObservedPoint) (ok bool, why Text) {
	want, got := ind.PriceBasis, o.PriceBasis
	if want == "" || want == "current" && got == "" {
		return true, Text{}
	}
	base := strconv.Itoa(p.BaseYear)
	norm := func(s string) string {
		if s == base {
			return "comparable"
		}
		return s
	}
	if got == "" && o.Growth {
		got = "comparable"
	}
	if norm(got) == norm(want) {
		return true, Text{}
	}
	wz, we := basisLabel(want)
	if got == "" {
		return false, Text{
			ZH: fmt.Sprintf("文件第%d行（%d年）未注明价格口径；目标按%s计算，请在 price_basis 列注明 %s", o.Row, o.Year, wz, want),
			EN: fmt.Sprintf("line %d of the file (%d) states no price basis; the target is at %s: give price_basis %s", o.Row, o.Year, we, want)}
	}
	gz, ge := basisLabel(got)
	return false, Text{
		ZH: fmt.Sprintf("文件第%d行（%d年）为%s，目标按%s计算，不能直接比较；请提供%s数据（或按可比价增速，metric 填 growth）", o.Row, o.Year, gz, wz, wz),
		EN: fmt.Sprintf("line %d of the file (%d) is at %s but the target is at %s: not compared; supply the figure at %s (or the real growth rate, metric growth)", o.Row, o.Year, ge, we, we)}
}

func basisLabel(b string) (zh, en string) {
	switch b {
	case "current":
		return "现价", "current prices"
	case "comparable":
		return "可比价", "comparable prices"
	}
	return b + "年价", b + " prices"
}

// crossing returns the first statistical break after the base year and up
// to the latest point, or 0.
func crossing(p *Plan, pts []ObservedPoint) (year, row int) {
	for _, o := range pts {
		if o.Break && o.Year > p.BaseYear && (year == 0 || o.Year < year) {
			year, row = o.Year, o.Row
		}
	}
	return year, row
}

// effectiveBasis is the price basis an accepted observation is on: its
// stated one, for a growth rate with none "comparable" (see basisOK), else
// the indicator's; constant prices of the base year count as comparable.
func effectiveBasis(p *Plan, ind *Indicator, o ObservedPoint) string {
	b := o.PriceBasis
	if b == "" && o.Growth {
		b = "comparable"
	}
	if b == "" {
		b = ind.PriceBasis
	}
	if b == strconv.Itoa(p.BaseYear) {
		b = "comparable"
	}
	return b
}

// commonBasis is the one effective basis of pts, or "mixed".
func commonBasis(p *Plan, ind *Indicator, pts []ObservedPoint) string {
	b := ""
	for i, o := range pts {
		e := effectiveBasis(p, ind, o)
		if i > 0 && e != b {
			return "mixed"
		}
		b = e
	}
	return b
}

func levelSeries(p *Plan, ind *Indicator, lv []ObservedPoint) series {
	s := series{scale: ScaleLevel, vals: map[int]float64{}, method: Text{ZH: "水平值", EN: "levels"}, basis: commonBasis(p, ind, lv)}
	var fileBase, rebased *ObservedPoint
	for i, o := range lv {
		if ok, why := basisOK(p, ind, o); !ok {
			return series{kind: "price_basis", reason: why}
		}
		if o.Year == p.BaseYear {
			if o.Rebased {
				rebased = &lv[i]
			} else {
				fileBase = &lv[i]
			}
		}
	}
	brk, brow := crossing(p, lv)
	switch {
	case rebased != nil:
		s.x0, s.ok0 = rebased.Value, true
		s.notes = append(s.notes, Text{
			ZH: fmt.Sprintf("基期值采用文件第%d行的修订值 %g", rebased.Row, rebased.Value),
			EN: fmt.Sprintf("base value: the rebased figure %g on line %d of the file", rebased.Value, rebased.Row)})
	case brk > 0:
		return series{kind: "break", reason: Text{
			ZH: fmt.Sprintf("文件第%d行表明%d年前后统计口径变化，基期%d年与观测值不可比；请增加一行%d年按新口径修订的基期值（break 列填 rebased）", brow, brk, p.BaseYear, p.BaseYear),
			EN: fmt.Sprintf("line %d of the file marks a statistical break before %d, between the base year %d and the observation: not compared; add a row for %d restated on the new definition (break: rebased)", brow, brk, p.BaseYear, p.BaseYear)}}
	case ind.Baseline.Known:
		s.x0, s.ok0 = ind.Baseline.Value, true
		if fileBase != nil && math.Abs(fileBase.Value-s.x0) > 1e-9*math.Max(1, math.Abs(s.x0)) {
			s.notes = append(s.notes, Text{
				ZH: fmt.Sprintf("文件第%d行的基期值 %g 与规划的 %g 不同；采用规划值（如属修订，break 列填 rebased）", fileBase.Row, fileBase.Value, s.x0),
				EN: fmt.Sprintf("line %d of the file gives %g for the base year, the plan %g; the plan's figure is used (mark that line rebased if it is a revision)", fileBase.Row, fileBase.Value, s.x0)})
		}
	case fileBase != nil:
		s.x0, s.ok0 = fileBase.Value, true
	}
	for _, o := range lv {
		if o.Year <= p.BaseYear {
			continue
		}
		if brk > 0 && o.Year < brk && !o.Rebased {
			continue // on the old definition
		}
		s.vals[o.Year] = o.Value
	}
	return s
}

// growthSeries chains annual growth rates from the base: into the base
// level when one is known, else into an index (base year = 100). Average
// growth rates (年均增速) are chained too where their span starts from a
// year the chain reaches (see chainGrowth).
func growthSeries(p *Plan, ind *Indicator, gr, lv []ObservedPoint) series {
	s := series{scale: ScaleIndex, x0: 100, ok0: true, vals: map[int]float64{}, method: Text{ZH: "增速连乘", EN: "growth rates chained"}, basis: commonBasis(p, ind, gr)}
	if len(gr) == 0 {
		return series{kind: "no_data"}
	}
	for _, o := range gr {
		if ok, why := basisOK(p, ind, o); !ok {
			return series{kind: "price_basis", reason: why}
		}
	}
	if brk, brow := crossing(p, gr); brk > 0 {
		return series{kind: "break", reason: Text{
			ZH: fmt.Sprintf("文件第%d行表明%d年前后统计口径变化，增速不能跨断点连乘；请提供新口径的水平值，包括修订后的%d年基期值", brow, brk, p.BaseYear),
			EN: fmt.Sprintf("line %d of the file marks a statistical break before %d: growth rates cannot be chained across it; supply levels on the new definition, with the %d base year rebased", brow, brk, p.BaseYear)}}
	}
	if ind.Baseline.Known {
		s.x0, s.scale = ind.Baseline.Value, ScaleLevel
	} else {
		for _, o := range lv {
			if o.Year == p.BaseYear {
				if ok, _ := basisOK(p, ind, o); ok {
					s.x0, s.scale = o.Value, ScaleLevel
				}
			}
		}
	}
	chainGrowth(p, &s, gr)
	return s
}

// ObservedPath returns each indicator's comparable observed values up to
// asOf, on the scale of the series the projection pr0 computes for it
// (level, index or change since the base year), ready to be set as
// Scenario.Observed: the projection then continues from the latest
// observation. Indicators whose figures cannot be compared are left out.
func ObservedPath(pr0 *Projection, ev Evidence, asOf int) map[string]map[int]float64 {
	out := map[string]map[int]float64{}
	ids := make([]string, 0, len(ev))
	for id := range ev {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		ind, target := pr0.Plan.Indicator(id), pr0.Series[id]
		if ind == nil || target == nil {
			continue
		}
		s := prepare(pr0.Plan, ind, ev[id], asOf)
		if s.kind != "" || !s.ok0 {
			continue
		}
		conv := func(v float64) float64 { return v }
		switch {
		case target.Scale == ScaleLevel && s.scale == ScaleLevel:
		case target.Scale == ScaleIndex && s.scale == ScaleIndex:
		case target.Scale == ScaleIndex && s.scale == ScaleLevel && s.x0 > 0:
			conv = func(v float64) float64 { return 100 * v / s.x0 }
		case target.Scale == ScaleChange && s.scale == ScaleLevel:
			conv = func(v float64) float64 { return v - s.x0 }
		default:
			continue
		}
		m := map[int]float64{}
		if target.Scale == ScaleLevel && !math.IsNaN(target.Values[0]) && target.Values[0] != s.x0 {
			m[pr0.Base] = s.x0 // a rebased base year
		}
		if target.Scale == ScaleLevel && math.IsNaN(target.Values[0]) {
			m[pr0.Base] = s.x0 // the file gives the base the plan lacks
		}
		for y, v := range s.vals {
			if y <= pr0.Horizon {
				m[y] = conv(v)
			}
		}
		if len(m) > 0 {
			out[id] = m
		}
	}
	return out
}
