package model

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
)

// seriesAt is a yearly series from 2020 given as a list of values (NaN: unknown).
func seriesAt(vs ...float64) func(int) (float64, bool) {
	return func(y int) (float64, bool) {
		if i := y - 2020; i >= 0 && i < len(vs) && !math.IsNaN(vs[i]) {
			return vs[i], true
		}
		return math.NaN(), false
	}
}

func TestRelativeMetricAndVerdict(t *testing.T) {
	nan := math.NaN()
	up := &Indicator{ID: "x", Direction: Up}
	tests := []struct {
		name    string
		t       Target
		own     []float64 // 2020 …
		ref     []float64
		want    float64 // NaN: not ok
		met     bool
		comment string
	}{
		// (150/100)^(1/5) − 1 = 8.447177 %, (260/200)^(1/5) − 1 = 5.387395 %
		// (computed with Python: ((b/a)**(1/n)-1)*100); difference 3.059782.
		{"levels, min 0", Target{Year: 2025, From: 2020, Kind: Growth, RelativeTo: "y", Bound: Min},
			[]float64{100, nan, nan, nan, nan, 150}, []float64{200, nan, nan, nan, nan, 260}, 3.0597819135915074, true, ""},
		{"levels, min 3.1 pp: short by 0.04", Target{Year: 2025, From: 2020, Kind: Growth, RelativeTo: "y", Value: 3.1, Bound: Min},
			[]float64{100, nan, nan, nan, nan, 150}, []float64{200, nan, nan, nan, nan, 260}, 3.0597819135915074, false, ""},
		// Swapped: 5.387395 − 8.447177 = −3.059782.
		{"behind the reference", Target{Year: 2025, From: 2020, Kind: Growth, RelativeTo: "y"},
			[]float64{200, nan, nan, nan, nan, 260}, []float64{100, nan, nan, nan, nan, 150}, -3.0597819135915074, false, ""},
		// From 2022: (121/110)^(1/3) − 1 = 3.228012 %, (90/100)^(1/3) − 1 = −3.451062 %; difference 6.679073 (Python).
		{"period from 2022", Target{Year: 2025, From: 2022, Kind: Growth, RelativeTo: "y"},
			[]float64{1, 1, 110, nan, nan, 121}, []float64{1, 1, 100, nan, nan, 90}, 6.67907308507375, true, ""},
		// 基本同步 within 0.5 pp: 1.07 vs 1.075 a year over 5 years is −0.5 + rounding.
		{"approx: 0.4 pp short is met", Target{Year: 2025, From: 2020, Kind: Growth, RelativeTo: "y", Bound: Approx},
			[]float64{100, nan, nan, nan, nan, 100 * math.Pow(1.066, 5)}, []float64{100, nan, nan, nan, nan, 100 * math.Pow(1.07, 5)}, -0.4, true, ""},
		{"approx: 0.6 pp short is not met", Target{Year: 2025, From: 2020, Kind: Growth, RelativeTo: "y", Bound: Approx},
			[]float64{100, nan, nan, nan, nan, 100 * math.Pow(1.064, 5)}, []float64{100, nan, nan, nan, nan, 100 * math.Pow(1.07, 5)}, -0.6, false, ""},
		{"reference unknown in the target year", Target{Year: 2025, From: 2020, Kind: Growth, RelativeTo: "y"},
			[]float64{100, nan, nan, nan, nan, 150}, []float64{100, 101}, nan, false, ""},
		{"own level not positive", Target{Year: 2025, From: 2020, Kind: Growth, RelativeTo: "y"},
			[]float64{0, nan, nan, nan, nan, 150}, []float64{100, nan, nan, nan, nan, 110}, nan, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := tt.t.MetricVs(seriesAt(tt.own...), seriesAt(tt.ref...))
			if math.IsNaN(tt.want) {
				if ok {
					t.Errorf("MetricVs = %g, want not ok", m)
				}
				return
			}
			if !ok || math.Abs(m-tt.want) > 1e-6 {
				t.Fatalf("MetricVs = %g (ok %v), want %g ± 1e-6", m, ok, tt.want)
			}
			if met, _ := tt.t.Verdict(up, m); met != tt.met {
				t.Errorf("Verdict(%g) met = %v, want %v", m, met, tt.met)
			}
			if _, ok := tt.t.Metric(seriesAt(tt.own...)); ok {
				t.Error("Metric on one series is ok for a relative target; want not ok")
			}
			if got := relativeMetric(tt.t, must(seriesAt(tt.own...)(tt.t.From)), must(seriesAt(tt.own...)(tt.t.Year)),
				must(seriesAt(tt.ref...)(tt.t.From)), must(seriesAt(tt.ref...)(tt.t.Year))); got != m {
				t.Errorf("the draws' relativeMetric = %v, MetricVs = %v: they must agree exactly", got, m)
			}
		})
	}
}

func must(v float64, _ bool) float64 { return v }

// relPlan: x (income) and y (GDP) on index series (no baseline) at 7 % and
// 6 % a year, and x's target of growing no slower than y.
func relPlan(bound Bound, value float64) *Plan {
	return &Plan{ID: "rel", BaseYear: 2020, TargetYear: 2025, Indicators: []*Indicator{
		{ID: "x", No: 1, Name: Text{ZH: "收入", EN: "Income"}, Direction: Up, Path: Compound,
			Rule:    &Assumption{Rule: RuleCompound, Rate: Flat(7)},
			Targets: []Target{{Year: 2025, From: 2020, Kind: Growth, Value: value, Bound: bound, RelativeTo: "y", RelativeName: Text{ZH: "地区生产总值", EN: "GDP"}}}},
		{ID: "y", No: 2, Name: Text{ZH: "地区生产总值", EN: "GDP"}, Direction: Up, Path: Compound, PriceBasis: "comparable",
			Targets: []Target{{Year: 2025, From: 2020, Kind: Growth, Value: 6, Bound: Min}}},
	}}
}

func TestAssessRelative(t *testing.T) {
	tests := []struct {
		name      string
		bound     Bound
		value     float64
		sc        *Scenario
		met       bool
		projected float64 // x's growth − y's growth, pp
		required  float64 // y's projected growth + value
		assumed   float64 // x's projected growth
	}{
		// Plan rates: x 7 %, y 6 % (its plan path) → 7 − 6 = 1 pp ≥ 0.
		{"plan rates", Min, 0, nil, true, 1, 6, 7},
		// Needs 2 pp more than GDP: 1 < 2.
		{"needs two points more", Min, 2, nil, false, 1, 8, 7},
		// y at 7.4 %: 7 − 7.4 = −0.4, within the 0.5 pp of 基本同步.
		{"basically in step", Approx, 0, &Scenario{Name: "s", Assumptions: map[string]Assumption{"y": {Rule: RuleCompound, Rate: Flat(7.4)}}}, true, -0.4, 7.4, 7},
		// y at 7.6 %: −0.6, beyond it.
		{"out of step", Approx, 0, &Scenario{Name: "s", Assumptions: map[string]Assumption{"y": {Rule: RuleCompound, Rate: Flat(7.6)}}}, false, -0.6, 7.6, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := relPlan(tt.bound, tt.value)
			pr, err := Project(p, tt.sc)
			if err != nil {
				t.Fatal(err)
			}
			a := Assess(pr)[0]
			if a.Status != Assessed || a.Met != tt.met || a.Pace != RatePct {
				t.Fatalf("status %s, met %v, pace %s; want assessed, %v, pct (%s)", a.Status, a.Met, a.Pace, tt.met, a.Reason)
			}
			for _, c := range []struct {
				what      string
				got, want float64
			}{{"projected", a.Projected, tt.projected}, {"required", a.Required, tt.required}, {"assumed", a.Assumed, tt.assumed},
				{"margin", a.Margin, tt.projected - tt.value}} {
				if math.Abs(c.got-c.want) > 1e-9 {
					t.Errorf("%s = %.12g, want %g", c.what, c.got, c.want)
				}
			}
		})
	}
	// From the latest observation: x observed at 130 (index) in 2022; GDP
	// at 6 %/yr needs x at 100·1.06⁵ = 133.822558 in 2025, so
	// (133.822558/130)^(1/3) − 1 = 0.970690 %/yr (Python).
	pr, err := Project(relPlan(Min, 0), &Scenario{Name: "obs", Observed: map[string]map[int]float64{"x": {2022: 130}}})
	if err != nil {
		t.Fatal(err)
	}
	if a := Assess(pr)[0]; a.LatestYear != 2022 || math.Abs(a.RequiredLatest-0.9706901345962748) > 1e-9 {
		t.Errorf("from 2022: latest year %d, required %g; want 2022, 0.970690", a.LatestYear, a.RequiredLatest)
	}
	// The relative target fixes no level of x: x's plan path ignores it.
	p := relPlan(Min, 50)
	p.Indicators[0].Rule = nil
	p.Indicators[0].Targets = append(p.Indicators[0].Targets, Target{Year: 2025, From: 2020, Kind: Growth, Value: 7})
	pr, err = Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if x, _ := pr.Series["x"].At(2025); math.Abs(x-100*math.Pow(1.07, 5)) > 1e-9 {
		t.Errorf("x's plan path reaches %g in 2025, want 100·1.07⁵ = %g (its own growth target only)", x, 100*math.Pow(1.07, 5))
	}
	if got := RequiredPace(p.Indicators[0], p.Indicators[0].Targets[0], 100, 2020, 100); !math.IsNaN(got) {
		t.Errorf("RequiredPace of a relative target = %g, want NaN (it depends on the other indicator)", got)
	}
}

func TestPlanValidateRelative(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(*Target)
		want string
	}{
		{"unknown reference", func(t *Target) { t.RelativeTo = "z" }, `unknown indicator "z"`},
		{"itself", func(t *Target) { t.RelativeTo = "x" }, "its own indicator"},
		{"not growth", func(t *Target) { t.Kind = Level }, "only growth"},
	} {
		p := relPlan(Min, 0)
		c.edit(&p.Indicators[0].Targets[0])
		if err := p.Validate(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Validate = %v, want an error saying %q", c.name, err, c.want)
		}
	}
}

// Observed real growth 2021–2023 (the synthetic example's figures):
// x 9.1, 5.5, 5.9 %; y 8.5, 3.1, 5.6 %. Average growth 2020–2023 (Python:
// ((1.091*1.055*1.059)**(1/3)-1)*100 and likewise):
// x 6.821267 %, y 5.710333 %; difference 1.110934 pp.
var relEvidence = Evidence{
	"x": {{Year: 2021, Value: 9.1, Growth: true, PriceBasis: "comparable"}, {Year: 2022, Value: 5.5, Growth: true, PriceBasis: "comparable"}, {Year: 2023, Value: 5.9, Growth: true, PriceBasis: "comparable"}},
	"y": {{Year: 2021, Value: 8.5, Growth: true, PriceBasis: "comparable"}, {Year: 2022, Value: 3.1, Growth: true, PriceBasis: "comparable"}, {Year: 2023, Value: 5.6, Growth: true, PriceBasis: "comparable"}},
}

func reviewRel(t *testing.T, p *Plan, ev Evidence, asOf int) Review {
	t.Helper()
	pr0, err := Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := Project(p, &Scenario{Name: "plan", Observed: ObservedPath(pr0, ev, asOf)})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range ReviewAll(pr, ev, asOf, DefaultReviewThresholds()) {
		if r.Indicator.ID == "x" {
			return r
		}
	}
	t.Fatal("no review of x")
	return Review{}
}

func TestReviewRelative(t *testing.T) {
	const gx, gy = 6.821266665811265, 5.71033291422085
	r := reviewRel(t, relPlan(Min, 0), relEvidence, 2023)
	if !r.Compared || r.Category != OnSchedule || r.Measure != MeasureRelative {
		t.Fatalf("compared %v, category %s, measure %s; want compared, on_schedule, relative (%s)", r.Compared, r.Category, r.Measure, r.Reason.EN)
	}
	// Remaining pace: x must reach 100·(1 + gy/100)^5 by 2025 from
	// 100·1.091·1.055·1.059 in 2023: 4.065558 % a year (Python).
	for _, c := range []struct {
		what      string
		got, want float64
	}{{"observed difference", r.Observed, gx - gy}, {"observed pace", r.ObservedRate, gx}, {"required pace", r.RequiredRate, gy},
		{"required in the remaining years", r.RequiredRemaining, 4.065557752242888}, {"time elapsed", r.TimeElapsed, 0.6}} {
		if math.Abs(c.got-c.want) > 1e-6 {
			t.Errorf("%s = %.9g, want %.9g", c.what, c.got, c.want)
		}
	}
	if !math.IsNaN(r.TaskDone) || !strings.Contains(r.Reason.ZH, "差+1.11个百分点") || !strings.Contains(r.Reason.EN, "+1.11 pp") {
		t.Errorf("task done %g, reason %q / %q; want NaN and the difference +1.11", r.TaskDone, r.Reason.ZH, r.Reason.EN)
	}

	// Needing 1.2 pp more: 1.11 < 1.2 → lagging.
	if r := reviewRel(t, relPlan(Min, 1.2), relEvidence, 2023); r.Category != Lagging || r.AtRisk {
		t.Errorf("needs +1.2 pp: category %s, at risk %v; want lagging, not at risk (expected, not binding)", r.Category, r.AtRisk)
	}
	bp := relPlan(Min, 1.2)
	bp.Indicators[0].Attribute = Binding
	if r := reviewRel(t, bp, relEvidence, 2023); r.Category != Lagging || !r.AtRisk {
		t.Errorf("binding, needs +1.2 pp: category %s, at risk %v; want lagging, at risk", r.Category, r.AtRisk)
	}
	// A huge margin is still not "achieved early" before the target year.
	far := Evidence{"x": {{Year: 2021, Value: 30, Growth: true}}, "y": {{Year: 2021, Value: 1, Growth: true}}}
	if r := reviewRel(t, relPlan(Min, 0), far, 2023); r.Category != OnSchedule {
		t.Errorf("29 pp ahead in 2021: category %s, want on_schedule (never achieved early before 2025)", r.Category)
	}
	// Through the target year the difference is final.
	full := Evidence{}
	for y := 2021; y <= 2025; y++ {
		full["x"] = append(full["x"], ObservedPoint{Year: y, Value: 6, Growth: true})
		full["y"] = append(full["y"], ObservedPoint{Year: y, Value: 5, Growth: true})
	}
	if r := reviewRel(t, relPlan(Min, 0), full, 2025); r.Category != AchievedEarly || math.Abs(r.Observed-1) > 1e-9 {
		t.Errorf("through 2025, 6 %% vs 5 %%: category %s, difference %g; want achieved_early, 1", r.Category, r.Observed)
	}

	refusals := []struct {
		name, refusal, says string
		ev                  Evidence
	}{
		{"no figures of the reference", "no_data", "for GDP (the indicator compared with), the file has no observation", Evidence{"x": relEvidence["x"]}},
		{"no figures of its own", "no_data", "no observation", Evidence{"y": relEvidence["y"]}},
		{"the reference's chain lacks a year", "no_data", "for GDP (the indicator compared with), the file has the 2022 growth rate (comparable prices); the 2021 growth rate is missing, so the 2021–2022 average growth cannot be computed",
			Evidence{"x": relEvidence["x"][:1], "y": relEvidence["y"][1:2]}},
		// x reaches 2022 by an average growth from the base year, y only
		// 2021: each has a year, none in common.
		{"no year in common", "no_data", "0 year(s)", Evidence{"x": {{Year: 2022, From: 2020, Value: 7, Growth: true}}, "y": relEvidence["y"][:1]}},
		{"nominal income against real GDP", "price_basis", "real against real", Evidence{
			"x": {{Year: 2021, Value: 11.0, Growth: true, PriceBasis: "current"}}, "y": relEvidence["y"]}},
		{"income levels of no stated basis against real GDP", "price_basis", "no stated price basis", Evidence{
			"x": {{Year: 2020, Value: 30000}, {Year: 2021, Value: 32000}}, "y": relEvidence["y"]}},
	}
	for _, tt := range refusals {
		t.Run(tt.name, func(t *testing.T) {
			r := reviewRel(t, relPlan(Min, 0), tt.ev, 2023)
			if r.Compared || r.Refusal != tt.refusal || r.Category != InsufficientData {
				t.Errorf("compared %v, refusal %q, category %s; want not compared, %q, insufficient_data (%s)", r.Compared, r.Refusal, r.Category, tt.refusal, r.Reason.EN)
			}
			if !strings.Contains(r.Reason.EN, tt.says) || r.Reason.ZH == "" {
				t.Errorf("reason %q (zh %q) does not say %q", r.Reason.EN, r.Reason.ZH, tt.says)
			}
		})
	}
}

// P(met) of relative targets is the share of draws in which this
// indicator's growth minus the reference's, in the same draw, meets the
// target: checked against Target.MetricVs and Verdict over every draw,
// with the percentiles of the metric, when both indicators are shocked,
// when only one is (the other then deterministic), with a period starting
// after the base year, and for an approx target.
func TestSimulateRelativeTargetsAreExactOverTheDraws(t *testing.T) {
	p := &Plan{ID: "t", BaseYear: 2020, TargetYear: 2025}
	add := func(id string, rate float64, ts ...Target) {
		p.Indicators = append(p.Indicators, &Indicator{ID: id, Direction: Up, Path: Compound,
			Baseline: Baseline{Year: 2020, Value: 10, Known: true},
			Rule:     &Assumption{Rule: RuleCompound, Rate: Flat(rate)}, Targets: ts})
	}
	rel := func(ref string, from int, v float64, b Bound) Target {
		return Target{Year: 2025, From: from, Kind: Growth, Value: v, Bound: b, RelativeTo: ref}
	}
	add("x", 5, rel("y", 2020, 0, Min), rel("y", 2022, 0.3, Approx), rel("w", 2020, 0, Min))
	add("y", 5)
	add("z", 5, rel("x", 2020, 0, Min)) // z unshocked, x shocked
	add("w", 5)                         // unshocked, needed only by x's third target
	u := Uncertainty{Shocks: map[string]ShockSpec{"x": {SD: 1, Rho: 0.3}, "y": {SD: 1.5, DF: 5}},
		Correlations: []Correlation{{"x", "y", 0.5}}}
	pr, err := Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := Compile(pr, u)
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for k, s := range prog.Series {
		col[s.ID] = k
	}
	for _, id := range []string{"x", "y", "z", "w"} {
		if _, ok := col[id]; !ok {
			t.Fatalf("%s is not computed in the draws; a relative target needs it", id)
		}
	}
	for _, draws := range []int{700, 5000} {
		cols := map[int][][]float64{}
		sim := prog.runWith(SimOptions{Draws: draws, Seed: 3, Workers: 2}, func(i int, out [][]float64) {
			for _, c := range out {
				cols[i] = append(cols[i], append([]float64(nil), c...))
			}
		})
		n := 0
		for _, ts := range sim.Targets {
			if !ts.Target.Relative() {
				continue
			}
			n++
			name := fmt.Sprintf("draws %d: %s vs %s from %d", draws, ts.Indicator.ID, ts.Target.RelativeTo, ts.Target.From)
			if !ts.Stochastic {
				t.Errorf("%s: not stochastic", name)
				continue
			}
			k, r := col[ts.Indicator.ID], col[ts.Target.RelativeTo]
			var ms []float64
			met := 0
			for d := 0; d < draws; d++ {
				m, ok := ts.Target.MetricVs(
					func(y int) (float64, bool) { return cols[y-2020][k][d], true },
					func(y int) (float64, bool) { return cols[y-2020][r][d], true })
				if !ok {
					continue
				}
				ms = append(ms, m)
				if ok, _ := ts.Target.Verdict(ts.Indicator, m); ok {
					met++
				}
			}
			if want := float64(met) / float64(draws); ts.PMet != want {
				t.Errorf("%s: P(met) = %v, want %v", name, ts.PMet, want)
			}
			if ts.PMet == 0 || ts.PMet == 1 {
				t.Errorf("%s: P(met) = %v; the case should be uncertain", name, ts.PMet)
			}
			sort.Float64s(ms)
			for j, pc := range Percentiles {
				h := float64(len(ms)-1) * (pc / 100)
				lo := int(h)
				want := ms[lo]
				if f := h - float64(lo); f > 0 && lo+1 < len(ms) {
					want = ms[lo] + f*(ms[lo+1]-ms[lo])
				}
				if ts.Q[j] != want {
					t.Errorf("%s: P%g = %v, want %v (sorted metrics)", name, pc, ts.Q[j], want)
				}
			}
		}
		if n != 4 {
			t.Errorf("draws %d: %d relative targets simulated, want 4", draws, n)
		}
	}
}

// Ex post, a relative target is judged on both indicators' recorded growth
// over its period: 9.6 − 8.9 = +0.7 pp ≥ 0 (the 13th plan's income and
// GDP figures for 2016–2020); with one record missing it is not compared.
func TestExPostRelative(t *testing.T) {
	p := relPlan(Min, 0)
	p.Indicators[0].Observed = []Observation{{Year: 2025, From: 2020, Metric: Growth, Value: 9.6, Known: true, Comparable: true}}
	p.Indicators[1].Observed = []Observation{{Year: 2025, From: 2020, Metric: Growth, Value: 8.9, Known: true, Comparable: true}}
	o := ExPost(p)[0]
	if !o.Compared || !o.Met || math.Abs(o.Observed-0.7) > 1e-9 || o.Delivered != 9.6 || o.Required != 8.9 {
		t.Errorf("outcome %+v, want compared, met, +0.7 pp, delivered 9.6, required 8.9", o)
	}
	p.Indicators[1].Observed = nil
	if o := ExPost(p)[0]; o.Compared || !strings.Contains(o.Reason.EN, "no comparable 2020–2025 growth") {
		t.Errorf("without GDP's record: compared %v, reason %q; want not compared, saying why", o.Compared, o.Reason.EN)
	}
}
