package main

import (
	"bytes"
	"math"
	"runtime"
	"strings"
	"testing"

	"fyp/charts"
	"fyp/model"
)

// The charts of a review bundle start from the observations: the actuals
// are plotted, every scenario passes through the last one and the fan
// begins there.
func TestObservedDriveCharts(t *testing.T) {
	var stderr bytes.Buffer
	o := &options{plan: "jiangjin-14", lang: "zh", stdout: &bytes.Buffer{}, stderr: &stderr}
	p := mustPlan(t)
	rv, err := runReview(o, p, &reviewFlags{observed: "testdata/observed-example.csv", th: model.DefaultReviewThresholds(), scope: "main"})
	if err != nil {
		t.Fatal(err)
	}
	// The floor of 300 good-air days (jiangjin-14.yaml row 24) is broken in
	// 2022 in the example (297): the progress chart shows it broken.
	in := progressInput(rv, "zh")
	found := false
	for _, it := range in.Items {
		if it.Label == "城区空气质量优良天数" {
			found = true
			if it.Bound != "floor" || !it.Breached || !strings.Contains(it.Note, "297") {
				t.Errorf("good-air days = %+v, want a broken floor naming 297", it)
			}
		}
	}
	if !found {
		t.Error("the floor target is missing from the progress chart")
	}
	o.scenarios = []string{"trend"}
	prs, err := chartProjections(o)
	if err != nil {
		t.Fatal(err)
	}
	sims, err := runSimulations(o, &simFlags{draws: 2000, seed: model.DefaultSeed, seedSet: true, workers: runtime.GOMAXPROCS(0)})
	if err != nil {
		t.Fatal(err)
	}
	prs, sims, err = observedCharts(prs, sims, rv)
	if err != nil {
		t.Fatal(err)
	}
	// testdata/observed-example.csv (synthetic): forest coverage is not in
	// it, per-capita GDP is 9.2 in 2023 (2020 prices).
	d, err := charts.PathOf("gdp_per_capita", prs, "zh")
	if err != nil {
		t.Fatal(err)
	}
	last := d.History[len(d.History)-1]
	if last.Year != 2023 || last.Value != 9.2 {
		t.Fatalf("history ends %v, want the observed 2023 value 9.2", last)
	}
	for _, l := range d.Lines {
		for _, pt := range l.Points {
			if pt.Year == 2023 && pt.Value != 9.2 {
				t.Errorf("%s: 2023 = %v, want the observation 9.2", l.Scenario, pt.Value)
			}
		}
	}
	// FDI's target is a five-year sum ([25]) without a 2020 level: its
	// yearly flows 4.1, 3.2, 3.6 (2021–2023, the example) are plotted as the
	// running sum 4.1 + 3.2 + 3.6 = 10.9, as the review counts them.
	f, err := charts.PathOf("fdi", prs, "zh")
	if err != nil {
		t.Fatal(err)
	}
	if h := f.History[len(f.History)-1]; h.Year != 2023 || math.Abs(h.Value-10.9) > 1e-9 {
		t.Errorf("fdi history ends %v, want 10.9 in 2023", h)
	}
	// The sensitivities start there too: per-capita GDP's 2025 base is then
	// not the plan's 10 but what the path from 9.2 in 2023 gives.
	ts, err := tornadoInputs(prs[0], "zh")
	if err != nil || len(ts) == 0 {
		t.Fatalf("tornado: %v, %d inputs", err, len(ts))
	}
	if math.Abs(ts[0].Base-10) < 1e-6 {
		t.Errorf("tornado base = %v: the observations were ignored", ts[0].Base)
	}
	var fan *charts.FanInput
	for _, f := range fanInputs(sims[0], "zh") {
		if f.id == "gdp_per_capita" {
			fan = &f.in
		}
	}
	if fan == nil {
		t.Fatal("no fan chart for gdp_per_capita")
	}
	if fan.Years[0] != 2023 || fan.P5[0] != 9.2 || fan.P95[0] != 9.2 {
		t.Errorf("fan starts %d at P5 %v P95 %v, want 2023 at the observed 9.2", fan.Years[0], fan.P5[0], fan.P95[0])
	}
	if len(fan.History) != 4 || fan.History[0].Year != 2020 {
		t.Errorf("fan history = %v, want 2020 (base) and the three observations", fan.History)
	}
}
