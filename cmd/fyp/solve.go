package main

import (
	"fmt"
	"io"
	"math"

	"github.com/spf13/cobra"

	"fyp/model"
)

func solveCmd(o *options) *cobra.Command {
	var refs []string
	var target, vary string
	var lo, hi float64
	c := &cobra.Command{
		Use:   "solve",
		Short: "求恰好达标所需的假设值 · the assumption value that exactly meets a target",
		Long: `求一个假设（某指标的年增速 rate 或年增量 step）取何值时，某项目标恰好实现；用二分法求解，并重新测算确认误差在 1e-6 以内。
在合理范围内找不到时明确说明。不给 -s 时使用 baseline 情景：按规划自身规则，人均地区生产总值沿自己的路径，
不随任何其它假设变化，无从求解。

Finds the value of one assumption (an indicator's rate, percent a year, or step, units a year)
at which a target is met exactly, by bisection, and confirms it by re-projecting (to 1e-6).
Says so when no value in a sane range reaches the target. Without -s it uses the baseline
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
			if lo >= hi {
				return badInput("--lo %g must be below --hi %g", lo, hi)
			}
			var rows []solveJSON
			for _, sc := range scs {
				sol, err := model.Solve(p, sc, ref, knob, lo, hi)
				if err != nil {
					return badInput("%s", err)
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
	c.Flags().Float64Var(&lo, "lo", 0, "lowest value to try (default: -50 for rates; a range from the target for steps)")
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
	Lo       num    `json:"lo"`
	Hi       num    `json:"hi"`
	Reason   string `json:"reason,omitempty"`
	unit     string // the knob's unit a year, in the output's language
}

// solveRow is one scenario's solution, its reason written in lang.
func solveRow(name string, s model.Solution, ind *model.Indicator, lang string) solveJSON {
	r := solveJSON{Scenario: name, Target: s.Target.String(), Vary: s.Knob.String(), Found: s.Found, Value: num(s.Value),
		Goal: num(s.Goal), Metric: num(s.Metric), Residual: num(s.Residual), Lo: num(s.Lo), Hi: num(s.Hi)}
	r.unit = L(lang, "%/年", "% a year")
	if s.Knob.Step {
		u := ind.Unit.In(lang)
		if u == "%" {
			u = L(lang, "百分点", "pp")
		}
		r.unit = L(lang, u+"/年", u+" a year")
	}
	if s.Found {
		return r
	}
	k, t := s.Knob.String(), s.Target.String()
	if math.IsNaN(s.Nearest) {
		r.Reason = L(lang,
			fmt.Sprintf("%s 在 [%g, %g] 内取任何值，%s 的测算都达不到目标的计算条件", k, s.Lo, s.Hi, t),
			fmt.Sprintf("the projection of %s never reaches the target's metric for %s in [%g, %g]", t, k, s.Lo, s.Hi))
		return r
	}
	r.Reason = L(lang,
		fmt.Sprintf("%s 在 [%g, %g] 内取任何值都不能使 %s 达到 %g：目标指标始终在 %g 的同一侧（%s = %g 时相差 %+.4g）；在此情景下该目标可能不受 %s 影响",
			k, s.Lo, s.Hi, t, s.Goal, s.Goal, k, s.Nearest, s.Miss, s.Knob.ID),
		fmt.Sprintf("no value of %s in [%g, %g] meets %s: the target's metric stays on one side of %g (at %g it misses by %+.4g); the target may not depend on %s in this scenario",
			k, s.Lo, s.Hi, t, s.Goal, s.Nearest, s.Miss, s.Knob.ID))
	return r
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
			fmt.Sprintf("[%s] %s 取 %.6f %s 时恰好实现 %s（目标 %g）；重新测算误差 %.3g（容差 1e-6）\n",
				r.Scenario, r.Vary, float64(r.Value), r.unit, r.Target, float64(r.Goal), float64(r.Residual)),
			fmt.Sprintf("[%s] %s = %.6f %s exactly meets %s %g; re-projection residual %.3g (tolerance 1e-6)\n",
				r.Scenario, r.Vary, float64(r.Value), r.unit, r.Target, float64(r.Goal), float64(r.Residual))))
	}
	return nil
}
