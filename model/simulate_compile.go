package model

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mathext"
)

// SimOp is how a simulated series moves from one year to the next; e is
// the year's shock, c the scenario's rate or step (with its rate shocks),
// f the plan path's own factor or step.
type SimOp uint8

const (
	OpNone     SimOp = iota // the base year
	OpMul                   // x·(1 + (c+e)/100): compound rule, or hold on a compound indicator (c = 0)
	OpAdd                   // x + (c+e): linear rule, or hold on a linear indicator (c = 0)
	OpLogistic              // x + (c+e)/100·x·(1 − x/K)
	OpPlanMul               // x·f·(1 + (c+e)/100): plan path, f = its growth factor
	OpPlanAdd               // x + f + (c+e): plan path, f = its step
	OpFlowMul               // f·(1 + e/100): a flow the plan path sets directly (compound indicator)
	OpFlowAdd               // f + e: the same on a linear indicator
)

// SimSeries is one indicator compiled for simulation: its rule reduced to
// per-year numbers, so that a draw is a tight loop over flat slices.
// Slices are indexed by year − base; index 0 is unused except Obs.
type SimSeries struct {
	ID    string
	Shock int // index into SimProgram.Shocks; −1 when no shock reaches it directly
	Band  bool
	Start float64 // the value in the base year
	Op    []SimOp
	C     []float64 // rate (pp) or step (units) with the scenario's rate shocks
	F     []float64 // the plan path's factor, step or flow
	Level []float64 // the scenario's level-shock factor (1: none)
	Obs   []float64 // an observation that replaces the value (NaN: none)
	K     float64   // logistic ceiling
	// Derived series: Op is empty, Derived is the formula over the
	// series Of (indices into SimProgram.Series), X0 the own base value
	// and OfBase the operands' base values.
	Derived Op
	Of      []int
	X0      float64
	OfBase  []float64
	Clamp   bool
	Lo, Hi  float64
	raw     bool // its rule recurs on the unclamped value, kept apart
	// Pos is set when the level must stay above zero (NeedsPositive) and
	// starts above it: the additive ops, too, then hold a draw's yearly
	// growth at SimFloorPct. The multiplicative ops always do.
	Pos bool
}

// SimShock is one shock process: on series Series, with SD σ, Rho ρ and
// DF ν (0: normal).
type SimShock struct {
	Series      int
	SD, Rho, DF float64
}

// SimTarget is a target whose metric is computed on every draw.
type SimTarget struct {
	Out    int // index into Simulation.Targets
	Series int
	Target Target
	Dir    float64 // +1 when more of the metric is better
	Tol    float64 // shortfall still counted as met (Target.Verdict)
	X0     float64 // the value in Target.From when From is the base year
	// Ref is, for a relative target, the series of the indicator it is
	// measured against (−1 otherwise; read only for a relative target), and RefX0 that series' value in
	// Target.From when From is the base year: each draw compares both
	// indicators' growth in the same draw.
	Ref   int
	RefX0 float64
}

// SimProgram is a projection compiled for simulation.
type SimProgram struct {
	Base, Years int // base year and number of years including it
	Series      []SimSeries
	Shocks      []SimShock
	// Chol is the lower-triangular Cholesky factor of the correlation
	// matrix of the shocks CholOf (indices into Shocks, ascending): those
	// in some correlation; every other shock is independent. Both are nil
	// when the shocks are independent. DenseChol is the full factor.
	Chol     [][]float64
	CholOf   []int
	Targets  []SimTarget
	pr       *Projection
	base     []TargetSim // every target's deterministic outcome
	warnings []Warning
}

// Compile reduces pr and u to a SimProgram: it checks the shocks and the
// correlation matrix, picks the indicators the shocks reach (the shocked
// ones and everything derived from them) and precomputes each one's
// per-year numbers once.
func Compile(pr *Projection, u Uncertainty) (*SimProgram, error) {
	if err := validateShocks(pr, u); err != nil {
		return nil, err
	}
	ids := sortedKeys(u.Shocks)
	if err := validateCorrelations(ids, u.Correlations); err != nil {
		return nil, err
	}
	order, err := derivedOrder(pr.Plan, pr.Scenario)
	if err != nil {
		return nil, err
	}
	prog := &SimProgram{Base: pr.Base, Years: pr.Horizon - pr.Base + 1, pr: pr}
	// Which indicators are simulated: shocked ones with a known path, and
	// derived ones with a simulated operand; then the operands those
	// need, deterministic or not.
	sim := map[string]bool{}
	for _, id := range ids {
		if s := pr.Series[id]; s == nil || !s.Known() {
			prog.warnings = append(prog.warnings, Warning{Indicator: id, Message: "shock ignored: the projection cannot compute this indicator", ZH: "随机冲击未采用：测算路径算不出该指标"})
			continue
		}
		sim[id] = true
	}
	for _, ind := range order {
		if a := RuleFor(ind, pr.Scenario); a.Rule == RuleDerived {
			for _, op := range a.Derived.Of {
				if sim[op] {
					sim[ind.ID] = true
				}
			}
		}
	}
	need := map[string]bool{}
	// A relative target compares two indicators in each draw: when a shock
	// reaches either, both are computed, the other deterministic if need be.
	for _, ind := range pr.Plan.Indicators {
		for _, t := range ind.Targets {
			own, ref := pr.Series[ind.ID], pr.Series[t.RelativeTo]
			if t.Relative() && (sim[ind.ID] || sim[t.RelativeTo]) && own != nil && ref != nil && own.Known() && ref.Known() {
				need[ind.ID], need[t.RelativeTo] = true, true
			}
		}
	}
	for k := len(order) - 1; k >= 0; k-- {
		ind := order[k]
		if !sim[ind.ID] && !need[ind.ID] {
			continue
		}
		need[ind.ID] = true
		if a := RuleFor(ind, pr.Scenario); a.Rule == RuleDerived {
			for _, op := range a.Derived.Of {
				need[op] = true
			}
		}
	}
	index := map[string]int{}
	var active []string
	for _, ind := range order {
		if !need[ind.ID] {
			continue
		}
		index[ind.ID] = len(prog.Series)
		ss := prog.compileSeries(ind, RuleFor(ind, pr.Scenario), index)
		ss.Band = sim[ind.ID]
		if spec, ok := u.Shocks[ind.ID]; ok && sim[ind.ID] {
			ss.Shock = len(prog.Shocks)
			prog.Shocks = append(prog.Shocks, SimShock{Series: len(prog.Series), SD: spec.SD, Rho: spec.Rho, DF: spec.DF})
			active = append(active, ind.ID)
		}
		prog.Series = append(prog.Series, ss)
	}
	prog.CholOf, prog.Chol, err = corrFactor(active, u.Correlations)
	if err != nil {
		return nil, err
	}
	prog.compileTargets(index)
	return prog, nil
}

func (prog *SimProgram) compileSeries(ind *Indicator, a Assumption, index map[string]int) SimSeries {
	pr := prog.pr
	s := pr.Series[ind.ID]
	n := prog.Years
	ss := SimSeries{ID: ind.ID, Shock: -1, Start: s.Values[0], Obs: make([]float64, n)}
	obs := pr.observed(ind.ID)
	for i := range ss.Obs {
		ss.Obs[i] = math.NaN()
		if v, ok := obs[pr.Base+i]; ok {
			ss.Obs[i] = v
		}
	}
	ss.Clamp, ss.Lo, ss.Hi = ind.Bounded && s.Scale == ScaleLevel, ind.Lo, ind.Hi
	if a.Rule == RuleDerived {
		ss.Derived, ss.X0 = a.Derived.Op, ind.Baseline.Value
		if !ind.Baseline.Known {
			ss.X0 = 100
		}
		for _, id := range a.Derived.Of {
			ss.Of = append(ss.Of, index[id])
			ss.OfBase = append(ss.OfBase, pr.Series[id].Values[0])
		}
		return ss
	}
	ss.raw = ss.Clamp
	ss.Pos = NeedsPositive(ind) && ss.Start > 0
	ss.Op, ss.C, ss.F, ss.Level = make([]SimOp, n), make([]float64, n), make([]float64, n), make([]float64, n)
	x0, scale, _ := start(ind, a)
	var plan []float64
	if a.Rule == RulePlan {
		plan = planPath(ind, x0, scale != ScaleLevel, pr.Base, pr.Horizon)
	}
	ss.K = a.Ceiling
	for i := 1; i < n; i++ {
		y := pr.Base + i
		shockPP := pr.rateShock(ind.ID, y)
		ss.Level[i] = pr.levelShock(ind.ID, y)
		mul := ind.Path == Compound
		switch a.Rule {
		case RuleCompound:
			ss.Op[i], ss.C[i] = OpMul, a.Rate.At(y)+shockPP
		case RuleLinear:
			ss.Op[i], ss.C[i] = OpAdd, a.Step.At(y)+shockPP
		case RuleLogistic:
			ss.Op[i], ss.C[i] = OpLogistic, a.Rate.At(y)+shockPP
		case RuleHold:
			ss.Op[i] = pick(mul, OpMul, OpAdd)
		case RulePlan:
			// As followPlan, one year at a time.
			pa, pb := plan[i-1], plan[i]
			ss.C[i] = shockPP
			switch {
			case math.IsNaN(pa) && !math.IsNaN(pb):
				ss.Op[i], ss.F[i], ss.C[i] = pick(mul, OpFlowMul, OpFlowAdd), pb, 0
			case mul && pa > 0 && pb > 0:
				ss.Op[i], ss.F[i] = OpPlanMul, pb/pa
			default:
				ss.Op[i], ss.F[i] = OpPlanAdd, pb-pa
			}
		}
	}
	return ss
}

func pick(c bool, a, b SimOp) SimOp {
	if c {
		return a
	}
	return b
}

// compileTargets records every target's deterministic outcome and, for
// those on simulated indicators, what each draw must compute.
func (prog *SimProgram) compileTargets(index map[string]int) {
	pr := prog.pr
	for _, a := range Assess(pr) {
		ts := TargetSim{Indicator: a.Indicator, Target: a.Target, Scenario: a.Scenario, Status: a.Status, Reason: a.Reason,
			Central: a.Projected, PMet: math.NaN(), SE: math.NaN()}
		for k := range ts.Q {
			ts.Q[k] = math.NaN()
		}
		k, ok := index[a.Indicator.ID]
		ref, okRef, band := -1, true, ok && prog.Series[k].Band
		if a.Target.Relative() {
			ref, okRef = index[a.Target.RelativeTo]
			band = ok && okRef && (prog.Series[k].Band || prog.Series[ref].Band)
		}
		if a.Status == Assessed {
			ts.PMet, ts.SE = 0, 0
			if a.Met {
				ts.PMet = 1
			}
			ts.Q = Quantiles{a.Projected, a.Projected, a.Projected, a.Projected, a.Projected}
			if band {
				ts.Stochastic = true
				t := a.Target
				dir, tol := targetVerdictParams(a.Indicator, t)
				st := SimTarget{Out: len(prog.base), Series: k, Target: t, Dir: dir, Tol: tol, X0: math.NaN(), Ref: -1, RefX0: math.NaN()}
				if t.From == pr.Base {
					st.X0 = prog.Series[k].Start
				}
				if t.Relative() {
					st.Ref = ref
					if t.From == pr.Base {
						st.RefX0 = prog.Series[ref].Start
					}
				}
				prog.Targets = append(prog.Targets, st)
			}
		}
		prog.base = append(prog.base, ts)
	}
}

// targetVerdictParams returns the direction and tolerance of t.Verdict so
// that the draws apply exactly the same test.
func targetVerdictParams(ind *Indicator, t Target) (dir, tol float64) {
	return float64(t.metricDirection(ind)), t.tolerance()
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// String names the op, for the compiled program's description.
func (op SimOp) String() string {
	names := [...]string{"none", "mul", "add", "logistic", "plan_mul", "plan_add", "flow_mul", "flow_add"}
	if int(op) < len(names) {
		return names[op]
	}
	return fmt.Sprintf("op%d", op)
}

// SimFloorPct is the lowest yearly growth rate, in percent, that a draw
// may give a level that must stay above zero. A shock on the rate in
// percentage points, normal or Student-t, has no lower bound, while a
// rate of −100 % or less is impossible (the deterministic engine refuses
// it): a draw whose rate falls to SimFloorPct or below is censored at
// SimFloorPct (the level keeps 1 % of the year before) and counted in
// Band.Censored. The year's central rate is never censored: when it is
// itself at or below the floor, the floor is 1 % of the central value.
const SimFloorPct = -99

// simFloor is the growth factor 1 + SimFloorPct/100.
const simFloor = 1 + SimFloorPct/100.0

// CensorWarnShare is the share of a year's draws above which a shock is
// reported as too large for its rate (CensorRisk): with normal shocks it
// is reached at an sd of about (100 + rate − 1)/3.1 points.
const CensorWarnShare = 0.001

// CensorRisk is, per shocked indicator, the largest share over the years
// of the draws whose value the shock takes to the floor (SimFloorPct) or
// below, where Simulate censors them: the probability that ε_t, whose
// marginal is normal or Student-t with sd σ whatever ρ, falls below the
// shock at which the year's growth reaches the floor. For the rules whose
// floor depends on the level (linear on a level that must stay above zero,
// logistic) it is evaluated on the central path, an approximation; the
// logistic ceiling is not counted. Indicators no draw can censor are
// left out.
func CensorRisk(pr *Projection, u Uncertainty) (map[string]float64, error) {
	prog, err := Compile(pr, u)
	if err != nil {
		return nil, err
	}
	risk := map[string]float64{}
	for _, sh := range prog.Shocks {
		s := &prog.Series[sh.Series]
		if sh.SD == 0 {
			continue
		}
		central := pr.Series[s.ID].Values
		worst := 0.0
		for i := 1; i < prog.Years; i++ {
			if !math.IsNaN(s.Obs[i]) {
				continue
			}
			if q, ok := s.floorShock(i, central[i-1]); ok {
				worst = max(worst, shockCDF(q/sh.SD, sh.DF))
			}
		}
		if worst > 0 {
			risk[s.ID] = worst
		}
	}
	return risk, nil
}

// floorShock is the shock e at or below which advanceShocked censors the
// year index i's draw, given the previous value prev (used only where
// the floor depends on it); ok is false where no floor applies.
func (s *SimSeries) floorShock(i int, prev float64) (e float64, ok bool) {
	c, f := s.C[i], s.F[i]
	switch s.Op[i] {
	case OpMul: // 1 + (c+e)/100 < lo
		return (floorAt(1+c/100, 1)-1)*100 - c, true
	case OpPlanMul: // f·(1 + (c+e)/100) < lo
		return (floorAt(f*(1+c/100), 1)/f-1)*100 - c, f > 0
	case OpFlowMul:
		return (floorAt(f*(1+c/100), f)/f-1)*100 - c, f > 0
	case OpLogistic: // prev + (c+e)/100·prev·(1 − prev/K) < lo
		w := prev * (1 - prev/s.K)
		return (floorAt(prev+c/100*w, prev)-prev)/w*100 - c, prev > 0 && w > 0
	case OpAdd:
		return floorAt(prev+c, prev) - prev - c, s.Pos && prev > 0
	case OpPlanAdd:
		return floorAt(prev+f+c, prev) - prev - f - c, s.Pos && prev > 0
	case OpFlowAdd:
		return simFloor*(f+c) - f - c, s.Pos && f+c > 0
	}
	return 0, false
}

// shockCDF is P(Z ≤ z) for a standard normal Z (df 0) or a Student-t
// with df degrees of freedom scaled to unit variance, as the draws are.
func shockCDF(z, df float64) float64 {
	if df == 0 {
		return 0.5 * math.Erfc(-z/math.Sqrt2)
	}
	t := z * math.Sqrt(df/(df-2))
	p := 0.5 * mathext.RegIncBeta(df/2, 0.5, df/(df+t*t))
	if t > 0 {
		return 1 - p
	}
	return p
}

// DenseChol is the full lower-triangular Cholesky factor of the shocks'
// correlation matrix (identity rows for the independent shocks), nil when
// they are all independent. It holds len(Shocks)² / 2 numbers: for output
// (bench/sim.py), not for the run.
func (prog *SimProgram) DenseChol() [][]float64 {
	if prog.Chol == nil {
		return nil
	}
	k := len(prog.Shocks)
	out := make([][]float64, k)
	for i := range out {
		out[i] = make([]float64, i+1)
		out[i][i] = 1
	}
	for r, i := range prog.CholOf {
		out[i][i] = 0
		for c, j := range prog.CholOf[:r+1] {
			out[i][j] = prog.Chol[r][c]
		}
	}
	return out
}
