package model

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// TestProjectOverflow: a rule that takes a series beyond float64 is an
// error naming the scenario, the indicator, the rule and the year, never a
// projection with Inf or NaN in it (issue 12 §3: rate 1e300 was assessed
// "met" with projected = null).
func TestProjectOverflow(t *testing.T) {
	tests := []struct {
		name string
		id   string
		a    Assumption
		rule RuleKind
		year int // first year beyond float64, worked out by hand below
	}{
		// GDP has no base level: index 100; ×(1+1e298) gives 1e300 in 2021
		// and +Inf in 2022.
		{"compound rate 1e300", "gdp", Assumption{Rule: RuleCompound, Rate: Flat(1e300)}, RuleCompound, 2022},
		// 7.9 + 1e308 in 2021; + 1e308 again exceeds MaxFloat64 (1.8e308) in 2022.
		{"linear step 1e308", "pc", Assumption{Rule: RuleLinear, Step: Flat(1e308)}, RuleLinear, 2022},
		// x + r·x·(1 − x/K) with r = 1e300 % and K = 10 from 7.9: 2021 is
		// 7.9 + 1e298·7.9·0.21 ≈ 1.7e298, 2022 ≈ −1.7e298·1e298·1.7e297 = −Inf.
		{"logistic rate 1e300", "pc", Assumption{Rule: RuleLogistic, Rate: Flat(1e300), Ceiling: 10}, RuleLogistic, 2022},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := &Scenario{Name: "huge", Assumptions: map[string]Assumption{tt.id: tt.a}}
			pr, err := Project(testPlan(), sc)
			var oe *OverflowError
			if !errors.As(err, &oe) {
				t.Fatalf("Project = %v, %v; want an *OverflowError", pr, err)
			}
			if oe.Indicator != tt.id || oe.Rule != tt.rule || oe.Year != tt.year || oe.Scenario != "huge" {
				t.Errorf("error = %+v; want %s, %s, %d", oe, tt.id, tt.rule, tt.year)
			}
			for _, frag := range []string{`scenario "huge"`, tt.id, string(tt.rule), "beyond any finite number"} {
				if !strings.Contains(err.Error(), frag) {
					t.Errorf("message %q lacks %q", err, frag)
				}
			}
		})
	}
	// Shocks do it too: ×1e306 in 2023 and again in 2024 is beyond 1.8e308.
	sc := &Scenario{Name: "shock", Shocks: []Shock{{Indicator: "pc", Year: 2023, LevelPct: 1e308}, {Indicator: "pc", Year: 2024, LevelPct: 1e308}}}
	var oe *OverflowError
	if _, err := Project(testPlan(), sc); !errors.As(err, &oe) || oe.Year != 2024 {
		t.Errorf("two level shocks of 1e308 %%: error %v, want an overflow in 2024", err)
	}
}

// TestAssessNeverMetOnNonFinite: whatever a projection holds, a met
// verdict comes with a finite projected metric (the invariant of assess).
func TestAssessNeverMetOnNonFinite(t *testing.T) {
	for _, bad := range []float64{math.Inf(1), math.Inf(-1), math.NaN()} {
		pr, err := Project(testPlan(), nil)
		if err != nil {
			t.Fatal(err)
		}
		// Put the bad value where each target's metric reads it: 2025, and
		// 2035 for the doubling target.
		for _, s := range pr.Series {
			if len(s.Values) > 5 {
				s.Values[5] = bad
			}
			if len(s.Values) > 15 {
				s.Values[15] = bad
			}
		}
		for _, a := range Assess(pr) {
			if a.Met && (math.IsNaN(a.Projected) || math.IsInf(a.Projected, 0)) {
				t.Errorf("%s@%d with %g in the path: met with projected %g", a.Indicator.ID, a.Target.Year, bad, a.Projected)
			}
			if a.Status == Assessed && (math.IsNaN(a.Projected) || math.IsInf(a.Projected, 0)) {
				t.Errorf("%s@%d with %g in the path: assessed with projected %g", a.Indicator.ID, a.Target.Year, bad, a.Projected)
			}
		}
	}
}

// TestNeedsPositive: compounding levels, and ratios of levels, must stay
// above zero; linear series and sums need not.
func TestNeedsPositive(t *testing.T) {
	tests := []struct {
		name string
		ind  Indicator
		want bool
	}{
		{"compound path", Indicator{Path: Compound}, true},
		{"linear path", Indicator{Path: Linear}, false},
		{"linear path, logistic rule", Indicator{Path: Linear, Rule: &Assumption{Rule: RuleLogistic}}, true},
		{"linear path, linear rule", Indicator{Path: Linear, Rule: &Assumption{Rule: RuleLinear}}, false},
		{"linear path, ratio", Indicator{Path: Linear, Derived: &Derivation{Op: OpRatio}}, true},
		{"linear path, difference", Indicator{Path: Linear, Derived: &Derivation{Op: OpDifference}}, false},
	}
	for _, tt := range tests {
		if got := NeedsPositive(&tt.ind); got != tt.want {
			t.Errorf("%s: NeedsPositive = %v, want %v", tt.name, got, tt.want)
		}
	}
}
