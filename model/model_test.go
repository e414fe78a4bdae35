package model

import (
	"math"
	"strings"
	"testing"
)

// testPlan is a small plan built in code: one compound level target, one
// linear share, one growth target on an index series, a cumulative flow and
// a derived ratio.
func testPlan() *Plan {
	return &Plan{
		ID: "test", BaseYear: 2020, TargetYear: 2025, VisionYear: 2035,
		Indicators: []*Indicator{
			{ID: "pc", Direction: Up, Path: Compound, Baseline: Baseline{Year: 2020, Value: 7.9, Known: true},
				Targets: []Target{
					{Year: 2025, From: 2020, Kind: Level, Value: 10, Bound: Exact},
					{Year: 2035, From: 2020, Kind: Multiple, Value: 2, Bound: Min},
				}},
			{ID: "forest", Direction: Up, Path: Linear, Bounded: true, Lo: 0, Hi: 100,
				Baseline: Baseline{Year: 2020, Value: 51.8, Known: true},
				Targets:  []Target{{Year: 2025, From: 2020, Kind: Level, Value: 54, Bound: Exact}}},
			{ID: "gdp", Direction: Up, Path: Compound,
				Targets: []Target{{Year: 2025, From: 2020, Kind: Growth, Value: 6, Bound: Min}}},
			{ID: "pop", Direction: Up, Path: Compound, Derived: &Derivation{Op: OpRatio, Of: []string{"gdp", "pc"}}},
			{ID: "fdi", Direction: Up, Path: Compound,
				Targets: []Target{{Year: 2025, From: 2020, Kind: Cumulative, Value: 25}}},
			{ID: "fatality", Direction: Down, Path: Compound, Baseline: Baseline{Year: 2020, Value: 0.05, Known: true},
				Targets: []Target{{Year: 2025, From: 2020, Kind: Reduction, Value: 30}}},
			{ID: "air", Direction: Up, Path: Linear, Baseline: Baseline{Year: 2020, Value: 311, Known: true},
				Targets: []Target{{Year: 2025, From: 2020, Kind: Floor, Value: 300, Bound: Min}}},
		},
	}
}

func find(t *testing.T, as []Assessment, id string, year int) Assessment {
	t.Helper()
	for _, a := range as {
		if a.Indicator.ID == id && a.Target.Year == year {
			return a
		}
	}
	t.Fatalf("no assessment for %s@%d", id, year)
	return Assessment{}
}

func TestRequiredPaces(t *testing.T) {
	p := testPlan()
	pr, err := Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	as := Assess(pr)
	tests := []struct {
		name     string
		id       string
		year     int
		want     float64
		kind     RateKind
		tol      float64
		sourceOf string
	}{
		// (10/7.9)^(1/5) − 1 = 0.048269…: closed form, DOMAIN.md §5 quotes 4.83 %.
		{"per-capita GDP 7.9→10", "pc", 2025, 100 * (math.Pow(10/7.9, 0.2) - 1), RatePct, 1e-9, "closed form"},
		// 2^(1/15) − 1 = 0.047294…: doubling in 15 years, DOMAIN.md §1 quotes 4.73 %.
		{"per-capita GDP doubling by 2035", "pc", 2035, 100 * (math.Pow(2, 1.0/15) - 1), RatePct, 1e-9, "closed form"},
		// (54 − 51.8)/5 = 0.44 pp a year.
		{"forest coverage 51.8→54", "forest", 2025, 0.44, RateUnits, 1e-12, "closed form"},
		// a growth target's required pace is its own rate.
		{"GDP ≥ 6 %", "gdp", 2025, 6, RatePct, 0, "definition"},
		// a cumulative 25 over five years is 5 a year.
		{"FDI [25]", "fdi", 2025, 5, RateFlow, 0, "definition"},
		// (1 − 0.30)^(1/5) − 1 = −6.8847…%.
		{"fatality −30 %", "fatality", 2025, 100 * (math.Pow(0.7, 0.2) - 1), RatePct, 1e-9, "closed form"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := find(t, as, tc.id, tc.year)
			if a.Pace != tc.kind {
				t.Errorf("pace kind = %q, want %q", a.Pace, tc.kind)
			}
			if math.Abs(a.Required-tc.want) > tc.tol {
				t.Errorf("required = %.12g, want %.12g (%s)", a.Required, tc.want, tc.sourceOf)
			}
		})
	}
	if got := find(t, as, "pc", 2025).Required; math.Abs(got-4.83) > 0.005 {
		t.Errorf("required per-capita GDP pace = %.4f, want 4.83 as DOMAIN.md rounds it", got)
	}
}

// TestPlanPathMeetsTargets: projecting at the plan path meets every target
// exactly (to 1e-9 relative), whatever its kind.
func TestPlanPathMeetsTargets(t *testing.T) {
	pr, err := Project(testPlan(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range Assess(pr) {
		if a.Status != Assessed {
			t.Errorf("%s@%d: status %s (%s)", a.Indicator.ID, a.Target.Year, a.Status, a.Reason)
			continue
		}
		if !a.Met {
			t.Errorf("%s@%d: not met on its own plan path (metric %g, target %g)", a.Indicator.ID, a.Target.Year, a.Projected, a.Target.Value)
		}
		if a.Target.Kind == Floor {
			continue // a floor above the base is held, not reached exactly
		}
		if d := math.Abs(a.Projected - a.Target.Value); d > 1e-9*math.Max(1, math.Abs(a.Target.Value)) {
			t.Errorf("%s@%d: plan path misses by %g", a.Indicator.ID, a.Target.Year, d)
		}
	}
}

// TestCompoundAtRequiredRateMeets: a compound rule at the required rate meets
// the level target to 1e-9; a hair less misses it.
func TestCompoundAtRequiredRateMeets(t *testing.T) {
	p := testPlan()
	req := 100 * (math.Pow(10/7.9, 0.2) - 1)
	for _, tc := range []struct {
		name string
		rate float64
		met  bool
	}{
		{"at the required rate", req, true},
		{"0.01 pp short", req - 0.01, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := &Scenario{Name: "x", Horizon: 2025, Assumptions: map[string]Assumption{"pc": {Rule: RuleCompound, Rate: Flat(tc.rate)}}}
			pr, err := Project(p, sc)
			if err != nil {
				t.Fatal(err)
			}
			a := find(t, Assess(pr), "pc", 2025)
			if a.Met != tc.met {
				t.Errorf("met = %v, want %v (projected %.12g)", a.Met, tc.met, a.Projected)
			}
			if tc.met && math.Abs(a.Projected-10) > 1e-9 {
				t.Errorf("projected %.12g, want 10 within 1e-9", a.Projected)
			}
		})
	}
}

// TestDirectionMirrors: reversing an indicator's direction mirrors the
// verdict and the sign of the margin.
func TestDirectionMirrors(t *testing.T) {
	for _, rate := range []float64{3, 4.5, 6} {
		sc := &Scenario{Name: "x", Horizon: 2025, Assumptions: map[string]Assumption{"pc": {Rule: RuleCompound, Rate: Flat(rate)}}}
		up := testPlan()
		down := testPlan()
		down.Indicators[0].Direction = Down
		pu, _ := Project(up, sc)
		pd, _ := Project(down, sc)
		au, ad := find(t, Assess(pu), "pc", 2025), find(t, Assess(pd), "pc", 2025)
		if au.Met == ad.Met {
			t.Errorf("rate %g: up met=%v, down met=%v; want opposite verdicts", rate, au.Met, ad.Met)
		}
		if math.Abs(au.Margin+ad.Margin) > 1e-12 {
			t.Errorf("rate %g: margins %g and %g should be opposite", rate, au.Margin, ad.Margin)
		}
	}
}

func TestRules(t *testing.T) {
	p := testPlan()
	tests := []struct {
		name string
		a    Assumption
		year int
		want float64 // provenance: closed form of each rule (DOMAIN.md §4)
	}{
		{"compound 5 %", Assumption{Rule: RuleCompound, Rate: Flat(5)}, 2025, 51.8 * math.Pow(1.05, 5)},
		{"linear 0.5 pp", Assumption{Rule: RuleLinear, Step: Flat(0.5)}, 2025, 51.8 + 2.5},
		{"hold", Assumption{Rule: RuleHold}, 2030, 51.8},
		{"year-specific", Assumption{Rule: RuleLinear, Step: Yearly{Default: 0.3, Years: map[int]float64{2021: 1, 2022: 0.5}}}, 2023, 51.8 + 1 + 0.5 + 0.3},
		{"linear clamps at 100", Assumption{Rule: RuleLinear, Step: Flat(10)}, 2035, 100},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := &Scenario{Name: "x", Horizon: 2035, Assumptions: map[string]Assumption{"forest": tc.a}}
			pr, err := Project(p, sc)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := pr.Series["forest"].At(tc.year)
			if math.Abs(got-tc.want) > 1e-9 {
				t.Errorf("forest %d = %.12g, want %.12g", tc.year, got, tc.want)
			}
		})
	}
	t.Run("logistic", func(t *testing.T) {
		// One step by hand: x1 = x0 + r·x0·(1 − x0/K).
		sc := &Scenario{Name: "x", Horizon: 2021, Assumptions: map[string]Assumption{"forest": {Rule: RuleLogistic, Rate: Flat(10), Ceiling: 80}}}
		pr, _ := Project(p, sc)
		got, _ := pr.Series["forest"].At(2021)
		want := 51.8 + 0.1*51.8*(1-51.8/80)
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("logistic 2021 = %.12g, want %.12g", got, want)
		}
	})
	t.Run("clamp warns", func(t *testing.T) {
		sc := &Scenario{Name: "x", Horizon: 2035, Assumptions: map[string]Assumption{"forest": {Rule: RuleLinear, Step: Flat(10)}}}
		pr, _ := Project(p, sc)
		if len(pr.Warnings) == 0 {
			t.Error("no warning when a share is held at its bound")
		}
	})
}

// TestDerivedRatio: population implied by GDP ≥ 6 % and per-capita GDP
// 7.9 → 10 grows 1.06/1.0483 − 1 ≈ 1.12 % a year (DOMAIN.md §5 says ≈1.1 %).
func TestDerivedRatio(t *testing.T) {
	pr, err := Project(testPlan(), nil)
	if err != nil {
		t.Fatal(err)
	}
	s := pr.Series["pop"]
	if s.Scale != ScaleIndex {
		t.Fatalf("population scale = %s, want index (the plan gives no level)", s.Scale)
	}
	x, _ := s.At(2025)
	got := 100 * (math.Pow(x/100, 0.2) - 1)
	want := 100 * (1.06/math.Pow(10/7.9, 0.2) - 1)
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("implied population growth = %.10f, want %.10f", got, want)
	}
	fs := Check(pr)
	found := false
	for _, f := range fs {
		if f.Indicator == "pop" && f.Kind == "implied" && f.To == 2025 {
			found = true
			if math.Abs(f.Pace-want) > 1e-9 {
				t.Errorf("Check pace = %g, want %g", f.Pace, want)
			}
		}
	}
	if !found {
		t.Error("Check reports no implied population growth")
	}
}

func TestShocksAndObservations(t *testing.T) {
	p := testPlan()
	sc := &Scenario{Name: "x", Horizon: 2025,
		Assumptions: map[string]Assumption{"pc": {Rule: RuleCompound, Rate: Flat(5)}},
		Shocks: []Shock{
			{Indicator: "pc", Year: 2022, LevelPct: -3},
			{Indicator: "pc", From: 2023, To: 2024, RatePP: -2},
		}}
	pr, err := Project(p, sc)
	if err != nil {
		t.Fatal(err)
	}
	// By hand: 2021 ×1.05, 2022 ×1.05×0.97, 2023–24 ×1.03 each, 2025 ×1.05.
	want := 7.9 * 1.05 * 1.05 * 0.97 * 1.03 * 1.03 * 1.05
	if got, _ := pr.Series["pc"].At(2025); math.Abs(got-want) > 1e-12 {
		t.Errorf("shocked 2025 = %.12g, want %.12g", got, want)
	}
	sc = &Scenario{Name: "obs", Horizon: 2025, Observed: map[string]map[int]float64{"forest": {2022: 52}}}
	pr, _ = Project(p, sc)
	// The plan path steps +0.44 a year; after the observation 52 in 2022 it goes on at that pace.
	if got, _ := pr.Series["forest"].At(2025); math.Abs(got-(52+3*0.44)) > 1e-12 {
		t.Errorf("forest 2025 after observation = %.12g, want %.12g", got, 52+3*0.44)
	}
}

func TestProjectErrors(t *testing.T) {
	p := testPlan()
	for _, tc := range []struct {
		name string
		sc   *Scenario
	}{
		{"horizon before base", &Scenario{Horizon: 2019}},
		{"unknown indicator", &Scenario{Assumptions: map[string]Assumption{"nope": {Rule: RuleHold}}}},
		{"derived cycle", &Scenario{Assumptions: map[string]Assumption{"gdp": {Rule: RuleDerived, Derived: &Derivation{Op: OpRatio, Of: []string{"pop", "pc"}}}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Project(p, tc.sc); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestHistoricalPace(t *testing.T) {
	prev := &Plan{ID: "prev", BaseYear: 2015, TargetYear: 2020, Indicators: []*Indicator{
		{ID: "forest", Path: Linear, Baseline: Baseline{Year: 2015, Value: 46.5, Known: true},
			Observed: []Observation{{Year: 2020, Metric: Level, Value: 51.8, Known: true, Comparable: true}}},
	}}
	p := testPlan()
	p.Previous = prev
	p.Indicator("gdp").Observed = []Observation{{Year: 2020, From: 2015, Metric: Growth, Value: 8.9, Known: true, Comparable: true}}
	// (51.8 − 46.5)/5 = 1.06 pp a year: the 13th plan's record (DOMAIN.md §8).
	if got := HistoricalPace(p, p.Indicator("forest"), p.Indicator("forest").Targets[0]); math.Abs(got-1.06) > 1e-12 {
		t.Errorf("forest historical = %g, want 1.06", got)
	}
	if got := HistoricalPace(p, p.Indicator("gdp"), p.Indicator("gdp").Targets[0]); got != 8.9 {
		t.Errorf("gdp historical = %g, want 8.9 (the table's 2016–2020 growth)", got)
	}
	prev.Indicators[0].Observed[0].Comparable = false
	if got := HistoricalPace(p, p.Indicator("forest"), p.Indicator("forest").Targets[0]); !math.IsNaN(got) {
		t.Errorf("historical from a non-comparable figure = %g, want NaN", got)
	}
}

func TestApproxTolerance(t *testing.T) {
	ind := &Indicator{Direction: Up}
	tg := Target{Kind: Change, Value: 5, Bound: Approx}
	for _, tc := range []struct {
		metric float64
		met    bool
	}{{5, true}, {4.91, true}, {4.89, false}} {
		// 2 % of 5 is 0.1: 4.91 is within, 4.89 is not.
		if met, _ := tg.Verdict(ind, tc.metric); met != tc.met {
			t.Errorf("approx 5, metric %g: met = %v, want %v", tc.metric, met, tc.met)
		}
	}
}

// TestImpliedBaseline: 650 in 2025 at +40 a year implies 450 in 2020
// (德感工业园, 第三章第一节: "到2025年650亿元", "年均增长40亿元").
func TestImpliedBaseline(t *testing.T) {
	p := &Plan{ID: "t", BaseYear: 2020, TargetYear: 2025, Indicators: []*Indicator{{
		ID: "park", Path: Linear, Direction: Up,
		Rule:    &Assumption{Rule: RuleLinear, Step: Flat(40)},
		Targets: []Target{{Year: 2025, From: 2020, Kind: Level, Value: 650}},
	}}}
	pr, err := Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	fs := Check(pr)
	if len(fs) != 1 || fs[0].Indicator != "park" || !strings.Contains(fs[0].Message.EN, "implies about 450 in 2020") {
		t.Fatalf("findings = %+v, want the implied 450 in 2020", fs)
	}
}
