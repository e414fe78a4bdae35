package model

import (
	"math"
	"testing"

	"fyp/internal/bilingual"
)

// TestErrorsInBothLanguages: the errors commands pass on to users (an
// unknown or absent target, a knob that cannot be varied, a bad range or
// plan) carry a Chinese wording with the same facts as the English one.
func TestErrorsInBothLanguages(t *testing.T) {
	p := testPlan()
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	dup := testPlan()
	dup.Indicators = append(dup.Indicators, &Indicator{ID: "gdp"})
	early := testPlan()
	early.Indicators[0].Targets[0].Year = 2019
	ratio := testPlan()
	ratio.Indicators[2].Targets[0].RelativeTo = "pc"
	ratio.Indicators[2].Targets[0].Kind = Level
	tests := []struct {
		name   string
		err    func() error
		zh, en string
	}{
		{"unknown target indicator", func() error { _, _, err := TargetRef{ID: "nosuch", Year: 2025}.Find(p); return err },
			`未知的指标"nosuch"`, `model: unknown indicator "nosuch"`},
		{"no target that year", func() error { _, _, err := TargetRef{ID: "pc", Year: 2030}.Find(p); return err },
			"pc在2030年没有数值目标（目标年份：2025、2035）", "model: pc has no numeric target in 2030 (target years: 2025, 2035)"},
		{"unknown knob", func() error {
			_, err := Solve(p, nil, TargetRef{ID: "pc", Year: 2025}, Knob{ID: "nosuch"}, 0, 1)
			return err
		}, `要改变的指标"nosuch"不存在`, `model: unknown indicator "nosuch" to vary`},
		{"derived knob", func() error {
			_, err := Solve(p, nil, TargetRef{ID: "pc", Year: 2025}, Knob{ID: "pop"}, 0, 1)
			return err
		}, "pop在此情景下由其他指标计算，无法直接改变；请改变gdp、pc之一", "model: pop is derived in this scenario; vary one of gdp, pc instead"},
		{"empty range", func() error {
			_, err := Solve(p, nil, TargetRef{ID: "pc", Year: 2025}, Knob{ID: "gdp"}, 2, 1)
			return err
		}, "求解区间[2, 1]：应为有限数，且下限小于上限", "model: solve range [2, 1]: expected finite numbers, low below high"},
		{"bad sensitivity change", func() error {
			_, err := Sensitivities(p, nil, TargetRef{ID: "pc", Year: 2025}, Delta{RatePP: math.NaN(), Units: 1})
			return err
		}, "敏感性变动每年NaN个百分点、1个单位：应为有限数，不为负，且不能都为零", "model: sensitivity change NaN pp, 1 units a year: expected finite, not negative, not both zero"},
		{"horizon before base", func() error { _, err := Project(p, &Scenario{Name: "s", Horizon: 2010}); return err },
			"测算终止年2010早于基期年2020", "model: horizon 2010 is before the base year 2020"},
		{"duplicate indicator", dup.Validate, `规划"test"：指标ID "gdp"重复`, `model: plan "test": duplicate indicator id "gdp"`},
		{"target before base", early.Validate, "pc：目标年2019不晚于基期年2020", "model: pc: target year 2019 is not after base year 2020"},
		{"relative level", ratio.Validate, "gdp：level类目标不能相对于另一指标（只有growth可以）", "model: gdp: a level target cannot be relative to another indicator (only growth)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.err()
			if err == nil {
				t.Fatal("no error")
			}
			if got := bilingual.In(err, "zh"); got != tc.zh {
				t.Errorf("Chinese %q, want %q", got, tc.zh)
			}
			if got := err.Error(); got != tc.en {
				t.Errorf("English %q, want %q", got, tc.en)
			}
			if !bilingual.SameNumbers(tc.zh, tc.en) {
				t.Errorf("%q and %q state different numbers", tc.zh, tc.en)
			}
		})
	}
}

// TestShockErrorsInBothLanguages: several bad shocks are listed one a
// line in either language.
func TestShockErrorsInBothLanguages(t *testing.T) {
	p := testPlan()
	pr, err := Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = validateShocks(pr, Uncertainty{Shocks: map[string]ShockSpec{"nosuch": {SD: 1}, "gdp": {SD: -1}}})
	zh := `不确定性：gdp：sd -1应为≥0的数` + "\n" + `不确定性：冲击作用于未知的指标"nosuch"`
	en := `model: uncertainty: gdp: sd -1 must be a number ≥ 0` + "\n" + `model: uncertainty: shock on unknown indicator "nosuch"`
	if err == nil || bilingual.In(err, "zh") != zh || err.Error() != en {
		t.Errorf("got %q / %q, want %q / %q", bilingual.In(err, "zh"), err, zh, en)
	}
}
