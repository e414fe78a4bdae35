package main

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/spf13/cobra"

	"fyp/model"
)

func compareCmd(o *options) *cobra.Command {
	var refs []string
	var scope string
	c := &cobra.Command{
		Use:   "compare",
		Short: "多情景并排比较目标 · targets side by side across scenarios",
		Long: `把各情景下每项目标的测算值、是否达标和余量并排列出，并列出各情景之间结果不同的指标。
不给 -s 时比较全部内置情景。

Lists every target's projected metric, verdict and margin under each scenario side by side, and
the indicators whose paths differ between the scenarios. Without -s, compares every shipped
scenario.`,
		Example: `  fyp compare -s baseline -s trend
  fyp compare -s baseline -s my-scenario.yaml --format md`,
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
			if len(refs) == 0 {
				refs = o.defaultScenarios(p)
			}
			prs, err := o.projectScenarios(p, refs, 0)
			if err != nil {
				return err
			}
			return writeCompare(o.stdout, prs, scope, o.format, o.lang)
		},
	}
	addFormat(c, o, "table", "csv", "json", "md")
	addScenarioFlag(c, &refs, "every shipped scenario")
	c.Flags().StringVar(&scope, "scope", "main", "which targets: main or all")
	return c
}

type compareJSON struct {
	Targets []assessJSON `json:"targets"`
	Differ  []string     `json:"differing_indicators"`
}

// differing lists the indicators whose known values differ between any two
// projections in any common year.
func differing(prs []*model.Projection) []string {
	var out []string
	for _, ind := range prs[0].Plan.Indicators {
		s0 := prs[0].Series[ind.ID]
		diff := false
		for _, pr := range prs[1:] {
			s := pr.Series[ind.ID]
			for y := s0.Start; y <= min(s0.End(), s.End()) && !diff; y++ {
				a, oka := s0.At(y)
				b, okb := s.At(y)
				diff = oka != okb || (oka && math.Abs(a-b) > 1e-9*math.Max(1, math.Abs(a)))
			}
		}
		if diff {
			out = append(out, ind.ID)
		}
	}
	return out
}

func writeCompare(w io.Writer, prs []*model.Projection, scope, format, lang string) error {
	diff := differing(prs)
	if format == "json" {
		return writeJSON(w, compareJSON{Targets: assessRows(prs, scope, lang), Differ: diff})
	}
	if format == "csv" {
		return writeCompareCSV(w, prs, scope)
	}
	t := &table{Title: L(lang, "情景比较", "Scenarios compared") + " · " + prs[0].Plan.Title.In(lang)}
	t.Head = []string{L(lang, "序号", "No."), L(lang, "指标", "Indicator"), L(lang, "年份", "Year"), L(lang, "目标", "Target")}
	for _, pr := range prs {
		t.Head = append(t.Head, pr.Name(), L(lang, "余量", "margin"))
	}
	per := make([][]model.Assessment, len(prs))
	for i, pr := range prs {
		per[i] = model.Assess(pr)
	}
	met := make([]int, len(prs))
	for k, a := range per[0] {
		if !inScope(a, prs[0].Plan, scope) || a.Status == model.NotAssessed {
			continue
		}
		ind := a.Indicator
		no := ""
		if ind.No > 0 {
			no = fmt.Sprint(ind.No)
		}
		name := ind.Name.In(lang)
		if ind.Attribute == model.Binding {
			name = "★" + name
		}
		row := []string{no, name, fmt.Sprint(a.Target.Year), goalText(a.Target, lang)}
		for i := range prs {
			b := per[i][k]
			if b.Status == model.Assessed && b.Met {
				met[i]++
			}
			row = append(row, verdictLabel(b, lang), fmtNum(b.Margin, 3))
		}
		t.Rows = append(t.Rows, row)
	}
	for i, pr := range prs {
		t.Notes = append(t.Notes, fmt.Sprintf(L(lang, "%s：达标%d项", "%s: met %d"), pr.Name(), met[i]))
	}
	if len(prs) > 1 {
		differ := L(lang, "无", "none")
		if len(diff) > 0 {
			differ = strings.Join(diff, L(lang, "、", ", "))
		}
		t.Notes = append(t.Notes, L(lang, "各情景结果不同的指标：", "Indicators that differ: ")+differ)
	}
	for _, pr := range prs {
		for _, wn := range pr.Warnings {
			t.Notes = append(t.Notes, L(lang, "注意", "Warning")+" ["+pr.Name()+"] "+wn.In(lang))
		}
	}
	return t.write(w, format)
}
