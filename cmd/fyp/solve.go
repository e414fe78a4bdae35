package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"fyp/internal/numfmt/quantity"
	"fyp/model"
)

// maxStep bounds a linear step given on the command line (--lo, --hi,
// --step-delta), in the indicator's units a year.
const maxStep = model.MaxMagnitude

func solveCmd(o *options) *cobra.Command {
	var refs []string
	var target, vary string
	var lo, hi float64
	c := &cobra.Command{
		Use:   "solve",
		Short: "求恰好达标所需的假设值 · the assumption value that exactly meets a target",
		Long: `求一个假设（某指标的年增速 rate 或年增量 step）取何值时，某项目标恰好实现；用二分法求解，并重新测算确认误差在目标值的 1e-6 以内（目标值小于 1 时为 1e-6）。
目标不随该假设变化时（整个范围内测算值不变）明确说明无解。
在合理范围内找不到时明确说明。不给 -s 时使用 baseline 情景：按规划自身规则，人均地区生产总值沿自己的路径，
不随任何其它假设变化，无从求解。

Finds the value of one assumption (an indicator's rate, percent a year, or step, units a year)
at which a target is met exactly, by bisection, and confirms it by re-projecting (to 1e-6 of the target, or 1e-6 below 1).
Says so when no value in a sane range reaches the target, or when the target does not depend on
the assumption at all (its metric is the same across the range). Without -s it uses the baseline
scenario: under the plan's own rules per-capita GDP follows its own path and responds to no
other assumption.`,
		Example: `  fyp solve --target gdp_per_capita@2025 --vary gdp.rate
  fyp solve --target gdp_per_capita@2035 --vary gdp.rate -s low
  fyp solve --target forest_coverage@2025 --vary forest_coverage.step`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := o.check("table", "json"); err != nil {
				return err
			}
			p, ref, scs, err := o.targetScenarios(target, refs)
			if err != nil {
				return err
			}
			knob, err := parseKnob(p, vary)
			if err != nil {
				return err
			}
			ind, t, _ := ref.Find(p)
			dlo, dhi := model.SolveRange(ind, t, knob)
			if !c.Flags().Changed("lo") {
				lo = dlo
			}
			if !c.Flags().Changed("hi") {
				hi = dhi
			}
			r := floatRange{Lo: -100, Hi: model.MaxRatePct, Want: fmt.Sprintf("a rate in percent a year, from -100 to %d", model.MaxRatePct), WantZH: fmt.Sprintf("年增速（百分比），从-100到%d", model.MaxRatePct)}
			if knob.Step {
				r = floatRange{Lo: -maxStep, Hi: maxStep, Want: fmt.Sprintf("a step in units a year, from %g to %g", -maxStep, maxStep), WantZH: fmt.Sprintf("每年增量（指标单位），从%g到%g", -maxStep, maxStep)}
			}
			if err := r.check("lo", lo); err != nil {
				return err
			}
			if err := r.check("hi", hi); err != nil {
				return err
			}
			if lo >= hi {
				return badInput2("--lo %g须小于--hi %g", "--lo %g must be below --hi %g", lo, hi)
			}
			var rows []solveJSON
			for _, sc := range scs {
				sol, err := model.Solve(p, sc, ref, knob, lo, hi)
				if err != nil {
					return inputError{err}
				}
				rows = append(rows, solveRow(sc.Name, sol, p.Indicator(knob.ID), o.lang))
			}
			return writeSolve(o.stdout, rows, o.format, o.lang)
		},
	}
	addFormat(c, o, "table", "json")
	addScenarioFlag(c, &refs, "baseline")
	c.Flags().StringVar(&target, "target", "", "target to meet: ID@YEAR, e.g. gdp_per_capita@2025")
	c.Flags().StringVar(&vary, "vary", "", "assumption to vary: ID.rate (percent a year) or ID.step (units a year)")
	c.Flags().Float64Var(&lo, "lo", 0, "lowest value to try (default: -50 for rates; a range from the target for steps); rates from -100 to 1000, steps within ±1e15")
	c.Flags().Float64Var(&hi, "hi", 0, "highest value to try (default: 100 for rates)")
	c.MarkFlagRequired("target")
	c.MarkFlagRequired("vary")
	return c
}

type solveJSON struct {
	Scenario string `json:"scenario"`
	Target   string `json:"target"`
	Vary     string `json:"vary"`
	Found    bool   `json:"found"`
	Value    num    `json:"value"`
	Goal     num    `json:"goal"`
	Metric   num    `json:"metric"`
	Residual num    `json:"residual"`
	Tol      num    `json:"tolerance"`
	Lo       num    `json:"lo"`
	Hi       num    `json:"hi"`
	Reason   string `json:"reason,omitempty"`
	unit     string // the knob's unit a year, in the output's language
}

// solveRow is one scenario's solution, its reason written in lang.
func solveRow(name string, s model.Solution, ind *model.Indicator, lang string) solveJSON {
	r := solveJSON{Scenario: name, Target: s.Target.String(), Vary: s.Knob.String(), Found: s.Found, Value: num(s.Value),
		Goal: num(s.Goal), Metric: num(s.Metric), Residual: num(s.Residual), Tol: num(s.Tolerance), Lo: num(s.Lo), Hi: num(s.Hi)}
	r.unit = L(lang, "%/年", "% a year")
	if s.Knob.Step {
		u := quantity.PP(ind.Unit.In(lang), lang)
		r.unit = L(lang, u+"/年", u+" a year")
	}
	if !s.Found {
		r.Reason = solveReason(s, lang)
	}
	return r
}

// solveReason says in lang why no value of the knob meets the target.
func solveReason(s model.Solution, lang string) string {
	return s.Explain().In(lang)
}

func writeSolve(w io.Writer, rows []solveJSON, format, lang string) error {
	if format == "json" {
		return writeJSON(w, rows)
	}
	for _, r := range rows {
		if !r.Found {
			fmt.Fprint(w, L(lang, fmt.Sprintf("[%s] 变动 %s 无法实现 %s：%s。\n", r.Scenario, r.Vary, r.Target, r.Reason),
				fmt.Sprintf("[%s] %s cannot be met by varying %s: %s.\n", r.Scenario, r.Target, r.Vary, r.Reason)))
			continue
		}
		fmt.Fprint(w, L(lang,
			fmt.Sprintf("[%s] %s 取 %.6f %s 时恰好实现 %s（目标 %g）；重新测算误差 %.3g（容差 %.3g）\n",
				r.Scenario, r.Vary, float64(r.Value), r.unit, r.Target, float64(r.Goal), float64(r.Residual), float64(r.Tol)),
			fmt.Sprintf("[%s] %s = %.6f %s exactly meets %s %g; re-projection residual %.3g (tolerance %.3g)\n",
				r.Scenario, r.Vary, float64(r.Value), r.unit, r.Target, float64(r.Goal), float64(r.Residual), float64(r.Tol))))
	}
	return nil
}
