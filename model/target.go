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

// Target is one quantified statement about an indicator.
type Target struct {
	Year  int
	From  int // start of the period; the plan's base year unless stated
	Kind  Kind
	Value float64
	Bound Bound
	Text  string // the plan's own words for the number
	Note  string
}

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
// for cumulative and delegated targets, which imply no single level.
func (t Target) LevelAt(x0 float64) (float64, bool) {
	if t.Kind == Floor || t.Kind == Ceiling {
		return t.Value, true
	}
	return t.levelAt(x0)
}

// Metric computes the target's metric on a yearly series (value at year y is
// at(y)). ok is false when a value the metric needs is unknown.
func (t Target) Metric(at func(year int) (float64, bool)) (m float64, ok bool) {
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

// Verdict compares a metric with the target: the margin is positive when the
// target is beaten (in the metric's units), and met applies the approx
// tolerance.
func (t Target) Verdict(ind *Indicator, metric float64) (met bool, margin float64) {
	d := float64(t.metricDirection(ind))
	margin = d * (metric - t.Value)
	tol := 1e-9 * math.Max(1, math.Abs(t.Value))
	if t.Bound == Approx {
		tol = ApproxTolerance * math.Abs(t.Value)
	}
	return margin >= -tol, margin
}

// cagrPct is the compound average growth from x0 to x1 over n years, percent.
func cagrPct(x0, x1 float64, n int) float64 {
	return (math.Pow(x1/x0, 1/float64(n)) - 1) * 100
}
