package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"fyp/model"
)

// maxDeltaPP is the largest --delta: a swing of ±50 points of growth a
// year already spans every pace a plan considers.
const maxDeltaPP = 50

func sensitivityCmd(o *options) *cobra.Command {
	var refs []string
	var target string
	d := model.DefaultDelta
	c := &cobra.Command{
		Use:   "sensitivity",
		Short: "各假设对目标的影响排序（龙卷风图数据） · one-at-a-time effects on a target (tornado data)",
		Long: `逐一把每个指标的年增速（或年增量）上下调整 --delta（百分点）或 --step-delta（单位），其余不变，
按对目标指标的影响大小排序：即龙卷风图的数据。不给 -s 时使用 baseline 情景。

Moves each indicator's yearly pace down and up by --delta percentage points (compound paths) or
--step-delta units (linear paths), one at a time, and ranks them by their effect on the target's
metric: the data for a tornado chart. Without -s it uses the baseline scenario.`,
		Example: `  fyp sensitivity --target gdp_per_capita@2035
  fyp sensitivity --target forest_coverage@2025 --step-delta 0.2 --format json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := o.check("table", "csv", "json", "md"); err != nil {
				return err
			}
			if err := (floatRange{Lo: 0, LoOpen: true, Hi: maxDeltaPP, Want: fmt.Sprintf("percentage points a year, more than 0 and at most %d", maxDeltaPP), WantZH: fmt.Sprintf("每年百分点，大于0且不超过%d", maxDeltaPP)}).check("delta", d.RatePP); err != nil {
				return err
			}
			if err := (floatRange{Lo: 0, LoOpen: true, Hi: maxStep, Want: fmt.Sprintf("units a year, more than 0 and at most %g", maxStep), WantZH: fmt.Sprintf("每年增量（指标单位），大于0且不超过%g", maxStep)}).check("step-delta", d.Units); err != nil {
				return err
			}
			p, ref, scs, err := o.targetScenarios(target, refs)
			if err != nil {
				return err
			}
			var rows []sensJSON
			for _, sc := range scs {
				ss, err := model.Sensitivities(p, sc, ref, d)
				if err != nil {
					return inputError{err}
				}
				for i, s := range ss {
					rows = append(rows, sensJSON{Scenario: sc.Name, Target: ref.String(), Rank: i + 1, ID: s.Indicator, Rule: string(s.Rule),
						Delta: num(s.Delta), DeltaUnit: paceUnit(p.Indicator(s.Indicator), s.Pace, "en"), Base: num(s.Base),
						Low: num(s.Low), High: num(s.High), Swing: num(s.Swing)})
				}
			}
			return writeSensitivity(o.stdout, p, rows, o.format, o.lang)
		},
	}
	addFormat(c, o, "table", "csv", "json", "md")
	addScenarioFlag(c, &refs, "baseline")
	c.Flags().StringVar(&target, "target", "", "target: ID@YEAR, e.g. gdp_per_capita@2035")
	c.Flags().Float64Var(&d.RatePP, "delta", d.RatePP, fmt.Sprintf("change of growth rates, percentage points a year (more than 0, at most %d)", maxDeltaPP))
	c.Flags().Float64Var(&d.Units, "step-delta", d.Units, fmt.Sprintf("change of linear steps, the indicator's units a year (more than 0, at most %g)", maxStep))
	c.MarkFlagRequired("target")
	return c
}

type sensJSON struct {
	Scenario  string `json:"scenario"`
	Target    string `json:"target"`
	Rank      int    `json:"rank"`
	ID        string `json:"id"`
	Rule      string `json:"rule"`
	Delta     num    `json:"delta"`
	DeltaUnit string `json:"delta_unit"`
	Base      num    `json:"base"`
	Low       num    `json:"low"`
	High      num    `json:"high"`
	Swing     num    `json:"swing"`
}

func writeSensitivity(w io.Writer, p *model.Plan, rows []sensJSON, format, lang string) error {
	if format == "json" {
		return writeJSON(w, rows)
	}
	t := &table{Title: L(lang, "敏感性（逐一变动）", "Sensitivity (one at a time)")}
	t.Head = []string{L(lang, "情景", "Scenario"), L(lang, "目标", "Target"), "#", "id", L(lang, "指标", "Indicator"), L(lang, "规则", "Rule"),
		L(lang, "±变动", "±delta"), L(lang, "下调后", "low"), L(lang, "基准", "base"), L(lang, "上调后", "high"), L(lang, "摆幅", "swing")}
	for _, r := range rows {
		t.Rows = append(t.Rows, []string{r.Scenario, r.Target, fmt.Sprint(r.Rank), r.ID, p.Indicator(r.ID).Name.In(lang), ruleLabel(model.RuleKind(r.Rule), lang),
			fmtNum(float64(r.Delta), 3) + " " + r.DeltaUnit, fmtValue(float64(r.Low)), fmtValue(float64(r.Base)), fmtValue(float64(r.High)), fmtValue(float64(r.Swing))})
	}
	if len(rows) == 0 {
		t.Notes = append(t.Notes, L(lang, "没有假设影响该目标。", "No assumption moves this target."))
	}
	return t.write(w, format)
}
