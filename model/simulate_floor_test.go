package model

import (
	"math"
	"strings"
	"testing"
)

// floorPlan has a level on every kind of multiplicative step the engine
// compiles (compound rule, plan path, logistic rule), a level on a linear
// rule that must stay above zero (a compound indicator), a ratio of two of
// them and a bounded share.
func floorPlan() *Plan {
	level := func(id string, v float64) *Indicator {
		return &Indicator{ID: id, Direction: Up, Path: Compound, Baseline: Baseline{Year: 2020, Value: v, Known: true}}
	}
	g := level("g", 100)
	g.Rule = &Assumption{Rule: RuleCompound, Rate: Flat(6)}
	g.Targets = []Target{{Year: 2025, From: 2020, Kind: Growth, Value: 6}}
	pop := level("pop", 10)
	pop.Rule = &Assumption{Rule: RuleCompound, Rate: Flat(1)}
	pc := level("pc", 10)
	pc.Derived = &Derivation{Op: OpRatio, Of: []string{"g", "pop"}}
	pc.Targets = []Target{{Year: 2025, From: 2020, Kind: Level, Value: 12}, {Year: 2035, From: 2020, Kind: Multiple, Value: 2}}
	plan := level("plan", 50)
	plan.Targets = []Target{{Year: 2025, From: 2020, Kind: Growth, Value: 7}}
	logi := level("logi", 40)
	logi.Rule = &Assumption{Rule: RuleLogistic, Rate: Flat(5), Ceiling: 100}
	lin := level("lin", 30)
	lin.Rule = &Assumption{Rule: RuleLinear, Step: Flat(1)}
	share := &Indicator{ID: "share", Direction: Up, Path: Linear, Bounded: true, Lo: 0, Hi: 100,
		Baseline: Baseline{Year: 2020, Value: 95, Known: true}, Rule: &Assumption{Rule: RuleLinear, Step: Flat(0.5)},
		Targets: []Target{{Year: 2025, From: 2020, Kind: Level, Value: 97}}}
	return &Plan{ID: "t", BaseYear: 2020, TargetYear: 2025, VisionYear: 2035, Indicators: []*Indicator{g, pop, pc, plan, logi, lin, share}}
}

// Regression (issue 12, after §3): a scenario with sd 1000 points of growth
// and Student-t shocks with 2.1 degrees of freedom drew yearly rates below
// −100 %, so levels turned negative (per-capita GDP P5 = −1302). Every drawn
// level that must stay above zero stays above zero, shares stay within
// their bounds, and every percentile is a finite number.
func TestSimulateExtremeSDKeepsLevelsPositive(t *testing.T) {
	p := floorPlan()
	for _, df := range []float64{0, 2.1} {
		u := Uncertainty{Shocks: map[string]ShockSpec{
			"g": {SD: 1000, DF: df}, "pop": {SD: 300, Rho: 0.9, DF: df}, "plan": {SD: 1000, Rho: 0.5, DF: df},
			"logi": {SD: 1000, DF: df}, "lin": {SD: 1e6, DF: df}, "share": {SD: 1e6, DF: df}}}
		pr, err := Project(p, &Scenario{Name: "extreme", Horizon: 2035})
		if err != nil {
			t.Fatal(err)
		}
		prog, err := Compile(pr, u)
		if err != nil {
			t.Fatal(err)
		}
		bad := 0
		sim := prog.runWith(SimOptions{Draws: 5000, Seed: 9, Workers: 2}, func(i int, out [][]float64) {
			for k, s := range prog.Series {
				for d, v := range out[k] {
					ok := v > 0 && !math.IsInf(v, 0)
					if s.ID == "share" {
						ok = v >= 0 && v <= 100
					}
					if !ok && bad < 10 {
						t.Errorf("df %g: %s %d draw %d = %v", df, s.ID, 2020+i, d, v)
						bad++
					}
				}
			}
		})
		for _, b := range sim.Bands {
			for i, q := range b.Q {
				for j, v := range q {
					if b.ID == "share" && v >= 0 && v <= 100 {
						continue
					}
					if !(v > 0) || math.IsInf(v, 0) {
						t.Errorf("df %g: %s %d P%g = %v, want a finite number above zero", df, b.ID, b.Start+i, Percentiles[j], v)
					}
				}
			}
		}
		for _, ts := range sim.Targets {
			if !ts.Stochastic {
				t.Errorf("df %g: %s %v is not simulated", df, ts.Indicator.ID, ts.Target)
			}
			if ts.Undefined != 0 {
				t.Errorf("df %g: %s %v: %d draws without a metric", df, ts.Indicator.ID, ts.Target, ts.Undefined)
			}
			for j, v := range ts.Q {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Errorf("df %g: %s %v P%g = %v", df, ts.Indicator.ID, ts.Target, Percentiles[j], v)
				}
			}
		}
		// Every shocked level was censored in some draws, and said so.
		for _, b := range sim.Bands {
			if b.ID == "pc" || b.ID == "share" {
				continue
			}
			if b.Censored == 0 {
				t.Errorf("df %g: %s: no draw censored under sd %v", df, b.ID, u.Shocks[b.ID].SD)
			}
		}
		if !hasWarning(sim.Warnings, "g", "held at −99 %") {
			t.Errorf("df %g: no warning about the censored draws of g: %v", df, sim.Warnings)
		}
	}
}

func hasWarning(ws []Warning, id, text string) bool {
	for _, w := range ws {
		if w.Indicator == id && strings.Contains(w.Message, text) {
			return true
		}
	}
	return false
}

// The share of censored draw-years is the probability that the drawn rate
// falls to the floor: with independent normal shocks on a compound rule,
// P(c + σz ≤ SimFloorPct) = Φ((SimFloorPct − c)/σ) in every year, so the
// count over n draws and Y years is binomial(nY, Φ(…)). It must lie within
// 4 standard errors.
func TestSimulateCensoredShareMatchesNormalCDF(t *testing.T) {
	p := floorPlan()
	const sd, rate, draws, years = 100.0, 6.0, 20000, 5
	u := Uncertainty{Shocks: map[string]ShockSpec{"g": {SD: sd}}}
	pr, err := Project(p, &Scenario{Name: "x", Horizon: 2020 + years})
	if err != nil {
		t.Fatal(err)
	}
	prog, err := Compile(pr, u)
	if err != nil {
		t.Fatal(err)
	}
	sim := prog.runWith(SimOptions{Draws: draws, Seed: 4, Workers: 2}, nil)
	want := 0.5 * math.Erfc(-((SimFloorPct-rate)/sd)/math.Sqrt2) // Φ(−1.05) = 0.147
	n := float64(draws * years)
	b, _ := sim.Band("g")
	got := float64(b.Censored) / n
	if se := math.Sqrt(want * (1 - want) / n); math.Abs(got-want) > 4*se {
		t.Errorf("censored share %.5f, want Φ((%g − %g)/%g) = %.5f ± %.5f", got, float64(SimFloorPct), rate, sd, want, 4*se)
	}
}

// A scenario whose shocks never reach the floor is not changed by it: no
// draw censored, no warning (the shipped scenarios' output is unchanged).
func TestSimulateModerateSDNeverCensors(t *testing.T) {
	p := floorPlan()
	u := Uncertainty{Shocks: map[string]ShockSpec{"g": {SD: 1.5, Rho: 0.4}, "pop": {SD: 0.3}, "plan": {SD: 8, DF: 5},
		"logi": {SD: 2}, "lin": {SD: 1}, "share": {SD: 0.5}}}
	pr, err := Project(p, &Scenario{Name: "x", Horizon: 2035})
	if err != nil {
		t.Fatal(err)
	}
	prog, err := Compile(pr, u)
	if err != nil {
		t.Fatal(err)
	}
	sim := prog.runWith(SimOptions{Draws: 3000, Seed: 4, Workers: 2}, nil)
	for _, b := range sim.Bands {
		if b.Censored != 0 {
			t.Errorf("%s: %d draw-years censored", b.ID, b.Censored)
		}
	}
	for _, w := range sim.Warnings {
		t.Errorf("warning %v", w)
	}
}

// CensorRisk is the probability that a year's draw is censored: for
// independent shocks on a compound rule at a constant rate it is the
// same every year, Φ((SimFloorPct − c)/σ) for normal shocks, and the
// simulated share of censored draw-years must match it within 4 standard
// errors, for normal and for Student-t shocks.
func TestCensorRiskMatchesTheDraws(t *testing.T) {
	p := floorPlan()
	const draws, years = 20000, 5
	for _, c := range []struct {
		sd, df float64
	}{{100, 0}, {60, 3}, {40, 2.5}} {
		u := Uncertainty{Shocks: map[string]ShockSpec{"g": {SD: c.sd, DF: c.df}}}
		pr, err := Project(p, &Scenario{Name: "x", Horizon: 2020 + years})
		if err != nil {
			t.Fatal(err)
		}
		risk, err := CensorRisk(pr, u)
		if err != nil {
			t.Fatal(err)
		}
		if c.df == 0 {
			want := 0.5 * math.Erfc(-((SimFloorPct-6)/c.sd)/math.Sqrt2)
			if math.Abs(risk["g"]-want) > 1e-12 {
				t.Errorf("sd %g: risk %v, want Φ(−1.05) = %v", c.sd, risk["g"], want)
			}
		}
		sim, err := Simulate(pr, u, SimOptions{Draws: draws, Seed: 8, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := sim.Band("g")
		n := float64(draws * years)
		got, want := float64(b.Censored)/n, risk["g"]
		if se := math.Sqrt(want * (1 - want) / n); !(math.Abs(got-want) <= 4*se) {
			t.Errorf("sd %g df %g: censored share %.5f, CensorRisk %.5f ± %.5f", c.sd, c.df, got, want, 4*se)
		}
	}
}

// A scenario rate of −99 % or less is the scenario's own (the format
// accepts any rate above −100 %): the floor then lies below the central
// path, which is never censored, and small shocks around it are not
// censored either.
func TestSimulateFloorBelowAnExtremeCentralRate(t *testing.T) {
	p := floorPlan()
	p.Indicators[0].Rule = &Assumption{Rule: RuleCompound, Rate: Flat(-99.5)}
	pr, err := Project(p, &Scenario{Name: "x", Horizon: 2025})
	if err != nil {
		t.Fatal(err)
	}
	for _, sd := range []float64{0, 0.01} {
		u := Uncertainty{Shocks: map[string]ShockSpec{"g": {SD: sd}}}
		sim, err := Simulate(pr, u, SimOptions{Draws: 4000, Seed: 2, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := sim.Band("g")
		if b.Censored != 0 {
			t.Errorf("sd %g: %d draw-years censored around a central rate of −99.5 %%", sd, b.Censored)
		}
		for i, q := range b.Q {
			want := pr.Series["g"].Values[i]
			// Each year's factor is 0.005 ± 2 %: the median of their
			// product lies within about 0.1 % of the central path.
			if rel := math.Abs(q[2]/want - 1); !(rel < 0.01) {
				t.Errorf("sd %g: %d P50 = %v, central %v", sd, 2020+i, q[2], want)
			}
		}
	}
}
