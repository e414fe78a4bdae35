package quantity

import (
	"math"
	"testing"

	"fyp/model"
)

// The expected strings below are written by hand from the rules in the
// package comment of each function, not printed by the code under test.

func TestNum(t *testing.T) {
	tests := []struct {
		name  string
		style Style
		v     float64
		dec   int
		want  string
	}{
		{"table plain", Table, 4.827, 2, "4.83"},
		{"table no grouping", Table, 29213.456, 1, "29213.5"},
		{"table hyphen-minus", Table, -1234567, 0, "-1234567"},
		{"table negative zero", Table, -0.0001, 2, "0"},
		{"table NaN", Table, math.NaN(), 2, "—"},
		{"chart grouping", Chart, 29213.456, 1, "29,213.5"},
		{"chart grouping millions", Chart, -1234567, 0, "−1,234,567"},
		{"chart exactly a thousand", Chart, 1000, 0, "1,000"},
		{"chart below a thousand", Chart, 999.5, 1, "999.5"},
		{"chart minus U+2212", Chart, -0.5, 2, "−0.5"},
		{"chart negative zero", Chart, -0.0001, 2, "0"},
		{"chart NaN", Chart, math.NaN(), 2, "—"},
		{"chart infinite", Chart, math.Inf(-1), 2, "—"},
	}
	for _, tc := range tests {
		if got := tc.style.Num(tc.v, tc.dec); got != tc.want {
			t.Errorf("%s: Num(%v, %d) = %q, want %q", tc.name, tc.v, tc.dec, got, tc.want)
		}
	}
}

func TestValue(t *testing.T) {
	tests := []struct {
		name  string
		style Style
		v     float64
		want  string
	}{
		{"from 1000: no decimal", Table, 1173.4, "1173"},
		{"exactly 1000", Table, 1000, "1000"},
		{"just under 1000: one decimal", Table, 999.94, "999.9"},
		{"from 100: one decimal", Table, 133.8226, "133.8"},
		{"exactly 100", Table, 100, "100"},
		{"just under 100: two decimals", Table, 99.996, "100"},
		{"from 1: two decimals", Table, 62.944, "62.94"},
		{"exactly 1", Table, 1, "1"},
		{"below 1: four decimals", Table, 0.12345, "0.1235"},
		{"亿元 no spurious decimals", Table, 650.0000001, "650"},
		{"zero", Table, 0, "0"},
		{"negative large", Table, -2500.6, "-2501"},
		{"negative size by magnitude", Table, -0.56789, "-0.5679"},
		{"NaN", Table, math.NaN(), "—"},
		{"chart large", Chart, 1173.4, "1,173"},
		{"chart very large", Chart, 1234567.8, "1,234,568"},
		{"chart negative", Chart, -2500.6, "−2,501"},
		{"chart small negative", Chart, -0.56789, "−0.5679"},
		{"chart NaN", Chart, math.NaN(), "—"},
	}
	for _, tc := range tests {
		if got := tc.style.Value(tc.v); got != tc.want {
			t.Errorf("%s: Value(%v) = %q, want %q", tc.name, tc.v, got, tc.want)
		}
	}
}

func TestGoal(t *testing.T) {
	tests := []struct {
		name  string
		style Style
		t     model.Target
		lang  string
		want  string
	}{
		{"growth floor", Table, model.Target{Kind: model.Growth, Bound: model.Min, Value: 6}, "zh", "≥6%/年"},
		{"growth floor en", Table, model.Target{Kind: model.Growth, Bound: model.Min, Value: 6}, "en", "≥6%/yr"},
		{"growth about", Table, model.Target{Kind: model.Growth, Bound: model.Approx, Value: 7.5}, "zh", "≈7.5%/年"},
		{"growth exact", Table, model.Target{Kind: model.Growth, Bound: model.Exact, Value: 6.5}, "zh", "6.5%/年"},
		{"reduction", Table, model.Target{Kind: model.Reduction, Bound: model.Exact, Value: 38}, "zh", "−38%"},
		// 下降13.5%以上 is a change of at most −13.5 % (found by a hostile
		// read: it printed "≥−13.5%", which allows any fall up to 13.5 %).
		{"reduction at least", Table, model.Target{Kind: model.Reduction, Bound: model.Min, Value: 13.5}, "zh", "≤−13.5%"},
		{"reduction at most", Table, model.Target{Kind: model.Reduction, Bound: model.Max, Value: 3}, "zh", "≥−3%"},
		{"reduction about", Table, model.Target{Kind: model.Reduction, Bound: model.Approx, Value: 3}, "zh", "≈−3%"},
		{"change about", Table, model.Target{Kind: model.Change, Bound: model.Approx, Value: 5}, "zh", "≈+5"},
		{"change small", Table, model.Target{Kind: model.Change, Bound: model.Exact, Value: 0.5}, "zh", "+0.5"},
		{"multiple", Table, model.Target{Kind: model.Multiple, Bound: model.Min, Value: 1.5}, "zh", "≥×1.5"},
		{"doubling", Table, model.Target{Kind: model.Multiple, Bound: model.Min, Value: 2}, "zh", "翻一番"},
		{"doubling en", Table, model.Target{Kind: model.Multiple, Bound: model.Exact, Value: 2}, "en", "doubling"},
		{"at most double is no doubling", Table, model.Target{Kind: model.Multiple, Bound: model.Max, Value: 2}, "zh", "≤×2"},
		{"cumulative", Table, model.Target{Kind: model.Cumulative, Bound: model.Exact, Value: 30}, "zh", "[30]"},
		{"cumulative at least", Table, model.Target{Kind: model.Cumulative, Bound: model.Min, Value: 84.5}, "zh", "≥[84.5]"},
		{"level", Table, model.Target{Kind: model.Level, Bound: model.Exact, Value: 54}, "zh", "54"},
		{"level at most", Table, model.Target{Kind: model.Level, Bound: model.Max, Value: 5.5}, "zh", "≤5.5"},
		{"level about", Table, model.Target{Kind: model.Level, Bound: model.Approx, Value: 400}, "zh", "≈400"},
		{"floor by kind", Table, model.Target{Kind: model.Floor, Bound: model.Exact, Value: 53.1}, "zh", "≥53.1"},
		{"floor by kind, worded at most", Table, model.Target{Kind: model.Floor, Bound: model.Max, Value: 53.1}, "zh", "≥53.1"},
		{"ceiling by kind", Table, model.Target{Kind: model.Ceiling, Bound: model.Exact, Value: 3}, "zh", "≤3"},
		{"ceiling by kind, worded at least", Table, model.Target{Kind: model.Ceiling, Bound: model.Min, Value: 3}, "zh", "≤3"},
		{"delegated", Table, model.Target{Kind: model.Delegated}, "zh", "市下达"},
		{"delegated en", Table, model.Target{Kind: model.Delegated}, "en", "set by city"},
		{"relative: margin only", Table, model.Target{Kind: model.Growth, Bound: model.Min, Value: 0.5, RelativeTo: "gdp"}, "zh", "≥0.5%/年"},
		{"level large", Table, model.Target{Kind: model.Level, Bound: model.Min, Value: 12345.6}, "zh", "≥12346"},
		{"level small", Table, model.Target{Kind: model.Level, Bound: model.Max, Value: 0.4567}, "zh", "≤0.4567"},
		{"NaN", Table, model.Target{Kind: model.Level, Bound: model.Exact, Value: math.NaN()}, "zh", "—"},
		{"chart level large", Chart, model.Target{Kind: model.Level, Bound: model.Min, Value: 12345.6}, "zh", "≥12,346"},
		{"chart cumulative large", Chart, model.Target{Kind: model.Cumulative, Bound: model.Exact, Value: 1500}, "en", "[1,500]"},
		{"change negative: a fall, no plus", Table, model.Target{Kind: model.Change, Bound: model.Max, Value: -1.5}, "zh", "≤-1.5"},
		{"change zero", Table, model.Target{Kind: model.Change, Bound: model.Exact, Value: 0}, "zh", "+0"},
		{"chart change negative", Chart, model.Target{Kind: model.Change, Bound: model.Exact, Value: -1.5}, "zh", "−1.5"},
		{"chart reduction", Chart, model.Target{Kind: model.Reduction, Bound: model.Exact, Value: 38}, "zh", "−38%"},
	}
	for _, tc := range tests {
		if got := tc.style.Goal(tc.t, tc.lang); got != tc.want {
			t.Errorf("%s: Goal(%+v, %s) = %q, want %q", tc.name, tc.t, tc.lang, got, tc.want)
		}
	}
}

func TestPace(t *testing.T) {
	tests := []struct {
		name  string
		style Style
		v     float64
		k     model.RateKind
		want  string
	}{
		{"compound: two decimals and %", Table, 4.8331, model.RatePct, "4.83%"},
		{"compound large", Table, 46.14, model.RatePct, "46.14%"},
		{"compound negative", Table, -1.256, model.RatePct, "-1.26%"},
		{"compound NaN", Table, math.NaN(), model.RatePct, "—"},
		{"step: three decimals signed", Table, 0.94, model.RateUnits, "+0.94"},
		{"step rounded", Table, 0.44449, model.RateUnits, "+0.444"},
		{"step negative", Table, -0.00421, model.RateUnits, "-0.004"},
		{"step zero unsigned", Table, 0, model.RateUnits, "0"},
		{"step NaN", Table, math.NaN(), model.RateUnits, "—"},
		{"step large, no grouping", Table, 1234.5678, model.RateUnits, "+1234.568"},
		{"other kind: three decimals", Table, 2.34567, model.RateKind(""), "2.346"},
		{"chart compound negative", Chart, -1.256, model.RatePct, "−1.26%"},
		{"chart step negative", Chart, -0.00421, model.RateUnits, "−0.004"},
		{"chart step large", Chart, 1234.5678, model.RateUnits, "+1,234.568"},
	}
	for _, tc := range tests {
		if got := tc.style.Pace(tc.v, tc.k); got != tc.want {
			t.Errorf("%s: Pace(%v, %q) = %q, want %q", tc.name, tc.v, tc.k, got, tc.want)
		}
	}
}

func TestMargin(t *testing.T) {
	tests := []struct {
		name  string
		style Style
		m     float64
		lang  string
		want  string
	}{
		{"above: signed, two decimals", Table, 1.234, "zh", "+1.23个百分点"},
		{"above en", Table, 0.5, "en", "+0.5 pp"},
		{"below", Table, -0.354, "en", "-0.35 pp"},
		{"zero unsigned", Table, 0, "zh", "0个百分点"},
		{"rounds to zero: unsigned", Table, 0.001, "zh", "0个百分点"},
		{"NaN", Table, math.NaN(), "zh", "—"},
		{"chart below", Chart, -0.354, "en", "−0.35 pp"},
	}
	for _, tc := range tests {
		if got := tc.style.Margin(tc.m, tc.lang); got != tc.want {
			t.Errorf("%s: Margin(%v, %s) = %q, want %q", tc.name, tc.m, tc.lang, got, tc.want)
		}
	}
}

func TestProb(t *testing.T) {
	tests := []struct {
		name  string
		style Style
		p     float64
		want  string
	}{
		{"one decimal", Table, 0.4932, "49.3%"},
		{"certain", Table, 1, "100%"},
		{"never", Table, 0, "0%"},
		{"rounds to a tenth", Table, 0.99949, "99.9%"},
		{"NaN", Table, math.NaN(), "—"},
		{"chart", Chart, 0.4932, "49.3%"},
		{"chart NaN", Chart, math.NaN(), "—"},
	}
	for _, tc := range tests {
		if got := tc.style.Prob(tc.p); got != tc.want {
			t.Errorf("%s: Prob(%v) = %q, want %q", tc.name, tc.p, got, tc.want)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		name  string
		style Style
		v     float64
		want  string
	}{
		{"whole percent", Table, 0.964, "96%"},
		{"rounds half up", Table, 0.995, "100%"},
		{"over the task", Table, 1.234, "123%"},
		{"negative", Table, -0.12, "-12%"},
		{"chart negative U+2212", Chart, -0.12, "−12%"},
		{"chart grouping", Chart, 12.5, "1,250%"},
		{"NaN", Table, math.NaN(), "—"},
		{"chart infinite", Chart, math.Inf(1), "—"},
	}
	for _, tc := range tests {
		if got := tc.style.Percent(tc.v); got != tc.want {
			t.Errorf("%s: Percent(%v) = %q, want %q", tc.name, tc.v, got, tc.want)
		}
	}
}

func TestMetric(t *testing.T) {
	tests := []struct {
		name  string
		style Style
		t     model.Target
		v     float64
		lang  string
		want  string
	}{
		{"growth", Table, model.Target{Kind: model.Growth, Bound: model.Min, Value: 6}, 6.234, "zh", "6.23%/年"},
		{"growth en", Table, model.Target{Kind: model.Growth, Bound: model.Min, Value: 6}, 8.9, "en", "8.9%/yr"},
		{"reduction: the fall", Table, model.Target{Kind: model.Reduction, Value: 38}, 30.25, "zh", "−30.25%"},
		{"reduction missed by a rise", Table, model.Target{Kind: model.Reduction, Value: 38}, -2, "zh", "+2%"},
		{"change rise signed", Table, model.Target{Kind: model.Change, Value: 1}, 1.5, "zh", "+1.5"},
		{"change fall keeps its minus", Table, model.Target{Kind: model.Change, Value: 1}, -0.5, "zh", "-0.5"},
		{"change zero unsigned", Table, model.Target{Kind: model.Change, Value: 1}, 0, "zh", "0"},
		{"multiple beside 翻一番", Table, model.Target{Kind: model.Multiple, Bound: model.Min, Value: 2}, 2.031, "zh", "×2.03"},
		{"cumulative", Table, model.Target{Kind: model.Cumulative, Value: 25}, 84.5, "zh", "[84.5]"},
		{"level", Table, model.Target{Kind: model.Level, Value: 54}, 53.14, "zh", "53.14"},
		{"floor: a level", Table, model.Target{Kind: model.Floor, Value: 53.1}, 292, "zh", "292"},
		{"relative: the margin", Table, model.Target{Kind: model.Growth, Bound: model.Min, RelativeTo: "gdp"}, 1.234, "zh", "+1.23个百分点"},
		{"relative en", Table, model.Target{Kind: model.Growth, Bound: model.Min, RelativeTo: "gdp"}, -0.35, "en", "-0.35 pp"},
		{"NaN", Table, model.Target{Kind: model.Growth}, math.NaN(), "zh", "—"},
		{"infinite", Table, model.Target{Kind: model.Cumulative}, math.Inf(1), "zh", "—"},
		{"chart cumulative large", Chart, model.Target{Kind: model.Cumulative, Value: 1500}, 1234.6, "en", "[1,235]"},
		{"chart change fall U+2212", Chart, model.Target{Kind: model.Change, Value: 1}, -0.5, "zh", "−0.5"},
	}
	for _, tc := range tests {
		if got := tc.style.Metric(tc.t, tc.v, tc.lang); got != tc.want {
			t.Errorf("%s: Metric(%+v, %v, %s) = %q, want %q", tc.name, tc.t, tc.v, tc.lang, got, tc.want)
		}
	}
}

func TestPaceUnit(t *testing.T) {
	share := &model.Indicator{Unit: model.Text{ZH: "%", EN: "%"}}
	money := &model.Indicator{Unit: model.Text{ZH: "万元", EN: "10,000 yuan"}}
	tests := []struct {
		name string
		ind  *model.Indicator
		k    model.RateKind
		lang string
		want string
	}{
		{"compound", money, model.RatePct, "zh", "%/年"},
		{"compound en", money, model.RatePct, "en", "%/yr"},
		{"step of a share: percentage points", share, model.RateUnits, "zh", "百分点/年"},
		{"step of a share en", share, model.RateUnits, "en", "pp/yr"},
		{"step in the unit", money, model.RateUnits, "zh", "万元/年"},
		{"flow in the unit en", money, model.RateFlow, "en", "10,000 yuan/yr"},
		// A floor, a ceiling or a delegated target has no pace; the
		// tables leave the unit blank rather than name one.
		{"no pace: no unit", money, model.RateNone, "zh", ""},
		{"unknown kind: no unit", share, model.RateKind("other"), "en", ""},
	}
	for _, tc := range tests {
		if got := PaceUnit(tc.ind, tc.k, tc.lang); got != tc.want {
			t.Errorf("%s: PaceUnit(%q, %q, %s) = %q, want %q", tc.name, tc.ind.Unit.ZH, tc.k, tc.lang, got, tc.want)
		}
	}
}

// TestMark: the sign before a level follows what meets the target; a fall
// turns the plan's wording round (下降20%以上: a level at most 80 % of the
// base's, so "≤"), a floor or ceiling is signed by its kind.
func TestMark(t *testing.T) {
	for _, c := range []struct {
		t    model.Target
		want string
	}{
		{model.Target{Kind: model.Reduction, Bound: model.Min}, "≤"},
		{model.Target{Kind: model.Reduction, Bound: model.Max}, "≥"},
		{model.Target{Kind: model.Reduction, Bound: model.Exact}, ""},
		{model.Target{Kind: model.Level, Bound: model.Min}, "≥"},
		{model.Target{Kind: model.Growth, Bound: model.Max}, "≤"},
		{model.Target{Kind: model.Multiple, Bound: model.Approx}, "≈"},
		{model.Target{Kind: model.Floor, Bound: model.Max}, "≥"},
		{model.Target{Kind: model.Ceiling, Bound: model.Min}, "≤"},
	} {
		if got := Mark(c.t); got != c.want {
			t.Errorf("Mark(%s, %s) = %q, want %q", c.t.Kind, c.t.Bound, got, c.want)
		}
	}
}
