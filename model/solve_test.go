package model_test

import (
	"math"
	"strings"
	"testing"

	"fyp/model"
	"fyp/seeds"
)

func loadPlan(t *testing.T) *model.Plan {
	t.Helper()
	p, err := seeds.Load("")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSolveClosedForm: with population compound at rate q, the GDP growth
// that makes per-capita GDP exactly 10万元 in 2025 from 7.9 is
// (10/7.9)^(1/5)·(1+q)−1 (the identity GDP per capita = GDP / population).
func TestSolveClosedForm(t *testing.T) {
	p := loadPlan(t)
	for _, c := range []struct {
		name string
		pop  float64 // percent a year
		year int
		goal float64
	}{
		{"plan-implied population, 2025", 1.11865, 2025, 10},
		{"no population growth, 2025", 0, 2025, 10},
		{"faster population, 2035 doubling", 1.5, 2035, 2}, // multiple: 15.8/7.9
	} {
		t.Run(c.name, func(t *testing.T) {
			sc := &model.Scenario{Name: "t", Assumptions: map[string]model.Assumption{
				"population":     {Rule: model.RuleCompound, Rate: model.Flat(c.pop)},
				"gdp_per_capita": {Rule: model.RuleDerived, Derived: &model.Derivation{Op: model.OpRatio, Of: []string{"gdp", "population"}}},
			}}
			ref := model.TargetRef{ID: "gdp_per_capita", Year: c.year}
			sol, err := model.Solve(p, sc, ref, model.Knob{ID: "gdp"}, -50, 100)
			if err != nil || !sol.Found {
				t.Fatalf("Solve: %v, %+v", err, sol)
			}
			ratio := c.goal / 7.9
			if c.goal == 2 {
				ratio = 2
			}
			want := (math.Pow(ratio, 1/float64(c.year-2020))*(1+c.pop/100) - 1) * 100
			if math.Abs(sol.Value-want) > 1e-8 {
				t.Errorf("gdp rate = %.10f, want %.10f", sol.Value, want)
			}
			if math.Abs(sol.Residual) > 1e-6 {
				t.Errorf("residual = %g, want within 1e-6", sol.Residual)
			}
		})
	}
}

// TestSolveUnreachable: no step of 1 to 5 pp a year lands on 54 % from 51.8
// in five years (that needs 0.44), so the solver says so.
func TestSolveUnreachable(t *testing.T) {
	p := loadPlan(t)
	sol, err := model.Solve(p, nil, model.TargetRef{ID: "forest_coverage", Year: 2025}, model.Knob{ID: "forest_coverage", Step: true}, 1, 5)
	if err != nil {
		t.Fatal(err)
	}
	if sol.Found || sol.Reason == "" {
		t.Errorf("steps 1–5 pp a year overshoot 54 from 51.8; want not found with a reason, got %+v", sol)
	}
}

// TestSolveStep: the linear step that takes forest coverage from 51.8 to 54
// in five years is 0.44 pp a year (the plan's table).
func TestSolveStep(t *testing.T) {
	p := loadPlan(t)
	sol, err := model.Solve(p, nil, model.TargetRef{ID: "forest_coverage", Year: 2025}, model.Knob{ID: "forest_coverage", Step: true}, -10, 10)
	if err != nil || !sol.Found {
		t.Fatalf("%v %+v", err, sol)
	}
	if math.Abs(sol.Value-0.44) > 1e-9 {
		t.Errorf("step = %g, want 0.44", sol.Value)
	}
}

// TestSensitivities: per-capita GDP in 2025 under GDP/population: +1 pp of
// GDP growth raises it by 10·((1.07/1.06)^5 − 1) (closed form), and
// population moves it the other way; indicators it does not depend on do
// not appear.
func TestSensitivities(t *testing.T) {
	p := loadPlan(t)
	sc := &model.Scenario{Name: "t", Assumptions: map[string]model.Assumption{
		"gdp":            {Rule: model.RuleCompound, Rate: model.Flat(6)},
		"population":     {Rule: model.RuleCompound, Rate: model.Flat(1.11865)},
		"gdp_per_capita": {Rule: model.RuleDerived, Derived: &model.Derivation{Op: model.OpRatio, Of: []string{"gdp", "population"}}},
	}}
	ss, err := model.Sensitivities(p, sc, model.TargetRef{ID: "gdp_per_capita", Year: 2025}, model.DefaultDelta)
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2 {
		t.Fatalf("got %d sensitivities, want gdp and population: %+v", len(ss), ss)
	}
	// Population's ±1 pp swing is slightly larger than GDP's (1/x is convex),
	// so it ranks first: 1/1.001187^5 − 1/1.021187^5 > (1.07^5 − 1.05^5)/1.06^5.
	g, q := ss[1], ss[0]
	if g.Indicator != "gdp" || q.Indicator != "population" || q.Swing < g.Swing {
		t.Fatalf("order = %s, %s; want population, gdp", ss[0].Indicator, ss[1].Indicator)
	}
	want := g.Base * (math.Pow(1.07/1.06, 5) - 1)
	if math.Abs((g.High-g.Base)-want) > 1e-9 {
		t.Errorf("gdp +1pp effect = %g, want %g", g.High-g.Base, want)
	}
	if q.High >= q.Base {
		t.Errorf("population: %+v, want a fall when population grows faster", q)
	}
}

// TestSolveIndependentKnob: per-capita GDP = GDP / population does not
// depend on forest coverage's step. With population at the 1.11865 % a
// year the targets imply (rounded), per-capita GDP in 2025 misses 10 by
// less than the tolerance, and the solver used to report the first value
// it tried as an exact solution (issue 12 §3). It must say the target does
// not depend on the assumption.
func TestSolveIndependentKnob(t *testing.T) {
	p := loadPlan(t)
	sc := &model.Scenario{Name: "t", Assumptions: map[string]model.Assumption{
		"gdp":            {Rule: model.RuleCompound, Rate: model.Flat(6)},
		"population":     {Rule: model.RuleCompound, Rate: model.Flat(1.11865)},
		"gdp_per_capita": {Rule: model.RuleDerived, Derived: &model.Derivation{Op: model.OpRatio, Of: []string{"gdp", "population"}}},
	}}
	ref := model.TargetRef{ID: "gdp_per_capita", Year: 2025}
	ind, tg, _ := ref.Find(p)
	m, err := model.TargetMetric(p, sc, ind, tg)
	// Precondition of the reproduction: the metric is off 10, but within
	// the tolerance 1e-6 × 10.
	if err != nil || m == 10 || math.Abs(m-10) > model.SolveTolerance*10 {
		t.Fatalf("metric %v, %v: the reproduction needs it within 1e-5 of 10 but not equal", m, err)
	}
	sol, err := model.Solve(p, sc, ref, model.Knob{ID: "forest_coverage", Step: true}, -100, 100)
	if err != nil {
		t.Fatal(err)
	}
	if sol.Found || !strings.Contains(sol.Reason, "does not depend on forest_coverage.step") {
		t.Errorf("Solve = %+v; want not found, the target not depending on the knob", sol)
	}
}

// TestSolveResidualWithinTolerance: a found solution's residual is never
// above its own tolerance, and a bad range is an error.
func TestSolveResidualWithinTolerance(t *testing.T) {
	p := loadPlan(t)
	for _, c := range []struct {
		ref  model.TargetRef
		knob model.Knob
	}{
		{model.TargetRef{ID: "forest_coverage", Year: 2025}, model.Knob{ID: "forest_coverage", Step: true}},
		{model.TargetRef{ID: "gdp_per_capita", Year: 2025}, model.Knob{ID: "gdp_per_capita"}},
		{model.TargetRef{ID: "gdp_per_capita", Year: 2035}, model.Knob{ID: "gdp_per_capita"}},
	} {
		sol, err := model.Solve(p, nil, c.ref, c.knob, -50, 100)
		if err != nil {
			t.Fatal(err)
		}
		if !sol.Found || math.Abs(sol.Residual) > sol.Tolerance || sol.Tolerance != model.SolveTolerance*math.Max(1, math.Abs(sol.Goal)) {
			t.Errorf("%s by %s: %+v; want found within its tolerance", c.ref, c.knob, sol)
		}
	}
	for _, r := range [][2]float64{{math.NaN(), 1}, {0, math.Inf(1)}, {5, 5}} {
		if _, err := model.Solve(p, nil, model.TargetRef{ID: "forest_coverage", Year: 2025}, model.Knob{ID: "forest_coverage", Step: true}, r[0], r[1]); err == nil {
			t.Errorf("range %v accepted", r)
		}
	}
}

// TestSensitivityBadDelta: a change that is not a finite, positive number
// is refused rather than ranked.
func TestSensitivityBadDelta(t *testing.T) {
	p := loadPlan(t)
	for _, d := range []model.Delta{{RatePP: math.NaN(), Units: 0.1}, {RatePP: 1, Units: math.Inf(1)}, {RatePP: -1, Units: 0.1}, {}} {
		if _, err := model.Sensitivities(p, nil, model.TargetRef{ID: "gdp_per_capita", Year: 2025}, d); err == nil {
			t.Errorf("delta %+v accepted", d)
		}
	}
}
