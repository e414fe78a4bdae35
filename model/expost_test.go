package model

import (
	"math"
	"testing"
)

func TestExPost(t *testing.T) {
	// Synthetic record shaped like the 13th plan's table (base 2015, target 2020).
	p := &Plan{ID: "synthetic-13", BaseYear: 2015, TargetYear: 2020, Indicators: []*Indicator{
		{ID: "forest", Direction: Up, Path: Linear, Baseline: Baseline{Year: 2015, Value: 46.5, Known: true},
			Targets:  []Target{{Year: 2020, From: 2015, Kind: Level, Value: 54}},
			Observed: []Observation{{Year: 2020, Metric: Level, Value: 51.8, Known: true, Comparable: true}}},
		{ID: "gdp", Direction: Up, Path: Compound,
			Targets:  []Target{{Year: 2020, From: 2015, Kind: Growth, Value: 9, Bound: Approx}},
			Observed: []Observation{{Year: 2020, From: 2015, Metric: Growth, Value: 8.9, Known: true, Comparable: true}}},
		{ID: "sei", Direction: Up, Path: Linear,
			Targets:  []Target{{Year: 2020, From: 2015, Kind: Level, Value: 25}},
			Observed: []Observation{{Year: 2020, Metric: Level, Value: 21, Known: true, Comparable: false, Note: "口径调整"}}},
	}}
	got := map[string]Outcome{}
	for _, o := range ExPost(p) {
		got[o.Indicator.ID] = o
	}
	// forest: 46.5 → 51.8 against 54: not achieved; delivered (51.8−46.5)/5 = 1.06 pp/yr,
	// required (54−46.5)/5 = 1.5 pp/yr (DOMAIN.md §8 quotes this case).
	if f := got["forest"]; !f.Compared || f.Met || math.Abs(f.Delivered-1.06) > 1e-12 || math.Abs(f.Required-1.5) > 1e-12 {
		t.Errorf("forest = %+v; want not met, 1.06 vs 1.5", f)
	}
	// gdp ≈9 %: 8.9 is within the 2 % approx tolerance (9 × 0.02 = 0.18), so achieved.
	if g := got["gdp"]; !g.Compared || !g.Met || g.Delivered != 8.9 || g.Required != 9 {
		t.Errorf("gdp = %+v; want achieved, 8.9 vs 9", g)
	}
	if s := got["sei"]; s.Compared || s.Reason.EN == "" {
		t.Errorf("sei = %+v; want not compared with a reason", s)
	}
}

// The record's cells in Chinese are quoted in English reasons and tables,
// never printed bare or twice (“definition changed (口径调整), not
// compared: 口径调整: …” before): each English wording below is exact.
func TestExPostEnglishQuotesTheRecord(t *testing.T) {
	p := &Plan{ID: "synthetic-13", BaseYear: 2015, TargetYear: 2020, Indicators: []*Indicator{
		{ID: "sei", Direction: Up, Path: Linear,
			Targets:  []Target{{Year: 2020, From: 2015, Kind: Level, Value: 25}},
			Observed: []Observation{{Year: 2020, Metric: Level, Value: 21, Text: "21(口径调整)", Known: true, Note: "the definition was changed, so 21 is not comparable with the target 25"}}},
		{ID: "urban", Direction: Up, Path: Linear,
			Targets:  []Target{{Year: 2020, From: 2015, Kind: Level, Value: 70}},
			Observed: []Observation{{Year: 2020, Metric: Level, Text: "七人普数据尚未反馈", Note: "the 7th census data had not come back (table note 3)"}}},
		{ID: "jobs", Direction: Down, Path: Linear,
			Targets:  []Target{{Year: 2020, From: 2015, Kind: Level, Value: 4}},
			Observed: []Observation{{Year: 2020, Metric: Level, Text: "每年<4"}}},
		{ID: "revenue", Direction: Up, Path: Compound,
			Targets:  []Target{{Year: 2020, From: 2015, Kind: Growth, Value: 10, Bound: Approx}},
			Observed: []Observation{{Year: 2020, From: 2015, Metric: Growth, Value: 4.8, Text: "4.8(减税降费影响)", Known: true, Comparable: true}}},
		{ID: "forest", Direction: Up, Path: Linear,
			Targets:  []Target{{Year: 2020, From: 2015, Kind: Level, Value: 54}},
			Observed: []Observation{{Year: 2020, Metric: Level, Value: 51.8, Text: "51.8", Known: true, Comparable: true}}},
	}}
	got := map[string]Outcome{}
	for _, o := range ExPost(p) {
		got[o.Indicator.ID] = o
	}
	for _, tt := range []struct{ id, reason, printedEN, printedZH string }{
		{"sei", "another definition than the target's, not compared (the record prints “21(口径调整)”): the definition was changed, so 21 is not comparable with the target 25", "“21(口径调整)”", "21(口径调整)"},
		{"urban", "no number in the record, which prints “七人普数据尚未反馈”: the 7th census data had not come back (table note 3)", "“七人普数据尚未反馈”", "七人普数据尚未反馈"},
		{"jobs", "no number in the record, which prints “每年<4”", "“每年<4”", "每年<4"},
		{"revenue", "not achieved", "“4.8(减税降费影响)”", "4.8(减税降费影响)"},
		{"forest", "not achieved", "51.8", "51.8"},
	} {
		o := got[tt.id]
		if o.Reason.EN != tt.reason {
			t.Errorf("%s: reason %q, want %q", tt.id, o.Reason.EN, tt.reason)
		}
		if en, zh := o.Printed("en"), o.Printed("zh"); en != tt.printedEN || zh != tt.printedZH {
			t.Errorf("%s: printed %q / %q, want %q / %q", tt.id, en, zh, tt.printedEN, tt.printedZH)
		}
	}
	if zh := got["sei"].Reason.ZH; zh != "统计口径与目标不同，不可比（记为“21(口径调整)”）" {
		t.Errorf("sei: Chinese reason %q", zh)
	}
}
