package model

import (
	"fmt"
	"math"
)

// A relative target ("收入增速不低于经济增速", "劳动生产率增长高于GDP增长") is a
// growth target measured against another indicator over the same period:
// its metric is the difference of the two average annual growth rates, in
// percentage points (Target.MetricVs). This file holds what assessing and
// reviewing such a target takes beyond a target on one series.

// refName is the reference indicator's label in lang.
func (t Target) refName(lang string) string {
	if s := t.RelativeName.In(lang); s != "" {
		return s
	}
	return t.RelativeTo
}

// metricOf is t's metric on pr's projected paths of ind and, for a
// relative target, of the indicator it is measured against; ok is false
// when the projection cannot reach it.
func (pr *Projection) metricOf(ind *Indicator, t Target) (float64, bool) {
	s := pr.Series[ind.ID]
	if s == nil || (s.Scale != ScaleLevel && needsLevel(t.Kind)) {
		return math.NaN(), false
	}
	if !t.Relative() {
		return t.Metric(s.At)
	}
	ref := pr.Series[t.RelativeTo]
	if ref == nil {
		return math.NaN(), false
	}
	m, ok := t.MetricVs(s.At, ref.At)
	if !ok || math.IsInf(m, 0) || math.IsNaN(m) {
		return math.NaN(), false
	}
	return m, true
}

// assessRelative judges a relative target: the metric on the projected
// paths of both indicators; the required pace is this indicator's growth
// that meets the target given the reference's projected growth over the
// same period (reference growth + Value); the assumed pace is this
// indicator's projected growth; the historical pace is its own.
func (pr *Projection) assessRelative(a Assessment) Assessment {
	ind, t := a.Indicator, a.Target
	a.Pace = RatePct
	if pr.Plan.Indicator(t.RelativeTo) == nil || pr.Series[t.RelativeTo] == nil {
		a.Status, a.Reason = NoData, Text{ZH: fmt.Sprintf("参照指标 %s 不在本规划中", t.RelativeTo), EN: fmt.Sprintf("measured against %q, which the plan does not have", t.RelativeTo)}
		return a
	}
	if t.Year > pr.Horizon {
		a.Status, a.Reason = NoData, horizonReason(pr.Horizon)
		return a
	}
	s, ref := pr.Series[ind.ID], pr.Series[t.RelativeTo]
	if g, ok := growthPct(ref.At, t.From, t.Year); ok {
		a.Required = g + t.Value
		a.RequiredLatest, a.LatestYear = a.Required, t.From
		x0, ok0 := s.At(t.From)
		if y, x, ok := latestObserved(pr, ind, t); ok && ok0 && x0 > 0 {
			goal := x0 * math.Pow(1+a.Required/100, float64(t.Span()))
			a.LatestYear, a.RequiredLatest = y, pace(RatePct, x, goal, t.Year-y)
		}
	}
	if g, ok := growthPct(s.At, t.From, t.Year); ok {
		a.Assumed = g
	}
	m, ok := pr.metricOf(ind, t)
	if !ok {
		a.Status = NoData
		switch {
		case !s.Known() && s.Reason != (Text{}):
			a.Reason = s.Reason
		case !ref.Known() && ref.Reason != (Text{}):
			a.Reason = Text{ZH: t.RelativeTo + "：" + ref.Reason.ZH, EN: t.RelativeTo + ": " + ref.Reason.EN}
		default:
			a.Reason = Text{ZH: fmt.Sprintf("测算路径算不出本指标或 %s 在%d—%d年的增速", t.RelativeTo, t.From, t.Year), EN: fmt.Sprintf("the growth of this indicator or of %s over %d–%d cannot be computed from the projection", t.RelativeTo, t.From, t.Year)}
		}
		return a
	}
	a.Projected = m
	a.Met, a.Margin = t.Verdict(ind, m)
	return a
}

// reviewRelative reviews a relative target against the observed figures
// of both indicators: the observed difference of their average growth
// from t.From to the latest year both have (the metric so far) against
// the target's difference. Before the target year the category is
// on schedule (基本符合预期) when the difference so far meets the target
// (within its tolerance) and lagging (滞后) otherwise; a relative target
// has no task done, so it is never achieved early (提前实现) before the
// target year. With observations through the target year the difference
// is final: met is achieved, as for the other kinds at their year.
// RequiredRemaining is this indicator's growth in the remaining years that
// meets the target if the reference keeps its observed pace.
func reviewRelative(p *Plan, ind *Indicator, t Target, own, ref series, asOf int, th ReviewThresholds) Review {
	nan := math.NaN()
	r := Review{Indicator: ind, Target: t, AsOf: asOf, Category: InsufficientData, Method: own.method, Notes: own.allNotes(), Conflicts: own.conflicts,
		Base: nan, Goal: t.Value, Observed: nan, TimeElapsed: nan, TaskDone: nan, Scale: own.scale,
		Measure: MeasureRelative, Pace: RatePct,
		ObservedRate: nan, RequiredRate: nan, RequiredRemaining: nan, Multiple: nan, RatioRR: nan, Anticipated: nan}
	refuse := func(kind string, why Text) Review {
		r.Compared, r.Refusal, r.Reason, r.AtRisk = false, kind, why, false
		return r
	}
	rz, re := t.refName("zh"), t.refName("en")
	if own.kind != "" {
		if own.reason.ZH == "" {
			own.reason = Text{ZH: fmt.Sprintf("文件中没有该指标%d年及以前的观测值", asOf), EN: fmt.Sprintf("no observation of this indicator up to %d", asOf)}
		}
		return refuse(own.kind, own.reason)
	}
	if ref.kind != "" {
		why := ref.reason
		if why.ZH == "" {
			why = Text{ZH: fmt.Sprintf("文件中没有%d年及以前的观测值", asOf), EN: fmt.Sprintf("no observation up to %d", asOf)}
		}
		return refuse(ref.kind, Text{ZH: "对比指标" + rz + "方面，" + why.ZH, EN: "for " + re + " (the indicator compared with), " + why.EN})
	}
	if own.basis != ref.basis {
		oz, oe := basisName(own.basis)
		fz, fe := basisName(ref.basis)
		return refuse("price_basis", Text{
			ZH: fmt.Sprintf("本指标观测值为%s，%s为%s：增速须按同一价格口径比较（实际对实际）；请提供扣除价格因素的实际增速（price_basis 填 comparable）", oz, rz, fz),
			EN: fmt.Sprintf("this indicator's figures are %s, those of %s %s: growth must be compared on one price basis (real against real); supply the real growth rates (price_basis comparable)", oe, re, fe)})
	}
	t0, T := t.From, t.Year
	end := min(asOf, T)
	var tl, n int
	for y := t0 + 1; y <= end; y++ {
		_, a := own.vals[y]
		_, b := ref.vals[y]
		if a && b {
			tl, n = y, n+1
		}
	}
	if n < max(1, th.MinPoints) {
		if len(valueYears(own, t0, end)) < max(1, th.MinPoints) {
			r.Notes = own.notes // the reason says where its chain stops
		}
		return refuse("no_data", relativeGap(p, ind, t, own, ref, n, max(1, th.MinPoints), end))
	}
	x0, ok0 := own.x0, own.ok0
	y0, okr0 := ref.x0, ref.ok0
	if t0 != p.BaseYear {
		x0, ok0 = own.vals[t0]
		y0, okr0 = ref.vals[t0]
	}
	if !ok0 || !okr0 {
		return refuse("no_baseline", Text{
			ZH: fmt.Sprintf("缺少%d年的基期值（本指标或%s）；请在文件中补充%d年的数据", t0, rz, t0),
			EN: fmt.Sprintf("no %d value of this indicator or of %s: add a %d row to the file", t0, re, t0)})
	}
	xt, yt := own.vals[tl], ref.vals[tl]
	gOwn, gRef := pace(RatePct, x0, xt, tl-t0), pace(RatePct, y0, yt, tl-t0)
	if math.IsNaN(gOwn) || math.IsNaN(gRef) {
		return refuse("no_data", Text{
			ZH: fmt.Sprintf("%d年或%d年的数值不为正，无法计算增速", t0, tl),
			EN: fmt.Sprintf("a value in %d or %d is not positive: no growth rate", t0, tl)})
	}
	r.Compared, r.Base, r.Observed, r.ObservedYear = true, x0, gOwn-gRef, tl
	r.TimeElapsed = float64(tl-t0) / float64(T-t0)
	r.ObservedRate = gOwn
	r.RequiredRate = gRef + t.Value
	if tl < T {
		goal := x0 * math.Pow(1+r.RequiredRate/100, float64(T-t0))
		r.RequiredRemaining = pace(RatePct, xt, goal, T-tl)
		if gOwn != 0 {
			r.Multiple = r.RequiredRemaining / gOwn
		}
	}
	met, _ := t.Verdict(ind, r.Observed)
	switch {
	case met && tl >= T:
		r.Category = AchievedEarly
	case met:
		r.Category = OnSchedule
	default:
		r.Category = Lagging
	}
	cmp := map[bool]Text{true: {ZH: "达到", EN: "meets"}, false: {ZH: "未达到", EN: "misses"}}[met]
	pz, pe := fmt.Sprintf("%d—%d年本指标年均增长", t0+1, tl), fmt.Sprintf("in %d–%d this indicator grew %s%% a year on average", t0+1, tl, fmtG(gOwn))
	if tl == t0+1 {
		pz, pe = fmt.Sprintf("%d年本指标增长", tl), fmt.Sprintf("in %d this indicator grew %s%%", tl, fmtG(gOwn))
	}
	r.Reason = Text{
		ZH: fmt.Sprintf("%s%s%%，%s%s%%，差%s个百分点，%s要求（%s）", pz, fmtG(gOwn), rz, fmtG(gRef), fmtSigned(r.Observed), cmp.ZH, relGoalZH(t)),
		EN: fmt.Sprintf("%s, %s %s%%, a difference of %s pp, which %s the target (%s)", pe, re, fmtG(gRef), fmtSigned(r.Observed), cmp.EN, relGoalEN(t)),
	}
	r.AtRisk = ind.Attribute == Binding && r.Category == Lagging
	return r
}

// relGoalZH and relGoalEN state a relative target in words.
func relGoalZH(t Target) string {
	return fmt.Sprintf("%s%s个百分点", map[Bound]string{Min: "不低于", Max: "不高于", Approx: "约", Exact: ""}[t.Bound], fmtSigned(t.Value))
}

func relGoalEN(t Target) string {
	return fmt.Sprintf("%s%s pp", map[Bound]string{Min: "at least ", Max: "at most ", Approx: "about ", Exact: ""}[t.Bound], fmtSigned(t.Value))
}

func fmtG(v float64) string { return fmt.Sprintf("%.2f", v) }

func fmtSigned(v float64) string {
	if math.Abs(v) < 0.005 {
		return "0"
	}
	return fmt.Sprintf("%+.2f", v)
}

// basisName names a series' price basis for a message.
func basisName(b string) (zh, en string) {
	switch b {
	case "":
		return "未注明价格口径", "of no stated price basis"
	case "mixed":
		return "多种价格口径", "on mixed price bases"
	}
	zh, en = basisLabel(b)
	return zh, "at " + en
}

// relativeOutcome is a relative target of a finished plan against its
// record: the growth outcomes of both indicators over the target's period.
func relativeOutcome(p *Plan, ind *Indicator, t Target) Outcome {
	o := Outcome{Indicator: ind, Target: t, Observed: math.NaN(), Margin: math.NaN(), Pace: RatePct,
		Delivered: math.NaN(), Required: math.NaN()}
	growth := func(in *Indicator) (*Observation, bool) {
		if in == nil {
			return nil, false
		}
		for i, x := range in.Observed {
			if x.Year == t.Year && x.Metric == Growth && (x.From == t.From || x.From == 0) {
				return &in.Observed[i], x.Known && x.Comparable
			}
		}
		return nil, false
	}
	own, okOwn := growth(ind)
	ref, okRef := growth(p.Indicator(t.RelativeTo))
	if !okOwn || !okRef {
		o.Reason = Text{
			ZH: fmt.Sprintf("记录中没有本指标和%s %d—%d年可比的年均增速", t.refName("zh"), t.From, t.Year),
			EN: fmt.Sprintf("the record gives no comparable %d–%d growth of this indicator and of %s", t.From, t.Year, t.refName("en"))}
		if own != nil {
			o.Text = own.Text
		}
		return o
	}
	o.Compared, o.Text = true, own.Text
	o.Observed = own.Value - ref.Value
	o.Met, o.Margin = t.Verdict(ind, o.Observed)
	o.Delivered, o.Required = own.Value, ref.Value+t.Value
	o.Reason = Text{ZH: "未实现", EN: "not achieved"}
	if o.Met {
		o.Reason = Text{ZH: "已实现", EN: "achieved"}
	}
	return o
}
