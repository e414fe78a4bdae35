package main

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"strings"

	"fyp/model"
	"fyp/report"
)

// The report's annex tables, one layout for the document and the workbook
// (fyp-tables.xlsx): the model's results with their values for the
// workbook and their text as fyp's tables print it. The review's own
// tables are laid out in package report.

func nameUnit(ind *model.Indicator, lang string) string {
	u := ind.Unit.In(lang)
	if u == "" {
		return ind.Name.In(lang)
	}
	return ind.Name.In(lang) + L(lang, "（"+u+"）", " ("+u+")")
}

func rowNo(ind *model.Indicator, i int) string {
	if ind.No == 0 {
		return fmt.Sprint(i + 1)
	}
	if ind.Sub > 0 {
		return fmt.Sprintf("%d.%d", ind.No, ind.Sub)
	}
	return fmt.Sprint(ind.No)
}

func col(head string, width float64, numFmt string) report.Col {
	return report.Col{Head: head, Width: width, NumFmt: numFmt}
}

func value(v float64) report.Cell { return report.N(v, fmtValue(v)) }

func pace(v float64, k model.RateKind) report.Cell { return report.N(v, fmtPace(v, k)) }

// reportLabels are fyp's formatters, handed to the report so that it
// prints every number as `fyp review` does.
func reportLabels(lang string) report.Labels {
	return report.Labels{
		Value:     fmtValue,
		Goal:      func(t model.Target) string { return goalText(t, lang) },
		Pace:      fmtPace,
		PaceUnit:  func(ind *model.Indicator, k model.RateKind) string { return paceUnit(ind, k, lang) },
		Category:  func(r model.Review) string { return categoryLabel(r, lang) },
		Attribute: func(a model.Attribute) string { return attributeLabel(a, lang) },
		Remaining: func(r model.Review) string { return reviewCells(r, 0, lang)[10] },
		Multiple:  func(r model.Review) string { return reviewCells(r, 0, lang)[11] },
	}
}

// reachabilityTables: one table per scenario, the main table's targets.
func reachabilityTables(in reportInput) []*report.Table {
	lang := in.lang
	var out []*report.Table
	for _, pr := range in.projections {
		t := &report.Table{Sheet: L(lang, "可达性", "Reachability"), Caption: L(lang, "目标可达性", "Reachability of targets") + L(lang, "：", ": ") + scenarioTitle(pr, lang),
			Cols: []report.Col{
				col(L(lang, "序号", "No."), 6, report.FmtText), col(L(lang, "指标（单位）", "Indicator (unit)"), 40, report.FmtText),
				col(L(lang, "属性", "Attribute"), 8, report.FmtText), col(L(lang, "基期值", "Base"), 11, report.FmtValue),
				col(L(lang, "目标值", "Target"), 11, report.FmtText), col(L(lang, "测算值", "Projected"), 11, report.FmtValue),
				col(L(lang, "评价", "Assessment"), 12, report.FmtText), col(L(lang, "所需速度", "Required pace"), 10, report.FmtRate),
				col(L(lang, "假设速度", "Assumed pace"), 10, report.FmtRate), col(L(lang, "历史速度", "Historical pace"), 10, report.FmtRate),
				col(L(lang, "速度单位", "Pace unit"), 10, report.FmtText)},
			Notes: assessTable([]*model.Projection{pr}, "main", lang).Notes}
		if len(in.projections) > 1 {
			t.Sheet += " " + pr.Name()
		}
		for i, a := range model.Assess(pr) {
			if !inScope(a, pr.Plan, "main") {
				continue
			}
			ind := a.Indicator
			base := math.NaN()
			if ind.Baseline.Known {
				base = ind.Baseline.Value
			}
			t.Rows = append(t.Rows, report.Row{Cells: []report.Cell{report.T(rowNo(ind, i)), report.T(nameUnit(ind, lang)),
				report.T(attributeLabel(ind.Attribute, lang)), value(base), report.T(goalText(a.Target, lang)), value(a.Projected),
				report.T(verdictLabel(a, lang)), pace(a.Required, a.Pace), pace(a.Assumed, a.Pace), pace(a.Historical, a.Pace),
				report.T(paceUnit(ind, a.Pace, lang))}})
		}
		out = append(out, t)
	}
	return out
}

// scenarioTitle is a scenario's title in lang, as a report names it (its
// name, e.g. baseline, is for the command line); the plan's own rules
// without a scenario are 规划路径.
func scenarioTitle(pr *model.Projection, lang string) string {
	if pr.Scenario == nil {
		return L(lang, "规划路径", "The plan's path")
	}
	if t := pr.Scenario.Title.In(lang); t != "" {
		return t
	}
	return pr.Name()
}

// censorNote is the simulation's warning that draws were held at the
// growth floor (or a logistic ceiling), as simulationTable prints it:
// "注意 [plan] fdi: 23 of 150000 draw-years (0.015 %) drew a yearly growth
// of −99 % or less …".
var censorNote = regexp.MustCompile(`^(注意|Warning) \[([^\]]+)\] ([A-Za-z0-9_]+): (\d+) of (\d+) draw-years \(([^)]*) %\) drew a yearly growth of −(\d+) % or less(, or a level above the logistic ceiling ([^ ,]+))?`)

// simHead is the start of a note of simulationTable: "[plan] …" or
// "注意 [plan] fdi: …".
var simHead = regexp.MustCompile(`^((?:注意|Warning) )?\[([^\]]+)\]( ([A-Za-z0-9_]+)( \d{4})?:)?`)

// simNote is a note of the probability table as the report prints it:
// scenarios by their titles, indicators by their names, and the growth
// floor warning in Chinese in a Chinese report (the model words it in
// English).
func simNote(n string, titles, names map[string]string, lang string) string {
	if m := censorNote.FindStringSubmatch(n); m != nil && lang == "zh" {
		sc, ind := cmp.Or(titles[m[2]], m[2]), cmp.Or(names[m[3]], m[3])
		if m[8] != "" {
			return fmt.Sprintf("注意［%s］%s：%s个抽样年中有%s个（%s%%）年增速抽到−%s%%或更低、或水平超过logistic上限%s，按−%s%%或上限截断；该比例不小时说明增速冲击的标准差过大，外侧分位数受这些界限影响。",
				sc, ind, m[5], m[4], m[6], m[7], m[9], m[7])
		}
		return fmt.Sprintf("注意［%s］%s：%s个抽样年中有%s个（%s%%）年增速抽到−%s%%或更低（到−100%%水平将归零或为负），按−%s%%截断；该比例不小时说明增速冲击的标准差过大，低分位数受这一下限影响。",
			sc, ind, m[5], m[4], m[6], m[7], m[7])
	}
	m := simHead.FindStringSubmatchIndex(n)
	if m == nil {
		return n
	}
	part := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return n[m[2*i]:m[2*i+1]]
	}
	sc := cmp.Or(titles[part(2)], part(2))
	head := part(1) + "[" + sc + "]"
	if id := part(4); id != "" {
		head += " " + cmp.Or(names[id], id) + part(5) + ":"
	}
	rest := n[m[1]:]
	if lang == "zh" {
		head = strings.TrimSpace(part(1)) + "［" + sc + "］"
		if id := part(4); id != "" {
			head += cmp.Or(names[id], id) + part(5) + "："
		}
		rest = strings.TrimPrefix(rest, " ")
	}
	return head + rest
}

// probabilityTable is P(met) of each main-table target under each scenario.
func probabilityTable(in reportInput) *report.Table {
	if len(in.sims) == 0 {
		return nil
	}
	lang := in.lang
	st := simulationTable(in.sims, "main", lang)
	titles := map[string]string{}
	for _, pr := range in.projections {
		titles[pr.Name()] = scenarioTitle(pr, lang)
	}
	for _, sim := range in.sims {
		titles[sim.Projection.Name()] = scenarioTitle(sim.Projection, lang)
	}
	names := map[string]string{}
	for _, ind := range in.plan.Indicators {
		names[ind.ID] = ind.Name.In(lang)
	}
	notes := make([]string, len(st.Notes))
	for i, n := range st.Notes {
		notes[i] = simNote(n, titles, names, lang)
	}
	t := &report.Table{Sheet: L(lang, "实现概率", "Probability"), Caption: st.Title, Notes: notes,
		Cols: []report.Col{
			col(L(lang, "指标（单位）", "Indicator (unit)"), 40, report.FmtText), col(L(lang, "情景", "Scenario"), 14, report.FmtText),
			col(L(lang, "年份", "Year"), 7, report.FmtYear), col(L(lang, "目标值", "Target"), 11, report.FmtText),
			col(L(lang, "实现概率", "P(met)"), 10, report.FmtPct1), col(L(lang, "标准误", "Std. error"), 10, report.FmtPct1),
			col("P5", 10, report.FmtValue), col("P50", 10, report.FmtValue), col("P95", 10, report.FmtValue)}}
	prob := func(p float64) report.Cell {
		if math.IsNaN(p) {
			return report.N(p, L(lang, "未建模", "not modelled"))
		}
		return report.N(p, fmtNum(100*p, 1)+"%")
	}
	for _, sim := range in.sims {
		for _, ts := range sim.Targets {
			if ts.Status != model.Assessed || !inScope(model.Assessment{Indicator: ts.Indicator, Target: ts.Target}, sim.Projection.Plan, "main") {
				continue
			}
			t.Rows = append(t.Rows, report.Row{Cells: []report.Cell{report.T(nameUnit(ts.Indicator, lang)), report.T(cmp.Or(titles[ts.Scenario], ts.Scenario)),
				report.N(float64(ts.Target.Year), fmt.Sprint(ts.Target.Year)), report.T(goalText(ts.Target, lang)),
				prob(ts.PMet), prob(ts.SE), value(ts.Q[0]), value(ts.Q[2]), value(ts.Q[4])}})
		}
	}
	return t
}

// recordTable is the previous plan's targets against its record.
func recordTable(in reportInput) *report.Table {
	prev := previousRecord(in.plan)
	if prev == nil {
		return nil
	}
	lang := in.lang
	et := expostTable(prev, lang)
	t := &report.Table{Sheet: L(lang, "上期完成情况", "Previous plan"), Caption: et.Title, Notes: et.Notes,
		Cols: []report.Col{
			col(L(lang, "序号", "No."), 6, report.FmtText), col(L(lang, "指标（单位）", "Indicator (unit)"), 40, report.FmtText),
			col(L(lang, "属性", "Attribute"), 8, report.FmtText), col(L(lang, "基期值", "Base"), 11, report.FmtValue),
			col(L(lang, "目标值", "Target"), 11, report.FmtText), col(L(lang, "实际", "Outcome"), 14, report.FmtText),
			col(L(lang, "评价", "Assessment"), 12, report.FmtText), col(L(lang, "实际速度", "Delivered pace"), 10, report.FmtRate),
			col(L(lang, "所需速度", "Required pace"), 10, report.FmtRate), col(L(lang, "速度单位", "Pace unit"), 10, report.FmtText),
			col(L(lang, "说明", "Note"), 50, report.FmtText)}}
	for i, o := range model.ExPost(prev) {
		ind := o.Indicator
		base := math.NaN()
		if ind.Baseline.Known {
			base = ind.Baseline.Value
		}
		r := et.Rows[i]
		t.Rows = append(t.Rows, report.Row{Cells: []report.Cell{report.T(rowNo(ind, i)), report.T(nameUnit(ind, lang)),
			report.T(attributeLabel(ind.Attribute, lang)), value(base), report.T(goalText(o.Target, lang)), report.T(r[4]), report.T(r[5]),
			pace(o.Delivered, o.Pace), pace(o.Required, o.Pace), report.T(paceUnit(ind, o.Pace, lang)), report.T(r[9])}})
	}
	return t
}
