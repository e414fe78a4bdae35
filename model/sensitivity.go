package model

import (
	"math"
	"sort"

	"fyp/internal/bilingual"
)

// Delta is the size of a one-at-a-time change: RatePP percentage points of
// annual growth for indicators on a compound path, Units a year for
// indicators on a linear path (percentage points for shares).
type Delta struct {
	RatePP float64
	Units  float64
}

// DefaultDelta is one point of growth a year, or 0.1 units a year.
var DefaultDelta = Delta{RatePP: 1, Units: 0.1}

// Sensitivity is the effect of moving one indicator's pace down and up by
// Delta on a target's metric: one bar of a tornado chart.
type Sensitivity struct {
	Indicator string
	Rule      RuleKind
	Pace      RateKind // RatePct (Delta.RatePP) or RateUnits (Delta.Units)
	Delta     float64  // the change applied, in Pace's unit a year
	Base      float64  // the target's metric under the scenario
	Low       float64  // the metric with the pace lowered by Delta
	High      float64  // the metric with the pace raised by Delta
	Swing     float64  // |High − Low|: the ranking key
}

// Sensitivities moves each non-derived indicator's pace by ±d in every
// projected year (as a rate shock, so it works for every rule: compound,
// linear, logistic and the plan path; hold rules are left alone) and
// returns those that change target r's metric, largest swing first.
func Sensitivities(p *Plan, sc *Scenario, r TargetRef, d Delta) ([]Sensitivity, error) {
	if !isFinite(d.RatePP) || !isFinite(d.Units) || d.RatePP < 0 || d.Units < 0 || (d.RatePP == 0 && d.Units == 0) {
		return nil, bilingual.Errorf("敏感性变动每年%g个百分点、%g个单位：应为有限数，不为负，且不能都为零", "model: sensitivity change %g pp, %g units a year: expected finite, not negative, not both zero", d.RatePP, d.Units)
	}
	ind, t, err := r.Find(p)
	if err != nil {
		return nil, err
	}
	base, err := TargetMetric(p, sc, ind, t)
	if err != nil {
		return nil, err
	}
	pr, err := Project(p, sc)
	if err != nil {
		return nil, err
	}
	var out []Sensitivity
	for _, x := range p.Indicators {
		a := RuleFor(x, sc)
		if a.Rule == RuleDerived || a.Rule == RuleHold {
			continue
		}
		s := Sensitivity{Indicator: x.ID, Rule: a.Rule, Pace: RatePct, Delta: d.RatePP, Base: base}
		if a.Rule == RuleLinear || (a.Rule == RulePlan && x.Path == Linear) {
			s.Pace, s.Delta = RateUnits, d.Units
		}
		if s.Delta == 0 {
			continue
		}
		for _, sign := range []float64{-1, 1} {
			m, err := TargetMetric(p, shifted(sc, x.ID, pr.Base+1, pr.Horizon, sign*s.Delta), ind, t)
			if err != nil {
				return nil, err
			}
			if sign < 0 {
				s.Low = m
			} else {
				s.High = m
			}
		}
		s.Swing = math.Abs(s.High - s.Low)
		if math.IsNaN(s.Swing) || s.Swing <= 1e-12*math.Max(1, math.Abs(base)) {
			continue
		}
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Swing > out[j].Swing })
	return out, nil
}

// shifted is sc with one more rate shock of pp on id from `from` to `to`.
func shifted(sc *Scenario, id string, from, to int, pp float64) *Scenario {
	c := &Scenario{Name: "plan"}
	if sc != nil {
		cp := *sc
		c = &cp
	}
	c.Shocks = append(append([]Shock(nil), c.Shocks...), Shock{Indicator: id, From: from, To: to, RatePP: pp})
	return c
}
