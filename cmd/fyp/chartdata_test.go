package main

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
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

// shippedBundleCharts are the charts of `fyp report --observed shipped`
// (seeds/jiangjin-observed.csv, real figures) in lang, with a small
// simulation (the fans' bands are not checked here).
func shippedBundleCharts(t *testing.T, lang string) ([]*charts.Chart, *reviewResult) {
	t.Helper()
	o := &options{plan: "jiangjin-14", lang: lang, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	p := mustPlan(t)
	rv, err := runReview(o, p, &reviewFlags{observed: shippedObserved, th: model.DefaultReviewThresholds(), scope: "main"})
	if err != nil {
		t.Fatal(err)
	}
	prs, err := chartProjections(o)
	if err != nil {
		t.Fatal(err)
	}
	saved := o.scenarios
	o.scenarios = o.scenarios[:1]
	sims, err := runSimulations(o, &simFlags{draws: 500, seed: model.DefaultSeed, seedSet: true, workers: runtime.GOMAXPROCS(0)})
	o.scenarios = saved
	if err != nil {
		t.Fatal(err)
	}
	cs, _, err := bundleCharts(prs, chartData{sims: sims, progress: progressInput(rv, lang), review: rv}, nil, charts.Options{Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	return cs, rv
}

// Every observation of the observed file is drawn or named, with its
// year and value, in the note of every chart of the bundle that draws its
// indicator: seeds/jiangjin-observed.csv holds urbanization 2022 62.00 and
// 2023 62.94 (no 2020 base in the plan: the chart is a change since 2020),
// GDP growth 2022 3.2 and 2023 7.0 (no 2021 figure to chain from) and
// current-price levels of GDP and per-capita GDP (targets at comparable
// and 2020 prices), none of which a chart can place.
func TestNoObservationHidden(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		cs, rv := shippedBundleCharts(t, lang)
		checked := 0
		for _, c := range cs {
			for id, shown := range c.Shown {
				for _, o := range rv.ev[id] {
					drawn := false
					for _, h := range shown {
						drawn = drawn || (h.Year == o.Year && h.Value == o.Value && !o.Growth)
					}
					checked++
					if drawn {
						continue
					}
					v := strconv.FormatFloat(o.Value, 'f', -1, 64)
					named := false
					for _, n := range c.Notes {
						named = named || (strings.Contains(n, fmt.Sprint(o.Year)) && strings.Contains(strings.ReplaceAll(n, ",", ""), v))
					}
					if !named {
						t.Errorf("%s %s: observation %s %d %v neither drawn nor named; notes %q", lang, c.ID, id, o.Year, o.Value, c.Notes)
					}
				}
			}
		}
		// Provenance: the shipped file's rows of urbanization (2), GDP (6),
		// per-capita GDP (2), service share (1) and corridor trains (1),
		// counted once per chart that draws them: at least the 12.
		if checked < 12 {
			t.Errorf("%s: %d observations checked, want at least the shipped file's 12 on charted indicators", lang, checked)
		}
	}
}

// In a review bundle no scenario path is drawn before the indicator's
// last observation: seeds/jiangjin-observed.csv has service share 33.9 in
// 2023 and 1,804 corridor trains in 2024 (江津日报 2025-02-17), so every line starts there, at
// the observation, in the path charts and the headline panel.
func TestPathsStartAtLastObservation(t *testing.T) {
	cs, rv := shippedBundleCharts(t, "zh")
	prs, err := chartProjections(&options{plan: "jiangjin-14", lang: "zh", stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}})
	if err != nil {
		t.Fatal(err)
	}
	prs, _, err = observedCharts(prs, nil, rv)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id   string
		year int
		v    float64
	}{{"service_share", 2023, 33.9}, {"corridor_trains", 2024, 1804}} {
		d, err := charts.PathOf(tc.id, prs, "zh")
		if err != nil {
			t.Fatal(err)
		}
		if d.Observed != tc.year {
			t.Errorf("%s: last observation %d, want %d", tc.id, d.Observed, tc.year)
		}
		for _, l := range d.Lines {
			if len(l.Points) == 0 || l.Points[0].Year != tc.year || math.Abs(l.Points[0].Value-tc.v) > 1e-9 {
				t.Errorf("%s: %s starts %v, want (%d, %v)", tc.id, l.Scenario, l.Points[:min(1, len(l.Points))], tc.year, tc.v)
			}
		}
	}
	// Every path chart and panel: nothing of a scenario before the last
	// recorded value after the base year.
	for _, id := range append(charts.HeadlineOf(prs[0]), "service_share", "corridor_trains") {
		d, err := charts.PathOf(id, prs, "zh")
		if err != nil {
			t.Fatal(err)
		}
		last := 0
		for _, h := range d.History {
			if h.Year > prs[0].Plan.BaseYear {
				last = max(last, h.Year)
			}
		}
		for _, l := range d.Lines {
			if len(l.Points) > 0 && l.Points[0].Year < last {
				t.Errorf("%s: %s drawn from %d, before the observation of %d", id, l.Scenario, l.Points[0].Year, last)
			}
		}
	}
	if len(cs) == 0 {
		t.Fatal("no chart")
	}
}

// The per-capita GDP fan runs to 2035, the plan's doubling goal (≥ 2 × the
// 2020 level of 7.9万元 = 15.8, seeds/jiangjin-14.yaml): that target is
// marked like the 2025 one and its probability, as the simulation
// assessed it, is given in a note.
func TestFanMarksLaterTarget(t *testing.T) {
	o := &options{plan: "jiangjin-14", lang: "zh", stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	sims, err := runSimulations(o, &simFlags{draws: 2000, seed: model.DefaultSeed, seedSet: true, workers: runtime.GOMAXPROCS(0)})
	if err != nil {
		t.Fatal(err)
	}
	var want *model.TargetSim
	for i, ts := range sims[0].Targets {
		if ts.Indicator.ID == "gdp_per_capita" && ts.Target.Year == 2035 {
			want = &sims[0].Targets[i]
		}
	}
	if want == nil || want.Status != model.Assessed {
		t.Fatal("the simulation assessed no 2035 per-capita GDP target")
	}
	for _, f := range fanInputs(sims[0], "zh") {
		if f.id != "gdp_per_capita" {
			continue
		}
		if f.in.Years[len(f.in.Years)-1] != 2035 || f.in.TargetYear != 2025 {
			t.Fatalf("fan runs to %d, first target %d; want 2035 and 2025", f.in.Years[len(f.in.Years)-1], f.in.TargetYear)
		}
		if len(f.in.Later) != 1 || f.in.Later[0].Year != 2035 || math.Abs(f.in.Later[0].Level-15.8) > 1e-9 || f.in.Later[0].PMet != want.PMet {
			t.Fatalf("later targets = %+v, want 2035 at 15.8 with P %v", f.in.Later, want.PMet)
		}
		// The target as the tables print it (翻一番), the level it means,
		// the probability as the probability table prints it.
		note := "2035年目标 翻一番（≥15.8），达成概率 " + fmtNum(100*want.PMet, 1) + "%"
		found := false
		for _, n := range charts.FanNotes(f.in, "zh") {
			found = found || strings.HasPrefix(n, note)
		}
		if !found {
			t.Errorf("notes %q lack %q", charts.FanNotes(f.in, "zh"), note)
		}
		return
	}
	t.Fatal("no per-capita GDP fan")
}

// sameNumber compares a number as a chart prints it with a table cell:
// charts add thousands separators and print one minus sign (U+2212),
// which tables do not; the digits and decimals must agree.
func sameNumber(chart, table string) bool {
	norm := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, ",", ""), "−", "-") }
	return norm(chart) == norm(table)
}

// The numbers a chart prints for a target, a level, a pace or a
// probability are those of the report's tables, decimals included: for the
// shipped bundle (jiangjin-14, seeds/jiangjin-observed.csv) every target
// label of the path charts and fans and every target of the record chart
// equals the table's 目标值 cell (goalText), the fans' probabilities the
// 实现概率 cells, and the charts' level and pace formatters the tables'
// (fmtValue, fmtPace) on every projected value and pace.
func TestChartNumbersAsTables(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		o := &options{plan: "jiangjin-14", lang: lang, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
		p := mustPlan(t)
		rv, err := runReview(o, p, &reviewFlags{observed: shippedObserved, th: model.DefaultReviewThresholds(), scope: "main"})
		if err != nil {
			t.Fatal(err)
		}
		prs, err := chartProjections(o)
		if err != nil {
			t.Fatal(err)
		}
		sims, err := runSimulations(o, &simFlags{draws: 500, seed: model.DefaultSeed, seedSet: true, workers: runtime.GOMAXPROCS(0)})
		if err != nil {
			t.Fatal(err)
		}
		prs, sims, err = observedCharts(prs, sims[:1], rv)
		if err != nil {
			t.Fatal(err)
		}
		// Path charts: "2025年目标 ≥6%/年" ends with the table's cell.
		labels := 0
		for _, ind := range p.Indicators {
			if !ind.InTable() {
				continue
			}
			d, err := charts.PathOf(ind.ID, prs, lang)
			if err != nil {
				continue // no path chart (no base level, no relative path)
			}
			for _, m := range d.Targets {
				found := false
				// "2025年目标 ≥6%/年", "2035年目标 翻一番（≥15.8）": the cell
				// follows "目标 " / "target " (and "total ").
				_, cell, _ := strings.Cut(m.Label, L(lang, "目标", "target"))
				cell = strings.TrimPrefix(strings.TrimPrefix(cell, ": total"), " ")
				for _, tg := range ind.Targets {
					g := goalText(tg, lang)
					found = found || (tg.Year == m.Year && (sameNumber(cell, g) || (tg.Kind == model.Multiple && strings.HasPrefix(cell, g+L(lang, "（", " (")))))
				}
				labels++
				if !found {
					t.Errorf("%s path-%s: label %q is no table cell of its %d targets", lang, ind.ID, m.Label, m.Year)
				}
			}
		}
		if labels < 20 {
			t.Errorf("%s: %d target labels checked, want the main table's (more than 20)", lang, labels)
		}
		// Fans: the target as the table prints it, the probability as the
		// probability table does (one decimal).
		for _, f := range fanInputs(sims[0], lang) {
			found := false
			for _, ts := range sims[0].Targets {
				if ts.Indicator.ID != f.id || ts.Target.Year != f.in.TargetYear || ts.Status != model.Assessed || f.in.TargetGoal != goalText(ts.Target, lang) {
					continue
				}
				found = true
				if cell := fmtNum(100*ts.PMet, 1) + "%"; !f.in.NotModelled && !strings.Contains(charts.FanTitle(f.in, lang), " "+cell) {
					t.Errorf("%s fan-%s: title %q lacks the table's %s", lang, f.id, charts.FanTitle(f.in, lang), cell)
				}
			}
			if !found {
				t.Errorf("%s fan-%s: target %q is no table cell of its %d targets", lang, f.id, f.in.TargetGoal, f.in.TargetYear)
			}
		}
		// The record: every target as the ex-post table's 目标值 column.
		prev := recordPlan(p)
		cells := map[string]string{}
		for _, row := range expostTable(prev, lang).Rows {
			cells[row[0]] = row[3]
		}
		for _, r := range charts.RecordOf(prev, lang) {
			no := fmt.Sprint(r.No)
			if r.Sub > 0 {
				no += fmt.Sprintf(".%d", r.Sub)
			}
			if !sameNumber(r.TargetText, cells[no]) {
				t.Errorf("%s record %s: target %q, table %q", lang, no, r.TargetText, cells[no])
			}
		}
		// Levels and paces: the charts' formatters against the tables' on
		// every projected target value and pace.
		for _, a := range model.Assess(prs[0]) {
			for _, v := range []float64{a.Target.Value, a.Projected} {
				if !sameNumber(charts.Value(v), fmtValue(v)) {
					t.Errorf("value %v: chart %q, table %q", v, charts.Value(v), fmtValue(v))
				}
			}
			for _, v := range []float64{a.Required, a.Assumed, a.Historical} {
				if !sameNumber(charts.Pace(v, a.Pace), fmtPace(v, a.Pace)) {
					t.Errorf("pace %v: chart %q, table %q", v, charts.Pace(v, a.Pace), fmtPace(v, a.Pace))
				}
			}
		}
	}
}

// The tornado charts of a review bundle rank the assumptions from the
// observations, and the chart set hands back what it ranked, so that the
// report captions tornado-1 … with the charts' own metrics without
// computing the sensitivities again: one tornado chart per returned input,
// in order, each the sensitivities of the re-projected first scenario.
func TestTornadosHandedBack(t *testing.T) {
	o := &options{plan: "jiangjin-14", lang: "en", stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	p := mustPlan(t)
	rv, err := runReview(o, p, &reviewFlags{observed: shippedObserved, th: model.DefaultReviewThresholds(), scope: "main"})
	if err != nil {
		t.Fatal(err)
	}
	prs, err := chartProjections(o)
	if err != nil {
		t.Fatal(err)
	}
	cs, got, err := bundleCharts(prs, chartData{sensitivityOf: prs[1], review: rv}, nil, charts.Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	from, _, err := observedCharts(prs, nil, rv)
	if err != nil {
		t.Fatal(err)
	}
	want, err := tornadoInputs(from[1], "en")
	if err != nil {
		t.Fatal(err)
	}
	before, err := tornadoInputs(prs[1], "en")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 || len(got) != len(want) {
		t.Fatalf("%d tornado inputs handed back, want %d (from the observations)", len(got), len(want))
	}
	for i := range got {
		if got[i].Metric != want[i].Metric || got[i].Base != want[i].Base || got[i].Scenario != want[i].Scenario {
			t.Errorf("tornado %d = %s base %v (%s), want %s base %v (%s)", i+1, got[i].Metric, got[i].Base, got[i].Scenario, want[i].Metric, want[i].Base, want[i].Scenario)
		}
	}
	// seeds/jiangjin-observed.csv has per-capita GDP for 2022 and 2023:
	// the re-projected base differs from the plan-start one.
	if got[0].Base == before[0].Base {
		t.Errorf("tornado 1 base %v is the projection's before the observations, want it from them", got[0].Base)
	}
	n := 0
	for _, c := range cs {
		if strings.HasPrefix(c.ID, "tornado-") {
			n++
			if c.ID != fmt.Sprintf("tornado-%d", n) {
				t.Errorf("chart %s, want tornado-%d", c.ID, n)
			}
		}
	}
	if n != len(got) {
		t.Errorf("%d tornado charts, %d inputs handed back for their captions", n, len(got))
	}
}

// TestNoObservationHiddenInTable: every observation of a main-table
// indicator in the shipped file is either in the report's main table (a
// yearly column holds a figure for its year) or named in the table's note
// with its year and value. Before, the table showed "—" for GDP 2021–2023
// (current-price levels against a comparable-price target) and said
// nothing of them.
func TestNoObservationHiddenInTable(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		o := &options{plan: "jiangjin-14", lang: lang, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
		rv, err := runReview(o, mustPlan(t), &reviewFlags{observed: shippedObserved, th: model.DefaultReviewThresholds(), scope: "main"})
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(t.TempDir(), "out")
		if err := run(context.Background(), []string{"report", "--observed", "shipped", "--pdf=false", "--lang", lang, "--out", dir}, &bytes.Buffer{}, &bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
		md, err := os.ReadFile(filepath.Join(dir, "report.md"))
		if err != nil {
			t.Fatal(err)
		}
		head := map[string]string{"zh": "表中未列的观测值：", "en": "Observations not in the table: "}[lang]
		_, note, _ := strings.Cut(string(md), head)
		note, _, _ = strings.Cut(note, "\n")
		note = strings.ReplaceAll(note, ",", "")
		act := actuals(rv)
		checked, named := 0, 0
		seen := map[string]bool{}
		for _, r := range rv.rows {
			id := r.Indicator.ID
			if seen[id] {
				continue
			}
			seen[id] = true
			for _, ob := range rv.ev[id] {
				checked++
				if _, shown := act[id][ob.Year]; shown && ob.Year > rv.plan.BaseYear {
					continue
				}
				if ob.Year == rv.plan.BaseYear && !ob.Growth && ob.Value == r.Indicator.Baseline.Value {
					continue // the plan's base value, in the base column
				}
				v := strconv.FormatFloat(ob.Value, 'f', -1, 64)
				if !strings.Contains(note, fmt.Sprint(ob.Year)) || !strings.Contains(note, v) {
					t.Errorf("%s: %s %d %v is neither in the main table nor named in its note %q", lang, id, ob.Year, ob.Value, note)
				}
				named++
			}
		}
		// Provenance: seeds/jiangjin-observed.csv holds 6 GDP, 2 per-capita
		// GDP and 2 urbanization rows the table cannot show (see its notes).
		if named < 10 || checked < named {
			t.Errorf("%s: %d observations named of %d checked; want the shipped file's 10 at least", lang, named, checked)
		}
	}
}
