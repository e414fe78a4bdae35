package model

import "testing"

// Reasons and warnings that commands print in either language carry both
// wordings (they were English only and leaked into Chinese output).
func TestReasonsInBothLanguages(t *testing.T) {
	p := &Plan{ID: "x", BaseYear: 2020, TargetYear: 2025, Indicators: []*Indicator{
		{ID: "level", Direction: Up, Path: Linear, Targets: []Target{{Year: 2025, From: 2020, Kind: Level, Value: 10}}},
		{ID: "city", Direction: Up, Path: Linear, Targets: []Target{{Year: 2025, From: 2020, Kind: Delegated}}},
		{ID: "share", Direction: Up, Path: Linear, Bounded: true, Lo: 0, Hi: 100, Baseline: Baseline{Year: 2020, Value: 96, Known: true},
			Targets: []Target{{Year: 2025, From: 2020, Kind: Level, Value: 99}}},
	}}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	pr, err := Project(p, &Scenario{Name: "s", Assumptions: map[string]Assumption{"share": {Rule: RuleLinear, Step: Flat(2)}}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Text{
		"level": {ZH: "规划未给出基期值", EN: "the plan gives no base-year value"},
		"city":  {ZH: "目标由上级下达，规划未给出数值，无法检验", EN: "set by a higher level; the plan gives no number to assess"},
	}
	seen := 0
	for _, a := range Assess(pr) {
		if w, ok := want[a.Indicator.ID]; ok {
			seen++
			if a.Reason != w {
				t.Errorf("%s: reason %+v, want %+v", a.Indicator.ID, a.Reason, w)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("%d of %d reasons checked", seen, len(want))
	}
	var w *Warning
	for i := range pr.Warnings {
		if pr.Warnings[i].Indicator == "share" {
			w = &pr.Warnings[i]
		}
	}
	if w == nil {
		t.Fatalf("no bounds warning: %+v", pr.Warnings)
	}
	if got, want := w.In("zh"), "share 2023年：按规则将达到 102，超出取值范围 [0, 100]；自该年起保持为 100"; got != want {
		t.Errorf("zh warning %q, want %q", got, want)
	}
	if got, want := w.In("en"), "share 2023: the rule would take the value to 102, outside its bounds [0, 100]; held at 100 from this year"; got != want {
		t.Errorf("en warning %q, want %q", got, want)
	}
}

// A plan file without English names (one fyp extract wrote) prints its
// Chinese words in English output as the plan's own, quoted.
func TestTextFallsBackQuoted(t *testing.T) {
	for _, tt := range []struct {
		t        Text
		lang, is string
	}{
		{Text{ZH: "月球基地数量"}, "en", "“月球基地数量”"},
		{Text{ZH: "月球基地数量"}, "zh", "月球基地数量"},
		{Text{ZH: "森林覆盖率", EN: "Forest coverage"}, "en", "Forest coverage"},
		{Text{ZH: "%"}, "en", "%"},
		{Text{EN: "only English"}, "zh", "only English"},
	} {
		if got := tt.t.In(tt.lang); got != tt.is {
			t.Errorf("%+v.In(%s) = %q, want %q", tt.t, tt.lang, got, tt.is)
		}
	}
}
