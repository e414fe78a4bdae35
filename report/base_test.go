package report

import (
	"math"
	"strings"
	"testing"

	"fyp/model"
)

// TestBaseOf: a review table's base value is the plan's baseline even
// where the file has nothing to compare with it (before: "—" for 森林覆盖率
// when the file had no 2020 row); a revised figure the review computed
// with is shown and marked; a base the plan lacks comes from the file,
// marked; an index stays an index.
func TestBaseOf(t *testing.T) {
	p := &model.Plan{BaseYear: 2020, TargetYear: 2025}
	tg := model.Target{Year: 2025, From: 2020, Kind: model.Level, Value: 54}
	noPlan := &model.Indicator{ID: "x", Name: model.Text{ZH: "某指标", EN: "X"}}
	cases := []struct {
		name string
		r    model.Review
		want float64
		src  BaseSource
	}{
		{"no data, plan baseline", model.Review{Indicator: forest, Target: tg, Base: nan}, 51.8, BasePlan},
		{"computed with the plan's", model.Review{Indicator: forest, Target: tg, Base: 51.8}, 51.8, BasePlan},
		{"rebased", model.Review{Indicator: forest, Target: tg, Base: 52.1}, 52.1, BaseRevised},
		{"the file's, plan has none", model.Review{Indicator: noPlan, Target: tg, Base: 7}, 7, BaseFile},
		{"nothing", model.Review{Indicator: noPlan, Target: tg, Base: nan}, nan, BaseNone},
		{"index", model.Review{Indicator: forest, Target: tg, Base: 100, Scale: model.ScaleIndex}, 100, BaseIndex},
		{"another base year", model.Review{Indicator: forest, Target: model.Target{Year: 2025, From: 2022, Kind: model.Level}, Base: nan}, nan, BaseNone},
	}
	for _, c := range cases {
		b := BaseOf(p, c.r)
		if b.Source != c.src || !(b.Value == c.want || math.IsNaN(b.Value) && math.IsNaN(c.want)) {
			t.Errorf("%s: got %v from %d, want %v from %d", c.name, b.Value, b.Source, c.want, c.src)
		}
	}
}

// TestMainTableBase: the main table prints the plan's baseline for a row
// without data and notes a revised base with both figures.
func TestMainTableBase(t *testing.T) {
	p := &model.Plan{BaseYear: 2020, TargetYear: 2025, Indicators: []*model.Indicator{forest, jobs}}
	tg := model.Target{Year: 2025, From: 2020, Kind: model.Level, Value: 54}
	noData := model.Review{Indicator: forest, Target: tg, Base: nan, Observed: nan, TaskDone: nan, ObservedRate: nan, RequiredRemaining: nan,
		Category: model.InsufficientData, Refusal: "no_data"}
	revised := linearReview(53.1, 2023, model.OnSchedule)
	revised.Base = 52.0
	for _, lang := range []string{"zh", "en"} {
		rv := &Review{Rows: []model.Review{noData, revised}, AsOf: 2023, Thresholds: model.DefaultReviewThresholds(), Final: model.DefaultFinalThresholds()}
		tb := mainTable(p, rv, DefaultLabels(lang), lang)
		var bases []string
		for _, r := range tb.Rows {
			if r.Group == "" {
				bases = append(bases, r.Cells[4].Text)
			}
		}
		if strings.Join(bases, " ") != "51.8 52*" {
			t.Errorf("%s: base cells %q, want 51.8 and 52*", lang, bases)
		}
		notes := strings.Join(tb.Notes, "\n")
		want := L(lang, "森林覆盖率基期值52取自观测文件（修订值），评估按此计算；规划基期值为51.8。",
			"Forest coverage: base value 52 from the observed file (a revision), used by the review; the plan prints 51.8.")
		if !strings.Contains(notes, want) {
			t.Errorf("%s: notes lack %q:\n%s", lang, want, notes)
		}
	}
}
