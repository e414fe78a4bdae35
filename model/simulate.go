package model

import (
	"math"
	"strings"

	"fyp/internal/bilingual"
)

// Percentiles are the percentiles Simulate reports, in percent.
var Percentiles = [5]float64{5, 25, 50, 75, 95}

// Quantiles holds the values at Percentiles: P5, P25, P50, P75, P95.
// Each is the exact sample quantile of the draws by linear interpolation
// between order statistics (Hyndman–Fan type 7, NumPy's default):
// h = (m−1)·p/100, q = x₍⌊h⌋₎ + (h−⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) over the m
// draws whose value is known.
type Quantiles [5]float64

// SimOptions controls a Monte Carlo run.
type SimOptions struct {
	Draws int    // number of draws, ≥ 1
	Seed  uint64 // every random stream is derived from it; record it to reproduce a run
	// Workers is the number of goroutines (≤ 0: one). The result does not
	// depend on it: draws are split into blocks of SimBlock, each with its
	// own stream derived from (Seed, block index).
	Workers int
	// Progress, if set, is called after each simulated year with the
	// number of years done and the total.
	Progress func(done, total int)
	// TargetsOnly skips the yearly percentiles of every band (the fan
	// charts' data), for a caller that wants only the targets: the
	// Simulation then has no Bands, and its Targets (P(met), SE,
	// percentiles, undefined draws) and Warnings are exactly those of the
	// same run without it. A band's order statistics are still computed
	// in the years a target on it needs them.
	TargetsOnly bool
}

// SimBlock is the number of draws that share one random stream.
const SimBlock = 1024

// TargetSim is one target's outcome over the draws.
type TargetSim struct {
	Indicator *Indicator
	Target    Target
	Scenario  string
	Status    Status // as Assess: only Assessed targets have a probability
	Reason    Text
	// Stochastic is false when no shock reaches the indicator: PMet is then
	// 0 or 1 and every percentile equals the central path's metric.
	Stochastic bool
	Central    float64   // the metric on the deterministic (central) path
	PMet       float64   // share of draws that meet the target (NaN unless Assessed)
	SE         float64   // Monte Carlo standard error √(p(1−p)/n)
	Q          Quantiles // percentiles of the target's metric
	Undefined  int       // draws whose metric cannot be computed (counted as not met)
}

// Band is one indicator's percentiles year by year: the fan chart's data.
type Band struct {
	ID         string
	Start      int
	Scale      Scale
	Stochastic bool
	Central    []float64   // the deterministic path
	Q          []Quantiles // Q[i] is the year Start+i
	// Censored is the number of draw-years held at SimFloorPct or at a
	// logistic ceiling (see Simulate).
	Censored int
}

// Simulation is the result of Simulate.
type Simulation struct {
	Projection *Projection
	Draws      int
	// Asked is the number of draws asked for when a memory budget
	// reduced it to Draws (SimDrawsWithin); 0 when Draws is as asked.
	Asked    int
	Seed     uint64
	Targets  []TargetSim // every target, in the order of Assess
	Bands    []Band      // every simulated indicator, in plan order
	Warnings []Warning
}

// Band returns id's band: the simulated one, or for an indicator that no
// shock reaches, the central path as a band of zero width. ok is false for
// an unknown id.
func (sim *Simulation) Band(id string) (Band, bool) {
	for _, b := range sim.Bands {
		if b.ID == id {
			return b, true
		}
	}
	s := sim.Projection.Series[id]
	if s == nil {
		return Band{}, false
	}
	b := Band{ID: id, Start: s.Start, Scale: s.Scale, Central: s.Values, Q: make([]Quantiles, len(s.Values))}
	for i, v := range s.Values {
		b.Q[i] = Quantiles{v, v, v, v, v}
	}
	return b, true
}

// Simulate draws opt.Draws paths of every indicator around the projection
// pr, perturbing each shocked indicator's annual rate (compound rules, in
// percentage points), step (linear rules, in units a year) or the plan
// path's own yearly pace (plan rule) by an AR(1) shock
//
//	ε_1 = σ·z_1,  ε_t = ρ·ε_{t−1} + √(1−ρ²)·σ·z_t,
//
// so that every ε_t has standard deviation σ. The z_t are standard normal,
// or Student-t with ν degrees of freedom scaled to unit variance
// (z = n·√((ν−2)/χ²_ν)), correlated across indicators in each year through
// the Cholesky factor of u.Correlations. (With Student-t shocks the
// correlation of the shocks is that of the normals times E√((ν−2)/χ²_ν) for
// each t indicator, 0.92 for ν = 5.) Derived indicators follow from the
// simulated paths as in Project; bounded indicators are clamped to their
// bounds year by year after their rule, as in Project, and observations
// replace simulated values in their years. A draw's yearly growth is
// censored at SimFloorPct wherever a level must stay above zero (a
// logistic level also at its ceiling), never the central path; each
// band counts its censored draw-years and the run warns of them.
//
// With every σ = 0 the draws reproduce pr exactly. u.Draws and u.Seed are
// the scenario's defaults; the caller resolves them into opt.
func Simulate(pr *Projection, u Uncertainty, opt SimOptions) (*Simulation, error) {
	if opt.Draws < 1 {
		return nil, bilingual.Errorf("模拟：抽样次数应至少为1，现为%d", "model: simulate: draws must be at least 1, got %d", opt.Draws)
	}
	prog, err := Compile(pr, u)
	if err != nil {
		return nil, err
	}
	return prog.run(opt), nil
}

// validateShocks checks each shock process and that it falls on an
// indicator whose rule can be perturbed.
func validateShocks(pr *Projection, u Uncertainty) error {
	var errs []error
	for _, id := range sortedKeys(u.Shocks) {
		s := u.Shocks[id]
		ind := pr.Plan.Indicator(id)
		switch {
		case ind == nil:
			errs = append(errs, bilingual.Errorf("不确定性：冲击作用于未知的指标%q", "model: uncertainty: shock on unknown indicator %q", id))
		case RuleFor(ind, pr.Scenario).Rule == RuleDerived:
			errs = append(errs, bilingual.Errorf("不确定性：%s由%v计算；请对这些运算对象施加冲击", "model: uncertainty: %s is derived from %v; shock its operands instead", id, RuleFor(ind, pr.Scenario).Derived.Of))
		case !(s.SD >= 0) || math.IsInf(s.SD, 0):
			errs = append(errs, bilingual.Errorf("不确定性：%s：sd %g应为≥0的数", "model: uncertainty: %s: sd %g must be a number ≥ 0", id, s.SD))
		case !(s.Rho > -1 && s.Rho < 1):
			errs = append(errs, bilingual.Errorf("不确定性：%s：rho %g应严格介于−1和1之间", "model: uncertainty: %s: rho %g must lie strictly between −1 and 1", id, s.Rho))
		case s.DF != 0 && !(s.DF > 2) || math.IsInf(s.DF, 0):
			errs = append(errs, bilingual.Errorf("不确定性：%s：df %g应大于2（否则方差无穷大），正态冲击填0", "model: uncertainty: %s: df %g must be above 2 (the variance is infinite otherwise), or 0 for normal shocks", id, s.DF))
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return joined(errs)
}

// joined is errors.Join for errors worded in both languages: one per line,
// each in the language asked for (In).
type joined []error

func (j joined) Error() string   { return j.In("en") }
func (j joined) Unwrap() []error { return j }

// In returns the messages in lang, one a line.
func (j joined) In(lang string) string {
	lines := make([]string, len(j))
	for i, e := range j {
		lines[i] = bilingual.In(e, lang)
	}
	return strings.Join(lines, "\n")
}
