package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"fyp/model"
	"fyp/seeds"
)

// nationalPlan is a plan of another shape than the embedded one: the
// national 14th plan's main table (20 rows, other ids, rows without a
// number, change and reduction targets, 2019 figures in the base column).
const nationalPlan = "../../testdata/plans/national-14.yaml"

// TestEveryCommandOnAnotherPlan runs every command on the national plan:
// each must exit 0, say something about that plan's own indicators and
// print no line on stderr twice. (charts, report and run failed with
// "headline: the plan has none of [gdp income …]"; compare, solve and
// sensitivity with the shipped scenarios' unknown indicators.)
func TestEveryCommandOnAnotherPlan(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	plan := []string{"--plan", nationalPlan}
	tests := []struct {
		name  string
		args  []string
		want  []string         // in stdout
		check func(*testing.T) // what it wrote, if anything
	}{
		{"targets", []string{"targets"}, []string{"high_value_invention_patents_per_10k", "共 19 项目标", "另有定性目标 2 项"}, nil},
		{"project", []string{"project", "--lang", "en"}, []string{"rd_expenditure", "index (2020=100)", "life_expectancy"}, nil},
		{"assess", []string{"assess"}, []string{"每万人口高价值发明专利拥有量", "13.75%", "数据不足", "合计：达标13项，未达标0项，数据不足6项"}, nil},
		{"check", []string{"check", "--lang", "en"}, []string{"Consistency"}, nil},
		{"validate", []string{"validate", nationalPlan}, []string{"national-14.yaml：通过"}, nil},
		{"compare", []string{"compare"}, []string{"情景比较", "plan：达标13项"}, nil},
		{"solve", []string{"solve", "--target", "doctors_per_1000@2025", "--vary", "doctors_per_1000.rate", "--lang", "en"},
			[]string{"[plan] doctors_per_1000.rate = 1.98831"}, nil},
		{"sensitivity", []string{"sensitivity", "--target", "high_value_invention_patents_per_10k@2025", "--lang", "en"},
			[]string{"high_value_invention_patents_per_10k@2025", "High-value invention patents"}, nil},
		{"review", []string{"review", "--observed", filepath.Join("testdata", "observed-national.csv"), "--as-of", "2022", "--lang", "en"},
			[]string{"achieved early", "Share of surface water of grade III or better", "lagging"}, nil},
		{"report", []string{"report", "--out", filepath.Join(dir, "report")}, []string{"报告已写入"}, func(t *testing.T) {
			md, err := os.ReadFile(filepath.Join(dir, "report", "report.md"))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range []string{"每万人口高价值发明专利拥有量", "内置情景 baseline、trend、high、low、shock、doubling2035 未采用"} {
				if !strings.Contains(string(md), w) {
					t.Errorf("report.md lacks %q", w)
				}
			}
		}},
		{"simulate", []string{"simulate", "--draws", "2000", "--lang", "en"}, []string{"High-value invention patents", "2000 draws"}, nil},
		{"simulate-all", []string{"simulate", "-s", "all", "--draws", "500"}, []string{"目标实现概率"}, nil},
		{"charts", []string{"charts", "--out", filepath.Join(dir, "charts")}, []string{"headline.png", "reach.png", "fan-", "tornado-1.png", "path-rd_expenditure.png"}, nil},
		{"run", []string{"run", "--out", filepath.Join(dir, "run"), "--lang", "en"}, []string{"Results written to"},
			func(t *testing.T) { checkRunBundle(t, filepath.Join(dir, "run")) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := append(append([]string(nil), tc.args...), plan...)
			out, errs, code := fyp(t, args...)
			if code != 0 {
				t.Fatalf("fyp %s: exit %d: %s", strings.Join(args, " "), code, errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("fyp %s: output lacks %q:\n%s", strings.Join(args, " "), w, out)
				}
			}
			lines := map[string]bool{}
			for _, l := range strings.Split(strings.TrimSpace(errs), "\n") {
				if l != "" && lines[l] {
					t.Errorf("fyp %s: stderr repeats %q", strings.Join(args, " "), l)
				}
				lines[l] = true
			}
			if tc.check != nil {
				tc.check(t)
			}
		})
	}
}

// Shipped scenarios written for Jiangjin are not applied to another plan,
// and fyp says so once, naming them and why.
func TestShippedScenariosSkippedWithANote(t *testing.T) {
	t.Parallel()
	_, errs, code := fyp(t, "compare", "--plan", nationalPlan, "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, w := range []string{"note: shipped scenarios baseline, trend, high, low, shock, doubling2035 not applied", "written for plan jiangjin-14", "population"} {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q: %s", w, errs)
		}
	}
	if n := strings.Count(errs, "not applied"); n != 1 {
		t.Errorf("the note is printed %d times, want once: %s", n, errs)
	}
	// The embedded plan: every shipped scenario, no note.
	out, errs, code := fyp(t, "compare", "--lang", "en")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if !strings.Contains(out, "doubling2035") {
		t.Errorf("compare on the embedded plan lacks a shipped scenario:\n%s", out)
	}
}

// checkRunBundle: `fyp run --plan` on the national plan writes the whole
// bundle into dir, charts included: a path chart for every main-table row
// the projection can draw, the headline panel of its first rows, fan charts
// (the default volatilities by kind reach them) and a tornado chart.
func checkRunBundle(t *testing.T, dir string) {
	want := []string{"targets.csv", "targets.json", "targets.md", "projection.csv", "projection.md",
		"assessment.csv", "assessment.json", "assessment.md", "check.md", "compare.md", "compare.csv",
		"simulation.csv", "simulation.json", "bands.csv", "index.html", "report.md", "fyp-tables.xlsx",
		"charts/headline.png", "charts/reach.png", "charts/tornado-1.png",
		"charts/fan-rd_expenditure.png", "charts/fan-high_value_invention_patents_per_10k.png",
		"charts/fan-digital_core_industries_share.png", "charts/fan-unemployment_surveyed.png"}
	p, err := seeds.Load(nationalPlan)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := model.Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	paths := 0
	for _, ind := range p.Indicators {
		if s := pr.Series[ind.ID]; ind.InTable() && s != nil && s.Known() {
			want = append(want, "charts/path-"+ind.ID+".png")
			paths++
		}
	}
	if paths != 13 {
		t.Errorf("%d drawable main-table rows, want 13 (20 rows less 3 without a number and 4 without a 2020 figure)", paths)
	}
	for _, name := range want {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil || fi.Size() == 0 {
			t.Errorf("%s: missing or empty (%v)", name, err)
		}
	}
	html, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), "High-value invention patents per 10,000 people") {
		t.Error("index.html does not show the plan's own indicators")
	}
	var sims []struct {
		ID         string   `json:"id"`
		PMet       *float64 `json:"p_met"`
		Stochastic bool     `json:"stochastic"`
		Status     string   `json:"status"`
	}
	data, err := os.ReadFile(filepath.Join(dir, "simulation.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &sims); err != nil {
		t.Fatal(err)
	}
	var unvaried []string
	for _, s := range sims {
		if s.Status == "assessed" && !s.Stochastic {
			unvaried = append(unvaried, s.ID)
		}
	}
	sort.Strings(unvaried)
	if len(unvaried) > 0 {
		t.Errorf("targets no draw varies: %v (every computable row has a default volatility)", unvaried)
	}
}

// TestSimulateVariesAnotherPlan: the default volatilities by kind reach
// every computable target of another plan (before, only the two whose ids
// happened to be Jiangjin's varied, and the rest printed 100 % ± 0).
func TestSimulateVariesAnotherPlan(t *testing.T) {
	t.Parallel()
	out, errs, code := fyp(t, "simulate", "--plan", nationalPlan, "--draws", "2000", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rows []struct {
		ID         string   `json:"id"`
		PMet       *float64 `json:"p_met"`
		P5, P95    *float64
		Stochastic bool   `json:"stochastic"`
		Status     string `json:"status"`
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range rows {
		if r.Status != "assessed" {
			continue
		}
		n++
		if !r.Stochastic || r.PMet == nil {
			t.Errorf("%s: stochastic %v, p_met %v: no draw varies it", r.ID, r.Stochastic, r.PMet)
		}
	}
	if n != 13 {
		t.Errorf("%d assessed targets, want 13", n)
	}
}

// TestSimulateNeverPrints100ForUnmodelled: a target no draw varies says
// "not modelled" and why, never "100%" (Jiangjin's water quality, held at
// its 100 % ceiling, printed 100% ± fixed).
func TestSimulateNeverPrints100ForUnmodelled(t *testing.T) {
	t.Parallel()
	out, errs, code := fyp(t, "simulate", "--draws", "500", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	row := ""
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "water sections with good quality") {
			row = l
		}
	}
	if !strings.Contains(row, "not modelled") || strings.Contains(row, "100%") {
		t.Errorf("water quality row %q: want \"not modelled\", not 100%%", row)
	}
	if !strings.Contains(out, "water_quality_good_share: its base value sits at its bound") {
		t.Errorf("no reason given for the unmodelled target:\n%s", out)
	}
	if strings.Contains(out, "base_stations_5g") {
		t.Errorf("a note about a chapter target outside --scope main:\n%s", out)
	}
}

// TestPlanWithoutMainTable: a plan none of whose indicators has a 序号
// (no:) listed nothing under the default --scope main; now every target,
// with a note saying why.
func TestPlanWithoutMainTable(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(nationalPlan)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, l := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), `"no":`) {
			kept = append(kept, l)
		}
	}
	path := filepath.Join(t.TempDir(), "no-table.yaml")
	if err := os.WriteFile(path, []byte(strings.Join(kept, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := fyp(t, "assess", "--plan", path, "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, w := range []string{"High-value invention patents per 10,000 people", "Totals: met 13", "as with --scope all"} {
		if !strings.Contains(out, w) {
			t.Errorf("assess lacks %q:\n%s", w, out)
		}
	}
	out, errs, code = fyp(t, "charts", "--plan", path, "--out", filepath.Join(t.TempDir(), "c"), "--only", "headline,path-rd_expenditure")
	if code != 0 {
		t.Fatalf("charts: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "headline.png") || !strings.Contains(out, "path-rd_expenditure.png") {
		t.Errorf("charts on a plan without a main table: %s", out)
	}
}

// TestScenarioWarningPrintedOnce: report, charts and run load the
// scenarios several times (reachability, simulation, charts); a scenario's
// warning was printed once per load.
func TestScenarioWarningPrintedOnce(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	sc := filepath.Join(dir, "frac.yaml")
	if err := os.WriteFile(sc, []byte("name: frac\nextends: baseline\nassumptions:\n  gdp: {rule: compound, rate: 0.065}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The fan chart needs the simulation, which loads the scenario again.
	_, errs, code := fyp(t, "charts", "-s", sc, "--only", "headline,fan", "--out", filepath.Join(dir, "c"), "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if n := strings.Count(errs, "looks like a fraction"); n != 1 {
		t.Errorf("the scenario's warning is printed %d times, want once:\n%s", n, errs)
	}
}

// TestEveryCommandOnSmallPlans runs every command on two more plans that
// validate: town-15 (a 15th plan of three indicators, no vision year, no
// main table) and a plan that states no target at all. Each must exit 0.
// (run, report and charts on the plan without targets failed with exit 1
// and "charts: reachability: no assessment".)
func TestEveryCommandOnSmallPlans(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	none := filepath.Join(dir, "none.yaml")
	if err := os.WriteFile(none, []byte("id: none\ntitle: {zh: 没有目标的规划}\nbase_year: 2020\ntarget_year: 2025\nindicators:\n  - id: a\n    name: 甲\n    unit: 万元\n    section: 第一章\n    baseline: {year: 2020, value: 10}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		plan, target, vary, observed string
	}{
		{"../../testdata/plans/town-15.yaml", "energy_per_gdp@2030", "energy_per_gdp.rate", "new_jobs,2026,1.3\nforest_coverage,2026,55.3\n"},
		{none, "", "", "a,2021,11\n"},
	} {
		out := filepath.Join(dir, filepath.Base(tc.plan))
		obs := out + ".csv"
		os.WriteFile(obs, []byte("indicator,year,value\n"+tc.observed), 0o644)
		runs := [][]string{
			{"validate", tc.plan}, {"targets"}, {"project"}, {"assess"}, {"check"}, {"compare"},
			{"run", "--out", out + "-run"}, {"report", "--out", out + "-report", "--pdf=false"},
			{"charts", "--out", out + "-charts"}, {"simulate", "--draws", "200"}, {"simulate", "--bands", "--draws", "200"},
			{"review", "--observed", obs}, {"report", "--out", out + "-review", "--pdf=false", "--observed", obs},
		}
		if tc.target != "" {
			runs = append(runs, []string{"solve", "--target", tc.target, "--vary", tc.vary}, []string{"sensitivity", "--target", tc.target})
		}
		for _, args := range runs {
			if _, errs, code := fyp(t, append([]string{"--plan", tc.plan}, args...)...); code != 0 {
				t.Errorf("fyp --plan %s %s: exit %d: %s", filepath.Base(tc.plan), strings.Join(args, " "), code, errs)
			}
		}
	}
}
