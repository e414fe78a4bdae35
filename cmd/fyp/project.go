package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"fyp/internal/numfmt/quantity"
	"fyp/internal/yamlcheck"
	"fyp/model"
)

func projectCmd(o *options) *cobra.Command {
	var to int
	var only, refs []string
	c := &cobra.Command{
		Use:   "project",
		Short: "逐年测算各指标 · project every indicator year by year",
		Long: `按规划自身的速度逐年测算每个指标：有年均增速的按复合增长，有目标值的按恰好达标的规划路径，
派生指标（如常住人口 = 地区生产总值 / 人均地区生产总值）由其它指标推算。
Projects every indicator year by year under the plan's own rates: compound growth where the
plan gives a rate, the path that meets each target exactly otherwise, derived indicators from
their operands. Series without a base-year level are shown as an index (2020 = 100) or as the
change since 2020.`,
		Example: `  fyp project
  fyp project --to 2035 --only gdp_per_capita,forest_coverage
  fyp project --format csv > projection.csv
  fyp project -s baseline -s shock --only gdp,gdp_per_capita`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := o.check("table", "csv", "json", "md"); err != nil {
				return err
			}
			p, err := o.loadPlan()
			if err != nil {
				return err
			}
			if err := checkIDs(p, "--only", only); err != nil {
				return err
			}
			prs, err := o.projectScenarios(p, refs, to)
			if err != nil {
				return err
			}
			return writeProjection(o.stdout, prs, only, o.format, o.lang)
		},
	}
	addFormat(c, o, "table", "csv", "json", "md")
	c.Flags().IntVar(&to, "to", 0, "last year to project (default: the plan's last target year, 2035)")
	c.Flags().StringSliceVar(&only, "only", nil, "indicator ids to show (comma-separated; default all)")
	addScenarioFlag(c, &refs, "")
	return c
}

// horizonScenario is the plan's own rules to year `to` (0: the plan's last year).
func horizonScenario(p *model.Plan, to int) (*model.Scenario, error) {
	if to == 0 {
		return nil, nil
	}
	if to < p.BaseYear || to > p.BaseYear+100 {
		return nil, badInput2("--to %d：应为规划基期年%d到%d之间的年份", "--to %d: expected a year from the plan's base year %d to %d", to, p.BaseYear, p.BaseYear+100)
	}
	return &model.Scenario{Name: "plan", Horizon: to}, nil
}

// checkIDs rejects unknown indicator ids given on the command line.
func checkIDs(p *model.Plan, flag string, ids []string) error {
	for _, id := range ids {
		if p.Indicator(id) == nil {
			return badInput2("%s：未知的指标%q%s", "%s: unknown indicator %q%s", flag, id, yamlcheck.Hint(id, p.IDs()))
		}
	}
	return nil
}

type projectionJSON struct {
	ID       string `json:"id"`
	Scenario string `json:"scenario"`
	Year     int    `json:"year"`
	Value    num    `json:"value"`
	Rule     string `json:"rule"`
	Scale    string `json:"scale"`
}

func projectionRows(prs []*model.Projection, only []string) []projectionJSON {
	var out []projectionJSON
	for _, pr := range prs {
		for _, ind := range pr.Plan.Indicators {
			s := pr.Series[ind.ID]
			if !selected(ind.ID, only) || !s.Known() {
				continue
			}
			for i, v := range s.Values {
				out = append(out, projectionJSON{ID: ind.ID, Scenario: pr.Name(), Year: s.Start + i, Value: num(v), Rule: string(s.Rule), Scale: string(s.Scale)})
			}
		}
	}
	return out
}

func selected(id string, only []string) bool {
	return len(only) == 0 || contains(only, id)
}

// displayYears are the columns of a wide projection table: every year to
// the target year, then every fifth year.
func displayYears(p *model.Plan, horizon int) []int {
	var ys []int
	for y := p.BaseYear; y <= horizon; y++ {
		if y <= p.TargetYear || y%5 == 0 || y == horizon {
			ys = append(ys, y)
		}
	}
	return ys
}

func projectionTable(prs []*model.Projection, only []string, lang string) *table {
	pr0 := prs[0]
	years := displayYears(pr0.Plan, pr0.Horizon)
	t := &table{Title: L(lang, "逐年测算", "Projection") + " · " + pr0.Plan.Title.In(lang)}
	t.Head = []string{"id", L(lang, "指标", "Indicator"), L(lang, "单位", "Unit")}
	if len(prs) > 1 {
		t.Head = append(t.Head, L(lang, "情景", "Scenario"))
	}
	t.Head = append(t.Head, L(lang, "规则", "Rule"))
	for _, y := range years {
		t.Head = append(t.Head, fmt.Sprint(y))
	}
	for _, ind := range pr0.Plan.Indicators {
		for _, pr := range prs {
			s := pr.Series[ind.ID]
			if !selected(ind.ID, only) || !s.Known() {
				continue
			}
			row := []string{ind.ID, ind.Name.In(lang), unitLabel(ind, s.Scale, pr.Plan.BaseYear, lang)}
			if len(prs) > 1 {
				row = append(row, pr.Name())
			}
			row = append(row, ruleLabel(s.Rule, lang))
			for _, y := range years {
				v, _ := s.At(y)
				row = append(row, fmtValue(v))
			}
			t.Rows = append(t.Rows, row)
		}
	}
	for _, pr := range prs {
		for _, w := range pr.Warnings {
			if selected(w.Indicator, only) {
				t.Notes = append(t.Notes, L(lang, "注意", "Warning")+" ["+pr.Name()+"] "+w.In(lang))
			}
		}
	}
	return t
}

// unitLabel is the unit of a series as shown: an index or a change when
// the plan gives no level.
func unitLabel(ind *model.Indicator, sc model.Scale, base int, lang string) string {
	switch sc {
	case model.ScaleIndex:
		return L(lang, fmt.Sprintf("指数(%d=100)", base), fmt.Sprintf("index (%d=100)", base))
	case model.ScaleChange:
		u := quantity.PP(ind.Unit.In(lang), lang)
		return L(lang, fmt.Sprintf("较%d年变化(%s)", base, u), fmt.Sprintf("change since %d (%s)", base, u))
	}
	return ind.Unit.In(lang)
}

func writeProjection(w io.Writer, prs []*model.Projection, only []string, format, lang string) error {
	switch format {
	case "json":
		return writeJSON(w, projectionRows(prs, only))
	case "csv":
		t := &table{Head: []string{"id", "scenario", "year", "value", "rule", "scale"}}
		for _, r := range projectionRows(prs, only) {
			t.Rows = append(t.Rows, []string{r.ID, r.Scenario, fmt.Sprint(r.Year), strings.TrimSpace(fmtNum(float64(r.Value), 6)), r.Rule, r.Scale})
		}
		return t.write(w, "csv")
	}
	return projectionTable(prs, only, lang).write(w, format)
}

// ruleZH names the projection rules in Chinese tables; English tables
// print the rule's keyword, as a scenario file writes it.
var ruleZH = map[model.RuleKind]string{
	model.RuleCompound: "复合增长", model.RuleLinear: "线性", model.RuleLogistic: "逻辑斯谛",
	model.RuleHold: "保持不变", model.RulePlan: "规划路径", model.RuleDerived: "推算",
}

// ruleLabel is a rule's name in lang.
func ruleLabel(r model.RuleKind, lang string) string {
	if s, ok := ruleZH[r]; ok && lang != "en" {
		return s
	}
	return string(r)
}
