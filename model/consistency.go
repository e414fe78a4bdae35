package model

import (
	"fmt"
	"math"

	"fyp/internal/numfmt"
)

// Finding is one result of the consistency check.
type Finding struct {
	Indicator string
	Kind      string // "implied": a derived indicator's implied pace; "targets": targets of two periods compared
	From, To  int
	Pace      float64  // average pace over From … To
	PaceKind  RateKind // RatePct or RateUnits
	OK        bool     // false when the finding signals an inconsistency
	Message   Text
}

// Check reports what the projection's targets imply for one another
// (DOMAIN.md §5): for each derived indicator (population = GDP / GDP per
// capita …) the average pace its operands imply over the plan period and
// the vision period; and for each indicator with targets in more than one
// period, the pace each period requires, flagging a later target that
// reverses the earlier one.
func Check(pr *Projection) []Finding {
	p := pr.Plan
	var out []Finding
	periods := [][2]int{{p.BaseYear, p.TargetYear}}
	if p.VisionYear > p.TargetYear {
		periods = append(periods, [2]int{p.TargetYear, p.VisionYear})
	}
	for _, ind := range p.Indicators {
		a := RuleFor(ind, pr.Scenario)
		s := pr.Series[ind.ID]
		if a.Rule != RuleDerived || s == nil {
			continue
		}
		for _, per := range periods {
			x0, ok0 := s.At(per[0])
			x1, ok1 := s.At(per[1])
			k := RatePct
			if ind.Path == Linear {
				k = RateUnits
			}
			v := pace(k, x0, x1, per[1]-per[0])
			if !ok0 || !ok1 || math.IsNaN(v) {
				continue
			}
			ops := describeOps(p, a.Derived)
			out = append(out, Finding{
				Indicator: ind.ID, Kind: "implied", From: per[0], To: per[1], Pace: v, PaceKind: k, OK: true,
				Message: Text{
					ZH: fmt.Sprintf("%s由%s推算，%d—%d年隐含年均%s %s", ind.Name.ZH, ops.ZH, per[0], per[1], verbZH(k), fmtPace(v, k, ind.Unit.ZH)),
					EN: fmt.Sprintf("%s, implied by %s, changes by %s a year in %d–%d", ind.Name.In("en"), ops.EN, fmtPace(v, k, ind.Unit.In("en")), per[0], per[1]),
				},
			})
		}
	}
	out = append(out, impliedBaselines(p)...)
	for _, ind := range p.Indicators {
		ts := sortedTargets(ind)
		if len(ts) < 2 {
			continue
		}
		s := pr.Series[ind.ID]
		var prev *Finding
		for _, t := range ts {
			k := rateKind(ind, t)
			if k != RatePct && k != RateUnits {
				continue
			}
			x0, ok := s.At(t.From)
			if !ok {
				continue
			}
			xT, ok := t.levelAt(x0)
			if !ok || (s.Scale != ScaleLevel && t.Kind == Level) {
				continue
			}
			start := t.From
			xs := x0
			if prev != nil && prev.To > t.From && prev.To < t.Year {
				// Measure the later target from where the earlier one leaves off.
				start = prev.To
				xs, _ = s.At(start)
				if lv, ok := levelOfFinding(ind, ts, prev.To, s); ok {
					xs = lv
				}
			}
			v := pace(k, xs, xT, t.Year-start)
			f := Finding{Indicator: ind.ID, Kind: "targets", From: start, To: t.Year, Pace: v, PaceKind: k, OK: true}
			if prev != nil && !math.IsNaN(prev.Pace) && float64(ind.Direction)*v < 0 && float64(ind.Direction)*prev.Pace > 0 {
				f.OK = false
			}
			verdict := Text{ZH: "，与前一目标一致", EN: "; consistent with the earlier target"}
			if prev == nil {
				verdict = Text{}
			} else if !f.OK {
				verdict = Text{ZH: "，与前一目标方向相反", EN: "; it reverses the earlier target"}
			}
			f.Message = Text{
				ZH: fmt.Sprintf("%s %d—%d年目标要求年均%s %s%s", ind.Name.ZH, start, t.Year, verbZH(k), fmtPace(v, k, ind.Unit.ZH), verdict.ZH),
				EN: fmt.Sprintf("%s: the %d target needs %s a year from %d%s", ind.Name.In("en"), t.Year, fmtPace(v, k, ind.Unit.In("en")), start, verdict.EN),
			}
			out = append(out, f)
			prev = &out[len(out)-1]
		}
	}
	return out
}

// levelOfFinding is the level the earlier target of ts fixes in year y.
func levelOfFinding(ind *Indicator, ts []Target, y int, s *Series) (float64, bool) {
	for _, t := range ts {
		if t.Year == y {
			if x0, ok := s.At(t.From); ok {
				return t.levelAt(x0)
			}
		}
	}
	return 0, false
}

func describeOps(p *Plan, d *Derivation) Text {
	name := func(id string, lang string) string {
		if ind := p.Indicator(id); ind != nil {
			return ind.Name.In(lang)
		}
		return id
	}
	sym := map[Op]string{OpRatio: "/", OpShare: "/", OpProduct: "×", OpSum: "+", OpDifference: "−"}[d.Op]
	var zh, en string
	for i, id := range d.Of {
		if i > 0 {
			zh += sym
			en += " " + sym + " "
		}
		zh += name(id, "zh")
		en += name(id, "en")
	}
	return Text{ZH: zh, EN: en}
}

func verbZH(k RateKind) string {
	if k == RatePct {
		return "增长"
	}
	return "变化"
}

// fmtPace prints a pace with its unit: "1.12%" or "+0.44 %".
func fmtPace(v float64, k RateKind, unit string) string {
	if k == RatePct {
		return fmt.Sprintf("%.2f%%", v)
	}
	if unit == "%" {
		unit = "pp"
	}
	if numfmt.Folds(unit) {
		sign := "+"
		if v < 0 {
			sign = "-"
		}
		return sign + numfmt.Amount(math.Abs(v), unit)
	}
	return fmt.Sprintf("%+.3g %s", v, unit)
}

// impliedBaselines reports the base-year level that a level target and a
// stated arithmetic path imply together ("2025年650亿元", "年均增长40亿元" →
// 450 in 2020) where the plan prints no base. It is a reading of the plan's
// own numbers, shown as such; the projection never uses it as data.
func impliedBaselines(p *Plan) []Finding {
	var out []Finding
	for _, ind := range p.Indicators {
		if ind.Baseline.Known || ind.Rule == nil || ind.Rule.Rule != RuleLinear || len(ind.Rule.Step.Years) > 0 {
			continue
		}
		for _, t := range sortedTargets(ind) {
			if t.Kind != Level || t.From != p.BaseYear {
				continue
			}
			step := ind.Rule.Step.Default
			x0 := t.Value - step*float64(t.Span())
			out = append(out, Finding{
				Indicator: ind.ID, Kind: "implied", From: t.From, To: t.Year, Pace: step, PaceKind: RateUnits, OK: x0 >= 0,
				Message: Text{
					ZH: fmt.Sprintf("%s：%d年%g%s与年均增长%g%s意味着%d年约为%g%s（规划未列基期值）", ind.Name.ZH, t.Year, t.Value, ind.Unit.ZH, step, ind.Unit.ZH, t.From, x0, ind.Unit.ZH),
					EN: fmt.Sprintf("%s: %s in %d with %s a year implies about %s in %d (the plan prints no base value)", ind.Name.In("en"), numfmt.Amount(t.Value, ind.Unit.In("en")), t.Year, numfmt.Amount(step, ind.Unit.In("en")), numfmt.Amount(x0, ind.Unit.In("en")), t.From),
				},
			})
			break
		}
	}
	return out
}
