package model

import (
	"fmt"
	"math"
	"strings"
)

// TargetRef names one target: an indicator and a target year. When the
// indicator has several targets in that year, the first is meant.
type TargetRef struct {
	ID   string
	Year int
}

func (r TargetRef) String() string { return fmt.Sprintf("%s@%d", r.ID, r.Year) }

// Find returns the indicator and the numeric target r names.
func (r TargetRef) Find(p *Plan) (*Indicator, Target, error) {
	ind := p.Indicator(r.ID)
	if ind == nil {
		return nil, Target{}, fmt.Errorf("model: unknown indicator %q", r.ID)
	}
	var years []string
	for _, t := range ind.Targets {
		if t.Year == r.Year && t.Kind != Delegated {
			return ind, t, nil
		}
		years = append(years, fmt.Sprint(t.Year))
	}
	return nil, Target{}, fmt.Errorf("model: %s has no numeric target in %d (target years: %s)", r.ID, r.Year, strings.Join(years, ", "))
}

// Knob is the one assumption a solve or sensitivity run varies: the rate
// (percent a year) or step (units a year) of one indicator.
type Knob struct {
	ID   string
	Step bool // false: the rate; true: the step
}

func (k Knob) String() string {
	if k.Step {
		return k.ID + ".step"
	}
	return k.ID + ".rate"
}

// With returns a copy of sc (nil: the plan's rules) in which k is set to
// v for every year: a compound (or, for a step, linear) rule replaces the
// indicator's rule unless it already is a logistic rule, whose ceiling is
// kept.
func (k Knob) With(sc *Scenario, v float64) *Scenario {
	c := &Scenario{Name: "plan", Assumptions: map[string]Assumption{}}
	if sc != nil {
		cp := *sc
		c = &cp
		c.Assumptions = make(map[string]Assumption, len(sc.Assumptions)+1)
		for id, a := range sc.Assumptions {
			c.Assumptions[id] = a
		}
	}
	a := c.Assumptions[k.ID]
	switch {
	case k.Step:
		a = Assumption{Rule: RuleLinear, Step: Flat(v)}
	case a.Rule == RuleLogistic:
		a.Rate = Flat(v)
	default:
		a = Assumption{Rule: RuleCompound, Rate: Flat(v)}
	}
	c.Assumptions[k.ID] = a
	return c
}

// TargetMetric projects sc and returns the metric of target t on ind (NaN
// when the projection cannot reach it).
func TargetMetric(p *Plan, sc *Scenario, ind *Indicator, t Target) (float64, error) {
	pr, err := Project(p, sc)
	if err != nil {
		return math.NaN(), err
	}
	s := pr.Series[ind.ID]
	if s.Scale != ScaleLevel && needsLevel(t.Kind) {
		return math.NaN(), nil
	}
	m, ok := t.Metric(s.At)
	if !ok {
		return math.NaN(), nil
	}
	return m, nil
}

// Solution is the value of a knob that meets a target exactly.
type Solution struct {
	Target   TargetRef
	Knob     Knob
	Found    bool
	Value    float64 // the knob's value (percent or units a year)
	Metric   float64 // the target's metric when re-projected with Value
	Goal     float64 // the target's number
	Residual float64 // Metric − Goal, from the confirming re-projection
	Lo, Hi   float64 // the range searched
	Reason   string  // why nothing was found
	// When nothing was found: Nearest is the value where the search
	// stopped and Miss the target's metric minus its number there; both
	// NaN when the metric was never defined in the range.
	Nearest, Miss float64
}

// SolveRange is the range searched for a knob: rates from −50 to +100
// percent a year; steps within ±(the target's distance from the base value,
// or 100 units) times 10 a year.
func SolveRange(ind *Indicator, t Target, k Knob) (lo, hi float64) {
	if !k.Step {
		return -50, 100
	}
	span := 100.0
	if ind.Baseline.Known && t.Value != 0 {
		span = math.Max(math.Abs(t.Value-ind.Baseline.Value), math.Abs(t.Value)) * 10
	}
	return -span, span
}

// Solve finds the value of k that makes the metric of target r equal to its
// number under sc, by scanning [lo, hi] for a change of sign and bisecting
// it, then confirms it by re-projecting (Residual). Found is false, with a
// Reason, when no value in the range reaches the target.
func Solve(p *Plan, sc *Scenario, r TargetRef, k Knob, lo, hi float64) (Solution, error) {
	ind, t, err := r.Find(p)
	if err != nil {
		return Solution{}, err
	}
	if p.Indicator(k.ID) == nil {
		return Solution{}, fmt.Errorf("model: unknown indicator %q to vary", k.ID)
	}
	if a := RuleFor(p.Indicator(k.ID), sc); a.Rule == RuleDerived && a.Derived != nil {
		return Solution{}, fmt.Errorf("model: %s is derived in this scenario; vary one of %s instead", k.ID, strings.Join(a.Derived.Of, ", "))
	}
	sol := Solution{Target: r, Knob: k, Goal: t.Value, Lo: lo, Hi: hi, Value: math.NaN(), Metric: math.NaN(), Residual: math.NaN(), Nearest: math.NaN(), Miss: math.NaN()}
	f := func(v float64) (float64, error) {
		m, err := TargetMetric(p, k.With(sc, v), ind, t)
		return m - t.Value, err
	}
	// Scan for a bracket: the metric need not be monotone in the knob
	// everywhere (a logistic rule, bounds), so look at a grid first.
	const n = 60
	a, fa := math.NaN(), math.NaN()
	for i := 0; i <= n; i++ {
		x := lo + (hi-lo)*float64(i)/n
		fx, err := f(x)
		if err != nil {
			return sol, err
		}
		if math.IsNaN(fx) {
			continue
		}
		if fx == 0 {
			a, fa = x, fx
			break
		}
		if !math.IsNaN(fa) && math.Signbit(fx) != math.Signbit(fa) {
			b := x
			for j := 0; j < 200 && b-a > 1e-13*math.Max(1, math.Abs(a)); j++ {
				mid := (a + b) / 2
				fm, err := f(mid)
				if err != nil {
					return sol, err
				}
				if math.IsNaN(fm) {
					break
				}
				if math.Signbit(fm) == math.Signbit(fa) {
					a, fa = mid, fm
				} else {
					b = mid
				}
			}
			break
		}
		a, fa = x, fx
	}
	if math.IsNaN(fa) {
		sol.Reason = fmt.Sprintf("the projection of %s never reaches the target's metric for %s in [%g, %g]", r, k, lo, hi)
		return sol, nil
	}
	res, err := f(a)
	if err != nil {
		return sol, err
	}
	tol := 1e-6 * math.Max(1, math.Abs(t.Value))
	if math.Abs(res) > tol {
		sol.Nearest, sol.Miss = a, res
		sol.Reason = fmt.Sprintf("no value of %s in [%g, %g] meets %s: the target's metric stays on one side of %g (at %g it misses by %+.4g); the target may not depend on %s in this scenario", k, lo, hi, r, t.Value, a, res, k.ID)
		return sol, nil
	}
	sol.Found, sol.Value, sol.Residual, sol.Metric = true, a, res, t.Value+res
	return sol, nil
}
