package report

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"

	"fyp/internal/numfmt"
	"fyp/internal/numfmt/quantity"
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

// shortVerdict is a verdict as the reachability table of every scenario
// prints it: in English "no data" for insufficient data, whose longest
// word would not fit six columns on the page (the note says so).
func shortVerdict(a model.Assessment, lb Labels, lang string) string {
	if lang == "en" && a.Status == model.NoData {
		return "no data"
	}
	return lb.Verdict(a)
}

// L2f picks a width by language: Chinese targets in words (增速不低于地区生
// 产总值增速) need a wider column than English ones, which wrap at spaces.
func L2f(lang string, zh, en float64) float64 {
	if lang == "en" {
		return en
	}
	return zh
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

// reachabilityTables is the reachability annex: one printed table with a
// row per main-table target (its required pace and the previous plan's)
// and, per scenario, the pace it assumes and its verdict — as a bureau
// prints it, on one A4 landscape page rather than a table per scenario —
// followed by each scenario's full table (projected value, base value …)
// for the workbook only.
func reachabilityTables(in Input) []*Table {
	if len(in.Scenarios) == 0 {
		return nil
	}
	lang, lb := in.Lang, in.Labels
	all := &Table{Sheet: L(lang, "可达性", "Reachability"), Caption: L(lang, "各情景下目标可达性", "Reachability of targets under each scenario"),
		Cols: []Col{
			col(L(lang, "序号", "No."), 5, FmtText), col(L(lang, "指标", "Indicator"), 26, FmtText), col(L(lang, "单位", "Unit"), 10, FmtText),
			col(L(lang, "目标值", "Target"), L2f(lang, 20, 12), FmtText), col(L(lang, "所需速度", "Required pace"), 9, FmtRate),
			col(L(lang, "上一规划期速度", "Previous plan's pace"), 9, FmtRate), col(L(lang, "速度单位", "Pace unit"), 9, FmtText)},
		// English units and verdicts are long (100 million yuan): they wrap.
		Groups: []HeadGroup{{Span: 7}}, Wrap: []bool{false, false, lang == "en", false, false, false, false}}
	var sheets []*Table
	var notes []string
	rows := map[int]int{} // assessment index → row of all
	// The required pace of a target relative to another indicator (增速不
	// 低于地区生产总值增速) follows each scenario's path of that indicator.
	type paces struct {
		vals  []float64
		texts []string
	}
	req := map[int]*paces{}
	var met []string      // each scenario's count of targets met
	unassessed := []int{} // the first scenario's targets without a verdict, by label
	var labels []string
	names := map[string]string{}
	for _, ind := range in.Plan.Indicators {
		names[ind.ID] = ind.Name.In(lang)
	}
	titles := map[string]string{}
	for _, sc := range in.Scenarios {
		titles[sc.Projection.Name()] = ScenarioTitle(sc.Projection, lang)
	}
	for k, sc := range in.Scenarios {
		pr := sc.Projection
		title := ScenarioTitle(pr, lang)
		all.Cols = append(all.Cols, col(L(lang, "速度", "Pace"), 8, FmtRate), col(L(lang, "评价", "Verdict"), 8, FmtText))
		all.Wrap = append(all.Wrap, false, lang == "en") // insufficient data: 17 characters, six times
		all.Groups = append(all.Groups, HeadGroup{Title: title, Span: 2})
		for _, n := range sc.Notes {
			// The command's warnings, scenario and indicator by name; its
			// column legend and totals give way to the report's.
			if n = simNote(n, titles, names, lang); !slices.Contains(notes, n) && !strings.HasPrefix(n, "★") && !strings.HasPrefix(n, L(lang, "合计", "Totals")) {
				notes = append(notes, n)
			}
		}
		nmet := 0
		t := &Table{Sheet: L(lang, "可达性", "Reachability") + " " + pr.Name(), SheetOnly: true,
			Caption: L(lang, "目标可达性", "Reachability of targets") + L(lang, "：", ": ") + title,
			Cols: []Col{
				col(L(lang, "序号", "No."), 6, FmtText), col(L(lang, "指标", "Indicator"), 32, FmtText), col(L(lang, "单位", "Unit"), 10, FmtText),
				col(L(lang, "属性", "Attribute"), 8, FmtText), col(L(lang, "基期值", "Base"), 11, FmtValue),
				col(L(lang, "目标值", "Target"), 11, FmtText), col(L(lang, "测算值", "Projected"), 11, FmtValue),
				col(L(lang, "评价", "Assessment"), 12, FmtText), col(L(lang, "所需速度", "Required pace"), 10, FmtRate),
				col(L(lang, "假设速度", "Assumed pace"), 10, FmtRate), col(L(lang, "历史速度", "Historical pace"), 10, FmtRate),
				col(L(lang, "速度单位", "Pace unit"), 10, FmtText)},
			Notes: sc.Notes}
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
			required, assumed := N(a.Required, lb.Pace(a.Required, a.Pace)), N(a.Assumed, lb.Pace(a.Assumed, a.Pace))
			t.Rows = append(t.Rows, Row{Cells: []Cell{T(annexNo(ind, i)), T(ind.Name.In(lang)), T(ind.Unit.In(lang)),
				T(lb.Attribute(ind.Attribute)), N(base, lb.Value(base)), T(goal), N(a.Projected, quantity.Table.Metric(a.Target, a.Projected, lang)),
				T(lb.Verdict(a)), required, assumed, N(a.Historical, lb.Pace(a.Historical, a.Pace)), T(lb.PaceUnit(ind, a.Pace))}})
			r, ok := rows[i]
			if !ok {
				if k > 0 {
					continue // every scenario projects the one plan: the same targets
				}
				r = len(all.Rows)
				rows[i] = r
				all.Rows = append(all.Rows, Row{Cells: []Cell{T(annexNo(ind, i)), T(ind.Name.In(lang)), T(ind.Unit.In(lang)), T(goal),
					required, N(a.Historical, lb.Pace(a.Historical, a.Pace)), T(lb.PaceUnit(ind, a.Pace))}})
			}
			all.Rows[r].Cells = append(all.Rows[r].Cells, assumed, T(shortVerdict(a, lb, lang)))
			switch v := lb.Verdict(a); {
			case a.Status == model.Assessed && a.Met:
				nmet++
			case a.Status != model.Assessed && k == 0:
				if i := slices.Index(labels, v); i >= 0 {
					unassessed[i]++
				} else {
					labels, unassessed = append(labels, v), append(unassessed, 1)
				}
			}
			if req[r] == nil {
				req[r] = &paces{}
			}
			req[r].vals = append(req[r].vals, a.Required)
			req[r].texts = append(req[r].texts, title+L(lang, "", " ")+required.Text)
		}
		sheets = append(sheets, t)
		met = append(met, L(lang, fmt.Sprintf("%s%d项", title, nmet), fmt.Sprintf("%s %d", title, nmet)))
		// A target this scenario does not assess keeps its place: dashes.
		for i := range all.Rows {
			for len(all.Rows[i].Cells) < len(all.Cols) {
				all.Rows[i].Cells = append(all.Rows[i].Cells, N(math.NaN(), "—"))
			}
		}
	}
	for r := 0; r < len(all.Rows); r++ {
		pc := req[r]
		if pc == nil || !slices.ContainsFunc(pc.vals, func(v float64) bool { return !same(v, pc.vals[0]) }) {
			continue
		}
		c := all.Rows[r].Cells
		c[4] = T(L(lang, "随情景", "by scenario"))
		notes = append(notes, L(lang, "序号"+c[0].Text+c[1].Text+"（"+c[3].Text+"）所需速度随情景而定："+strings.Join(pc.texts, "，")+"。",
			"No. "+c[0].Text+" "+c[1].Text+" ("+c[3].Text+"): the required pace depends on the scenario: "+strings.Join(pc.texts, ", ")+"."))
	}
	total := L(lang, fmt.Sprintf("%d项目标中达标的：%s", len(all.Rows), strings.Join(met, "，")), fmt.Sprintf("Of the %d targets, met: %s", len(all.Rows), strings.Join(met, "; ")))
	var un []string
	for i, l := range labels {
		un = append(un, L(lang, fmt.Sprintf("%s%d项", l, unassessed[i]), fmt.Sprintf("%s %d", l, unassessed[i])))
	}
	if len(un) > 0 {
		total += L(lang, "（"+strings.Join(un, "、")+"，无法评价）", " ("+strings.Join(un, ", ")+": not assessed)")
	}
	notes = append([]string{total + L(lang, "。", ".")}, mergeScenarioNotes(notes, lang)...)
	all.Notes = append(notes, L(lang,
		"所需速度为自基期起恰好实现目标的年均速度；上一规划期速度为上一规划期实际年均速度；各情景的假设速度为该情景对目标期间的年均速度，评价为按该情景测算到目标年是否达标。各情景的测算值、基期值见工作簿各情景工作表。",
		"Required pace: the average pace from the base year that meets the target exactly; previous plan's pace: the average delivered in the previous plan period; each scenario's assumed pace is its average over the target's period and its verdict whether its projection meets the target (no data: insufficient data). The projected values are in the workbook, one sheet per scenario."))
	return append([]*Table{all}, sheets...)
}

// probabilityTables are P(met) of each main-table target under each
// scenario: the printed table (a column per scenario), then the detail
// (standard error, percentiles; a row per target and scenario) for the
// workbook.
func probabilityTables(in Input) []*Table {
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
	notes = mergeScenarioNotes(notes, lang)
	t := &Table{Sheet: L(lang, "实现概率明细", "Probability detail"), SheetOnly: true, Notes: notes,
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
		return N(p, quantity.Table.Prob(p))
	}
	for _, sim := range sims {
		for _, ts := range sim.Targets {
			if ts.Status != model.Assessed || !in.inMain(ts.Indicator, ts.Target) {
				continue
			}
			t.Rows = append(t.Rows, Row{Cells: []Cell{T(ts.Indicator.Name.In(lang)), T(ts.Indicator.Unit.In(lang)), T(cmp.Or(titles[ts.Scenario], ts.Scenario)),
				N(float64(ts.Target.Year), fmt.Sprint(ts.Target.Year)), T(lb.Goal(ts.Target)),
				prob(ts.PMet), prob(ts.SE), N(ts.Q[0], quantity.Table.Metric(ts.Target, ts.Q[0], lang)),
				N(ts.Q[2], quantity.Table.Metric(ts.Target, ts.Q[2], lang)), N(ts.Q[4], quantity.Table.Metric(ts.Target, ts.Q[4], lang))}})
		}
	}
	return []*Table{probabilityWide(in, sims, titles, notes, prob), t}
}

// mergeScenarioNotes says once a warning said alike of several scenarios
// (注意［高增长情景］商品进出口总额：… and the same of 低增长情景): 注意［高增长情景、
// 低增长情景］商品进出口总额：….
func mergeScenarioNotes(notes []string, lang string) []string {
	open, close, sep := "［", "］", "、"
	if lang == "en" {
		open, close, sep = "[", "]", ", "
	}
	var out []string
	at := map[string]int{} // the note's text without its scenario → its place in out
	var scs [][]string
	for _, n := range notes {
		i := strings.Index(n, open)
		j := strings.Index(n, close)
		if i < 0 || j < i {
			out = append(out, n)
			scs = append(scs, nil)
			continue
		}
		k := n[:i] + "\x00" + n[j:]
		if p, ok := at[k]; ok && scs[p] != nil {
			scs[p] = append(scs[p], n[i+len(open):j])
			out[p] = n[:i] + open + strings.Join(scs[p], sep) + n[j:]
			continue
		}
		at[k] = len(out)
		out = append(out, n)
		scs = append(scs, []string{n[i+len(open) : j]})
	}
	return out
}

// probabilityWide is the probability annex as printed: a row per target,
// a column per scenario giving its probability of meeting the target (the
// standard errors and percentiles are in the workbook's detail sheet).
func probabilityWide(in Input, sims []*model.Simulation, titles map[string]string, notes []string, prob func(float64) Cell) *Table {
	lang, lb := in.Lang, in.Labels
	t := &Table{Sheet: L(lang, "实现概率", "Probability"),
		Caption: L(lang, "目标实现概率（"+numfmt.Thousands(sims[0].Draws)+"次抽样）", "Probability of meeting each target ("+numfmt.Thousands(sims[0].Draws)+" draws)"),
		Cols: []Col{col(L(lang, "指标", "Indicator"), 26, FmtText), col(L(lang, "单位", "Unit"), 10, FmtText),
			col(L(lang, "年份", "Year"), 6, FmtYear), col(L(lang, "目标值", "Target"), 11, FmtText)},
		Groups: []HeadGroup{{Span: 4}, {Title: L(lang, "各情景实现概率", "Probability under each scenario"), Span: len(sims)}}}
	type key struct {
		ind  *model.Indicator
		year int
		goal string
	}
	rows := map[key]int{}
	for k, sim := range sims {
		t.Cols = append(t.Cols, col(cmp.Or(titles[sim.Projection.Name()], sim.Projection.Name()), 10, FmtPct1))
		for _, ts := range sim.Targets {
			if ts.Status != model.Assessed || !in.inMain(ts.Indicator, ts.Target) {
				continue
			}
			kk := key{ts.Indicator, ts.Target.Year, lb.Goal(ts.Target)}
			r, ok := rows[kk]
			if !ok {
				r = len(t.Rows)
				rows[kk] = r
				t.Rows = append(t.Rows, Row{Cells: []Cell{T(ts.Indicator.Name.In(lang)), T(ts.Indicator.Unit.In(lang)),
					N(float64(ts.Target.Year), fmt.Sprint(ts.Target.Year)), T(kk.goal)}})
			}
			for len(t.Rows[r].Cells) < 4+k {
				t.Rows[r].Cells = append(t.Rows[r].Cells, N(math.NaN(), "—"))
			}
			t.Rows[r].Cells = append(t.Rows[r].Cells, prob(ts.PMet))
		}
	}
	for i := range t.Rows {
		for len(t.Rows[i].Cells) < len(t.Cols) {
			t.Rows[i].Cells = append(t.Rows[i].Cells, N(math.NaN(), "—"))
		}
	}
	t.Notes = append([]string{L(lang, "标准误和P5、P50、P95分位数见工作簿“实现概率明细”工作表。", "The standard errors and the P5, P50 and P95 percentiles are in the workbook's sheet \"Probability detail\".")}, notes...)
	return t
}

// recordTable is the previous plan's targets against its record.
func recordTable(in Input) *Table {
	if in.Record == nil {
		return nil
	}
	lang, lb, prev := in.Lang, in.Labels, in.Record.Plan
	var notes []string
	for _, n := range in.Record.Notes {
		// The command's legend of ★, a mark this table does not use (its
		// 属性 column says binding).
		n = strings.TrimPrefix(strings.TrimPrefix(n, "★ 约束性指标。"), "★ binding. ")
		notes = append(notes, n)
	}
	t := &Table{Sheet: L(lang, "上期完成情况", "Previous plan"), Notes: notes,
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
			year := ""
			if y := strings.TrimSpace(part(5)); y != "" {
				year = "（" + y + "年）"
			}
			head += cmp.Or(names[id], id) + year + "："
		}
		rest = zhWarning(strings.TrimPrefix(rest, " "))
	}
	return head + rest
}

// boundsWarning is the projection's warning that a rule left an
// indicator's bounds (model.Projection.Warnings).
var boundsWarning = regexp.MustCompile(`^the rule would take the value to (\S+), outside its bounds \[(\S+), (\S+)\]; held at (\S+) from this year$`)

// zhWarning is a projection's warning in a Chinese report (the model
// words its warnings in English); one it does not know is left as it is.
func zhWarning(s string) string {
	if m := boundsWarning.FindStringSubmatch(s); m != nil {
		return fmt.Sprintf("按测算规则该值将达到%s，超出取值范围[%s, %s]，自该年起按%s计", m[1], m[2], m[3], m[4])
	}
	if s == "logistic rule needs a base-year level; none is given" {
		return "logistic规则需要基期水平值，规划未给出"
	}
	return s
}
