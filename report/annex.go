package report

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"strings"

	"fyp/internal/numfmt"
	"fyp/model"
)

// The annex tables other than the review's: reachability under each
// scenario, the probability of meeting each target, and the previous
// plan's record. One layout for the document and the workbook: the
// model's results with their values for the workbook and their text as
// fyp's command tables print it (Labels).

// Scenario is one scenario's projection, shown as a reachability table,
// with the notes `fyp assess` prints under that scenario's table.
type Scenario struct {
	Projection *model.Projection
	Notes      []string
}

// Simulations are the draws behind the probability annex (one simulation
// per scenario) with the notes `fyp simulate` prints: the report keeps its
// warnings (naming scenarios by their titles and indicators by their
// names) and explains the columns in its own words.
type Simulations struct {
	Runs  []*model.Simulation
	Notes []string
}

// Record is a finished plan whose targets the record annex sets against
// its outcomes, with the notes `fyp review expost` prints.
type Record struct {
	Plan  *model.Plan
	Notes []string
}

// annexNo is a row's 序号, its place in the list (from 1) where the plan
// prints none.
func annexNo(ind *model.Indicator, i int) string {
	if s := rowNo(ind); s != "" {
		return s
	}
	return fmt.Sprint(i + 1)
}

func col(head string, width float64, numFmt string) Col {
	return Col{Head: head, Width: width, NumFmt: numFmt}
}

// ScenarioTitle is a scenario's title in lang, as a report names it (its
// name, e.g. baseline, is for the command line); the plan's own rules
// without a scenario are 规划路径.
func ScenarioTitle(pr *model.Projection, lang string) string {
	if pr.Scenario == nil {
		return L(lang, "规划路径", "The plan's path")
	}
	if t := pr.Scenario.Title.In(lang); t != "" {
		return quotes(t, lang)
	}
	return pr.Name()
}

// quotes writes a Chinese title's straight double quotes as the report's
// own text does (延续“十三五”实际速度); an English title, or one whose
// quotes do not pair, is left as it is.
func quotes(s, lang string) string {
	if lang == "en" || strings.Count(s, `"`)%2 != 0 {
		return s
	}
	var b strings.Builder
	open := true
	for _, r := range s {
		if r != '"' {
			b.WriteRune(r)
			continue
		}
		if open {
			b.WriteString("“")
		} else {
			b.WriteString("”")
		}
		open = !open
	}
	return b.String()
}

// inMain reports whether a target is one the annexes show: in.Main
// decides (the command's --scope main), every target when it is nil.
func (in Input) inMain(ind *model.Indicator, t model.Target) bool {
	return in.Main == nil || in.Main(ind, t)
}

// reachabilityTables: one table per scenario, the main table's targets.
func reachabilityTables(in Input) []*Table {
	lang, lb := in.Lang, in.Labels
	var out []*Table
	for _, sc := range in.Scenarios {
		pr := sc.Projection
		t := &Table{Sheet: L(lang, "可达性", "Reachability"), Caption: L(lang, "目标可达性", "Reachability of targets") + L(lang, "：", ": ") + ScenarioTitle(pr, lang),
			Cols: []Col{
				col(L(lang, "序号", "No."), 6, FmtText), col(L(lang, "指标", "Indicator"), 32, FmtText), col(L(lang, "单位", "Unit"), 10, FmtText),
				col(L(lang, "属性", "Attribute"), 8, FmtText), col(L(lang, "基期值", "Base"), 11, FmtValue),
				col(L(lang, "目标值", "Target"), 11, FmtText), col(L(lang, "测算值", "Projected"), 11, FmtValue),
				col(L(lang, "评价", "Assessment"), 12, FmtText), col(L(lang, "所需速度", "Required pace"), 10, FmtRate),
				col(L(lang, "假设速度", "Assumed pace"), 10, FmtRate), col(L(lang, "历史速度", "Historical pace"), 10, FmtRate),
				col(L(lang, "速度单位", "Pace unit"), 10, FmtText)},
			Notes: sc.Notes}
		if len(in.Scenarios) > 1 {
			t.Sheet += " " + pr.Name()
		}
		for i, a := range model.Assess(pr) {
			if !in.inMain(a.Indicator, a.Target) {
				continue
			}
			ind := a.Indicator
			base := math.NaN()
			if ind.Baseline.Known {
				base = ind.Baseline.Value
			}
			goal := lb.Goal(a.Target)
			if a.Target.Year != pr.Plan.TargetYear {
				goal += fmt.Sprintf(L(lang, "（%d年）", " (%d)"), a.Target.Year) // as the main table: 翻一番（2035年）
			}
			t.Rows = append(t.Rows, Row{Cells: []Cell{T(annexNo(ind, i)), T(ind.Name.In(lang)), T(ind.Unit.In(lang)),
				T(lb.Attribute(ind.Attribute)), N(base, lb.Value(base)), T(goal), N(a.Projected, metricText(a.Target, a.Projected, lb, lang)),
				T(lb.Verdict(a)), N(a.Required, lb.Pace(a.Required, a.Pace)), N(a.Assumed, lb.Pace(a.Assumed, a.Pace)),
				N(a.Historical, lb.Pace(a.Historical, a.Pace)), T(lb.PaceUnit(ind, a.Pace))}})
		}
		out = append(out, t)
	}
	return out
}

// probabilityTable is P(met) of each main-table target under each scenario.
func probabilityTable(in Input) *Table {
	if in.Simulations == nil || len(in.Simulations.Runs) == 0 {
		return nil
	}
	lang, lb, sims := in.Lang, in.Labels, in.Simulations.Runs
	titles := map[string]string{}
	for _, sc := range in.Scenarios {
		titles[sc.Projection.Name()] = ScenarioTitle(sc.Projection, lang)
	}
	for _, sim := range sims {
		titles[sim.Projection.Name()] = ScenarioTitle(sim.Projection, lang)
	}
	names := map[string]string{}
	for _, ind := range in.Plan.Indicators {
		names[ind.ID] = ind.Name.In(lang)
	}
	notes := []string{probabilityNote(sims, lang)}
	for _, n := range in.Simulations.Notes {
		// The command's own explanation ("[plan] 10000 draws … see the
		// README") gives way to the report's; its warnings stay.
		if strings.HasPrefix(n, "注意") || strings.HasPrefix(n, "Warning") {
			notes = append(notes, simNote(n, titles, names, lang))
		}
	}
	t := &Table{Sheet: L(lang, "实现概率", "Probability"), Notes: notes,
		Caption: L(lang, "目标实现概率（"+numfmt.Thousands(sims[0].Draws)+"次抽样）", "Probability of meeting each target ("+numfmt.Thousands(sims[0].Draws)+" draws)"),
		Cols: []Col{
			col(L(lang, "指标", "Indicator"), 32, FmtText), col(L(lang, "单位", "Unit"), 10, FmtText), col(L(lang, "情景", "Scenario"), 14, FmtText),
			col(L(lang, "年份", "Year"), 7, FmtYear), col(L(lang, "目标值", "Target"), 11, FmtText),
			col(L(lang, "实现概率", "P(met)"), 10, FmtPct1), col(L(lang, "标准误", "Std. error"), 10, FmtPct1),
			col("P5", 10, FmtValue), col("P50", 10, FmtValue), col("P95", 10, FmtValue)}}
	prob := func(p float64) Cell {
		if math.IsNaN(p) {
			return N(p, L(lang, "未建模", "not modelled"))
		}
		return N(p, numfmt.Fixed(100*p, 1)+"%")
	}
	for _, sim := range sims {
		for _, ts := range sim.Targets {
			if ts.Status != model.Assessed || !in.inMain(ts.Indicator, ts.Target) {
				continue
			}
			t.Rows = append(t.Rows, Row{Cells: []Cell{T(ts.Indicator.Name.In(lang)), T(ts.Indicator.Unit.In(lang)), T(cmp.Or(titles[ts.Scenario], ts.Scenario)),
				N(float64(ts.Target.Year), fmt.Sprint(ts.Target.Year)), T(lb.Goal(ts.Target)),
				prob(ts.PMet), prob(ts.SE), N(ts.Q[0], metricText(ts.Target, ts.Q[0], lb, lang)),
				N(ts.Q[2], metricText(ts.Target, ts.Q[2], lb, lang)), N(ts.Q[4], metricText(ts.Target, ts.Q[4], lb, lang))}})
		}
	}
	return t
}

// recordTable is the previous plan's targets against its record.
func recordTable(in Input) *Table {
	if in.Record == nil {
		return nil
	}
	lang, lb, prev := in.Lang, in.Labels, in.Record.Plan
	t := &Table{Sheet: L(lang, "上期完成情况", "Previous plan"), Notes: append([]string(nil), in.Record.Notes...),
		Caption: recordCaption(prev, lang),
		Cols: []Col{
			col(L(lang, "序号", "No."), 6, FmtText), col(L(lang, "指标", "Indicator"), 32, FmtText), col(L(lang, "单位", "Unit"), 10, FmtText),
			col(L(lang, "属性", "Attribute"), 8, FmtText), col(L(lang, "基期值", "Base"), 11, FmtValue),
			col(L(lang, "目标值", "Target"), 11, FmtText), col(L(lang, "实际", "Outcome"), 14, FmtText),
			col(L(lang, "评价", "Assessment"), 12, FmtText), col(L(lang, "实际速度", "Delivered pace"), 10, FmtRate),
			col(L(lang, "所需速度", "Required pace"), 10, FmtRate), col(L(lang, "速度单位", "Pace unit"), 10, FmtText)}}
	// Why a target was not compared, under the table: a column of its own
	// would stand empty in most rows.
	var why []string
	for i, o := range model.ExPost(prev) {
		ind := o.Indicator
		base := math.NaN()
		if ind.Baseline.Known {
			base = ind.Baseline.Value
		}
		outcome := o.Printed(lang)
		if outcome == "" {
			outcome = lb.Value(o.Observed)
		}
		if reason := o.Reason.In(lang); !o.Compared && reason != "" {
			why = append(why, L(lang, "序号"+annexNo(ind, i)+"："+reason+"。", "No. "+annexNo(ind, i)+": "+reason+"."))
		}
		t.Rows = append(t.Rows, Row{Cells: []Cell{T(annexNo(ind, i)), T(ind.Name.In(lang)), T(ind.Unit.In(lang)),
			T(lb.Attribute(ind.Attribute)), N(base, lb.Value(base)), T(lb.Goal(o.Target)), T(outcome), T(lb.Outcome(o)),
			N(o.Delivered, lb.Pace(o.Delivered, o.Pace)), N(o.Required, lb.Pace(o.Required, o.Pace)), T(lb.PaceUnit(ind, o.Pace))}})
	}
	t.Notes = append(t.Notes, why...)
	return t
}

// recordCaption names the record table by the record's own title
// (江津区"十三五"规划主要指标完成情况), or the plan's with 主要指标完成情况.
func recordCaption(p *model.Plan, lang string) string {
	title := quotes(p.Title.In(lang), lang)
	if strings.Contains(title, L(lang, "完成情况", "record")) {
		return title
	}
	return L(lang, title+"主要指标完成情况", title+": record of the main indicators")
}

// probabilityNote says what the probability table's columns are, once for
// every scenario drawn alike.
func probabilityNote(sims []*model.Simulation, lang string) string {
	var runs []string
	seen := map[[2]uint64]bool{}
	for _, sim := range sims {
		k := [2]uint64{uint64(sim.Draws), sim.Seed}
		if !seen[k] {
			seen[k] = true
			runs = append(runs, L(lang, fmt.Sprintf("%s次随机抽样（种子%d）", numfmt.Thousands(sim.Draws), sim.Seed),
				fmt.Sprintf("%s random draws (seed %d)", numfmt.Thousands(sim.Draws), sim.Seed)))
		}
	}
	return L(lang,
		strings.Join(runs, "；")+"。实现概率为达标抽样所占比例，标准误为其蒙特卡洛标准误；P5、P50、P95为目标指标（增速目标为年均增速）的第5、50、95百分位数。“未建模”：没有随机冲击影响该指标，分位数即确定路径的值。波动率为假设值（情景未给出时按序列类型取默认值）。",
		strings.Join(runs, "; ")+". P(met) is the share of draws that meet the target, with its Monte Carlo standard error; P5, P50 and P95 are percentiles of the target's metric (the average growth for growth targets). \"not modelled\": no shock reaches the indicator, and the percentiles are its deterministic path. The volatilities are assumptions (defaults by kind of series where a scenario gives none).")
}

// metricText is a value of a target's metric written as the target is
// (Labels.Goal): 6%/年 beside ≥6%/年, −30% beside −30%, ×2.03 beside
// 翻一番, [25] beside [25], +1个百分点 beside 增速不低于…增速.
func metricText(t model.Target, v float64, lb Labels, lang string) string {
	if isNaN(v) {
		return "—"
	}
	if t.Relative() {
		s := numfmt.Fixed(v, 2)
		if v > 0 && s != "0" {
			s = "+" + s
		}
		return s + L(lang, "个百分点", " pp")
	}
	switch t.Kind {
	case model.Growth:
		return lb.Value(v) + L(lang, "%/年", "%/yr")
	case model.Reduction: // the metric is the reduction, in percent
		if v < 0 {
			return "+" + lb.Value(-v) + "%"
		}
		return "−" + lb.Value(v) + "%"
	case model.Change:
		if v > 0 {
			return "+" + lb.Value(v)
		}
	case model.Multiple:
		return "×" + lb.Value(v)
	case model.Cumulative:
		return "[" + lb.Value(v) + "]"
	}
	return lb.Value(v)
}

// censorNote is the simulation's warning that draws were held at the
// growth floor (or a logistic ceiling), as `fyp simulate` prints it:
// "注意 [plan] fdi: 23 of 150000 draw-years (0.015 %) drew a yearly growth
// of −99 % or less …".
var censorNote = regexp.MustCompile(`^(注意|Warning) \[([^\]]+)\] ([A-Za-z0-9_]+): (\d+) of (\d+) draw-years \(([^)]*) %\) drew a yearly growth of −(\d+) % or less(, or a level above the logistic ceiling ([^ ,]+))?`)

// simHead is the start of a note of `fyp simulate`: "[plan] …" or
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
