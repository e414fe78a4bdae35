package main

import (
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"
)

// TestSolveDoneWhen: the GDP growth that meets 10万元 per capita in 2025
// under baseline's population path, closed form (10/7.9)^(1/5)·(1+pop)−1
// with pop = 1.11865 % (baseline.yaml), confirmed by re-projection to 1e-6.
func TestSolveDoneWhen(t *testing.T) {
	out, errs, code := fyp(t, "solve", "--target", "gdp_per_capita@2025", "--vary", "gdp.rate", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rows []struct {
		Scenario string
		Found    bool
		Value    float64
		Residual float64
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 1 {
		t.Fatalf("%v: %s", err, out)
	}
	want := (math.Pow(10/7.9, 0.2)*1.0111865 - 1) * 100
	r := rows[0]
	if !r.Found || r.Scenario != "baseline" || math.Abs(r.Value-want) > 1e-8 || math.Abs(r.Residual) > 1e-6 {
		t.Errorf("solve = %+v, want value %.10f, residual within 1e-6", r, want)
	}
}

func TestScenarioCommands(t *testing.T) {
	t.Parallel()
	shipped := []string{"-s", "baseline", "-s", "trend", "-s", "high", "-s", "low", "-s", "shock", "-s", "doubling2035"}
	files, _ := filepath.Glob("../../scenarios/*.yaml")
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"validate shipped", append([]string{"validate"}, files...), 0, "通过（情景 baseline）"},
		{"project each shipped", append([]string{"project", "--format", "csv", "--only", "gdp_per_capita"}, shipped...), 0, "gdp_per_capita,doubling2035,2035,"},
		{"project json carries scenario", []string{"project", "-s", "shock", "--only", "gdp", "--format", "json"}, 0, `"scenario": "shock"`},
		{"assess each", append([]string{"assess", "--format", "csv"}, shipped...), 0, "gdp_per_capita,low,2025"},
		{"compare", []string{"compare", "-s", "baseline", "-s", "high", "--format", "json"}, 0, `"differing_indicators"`},
		{"sensitivity", []string{"sensitivity", "--target", "gdp_per_capita@2035", "--format", "csv"}, 0, "baseline,gdp_per_capita@2035,1,"},
		{"solve unreachable", []string{"solve", "--target", "forest_coverage@2025", "--vary", "forest_coverage.step", "--lo", "1", "--hi", "5", "--lang", "en"}, 0, "cannot be met"},
		{"bad scenario file", []string{"project", "-s", "../../scenarios/testdata/unknown_id.yaml"}, 2, `unknown_id.yaml:3`},
		{"unknown scenario", []string{"assess", "-s", "nosuch", "--lang", "en"}, 2, "not a shipped scenario"},
		{"unknown scenario zh", []string{"assess", "-s", "nosuch"}, 2, `"nosuch"既不是内置情景`},
		{"bad target", []string{"solve", "--target", "gdp", "--vary", "gdp.rate", "--lang", "en"}, 2, "ID@YEAR"},
		{"bad knob", []string{"solve", "--target", "gdp_per_capita@2025", "--vary", "gpd.rate", "--lang", "en"}, 2, `did you mean "gdp"`},
		{"bad knob zh", []string{"solve", "--target", "gdp_per_capita@2025", "--vary", "gpd.rate"}, 2, `是否想写 "gdp"？`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := fyp(t, c.args...)
			if code != c.code || !strings.Contains(out+errs, c.want) {
				t.Errorf("fyp %v: exit %d (want %d), output lacks %q:\n%s\n%s", c.args, code, c.code, c.want, out, errs)
			}
		})
	}
}
