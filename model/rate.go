package model

import "math"

// RateKind says how a target's pace is measured.
type RateKind string

const (
	RatePct   RateKind = "pct"   // percent a year (compound)
	RateUnits RateKind = "units" // the indicator's units a year (pp for shares)
	RateFlow  RateKind = "flow"  // average annual flow, for cumulative targets
	RateNone  RateKind = ""      // floors, ceilings, delegated targets
)

// rateKind is the measure of pace that fits target t on ind.
func rateKind(ind *Indicator, t Target) RateKind {
	switch t.Kind {
	case Growth, Multiple, Reduction:
		return RatePct
	case Change:
		return RateUnits
	case Cumulative:
		return RateFlow
	case Level:
		if ind.Path == Compound {
			return RatePct
		}
		return RateUnits
	}
	return RateNone
}

// pace is the average pace from x0 to x1 over n years in kind k.
func pace(k RateKind, x0, x1 float64, n int) float64 {
	if n <= 0 {
		return math.NaN()
	}
	switch k {
	case RatePct:
		if x0 <= 0 || x1 <= 0 {
			return math.NaN()
		}
		return cagrPct(x0, x1, n)
	case RateUnits:
		return (x1 - x0) / float64(n)
	}
	return math.NaN()
}

// RequiredPace is the pace that meets t exactly starting from level x in
// year `year` (the base year, or the latest observation). It is NaN when
// unknown: no level to start from, or a target without a pace.
//
// For a relative target it is NaN: the pace depends on the other
// indicator's path (see Assess).
func RequiredPace(ind *Indicator, t Target, x0 float64, year int, x float64) float64 {
	if t.Relative() {
		return math.NaN()
	}
	k := rateKind(ind, t)
	n := t.Year - year
	switch t.Kind {
	case Growth:
		if year == t.From {
			return t.Value
		}
	case Reduction:
		if year == t.From {
			return (math.Pow(1-t.Value/100, 1/float64(n)) - 1) * 100
		}
	case Change:
		if year == t.From {
			return t.Value / float64(n)
		}
	case Cumulative:
		if year == t.From {
			return t.Value / float64(n)
		}
		return math.NaN()
	}
	if k == RateNone {
		return math.NaN()
	}
	xT, ok := t.levelAt(x0)
	if !ok || math.IsNaN(xT) {
		return math.NaN()
	}
	return pace(k, x, xT, n)
}

// HistoricalPace is what the district delivered before the plan, in the
// measure that fits t: from the plan's own figures for the previous period
// (a growth or cumulative figure in the table), else from the previous plan's
// record of the same indicator. NaN when the record gives nothing
// comparable.
func HistoricalPace(p *Plan, ind *Indicator, t Target) float64 {
	k := rateKind(ind, t)
	if k == RateNone {
		return math.NaN()
	}
	if v := paceFromObservations(ind.Observed, k, p.BaseYear); !math.IsNaN(v) {
		return v
	}
	if p.Previous == nil {
		return math.NaN()
	}
	prev := p.Previous.Indicator(ind.ID)
	if prev == nil {
		return math.NaN()
	}
	if v := paceFromObservations(prev.Observed, k, p.BaseYear); !math.IsNaN(v) {
		return v
	}
	if !prev.Baseline.Known {
		return math.NaN()
	}
	for _, o := range prev.Observed {
		if o.Known && o.Comparable && o.Metric == Level && o.Year == p.BaseYear && o.Year > prev.Baseline.Year {
			return pace(k, prev.Baseline.Value, o.Value, o.Year-prev.Baseline.Year)
		}
	}
	return math.NaN()
}

// paceFromObservations converts a period figure ending in `end` (growth,
// reduction, change or cumulative over From … Year) into pace k.
func paceFromObservations(obs []Observation, k RateKind, end int) float64 {
	for _, o := range obs {
		if !o.Known || !o.Comparable || o.Year != end || o.From <= 0 || o.From >= o.Year {
			continue
		}
		n := float64(o.Year - o.From)
		switch {
		case o.Metric == Growth && k == RatePct:
			return o.Value
		case o.Metric == Reduction && k == RatePct:
			return (math.Pow(1-o.Value/100, 1/n) - 1) * 100
		case o.Metric == Change && k == RateUnits:
			return o.Value / n
		case o.Metric == Cumulative && k == RateFlow:
			return o.Value / n
		}
	}
	return math.NaN()
}
