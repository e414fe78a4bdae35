package charts

import (
	"math"
	"testing"

	"fyp/model"
	"fyp/seeds"
)

func load(t testing.TB, id string) *model.Plan {
	t.Helper()
	p, err := seeds.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func planProjection(t testing.TB) *model.Projection {
	t.Helper()
	pr, err := model.Project(load(t, "jiangjin-14"), nil)
	if err != nil {
		t.Fatal(err)
	}
	return pr
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestPathOf(t *testing.T) {
	pr := planProjection(t)
	type mark struct {
		year int
		v    float64
	}
	tests := []struct {
		name    string
		id      string
		scale   model.Scale
		history []YearValue
		targets []mark
		bands   int
	}{
		// jiangjin-14.yaml row 2: 7.9 in 2020, 10 in 2025; 2035 doubles the
		// 2020 level: 2 × 7.9 = 15.8 (DOMAIN.md §1).
		{"per-capita GDP", "gdp_per_capita", model.ScaleLevel, []YearValue{{2020, 7.9}}, []mark{{2025, 10}, {2035, 15.8}}, 0},
		// Forest coverage: 46.5 in 2015 and 51.8 in 2020 from the 13th plan's
		// record (jiangjin-13.yaml row 17.1; 2020 is the 14th plan's baseline), target 54.
		{"forest from the 13th plan", "forest_coverage", model.ScaleLevel, []YearValue{{2015, 46.5}, {2020, 51.8}}, []mark{{2025, 54}}, 0},
		// GDP has no printed level: index 2020 = 100; growth ≥ 6 %/yr for 5
		// years gives 100 × 1.06^5 = 133.8226 (closed form).
		{"GDP index", "gdp", model.ScaleIndex, []YearValue{{2020, 100}}, []mark{{2025, 133.8226}}, 0},
		// Urbanization: +5 pp with no 2020 level: change series from 0.
		{"urbanization change", "urbanization_rate", model.ScaleChange, []YearValue{{2020, 0}}, []mark{{2025, 5}}, 0},
		// Good-air days: a floor of 300 held every year (row 24), no marker.
		{"floor band", "good_air_days", model.ScaleLevel, []YearValue{{2020, 311}}, nil, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := PathOf(tc.id, []*model.Projection{pr}, "zh")
			if err != nil {
				t.Fatal(err)
			}
			if d.Scale != tc.scale {
				t.Errorf("scale = %s, want %s", d.Scale, tc.scale)
			}
			if len(d.History) != len(tc.history) {
				t.Fatalf("history = %v, want %v", d.History, tc.history)
			}
			for i, h := range tc.history {
				if d.History[i].Year != h.Year || !near(d.History[i].Value, h.Value, 1e-9) {
					t.Errorf("history[%d] = %v, want %v", i, d.History[i], h)
				}
			}
			if len(d.Targets) != len(tc.targets) {
				t.Fatalf("targets = %v, want %v", d.Targets, tc.targets)
			}
			for i, m := range tc.targets {
				if d.Targets[i].Year != m.year || !near(d.Targets[i].Value, m.v, 1e-4) {
					t.Errorf("target[%d] = %d %v, want %d %v", i, d.Targets[i].Year, d.Targets[i].Value, m.year, m.v)
				}
			}
			if len(d.Bands) != tc.bands {
				t.Errorf("bands = %v, want %d", d.Bands, tc.bands)
			}
			if len(d.Lines) != 1 || d.Lines[0].Scenario != "plan" {
				t.Errorf("lines = %v, want the plan's", d.Lines)
			}
		})
	}
	if _, err := PathOf("no_such", []*model.Projection{pr}, "zh"); err == nil {
		t.Error("PathOf(no_such) = nil error")
	}
	if _, err := PathOf("gdp", nil, "zh"); err == nil {
		t.Error("PathOf with no projection = nil error")
	}
}

func TestPathOfFloorBand(t *testing.T) {
	d, err := PathOf("good_air_days", []*model.Projection{planProjection(t)}, "en")
	if err != nil {
		t.Fatal(err)
	}
	// jiangjin-14.yaml row 24: ≥ 300 days from 2020 to 2025.
	b := d.Bands[0]
	if !b.Floor || b.Bound != 300 || b.From != 2020 || b.To != 2025 {
		t.Errorf("band = %+v, want floor 300 over 2020–2025", b)
	}
}

// A target relative to another indicator fixes no level: the path chart
// marks no target for it and says what it asks in a note.
func TestPathOfRelativeTarget(t *testing.T) {
	d, err := PathOf("income", []*model.Projection{planProjection(t)}, "zh")
	if err != nil {
		t.Fatal(err)
	}
	// Only the 7 % growth target is marked: 100·1.07⁵ on the index.
	if len(d.Targets) != 1 || !near(d.Targets[0].Value, 100*math.Pow(1.07, 5), 1e-9) {
		t.Errorf("targets = %+v, want the 7 %% growth target only", d.Targets)
	}
	want := "2025年目标：2020—2025年均增速不低于地区生产总值增速（相对目标，不标为水平）"
	found := false
	for _, n := range d.Notes {
		found = found || n == want
	}
	if !found {
		t.Errorf("notes = %q, want %q", d.Notes, want)
	}
}

func TestReachOf(t *testing.T) {
	pr := planProjection(t)
	rows := ReachOf(model.Assess(pr), "zh")
	// 29 main-table rows; rows 2, 4, 11 and 19 carry two targets each
	// (row 11's second: income growth not below GDP growth, 第一章第四节).
	if len(rows) != 33 {
		t.Fatalf("len(rows) = %d, want 33", len(rows))
	}
	var rel []ReachRow
	for _, r := range rows {
		if r.Versus != "" {
			rel = append(rel, r)
		}
	}
	// Income's pace against the 6 %/yr it needs to keep up with GDP's plan
	// path: assumed 7 (its own 7 % target), historical 9.6 (2016–2020).
	if len(rel) != 1 || rel[0].No != 11 || rel[0].Versus != "地区生产总值" || !near(rel[0].Required, 6, 1e-9) ||
		!near(rel[0].RelAssumed, 7.0/6, 1e-9) || !near(rel[0].RelHist, 9.6/6, 1e-9) {
		t.Errorf("relative rows = %+v, want row 11 vs 地区生产总值, required 6, assumed 7/6, historical 9.6/6", rel)
	}
	byNo := map[int]ReachRow{}
	for _, r := range rows {
		if _, ok := byNo[r.No]; !ok {
			byNo[r.No] = r
		}
	}
	gdp := byNo[1]
	// Row 1: growth ≥ 6 %/yr; historical 8.9 %/yr (2016–2020, the table's base cell).
	if gdp.Required != 6 || !near(gdp.RelAssumed, 1, 1e-9) || !near(gdp.RelHist, 8.9/6, 1e-9) || gdp.Verdict != VerdictMet {
		t.Errorf("gdp row = %+v", gdp)
	}
	if r := byNo[24]; r.Note == "" || !r.Binding || !math.IsNaN(r.RelAssumed) {
		t.Errorf("good-air floor row = %+v, want a note, binding, no pace", r)
	}
	if r := byNo[26]; r.Verdict != VerdictDelegated {
		t.Errorf("energy intensity verdict = %s, want delegated", r.Verdict)
	}
	if r := byNo[13]; r.Verdict != VerdictNoData {
		t.Errorf("unemployment verdict = %s, want no data", r.Verdict)
	}
}

func TestRecordOf(t *testing.T) {
	rows := RecordOf(load(t, "jiangjin-13"), "zh")
	find := func(label string) RecordRow {
		for _, r := range rows {
			if r.Label == label {
				return r
			}
		}
		t.Fatalf("no row %s", label)
		return RecordRow{}
	}
	tests := []struct {
		name    string
		label   string
		verdict Verdict
		ratio   float64 // outcome / target; NaN when not compared
	}{
		// DOMAIN.md §8: forest coverage target 54, reached 51.8.
		{"forest missed", "森林覆盖率", VerdictMissed, 51.8 / 54},
		// GDP ≈9 %/yr, 8.9 achieved: within the 2 % tolerance of 左右.
		{"gdp about", "地区生产总值", VerdictMet, 8.9 / 9},
		// 口径调整: 21 printed on another definition, never compared.
		{"not comparable", "战略性新兴产业产值占规模工业总产值比重", VerdictNoData, math.NaN()},
		{"delegated", "耕地保有量", VerdictDelegated, math.NaN()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := find(tc.label)
			if r.Verdict != tc.verdict {
				t.Errorf("verdict = %s, want %s", r.Verdict, tc.verdict)
			}
			if math.IsNaN(tc.ratio) != math.IsNaN(r.Ratio) || (!math.IsNaN(tc.ratio) && !near(r.Ratio, tc.ratio, 1e-12)) {
				t.Errorf("ratio = %v, want %v", r.Ratio, tc.ratio)
			}
			if tc.verdict == VerdictNoData && r.Note == "" {
				t.Error("a row without outcome has no note")
			}
		})
	}
}

func TestTornadoOrder(t *testing.T) {
	in := []TornadoBar{{Label: "b", Low: 9.9, High: 10.1}, {Label: "a", Low: 10.3, High: 9.7}, {Label: "c", Low: 9.5, High: 10.5}, {Label: "d", Low: 9.9, High: 10.1}}
	got := TornadoOrder(in)
	want := []string{"c", "a", "b", "d"} // widths 1.0, 0.6, 0.2, 0.2 (ties by label)
	for i, w := range want {
		if got[i].Label != w {
			t.Errorf("order[%d] = %s, want %s", i, got[i].Label, w)
		}
	}
	if in[0].Label != "b" {
		t.Error("TornadoOrder changed its input")
	}
}

func TestFanCheck(t *testing.T) {
	ok := FanInput{Indicator: "x", Years: []int{2020, 2021}, P5: []float64{1, 1}, P25: []float64{1, 2}, P50: []float64{1, 3}, P75: []float64{1, 4}, P95: []float64{1, 5}, PMet: 0.5}
	tests := []struct {
		name   string
		mutate func(*FanInput)
		bad    bool
	}{
		{"valid", func(*FanInput) {}, false},
		{"one year", func(f *FanInput) { f.Years = f.Years[:1] }, true},
		{"short band", func(f *FanInput) { f.P25 = f.P25[:1] }, true},
		{"out of order", func(f *FanInput) { f.P75 = []float64{1, 2.5} }, true},
		{"NaN", func(f *FanInput) { f.P50 = []float64{1, math.NaN()} }, true},
		{"years backwards", func(f *FanInput) { f.Years = []int{2021, 2020} }, true},
		{"P(met) above 1", func(f *FanInput) { f.PMet = 1.2 }, true},
		{"P(met) unknown", func(f *FanInput) { f.PMet = math.NaN() }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := ok
			tc.mutate(&f)
			if err := f.Check(); (err != nil) != tc.bad {
				t.Errorf("Check() = %v, want error %v", err, tc.bad)
			}
		})
	}
}

func TestFanTitle(t *testing.T) {
	f := FanInput{Indicator: "人均地区生产总值", TargetYear: 2025, PMet: 0.62, PMetSE: 0.0153}
	if got, want := FanTitle(f, "zh"), "人均地区生产总值：2025年目标达成概率 62%（±1.5）"; got != want {
		t.Errorf("FanTitle(zh) = %q, want %q", got, want)
	}
	f.Indicator, f.PMetSE = "GDP per capita", 0
	if got, want := FanTitle(f, "en"), "GDP per capita: probability of meeting the 2025 target 62%"; got != want {
		t.Errorf("FanTitle(en) = %q, want %q", got, want)
	}
	f.PMet = math.NaN()
	if got := FanTitle(f, "en"); got != "GDP per capita" {
		t.Errorf("FanTitle without P = %q", got)
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"亿元 no spurious decimals", fmtUnit(650.0000001, "亿元"), "650"},
		{"share one decimal", fmtUnit(51.84, "%"), "51.8"},
		{"small level two decimals", fmtUnit(1.896, "倍"), "1.9"},
		{"index", fmtUnit(133.8226, "指数"), "134"},
		{"NaN", fmtUnit(math.NaN(), "%"), "—"},
		{"negative zero", fmtNum(-0.0001, 2), "0"},
		{"pace small", fmtSig(-0.00421), "-0.0042"},
		{"pace", fmtSig(46.14), "46.1"},
		{"pace mid", fmtSig(4.8331), "4.83"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

func TestScenarioColor(t *testing.T) {
	order := []string{"plan", "downturn", "record"}
	if ScenarioColor("plan", order) != okBlue {
		t.Error("plan is not blue")
	}
	if ScenarioColor("downturn", order) != okOrange || ScenarioColor("record", order) != okGreen {
		t.Error("scenarios not coloured in Okabe–Ito order")
	}
	if ScenarioColor("other", order) != ScenarioColor("other", nil) {
		t.Error("an unlisted scenario's colour depends on the list")
	}
}

func TestTokens(t *testing.T) {
	got := tokens("数据 source: x")
	want := []string{"数", "据", " ", "source: ", "x"}
	if len(got) != len(want) {
		t.Fatalf("tokens = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("tokens[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}
