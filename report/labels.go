package report

import (
	"math"
	"strings"

	"fyp/internal/numfmt"
	"fyp/internal/numfmt/quantity"
	"fyp/model"
)

// Labels format the model's values as the command's own tables do, so that
// the report and `fyp review` print a number the same way. The command
// passes its formatters; DefaultLabels serves tests and other callers.
type Labels struct {
	Value     func(v float64) string                              // a level: "53.1", "—" when unknown
	Goal      func(t model.Target) string                         // a target: "≥6%/年", "54"
	Pace      func(v float64, k model.RateKind) string            // a pace: "4.83%", "+0.44"
	PaceUnit  func(ind *model.Indicator, k model.RateKind) string // "%/年", "百分点/年"
	Category  func(r model.Review) string                         // 提前实现 … 数据不足, 不可比
	Attribute func(a model.Attribute) string                      // 约束性, 预期性
	// Remaining and Multiple are the pace required of the remaining years
	// and its multiple of the observed pace as the review table prints
	// them ("无" and "—" for a target already met).
	Remaining func(r model.Review) string
	Multiple  func(r model.Review) string
	// Verdict names a projection's verdict on a target (达标, 未达标,
	// 数据不足, 市下达) as `fyp assess` does; Outcome a finished plan's
	// target against its record (已实现 … 无记录) as `fyp review expost`.
	Verdict func(a model.Assessment) string
	Outcome func(o model.Outcome) string
}

// DefaultLabels are plain formatters in lang, the command's conventions:
// levels with a precision that suits their size, paces in % a year for
// compound targets and signed units a year otherwise.
func DefaultLabels(lang string) Labels {
	lb := Labels{
		Value: value,
		Goal:  func(t model.Target) string { return quantity.Table.Goal(t, lang) },
		Pace:  quantity.Table.Pace,
		PaceUnit: func(ind *model.Indicator, k model.RateKind) string {
			return quantity.PaceUnit(ind, k, lang)
		},
		Category: func(r model.Review) string {
			return r.Category.Name().In(lang)
		},
		Attribute: func(a model.Attribute) string {
			if a == model.Binding {
				return L(lang, "约束性", "binding")
			}
			return L(lang, "预期性", "expected")
		},
	}
	lb.Verdict = func(a model.Assessment) string { return Verdict(a, lang) }
	lb.Outcome = func(o model.Outcome) string { return Outcome(o, lang) }
	lb.Remaining = func(r model.Review) string {
		if r.Compared && r.Category == model.AchievedEarly {
			return L(lang, "无", "none") // met: no pace required
		}
		return lb.Pace(r.RequiredRemaining, r.Pace)
	}
	lb.Multiple = func(r model.Review) string {
		if r.Compared && r.Category == model.AchievedEarly {
			return "—"
		}
		return numfmt.Fixed(r.Multiple, 2)
	}
	return lb
}

// Verdict names a projection's verdict on a target in lang, as `fyp
// assess` prints it: 达标, 未达标, 数据不足, 市下达.
func Verdict(a model.Assessment, lang string) string {
	switch {
	case a.Status == model.NotAssessed:
		return L(lang, "市下达", "delegated")
	case a.Status == model.NoData:
		return L(lang, "数据不足", "insufficient data")
	case a.Met:
		return L(lang, "达标", "met")
	}
	return L(lang, "未达标", "not met")
}

// Outcome names a finished plan's target against its record in lang, as
// `fyp review` prints it for a finished plan: 已实现, 未实现, 市下达, 不可比
// (a record on another definition), 无记录.
func Outcome(o model.Outcome, lang string) string {
	switch {
	case o.Compared && o.Met:
		return L(lang, "已实现", "achieved")
	case o.Compared:
		return L(lang, "未实现", "not achieved")
	case o.Target.Kind == model.Delegated:
		return L(lang, "市下达", "delegated")
	case !math.IsNaN(o.Observed):
		return L(lang, "不可比", "not compared")
	}
	return L(lang, "无记录", "no record")
}

// Category names a review category as official reviews do, in lang.
func Category(c model.Category, lang string) string {
	return c.Name().In(lang)
}

var finalZH = map[model.Final]string{
	model.Completed: "已完成", model.MostlyCompleted: "基本完成", model.NotCompleted: "未完成", model.FinalNoData: "数据不足",
}

var finalEN = map[model.Final]string{
	model.Completed: "completed", model.MostlyCompleted: "mostly completed", model.NotCompleted: "not completed", model.FinalNoData: "insufficient data",
}

// labelled is a numeric cell with the label's text; a text without a
// digit ("无", "—") has no value for the workbook.
func labelled(v float64, text string) Cell {
	if !strings.ContainsAny(text, "0123456789") {
		v = math.NaN()
	}
	return N(v, text)
}

// value prints a level with a precision that suits its size.
func value(v float64) string { return quantity.Table.Value(v) }

// pct prints a share in whole percent: "96%".
func pct(v float64) string { return quantity.Table.Percent(v) }

// L picks the Chinese or English text.
func L(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}
