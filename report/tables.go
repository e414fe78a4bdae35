package report

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"fyp/internal/numfmt"
	"fyp/model"
)

// Number formats of the workbook's columns.
const (
	FmtText    = ""
	FmtPercent = "0%"   // fractions shown as percent (progress, time elapsed)
	FmtPct1    = "0.0%" // probabilities
	FmtRate    = "0.00" // paces
	FmtRatio   = "0.00" // RR, AP, multiples
	FmtYear    = "0"    // years
	FmtValue   = "#,##0.0###"
)

// mainTable is the main table as the plan prints it, in 序号 order under
// the plan's groups: unit, base value, the yearly actuals, the target, the
// observed and required paces, progress and the assessment.
func mainTable(p *model.Plan, rv *Review, lb Labels, lang string) *Table {
	final := IsFinal(p, rv.AsOf)
	first := max(p.BaseYear+1, rv.AsOf-4)
	var years []int
	if rv.Actuals != nil {
		for y := first; y <= rv.AsOf; y++ {
			years = append(years, y)
		}
	}
	t := &Table{Sheet: L(lang, "主要指标", "Main table"),
		Caption: L(lang, fmt.Sprintf("主要指标完成情况（截至%d年）", rv.AsOf), fmt.Sprintf("The main indicators as of %d", rv.AsOf))}
	t.Cols = []Col{{Head: L(lang, "序号", "No."), Width: 4}, {Head: L(lang, "指标", "Indicator"), Width: 20},
		{Head: L(lang, "单位", "Unit"), Width: 7}, {Head: L(lang, "属性", "Attribute"), Width: 7},
		{Head: fmt.Sprint(p.BaseYear), Width: 8, NumFmt: FmtValue}}
	// Year heads are bare years, which never wrap; the group head says 年.
	for _, y := range years {
		t.Cols = append(t.Cols, Col{Head: fmt.Sprint(y), Width: 7, NumFmt: FmtValue})
	}
	t.Cols = append(t.Cols, Col{Head: L(lang, "目标值", "Target"), Width: 10},
		Col{Head: L(lang, "实际", "Observed"), Width: 8, NumFmt: FmtRate}, Col{Head: L(lang, "所需", "Required"), Width: 8, NumFmt: FmtRate},
		Col{Head: L(lang, "进度", "Progress"), Width: 6, NumFmt: FmtPercent}, Col{Head: L(lang, "评价", "Assessment"), Width: 9})
	t.Groups = []HeadGroup{{Span: 4}, {Title: L(lang, "基期值（年）", "Base (year)"), Span: 1}}
	if len(years) > 0 {
		t.Groups = append(t.Groups, HeadGroup{Title: L(lang, "各年实际值", "Actual values by year"), Span: len(years)})
	}
	t.Groups = append(t.Groups, HeadGroup{Span: 1}, HeadGroup{Title: L(lang, "年均速度", "Average pace a year"), Span: 2}, HeadGroup{Span: 2})
	group := ""
	var baseNotes []string
	var ungrouped []string // 序号 of rows the plan prints under no group
	marks := map[BaseSource]bool{}
	shown := map[string]map[int]bool{} // by indicator, the years a figure of it stands in
	grouped := false
	for _, r := range rv.Rows {
		grouped = grouped || groupOf(r.Indicator, lang) != ""
	}
	for _, r := range tableOrder(rv.Rows) {
		ind := r.Indicator
		if g := groupOf(ind, lang); g != group {
			group = g
			if g != "" {
				t.Rows = append(t.Rows, Row{Group: g})
			}
		}
		if no := rowNo(ind); grouped && group == "" && no != "" && !slices.Contains(ungrouped, no) {
			ungrouped = append(ungrouped, no)
		}
		name := ind.Name.In(lang)
		if ind.Attribute == model.Binding {
			name = "★" + name
		}
		bv := BaseOf(p, r)
		marks[bv.Source] = true
		base := N(bv.Value, lb.Value(bv.Value))
		switch bv.Source {
		case BaseIndex:
			base.Text += L(lang, "（指数）", " (index)")
		case BaseRevised:
			base.Text += "*"
			baseNotes = append(baseNotes, L(lang,
				fmt.Sprintf("%s基期值%s取自观测文件（修订值），评估按此计算；规划基期值为%s。", ind.Name.ZH, lb.Value(bv.Value), lb.Value(bv.Plan)),
				fmt.Sprintf("%s: base value %s from the observed file (a revision), used by the review; the plan prints %s.", ind.Name.In(lang), lb.Value(bv.Value), lb.Value(bv.Plan))))
		case BaseFile:
			base.Text += "†"
			baseNotes = append(baseNotes, L(lang,
				fmt.Sprintf("%s规划未列基期值，%s取自观测文件%d年数据。", ind.Name.ZH, lb.Value(bv.Value), bv.Year),
				fmt.Sprintf("%s: the plan prints no base value; %s is the observed file's %d figure.", ind.Name.In(lang), lb.Value(bv.Value), bv.Year)))
		}
		if bv.Source != BaseNone && bv.Year != p.BaseYear {
			base.Text += fmt.Sprintf(L(lang, "（%d年）", " (%d)"), bv.Year)
		}
		cells := []Cell{T(rowNo(ind)), T(name), T(ind.Unit.In(lang)), T(lb.Attribute(ind.Attribute)), base}
		if shown[ind.ID] == nil {
			shown[ind.ID] = map[int]bool{}
		}
		for _, o := range rv.Evidence[ind.ID] {
			if bv.Source != BaseNone && o.Year == bv.Year && !o.Growth && o.Value == bv.Value {
				shown[ind.ID][o.Year] = true // in the base column
			}
		}
		for _, y := range years {
			v, ok := rv.Actuals[ind.ID][y]
			if !ok && y == r.ObservedYear && (r.Measure == model.MeasureLog || r.Measure == model.MeasureLinear) {
				v, ok = r.Observed, true // the review's own figure, on its scale
			}
			if !ok || y > r.Target.Year {
				cells = append(cells, N(math.NaN(), "—")) // aligned as the numbers
				continue
			}
			cells = append(cells, N(v, lb.Value(v)))
			shown[ind.ID][y] = true
		}
		goal := lb.Goal(r.Target)
		if r.Target.Year != p.TargetYear {
			goal += fmt.Sprintf(L(lang, "（%d年）", " (%d)"), r.Target.Year)
		}
		verdict := lb.Category(r)
		if finalRow(r, final) {
			verdict = finalLabel(model.FinalOf(r, rv.Final), lang)
		}
		cells = append(cells, T(goal), N(r.ObservedRate, lb.Pace(r.ObservedRate, r.Pace)), labelled(r.RequiredRemaining, lb.Remaining(r)),
			N(r.TaskDone, pct(r.TaskDone)), T(verdict))
		t.Rows = append(t.Rows, Row{Cells: cells})
	}
	// The marks the note explains are those the table uses.
	base := L(lang, "★ 约束性指标。基期值为规划所列基期值", "★ binding. Base: the plan's base value")
	if marks[BaseRevised] {
		base += L(lang, "；*为观测文件中的修订基期值", "; * a revised base value from the observed file")
	}
	if marks[BaseFile] {
		base += L(lang, "；†为规划未列、取自观测文件的基期值", "; † one the plan does not print, taken from the file")
	}
	if marks[BaseRevised] || marks[BaseFile] {
		base += L(lang, "，评估按所示基期值计算", "; the review computes with the base shown")
	}
	actual := L(lang, "实际值：观测数据。", "Actual values: the observed figures.")
	if marks[BaseIndex] {
		actual = L(lang, "实际值：观测数据（按增速推算的为以基期为100的指数）。", "Actual values: the observed figures (an index, base year = 100, where chained from growth rates).")
	}
	t.Notes = append(t.Notes, base+L(lang, "。", ". ")+actual+L(lang,
		"年均速度：复合增长目标为年均增速（%），其余为每年增减量（指标单位，百分比指标为百分点）；实际为基期至最新观测年的平均速度，所需为剩余年份恰好实现目标的速度。进度：任务完成程度。",
		" Average pace: growth in % a year for compound targets, else the change a year in the indicator's unit (pp for percentages); observed from the base year to the latest observation, required for the remaining years to meet the target exactly. Progress: the share of the task done."))
	if len(ungrouped) > 0 {
		t.Notes = append(t.Notes, ungroupedNote(ungrouped, lang))
	}
	t.Notes = append(t.Notes, baseNotes...)
	if n := unshownNote(rv, shown, lang); n != "" {
		t.Notes = append(t.Notes, n)
	}
	t.Notes = append(t.Notes, thresholdNote(p, rv, lang))
	return t
}

// unshownNote names the observations the table does not show (shown: the
// years it does, by indicator), indicator by indicator in the table's
// order, each with the reason.
func unshownNote(rv *Review, shown map[string]map[int]bool, lang string) string {
	if rv.Unplaced == nil {
		return ""
	}
	var parts []string
	seen := map[string]bool{}
	for _, r := range tableOrder(rv.Rows) {
		id := r.Indicator.ID
		if seen[id] || len(rv.Evidence[id]) == 0 {
			continue
		}
		seen[id] = true
		if l := rv.Unplaced(r.Indicator, rv.Evidence[id], shown[id]); l != "" {
			parts = append(parts, r.Indicator.Name.In(lang)+L(lang, "：", ": ")+l)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return L(lang, "表中未列的观测值：", "Observations not in the table: ") + strings.Join(parts, L(lang, "；", "; ")) + L(lang, "。", ".")
}

// ungroupedNote says why rows stand before the first group heading: the
// plan's table gives them no 类别 (Jiangjin's 14th plan prints 地区生产总值
// and 人均地区生产总值 above 推动高质量发展), and the report invents none.
func ungroupedNote(nos []string, lang string) string {
	if lang == "en" {
		s := "Row " + nos[0]
		if n := len(nos); n > 1 {
			s = "Rows " + strings.Join(nos[:n-1], ", ") + " and " + nos[n-1]
		}
		return s + ": no group in the plan's table; listed as the plan prints them, before the first group."
	}
	return "序号" + strings.Join(nos, "、") + "规划表未标类别，按规划表原样列于各类别之前。"
}

// thresholdNote states the categories' thresholds.
func thresholdNote(p *model.Plan, rv *Review, lang string) string {
	th := rv.Thresholds
	s := L(lang,
		fmt.Sprintf("评价标准：进度≥100%%为提前实现；进度≥时间进度+%s为快于预期；进度≥时间进度−%s为基本符合预期；否则为滞后；下限、上限目标任何一年突破即为滞后。",
			pct(th.Ahead), pct(th.Behind)),
		fmt.Sprintf("Categories: achieved early when progress ≥ 100%%; ahead of schedule when progress ≥ time elapsed + %s; on schedule down to time elapsed − %s; lagging otherwise, or when a floor or ceiling was broken in any year.",
			pct(th.Ahead), pct(th.Behind)))
	if IsFinal(p, rv.AsOf) {
		s += L(lang,
			fmt.Sprintf("总结评估（目标年份已有观测值的目标）：实现目标为已完成，任务完成%s及以上为基本完成，其余为未完成。", pct(rv.Final.Mostly)),
			fmt.Sprintf(" Final evaluation (targets whose year is observed): completed when met, mostly completed at %s of the task or more, not completed otherwise.", pct(rv.Final.Mostly)))
	}
	return s
}

var ratioZH = map[string]string{"significant": "显著进展", "moderate": "中等进展", "insufficient": "进展不足", "moving_away": "背离目标"}
var ratioEN = map[string]string{"significant": "significant progress", "moderate": "moderate progress", "insufficient": "insufficient progress", "moving_away": "moving away"}
var escapZH = map[string]string{"maintain": "保持即可", "accelerate": "需加速", "reverse": "需扭转"}
var escapEN = map[string]string{"maintain": "maintain", "accelerate": "accelerate", "reverse": "reverse the trend"}

func className(m map[string]string, k string) string {
	if k == "" {
		return "—"
	}
	return m[k]
}

// classTable is the Eurostat ratio and UN ESCAP's anticipated progress of
// every target.
func classTable(rv *Review, lb Labels, lang string) *Table {
	t := &Table{Caption: L(lang, "欧盟统计局进展比值与联合国亚太经社会预期进展", "Eurostat progress ratio and UN ESCAP anticipated progress"),
		Cols: []Col{{Head: L(lang, "序号", "No.")}, {Head: L(lang, "指标", "Indicator")}, {Head: L(lang, "实际速度", "Observed pace")},
			{Head: L(lang, "所需速度（自基期）", "Required from base")}, {Head: "RR"}, {Head: L(lang, "欧盟统计局分类", "Eurostat class")},
			{Head: "AP"}, {Head: L(lang, "亚太经社会分类", "ESCAP class")}}}
	unclassed := 0
	for _, r := range tableOrder(rv.Rows) {
		if r.RatioClass == "" && r.AnticipClass == "" {
			unclassed++ // a row of dashes says nothing: a note says why it is left out
			continue
		}
		t.Rows = append(t.Rows, Row{Cells: []Cell{T(rowNo(r.Indicator)), T(r.Indicator.Name.In(lang)),
			N(r.ObservedRate, lb.Pace(r.ObservedRate, r.Pace)), N(r.RequiredRate, lb.Pace(r.RequiredRate, r.Pace)),
			N(r.RatioRR, numfmt.Fixed(r.RatioRR, 2)), T(className(L2(lang, ratioZH, ratioEN), r.RatioClass)),
			N(r.Anticipated, numfmt.Fixed(r.Anticipated, 2)), T(className(L2(lang, escapZH, escapEN), r.AnticipClass))}})
	}
	t.Notes = []string{L(lang,
		"RR = 方向 × 实际年均速度 / |自基期所需年均速度|：≥0.95 显著进展，0.60–0.95 中等进展，0–0.60 进展不足，<0 背离目标（欧盟统计局可持续发展目标进展评估）。AP = (x̂_T − x_0)/(x* − x_0)，x̂_T 为按实际速度外推到目标年的值：≥1 保持即可，0–1 需加速，≤0 需扭转（联合国亚太经社会）。",
		"RR = direction × observed pace / |pace required from the base|: ≥ 0.95 significant progress, 0.60–0.95 moderate, 0–0.60 insufficient, < 0 moving away (Eurostat's SDG progress assessment). AP = (x̂_T − x_0)/(x* − x_0), x̂_T the observed pace extrapolated to the target year: ≥ 1 maintain, 0–1 accelerate, ≤ 0 reverse (UN ESCAP).")}
	if unclassed > 0 {
		t.Notes = append(t.Notes, L(lang, "表中未列的目标未分类（无可比观测值，或为下限、上限、保持类目标），见表1。",
			"The targets not listed are not classed (no comparable observation, or a floor, ceiling or hold target); see Table 1."))
	}
	return t
}

// classBlock is the class table, or a sentence when no target is classed.
func classBlock(rv *Review, lb Labels, lang string) Block {
	if t := classTable(rv, lb, lang); len(t.Rows) > 0 {
		return t
	}
	return Paragraph{Text: L(lang, "本次评估没有可分类的目标（无可比观测值，或为下限、上限、保持类目标）。",
		"No target could be classed (no comparable observation, or floor, ceiling and hold targets only).")}
}

// L2 picks a map by language.
func L2(lang string, zh, en map[string]string) map[string]string {
	if lang == "en" {
		return en
	}
	return zh
}

// detailSheet is the review in the official layout (序号, 指标, 属性,
// 基期值, 目标值, 当前值, 进度, 评价) with the analysis after it: the
// workbook's first sheet.
func detailSheet(p *model.Plan, rv *Review, notes []string, lb Labels, lang string) *Table {
	t := &Table{Sheet: L(lang, "中期评估", "Review"), SheetOnly: true,
		Caption: fmt.Sprintf("%s · %s %d", L(lang, "中期评估", "Mid-term review"), p.Title.In(lang), rv.AsOf), Notes: notes,
		Cols: []Col{{L(lang, "序号", "No."), 6, FmtText}, {L(lang, "指标（单位）", "Indicator (unit)"), 40, FmtText},
			{L(lang, "属性", "Attribute"), 8, FmtText}, {L(lang, "基期值", "Base"), 11, FmtValue},
			{L(lang, "目标值", "Target"), 11, FmtText}, {L(lang, "当前值", "Current"), 11, FmtValue},
			{L(lang, "进度", "Progress"), 8, FmtPercent}, {L(lang, "评价", "Assessment"), 14, FmtText},
			{L(lang, "观测年份", "Year observed"), 9, FmtYear}, {L(lang, "时间进度", "Time elapsed"), 9, FmtPercent},
			{L(lang, "实际速度", "Observed pace"), 10, FmtRate}, {L(lang, "剩余所需速度", "Required pace"), 10, FmtRate},
			{L(lang, "速度单位", "Pace unit"), 10, FmtText}, {L(lang, "倍数", "Multiple"), 8, FmtRatio},
			{"RR", 8, FmtRatio}, {"AP", 8, FmtRatio}, {L(lang, "说明", "Reason"), 60, FmtText}}}
	for i, r := range rv.Rows {
		ind := r.Indicator
		name := ind.Name.In(lang)
		if u := ind.Unit.In(lang); u != "" {
			name += L(lang, "（"+u+"）", " ("+u+")")
		}
		if ind.Attribute == model.Binding {
			name = "★" + name
		}
		if r.AtRisk {
			name = "!" + name
		}
		no := rowNo(ind)
		if no == "" {
			no = fmt.Sprint(i + 1)
		}
		year := T("—")
		if r.ObservedYear > 0 {
			year = N(float64(r.ObservedYear), fmt.Sprint(r.ObservedYear))
		}
		reason := r.Reason.In(lang)
		for _, n := range r.Notes {
			reason += L(lang, "；", "; ") + n.In(lang)
		}
		t.Rows = append(t.Rows, Row{Cells: []Cell{T(no), T(name), T(lb.Attribute(ind.Attribute)), N(r.Base, lb.Value(r.Base)), T(lb.Goal(r.Target)),
			N(r.Observed, lb.Value(r.Observed)), N(r.TaskDone, pct(r.TaskDone)), T(lb.Category(r)), year, N(r.TimeElapsed, pct(r.TimeElapsed)),
			N(r.ObservedRate, lb.Pace(r.ObservedRate, r.Pace)), labelled(r.RequiredRemaining, lb.Remaining(r)),
			T(lb.PaceUnit(ind, r.Pace)), labelled(r.Multiple, lb.Multiple(r)), N(r.RatioRR, numfmt.Fixed(r.RatioRR, 2)),
			N(r.Anticipated, numfmt.Fixed(r.Anticipated, 2)), T(reason)}})
	}
	return t
}

// annexes: scenarios and reachability, probabilities, the review's detail
// and the Eurostat/ESCAP classes, the previous plan's record, method and
// data sources.
func annexes(in Input) []Section {
	lang, p, rv := in.Lang, in.Plan, in.Review
	var out []Section
	if reach := reachabilityTables(in); len(reach) > 0 {
		s := Section{ID: "scenarios", Title: L(lang, "情景与目标可达性", "Scenarios and reachability")}
		s.Blocks = append(s.Blocks, Paragraph{Text: L(lang,
			"各情景对规划期各年速度作出不同假设（按规划速度推算的路径恰好实现各项目标）；下表逐项目标给出所需速度、上一规划期速度，以及各情景的假设速度和是否达标。",
			"Each scenario assumes other yearly paces (the path at the plan's own rates meets every target exactly); the table gives each target's required pace and the previous plan's, and each scenario's assumed pace and verdict.")})
		for _, n := range in.Notes {
			s.Blocks = append(s.Blocks, Paragraph{Text: n, Note: true})
		}
		for _, t := range reach {
			s.Blocks = append(s.Blocks, t)
		}
		out = append(out, s)
	}
	if ts := probabilityTables(in); len(ts) > 0 {
		out = append(out, Section{ID: "probability", Title: L(lang, "目标实现概率", "Probability of meeting each target"), Blocks: []Block{ts[0], ts[1]}})
	}
	if rv != nil {
		out = append(out, Section{ID: "classes", Title: L(lang, "欧盟统计局和联合国亚太经社会方法分类", "Eurostat and UN ESCAP classes"),
			Blocks: []Block{detailSheet(p, rv, in.ReviewNotes, in.Labels, lang), classBlock(rv, in.Labels, lang)}})
	}
	if t := recordTable(in); t != nil {
		out = append(out, Section{ID: "record", Title: L(lang, "上一规划完成情况", "The previous plan's record"), Blocks: []Block{t}})
	}
	if m := methodBlocks(in); len(m) > 0 {
		out = append(out, Section{ID: "method", Title: L(lang, "方法", "Method"), Blocks: m})
	}
	out = append(out, Section{ID: "sources", Title: L(lang, "数据来源", "Data sources"), Blocks: sourceBlocks(p, rv, lang)})
	return out
}

// methodBlocks: how the review and the probabilities are computed, each
// only when the report has it; the categories' thresholds stand under the
// main table, which this annex points to rather than repeat.
func methodBlocks(in Input) []Block {
	lang, rv := in.Lang, in.Review
	var ps []string
	if rv != nil {
		ps = append(ps, L(lang,
			"时间进度 = (t − t₀)/(T − t₀)，t 为最新观测年份，t₀ 为基期，T 为目标年份。任务完成度：复合增长目标（总量、人均值）用对数比 ln(x_t/x₀)/ln(x*/x₀)，份额、百分点和其他线性目标用 (x_t − x₀)/(x* − x₀)，累计目标用累计值/目标值；x* 为恰好实现目标的水平。",
			"Time elapsed = (t − t₀)/(T − t₀), t the latest observed year, t₀ the base year, T the target year. Task done: ln(x_t/x₀)/ln(x*/x₀) for compound targets (totals, per-capita values), (x_t − x₀)/(x* − x₀) for shares, percentage points and other linear targets, the running sum over the target for cumulative ones; x* is the level that meets the target exactly."),
			L(lang,
				"实际速度为基期至最新观测年的年均速度；所需速度为剩余年份恰好实现目标的年均速度；“按近N年平均速度”的判断把实际速度从最新观测值延续到目标年。下限、上限目标逐年核对。以增速给出的观测值按链式方法折算为水平值（规划无基期值时折算为指数，基期=100）；年均增速自基期起算的直接给出该期间的实际速度，自其他年份起算的须能由其他数据推得起点年份才能衔接，否则仅作记录；与逐年增速相差超过0.05个百分点的，予以说明并采用逐年增速。价格口径不同或统计口径调整而无修订基期值的，不作比较，并说明需要补充的数据。评价标准见表1注。",
				"The observed pace is the average from the base year to the latest observation; the required pace the average that meets the target exactly in the remaining years; \"at the average pace of the last N years\" continues the observed pace from the latest observation to the target year. Floors and ceilings are checked year by year. Growth rates are chained into the level (into an index, base year = 100, where the plan has no base value); an average growth rate from the base year is the observed pace over its span, one from another year is chained only where the other figures reach that year and is otherwise kept for the record; where it differs from the yearly rates by more than 0.05 pp, that is said and the yearly rates are used. Figures on another price basis, or across a statistical break without a rebased base value, are not compared; the text says what to supply. The categories' thresholds are given under Table 1."))
	}
	if len(in.Scenarios) > 0 {
		s := L(lang, "情景测算按复合增长、线性、逻辑斯谛等规则逐年推算。", "Scenarios project every indicator year by year (compound, linear, logistic rules).")
		if sim := in.Simulations; sim != nil && len(sim.Runs) > 0 {
			r := sim.Runs[0]
			s += L(lang,
				fmt.Sprintf("实现概率为%s次随机模拟（种子%d）中达标的比例，波动率为假设值；规划自身路径恰好实现目标时概率约为50%%，属于构造使然。", numfmt.Thousands(r.Draws), r.Seed),
				fmt.Sprintf(" Probabilities are the share of %s random draws (seed %d) that meet the target; the volatilities are assumptions, and where a path meets a target exactly P ≈ 50%% holds by construction.", numfmt.Thousands(r.Draws), r.Seed))
		}
		ps = append(ps, s)
	}
	var out []Block
	for _, s := range ps {
		out = append(out, Paragraph{Text: s})
	}
	return out
}

func sourceBlocks(p *model.Plan, rv *Review, lang string) []Block {
	var ps []string
	ps = append(ps, L(lang, "规划目标、基期值和属性：《"+p.Title.ZH+"》。", "Targets, base values and attributes: "+p.Title.In("en")+"."))
	if p.Previous != nil {
		ps = append(ps, L(lang, "上一规划完成情况：《"+quotes(p.Previous.Title.ZH, lang)+"》及本规划所列完成情况表。", "The previous plan's record: "+p.Previous.Title.In("en")+" and the record printed in this plan."))
	}
	if rv != nil {
		src := rv.Sources
		s := L(lang, "观测数据：文件 "+rv.File, "Observed figures: the file "+rv.File)
		if len(src) > 0 {
			s += L(lang, "，来源："+strings.Join(src, "；"), "; sources: "+strings.Join(src, "; "))
		}
		ps = append(ps, s+L(lang, "。", "."))
	}
	var out []Block
	for _, s := range ps {
		out = append(out, Paragraph{Text: s})
	}
	return out
}
