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
