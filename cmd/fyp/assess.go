package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"fyp/internal/numfmt/quantity"
	"fyp/model"
	"fyp/report"
)

func assessCmd(o *options) *cobra.Command {
	var scope string
	var refs []string
	c := &cobra.Command{
		Use:   "assess",
		Short: "检验每项目标能否实现 · test whether each target is reachable",
		Long: `对每项目标：测算值、是否达标、余量、从基期起所需的年均速度、情景假设的速度和上一规划期的实际速度。
约束性指标标★。速度单位：复合增长为%/年，份额和比率为百分点/年，其他为该指标单位/年。

For each target: the projected metric, met or not, the margin, the pace required from the base
year, the pace the projection assumes and the pace delivered under the previous plan. Binding
targets are starred (★). Paces are percent a year for compound targets, percentage points (or
the indicator's units) a year for shares and changes.`,
		Example: `  fyp assess
  fyp assess --scope all --format csv
  fyp assess --format json --lang en
  fyp assess -s baseline -s low`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := o.check("table", "csv", "json", "md"); err != nil {
				return err
			}
			if err := checkScope(scope); err != nil {
				return err
			}
			p, err := o.loadPlan()
			if err != nil {
				return err
			}
			prs, err := o.projectScenarios(p, refs, 0)
			if err != nil {
				return err
			}
			return writeAssessments(o.stdout, prs, scope, o.format, o.lang)
		},
	}
	addFormat(c, o, "table", "csv", "json", "md")
	addScenarioFlag(c, &refs, "")
	c.Flags().StringVar(&scope, "scope", "main", "which targets: main (the main table and the 2035 goals) or all (chapter targets too)")
	return c
}

// checkScope validates --scope.
func checkScope(scope string) error {
	if scope != "main" && scope != "all" {
		return badInput2("--scope %q：应为main或all", "--scope %q: expected main or all", scope)
	}
	return nil
}

// inScope reports whether an assessment belongs to the chosen scope.
// A plan without a main table (no indicator has a 序号, no:) has nothing
// that "main" could pick out: every target is in scope.
func inScope(a model.Assessment, p *model.Plan, scope string) bool {
	return scope == "all" || a.Indicator.InTable() || (p.VisionYear > 0 && a.Target.Year == p.VisionYear) || !hasTable(p)
}

// hasTable reports whether p has a main indicator table.
func hasTable(p *model.Plan) bool {
	for _, ind := range p.Indicators {
		if ind.InTable() {
			return true
		}
	}
	return false
}

type assessJSON struct {
	ID             string `json:"id"`
	Name           string `json:"name"`
	NameEN         string `json:"name_en"`
	Attribute      string `json:"attribute"`
	Scenario       string `json:"scenario"`
	Year           int    `json:"year"`
	Kind           string `json:"kind"`
	Bound          string `json:"bound"`
	RelativeTo     string `json:"relative_to,omitempty"`
	Target         *num   `json:"target"`
	Projected      num    `json:"projected"`
	Met            *bool  `json:"met"`
	Margin         num    `json:"margin"`
	Required       num    `json:"required_rate_pct"`
	RequiredLatest num    `json:"required_rate_latest_pct"`
	LatestYear     int    `json:"latest_year,omitempty"`
	Assumed        num    `json:"assumed_rate_pct"`
	Historical     num    `json:"historical_rate_pct"`
	RateUnit       string `json:"rate_unit"`
	Status         string `json:"status"`
	Reason         string `json:"reason,omitempty"`
}

func assessRows(prs []*model.Projection, scope, lang string) []assessJSON {
	var out []assessJSON
	for _, pr := range prs {
		for _, a := range model.Assess(pr) {
			if !inScope(a, pr.Plan, scope) {
				continue
			}
			r := assessJSON{
				ID: a.Indicator.ID, Name: a.Indicator.Name.ZH, NameEN: a.Indicator.Name.EN,
				Attribute: string(a.Indicator.Attribute), Scenario: a.Scenario, Year: a.Target.Year,
				Kind: string(a.Target.Kind), Bound: string(a.Target.Bound), RelativeTo: a.Target.RelativeTo,
				Projected: num(a.Projected), Margin: num(a.Margin),
				Required: num(a.Required), RequiredLatest: num(a.RequiredLatest), LatestYear: a.LatestYear,
				Assumed: num(a.Assumed), Historical: num(a.Historical), RateUnit: paceUnit(a.Indicator, a.Pace, "en"),
				Status: string(a.Status), Reason: a.Reason.In(lang),
			}
			if a.Target.Kind != model.Delegated {
				v := num(a.Target.Value)
				r.Target = &v
			}
			if a.Status == model.Assessed {
				met := a.Met
				r.Met = &met
			}
			out = append(out, r)
		}
	}
	return out
}

// paceUnit names the unit of a pace: "%/年", "百分点/年", "万元/yr"; ""
// for a target with no pace (quantity.PaceUnit).
func paceUnit(ind *model.Indicator, k model.RateKind, lang string) string {
	return quantity.PaceUnit(ind, k, lang)
}

// fmtPace prints a pace: "4.83%" or "+0.44".
func fmtPace(v float64, k model.RateKind) string { return quantity.Table.Pace(v, k) }

// verdictLabel names a projection's verdict on a target (report.Verdict).
func verdictLabel(a model.Assessment, lang string) string { return report.Verdict(a, lang) }

func assessTable(prs []*model.Projection, scope, lang string) *table {
	t := &table{Title: L(lang, "目标可达性", "Reachability of targets") + " · " + prs[0].Plan.Title.In(lang)}
	t.Head = []string{L(lang, "序号", "No."), L(lang, "指标", "Indicator"), L(lang, "情景", "Scenario"), L(lang, "年份", "Year"),
		L(lang, "目标", "Target"), L(lang, "测算值", "Projected"), L(lang, "评价", "Verdict"),
		L(lang, "所需速度", "Required"), L(lang, "假设速度", "Assumed"), L(lang, "历史速度", "Historical"), L(lang, "速度单位", "Pace unit")}
	counts := map[string]int{}
	for _, pr := range prs {
		for _, a := range model.Assess(pr) {
			if !inScope(a, pr.Plan, scope) {
				continue
			}
			ind := a.Indicator
			name := ind.Name.In(lang)
			if ind.Attribute == model.Binding {
				name = "★" + name
			}
			no := ""
			if ind.No > 0 {
				no = fmt.Sprint(ind.No)
			}
			proj := fmtValue(a.Projected)
			if a.Target.Kind == model.Growth {
				proj = fmtPace(a.Projected, model.RatePct)
			}
			if a.Target.Relative() {
				proj = quantity.Table.Margin(a.Projected, lang)
			}
			v := verdictLabel(a, lang)
			counts[v]++
			t.Rows = append(t.Rows, []string{no, name, a.Scenario, fmt.Sprint(a.Target.Year), goalText(a.Target, lang), proj, v,
				fmtPace(a.Required, a.Pace), fmtPace(a.Assumed, a.Pace), fmtPace(a.Historical, a.Pace), paceUnit(ind, a.Pace, lang)})
		}
	}
	t.Notes = append(t.Notes, L(lang,
		"★ 约束性指标。所需速度：从基期恰好达到目标的年均速度；假设速度：测算路径的年均速度；历史速度："+prs[0].Plan.PreviousPeriod().ZH+"实际速度。",
		"★ binding target. Required: the average pace that meets the target exactly from the base year; Assumed: the projection's own pace; Historical: the pace delivered in "+prs[0].Plan.PreviousPeriod().EN+"."))
	t.Notes = append(t.Notes, summary(counts, lang))
	if p := prs[0].Plan; scope == "main" && !hasTable(p) {
		t.Notes = append(t.Notes, L(lang, "本规划没有主要指标表（指标均无序号 no），列出全部目标（同 --scope all）。",
			"This plan has no main table (no indicator has a number, no:), so every target is listed (as with --scope all)."))
	}
	for _, pr := range prs {
		for _, w := range pr.Warnings {
			t.Notes = append(t.Notes, L(lang, "注意", "Warning")+" ["+pr.Name()+"] "+w.In(lang))
		}
	}
	return t
}

// summary is the assessment's totals, every verdict with its count.
func summary(counts map[string]int, lang string) string {
	return totals([]string{L(lang, "达标", "met"), L(lang, "未达标", "not met"), L(lang, "数据不足", "insufficient data"), L(lang, "市下达", "delegated")},
		counts, true, lang)
}

func writeAssessments(w io.Writer, prs []*model.Projection, scope, format, lang string) error {
	if format == "json" {
		return writeJSON(w, assessRows(prs, scope, lang))
	}
	if format == "csv" {
		t := &table{Head: []string{"id", "scenario", "year", "kind", "bound", "target", "projected", "met", "margin",
			"required_rate", "required_rate_latest", "assumed_rate", "historical_rate", "rate_unit", "status", "reason", "relative_to"}}
		for _, r := range assessRows(prs, scope, lang) {
			met := ""
			if r.Met != nil {
				met = fmt.Sprint(*r.Met)
			}
			tv := ""
			if r.Target != nil {
				tv = fmtNum(float64(*r.Target), 6)
			}
			t.Rows = append(t.Rows, []string{r.ID, r.Scenario, fmt.Sprint(r.Year), r.Kind, r.Bound, tv,
				fmtNum(float64(r.Projected), 6), met, fmtNum(float64(r.Margin), 6), fmtNum(float64(r.Required), 6),
				fmtNum(float64(r.RequiredLatest), 6), fmtNum(float64(r.Assumed), 6), fmtNum(float64(r.Historical), 6),
				r.RateUnit, r.Status, r.Reason, r.RelativeTo})
		}
		return t.write(w, "csv")
	}
	return assessTable(prs, scope, lang).write(w, format)
}
