package charts_test

import (
	"bytes"
	"fmt"

	"fyp/charts"
	"fyp/model"
	"fyp/seeds"
)

// Illustrative inputs for the charts whose data other commands produce
// (Monte Carlo, sensitivity, mid-term review). The numbers are made up for
// the examples and golden images; they are not results.
var (
	sampleFan = charts.FanInput{
		Indicator: "人均地区生产总值", Unit: "万元", Scenario: "plan", Label: "规划自身速度",
		Years:   []int{2020, 2021, 2022, 2023, 2024, 2025},
		P5:      []float64{7.9, 8.0, 8.2, 8.4, 8.6, 8.8},
		P25:     []float64{7.9, 8.2, 8.5, 8.8, 9.1, 9.4},
		P50:     []float64{7.9, 8.3, 8.7, 9.1, 9.5, 10},
		P75:     []float64{7.9, 8.4, 8.9, 9.4, 9.9, 10.5},
		P95:     []float64{7.9, 8.6, 9.2, 9.8, 10.4, 11.1},
		History: []charts.YearValue{{Year: 2020, Value: 7.9}},
		Target:  10, TargetYear: 2025, PMet: 0.52, PMetSE: 0.005, Draws: 10000,
	}
	sampleTornado = charts.TornadoInput{
		Metric: "人均地区生产总值 2025", Unit: "万元", Base: 10, Target: 10, Scenario: "plan", Label: "规划自身速度",
		Bars: []charts.TornadoBar{
			{Label: "常住人口增速", LowLabel: "0.6%", HighLabel: "1.6%", Low: 10.25, High: 9.76},
			{Label: "地区生产总值增速", LowLabel: "5%", HighLabel: "7%", Low: 9.55, High: 10.46},
			{Label: "价格平减", Low: 9.9, High: 10.1},
		},
	}
	sampleProgress = charts.ProgressInput{Year: 2023, Scenario: "2023年统计公报", Items: []charts.ProgressItem{
		{Label: "地区生产总值", Elapsed: 0.6, Done: 0.55, Category: charts.CategoryOnTrack},
		{Label: "森林覆盖率", Elapsed: 0.6, Done: 1.1, Binding: true, Category: charts.CategoryEarly},
		{Label: "服务业增加值占地区生产总值比重", Elapsed: 0.6, Done: -0.1, Category: charts.CategoryLagging},
		{Label: "常住居民人均可支配收入", Elapsed: 0.6, Done: 0.8, Category: charts.CategoryFaster},
	}}
)

// downturn is a second scenario for the examples: slower GDP, income and
// afforestation.
var downturn = &model.Scenario{Name: "downturn", Title: model.Text{ZH: "下行情景", EN: "downturn"},
	Assumptions: map[string]model.Assumption{
		"gdp":             {Rule: model.RuleCompound, Rate: model.Flat(4.5)},
		"income":          {Rule: model.RuleCompound, Rate: model.Flat(5.5)},
		"forest_coverage": {Rule: model.RuleLinear, Step: model.Flat(0.3)},
	}}

func projections() (*model.Plan, []*model.Projection) {
	p, err := seeds.Load("jiangjin-14")
	if err != nil {
		panic(err)
	}
	pr, err := model.Project(p, nil)
	if err != nil {
		panic(err)
	}
	pd, err := model.Project(p, downturn)
	if err != nil {
		panic(err)
	}
	return p, []*model.Projection{pr, pd}
}

// show renders c and prints what a caller would check.
func show(c *charts.Chart, err error) {
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: png %v, %d warnings\n", c.ID, bytes.HasPrefix(buf.Bytes(), []byte("\x89PNG")), len(c.Warnings))
}

func ExampleIndicatorPath() {
	_, prs := projections()
	show(charts.IndicatorPath("forest_coverage", prs, charts.Options{Lang: "zh"}))
	// Output: path-forest_coverage: png true, 0 warnings
}

func ExampleHeadline() {
	_, prs := projections()
	show(charts.Headline(prs, charts.Options{Lang: "en"}))
	// Output: headline: png true, 0 warnings
}

func ExampleReachability() {
	p, prs := projections()
	show(charts.Reachability(model.Assess(prs[0]), p, charts.Options{}))
	// Output: reach: png true, 0 warnings
}

func ExampleFan() {
	p, _ := projections()
	show(charts.Fan(sampleFan, p, charts.Options{DPI: 96}))
	// Output: fan: png true, 0 warnings
}

func ExampleTornado() {
	p, _ := projections()
	show(charts.Tornado(sampleTornado, p, charts.Options{}))
	// Output: tornado: png true, 0 warnings
}

func ExampleProgress() {
	p, _ := projections()
	show(charts.Progress(sampleProgress, p, charts.Options{}))
	// Output: progress: png true, 0 warnings
}

func ExampleRecord() {
	p, _ := projections()
	show(charts.Record(p.Previous, charts.Options{Lang: "en"}))
	// Output: record: png true, 0 warnings
}

// A label with a character the font lacks is drawn with '?' and reported.
func ExampleChart_Warnings() {
	p, _ := projections()
	in := sampleTornado
	in.Metric = "𠀀"
	c, _ := charts.Tornado(in, p, charts.Options{Lang: "en"})
	fmt.Println(c.Warnings[0])
	// Output: font Noto Sans CJK SC (subset) has no glyph for 1 characters, drawn as '?': 𠀀 U+20000; first in "Sensitivity: 𠀀"

}
