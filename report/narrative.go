package report

import (
	"fmt"
	"strings"

	"fyp/internal/numfmt"
	"fyp/model"
)

// Review is a review as the report shows it: the model's rows and what
// they were computed from.
type Review struct {
	Rows       []model.Review
	AsOf       int
	File       string // the observed file, for the data sources
	Thresholds model.ReviewThresholds
	Final      model.FinalThresholds
	// Actuals are the observed values by indicator id and year, on the
	// scale of the review's rows (model.ObservedPath); nil hides the
	// yearly columns.
	Actuals map[string]map[int]float64
	// Evidence are the observations as read, by indicator id; Unplaced
	// words those of one indicator the main table does not show (placed:
	// the years it does), each with the reason (charts.UnplacedList), for
	// the table's note, so that none is silently left out. Either nil: no
	// such note.
	Evidence model.Evidence
	Unplaced func(ind *model.Indicator, obs []model.ObservedPoint, placed map[int]bool) string
	// Sources are the distinct sources the observed file names (its
	// source column), for the annex on data sources.
	Sources []string
	// Synthetic: the figures are invented (an example file); every page
	// of the report says so.
	Synthetic bool
}

// IsFinal reports whether the review is a final evaluation (总结评估): the
// review year has reached the plan's target year.
func IsFinal(p *model.Plan, asOf int) bool { return asOf >= p.TargetYear }

// finalRow reports whether row r is judged as final: the review is final
// and the row's own target year has come.
func finalRow(r model.Review, final bool) bool { return final && r.Target.Year <= r.AsOf }

// periodRows are the rows of the plan period (target year up to the plan's
// target year); the 2035 goals are shown in the table but not counted.
func periodRows(p *model.Plan, rows []model.Review) []model.Review {
	var out []model.Review
	for _, r := range rows {
		if r.Target.Year <= p.TargetYear {
			out = append(out, r)
		}
	}
	return out
}

// Overall is the 总体评价 paragraph: how many targets stand in each
// category, which binding targets are at risk (mid-term) or not completed
// (final), and the pace the lagging ones now need.
func Overall(p *model.Plan, rv *Review, lb Labels, lang string) string {
	rows := periodRows(p, rv.Rows)
	final := IsFinal(p, rv.AsOf)
	var b strings.Builder
	if final {
		counts := map[model.Final]int{}
		var notDone []string
		for _, r := range rows {
			f := model.FinalOf(r, rv.Final)
			counts[f]++
			if f == model.NotCompleted && r.Indicator.Attribute == model.Binding {
				notDone = append(notDone, r.Indicator.Name.In(lang))
			}
		}
		order := []model.Final{model.Completed, model.MostlyCompleted, model.NotCompleted, model.FinalNoData}
		if lang == "en" {
			fmt.Fprintf(&b, "The plan period ended in %d. %s, %s%s.", p.TargetYear, countIntro(p, rv.Rows, lang), countList(order, counts, finalEN, lang), delegated(rows, lang))
			fmt.Fprintf(&b, " Completed: the target met (a floor or ceiling held in every observed year); mostly completed: at least %s of the task done; not completed: otherwise.", pct(rv.Final.Mostly))
		} else {
			fmt.Fprintf(&b, "规划期已于%d年结束。%s，%s%s。", p.TargetYear, countIntro(p, rv.Rows, lang), countList(order, counts, finalZH, lang), delegated(rows, lang))
			fmt.Fprintf(&b, "已完成指实现目标（下限、上限目标各年均守住）；基本完成指任务完成%s及以上；其余为未完成。", pct(rv.Final.Mostly))
		}
		binding, judged := bindingCount(rows, func(r model.Review) bool { return model.FinalOf(r, rv.Final) != model.FinalNoData })
		switch {
		case binding == 0:
		case len(notDone) > 0:
			b.WriteString(L(lang, fmt.Sprintf("%d项约束性指标目标中，%s未完成。", binding, strings.Join(notDone, "、")),
				fmt.Sprintf(" Of the %d binding targets, %s not completed.", binding, strings.Join(notDone, ", ")+isAre(len(notDone)))))
		case judged > 0:
			b.WriteString(L(lang, fmt.Sprintf("%d项约束性指标目标中，有数据的%d项均已完成或基本完成。", binding, judged),
				fmt.Sprintf(" Of the %d binding targets, the %d with figures are all completed or mostly completed.", binding, judged)))
		}
		b.WriteString(unjudged(binding, judged, "评价", lang))
		if e := counts[model.FinalNoData]; e > 0 {
			b.WriteString(L(lang, fmt.Sprintf("数据不足的%d项需补充目标年份的观测数据。", e), fmt.Sprintf(" Insufficient data: %d, which need the target year's figures.", e)))
		}
		return b.String()
	}
	counts := map[model.Category]int{}
	var risk, lag []string
	for _, r := range rows {
		counts[r.Category]++
		name := r.Indicator.Name.In(lang)
		if r.AtRisk && r.Indicator.Attribute == model.Binding {
			risk = append(risk, name)
		}
		if r.Category == model.Lagging && !isNaN(r.RequiredRemaining) {
			need := paceText(r, r.RequiredRemaining, lb, lang)
			left := r.Target.Year - r.ObservedYear
			if lang == "en" {
				s := fmt.Sprintf("%s needs %s in the remaining %s", name, need, enYears(left))
				if !isNaN(r.Multiple) && r.Multiple > 0 {
					s += fmt.Sprintf(" (%s times its pace so far)", numfmt.Fixed(r.Multiple, 2))
				}
				lag = append(lag, s)
			} else {
				s := fmt.Sprintf("%s剩余%s需年均%s", name, cnYears(left), need)
				if !isNaN(r.Multiple) && r.Multiple > 0 {
					s += fmt.Sprintf("，为已实现速度的%s倍", numfmt.Fixed(r.Multiple, 2))
				}
				lag = append(lag, s)
			}
		}
	}
	order := []model.Category{model.AchievedEarly, model.Ahead, model.OnSchedule, model.Lagging, model.InsufficientData}
	names := map[model.Category]string{}
	for _, c := range order {
		names[c] = c.Name().In(lang)
	}
	span := p.TargetYear - p.BaseYear
	done := rv.AsOf - p.BaseYear
	if lang == "en" {
		fmt.Fprintf(&b, "By %d, %d of the plan's %d years have passed. %s, %s%s.", rv.AsOf, done, span, countIntro(p, rv.Rows, lang), countList(order, counts, names, lang), delegated(rows, lang))
	} else {
		fmt.Fprintf(&b, "截至%d年，规划实施已过%d年（共%d年）。%s，%s%s。", rv.AsOf, done, span, countIntro(p, rv.Rows, lang), countList(order, counts, names, lang), delegated(rows, lang))
	}
	binding, judged := bindingCount(rows, func(r model.Review) bool { return r.Category != model.InsufficientData })
	switch {
	case binding == 0:
	case len(risk) > 0:
		b.WriteString(L(lang, fmt.Sprintf("%d项约束性指标目标中，%s存在完不成的风险（滞后，或按已实现速度到期达不到目标）。", binding, strings.Join(risk, "、")),
			fmt.Sprintf(" Of the %d binding targets, %s at risk (lagging, or missing the target at the pace so far).", binding, strings.Join(risk, ", ")+isAre(len(risk)))))
	case judged > 0:
		b.WriteString(L(lang, fmt.Sprintf("%d项约束性指标目标中，有数据的%d项均未见完不成的风险。", binding, judged),
			fmt.Sprintf(" Of the %d binding targets, none of the %d with figures is at risk.", binding, judged)))
	}
	b.WriteString(unjudged(binding, judged, "判断", lang))
	if len(lag) > 0 {
		b.WriteString(L(lang, "滞后指标中，"+strings.Join(lag, "；")+"。", " Among the lagging: "+strings.Join(lag, "; ")+"."))
	}
	if e := counts[model.InsufficientData]; e > 0 {
		b.WriteString(L(lang, fmt.Sprintf("数据不足的%d项需补充观测数据（见各指标说明）。", e), fmt.Sprintf(" Insufficient data: %d, which need observed figures (see each indicator).", e)))
	}
	return b.String()
}

// countIntro says what the counts count, as the main table shows it: its
// indicators and targets (a row per target, some indicators with two),
// the goals beyond the plan period that the counts leave out, and then
// the targets of the period, after which the counts follow:
// 规划纲要主要指标29项、目标33项，其中2项为2035年远景目标、不计入本次评价；规划期内的31项目标中.
func countIntro(p *model.Plan, all []model.Review, lang string) string {
	inds := map[*model.Indicator]bool{}
	later := map[int]int{}
	var years []int
	n := 0
	for _, r := range all {
		inds[r.Indicator] = true
		if r.Target.Year > p.TargetYear {
			if later[r.Target.Year] == 0 {
				years = append(years, r.Target.Year)
			}
			later[r.Target.Year]++
		} else {
			n++
		}
	}
	if len(years) == 0 {
		return L(lang, fmt.Sprintf("规划纲要主要指标%d项、目标%d项中", len(inds), n),
			fmt.Sprintf("The main table has %s and %s; of these", countNoun(len(inds), "indicator"), countNoun(n, "target")))
	}
	var zh, en []string
	for _, y := range years {
		zh = append(zh, fmt.Sprintf("%d项为%d年远景目标", later[y], y))
		en = append(en, fmt.Sprintf("%d for %d", later[y], y))
	}
	return L(lang, fmt.Sprintf("规划纲要主要指标%d项、目标%d项，其中%s，不计入本次评价；规划期内的%d项目标中", len(inds), len(all), strings.Join(zh, "、"), n),
		fmt.Sprintf("The main table has %s and %s, of which the goals beyond the plan period (%s) are not counted here; of the %s of the plan period", countNoun(len(inds), "indicator"), countNoun(len(all), "target"), strings.Join(en, ", "), countNoun(n, "target")))
}

// delegated says how many of the period's targets the plan leaves to a
// higher level (市下达, no value): they count as insufficient data.
func delegated(rows []model.Review, lang string) string {
	n := 0
	for _, r := range rows {
		if r.Target.Kind == model.Delegated {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return L(lang, fmt.Sprintf("（数据不足中%d项由上级下达，规划未列数值）", n), fmt.Sprintf(" (%d of them set by a higher level, with no value in the plan)", n))
}

// countNoun says "1 indicator", "29 indicators".
func countNoun(n int, noun string) string { return fmt.Sprintf("%d %s%s", n, noun, plural(n)) }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// targetsWord says "1 binding target", "3 binding targets".
func targetsWord(n int, what string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", what)
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func isAre(n int) string {
	if n == 1 {
		return " is"
	}
	return " are"
}

// bindingCount counts the binding targets among rows, and those of them
// that can be judged.
func bindingCount(rows []model.Review, judged func(model.Review) bool) (n, ok int) {
	for _, r := range rows {
		if r.Indicator.Attribute == model.Binding {
			n++
			if judged(r) {
				ok++
			}
		}
	}
	return n, ok
}

// countList says "3项提前实现，2项滞后", leaving out empty categories.
func countList[K comparable](order []K, counts map[K]int, label map[K]string, lang string) string {
	var parts []string
	for _, k := range order {
		if c := counts[k]; c > 0 {
			parts = append(parts, L(lang, fmt.Sprintf("%d项%s", c, label[k]), fmt.Sprintf("%d %s", c, label[k])))
		}
	}
	if len(parts) == 0 {
		return L(lang, "无可评估的目标", "none could be assessed")
	}
	return strings.Join(parts, L(lang, "，", ", "))
}

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// cnYears says "三年", "两年" for n years (n ≤ 10), else "15年".
func cnYears(n int) string {
	switch {
	case n == 2:
		return "两年"
	case n >= 1 && n <= 10:
		return cnDigits[n] + "年"
	}
	return fmt.Sprintf("%d年", n)
}

var enNumbers = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}

func enYears(n int) string {
	switch {
	case n == 1:
		return "one year"
	case n >= 2 && n <= 10:
		return enNumbers[n] + " years"
	}
	return fmt.Sprintf("%d years", n)
}

// unjudged says how many binding targets lack the figures to be judged
// (verb: 评价 in a final review, 判断 in a mid-term one); "" when none do.
func unjudged(binding, judged int, verb, lang string) string {
	switch {
	case binding > 0 && judged == 0:
		return L(lang, fmt.Sprintf("%d项约束性指标目标均数据不足，无法%s。", binding, verb),
			fmt.Sprintf(" None of the %s can be judged for want of figures.", targetsWord(binding, "binding target")))
	case binding > judged:
		return L(lang, fmt.Sprintf("另有%d项约束性指标目标数据不足，无法%s。", binding-judged, verb),
			fmt.Sprintf(" %s cannot be judged for want of figures.", targetsWord(binding-judged, "binding target")))
	}
	return ""
}
