package scenarios

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyp/model"
	"fyp/seeds"
)

func plan(t testing.TB) *model.Plan {
	t.Helper()
	p, err := seeds.Load("")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestShippedRun: every shipped scenario loads, resolves and projects.
func TestShippedRun(t *testing.T) {
	p := plan(t)
	for _, id := range IDs() {
		t.Run(id, func(t *testing.T) {
			r, err := Load(id, p)
			if err != nil {
				t.Fatalf("Load(%q): %v", id, err)
			}
			if r.Scenario.Name != id {
				t.Errorf("name = %q, want %q", r.Scenario.Name, id)
			}
			if r.Description == "" {
				t.Errorf("%s has no description", id)
			}
			if len(r.Warnings) > 0 {
				t.Errorf("warnings: %v", r.Warnings)
			}
			if _, err := model.Project(p, r.Scenario); err != nil {
				t.Errorf("Project: %v", err)
			}
		})
	}
}

func series(t *testing.T, p *model.Plan, sc *model.Scenario) map[string]*model.Series {
	t.Helper()
	pr, err := model.Project(p, sc)
	if err != nil {
		t.Fatal(err)
	}
	return pr.Series
}

// TestBaselineIdentity: baseline gives population the plan's implied rate,
// so per-capita GDP is derived and reaches the plan's 10万元 in 2025.
func TestBaselineIdentity(t *testing.T) {
	p := plan(t)
	r, err := Load("baseline", p)
	if err != nil {
		t.Fatal(err)
	}
	s := series(t, p, r.Scenario)
	if got := s["gdp_per_capita"].Rule; got != model.RuleDerived {
		t.Fatalf("gdp_per_capita rule = %s, want derived", got)
	}
	// Closed form: 7.9 · 1.06^5 / 1.0111865^5; the plan's target is 10 and the
	// rate 1.11865 is 1.06/(10/7.9)^(1/5) − 1 rounded to 4 decimals.
	want := 7.9 * math.Pow(1.06, 5) / math.Pow(1.0111865, 5)
	got, _ := s["gdp_per_capita"].At(2025)
	if math.Abs(got-want) > 1e-9 || math.Abs(got-10) > 1e-3 {
		t.Errorf("gdp_per_capita 2025 = %.6f, want %.6f (≈10)", got, want)
	}
}

// TestOverrideChangesOnlyDependants: a child of baseline that overrides one
// indicator changes it and what is derived from it, nothing else.
func TestOverrideChangesOnlyDependants(t *testing.T) {
	p := plan(t)
	base, err := Load("baseline", p)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cases := []struct {
		name, yaml string
		changed    []string
	}{
		{"gdp moves gdp, per-capita GDP and employment",
			"name: fast\nextends: baseline\nassumptions:\n  gdp: {rule: compound, rate: 8}\n",
			[]string{"gdp", "gdp_per_capita", "employment"}},
		{"forest coverage moves only itself",
			"name: green\nextends: baseline\nassumptions:\n  forest_coverage: {rule: linear, step: 0.6}\n",
			[]string{"forest_coverage"}},
		{"population moves per-capita GDP",
			"name: pop\nextends: baseline\nassumptions:\n  population: {rule: compound, rate: 0.5}\n",
			[]string{"population", "gdp_per_capita"}},
	}
	bs := series(t, p, base.Scenario)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := filepath.Join(dir, strings.Fields(c.name)[0]+".yaml")
			if err := os.WriteFile(f, []byte(c.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			r, err := Load(f, p)
			if err != nil {
				t.Fatal(err)
			}
			cs := series(t, p, r.Scenario)
			for id, s := range bs {
				differs := false
				for i, v := range s.Values {
					w := cs[id].Values[i]
					if !(math.IsNaN(v) && math.IsNaN(w)) && math.Abs(v-w) > 1e-12*math.Max(1, math.Abs(v)) {
						differs = true
					}
				}
				if want := contains(c.changed, id); differs != want {
					t.Errorf("%s changed = %v, want %v", id, differs, want)
				}
			}
		})
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// TestTrendIsHistoricalPace: the trend file's numbers are the record's
// pace (model.HistoricalPace on each indicator's first target), to the
// two decimals written in the file.
func TestTrendIsHistoricalPace(t *testing.T) {
	p := plan(t)
	r, err := Load("trend", p)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"gdp", "industrial_va", "income", "rd_intensity", "forest_coverage", "work_safety_fatality_rate"} {
		ind := p.Indicator(id)
		want := model.HistoricalPace(p, ind, ind.Targets[0])
		a := r.Scenario.Assumptions[id]
		got := a.Rate.Default
		if a.Rule == model.RuleLinear {
			got = a.Step.Default
		}
		if math.Abs(got-want) > 0.005 {
			t.Errorf("trend %s = %g, HistoricalPace = %g", id, got, want)
		}
	}
}

// TestDoubling2035: the doubling scenario meets 15.8万元 in 2035 by less than
// the rounding of its rate (0.001 pp a year over ten years ≈ 0.02 %).
func TestDoubling2035(t *testing.T) {
	p := plan(t)
	r, err := Load("doubling2035", p)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := series(t, p, r.Scenario)["gdp_per_capita"].At(2035)
	if got < 15.8 || got > 15.8*1.0005 {
		t.Errorf("gdp_per_capita 2035 = %.5f, want just above 15.8", got)
	}
}

// TestInheritUncertainty: a child's shock replaces the parent's for that
// indicator; the others, draws and seed carry over.
func TestInheritUncertainty(t *testing.T) {
	p := plan(t)
	f := filepath.Join(t.TempDir(), "u.yaml")
	os.WriteFile(f, []byte("extends: baseline\nuncertainty:\n  seed: 7\n  shocks:\n    gdp: {sd: 3}\n  correlations:\n    - [income, gdp, 0.5]\n"), 0o644)
	r, err := Load(f, p)
	if err != nil {
		t.Fatal(err)
	}
	u := r.Scenario.Uncertainty
	if u.Seed != 7 || u.Draws != 10000 {
		t.Errorf("seed, draws = %d, %d; want 7, 10000", u.Seed, u.Draws)
	}
	if u.Shocks["gdp"] != (model.ShockSpec{SD: 3}) || u.Shocks["income"].SD != 1.2 {
		t.Errorf("shocks = %v", u.Shocks)
	}
	// baseline.yaml lists three pairs; the child replaces gdp–income.
	if len(u.Correlations) != 3 || u.Correlations[0].Rho != 0.5 {
		t.Errorf("correlations = %v", u.Correlations)
	}
	if r.Scenario.Name != "u" {
		t.Errorf("name from file = %q, want u", r.Scenario.Name)
	}
}

// TestShippedNamedInNoLanguage: a shipped scenario is named in messages by
// its place in the source, scenarios/ID.yaml (a Chinese message said
// "baseline.yaml (shipped)"), and a user's file of that very path is still
// another scenario: extending the shipped one it names is no cycle, and
// each is read from where it is.
func TestShippedNamedInNoLanguage(t *testing.T) {
	p := plan(t)
	dir := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	os.Mkdir("scenarios", 0o755)
	os.WriteFile(filepath.Join("scenarios", "baseline.yaml"), []byte("name: mine\nextends: baseline\nassumptions:\n  gdp: {rule: compound, rate: 3}\n"), 0o644)
	mine, err := Load(filepath.Join("scenarios", "baseline.yaml"), p)
	if err != nil {
		t.Fatalf("Load(scenarios/baseline.yaml): %v", err)
	}
	shipped, err := Load("baseline", p)
	if err != nil {
		t.Fatal(err)
	}
	if mine.Scenario.Name != "mine" || shipped.Scenario.Name != "baseline" || shipped.File != "scenarios/baseline.yaml" {
		t.Errorf("loaded %q and %q (from %s); want mine and the shipped baseline", mine.Scenario.Name, shipped.Scenario.Name, shipped.File)
	}
	if a := mine.Scenario.Assumptions["gdp"]; a.Rate.Default != 3 {
		t.Errorf("mine: gdp %+v, want its own rate 3", a)
	}
}
