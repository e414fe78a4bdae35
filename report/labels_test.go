package report

import (
	"testing"

	"fyp/model"
)

// TestDefaultLabels: the default formatters print a target, a pace and its
// unit as the command's tables do (before: Goal printed a growth target
// ≥6%/年 as "≥6", a reduction −38% as "38", 翻一番 as "2").
func TestDefaultLabels(t *testing.T) {
	zh, en := DefaultLabels("zh"), DefaultLabels("en")
	share := &model.Indicator{Unit: model.Text{ZH: "%", EN: "%"}}
	for _, c := range []struct{ name, got, want string }{
		{"growth goal", zh.Goal(model.Target{Kind: model.Growth, Bound: model.Min, Value: 6}), "≥6%/年"},
		{"reduction goal", zh.Goal(model.Target{Kind: model.Reduction, Value: 38}), "−38%"},
		{"doubling goal", en.Goal(model.Target{Kind: model.Multiple, Bound: model.Min, Value: 2}), "doubling"},
		{"about goal", zh.Goal(model.Target{Kind: model.Change, Bound: model.Approx, Value: 5}), "≈+5"},
		{"compound pace", zh.Pace(4.8331, model.RatePct), "4.83%"},
		{"step pace", zh.Pace(0.94, model.RateUnits), "+0.94"},
		{"share's pace unit", zh.PaceUnit(share, model.RateUnits), "百分点/年"},
		{"share's pace unit en", en.PaceUnit(share, model.RateUnits), "pp/yr"},
		{"no pace, no unit", zh.PaceUnit(share, model.RateNone), ""},
		{"verdict", zh.Verdict(model.Assessment{Met: true}), "达标"},
		{"outcome", en.Outcome(model.Outcome{Compared: true, Met: true}), "achieved"},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
}
