package model_test

import (
	"math"
	"testing"

	"fyp/model"
	"fyp/seeds"
)

// nationalPlan is the national-style test plan: other ids than Jiangjin's.
func nationalPlan(t *testing.T) *model.Plan {
	t.Helper()
	p, err := seeds.Load("../testdata/plans/national-14.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Jiangjin's default shocks are exactly its calibrated ones: the defaults
// by kind reach none of its indicators, so its results do not change.
func TestDefaultUncertaintyJiangjinIsCalibrated(t *testing.T) {
	p, err := seeds.Load("jiangjin-14")
	if err != nil {
		t.Fatal(err)
	}
	u := model.DefaultUncertainty(p)
	cal := model.CalibratedShocks()
	n := 0
	for _, ind := range p.Indicators {
		want, ok := cal[ind.ID]
		if !ok || ind.Derived != nil {
			if got, shocked := u.Shocks[ind.ID]; shocked {
				t.Errorf("%s: shock %+v, want none (no calibrated volatility)", ind.ID, got)
			}
			continue
		}
		n++
		if got := u.Shocks[ind.ID]; got != want {
			t.Errorf("%s: shock %+v, want the calibrated %+v", ind.ID, got, want)
		}
	}
	if len(u.Shocks) != n || n < 30 {
		t.Errorf("%d shocks, want the %d calibrated ones", len(u.Shocks), n)
	}
}

// Another plan gets a shock by kind of series on every main-table row the
// projection can compute. Expected values by hand from the fixture's
// figures and the documented rules (see MinRateSD).
func TestDefaultUncertaintyByKind(t *testing.T) {
	p := nationalPlan(t)
	pr, err := model.Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	u, none := model.DefaultUncertaintyFor(pr)
	tests := []struct {
		id       string
		sd, rho  float64
		provides string
	}{
		// 6.3 → 12 in 5 years: (12/6.3)^(1/5) − 1 = 13.754 %/yr; σ = 13.754/4.
		{"high_value_invention_patents_per_10k", 3.4385, 0.3, "rate, a quarter of the pace"},
		// 1.8 → 4.5: 2.5^(1/5) − 1 = 20.112 %/yr; σ = 20.112/4.
		{"infant_care_places_per_1000", 5.0280, 0.3, "rate, a quarter of the pace"},
		// a fall of 13.5 % in 5 years: −2.859 %/yr; |g|/4 < 1.5, so σ = 1.5.
		{"energy_intensity", 1.5, 0.3, "rate, the floor of 1.5 pp"},
		// 7.8 → 10: +0.44 pp/yr; σ = max(0.22, 0.039).
		{"digital_core_industries_share", 0.22, 0.3, "step, half of it"},
		// 87 → 87.5: +0.1 pp/yr; σ = max(0.05, 0.435).
		{"air_good_days_ratio", 0.435, 0.3, "step, 0.5 % of the level"},
		// held at 5.2 under a ceiling: σ = 2 % of 5.2, rho −0.5.
		{"unemployment_surveyed", 0.104, -0.5, "held level"},
		// a change of +1 year, 0 → 1: +0.2 a year; σ = max(0.1, 0.005). Its
		// unit 岁 is not the calibrated 年, so the calibrated 0.15 does not apply.
		{"life_expectancy", 0.1, 0.3, "step of a series of changes"},
		// calibrated for Jiangjin in the same unit (人): kept.
		{"doctors_per_1000", 3, 0.2, "calibrated"},
	}
	for _, tc := range tests {
		got, ok := u.Shocks[tc.id]
		if !ok {
			t.Errorf("%s: no shock, want sd %g (%s)", tc.id, tc.sd, tc.provides)
			continue
		}
		if math.Abs(got.SD-tc.sd) > 5e-4 || got.Rho != tc.rho {
			t.Errorf("%s: sd %.5g rho %g, want sd %.5g rho %g (%s)", tc.id, got.SD, got.Rho, tc.sd, tc.rho, tc.provides)
		}
	}
	for _, id := range []string{"urbanization_rate", "forest_coverage", "grain_capacity", "gross_domestic_product"} {
		if s, ok := u.Shocks[id]; ok {
			t.Errorf("%s: shock %+v on a series the projection cannot compute", id, s)
		}
	}
	if len(none) != 0 {
		t.Errorf("unmodelled %v, want none: every computable row has a shock", none)
	}
	if _, err := model.Simulate(pr, u, model.SimOptions{Draws: 200, Seed: 1}); err != nil {
		t.Fatal(err)
	}
}

// What the defaults leave out is said, with the reason.
func TestDefaultUncertaintyUnmodelled(t *testing.T) {
	p, err := seeds.Load("jiangjin-14")
	if err != nil {
		t.Fatal(err)
	}
	pr, err := model.Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, none := model.DefaultUncertaintyFor(pr)
	reasons := map[string]string{}
	for _, n := range none {
		reasons[n.ID] = n.Reason.EN
	}
	for id, want := range map[string]string{
		"water_quality_good_share": "bound", // 100 % at its ceiling
		"base_stations_5g":         "main table",
	} {
		if got, ok := reasons[id]; !ok || !contains(got, want) {
			t.Errorf("%s: reason %q, want one that mentions %q", id, got, want)
		}
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
