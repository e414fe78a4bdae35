package model

import (
	"math"
	"strings"
	"testing"
)

// reviewPlan is a small synthetic plan, base 2020, target 2025.
func reviewPlan() *Plan {
	return &Plan{ID: "synthetic", BaseYear: 2020, TargetYear: 2025, Indicators: []*Indicator{
		{ID: "gdppc", No: 1, Name: Text{ZH: "人均地区生产总值"}, Direction: Up, Path: Compound, PriceBasis: "2020",
			Baseline: Baseline{Year: 2020, Value: 100, Known: true},
			Targets:  []Target{{Year: 2025, From: 2020, Kind: Level, Value: 200}}},
		{ID: "share", No: 2, Name: Text{ZH: "比重"}, Direction: Up, Path: Linear, Bounded: true, Hi: 100,
			Baseline: Baseline{Year: 2020, Value: 30, Known: true},
			Targets:  []Target{{Year: 2025, From: 2020, Kind: Level, Value: 40}}},
		{ID: "gdp", No: 3, Name: Text{ZH: "地区生产总值"}, Direction: Up, Path: Compound, PriceBasis: "comparable",
			Baseline: Baseline{Year: 2020},
			Targets:  []Target{{Year: 2025, From: 2020, Kind: Growth, Value: 6, Bound: Min}}},
		{ID: "urban", No: 4, Name: Text{ZH: "城镇化率"}, Direction: Up, Path: Linear, Bounded: true, Hi: 100,
			Baseline: Baseline{Year: 2020},
			Targets:  []Target{{Year: 2025, From: 2020, Kind: Change, Value: 5}}},
		{ID: "air", No: 5, Name: Text{ZH: "优良天数"}, Attribute: Binding, Direction: Up, Path: Linear,
			Baseline: Baseline{Year: 2020, Value: 311, Known: true},
			Targets:  []Target{{Year: 2025, From: 2020, Kind: Floor, Value: 300}}},
		{ID: "fdi", No: 6, Name: Text{ZH: "外资"}, Direction: Up, Path: Linear,
			Targets: []Target{{Year: 2025, From: 2020, Kind: Cumulative, Value: 25}}},
	}}
}

func reviewOne(t *testing.T, ev Evidence, id string, asOf int) Review {
	t.Helper()
	p := reviewPlan()
	pr0, err := Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := Project(p, &Scenario{Name: "plan", Observed: ObservedPath(pr0, ev, asOf)})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range ReviewAll(pr, ev, asOf, DefaultReviewThresholds()) {
		if r.Indicator.ID == id {
			return r
		}
	}
	t.Fatalf("no review of %s", id)
	return Review{}
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestReviewNumbers(t *testing.T) {
	tests := []struct {
		name                                string
		id                                  string
		ev                                  Evidence
		asOf                                int
		timeElapsed, taskDone, obsRate, req float64
		rr, ap                              float64
		cat                                 Category
	}{
		{
			// gdppc 100 → 200 (doubling). Observed 2023: 100·2^0.6 = 151.571.
			// time = 3/5 = 0.6; task = ln(1.51571)/ln 2 = 0.6 exactly (log-ratio);
			// observed CAGR = 2^(1/5)−1 = 14.8698 %; required remaining =
			// (200/151.571)^(1/2)−1 = 2^(0.2)−1 = 14.8698 %; RR = 1; AP = 1.
			name: "compound exactly on the plan path", id: "gdppc", asOf: 2023,
			ev:          Evidence{"gdppc": {{Year: 2023, Value: 100 * math.Pow(2, 0.6), PriceBasis: "2020"}}},
			timeElapsed: 0.6, taskDone: 0.6, obsRate: 14.8698355, req: 14.8698355, rr: 1, ap: 1, cat: OnSchedule,
		},
		{
			// share 30 → 40, observed 2023: 37. time 0.6; task (37−30)/10 = 0.7 =
			// time + 0.10 → ahead (boundary, inclusive). observed +7/3 = 2.3333 pp/yr;
			// required (40−37)/2 = 1.5; RR = 2.3333/2 = 1.1667; AP = (37+2×2.3333−30)/10 = 1.1667.
			name: "linear at the ahead boundary", id: "share", asOf: 2023,
			ev:          Evidence{"share": {{Year: 2023, Value: 37}}},
			timeElapsed: 0.6, taskDone: 0.7, obsRate: 7.0 / 3, req: 1.5, rr: 7.0 / 6, ap: 7.0 / 6, cat: Ahead,
		},
		{
			// share observed 2023: 35 → task 0.5 = time − 0.10 → on schedule (boundary).
			// observed 5/3; required 2.5; RR = (5/3)/2 = 0.8333; AP = (35+10/3−30)/10 = 0.8333.
			name: "linear at the lagging boundary", id: "share", asOf: 2023,
			ev:          Evidence{"share": {{Year: 2023, Value: 35}}},
			timeElapsed: 0.6, taskDone: 0.5, obsRate: 5.0 / 3, req: 2.5, rr: 5.0 / 6, ap: 5.0 / 6, cat: OnSchedule,
		},
		{
			// share observed 2023: 34.9 → task 0.49 < 0.5 → lagging. RR = (4.9/3)/2 = 0.81667.
			name: "linear just lagging", id: "share", asOf: 2023,
			ev:          Evidence{"share": {{Year: 2023, Value: 34.9}}},
			timeElapsed: 0.6, taskDone: 0.49, obsRate: 4.9 / 3, req: 5.1 / 2, rr: 4.9 / 6, ap: (34.9 + 2*4.9/3 - 30) / 10, cat: Lagging,
		},
		{
			// share falls to 28: task −0.2; RR = (−2/3)/2 = −0.3333 (moving away);
			// AP = (28 − 4/3 − 30)/10 = −0.3333 (reverse).
			name: "moving away", id: "share", asOf: 2023,
			ev:          Evidence{"share": {{Year: 2023, Value: 28}}},
			timeElapsed: 0.6, taskDone: -0.2, obsRate: -2.0 / 3, req: 6, rr: -1.0 / 3, ap: -1.0 / 3, cat: Lagging,
		},
		{
			// share 41 in 2022: task 1.1 → achieved early.
			name: "achieved early", id: "share", asOf: 2023,
			ev:          Evidence{"share": {{Year: 2022, Value: 41}}},
			timeElapsed: 0.4, taskDone: 1.1, obsRate: 5.5, req: -0.3333333, rr: 5.5 / 2, ap: (41 + 3*5.5 - 30) / 10, cat: AchievedEarly,
		},
		{
			// GDP growth target 6 % a year on an index: growth 8, 3, 5 chained:
			// x_2023 = 100·1.08·1.03·1.05 = 116.802 (closed forms below);
			// goal 100·1.06^5; task = ln(1.16802)/(5·ln 1.06); observed CAGR =
			// 1.16802^(1/3)−1; required = (1.06^5/1.16802)^(1/2)−1; RR = CAGR/6.
			name: "growth rates chained into an index", id: "gdp", asOf: 2023,
			ev: Evidence{"gdp": {{Year: 2021, Value: 8, Growth: true}, {Year: 2022, Value: 3, Growth: true},
				{Year: 2023, Value: 5, Growth: true, PriceBasis: "comparable"}}},
			timeElapsed: 0.6, taskDone: math.Log(1.16802) / (5 * math.Log(1.06)),
			obsRate: 100 * (math.Cbrt(1.16802) - 1), req: 100 * (math.Sqrt(math.Pow(1.06, 5)/1.16802) - 1),
			rr: (math.Cbrt(1.16802) - 1) / 0.06,
			ap: (116.802*math.Pow(math.Cbrt(1.16802), 2) - 100) / (100*math.Pow(1.06, 5) - 100), cat: OnSchedule,
		},
		{
			// urbanization +5 pp with no plan baseline: the file's rebased 2020 (66.2)
			// across a break in 2021; 2023 68.3 → task 2.1/5 = 0.42 → lagging (< 0.5).
			name: "break with a rebased baseline", id: "urban", asOf: 2023,
			ev: Evidence{"urban": {{Year: 2020, Value: 66.2, Rebased: true}, {Year: 2021, Value: 67, Break: true},
				{Year: 2023, Value: 68.3}}},
			timeElapsed: 0.6, taskDone: 0.42, obsRate: 0.7, req: 1.45, rr: 0.7, ap: 0.7, cat: Lagging,
		},
		{
			// cumulative 25 over 2021–2025: flows 4.1, 3.2, 3.6 = 10.9; task 0.436;
			// observed 3.6333/yr; required (25−10.9)/2 = 7.05; RR = 3.6333/5 = 0.72667.
			name: "cumulative flows", id: "fdi", asOf: 2023,
			ev:          Evidence{"fdi": {{Year: 2021, Value: 4.1}, {Year: 2022, Value: 3.2}, {Year: 2023, Value: 3.6}}},
			timeElapsed: 0.6, taskDone: 0.436, obsRate: 10.9 / 3, req: 7.05, rr: 10.9 / 15, ap: (10.9 + 2*10.9/3) / 25, cat: Lagging,
		},
	}
	const tol = 1e-5 // the hand computations above carry 6 significant digits
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := reviewOne(t, tt.ev, tt.id, tt.asOf)
			if !r.Compared {
				t.Fatalf("not compared: %s", r.Reason.EN)
			}
			got := []float64{r.TimeElapsed, r.TaskDone, r.ObservedRate, r.RequiredRemaining, r.RatioRR, r.Anticipated}
			want := []float64{tt.timeElapsed, tt.taskDone, tt.obsRate, tt.req, tt.rr, tt.ap}
			names := []string{"time elapsed", "task done", "observed rate", "required remaining", "RR", "AP"}
			for i := range got {
				if !near(got[i], want[i], tol*math.Max(1, math.Abs(want[i]))) {
					t.Errorf("%s = %.7g, want %.7g", names[i], got[i], want[i])
				}
			}
			if r.Category != tt.cat {
				t.Errorf("category = %s, want %s (%s)", r.Category, tt.cat, r.Reason.EN)
			}
		})
	}
}

func TestReviewRefusals(t *testing.T) {
	tests := []struct {
		name, id, refusal, says string
		ev                      Evidence
	}{
		{"current prices against a 2020-price target", "gdppc", "price_basis", "current prices",
			Evidence{"gdppc": {{Year: 2022, Value: 130, PriceBasis: "current", Row: 4}}}},
		{"no price basis stated for a priced level", "gdppc", "price_basis", "states no price basis",
			Evidence{"gdppc": {{Year: 2022, Value: 130, Row: 4}}}},
		{"nominal growth against a comparable-price target", "gdp", "price_basis", "current prices",
			Evidence{"gdp": {{Year: 2021, Value: 9, Growth: true, PriceBasis: "current", Row: 2}}}},
		{"break without a rebased baseline", "share", "break", "rebased",
			Evidence{"share": {{Year: 2022, Value: 36, Break: true, Row: 3}, {Year: 2023, Value: 37}}}},
		{"growth chained across a break", "gdp", "break", "cannot be chained",
			Evidence{"gdp": {{Year: 2021, Value: 8, Growth: true}, {Year: 2022, Value: 3, Growth: true, Break: true}}}},
		{"no observation", "share", "no_data", "no observation", Evidence{}},
		{"only observations after as-of", "share", "no_data", "no observation", Evidence{"share": {{Year: 2024, Value: 38}}}},
		{"change target with no baseline anywhere", "urban", "no_baseline", "add a 2020 row", Evidence{"urban": {{Year: 2022, Value: 68}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := reviewOne(t, tt.ev, tt.id, 2023)
			if r.Compared || r.Refusal != tt.refusal || r.Category != InsufficientData {
				t.Errorf("compared %v, refusal %q, category %s; want not compared, %q, insufficient_data", r.Compared, r.Refusal, r.Category, tt.refusal)
			}
			if !strings.Contains(r.Reason.EN, tt.says) || r.Reason.ZH == "" {
				t.Errorf("reason %q (zh %q) does not say %q", r.Reason.EN, r.Reason.ZH, tt.says)
			}
			if !math.IsNaN(r.TaskDone) {
				t.Errorf("task done = %g for a refused target, want NaN", r.TaskDone)
			}
		})
	}
}

func TestReviewFloorBroken(t *testing.T) {
	// air ≥ 300: 322, 297, 318 → broken in 2022, so lagging and, binding, at risk.
	r := reviewOne(t, Evidence{"air": {{Year: 2021, Value: 322}, {Year: 2022, Value: 297}, {Year: 2023, Value: 318}}}, "air", 2023)
	if r.Category != Lagging || !r.AtRisk || !strings.Contains(r.Reason.EN, "2022") {
		t.Errorf("category %s, at risk %v, reason %q; want lagging, at risk, naming 2022", r.Category, r.AtRisk, r.Reason.EN)
	}
	r = reviewOne(t, Evidence{"air": {{Year: 2021, Value: 322}, {Year: 2022, Value: 300}}}, "air", 2023)
	if r.Category != OnSchedule || r.AtRisk {
		t.Errorf("held floor: category %s, at risk %v; want on_schedule, not at risk", r.Category, r.AtRisk)
	}
}

func TestReviewBindingFirst(t *testing.T) {
	p := reviewPlan()
	pr, _ := Project(p, nil)
	rs := ReviewAll(pr, Evidence{}, 2023, DefaultReviewThresholds())
	if rs[0].Indicator.ID != "air" {
		t.Errorf("first row is %s, want the binding target air", rs[0].Indicator.ID)
	}
}

func TestReviewProjectionContinuesFromObservation(t *testing.T) {
	// share 30 → 40 on the plan path (+2/yr). Observed 2023: 33; the plan
	// path continues at +2/yr: 2025 = 37 → not met.
	r := reviewOne(t, Evidence{"share": {{Year: 2023, Value: 33}}}, "share", 2023)
	if !r.ProjectedOK || !near(r.Projected, 37, 1e-9) || r.ProjectedMet {
		t.Errorf("projected %g (ok %v, met %v), want 37, not met", r.Projected, r.ProjectedOK, r.ProjectedMet)
	}
}

func TestClassify(t *testing.T) {
	th := DefaultReviewThresholds()
	tests := []struct {
		task, time float64
		want       Category
	}{
		{1, 0.6, AchievedEarly}, {0.7, 0.6, Ahead}, {0.69, 0.6, OnSchedule}, {0.5, 0.6, OnSchedule},
		{0.49, 0.6, Lagging}, {math.NaN(), 0.6, InsufficientData},
	}
	for _, tt := range tests {
		if got := Classify(tt.task, tt.time, th); got != tt.want {
			t.Errorf("Classify(%g, %g) = %s, want %s", tt.task, tt.time, got, tt.want)
		}
	}
	// Eurostat cut-offs (open-sdg/sdg-build ProgressMeasure.py) and ESCAP's AP reading.
	for rr, want := range map[float64]string{0.95: "significant", 0.949: "moderate", 0.6: "moderate", 0.59: "insufficient", 0: "insufficient", -0.01: "moving_away"} {
		if got := EurostatClass(rr); got != want {
			t.Errorf("EurostatClass(%g) = %s, want %s", rr, got, want)
		}
	}
	for ap, want := range map[float64]string{1: "maintain", 0.5: "accelerate", 0: "reverse", -1: "reverse"} {
		if got := ESCAPClass(ap); got != want {
			t.Errorf("ESCAPClass(%g) = %s, want %s", ap, got, want)
		}
	}
}
