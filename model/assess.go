package model

import (
	"fmt"
	"math"
)

// Status says whether a target could be assessed.
type Status string

const (
	Assessed    Status = "assessed"
	NoData      Status = "insufficient_data" // the projection cannot reach the metric
	NotAssessed Status = "delegated"         // no number to assess
)

// Assessment is one target judged under one projection. Numbers that cannot
// be known are NaN.
type Assessment struct {
	Indicator *Indicator
	Target    Target
	Scenario  string
	Status    Status
	Reason    Text // why it is not assessed, when it is not

	Projected float64 // the target's metric on the projected path
	Met       bool
	Margin    float64 // positive when the target is beaten, in the metric's units

	Pace           RateKind
	Required       float64 // pace needed from the base year
	RequiredLatest float64 // pace needed from the latest known value
	LatestYear     int     // year of that value
	Assumed        float64 // the projection's own average pace over the target's period
	Historical     float64 // the pace delivered in the previous plan period
}

// Assess judges every target of the projected plan, in plan order.
func Assess(pr *Projection) []Assessment {
	var out []Assessment
	for _, ind := range pr.Plan.Indicators {
		for _, t := range ind.Targets {
			out = append(out, pr.assess(ind, t))
		}
	}
	return out
}

func (pr *Projection) assess(ind *Indicator, t Target) Assessment {
	a := Assessment{
		Indicator: ind, Target: t, Scenario: pr.Name(), Status: Assessed,
		Projected: math.NaN(), Margin: math.NaN(),
		Pace:     rateKind(ind, t),
		Required: math.NaN(), RequiredLatest: math.NaN(), Assumed: math.NaN(),
		Historical: HistoricalPace(pr.Plan, ind, t),
	}
	if t.Kind == Delegated {
		a.Status, a.Reason = NotAssessed, Text{ZH: "目标由上级下达，规划未给出数值，无法检验", EN: "set by a higher level; the plan gives no number to assess"}
		return a
	}
	if t.Relative() {
		return pr.assessRelative(a)
	}
	s := pr.Series[ind.ID]
	x0, ok0 := s.At(t.From)
	if ok0 && (s.Scale == ScaleLevel || t.Kind != Level) {
		a.Required = RequiredPace(ind, t, x0, t.From, x0)
		a.LatestYear = t.From
		a.RequiredLatest = a.Required
		if y, x, ok := latestObserved(pr, ind, t); ok {
			a.LatestYear, a.RequiredLatest = y, RequiredPace(ind, t, x0, y, x)
		}
	} else if t.Kind == Cumulative || t.Kind == Change || t.Kind == Growth {
		a.Required = RequiredPace(ind, t, math.NaN(), t.From, math.NaN())
		a.RequiredLatest = a.Required
		a.LatestYear = t.From
	}
	if t.Year > pr.Horizon {
		a.Status, a.Reason = NoData, horizonReason(pr.Horizon)
		return a
	}
	if s.Scale != ScaleLevel && needsLevel(t.Kind) {
		a.Status, a.Reason = NoData, Text{ZH: "规划未给出基期水平，只能测算相对路径", EN: "the plan gives no base-year level; only relative paths can be projected"}
		return a
	}
	m, ok := t.Metric(s.At)
	if !ok {
		a.Status = NoData
		a.Reason = s.Reason
		if a.Reason == (Text{}) {
			a.Reason = Text{ZH: "测算路径算不出该目标的指标值", EN: "the projection does not reach this metric"}
		}
		return a
	}
	if math.IsNaN(m) || math.IsInf(m, 0) {
		// Invariant: a verdict is only given on a finite metric, so that
		// no target is "met" with an empty or infinite projection.
		a.Status, a.Reason = NoData, Text{ZH: fmt.Sprintf("测算的指标值不是有限数（%g），测算溢出", m), EN: fmt.Sprintf("the projected metric is not a finite number (%g); the projection overflowed", m)}
		return a
	}
	a.Projected = m
	a.Met, a.Margin = t.Verdict(ind, m)
	if xT, okT := s.At(t.Year); okT && ok0 {
		switch a.Pace {
		case RatePct, RateUnits:
			a.Assumed = pace(a.Pace, x0, xT, t.Span())
		case RateFlow:
			a.Assumed = m / float64(t.Span())
		}
	} else if a.Pace == RateFlow {
		a.Assumed = m / float64(t.Span())
	}
	return a
}

// latestObserved is the latest observed level of ind after the target's
// start and before its year: from the scenario's observations, else from the
// plan's own.
func latestObserved(pr *Projection, ind *Indicator, t Target) (year int, x float64, ok bool) {
	for y, v := range pr.observed(ind.ID) {
		if y > t.From && y < t.Year && y > year {
			year, x, ok = y, v, true
		}
	}
	if ok {
		return year, x, ok
	}
	for _, o := range ind.Observed {
		if o.Known && o.Comparable && o.Metric == Level && o.Year > t.From && o.Year < t.Year && o.Year > year {
			year, x, ok = o.Year, o.Value, true
		}
	}
	return year, x, ok
}

// needsLevel reports whether a target of kind k compares absolute levels, so
// that an index or change series cannot assess it.
func needsLevel(k Kind) bool {
	return k == Level || k == Floor || k == Ceiling
}
