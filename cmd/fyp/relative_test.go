package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Jiangjin's 第一章第四节: 常住居民人均可支配收入增速不低于经济增速, encoded as a growth
// target of income relative to GDP, through every command that shows it.
func TestRelativeTargetEndToEnd(t *testing.T) {
	type row struct {
		ID         string   `json:"id"`
		RelativeTo string   `json:"relative_to"`
		Projected  *float64 `json:"projected"`
		Required   *float64 `json:"required_rate_pct"`
		Met        *bool    `json:"met"`
		PMet       *float64 `json:"p_met"`
		Observed   *float64 `json:"observed"`
		Category   string   `json:"category"`
	}
	rel := func(args ...string) row {
		t.Helper()
		out, errs, code := fyp(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		var rows []row
		if err := json.Unmarshal([]byte(out), &rows); err != nil {
			t.Fatal(err)
		}
		var found []row
		for _, r := range rows {
			if r.RelativeTo != "" {
				found = append(found, r)
			}
		}
		if len(found) != 1 || found[0].ID != "income" || found[0].RelativeTo != "gdp" {
			t.Fatalf("%v: relative rows %+v, want income relative to gdp", args, found)
		}
		return found[0]
	}

	// Plan rates: income 7 %/yr, GDP 6 %/yr (its plan path) → +1 pp, met;
	// the income growth that keeps up with GDP is 6 %.
	a := rel("assess", "--format", "json")
	if a.Met == nil || !*a.Met || math.Abs(*a.Projected-1) > 1e-9 || math.Abs(*a.Required-6) > 1e-9 {
		t.Errorf("assess: %+v, want met, projected 1 pp, required 6 %%", a)
	}
	// Both are shocked in the plan's default uncertainty: a probability,
	// neither 0 nor 1.
	s := rel("simulate", "--draws", "2000", "--format", "json")
	if s.PMet == nil || !(*s.PMet > 0 && *s.PMet < 1) {
		t.Errorf("simulate: P(met) = %v, want strictly between 0 and 1", s.PMet)
	}
	// The synthetic example's real growth 2021–2023: income 9.1, 5.5, 5.9;
	// GDP 8.5, 3.1, 5.6 → 6.821267 − 5.710333 = +1.110934 pp (Python).
	r := rel("review", "--observed", filepath.Join("testdata", "observed-example.csv"), "--as-of", "2023", "--format", "json")
	if r.Observed == nil || math.Abs(*r.Observed-1.110934) > 1e-6 || r.Category != "on_schedule" {
		t.Errorf("review: %+v, want observed +1.110934 pp, on_schedule", r)
	}

	out, errs, code := fyp(t, "targets", "--lang", "en")
	if code != 0 || !strings.Contains(out, "growth not below Gross regional product (GDP) growth") {
		t.Errorf("targets --lang en (exit %d, %s) does not show the relative target readably", code, errs)
	}
}

func TestRelativeToRefused(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "rel.yaml")
	src := `id: x
title: t
base_year: 2020
target_year: 2025
indicators:
  - id: gdp
    name: 地区生产总值
    unit: 亿元
    section: 第一章第四节
  - id: income
    name: 收入
    unit: 元
    section: 第一章第四节
    targets:
      - {year: 2025, kind: growth, relative_to: gpd, value: 0, bound: min}
`
	if err := os.WriteFile(bad, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := fyp(t, "validate", bad, "--lang", "en")
	// Line 15; the value of relative_to starts in column 9 + 40 = 49.
	want := `rel.yaml:15:49: indicators.income.targets[0].relative_to: unknown indicator "gpd"; did you mean "gdp"?`
	if code != 2 || !strings.Contains(errs, want) || out != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want 2, nothing, %q", code, out, errs, want)
	}
}
