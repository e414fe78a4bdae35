package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"fyp/internal/numfmt/quantity"
	"fyp/model"
	"fyp/observed"
	"fyp/report"
)

// reviewFlags are the options of `fyp review` and `fyp report`.
type reviewFlags struct {
	observed string
	asOf     int
	th       model.ReviewThresholds
	scope    string
}

func (f *reviewFlags) add(c *cobra.Command) {
	d := model.DefaultReviewThresholds()
	c.Flags().StringVar(&f.observed, "observed", "", "observed figures: a CSV or XLSX file (see observed/doc.go; example: cmd/fyp/testdata/observed-example.csv), or shipped: the real figures shipped with the plan (seeds/jiangjin-observed.csv)")
	c.Flags().IntVar(&f.asOf, "as-of", 0, "review as of this year (default: the latest year in the file)")
	c.Flags().Float64Var(&f.th.Ahead, "ahead", d.Ahead, "快于预期 when task done ≥ time elapsed + this (fraction of the task)")
	c.Flags().Float64Var(&f.th.Behind, "behind", d.Behind, "滞后 when task done < time elapsed − this; between the two: 基本符合预期")
	c.Flags().IntVar(&f.th.MinPoints, "min-points", d.MinPoints, "observed years after the base year needed before a target is classified")
	c.Flags().StringVar(&f.scope, "scope", "main", "which targets: main (the main table and the 2035 goals) or all (chapter targets too)")
}

func (f *reviewFlags) check() error {
	if err := checkScope(f.scope); err != nil {
		return err
	}
	fraction := floatRange{Lo: 0, Hi: 1, Want: "a fraction of the task, from 0 to 1", WantZH: "任务完成比例，从0到1"}
	if err := fraction.check("ahead", f.th.Ahead); err != nil {
		return err
	}
	if err := fraction.check("behind", f.th.Behind); err != nil {
		return err
	}
	if f.th.MinPoints < 1 {
		return badInput2("--min-points %d：至少为1", "--min-points %d: expected at least 1", f.th.MinPoints)
	}
	return nil
}

func reviewCmd(o *options) *cobra.Command {
	var f reviewFlags
	c := &cobra.Command{
		Use:   "review",
		Short: "中期评估与事后评估 · mid-term review against observed figures, or ex-post review",
		Long: `中期评估：读入统计公报等实际数据（CSV 或 XLSX），对每项目标计算时间进度、任务完成度（复合增长目标用对数比，
份额和百分点目标用线性比）、实际年均速度、剩余年份所需速度及其倍数、欧盟统计局比值分类和联合国亚太经社会预期进展，
并按官方口径分为 提前实现、快于预期、基本符合预期、滞后、数据不足。约束性指标列在前面，有风险的标"!"。
不作猜测：没有观测值、价格口径不同、跨统计口径断点而无修订基期值的，一律不比较并说明需要补充什么。
不给 --observed 时，对规划自身记录的完成情况做事后评估（如 --plan jiangjin-13）。

Mid-term review: reads observed figures (CSV or XLSX) and, for every target, computes time
elapsed, task done (log-ratio for compound targets, linear for shares and pp), the observed
average pace, the pace required in the remaining years and its multiple of the observed pace,
the Eurostat ratio class and UN ESCAP's anticipated progress, and the official category:
achieved early, ahead, on schedule, lagging, insufficient data. Binding targets come first;
those at risk are marked "!". Nothing is guessed: no observation, another price basis, or a
statistical break without a rebased baseline means "not compared", with what to supply.
Without --observed: the ex-post review of a finished plan against its own record.

The file (CSV or XLSX): indicator,year,value with optional price_basis (2020, comparable,
current), break (yes: a statistical break before this year; rebased: this figure restates its
year on the new definition, e.g. the 2020 base after the census), metric (level; growth:
percent over the previous year, chained into the level or an index 2020 = 100; avg_growth with
from: the average growth a year since that year, chained from the base year or a year the chain
reaches; where yearly rates cover its years they are used, and a difference over 0.05 pp is
said), source, note; or one row per indicator and one column per year. Indicators by id or
Chinese name. A priced level (per-capita GDP at 2020 prices) must state its price basis; growth
rates without one are read as comparable-price (real) growth. Example:
cmd/fyp/testdata/observed-example.csv (synthetic figures). Details: observed/doc.go.

Categories: achieved_early when task done ≥ 1; ahead when task done ≥ time elapsed + --ahead;
on_schedule when task done ≥ time elapsed − --behind; lagging otherwise, or when a floor or
ceiling was broken in any observed year.`,
		Example: `  fyp review --observed shipped
  fyp review --observed bulletins.csv --as-of 2023
  fyp review --observed bulletins.xlsx --format json --lang en
  fyp review --plan jiangjin-13`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := o.check("table", "csv", "json", "md"); err != nil {
				return err
			}
			if err := f.check(); err != nil {
				return err
			}
			if len(o.scenarios) > 1 {
				return badInput2("-s：评估只按一个情景测算；实际给了%d个", "-s: a review projects under one scenario; got %d", len(o.scenarios))
			}
			p, err := o.loadPlan()
			if err != nil {
				return err
			}
			if f.observed == "" {
				if !hasRecord(p) {
					return badInput2("中期评估需要 --observed 文件（规划%s没有记录实际结果；事后评估可试 --plan jiangjin-13）", "--observed FILE is needed for a mid-term review (plan %s has no recorded outcomes; try --plan jiangjin-13 for an ex-post review)", p.ID)
				}
				return writeExPost(o.stdout, p, o.format, o.lang)
			}
			rv, err := runReview(o, p, &f)
			if err != nil {
				return err
			}
			return writeReview(o.stdout, rv, o.format, o.lang)
		},
	}
	addFormat(c, o, "table", "csv", "json", "md")
	f.add(c)
	addScenarioFlag(c, &o.scenarios, "")
	return c
}

// reviewResult is a review and what it was computed from.
type reviewResult struct {
	plan  *model.Plan
	file  string
	asOf  int
	scope string
	th    model.ReviewThresholds
	proj  *model.Projection
	rows  []model.Review
	// sources are the distinct sources the file names, in file order.
	sources []string
	// synthetic: the observed file says its figures are invented; every
	// chart is stamped 示例数据 / SYNTHETIC.
	synthetic bool
	ev        model.Evidence // the observations as read, for the charts
}

// reviewScenario is the projection the review continues from the latest
// observations: the first -s scenario, else the plan's own rules (nil).
// here.
func reviewScenario(o *options, p *model.Plan) (*model.Scenario, error) {
	if len(o.scenarios) == 0 {
		return nil, nil
	}
	scs, err := o.loadScenarios(p, o.scenarios[:1])
	if err != nil {
		return nil, err
	}
	return scs[0], nil
}

// runReview reads the observed file and reviews the plan's targets.
func runReview(o *options, p *model.Plan, f *reviewFlags) (*reviewResult, error) {
	file, data, err := readObserved(p, f.observed)
	if err != nil {
		return nil, err
	}
	d, err := observed.Read(file, data, catalog(p))
	if err != nil {
		return nil, err
	}
	if rows := d.Unsure(); len(rows) > 0 {
		// fyp observe marks what it was unsure of; the review uses those
		// figures like the others, so say which they are.
		fmt.Fprintln(o.stderr, L(o.lang,
			fmt.Sprintf("注意：%s 有 %d 个观测值标有 review（读取时不确定：约数、突破等），评估照常使用；请逐一核对（第 %s 行）", file, len(rows), joinInts(rows)),
			fmt.Sprintf("note: %s has %s marked review (unsure readings: rounded, 突破 …); the review uses them like the others: check each (line %s)", file, plural(len(rows), "figure"), joinInts(rows))))
	}
	ev := evidence(d)
	asOf := f.asOf
	if asOf == 0 {
		for _, obs := range d.ByIndicator {
			for _, x := range obs {
				asOf = max(asOf, x.Year)
			}
		}
	}
	switch {
	case f.asOf == 0 && asOf == 0:
		return nil, badInput2("%s：表头之后没有观测数据", "%s: no observed figures after the header", file)
	case f.asOf == 0 && asOf <= p.BaseYear:
		return nil, badInput2("%s：最新的观测年份是%d，不晚于基期年%d；中期评估要用基期之后的数据", "%s: the latest year observed is %d, not after the base year %d; a review needs figures after it", file, asOf, p.BaseYear)
	}
	if asOf <= p.BaseYear || asOf > p.LastYear() {
		return nil, badInput2("--as-of %d：应为基期年%d之后、不晚于%d的年份", "--as-of %d: expected a year after the base year %d, up to %d", asOf, p.BaseYear, p.LastYear())
	}
	sc, err := reviewScenario(o, p)
	if err != nil {
		return nil, err
	}
	pr0, err := model.Project(p, sc)
	if err != nil {
		return nil, err
	}
	withObs := &model.Scenario{Name: "plan"}
	if sc != nil {
		cp := *sc
		withObs = &cp
	}
	withObs.Observed = model.ObservedPath(pr0, ev, asOf)
	pr, err := model.Project(p, withObs)
	if err != nil {
		return nil, err
	}
	var rows []model.Review
	for _, r := range model.ReviewAll(pr, ev, asOf, f.th) {
		if f.scope == "all" || r.Indicator.InTable() || (p.VisionYear > 0 && r.Target.Year == p.VisionYear) {
			rows = append(rows, r)
		}
	}
	return &reviewResult{plan: p, file: file, asOf: asOf, scope: f.scope, th: f.th, proj: pr, rows: rows, sources: sources(d), synthetic: d.Synthetic, ev: ev}, nil
}

// sources are the distinct sources named in d, in the order of their rows.
func sources(d *observed.Data) []string {
	type src struct {
		row  int
		name string
	}
	first := map[string]int{}
	for _, obs := range d.ByIndicator {
		for _, x := range obs {
			if x.Source == "" {
				continue
			}
			if r, ok := first[x.Source]; !ok || x.Row < r {
				first[x.Source] = x.Row
			}
		}
	}
	var ss []src
	for n, r := range first {
		ss = append(ss, src{r, n})
	}
	sort.Slice(ss, func(i, j int) bool { return ss[i].row < ss[j].row || ss[i].row == ss[j].row && ss[i].name < ss[j].name })
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.name
	}
	return out
}

// catalog is what the observed reader accepts for plan p.
func catalog(p *model.Plan) observed.Catalog { return observed.CatalogOf(p) }

// evidence converts the reader's values into the model's.
func evidence(d *observed.Data) model.Evidence { return d.Evidence() }

func hasRecord(p *model.Plan) bool {
	for _, ind := range p.Indicators {
		for _, o := range ind.Observed {
			if o.Year == p.TargetYear {
				return true
			}
		}
	}
	return false
}

// reviewJSON is one target in `fyp review --format json`.
type reviewJSON struct {
	ID                string   `json:"id"`
	Name              string   `json:"name"`
	NameEN            string   `json:"name_en"`
	Attribute         string   `json:"attribute"`
	AtRisk            bool     `json:"at_risk"`
	Year              int      `json:"year"`
	Kind              string   `json:"kind"`
	Bound             string   `json:"bound"`
	RelativeTo        string   `json:"relative_to,omitempty"`
	Target            num      `json:"target"`
	AsOf              int      `json:"as_of"`
	Base              num      `json:"base"`
	Goal              num      `json:"goal_level"`
	Scale             string   `json:"scale"`
	Observed          num      `json:"observed"`
	ObservedYear      int      `json:"observed_year,omitempty"`
	Method            string   `json:"method,omitempty"`
	Measure           string   `json:"measure,omitempty"`
	TimeElapsed       num      `json:"time_elapsed"`
	TaskDone          num      `json:"task_done"`
	ObservedRate      num      `json:"observed_rate_pct"`
	RequiredRate      num      `json:"required_rate_pct"`
	RequiredRemaining num      `json:"required_rate_remaining_pct"`
	Multiple          num      `json:"required_multiple_of_observed"`
	RateUnit          string   `json:"rate_unit"`
	RatioRR           num      `json:"eurostat_rr"`
	RatioClass        string   `json:"eurostat_class,omitempty"`
	Anticipated       num      `json:"escap_ap"`
	AnticipClass      string   `json:"escap_class,omitempty"`
	Projected         num      `json:"projected"`
	ProjectedMet      *bool    `json:"projected_met"`
	Compared          bool     `json:"compared"`
	Refusal           string   `json:"refusal,omitempty"`
	Category          string   `json:"category"`
	Reason            string   `json:"reason"`
	Notes             []string `json:"notes,omitempty"`
}

func reviewRowsJSON(rv *reviewResult, lang string) []reviewJSON {
	out := make([]reviewJSON, 0, len(rv.rows))
	for _, r := range rv.rows {
		ind := r.Indicator
		j := reviewJSON{ID: ind.ID, Name: ind.Name.ZH, NameEN: ind.Name.EN, Attribute: string(ind.Attribute), AtRisk: r.AtRisk,
			Year: r.Target.Year, Kind: string(r.Target.Kind), Bound: string(r.Target.Bound), RelativeTo: r.Target.RelativeTo, Target: num(r.Target.Value), AsOf: r.AsOf,
			Base: num(r.Base), Goal: num(r.Goal), Scale: string(r.Scale), Observed: num(r.Observed), ObservedYear: r.ObservedYear,
			Method: r.Method.In(lang), Measure: string(r.Measure), TimeElapsed: num(r.TimeElapsed), TaskDone: num(r.TaskDone),
			ObservedRate: num(r.ObservedRate), RequiredRate: num(r.RequiredRate), RequiredRemaining: num(r.RequiredRemaining),
			Multiple: num(r.Multiple), RateUnit: paceUnit(ind, r.Pace, "en"), RatioRR: num(r.RatioRR), RatioClass: r.RatioClass,
			Anticipated: num(r.Anticipated), AnticipClass: r.AnticipClass, Projected: num(r.Projected),
			Compared: r.Compared, Refusal: r.Refusal, Category: string(r.Category), Reason: r.Reason.In(lang)}
		if r.Target.Kind == model.Delegated {
			j.Target = num(nan())
		}
		if achieved(r) {
			j.RequiredRemaining, j.Multiple = num(nan()), num(nan())
		}
		if r.ProjectedOK {
			m := r.ProjectedMet
			j.ProjectedMet = &m
		}
		for _, n := range r.Notes {
			j.Notes = append(j.Notes, n.In(lang))
		}
		out = append(out, j)
	}
	return out
}

func categoryLabel(r model.Review, lang string) string {
	if !r.Compared && (r.Refusal == "price_basis" || r.Refusal == "break") {
		return L(lang, "不可比", "not compared")
	}
	return report.Category(r.Category, lang)
}

// reviewTable is the review in the official layout (序号, 指标, 属性, 基期值,
// 目标值, 当前值, 进度, 评价) with the analysis after it.
func reviewTable(rv *reviewResult, lang string) *table {
	t := &table{Title: L(lang, fmt.Sprintf("中期评估（截至%d年）· %s", rv.asOf, rv.plan.Title.ZH),
		fmt.Sprintf("Mid-term review as of %d · %s", rv.asOf, rv.plan.Title.In("en")))}
	t.Head = []string{L(lang, "序号", "No."), L(lang, "指标", "Indicator"), L(lang, "属性", "Attribute"), L(lang, "基期值", "Base"),
		L(lang, "目标值", "Target"), L(lang, "当前值", "Current"), L(lang, "进度", "Progress"), L(lang, "评价", "Assessment"),
		L(lang, "时间进度", "Time"), L(lang, "实际速度", "Observed pace"), L(lang, "剩余所需", "Required"), L(lang, "倍数", "Multiple"),
		"RR", "AP", L(lang, "说明", "Reason")}
	counts := map[string]int{}
	var baseNotes []string
	for i, r := range rv.rows {
		rw := reviewCells(r, i, lang)
		var note string
		rw[3], note = reviewBase(rv.plan, r, lang)
		if note != "" {
			baseNotes = append(baseNotes, note)
		}
		counts[rw[7]]++
		t.Rows = append(t.Rows, rw)
	}
	t.Notes = append(t.Notes, reviewNotes(rv, counts, lang)...)
	if len(baseNotes) > 0 {
		t.Notes = append(t.Notes, L(lang, "基期值：", "Base: ")+strings.Join(baseNotes, L(lang, "", " ")))
	}
	return t
}

// reviewBase is the base value the table prints (report.BaseOf: the plan's
// baseline, shown even where the file has nothing to compare with it) and
// a note when the review computed with another figure.
func reviewBase(p *model.Plan, r model.Review, lang string) (string, string) {
	b := report.BaseOf(p, r)
	s := fmtValue(b.Value)
	name := r.Indicator.Name.In(lang)
	switch b.Source {
	case report.BaseIndex:
		s += L(lang, "(指数)", " (index)")
	case report.BaseRevised:
		s += "*"
		return s, L(lang, fmt.Sprintf("*%s采用观测文件中的修订基期值%s（规划为%s）。", name, s[:len(s)-1], fmtValue(b.Plan)),
			fmt.Sprintf("* %s: the observed file's revised base %s (the plan: %s).", name, s[:len(s)-1], fmtValue(b.Plan)))
	case report.BaseFile:
		s += "†"
		return s, L(lang, fmt.Sprintf("†%s规划未列基期值，采用观测文件%d年数据。", name, b.Year),
			fmt.Sprintf("† %s: the plan prints no base value; the observed file's %d figure.", name, b.Year))
	}
	if b.Source != report.BaseNone && b.Year != p.BaseYear {
		s += fmt.Sprintf(" (%d)", b.Year)
	}
	return s, ""
}

// reviewCells renders one review row; the first eight cells are the
// official layout.
func reviewCells(r model.Review, i int, lang string) []string {
	ind := r.Indicator
	name := ind.Name.In(lang)
	if ind.Attribute == model.Binding {
		name = "★" + name
	}
	if r.AtRisk {
		name = "!" + name
	}
	no := fmt.Sprint(i + 1)
	if ind.No > 0 {
		no = fmt.Sprint(ind.No)
		if ind.Sub > 0 {
			no += fmt.Sprintf(".%d", ind.Sub)
		}
	}
	base := fmtValue(r.Base)
	if r.Scale == model.ScaleIndex && base != "—" {
		base += L(lang, "(指数)", " (index)")
	}
	cur := fmtValue(r.Observed)
	if r.Target.Relative() {
		cur = quantity.Table.Margin(r.Observed, lang)
	}
	if r.ObservedYear > 0 && cur != "—" {
		cur += fmt.Sprintf(" (%d)", r.ObservedYear)
	}
	reason := r.Reason.In(lang)
	for _, n := range r.Notes {
		reason += L(lang, "；", "; ") + n.In(lang)
	}
	required, multiple := fmtPace(r.RequiredRemaining, r.Pace), fmtNum(r.Multiple, 2)
	if achieved(r) {
		// Already met: no pace is required of the remaining years (the
		// number left would be the slack, e.g. +0.02 a year for a ratio
		// that may rise again), so none is shown.
		required, multiple = L(lang, "无", "none"), "—"
	}
	return []string{no, name, attributeLabel(ind.Attribute, lang), base, goalText(r.Target, lang), cur, quantity.Table.Percent(r.TaskDone),
		categoryLabel(r, lang), quantity.Table.Percent(r.TimeElapsed), fmtPace(r.ObservedRate, r.Pace), required,
		multiple, fmtNum(r.RatioRR, 2), fmtNum(r.Anticipated, 2), reason}
}

// achieved reports whether the target is already met, so that no pace is
// required of the remaining years.
func achieved(r model.Review) bool {
	return r.Compared && r.Category == model.AchievedEarly
}

func reviewNotes(rv *reviewResult, counts map[string]int, lang string) []string {
	th := rv.th
	var notes []string
	notes = append(notes, L(lang,
		fmt.Sprintf("观测数据：%s，截至%d年。★ 约束性指标；! 有风险（滞后，或按现有趋势到期达不到目标）。进度 = 任务完成度（复合增长目标用对数比 ln(x_t/x_0)/ln(x*/x_0)，份额和百分点目标用线性比）；时间进度 = (t−t0)/(T−t0)。",
			rv.file, rv.asOf),
		fmt.Sprintf("Observed figures: %s, as of %d. ★ binding; ! at risk (lagging, or its trend misses the target). Progress = task done (log-ratio ln(x_t/x_0)/ln(x*/x_0) for compound targets, linear for shares and pp); Time = (t−t0)/(T−t0).",
			rv.file, rv.asOf)))
	notes = append(notes, L(lang,
		fmt.Sprintf("评价标准：进度≥100%%为提前实现；进度≥时间进度+%.0f%%为快于预期；进度≥时间进度−%.0f%%为基本符合预期；否则为滞后；下限/上限目标任何一年突破即为滞后（--ahead、--behind 可调）。速度单位：复合增长为%%/年，其余为指标单位/年；倍数 = 剩余所需速度 / 实际速度。RR = 欧盟统计局比值（≥0.95 显著进展，0.60–0.95 中等，0–0.60 不足，<0 背离）；AP = 联合国亚太经社会预期进展（按实际速度外推到目标年，≥1 可保持，0–1 需加速，≤0 需扭转）。",
			100*th.Ahead, 100*th.Behind),
		fmt.Sprintf("Categories: achieved early when progress ≥ 100%%; ahead of schedule when progress ≥ time + %.0f%%; on schedule when progress ≥ time − %.0f%%; lagging otherwise, or when a floor or ceiling was broken in any year (--ahead, --behind). Paces: %%/yr for compound targets, the indicator's units a year otherwise; Multiple = required / observed pace. RR = Eurostat ratio (≥0.95 significant, 0.60–0.95 moderate, 0–0.60 insufficient, <0 moving away); AP = UN ESCAP anticipated progress (the observed pace extrapolated to the target year; ≥1 maintain, 0–1 accelerate, ≤0 reverse).",
			100*th.Ahead, 100*th.Behind)))
	for _, r := range rv.rows {
		if r.Target.Relative() {
			notes = append(notes, L(lang,
				fmt.Sprintf("相对增速目标（如收入增速不低于经济增速）按两项指标已观测的年均增速之差评价：达到要求为基本符合预期，否则为滞后，目标年前不评为提前实现；“约”（基本同步）允许差%g个百分点；两项增速须同为实际（可比价）增速。剩余所需 = 对比指标保持已观测速度时本指标还需的年均增速。", model.RelativeApproxPP),
				fmt.Sprintf("Relative growth targets (e.g. income growth not below GDP growth) are judged by the observed difference of the two indicators' average growth: on schedule when it meets the target, lagging otherwise, never achieved early before the target year; \"about\" (in step) allows %g pp; both must be real (comparable-price) growth. Required = this indicator's growth still needed if the other keeps its observed pace.", model.RelativeApproxPP)))
			break
		}
	}
	notes = append(notes, totals(slices.Sorted(maps.Keys(counts)), counts, true, lang))
	return notes
}

func writeReview(w io.Writer, rv *reviewResult, format, lang string) error {
	switch format {
	case "json":
		return writeJSON(w, reviewRowsJSON(rv, lang))
	case "csv":
		t := &table{Head: []string{"id", "attribute", "at_risk", "year", "kind", "target", "base", "goal_level", "observed", "observed_year",
			"time_elapsed", "task_done", "observed_rate", "required_rate_remaining", "rate_unit", "multiple", "eurostat_rr", "eurostat_class",
			"escap_ap", "escap_class", "compared", "refusal", "category", "reason", "relative_to"}}
		for _, r := range reviewRowsJSON(rv, lang) {
			t.Rows = append(t.Rows, []string{r.ID, r.Attribute, fmt.Sprint(r.AtRisk), fmt.Sprint(r.Year), r.Kind, fmtNum(float64(r.Target), 6),
				fmtNum(float64(r.Base), 6), fmtNum(float64(r.Goal), 6), fmtNum(float64(r.Observed), 6), fmt.Sprint(r.ObservedYear),
				fmtNum(float64(r.TimeElapsed), 4), fmtNum(float64(r.TaskDone), 4), fmtNum(float64(r.ObservedRate), 4),
				fmtNum(float64(r.RequiredRemaining), 4), r.RateUnit, fmtNum(float64(r.Multiple), 3), fmtNum(float64(r.RatioRR), 3), r.RatioClass,
				fmtNum(float64(r.Anticipated), 3), r.AnticipClass, fmt.Sprint(r.Compared), r.Refusal, r.Category, r.Reason, r.RelativeTo})
		}
		return t.write(w, "csv")
	}
	return reviewTable(rv, lang).write(w, format)
}

// expostJSON is one target in `fyp review --plan jiangjin-13 --format json`.
type expostJSON struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	NameEN    string `json:"name_en"`
	Attribute string `json:"attribute"`
	Year      int    `json:"year"`
	Kind      string `json:"kind"`
	Bound     string `json:"bound"`
	Target    num    `json:"target"`
	Outcome   num    `json:"outcome"`
	Printed   string `json:"outcome_text,omitempty"`
	Compared  bool   `json:"compared"`
	Achieved  *bool  `json:"achieved"`
	Margin    num    `json:"margin"`
	Delivered num    `json:"delivered_rate"`
	Required  num    `json:"required_rate"`
	RateUnit  string `json:"rate_unit"`
	Reason    string `json:"reason"`
}

func expostRows(p *model.Plan, lang string) []expostJSON {
	var out []expostJSON
	for _, o := range model.ExPost(p) {
		ind := o.Indicator
		j := expostJSON{ID: ind.ID, Name: ind.Name.ZH, NameEN: ind.Name.EN, Attribute: string(ind.Attribute), Year: o.Target.Year,
			Kind: string(o.Target.Kind), Bound: string(o.Target.Bound), Target: num(o.Target.Value), Outcome: num(o.Observed),
			Printed: o.Text, Compared: o.Compared, Margin: num(o.Margin), Delivered: num(o.Delivered), Required: num(o.Required),
			RateUnit: paceUnit(ind, o.Pace, "en"), Reason: o.Reason.In(lang)}
		if o.Target.Kind == model.Delegated {
			j.Target = num(nan())
		}
		if o.Compared {
			met := o.Met
			j.Achieved = &met
		}
		out = append(out, j)
	}
	return out
}

// expostTable is the finished plan's targets against its record.
func expostTable(p *model.Plan, lang string) *table {
	t := &table{Title: L(lang, "完成情况（事后评估）", "Ex-post review") + " · " + p.Title.In(lang),
		Head: []string{L(lang, "序号", "No."), L(lang, "指标", "Indicator"), L(lang, "属性", "Attribute"), L(lang, "目标值", "Target"),
			L(lang, "实际", "Outcome"), L(lang, "评价", "Assessment"), L(lang, "实际速度", "Delivered"), L(lang, "所需速度", "Required"),
			L(lang, "速度单位", "Pace unit"), L(lang, "说明", "Note")}}
	n := map[string]int{}
	for _, o := range model.ExPost(p) {
		ind := o.Indicator
		no := ""
		if ind.No > 0 {
			no = fmt.Sprint(ind.No)
			if ind.Sub > 0 {
				no += fmt.Sprintf(".%d", ind.Sub)
			}
		}
		name := ind.Name.In(lang)
		if ind.Attribute == model.Binding {
			name = "★" + name
		}
		verdict := expostVerdict(o, lang)
		n[verdict]++
		out := o.Printed(lang)
		if out == "" {
			out = fmtValue(o.Observed)
		}
		note := ""
		if !o.Compared {
			note = o.Reason.In(lang)
		}
		t.Rows = append(t.Rows, []string{no, name, attributeLabel(ind.Attribute, lang), goalText(o.Target, lang), out, verdict,
			fmtPace(o.Delivered, o.Pace), fmtPace(o.Required, o.Pace), paceUnit(ind, o.Pace, lang), note})
	}
	t.Notes = append(t.Notes, L(lang, "★ 约束性指标。实际速度：规划期内实际年均速度；所需速度：恰好达到目标的年均速度。下限/上限目标仅核对末年记录。",
		"★ binding. Delivered: the average pace over the period; Required: the pace that meets the target exactly. Floors and ceilings: only the final year's record is checked."))
	// Totals in the table's own order: achieved, not achieved, then the
	// targets not compared and why.
	t.Notes = append(t.Notes, totals([]string{L(lang, "已实现", "achieved"), L(lang, "未实现", "not achieved"), L(lang, "不可比", "not compared"),
		L(lang, "市下达", "delegated"), L(lang, "无记录", "no record")}, n, false, lang))
	return t
}

// expostVerdict names a target of a finished plan against its record
// (report.Outcome).
func expostVerdict(o model.Outcome, lang string) string { return report.Outcome(o, lang) }

func writeExPost(w io.Writer, p *model.Plan, format, lang string) error {
	switch format {
	case "json":
		return writeJSON(w, expostRows(p, lang))
	case "csv":
		t := &table{Head: []string{"id", "attribute", "year", "kind", "target", "outcome", "compared", "achieved", "delivered_rate", "required_rate", "rate_unit", "reason"}}
		for _, r := range expostRows(p, lang) {
			a := ""
			if r.Achieved != nil {
				a = fmt.Sprint(*r.Achieved)
			}
			t.Rows = append(t.Rows, []string{r.ID, r.Attribute, fmt.Sprint(r.Year), r.Kind, fmtNum(float64(r.Target), 6), fmtNum(float64(r.Outcome), 6),
				fmt.Sprint(r.Compared), a, fmtNum(float64(r.Delivered), 4), fmtNum(float64(r.Required), 4), r.RateUnit, r.Reason})
		}
		return t.write(w, "csv")
	}
	return expostTable(p, lang).write(w, format)
}

func isNaN(v float64) bool { return v != v }

// joinInts lists line numbers for a message: "3, 7, 12", the first 20 and
// a count of the rest.
func joinInts(xs []int) string {
	var b strings.Builder
	for i, x := range xs {
		if i == 20 {
			fmt.Fprintf(&b, " … (+%d)", len(xs)-20)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprint(&b, x)
	}
	return b.String()
}
