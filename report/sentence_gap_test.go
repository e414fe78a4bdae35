package report

import (
	"strings"
	"testing"

	"fyp/model"
)

// The sentences for targets the observed figures cannot yet measure, and
// for figures given as average growth (年均增速), computed by the model
// from small files: the shipped file's GDP and per-capita GDP (growth
// rates with a year missing, levels at current prices), an average growth
// from the base year, one chained from a year the chain reaches, one that
// cannot be chained, and one that disagrees with the yearly rates.
func TestSentencesGap(t *testing.T) {
	gdp := &model.Indicator{ID: "gdp", No: 1, Name: model.Text{ZH: "地区生产总值", EN: "GDP"}, Unit: model.Text{ZH: "亿元", EN: "100m yuan"},
		Direction: model.Up, Path: model.Compound, PriceBasis: "comparable", Attribute: model.Expected,
		Targets: []model.Target{{Year: 2025, From: 2020, Kind: model.Growth, Value: 6, Bound: model.Min}}}
	pc := &model.Indicator{ID: "gdppc", No: 2, Name: model.Text{ZH: "人均地区生产总值", EN: "GDP per capita"}, Unit: model.Text{ZH: "万元", EN: "10k yuan"},
		Direction: model.Up, Path: model.Compound, PriceBasis: "2020", Attribute: model.Expected,
		Baseline: model.Baseline{Year: 2020, Value: 7.9, Known: true},
		Targets:  []model.Target{{Year: 2025, From: 2020, Kind: model.Level, Value: 10}}}
	p := &model.Plan{ID: "gap", BaseYear: 2020, TargetYear: 2025, Indicators: []*model.Indicator{gdp, pc}}
	growth := func(year int, v float64, row int) model.ObservedPoint {
		return model.ObservedPoint{Year: year, Value: v, Growth: true, PriceBasis: "comparable", Row: row}
	}
	avg := func(from, year int, v float64, row int) model.ObservedPoint {
		return model.ObservedPoint{Year: year, From: from, Value: v, Growth: true, PriceBasis: "comparable", Row: row}
	}
	cur := func(year int, v float64, row int) model.ObservedPoint {
		return model.ObservedPoint{Year: year, Value: v, PriceBasis: "current", Row: row}
	}
	cases := []struct {
		name string
		ev   model.Evidence
	}{
		{"shipped file", model.Evidence{
			"gdp":   {cur(2020, 1114.23, 13), cur(2021, 1257.96, 14), cur(2022, 1330.02, 15), growth(2022, 3.2, 16), cur(2023, 1401.59, 17), growth(2023, 7, 18)},
			"gdppc": {cur(2023, 10.4274, 19), growth(2023, 8.1, 20)}}},
		// 2021—2023年年均增长5.6%: the pace itself; 7.9·1.06³ = 9.40889 per capita.
		{"average growth from the base year", model.Evidence{"gdp": {avg(2020, 2023, 5.6, 4)}, "gdppc": {avg(2020, 2023, 6, 5)}}},
		// 2021's 4 % then 6 % a year over 2022–2023.
		{"average growth chained", model.Evidence{"gdp": {growth(2021, 4, 3), avg(2021, 2023, 6, 4)}}},
		{"average growth not chained", model.Evidence{"gdp": {avg(2021, 2023, 6, 4)}}},
		// Yearly 8, 3, 5 average 5.31 %, the report's 5.6 is 0.29 pp off.
		{"average growth against the yearly rates", model.Evidence{"gdp": {growth(2021, 8, 2), growth(2022, 3, 3), growth(2023, 5, 4), avg(2020, 2023, 5.6, 5)}}},
	}
	pr, err := model.Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"zh", "en"} {
		var b strings.Builder
		for _, c := range cases {
			for _, r := range model.ReviewAll(pr, c.ev, 2023, model.DefaultReviewThresholds()) {
				if _, ok := c.ev[r.Indicator.ID]; !ok {
					continue
				}
				b.WriteString(c.name + ": " + Sentence(r, false, model.DefaultFinalThresholds(), DefaultLabels(lang), lang) + "\n")
				for _, n := range r.Notes {
					b.WriteString("  note: " + n.In(lang) + "\n")
				}
			}
		}
		golden(t, "sentences-gap-"+lang+".golden", b.String())
	}
}
