package main

import (
	"fmt"
	"math"

	"fyp/charts"
	"fyp/model"
)

// chartData is what the chart set draws beyond the projections: the Monte
// Carlo bands (fan charts), sensitivities (tornado charts) and the review's
// progress. Each part may be empty.
type chartData struct {
	sims     []*model.Simulation
	tornados []charts.TornadoInput
	progress *charts.ProgressInput
}

// fanInputs turns the first simulation into one fan chart per headline
// indicator that has a target and a shock: its yearly percentile bands, the
// level that meets its first target and the probability of meeting it.
// fan is one fan chart's input and the indicator it draws.
type fan struct {
	id string
	in charts.FanInput
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
		}
		for i, q := range b.Q {
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
			f.Target, f.TargetYear, f.PMet, f.PMetSE = goal, ts.Target.Year, ts.PMet, ts.SE
			break
		}
		if f.Check() == nil {
			out = append(out, fan{id, f})
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
	var out []charts.TornadoInput
	for _, t := range ind.Targets {
		if t.Kind == model.Delegated {
			continue
		}
		ref := model.TargetRef{ID: ind.ID, Year: t.Year}
		ss, err := model.Sensitivities(p, pr.Scenario, ref, model.DefaultDelta)
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
				Label: src.Name.In(lang), LowLabel: "−" + step, HighLabel: "+" + step, Low: s.Low, High: s.High,
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
		if !r.Compared || math.IsNaN(r.TaskDone) || math.IsNaN(r.TimeElapsed) {
			continue
		}
		label := r.Indicator.Name.In(lang)
		if r.Target.Year != rv.plan.TargetYear {
			label += fmt.Sprintf(" (%d)", r.Target.Year)
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
