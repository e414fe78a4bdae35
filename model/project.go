package model

import (
	"fmt"
	"math"

	"fyp/internal/bilingual"
)

// Scale says what a series' numbers are.
type Scale string

const (
	ScaleLevel  Scale = "level"  // the indicator's own units
	ScaleIndex  Scale = "index"  // base year = 100 (the plan gives no level)
	ScaleChange Scale = "change" // change since the base year, in the indicator's units
)

// Series is one indicator's projected path. Values[i] is the value in
// Start+i; NaN marks a year whose value cannot be known.
type Series struct {
	ID     string
	Start  int
	Values []float64
	Scale  Scale
	Rule   RuleKind
	Reason Text // why the series is unknown, when it is
}

// At returns the value in year y; ok is false outside the series or where
// the value is unknown.
func (s *Series) At(year int) (float64, bool) {
	i := year - s.Start
	if s == nil || i < 0 || i >= len(s.Values) || math.IsNaN(s.Values[i]) {
		return math.NaN(), false
	}
	return s.Values[i], true
}

// End is the series' last year.
func (s *Series) End() int { return s.Start + len(s.Values) - 1 }

// Known reports whether any value of the series is known.
func (s *Series) Known() bool {
	for _, v := range s.Values {
		if !math.IsNaN(v) {
			return true
		}
	}
	return false
}

// Warning is a problem that did not stop the computation.
type Warning struct {
	Indicator string
	Year      int
	Message   string // in English
	ZH        string // the same in Chinese; empty falls back to Message
}

// In is the warning in lang ("zh" or "en"), led by its indicator and year.
func (w Warning) In(lang string) string {
	if lang != "en" && w.ZH != "" {
		if w.Year > 0 {
			return fmt.Sprintf("%s %d年：%s", w.Indicator, w.Year, w.ZH)
		}
		return fmt.Sprintf("%s：%s", w.Indicator, w.ZH)
	}
	return w.String()
}

func (w Warning) String() string {
	if w.Year > 0 {
		return fmt.Sprintf("%s %d: %s", w.Indicator, w.Year, w.Message)
	}
	return fmt.Sprintf("%s: %s", w.Indicator, w.Message)
}

// Projection is every indicator's path under one scenario.
type Projection struct {
	Plan     *Plan
	Scenario *Scenario
	Base     int
	Horizon  int
	Series   map[string]*Series
	Warnings []Warning
}

// Name is the scenario's name, or "plan" for the plan's own rules.
func (pr *Projection) Name() string {
	if pr.Scenario == nil || pr.Scenario.Name == "" {
		return "plan"
	}
	return pr.Scenario.Name
}

// Project computes every indicator of p year by year from the base year to
// the scenario's horizon (sc may be nil: the plan's own rules to its last
// target year).
func Project(p *Plan, sc *Scenario) (*Projection, error) {
	horizon := p.LastYear()
	if sc != nil && sc.Horizon != 0 {
		horizon = sc.Horizon
	}
	if horizon < p.BaseYear {
		return nil, bilingual.Errorf("测算终止年%d早于基期年%d", "model: horizon %d is before the base year %d", horizon, p.BaseYear)
	}
	if sc != nil {
		for id := range sc.Assumptions {
			if p.Indicator(id) == nil {
				return nil, bilingual.Errorf("情景%q：未知的指标%q", "model: scenario %q: unknown indicator %q", sc.Name, id)
			}
		}
		for _, s := range sc.Shocks {
			if p.Indicator(s.Indicator) == nil {
				return nil, bilingual.Errorf("情景%q：冲击作用于未知的指标%q", "model: scenario %q: shock on unknown indicator %q", sc.Name, s.Indicator)
			}
		}
	}
	order, err := derivedOrder(p, sc)
	if err != nil {
		return nil, err
	}
	pr := &Projection{Plan: p, Scenario: sc, Base: p.BaseYear, Horizon: horizon, Series: make(map[string]*Series, len(order))}
	for _, ind := range order {
		a := RuleFor(ind, sc)
		var s *Series
		if a.Rule == RuleDerived {
			s = pr.derive(ind, a.Derived)
		} else {
			s = pr.step(ind, a)
		}
		s.Rule = a.Rule
		if err := pr.finite(ind, s); err != nil {
			return nil, err
		}
		pr.clamp(ind, s)
		pr.Series[ind.ID] = s
	}
	return pr, nil
}

// OverflowError says a rule took an indicator's projection beyond any
// finite number (a rate of 1e300 % a year, a huge step or shock). It comes
// from the user's plan, scenario or flags: the caller reports it as bad
// input.
type OverflowError struct {
	Scenario  string
	Indicator string
	Rule      RuleKind
	Year      int     // the first year the value is not finite
	From      float64 // the last finite value, in the year before
}

func (e *OverflowError) Error() string {
	return fmt.Sprintf("model: scenario %q: %s: the %s rule takes the projection from %.4g beyond any finite number in %d; check its rate, step or shocks",
		e.Scenario, e.Indicator, e.Rule, e.From, e.Year)
}

// finite refuses a series whose rule made a value infinite, or not a
// number where the year before was a number (Inf − Inf, 0 · Inf). A NaN
// that follows a NaN is an unknown year, not an overflow; plan and derived
// paths may also lose a value legitimately (a target path that ends), so
// only an infinity counts for them.
func (pr *Projection) finite(ind *Indicator, s *Series) error {
	for i, v := range s.Values {
		prev := math.NaN()
		if i > 0 {
			prev = s.Values[i-1]
		}
		lost := math.IsNaN(v) && !math.IsNaN(prev) && s.Rule != RulePlan && s.Rule != RuleDerived
		if math.IsInf(v, 0) || lost {
			return &OverflowError{Scenario: pr.Name(), Indicator: ind.ID, Rule: s.Rule, Year: s.Start + i, From: prev}
		}
	}
	return nil
}

// MaxRatePct is the largest yearly growth rate a scenario or a command
// may give, percent a year: an elevenfold rise every year is beyond any
// series a plan projects, and far larger rates overflow float64.
const MaxRatePct = 1000

// MaxMagnitude is the largest level or yearly step accepted in any unit:
// no figure of a plan reaches a thousand trillion (China's GDP is about
// 1.3e14 yuan), so a larger one is a typing or unit error.
const MaxMagnitude = 1e15

// NeedsPositive reports whether ind's level must stay above zero: it
// compounds (path compound, or a compound or logistic rule stated by the
// plan) or is a ratio, product or share of other levels. Growth rates and
// multiples of such a level are undefined at zero or below.
func NeedsPositive(ind *Indicator) bool {
	if ind.Path == Compound {
		return true
	}
	if r := ind.Rule; r != nil && (r.Rule == RuleCompound || r.Rule == RuleLogistic) {
		return true
	}
	if d := ind.Derived; d != nil && (d.Op == OpRatio || d.Op == OpProduct || d.Op == OpShare) {
		return true
	}
	return false
}

// noBaseReason says why a level without a base-year value is unknown.
var noBaseReason = Text{ZH: "规划未给出基期值", EN: "the plan gives no base-year value"}

// horizonReason says that the projection stops before a target's year.
func horizonReason(horizon int) Text {
	return Text{ZH: fmt.Sprintf("测算只到%d年，未到目标年份", horizon), EN: fmt.Sprintf("the projection ends in %d, before the target year", horizon)}
}

// start returns the base-year value and scale the series starts from.
func start(ind *Indicator, a Assumption) (x0 float64, scale Scale, reason Text) {
	if ind.Baseline.Known {
		return ind.Baseline.Value, ScaleLevel, Text{}
	}
	ts := sortedTargets(ind)
	if a.Rule == RulePlan && len(ts) > 0 {
		switch ts[0].Kind {
		case Growth, Multiple, Reduction:
			return 100, ScaleIndex, Text{}
		case Change:
			return 0, ScaleChange, Text{}
		case Cumulative:
			return math.NaN(), ScaleLevel, Text{}
		}
		return math.NaN(), ScaleLevel, noBaseReason
	}
	switch a.Rule {
	case RuleCompound:
		return 100, ScaleIndex, Text{}
	case RuleLinear:
		return 0, ScaleChange, Text{}
	}
	return math.NaN(), ScaleLevel, noBaseReason
}

// step projects an indicator by a recursive rule, applying shocks and
// observations as it goes so that later years continue from them.
func (pr *Projection) step(ind *Indicator, a Assumption) *Series {
	x0, scale, reason := start(ind, a)
	n := pr.Horizon - pr.Base + 1
	s := &Series{ID: ind.ID, Start: pr.Base, Values: make([]float64, n), Scale: scale, Reason: reason}
	var plan []float64
	if a.Rule == RulePlan {
		plan = planPath(ind, x0, scale != ScaleLevel, pr.Base, pr.Horizon)
	}
	if a.Rule == RuleLogistic && scale != ScaleLevel {
		pr.warn(ind.ID, 0, Text{ZH: "逻辑斯谛规则需要基期水平，规划未给出", EN: "logistic rule needs a base-year level; none is given"})
		x0 = math.NaN()
	}
	obs := pr.observed(ind.ID)
	x := x0
	if v, ok := obs[pr.Base]; ok {
		x = v
	}
	s.Values[0] = x
	for i := 1; i < n; i++ {
		y := pr.Base + i
		shockPP := pr.rateShock(ind.ID, y)
		rate, stepv := a.Rate.At(y)+shockPP, a.Step.At(y)+shockPP
		prev := x
		switch a.Rule {
		case RuleCompound:
			x = prev * (1 + rate/100)
		case RuleLinear:
			x = prev + stepv
		case RuleLogistic:
			x = prev + rate/100*prev*(1-prev/a.Ceiling)
		case RuleHold:
		case RulePlan:
			x = followPlan(ind, plan, i, prev, shockPP)
		}
		x *= pr.levelShock(ind.ID, y)
		if v, ok := obs[y]; ok {
			x = v
		}
		s.Values[i] = x
	}
	return s
}

// followPlan advances prev by the plan path's own change into year index i:
// its growth factor for compound indicators, its step for linear ones, so
// that after a shock or an observation the path continues at the plan's pace.
// ratePP shifts the plan's pace (a scenario shock on a plan-following series).
func followPlan(ind *Indicator, plan []float64, i int, prev, ratePP float64) float64 {
	a, b := plan[i-1], plan[i]
	if math.IsNaN(a) && !math.IsNaN(b) {
		return b // flows set directly (cumulative targets)
	}
	if ind.Path == Compound && a > 0 && b > 0 {
		return prev * (b / a) * (1 + ratePP/100)
	}
	return prev + (b - a) + ratePP
}

// rateShock is the sum of the scenario's rate shocks on id in year y.
func (pr *Projection) rateShock(id string, y int) float64 {
	var pp float64
	if sc := pr.Scenario; sc != nil {
		for _, sh := range sc.Shocks {
			if sh.Indicator == id && sh.RatePP != 0 && y >= sh.From && y <= sh.To {
				pp += sh.RatePP
			}
		}
	}
	return pp
}

// levelShock is the factor by which the scenario's level shocks on id
// multiply its value in year y.
func (pr *Projection) levelShock(id string, y int) float64 {
	f := 1.0
	if sc := pr.Scenario; sc != nil {
		for _, sh := range sc.Shocks {
			if sh.Indicator == id && sh.LevelPct != 0 && sh.Year == y {
				f *= 1 + sh.LevelPct/100
			}
		}
	}
	return f
}

// observed returns the scenario's observations of id, if any.
func (pr *Projection) observed(id string) map[int]float64 {
	if pr.Scenario == nil {
		return nil
	}
	return pr.Scenario.Observed[id]
}

// derive computes a derived indicator from its operands' series.
func (pr *Projection) derive(ind *Indicator, d *Derivation) *Series {
	n := pr.Horizon - pr.Base + 1
	s := &Series{ID: ind.ID, Start: pr.Base, Values: make([]float64, n), Scale: ScaleLevel}
	x0 := ind.Baseline.Value
	if !ind.Baseline.Known {
		x0, s.Scale = 100, ScaleIndex
	}
	ops := make([]*Series, len(d.Of))
	for i, id := range d.Of {
		ops[i] = pr.Series[id]
	}
	obs := pr.observed(ind.ID)
	for i := range s.Values {
		y := pr.Base + i
		s.Values[i] = combine(d.Op, ops, i, x0)
		if v, ok := obs[y]; ok {
			s.Values[i] = v
		}
	}
	return s
}

// combine evaluates a derivation at index i of its operands.
func combine(op Op, ops []*Series, i int, x0 float64) float64 {
	v := func(k, j int) float64 { return ops[k].Values[j] }
	switch op {
	case OpRatio, OpShare:
		return x0 * (v(0, i) / v(0, 0)) / (v(1, i) / v(1, 0))
	case OpProduct:
		return x0 * (v(0, i) / v(0, 0)) * (v(1, i) / v(1, 0))
	case OpSum:
		var s float64
		for k := range ops {
			s += v(k, i)
		}
		return s
	case OpDifference:
		return v(0, i) - v(1, i)
	}
	return math.NaN()
}

// clamp keeps a bounded series inside its natural bounds and says so.
func (pr *Projection) clamp(ind *Indicator, s *Series) {
	if !ind.Bounded || s.Scale != ScaleLevel {
		return
	}
	warned := false
	for i, v := range s.Values {
		if math.IsNaN(v) || (v >= ind.Lo && v <= ind.Hi) {
			continue
		}
		s.Values[i] = math.Max(ind.Lo, math.Min(ind.Hi, v))
		if !warned {
			pr.warn(ind.ID, s.Start+i, Text{
				ZH: fmt.Sprintf("按规则将达到 %.4g，超出取值范围 [%g, %g]；自该年起保持为 %g", v, ind.Lo, ind.Hi, s.Values[i]),
				EN: fmt.Sprintf("the rule would take the value to %.4g, outside its bounds [%g, %g]; held at %g from this year", v, ind.Lo, ind.Hi, s.Values[i])})
			warned = true
		}
	}
}

func (pr *Projection) warn(id string, year int, msg Text) {
	pr.Warnings = append(pr.Warnings, Warning{Indicator: id, Year: year, Message: msg.EN, ZH: msg.ZH})
}

// derivedOrder sorts the plan's indicators so that every derived indicator
// comes after the indicators it is computed from.
func derivedOrder(p *Plan, sc *Scenario) ([]*Indicator, error) {
	const (
		unseen = iota
		visiting
		done
	)
	state := make(map[string]int, len(p.Indicators))
	order := make([]*Indicator, 0, len(p.Indicators))
	var visit func(ind *Indicator, chain []string) error
	visit = func(ind *Indicator, chain []string) error {
		switch state[ind.ID] {
		case done:
			return nil
		case visiting:
			return bilingual.Errorf("派生指标互相计算，形成循环：%v", "model: derived indicators form a cycle: %v", append(chain, ind.ID))
		}
		state[ind.ID] = visiting
		if a := RuleFor(ind, sc); a.Rule == RuleDerived {
			if a.Derived == nil || len(a.Derived.Of) < 2 {
				return bilingual.Errorf("%s：derived规则需要含两个运算对象的公式", "model: %s: derived rule needs a formula with two operands", ind.ID)
			}
			for _, id := range a.Derived.Of {
				dep := p.Indicator(id)
				if dep == nil {
					return bilingual.Errorf("%s：由未知的指标%q计算", "model: %s: derived from unknown indicator %q", ind.ID, id)
				}
				if err := visit(dep, append(chain, ind.ID)); err != nil {
					return err
				}
			}
		}
		state[ind.ID] = done
		order = append(order, ind)
		return nil
	}
	for _, ind := range p.Indicators {
		if err := visit(ind, nil); err != nil {
			return nil, err
		}
	}
	return order, nil
}
