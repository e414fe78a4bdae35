package main

import (
	"fmt"
	"math"
	"runtime"
	"sort"
	"sync"

	"fyp/charts"
	"fyp/model"
)

// chartData is what the chart set draws beyond the projections: the Monte
// Carlo bands (fan charts), sensitivities (tornado charts) and the review's
// progress. Each part may be empty.
type chartData struct {
	sims []*model.Simulation
	// sensitivityOf is the projection, one of the chart set's, whose
	// headline indicator the tornado charts rank the assumptions for (nil:
	// no tornado chart). bundleCharts computes the rankings into tornados,
	// once, from where the set's charts start (the observations, in a review).
	sensitivityOf *model.Projection
	tornados      []charts.TornadoInput
	progress      *charts.ProgressInput
	// review, when set, makes the charts start from its observations:
	// every projection continues from the latest observed year and the
	// fan charts are simulated from there (see observedCharts).
	review *reviewResult
}

// withFlows adds to the review's observed paths the yearly flows of
// indicators whose targets are all five-year sums (实际利用外资 [25]): they
// need no base level, which model.ObservedPath requires, so it leaves them
// out. Only plain levels count: no growth rate, break or restatement.
func withFlows(rv *reviewResult) map[string]map[int]float64 {
	obs := map[string]map[int]float64{}
	for id, m := range rv.proj.Scenario.Observed {
		obs[id] = m
	}
	for id, pts := range rv.ev {
		ind, s := rv.plan.Indicator(id), rv.proj.Series[id]
		if _, done := obs[id]; done || ind == nil || s == nil || s.Scale != model.ScaleLevel || !sumsOnly(ind) {
			continue
		}
		m := map[int]float64{}
		for _, pt := range pts {
			if !pt.Growth && !pt.Break && !pt.Rebased && pt.Year > rv.plan.BaseYear && pt.Year <= rv.asOf {
				m[pt.Year] = pt.Value
			}
		}
		if len(m) > 0 {
			obs[id] = m
		}
	}
	return obs
}

// sumsOnly reports whether every numeric target of ind is a sum of yearly flows.
func sumsOnly(ind *model.Indicator) bool {
	n := 0
	for _, t := range ind.Targets {
		switch {
		case t.Kind == model.Delegated:
		case t.Kind != model.Cumulative:
			return false
		default:
			n++
		}
	}
	return n > 0
}

// observedCharts re-projects prs from the review's observations, so that
// every chart of a review bundle plots the actuals and its paths and fans
// start from the last observation; the first simulation is run again
// from there with the same draws and seed. Observations are taken on the
// scale the review used and only for series on that scale.
func observedCharts(prs []*model.Projection, sims []*model.Simulation, rv *reviewResult) ([]*model.Projection, []*model.Simulation, error) {
	if rv == nil || rv.proj.Scenario == nil || len(rv.proj.Scenario.Observed) == 0 {
		return prs, sims, nil
	}
	obs := withFlows(rv)
	with := func(pr *model.Projection) (*model.Projection, error) {
		sc := &model.Scenario{Name: "plan", Horizon: pr.Horizon}
		if pr.Scenario != nil {
			cp := *pr.Scenario
			sc = &cp
		}
		sc.Observed = map[string]map[int]float64{}
		for id, m := range obs {
			if s, r := pr.Series[id], rv.proj.Series[id]; s != nil && r != nil && s.Scale == r.Scale {
				sc.Observed[id] = m
			}
		}
		return model.Project(pr.Plan, sc)
	}
	out := make([]*model.Projection, len(prs))
	for i, pr := range prs {
		var err error
		if out[i], err = with(pr); err != nil {
			return nil, nil, err
		}
	}
	if len(sims) == 0 {
		return out, sims, nil
	}
	pr, err := with(sims[0].Projection)
	if err != nil {
		return nil, nil, err
	}
	u, _ := model.DefaultUncertaintyFor(pr)
	if pr.Scenario.Uncertainty != nil {
		u = *pr.Scenario.Uncertainty
	}
	sim, err := model.Simulate(pr, u, model.SimOptions{Draws: sims[0].Draws, Seed: sims[0].Seed, Workers: runtime.GOMAXPROCS(0)})
	if err != nil {
		return nil, nil, err
	}
	sim.Asked = sims[0].Asked // reduced to fit the budget, as the first was
	return out, append([]*model.Simulation{sim}, sims[1:]...), nil
}

// fanInputs turns the first simulation into one fan chart per headline
// indicator that has a target and a shock: its yearly percentile bands, the
// level that meets its first target and the probability of meeting it.
// fan is one fan chart's input and the indicator it draws.
type fan struct {
	id string
	in charts.FanInput
	// scale and placed (the years of the review's observations drawn)
	// let the chart name the observations it cannot place.
	scale  model.Scale
	placed map[int]bool
}

func fanInputs(sim *model.Simulation, lang string) []fan {
	if sim == nil {
		return nil
	}
	p := sim.Projection.Plan
	var out []fan
	for _, id := range fanIDs(sim.Projection) {
		ind := p.Indicator(id)
		b, ok := sim.Band(id)
		if !ok || !b.Stochastic {
			continue
		}
		f := charts.FanInput{
			Indicator: ind.Name.In(lang), Unit: unitLabel(ind, b.Scale, p.BaseYear, lang),
			Scenario: sim.Projection.Name(), Label: charts.ScenarioLabel(sim.Projection, lang),
			Target: math.NaN(), PMet: math.NaN(), Draws: sim.Draws,
			// fyp never estimates a volatility: every plan prints period
			// averages only, so the defaults and every scenario's are assumed.
			Assumed: true,
		}
		// With observations the fan starts at the last one; the years
		// before are the actuals, drawn as dots.
		// Like the path charts, the fan stops at the last year a target
		// speaks for.
		from, end := b.Start, p.TargetYear
		for _, t := range ind.Targets {
			end = max(end, t.Year)
		}
		seen := map[int]bool{}
		if sc := sim.Projection.Scenario; sc != nil && len(sc.Observed[id]) > 0 {
			for y, v := range sc.Observed[id] {
				f.History = append(f.History, charts.YearValue{Year: y, Value: v})
				from, seen[y] = max(from, y), true
			}
			if !seen[b.Start] && len(b.Central) > 0 && !math.IsNaN(b.Central[0]) {
				f.History = append(f.History, charts.YearValue{Year: b.Start, Value: b.Central[0]})
			}
			sort.Slice(f.History, func(i, j int) bool { return f.History[i].Year < f.History[j].Year })
		}
		for i, q := range b.Q {
			if b.Start+i < from || b.Start+i > end {
				continue
			}
			f.Years = append(f.Years, b.Start+i)
			f.P5, f.P25, f.P50, f.P75, f.P95 = append(f.P5, q[0]), append(f.P25, q[1]), append(f.P50, q[2]), append(f.P75, q[3]), append(f.P95, q[4])
		}
		for _, ts := range sim.Targets {
			if ts.Indicator != ind || ts.Status != model.Assessed {
				continue
			}
			x0, ok := sim.Projection.Series[id].At(ts.Target.From)
			goal, okGoal := ts.Target.LevelAt(x0)
			if !ok || !okGoal || (b.Scale != model.ScaleLevel && ts.Target.Kind == model.Level) {
				continue
			}
			ft := charts.FanTarget{Year: ts.Target.Year, Level: goal, Mark: charts.BoundMark(ts.Target), Goal: charts.Goal(ts.Target, lang), PMet: ts.PMet, PMetSE: ts.SE}
			if !ts.Stochastic {
				ft.NotModelled, ft.PMet, ft.PMetSE = true, math.NaN(), 0
			}
			// The central path lands on the target (the plan's own path):
			// P ≈ 50 % by construction. Tolerance: 1e-6 of the target.
			ft.OnPath = math.Abs(ts.Central-ts.Target.Value) <= 1e-6*math.Max(1, math.Abs(ts.Target.Value))
			if f.TargetYear == 0 {
				f.Target, f.TargetYear, f.PMet, f.PMetSE = ft.Level, ft.Year, ft.PMet, ft.PMetSE
				f.NotModelled, f.OnPath, f.TargetMark, f.TargetGoal = ft.NotModelled, ft.OnPath, ft.Mark, ft.Goal
				continue
			}
			// A later target the fan reaches (per-capita GDP's 2035
			// doubling) is marked too, its probability in a note.
			if ft.Year != f.TargetYear && ft.Year <= end {
				f.Later = append(f.Later, ft)
			}
		}
		if f.Check() == nil {
			f.ID = id
			out = append(out, fan{id: id, in: f, scale: b.Scale, placed: seen})
		}
	}
	return out
}

// fanIDs are the indicators that get a fan chart: per-capita GDP, where
// the plan has it, and the headline panel's (charts.HeadlineOf: for a plan
// of other ids, its first main-table rows).
func fanIDs(pr *model.Projection) []string {
	var ids []string
	if pr.Plan.Indicator("gdp_per_capita") != nil {
		ids = append(ids, "gdp_per_capita")
	}
	return append(ids, charts.HeadlineOf(pr)...)
}

// tornadoInputs ranks every assumption by its effect on each numeric
// target of per-capita GDP (or, for another plan, of the first fan
// indicator), under the first scenario.
func tornadoInputs(pr *model.Projection, lang string) ([]charts.TornadoInput, error) {
	p := pr.Plan
	ids := fanIDs(pr)
	if len(ids) == 0 {
		return nil, nil
	}
	ind := p.Indicator(ids[0])
	// Each target's sensitivities are independent projections: compute
	// them side by side (a plan's indicator has a handful of targets), then
	// read them in the targets' order.
	sens := make([][]model.Sensitivity, len(ind.Targets))
	errs := make([]error, len(ind.Targets))
	var wg sync.WaitGroup
	for i, t := range ind.Targets {
		if t.Kind == model.Delegated {
			continue
		}
		wg.Go(func() {
			sens[i], errs[i] = model.Sensitivities(p, pr.Scenario, model.TargetRef{ID: ind.ID, Year: t.Year}, model.DefaultDelta)
		})
	}
	wg.Wait()
	var out []charts.TornadoInput
	for i, t := range ind.Targets {
		if t.Kind == model.Delegated {
			continue
		}
		ss, err := sens[i], errs[i]
		if err != nil {
			return nil, err
		}
		if len(ss) == 0 {
			continue
		}
		in := charts.TornadoInput{
			Metric: fmt.Sprintf("%s %d", ind.Name.In(lang), t.Year), Unit: metricUnit(ind, t, lang),
			Base: ss[0].Base, Target: t.Value, Scenario: pr.Name(), Label: charts.ScenarioLabel(pr, lang),
		}
		for _, s := range ss {
			src := p.Indicator(s.Indicator)
			step := fmtNum(s.Delta, 2) + L(lang, "个百分点", " pp")
			if s.Pace == model.RateUnits {
				step = fmtNum(s.Delta, 2) + " " + paceUnit(src, s.Pace, lang)
			}
			in.Bars = append(in.Bars, charts.TornadoBar{
				Label: charts.RowName(src, lang), LowLabel: "−" + step, HighLabel: "+" + step, Low: s.Low, High: s.High,
			})
		}
		out = append(out, in)
	}
	return out, nil
}

// metricUnit is the unit of a target's metric, as a chart axis shows it.
func metricUnit(ind *model.Indicator, t model.Target, lang string) string {
	if t.Relative() {
		return L(lang, "个百分点", "pp")
	}
	switch t.Kind {
	case model.Growth, model.Reduction:
		return "%"
	case model.Multiple:
		return L(lang, "倍", "×")
	}
	return ind.Unit.In(lang)
}

// progressInput is the review's progress chart: every compared target.
func progressInput(rv *reviewResult, lang string) *charts.ProgressInput {
	if rv == nil {
		return nil
	}
	in := &charts.ProgressInput{Year: rv.asOf, Scenario: charts.ScenarioLabel(rv.proj, lang)}
	for _, r := range rv.rows {
		label := charts.RowName(r.Indicator, lang)
		if r.Target.Year != rv.plan.TargetYear {
			label += fmt.Sprintf(" (%d)", r.Target.Year)
		}
		if k := r.Target.Kind; (k == model.Floor || k == model.Ceiling) && r.Category != model.InsufficientData {
			// A limit held every year: held or broken, never a share.
			bound := "floor"
			if k == model.Ceiling {
				bound = "ceiling"
			}
			in.Items = append(in.Items, charts.ProgressItem{Label: label, Bound: bound, Breached: r.Category == model.Lagging,
				Binding: r.Indicator.Attribute == model.Binding, Category: progressCategory[r.Category], Note: r.Reason.In(lang),
				Elapsed: math.NaN(), Done: math.NaN()})
			continue
		}
		if !r.Compared || math.IsNaN(r.TaskDone) || math.IsNaN(r.TimeElapsed) {
			continue
		}
		in.Items = append(in.Items, charts.ProgressItem{
			Label: label, Elapsed: r.TimeElapsed, Done: r.TaskDone,
			Binding: r.Indicator.Attribute == model.Binding, Category: progressCategory[r.Category],
		})
	}
	if len(in.Items) == 0 {
		return nil
	}
	return in
}

// progressCategory maps the review's categories to the chart's.
var progressCategory = map[model.Category]string{
	model.AchievedEarly: charts.CategoryEarly,
	model.Ahead:         charts.CategoryFaster,
	model.OnSchedule:    charts.CategoryOnTrack,
	model.Lagging:       charts.CategoryLagging,
}
