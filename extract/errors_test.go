package extract

import (
	"testing"

	"fyp/document"
	"fyp/internal/bilingual"
)

// TestRefusalsInBothLanguages: a document that is not a plan, or whose
// years are wrong, is refused with the same facts in Chinese and English.
func TestRefusalsInBothLanguages(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		opt        Options
		zh, en     string
	}{
		{"no table, no target, no years", "会议纪要\n\n今天天气很好。\n", Options{},
			ErrNotAPlan.ZH + "；也没有规划年份：请给出--base-year和--target-year",
			ErrNotAPlan.EN + "; and no plan years: give --base-year and --target-year"},
		{"target year before base year", "会议纪要\n\n今天天气很好。\n", Options{BaseYear: 2025, TargetYear: 2020},
			"目标年2020不晚于基期年2025", "the target year 2020 is not after the base year 2025"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := document.Read("x.txt", []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			_, err = Extract(doc, tc.opt)
			if err == nil {
				t.Fatal("Extract accepted it")
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
	if !bilingual.SameNumbers(ErrNotAPlan.ZH, ErrNotAPlan.EN) {
		t.Errorf("ErrNotAPlan: %q and %q state different numbers", ErrNotAPlan.ZH, ErrNotAPlan.EN)
	}
}
