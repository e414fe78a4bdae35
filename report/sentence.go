package report

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"fyp/internal/numfmt"
	"fyp/model"
)

// Sentence is the one sentence the report says about review row r, in
// the style of a mid-term review: where the indicator stands, how far the
// task is done against the time elapsed, and what its pace so far leads
// to; in a final evaluation, whether the target was completed. Every
// number is r's (model.Review) or follows from it by model.TrendYear.
// Figures of the file that disagree (r.Conflicts) are said at its end.
func Sentence(r model.Review, final bool, th model.FinalThresholds, lb Labels, lang string) string {
	s := sentence(r, final, th, lb, lang)
	if len(r.Conflicts) == 0 {
		return s
	}
	end := L(lang, "。", ".")
	s = strings.TrimSuffix(s, end)
	for _, c := range r.Conflicts {
		s += L(lang, "；"+c.ZH, "; "+enReason(c.EN))
	}
	return s + end
}

func sentence(r model.Review, final bool, th model.FinalThresholds, lb Labels, lang string) string {
	name := r.Indicator.Name.In(lang)
	end := L(lang, "。", ".")
	switch {
	case r.Target.Kind == model.Delegated || !r.Compared || r.Category == model.InsufficientData:
		return L(lang, fmt.Sprintf("%s：%s，%s", name, lb.Category(r), r.Reason.ZH),
			fmt.Sprintf("%s: %s; %s", name, lb.Category(r), enReason(r.Reason.EN))) + end
	case r.Measure == model.MeasureBound || r.Measure == model.MeasureRelative || isNaN(r.TaskDone):
		verdict := lb.Category(r)
		if finalRow(r, final) {
			verdict = finalLabel(model.FinalOf(r, th), lang)
		}
		reason := r.Reason.ZH
		if r.Measure == model.MeasureBound {
			reason = tidyBoundZH(reason, r.Indicator.Unit.ZH)
		}
		return L(lang, fmt.Sprintf("%s：%s，评价为%s", name, reason, verdict),
			fmt.Sprintf("%s: %s; %s", name, enReason(r.Reason.EN), verdict)) + end
	}
	if finalRow(r, final) && model.FinalOf(r, th) == model.FinalNoData {
		return L(lang, fmt.Sprintf("%s：尚无%d年数据（最新为%d年），暂不作总结评价", name, r.Target.Year, r.ObservedYear),
			fmt.Sprintf("%s: no %d figure yet (latest %d), not evaluated", name, r.Target.Year, r.ObservedYear)) + end
	}
	var b strings.Builder
	b.WriteString(where(r, lb, lang))
	fmt.Fprintf(&b, L(lang, "，任务完成%s", "; %s of the task is done"), pct(r.TaskDone))
	if finalRow(r, final) {
		f := model.FinalOf(r, th)
		switch f {
		case model.Completed:
			b.WriteString(L(lang, "，已完成目标", ", the target is completed"))
		case model.MostlyCompleted:
			fmt.Fprintf(&b, L(lang, "，基本完成目标（完成%s及以上）", ", mostly completed (%s or more done)"), pct(th.Mostly))
		default:
			b.WriteString(L(lang, "，未完成目标", ", the target is not completed"))
		}
		return b.String() + end
	}
	te := pct(r.TimeElapsed)
	switch r.Category {
	case model.AchievedEarly:
		b.WriteString(L(lang, "，已提前实现目标", ", the target is achieved early"))
		return b.String() + end
	case model.Ahead:
		fmt.Fprintf(&b, L(lang, "，快于时间进度（%s）", ", ahead of the time elapsed (%s)"), te)
	case model.OnSchedule:
		fmt.Fprintf(&b, L(lang, "，与时间进度（%s）基本同步", ", on schedule with the time elapsed (%s)"), te)
	case model.Lagging:
		fmt.Fprintf(&b, L(lang, "，慢于时间进度（%s）", ", behind the time elapsed (%s)"), te)
	}
	n := r.ObservedYear - r.Target.From
	T := r.Target.Year
	if y, ok := model.TrendYear(r, T); ok {
		when := L(lang, fmt.Sprintf("可于%d年如期实现目标", y), fmt.Sprintf("the target is met in %d as planned", y))
		if y < T {
			when = L(lang, fmt.Sprintf("可于%d年提前实现目标", y), fmt.Sprintf("the target is met early, in %d", y))
		}
		fmt.Fprintf(&b, L(lang, "；按近%s平均速度%s", "; at the average pace of the last %s %s"), yearsWord(n, lang), when)
		return b.String() + end
	}
	if !isNaN(r.Anticipated) {
		if lang == "en" {
			fmt.Fprintf(&b, "; at the average pace of the last %s it reaches %s of the task by %d", enYears(n), pct(r.Anticipated), T)
		} else {
			fmt.Fprintf(&b, "；按近%s平均速度，到%d年可完成目标任务的%s", cnYears(n), T, pct(r.Anticipated))
		}
	}
	if !isNaN(r.RequiredRemaining) {
		left := T - r.ObservedYear
		if lang == "en" {
			fmt.Fprintf(&b, "; the remaining %s need %s", enYears(left), paceText(r, r.RequiredRemaining, lb, lang))
		} else {
			fmt.Fprintf(&b, "，剩余%s需年均%s", cnYears(left), paceText(r, r.RequiredRemaining, lb, lang))
		}
		if !isNaN(r.Multiple) && r.Multiple > 0 {
			if lang == "en" {
				fmt.Fprintf(&b, " (%s times the pace of the last %s)", numfmt.Fixed(r.Multiple, 2), enYears(n))
			} else {
				fmt.Fprintf(&b, "（为近%s速度的%s倍）", cnYears(n), numfmt.Fixed(r.Multiple, 2))
			}
		}
	}
	return b.String() + end
}

func yearsWord(n int, lang string) string {
	if lang == "en" {
		return enYears(n)
	}
	return cnYears(n)
}

// paceText says a pace in words: "增长8.01%", "提高0.45个百分点" (zh, after
// 年均); "8.01% a year", "+0.45 pp a year" (en).
func paceText(r model.Review, v float64, lb Labels, lang string) string {
	p := lb.Pace(v, r.Pace)
	if lang == "en" {
		if w := paceWord(r, lb, lang); w != "" {
			p += " " + w
		}
		return p + " a year"
	}
	if r.Pace == model.RatePct {
		return signed(p, lang)
	}
	p = strings.TrimPrefix(p, "+")
	if r.Measure == model.MeasureFlow {
		return "完成" + p + paceWord(r, lb, lang) // a cumulative target: so much a year, not a rise
	}
	if neg, ok := strings.CutPrefix(p, "-"); ok {
		return "下降" + neg + paceWord(r, lb, lang)
	}
	return "提高" + p + paceWord(r, lb, lang)
}

// paceWord is the unit of a pace in a sentence: "" after "4.83%", the
// unit otherwise ("个百分点", "万元").
func paceWord(r model.Review, lb Labels, lang string) string {
	if r.Pace == model.RatePct {
		return ""
	}
	return unitWord(r.Indicator, lang)
}

func unitWord(ind *model.Indicator, lang string) string {
	u := ind.Unit.In(lang)
	switch {
	case u == "%":
		return L(lang, "个百分点", "pp")
	case ind.Unit.ZH == "倍":
		return "" // a ratio falls by 0.06, not by 0.06 倍
	case lang == "en" && u != "" && u[0] >= '0' && u[0] <= '9':
		return "(" + u + ")" // 9.2 (10,000 yuan), not 9.2 10,000 yuan
	}
	return u
}

// hanAside is a parenthesized Chinese term in English text, e.g. "(市下达)".
var hanAside = regexp.MustCompile(` ?[(（]\p{Han}+[)）]`)

// enReason is the review's English reason without Chinese asides: one
// language per document.
func enReason(s string) string { return hanAside.ReplaceAllString(s, "") }

var (
	yearSpan  = regexp.MustCompile(`(\d{4})–(\d{4})`)
	boundFig  = regexp.MustCompile(`(下限|上限) (-?[\d,]+(?:\.\d+)?)`)
	oneYearAs = regexp.MustCompile(`^(\d{4})年观测值均`)
	yearWas   = regexp.MustCompile(`（(\d{4})年为(-?[\d,]+(?:\.\d+)?)）`)
)

// tidyBoundZH writes the review's reason for a floor or ceiling as the
// report's Chinese does: 2021—2023 with the report's dash, the bound with
// its unit and no space (下限300天), and no 均 after a single year.
func tidyBoundZH(s, unit string) string {
	s = yearSpan.ReplaceAllString(s, "$1—$2")
	if unit == "%" || unit == "倍" {
		unit = map[string]string{"%": "%", "倍": ""}[unit]
	}
	s = boundFig.ReplaceAllString(s, "${1}${2}"+unit)
	s = yearWas.ReplaceAllString(s, "（${1}年为${2}"+unit+"）")
	return oneYearAs.ReplaceAllString(s, "${1}年观测值")
}

// where says where the indicator stands: its latest level and its change
// since the base year (or its average growth, for a compound target).
func where(r model.Review, lb Labels, lang string) string {
	ind := r.Indicator
	name := ind.Name.In(lang)
	t0, tl := r.Target.From, r.ObservedYear
	u := ind.Unit.In(lang)
	if lang == "en" && ind.Unit.ZH == "倍" {
		u = "" // a ratio is a bare number in English: 1.86, not 1.86 ratio (urban / rural)
	}
	level := r.Scale == model.ScaleLevel
	var b strings.Builder
	switch {
	case r.Measure == model.MeasureFlow:
		if lang == "en" {
			fmt.Fprintf(&b, "%s totalled %s in %d–%d", name, withUnit(lb.Value(r.Observed), u, lang), t0+1, tl)
		} else {
			fmt.Fprintf(&b, "%s%d—%d年累计%s%s", name, t0+1, tl, lb.Value(r.Observed), u)
		}
	case r.Measure == model.MeasureLog:
		g := lb.Pace(r.ObservedRate, model.RatePct)
		switch {
		case lang == "en" && level:
			fmt.Fprintf(&b, "%s reached %s in %d, %s a year on average since %d", name, withUnit(lb.Value(r.Observed), u, lang), tl, signed(g, lang), t0)
		case lang == "en":
			fmt.Fprintf(&b, "%s grew by %s a year on average in %d–%d", name, g, t0+1, tl)
		case level:
			fmt.Fprintf(&b, "%s%d年达到%s，%d—%d年年均%s", name, tl, withUnit(lb.Value(r.Observed), u, lang), t0+1, tl, signed(g, lang))
		default:
			fmt.Fprintf(&b, "%s%d—%d年年均增长%s", name, t0+1, tl, g)
		}
	default:
		d := r.Observed - r.Base
		delta := lb.Value(math.Abs(d)) + L(lang, "", " ") + unitWord(ind, lang)
		if lang == "en" {
			dir := "up"
			if d < 0 {
				dir = "down"
			}
			fmt.Fprintf(&b, "%s reached %s in %d, %s %s on %d", name, withUnit(lb.Value(r.Observed), u, lang), tl, dir, strings.TrimSpace(delta), t0)
		} else {
			dir := "提高"
			if d < 0 {
				dir = "下降"
			}
			fmt.Fprintf(&b, "%s%d年达到%s，比%d年%s%s", name, tl, withUnit(lb.Value(r.Observed), u, lang), t0, dir, delta)
		}
	}
	return b.String()
}

// signed says a growth rate as a rise or a fall: "增长4.9%", "下降1.2%".
func signed(g string, lang string) string {
	if neg, ok := strings.CutPrefix(g, "-"); ok {
		return L(lang, "下降"+neg, "down "+neg)
	}
	return L(lang, "增长"+g, "up "+g)
}

func withUnit(v, u, lang string) string {
	switch {
	case u == "" || v == "—":
		return v
	case lang == "en" && u[0] >= '0' && u[0] <= '9':
		return v + " (" + u + ")"
	case u == "%" || lang == "zh":
		return v + u
	}
	return v + " " + u
}

func finalLabel(f model.Final, lang string) string { return L(lang, finalZH[f], finalEN[f]) }
