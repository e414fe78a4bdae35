package model

import "math"

// Kind is what a target's number means (DOMAIN.md §3).
type Kind string

const (
	Level      Kind = "level"      // the level in the target year
	Growth     Kind = "growth"     // average annual growth, percent a year
	Change     Kind = "change"     // difference in units (pp for shares)
	Cumulative Kind = "cumulative" // sum of annual flows over the period
	Reduction  Kind = "reduction"  // cumulative fall, percent
	Multiple   Kind = "multiple"   // ratio to the value in From
	Floor      Kind = "floor"      // a lower bound held every year
	Ceiling    Kind = "ceiling"    // an upper bound held every year
	Delegated  Kind = "delegated"  // set by a higher level; no number
)

// Kinds lists every target kind, for messages and validation.
var Kinds = []Kind{Level, Growth, Change, Cumulative, Reduction, Multiple, Floor, Ceiling, Delegated}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// Bound is how the plan phrases a number.
type Bound string

const (
	Min    Bound = "min"    // 以上, 不低于
	Max    Bound = "max"    // 以内, <, 控制在
	Approx Bound = "approx" // 左右
	Exact  Bound = "none"   // a plain number
)

// Bounds lists every bound, for messages and validation.
var Bounds = []Bound{Min, Max, Approx, Exact}

// ApproxTolerance is the shortfall, as a fraction of the target, that an
// "about" (左右) target may have and still count as met.
const ApproxTolerance = 0.02

// RelativeApproxPP is the shortfall, in percentage points a year, that an
// "about" relative target (基本同步: income growth basically in step with
// GDP growth) may have and still count as met. A fraction of the target
// would be no tolerance at all for the usual offset of 0. Half a point is
// half the whole percent in which plans set growth targets (6 %, 7 %), so
// a smaller gap lies within the rounding of the targets themselves, and it
// is above the few tenths by which bulletins revise a year's growth rate.
// It is fyp's convention, not an official threshold.
const RelativeApproxPP = 0.5

// Target is one quantified statement about an indicator.
type Target struct {
	Year  int
	From  int // start of the period; the plan's base year unless stated
	Kind  Kind
	Value float64
	Bound Bound
	Text  string // the plan's own words for the number
	Note  string
	// RelativeTo, on a growth target, names the indicator whose average
	// growth over the same period the target is measured against: the
	// metric is this indicator's average annual growth minus that one's,
	// in percentage points, and Value is the least difference (收入增速不低于
	// 经济增速: 0). "" for a target on this indicator alone.
	RelativeTo string
	// RelativeName is that indicator's name, for labels (set by the plan
	// loader; labels fall back to RelativeTo when it is empty).
	RelativeName Text
}

// Relative reports whether t is measured against another indicator.
func (t Target) Relative() bool { return t.RelativeTo != "" }

// Span is the number of years the target covers.
func (t Target) Span() int { return t.Year - t.From }

// metricDirection is the direction in which the target's metric improves.
// A reduction or a floor is "more is better" whatever the indicator's own
// direction; a ceiling is "less is better".
func (t Target) metricDirection(ind *Indicator) Direction {
	switch t.Kind {
	case Reduction, Floor:
		return Up
	case Ceiling:
		return Down
	}
	return ind.Direction
}

// levelAt is the level that meets the target exactly in t.Year, given the
// level x0 in t.From. ok is false for kinds that imply no single level.
func (t Target) levelAt(x0 float64) (x float64, ok bool) {
	if t.Relative() {
		return 0, false // the level depends on the other indicator's path
	}
	n := float64(t.Span())
	switch t.Kind {
	case Level:
		return t.Value, true
	case Growth:
		return x0 * math.Pow(1+t.Value/100, n), true
	case Change:
		return x0 + t.Value, true
	case Multiple:
		return x0 * t.Value, true
	case Reduction:
		return x0 * (1 - t.Value/100), true
	}
	return 0, false
}

// LevelAt is the level in t.Year that meets the target exactly, given the
// level x0 in t.From: the bound itself for floors and ceilings. ok is false
// for cumulative and delegated targets, which imply no single level, and
// for relative targets, whose level depends on another indicator.
func (t Target) LevelAt(x0 float64) (float64, bool) {
	if t.Kind == Floor || t.Kind == Ceiling {
		return t.Value, true
	}
	return t.levelAt(x0)
}

// Metric computes the target's metric on a yearly series (value at year y is
// at(y)). ok is false when a value the metric needs is unknown, and for a
// relative target, which needs the other indicator's series too (see
// MetricVs).
func (t Target) Metric(at func(year int) (float64, bool)) (m float64, ok bool) {
	if t.Relative() {
		return 0, false
	}
	xT, okT := at(t.Year)
	x0, ok0 := at(t.From)
	switch t.Kind {
	case Level:
		return xT, okT
	case Growth:
		if !okT || !ok0 || x0 <= 0 || xT <= 0 || t.Span() <= 0 {
			return 0, false
		}
		return cagrPct(x0, xT, t.Span()), true
	case Change:
		return xT - x0, okT && ok0
	case Multiple:
		if !okT || !ok0 || x0 == 0 {
			return 0, false
		}
		return xT / x0, true
	case Reduction:
		if !okT || !ok0 || x0 == 0 {
			return 0, false
		}
		return (1 - xT/x0) * 100, true
	case Cumulative, Floor, Ceiling:
		var sum float64
		lo, hi := math.Inf(1), math.Inf(-1)
		for y := t.From + 1; y <= t.Year; y++ {
			x, ok := at(y)
			if !ok {
				return 0, false
			}
			sum += x
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
		switch t.Kind {
		case Cumulative:
			return sum, true
		case Floor:
			return lo, true
		}
		return hi, true
	}
	return 0, false
}

// MetricVs computes the target's metric on the series at and, for a
// relative target, the reference indicator's series ref (ignored
// otherwise): the average annual growth from From to Year of at minus that
// of ref, in percentage points. ok is false when either growth cannot be
// computed (an unknown or non-positive level).
func (t Target) MetricVs(at, ref func(year int) (float64, bool)) (m float64, ok bool) {
	if !t.Relative() {
		return t.Metric(at)
	}
	if t.Kind != Growth || ref == nil {
		return 0, false
	}
	own, ok1 := growthPct(at, t.From, t.Year)
	other, ok2 := growthPct(ref, t.From, t.Year)
	if !ok1 || !ok2 {
		return 0, false
	}
	return own - other, true
}

// growthPct is the average annual growth of a series from y0 to y1, percent.
func growthPct(at func(year int) (float64, bool), y0, y1 int) (float64, bool) {
	x0, ok0 := at(y0)
	x1, ok1 := at(y1)
	if !ok0 || !ok1 || !(x0 > 0) || !(x1 > 0) || y1 <= y0 {
		return 0, false
	}
	return cagrPct(x0, x1, y1-y0), true
}

// Verdict compares a metric with the target: the margin is positive when the
// target is beaten (in the metric's units), and met applies the approx
// tolerance.
func (t Target) Verdict(ind *Indicator, metric float64) (met bool, margin float64) {
	d := float64(t.metricDirection(ind))
	margin = d * (metric - t.Value)
	return margin >= -t.tolerance(), margin
}

// tolerance is the shortfall, in the metric's units, that still counts as
// met: rounding only, or for an "about" target ApproxTolerance of the
// target (RelativeApproxPP for a relative one).
func (t Target) tolerance() float64 {
	switch {
	case t.Bound == Approx && t.Relative():
		return RelativeApproxPP
	case t.Bound == Approx:
		return ApproxTolerance * math.Abs(t.Value)
	}
	return 1e-9 * math.Max(1, math.Abs(t.Value))
}

// cagrPct is the compound average growth from x0 to x1 over n years, percent.
func cagrPct(x0, x1 float64, n int) float64 {
	return (math.Pow(x1/x0, 1/float64(n)) - 1) * 100
}
