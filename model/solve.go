package model

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"fyp/internal/bilingual"
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
		return nil, Target{}, bilingual.Errorf("未知的指标%q", "model: unknown indicator %q", r.ID)
	}
	var years []string
	for _, t := range ind.Targets {
		if t.Year == r.Year && t.Kind != Delegated {
			return ind, t, nil
		}
		years = append(years, fmt.Sprint(t.Year))
	}
	return nil, Target{}, bilingual.Errorf("%s在%d年没有数值目标（目标年份：%[4]s）", "model: %s has no numeric target in %d (target years: %s)", r.ID, r.Year, strings.Join(years, ", "), strings.Join(years, "、"))
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
	m, ok := pr.metricOf(ind, t)
	if !ok {
		return math.NaN(), nil
	}
	return m, nil
}

// Solution is the value of a knob that meets a target exactly.
type Solution struct {
	Target    TargetRef
	Knob      Knob
	Found     bool
	Value     float64 // the knob's value (percent or units a year)
	Metric    float64 // the target's metric when re-projected with Value
	Goal      float64 // the target's number
	Residual  float64 // Metric − Goal, from the confirming re-projection
	Tolerance float64 // the largest |Residual| accepted: SolveTolerance × max(1, |Goal|)
	Lo, Hi    float64 // the range searched
	Reason    string  // why nothing was found, in English
	// Why nothing was found, for a message in the user's language, with
	// the figures it needs: MetricMin and MetricMax, the range of the
	// target's metric over the scanned grid (NotReached: NaN); Nearest,
	// the knob's value where the search stopped, and Miss, the metric
	// minus the goal there (Jump only, else NaN).
	Why                  SolveFailure
	MetricMin, MetricMax float64
	Nearest, Miss        float64
}

// SolveFailure says why Solve found no value.
type SolveFailure int

const (
	Solved      SolveFailure = iota
	NotReached               // the target's metric is never defined in the range
	Independent              // the metric does not move with the knob
	OneSide                  // the metric stays on one side of the goal
	Jump                     // the metric jumps across the goal
)

// SolveTolerance is the relative tolerance of a solution: Found only when
// the re-projected metric is within SolveTolerance × max(1, |goal|) of the
// target.
const SolveTolerance = 1e-6

// solveGrid is the number of intervals scanned for a change of sign.
const solveGrid = 60

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
// Reason, when no value in the range reaches the target, when the target
// does not depend on k at all (its metric is the same across the range,
// even if that happens to be within the tolerance of the goal), or when
// the metric jumps across the goal. Found is never true with |Residual|
// above Tolerance. A knob value whose projection overflows counts as
// unreachable.
func Solve(p *Plan, sc *Scenario, r TargetRef, k Knob, lo, hi float64) (Solution, error) {
	ind, t, err := r.Find(p)
	if err != nil {
		return Solution{}, err
	}
	if p.Indicator(k.ID) == nil {
		return Solution{}, bilingual.Errorf("要改变的指标%q不存在", "model: unknown indicator %q to vary", k.ID)
	}
	if a := RuleFor(p.Indicator(k.ID), sc); a.Rule == RuleDerived && a.Derived != nil {
		return Solution{}, bilingual.Errorf("%s在此情景下由其他指标计算，无法直接改变；请改变%[3]s之一", "model: %s is derived in this scenario; vary one of %s instead", k.ID, strings.Join(a.Derived.Of, ", "), strings.Join(a.Derived.Of, "、"))
	}
	if !isFinite(lo) || !isFinite(hi) || lo >= hi {
		return Solution{}, bilingual.Errorf("求解区间[%g, %g]：应为有限数，且下限小于上限", "model: solve range [%g, %g]: expected finite numbers, low below high", lo, hi)
	}
	sol := Solution{Target: r, Knob: k, Goal: t.Value, Lo: lo, Hi: hi, Value: math.NaN(), Metric: math.NaN(), Residual: math.NaN(),
		Tolerance: SolveTolerance * math.Max(1, math.Abs(t.Value)),
		MetricMin: math.NaN(), MetricMax: math.NaN(), Nearest: math.NaN(), Miss: math.NaN()}
	f := func(v float64) (float64, error) {
		m, err := TargetMetric(p, k.With(sc, v), ind, t)
		var oe *OverflowError
		if errors.As(err, &oe) {
			return math.NaN(), nil
		}
		return m - t.Value, err
	}
	// Scan the whole grid first: the metric need not be monotone in the
	// knob everywhere (a logistic rule, bounds), and a metric that does not
	// move at all means the target does not depend on the knob.
	xs, fs := make([]float64, solveGrid+1), make([]float64, solveGrid+1)
	fmin, fmax := math.Inf(1), math.Inf(-1)
	for i := range xs {
		xs[i] = lo + (hi-lo)*float64(i)/solveGrid
		fx, err := f(xs[i])
		if err != nil {
			return sol, err
		}
		fs[i] = fx
		if !math.IsNaN(fx) {
			fmin, fmax = math.Min(fmin, fx), math.Max(fmax, fx)
		}
	}
	if fmin > fmax {
		sol.Why = NotReached
		sol.Reason = fmt.Sprintf("the projection of %s never reaches the target's metric for %s in [%g, %g]", r, k, lo, hi)
		return sol, nil
	}
	sol.MetricMin, sol.MetricMax = t.Value+fmin, t.Value+fmax
	if fmax-fmin <= 1e-12*math.Max(1, math.Abs(t.Value)) {
		sol.Why = Independent
		sol.Reason = fmt.Sprintf("%s does not depend on %s in this scenario: its metric stays %.8g for every value in [%g, %g]; vary an assumption it is computed from",
			r, k, t.Value+fmin, lo, hi)
		return sol, nil
	}
	a, fa, b := math.NaN(), math.NaN(), math.NaN()
	for i, fx := range fs {
		if math.IsNaN(fx) {
			continue
		}
		if fx == 0 {
			a, fa, b = xs[i], fx, math.NaN()
			break
		}
		if !math.IsNaN(fa) && math.Signbit(fx) != math.Signbit(fa) {
			b = xs[i]
			break
		}
		a, fa = xs[i], fx
	}
	if fa != 0 && math.IsNaN(b) {
		sol.Why = OneSide
		sol.Reason = fmt.Sprintf("no value of %s in [%g, %g] meets %s: the target's metric stays on one side of %g (from %.6g to %.6g)", k, lo, hi, r, t.Value, t.Value+fmin, t.Value+fmax)
		return sol, nil
	}
	for j := 0; fa != 0 && j < 200 && b-a > 1e-13*math.Max(1, math.Abs(a)); j++ {
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
	res, err := f(a)
	if err != nil {
		return sol, err
	}
	if math.IsNaN(res) || math.Abs(res) > sol.Tolerance {
		sol.Why, sol.Nearest, sol.Miss = Jump, a, res
		sol.Reason = fmt.Sprintf("the target's metric jumps across %g near %s = %g (residual %+.4g, tolerance %g): no value in [%g, %g] meets %s exactly", t.Value, k, a, res, sol.Tolerance, lo, hi, r)
		return sol, nil
	}
	sol.Found, sol.Value, sol.Residual, sol.Metric = true, a, res, t.Value+res
	return sol, nil
}

func isFinite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// Explain says in both languages why no value of the knob meets the
// target ("" when one does).
func (s Solution) Explain() Text {
	k, t := s.Knob.String(), s.Target.String()
	switch s.Why {
	case NotReached:
		return Text{
			fmt.Sprintf("%s 在 [%g, %g] 内取任何值，%s 的测算都达不到目标的计算条件", k, s.Lo, s.Hi, t),
			fmt.Sprintf("the projection of %s never reaches the target's metric for %s in [%g, %g]", t, k, s.Lo, s.Hi),
		}
	case Independent:
		return Text{
			fmt.Sprintf("在此情景下 %s 不受 %s 影响：%s 在 [%g, %g] 内取任何值，目标指标都是 %.8g；请改变其计算所依据的假设",
				t, k, k, s.Lo, s.Hi, s.MetricMin),
			fmt.Sprintf("%s does not depend on %s in this scenario: its metric stays %.8g for every value in [%g, %g]; vary an assumption it is computed from",
				t, k, s.MetricMin, s.Lo, s.Hi),
		}
	case OneSide:
		return Text{
			fmt.Sprintf("%s 在 [%g, %g] 内取任何值都不能使 %s 达到 %g：目标指标始终在其同一侧（%.6g 至 %.6g）",
				k, s.Lo, s.Hi, t, s.Goal, s.MetricMin, s.MetricMax),
			fmt.Sprintf("no value of %s in [%g, %g] meets %s: the target's metric stays on one side of %g (from %.6g to %.6g)",
				k, s.Lo, s.Hi, t, s.Goal, s.MetricMin, s.MetricMax),
		}
	case Jump:
		return Text{
			fmt.Sprintf("目标指标在 %s = %g 附近跳过 %g（误差 %+.4g，容差 %g）：%s 在 [%g, %g] 内没有恰好实现 %s 的值",
				k, s.Nearest, s.Goal, s.Miss, s.Tolerance, k, s.Lo, s.Hi, t),
			fmt.Sprintf("the target's metric jumps across %g near %s = %g (residual %+.4g, tolerance %g): no value in [%g, %g] meets %s exactly",
				s.Goal, k, s.Nearest, s.Miss, s.Tolerance, s.Lo, s.Hi, t),
		}
	}
	return Text{EN: s.Reason}
}
