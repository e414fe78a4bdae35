package charts

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

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
		done    float64 // task completion; NaN when not a share
	}{
		// DOMAIN.md §8: forest coverage target 54, reached 51.8, from 46.5 in
		// 2015 (jiangjin-13.yaml row 17.1): (51.8−46.5)/(54−46.5) = 70.7 %,
		// not the 95.9 % of outcome ÷ target.
		{"forest missed", "森林覆盖率", VerdictMissed, 51.8 / 54, (51.8 - 46.5) / (54 - 46.5)},
		// GDP ≈9 %/yr, 8.9 achieved: within the 2 % tolerance of 左右;
		// task done ln 1.089 / ln 1.09.
		{"gdp about", "地区生产总值", VerdictMet, 8.9 / 9, math.Log(1.089) / math.Log(1.09)},
		// 口径调整: 21 printed on another definition, never compared.
		{"not comparable", "战略性新兴产业产值占规模工业总产值比重", VerdictNoData, math.NaN(), math.NaN()},
		{"delegated", "耕地保有量", VerdictDelegated, math.NaN(), math.NaN()},
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
			if math.IsNaN(tc.done) != math.IsNaN(r.Completion) || (!math.IsNaN(tc.done) && !near(r.Completion, tc.done, 1e-12)) {
				t.Errorf("completion = %v, want %v", r.Completion, tc.done)
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
		{"亿元 no spurious decimals", Value(650.0000001), "650"},
		{"NaN", Value(math.NaN()), "—"},
		{"negative zero", fmtNum(-0.0001, 2), "0"},
		{"pace small, one minus sign", Pace(-0.00421, model.RateUnits), "−0.004"},
		{"thousands", fmtNum(29213.456, 1), "29,213.5"},
		{"thousands negative", fmtNum(-1234567, 0), "−1,234,567"},
		{"below a thousand", fmtNum(999.5, 1), "999.5"},
		// The tables' decimals (cmd/fyp fmtPace): two for % a year, three
		// signed for steps.
		{"pace", Pace(46.14, model.RatePct), "46.14%"},
		{"pace mid", Pace(4.8331, model.RatePct), "4.83%"},
		{"pace step", Pace(0.94, model.RateUnits), "+0.94"},
		// The tables' levels (cmd/fyp fmtValue): precision by size.
		{"value large", Value(1173), "1,173"},
		{"value index", Value(133.8226), "133.8"},
		{"value share", Value(62.94), "62.94"},
		{"value small", Value(0.12345), "0.1235"},
		{"probability", Prob(0.4932), "49.3%"},
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

// Beyond the plan's target year a path is drawn only where a target says
// something (per-capita GDP's 2035 goal); a scenario's own rule carried past
// the last target is an extrapolation kept apart, and never sizes the axis.
func TestPathStopsAtLastTarget(t *testing.T) {
	p := load(t, "jiangjin-14")
	pr, err := model.Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	// A pace of 46 % a year carried to 2035 would put the index at
	// 100·1.46¹⁵ ≈ 29,000 and squash the 2025 target of 249.
	fast := &model.Scenario{Name: "fast", Assumptions: map[string]model.Assumption{
		"digital_economy_va": {Rule: model.RuleCompound, Rate: model.Flat(46)}}}
	pf, err := model.Project(p, fast)
	if err != nil {
		t.Fatal(err)
	}
	d, err := PathOf("digital_economy_va", []*model.Projection{pr, pf}, "zh")
	if err != nil {
		t.Fatal(err)
	}
	if d.End != 2025 {
		t.Fatalf("End = %d, want 2025 (the plan's only target year for the digital economy)", d.End)
	}
	for _, l := range d.Lines {
		for _, pt := range l.Points {
			if pt.Year > 2025 {
				t.Errorf("%s: solid path value in %d after the last target", l.Scenario, pt.Year)
			}
		}
	}
	for _, pt := range d.PlanPath {
		if pt.Year > 2025 {
			t.Errorf("plan path value in %d after the last target", pt.Year)
		}
	}
	if len(d.Lines[0].Extrap) != 0 {
		t.Errorf("plan's rates extrapolated: %v", d.Lines[0].Extrap)
	}
	if ex := d.Lines[1].Extrap; len(ex) == 0 || ex[0].Year != 2025 || ex[len(ex)-1].Year != 2035 {
		t.Errorf("fast scenario's extrapolation = %v, want 2025…2035", ex)
	}
	// Axis: the highest drawn value up to 2025 is 100·1.46⁵ = 663.4 (closed form).
	if _, hi := d.Range(); !near(hi, 100*math.Pow(1.46, 5), 1e-6) {
		t.Errorf("axis max = %v, want %v (never the extrapolation)", hi, 100*math.Pow(1.46, 5))
	}
	// Per-capita GDP has a 2035 goal: its paths run to 2035.
	g, err := PathOf("gdp_per_capita", []*model.Projection{pr}, "zh")
	if err != nil {
		t.Fatal(err)
	}
	if pts := g.Lines[0].Points; g.End != 2035 || pts[len(pts)-1].Year != 2035 {
		t.Errorf("gdp_per_capita: End %d, last point %v, want 2035", g.End, pts[len(pts)-1])
	}
}

// A fan chart never shows 100 % for a target no shock reaches, and says
// when P ≈ 50 % is a matter of construction.
func TestFanHonesty(t *testing.T) {
	f := FanInput{Indicator: "森林覆盖率", TargetYear: 2025, PMet: math.NaN(), NotModelled: true}
	if got, want := FanTitle(f, "zh"), "森林覆盖率：2025年目标达成概率 未建模"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	on := FanInput{Indicator: "x", TargetYear: 2025, PMet: 0.5, OnPath: true, Assumed: true}
	notes := FanNotes(on, "en")
	if len(notes) != 2 || !strings.Contains(notes[0], "by construction") || !strings.Contains(notes[1], "assumptions") {
		t.Errorf("notes = %q, want the by-construction and the assumed-volatility notes", notes)
	}
}

// A share's axis never passes 100 %, whatever a scenario does.
func TestShareAxisAtMost100(t *testing.T) {
	p := load(t, "jiangjin-14")
	pr, err := model.Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Forest coverage at +5 pp a year would pass 100 % by 2035 were it not
	// clamped; the axis must stop at 100 either way.
	up, err := model.Project(p, &model.Scenario{Name: "up", Assumptions: map[string]model.Assumption{
		"forest_coverage": {Rule: model.RuleLinear, Step: model.Flat(9)}}})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ind := range p.Indicators {
		if ind.Unit.ZH != "%" || !ind.InTable() {
			continue
		}
		d, err := PathOf(ind.ID, []*model.Projection{pr, up}, "zh")
		if err != nil || d.Scale != model.ScaleLevel {
			continue
		}
		n++
		if lo, hi := d.Axis(); hi > 100 || lo < 0 {
			t.Errorf("%s: axis %v…%v, want within 0…100", ind.ID, lo, hi)
		}
	}
	if n < 3 {
		t.Fatalf("only %d share charts checked", n)
	}
}

// Recorded values are never joined across a change of definition: a base
// year restated by a review (forest coverage 52.5 instead of the printed
// 51.8) breaks the line from the 13th plan's 2015 value.
func TestPathBreakNotJoined(t *testing.T) {
	p := load(t, "jiangjin-14")
	pr, err := model.Project(p, &model.Scenario{Name: "plan", Observed: map[string]map[int]float64{"forest_coverage": {2020: 52.5}}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := PathOf("forest_coverage", []*model.Projection{pr}, "zh")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Breaks) != 1 || d.Breaks[0] != 2020 {
		t.Fatalf("breaks = %v, want [2020]", d.Breaks)
	}
	segs := segments(d.History, d.Breaks)
	if len(segs) != 2 || segs[0][len(segs[0])-1].Year != 2015 || segs[1][0].Year != 2020 {
		t.Errorf("segments = %v, want 2015 apart from 2020", segs)
	}
	// The printed base agrees with the 13th plan's outcome (51.8): no break.
	plain, err := PathOf("forest_coverage", []*model.Projection{planProjection(t)}, "zh")
	if err != nil {
		t.Fatal(err)
	}
	if len(plain.Breaks) != 0 {
		t.Errorf("breaks = %v, want none", plain.Breaks)
	}
}

// A five-year sum (实际利用外资 [25], jiangjin-14.yaml row 21) is drawn as
// running sums that reach the target at 2025, not as a yearly average.
func TestCumulativeRunningSum(t *testing.T) {
	d, err := PathOf("fdi", []*model.Projection{planProjection(t)}, "zh")
	if err != nil {
		t.Fatal(err)
	}
	if d.CumulativeFrom != 2020 || len(d.Targets) != 1 || d.Targets[0].Value != 25 || d.Targets[0].Year != 2025 {
		t.Fatalf("cumulative from %d, targets %+v; want from 2020 and 25 in 2025", d.CumulativeFrom, d.Targets)
	}
	pts := d.PlanPath
	if pts[0].Year != 2020 || pts[0].Value != 0 {
		t.Errorf("running sum starts %v, want 0 in 2020", pts[0])
	}
	// The plan path spreads the sum evenly: 25 by 2025 (tolerance 1e-9).
	if last := pts[len(pts)-1]; last.Year != 2025 || !near(last.Value, 25, 1e-9) {
		t.Errorf("plan path's running sum ends %v, want 25 in 2025", last)
	}
	for i := 1; i < len(pts); i++ {
		if pts[i].Value < pts[i-1].Value {
			t.Errorf("running sum falls at %d", pts[i].Year)
		}
	}
}

// A floor band's colour is no scenario's colour.
func TestBandColourNotAScenario(t *testing.T) {
	for i, c := range append([]color.Color{okBlue}, scenarioColors...) {
		if c == bandFill || fade(c, 0.22) == bandFill {
			t.Errorf("scenario colour %d is the band's", i)
		}
	}
}

// Scenarios that leave an indicator on the same path are drawn once, and
// a note names them.
func TestCoincidingScenariosDrawnOnce(t *testing.T) {
	p := load(t, "jiangjin-14")
	pr, err := model.Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Neither scenario sets a rule for the digital economy: both follow
	// the plan path, as the plan's own rules do.
	a, _ := model.Project(p, &model.Scenario{Name: "a", Title: model.Text{ZH: "甲"}, Assumptions: map[string]model.Assumption{"gdp": {Rule: model.RuleCompound, Rate: model.Flat(5)}}})
	b, _ := model.Project(p, &model.Scenario{Name: "b", Title: model.Text{ZH: "乙"}, Assumptions: map[string]model.Assumption{"gdp": {Rule: model.RuleCompound, Rate: model.Flat(7)}}})
	d, err := PathOf("digital_economy_va", []*model.Projection{pr, a, b}, "zh")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Lines) != 1 || d.Lines[0].Scenario != "plan" {
		t.Fatalf("lines = %d (%v), want the plan's only", len(d.Lines), d.Lines)
	}
	want := "甲、乙与规划自身速度的路径相同，只画一条"
	if !strings.Contains(strings.Join(d.Notes, "\n"), want) {
		t.Errorf("notes = %q, want %q", d.Notes, want)
	}
	g, err := PathOf("gdp", []*model.Projection{pr, a, b}, "zh")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Lines) != 3 {
		t.Errorf("gdp: %d lines, want 3 distinct", len(g.Lines))
	}
}

// A label is put beside its point where no line passes: with a line
// through the upper left (the first choice), it moves elsewhere, and two
// labels at one point never overlap.
func TestLabelsAvoidLines(t *testing.T) {
	th := newTheme(mustEmbedded(t), Options{})
	id := func(v float64) vg.Length { return vg.Length(v) }
	area := vg.Rectangle{Max: vg.Point{X: 400, Y: 300}}
	pl := &placed{pts: plotter.XYs{{X: 200, Y: 150}, {X: 200, Y: 150}}, txt: []string{"2025年目标 ≥134", "2025年目标 ≥134"},
		sty: th.style(sizeNote, okVermilion), lines: []plotter.XYs{{{X: 100, Y: 100}, {X: 200, Y: 150}, {X: 100, Y: 200}}}}
	rs := pl.place(area, id, id)
	for i, r := range rs {
		for _, l := range pl.lines {
			for k := 1; k < len(l); k++ {
				if crosses(r, vg.Point{X: vg.Length(l[k-1].X), Y: vg.Length(l[k-1].Y)}, vg.Point{X: vg.Length(l[k].X), Y: vg.Length(l[k].Y)}) {
					t.Errorf("label %d at %v lies on the line", i, r)
				}
			}
		}
	}
	if overlap(rs[0], rs[1]) {
		t.Errorf("labels overlap: %v, %v", rs[0], rs[1])
	}
}

func mustEmbedded(t *testing.T) *Font {
	f, err := EmbeddedFont()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestRangeDash(t *testing.T) {
	if got := rangeDash("2021–2023年均守住下限—", "zh"); got != "2021—2023年均守住下限—" {
		t.Errorf("zh: %q", got)
	}
	if got := rangeDash("average growth 2020—2025, 5%–95%", "en"); got != "average growth 2020–2025, 5%–95%" {
		t.Errorf("en: %q", got)
	}
}

// A chart row shows the plan's short name where it gives one, else the
// full name on two lines: never cut short with "…".
func TestRowNamesNeverTruncated(t *testing.T) {
	ind := &model.Indicator{Name: model.Text{ZH: "每千人口拥有3岁以下婴幼儿托位数", EN: "Childcare places for children under three per 1000 people"}}
	if got := shorten(RowName(ind, "zh"), "zh"); strings.Contains(got, "…") || strings.ReplaceAll(got, "\n", "") != ind.Name.ZH {
		t.Errorf("zh row = %q, want the whole name", got)
	}
	if got := shorten(RowName(ind, "en"), "en"); strings.Contains(got, "…") || strings.ReplaceAll(got, "\n", " ") != ind.Name.EN {
		t.Errorf("en row = %q, want the whole name", got)
	}
	ind.Short = model.Text{ZH: "婴幼儿托位", EN: "Childcare places"}
	if RowName(ind, "zh") != "婴幼儿托位" || RowName(ind, "en") != "Childcare places" {
		t.Errorf("short names not used: %q, %q", RowName(ind, "zh"), RowName(ind, "en"))
	}
}

func TestCrosses(t *testing.T) {
	r := vg.Rectangle{Min: vg.Point{X: 10, Y: 10}, Max: vg.Point{X: 20, Y: 20}}
	tests := []struct {
		name string
		a, b vg.Point
		want bool
	}{
		{"through", vg.Point{X: 0, Y: 15}, vg.Point{X: 30, Y: 15}, true},
		{"inside", vg.Point{X: 12, Y: 12}, vg.Point{X: 13, Y: 13}, true},
		{"beside", vg.Point{X: 0, Y: 25}, vg.Point{X: 30, Y: 25}, false},
		{"diagonal past the corner", vg.Point{X: 0, Y: 21}, vg.Point{X: 11, Y: 32}, false},
		{"far off the plot", vg.Point{X: 0, Y: 0}, vg.Point{X: 1e9, Y: 1e9}, true},
	}
	for _, tc := range tests {
		if got := crosses(r, tc.a, tc.b); got != tc.want {
			t.Errorf("%s: crosses = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// A recorded value on the wrong side of a floor is marked as a breach:
// good-air days 297 in 2022 against the floor of 300 (jiangjin-14.yaml
// row 24; the value is the synthetic example's).
func TestPathMarksBreach(t *testing.T) {
	p := load(t, "jiangjin-14")
	pr, err := model.Project(p, &model.Scenario{Name: "plan", Observed: map[string]map[int]float64{"good_air_days": {2021: 322, 2022: 297}}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := PathOf("good_air_days", []*model.Projection{pr}, "zh")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Breaches) != 1 || d.Breaches[0] != (YearValue{2022, 297}) {
		t.Errorf("breaches = %v, want 2022: 297", d.Breaches)
	}
}

func TestDrawable(t *testing.T) {
	if drawable(vg.Rectangle{Min: vg.Point{X: 0, Y: vg.Length(math.Inf(-1))}, Max: vg.Point{X: 10, Y: 10}}) {
		t.Error("an infinite rectangle is drawable")
	}
	if !drawable(vg.Rectangle{Max: vg.Point{X: 10, Y: 10}}) {
		t.Error("a 10×10 rectangle is not drawable")
	}
}

// The record shows every compared target's verdict: a five-year sum gets a
// bar (outcome ÷ target, its base being 0), and a target without a bar (a
// level without a base value: 空气质量优良天数 292, 311 recorded,
// jiangjin-13.yaml row 15.2) says 达标/未达标 in the verdict's colour.
// Provenance: jiangjin-13.yaml rows 21, 23, 24: [30] → [84.5] 亿美元,
// [15] → [26.6] 亿美元, [15] → 15.6 万人.
func TestRecordVerdictEveryRow(t *testing.T) {
	p := load(t, "jiangjin-13")
	for _, lang := range []string{"zh", "en"} {
		rows := RecordOf(p, lang)
		byNo := map[string]RecordRow{}
		for _, r := range rows {
			byNo[fmt.Sprintf("%d.%d", r.No, r.Sub)] = r
		}
		for no, want := range map[string]float64{"21.0": 84.5 / 30, "23.0": 26.6 / 15, "24.0": 15.6 / 15} {
			r := byNo[no]
			if r.Verdict != VerdictMet || !near(r.Completion, want, 1e-12) {
				t.Errorf("%s row %s: verdict %s, completion %v; want met, %v", lang, no, r.Verdict, r.Completion, want)
			}
		}
		air := byNo["15.2"]
		if air.Verdict != VerdictMet || !math.IsNaN(air.Completion) {
			t.Fatalf("%s row 15.2 = %+v, want met without a bar", lang, air)
		}
		word := pick(lang, "达标", "met")
		if txt := RecordText(air, lang); !strings.HasSuffix(txt, " · "+word) || !strings.Contains(txt, "311") {
			t.Errorf("%s row 15.2 label %q does not say %s", lang, txt, word)
		}
		if c := recordTextColour(air); c != okGreen {
			t.Errorf("%s row 15.2 colour %v, want the met colour", lang, c)
		}
		// Every compared row shows its verdict: a bar in its colour or
		// the word.
		for _, r := range rows {
			if r.Verdict != VerdictMet && r.Verdict != VerdictMissed {
				continue
			}
			if math.IsNaN(r.Completion) && !strings.Contains(RecordText(r, lang), verdictLabel(r.Verdict, lang)) {
				t.Errorf("%s %s: no bar and no verdict in %q", lang, r.Label, RecordText(r, lang))
			}
		}
	}
}
