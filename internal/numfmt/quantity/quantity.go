// Package quantity prints the numbers fyp shows for a plan's quantities — a
// level, a target, a pace, a probability — by one set of rules, in the form
// of the tables (and CSV, JSON) or of the charts.
//
// It sits below numfmt rather than in it because model prints its own
// messages with numfmt, and these rules read model's targets.
package quantity

import (
	"math"
	"strings"

	"fyp/internal/numfmt"
	"fyp/model"
)

// Style is the form a number is written in; the digits and decimals are the
// same in every style.
type Style int

const (
	// Table is the tables', CSV's and JSON's form: no thousands separators,
	// the ASCII hyphen-minus ("-1234.5").
	Table Style = iota
	// Chart is the charts' form: thousands separators and the minus sign
	// U+2212 ("−1,234.5").
	Chart
)

// Num prints v with at most dec decimals and no trailing zeros, in the
// style; "—" when v is NaN or infinite (numfmt.Fixed).
func (s Style) Num(v float64, dec int) string {
	t := numfmt.Fixed(v, dec)
	if s != Chart {
		return t
	}
	t = numfmt.Group(t)
	if r, ok := strings.CutPrefix(t, "-"); ok {
		t = "−" + r
	}
	return t
}

// Value prints a level with a precision that suits its size: no decimal
// from 1,000 up, one from 100, two from 1 and four below (1173 · 133.8 ·
// 62.94 · 0.1234).
func (s Style) Value(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1000:
		return s.Num(v, 0)
	case a >= 100:
		return s.Num(v, 1)
	case a >= 1:
		return s.Num(v, 2)
	}
	return s.Num(v, 4)
}

// Goal prints a target's number with its bound, as the tables' 目标值
// column does: "≥6%/年", "−38%", "+5" (a fall "-1.5"), "×1.5", "[30]", "翻一番", "≤3",
// "≈400"; "市下达" for a target set by the city; its sign is Mark's (a fall
// of at least 13.5 % is "≤−13.5%"). A target relative to another
// indicator's growth prints its margin only ("≥0.5%/年"): its wording,
// which names the other indicator, is the caller's.
func (s Style) Goal(t model.Target, lang string) string {
	if t.Kind == model.Delegated {
		return pick(lang, "市下达", "set by city")
	}
	v := s.Value(t.Value)
	switch t.Kind {
	case model.Growth:
		v += "%/" + pick(lang, "年", "yr")
	case model.Reduction:
		v = "−" + v + "%"
	case model.Change:
		if !(t.Value < 0) {
			v = "+" + v // a fall keeps its own minus: "-1.5", not "+-1.5"
		}
	case model.Multiple:
		if t.Value == 2 && t.Bound != model.Max {
			// 翻一番, as plans write it (2035年人均地区生产总值比2020年翻一番)
			return pick(lang, "翻一番", "doubling")
		}
		v = "×" + v
	case model.Cumulative:
		v = "[" + v + "]"
	}
	return Mark(t) + v
}

// Mark is the sign before a target's number or the level it means: a
// floor is "≥" and a ceiling "≤" by kind, other kinds carry the plan's
// wording (以上 ≥, 以内 ≤, 左右 ≈), turned round for a fall, which is
// printed as a negative change and met at a lower level: 下降13.5%以上 is
// "≤−13.5%", a level ≤ 86.5 % of the base's.
func Mark(t model.Target) string {
	b := t.Bound
	if t.Kind == model.Reduction {
		switch b {
		case model.Min:
			b = model.Max
		case model.Max:
			b = model.Min
		}
	}
	switch {
	case t.Kind == model.Floor, b == model.Min && t.Kind != model.Ceiling:
		return "≥"
	case t.Kind == model.Ceiling, b == model.Max:
		return "≤"
	case b == model.Approx:
		return "≈"
	}
	return ""
}

// Pace prints a pace: two decimals and "%" for a compound rate ("4.83%"),
// three decimals signed for a step in units a year ("+0.94", "-0.004"),
// three decimals for any other kind; "—" when v is NaN or infinite.
func (s Style) Pace(v float64, k model.RateKind) string {
	switch k {
	case model.RatePct:
		if t := s.Num(v, 2); t != "—" {
			return t + "%"
		}
		return "—"
	case model.RateUnits:
		t := s.Num(v, 3)
		if t != "—" && v > 0 {
			t = "+" + t
		}
		return t
	}
	return s.Num(v, 3)
}

// Margin prints a relative target's metric, the difference of two growth
// rates in percentage points, with two decimals and signed: "+1.2个百分点",
// "-0.35 pp", "0个百分点"; "—" when m is NaN or infinite.
func (s Style) Margin(m float64, lang string) string {
	t := s.Num(m, 2)
	if t == "—" {
		return t
	}
	if m > 0 && t != "0" {
		t = "+" + t
	}
	return t + pick(lang, "个百分点", " pp")
}

// Prob prints a probability (0–1) in percent with one decimal ("49.3%");
// "—" when p is NaN or infinite.
func (s Style) Prob(p float64) string {
	if t := s.Num(100*p, 1); t != "—" {
		return t + "%"
	}
	return "—"
}

// Percent prints a share (0–1) in whole percent ("96%", a task done, the
// time elapsed); "—" when v is NaN or infinite.
func (s Style) Percent(v float64) string {
	if t := s.Num(100*v, 0); t != "—" {
		return t + "%"
	}
	return "—"
}

// Metric prints a value of target t's metric in the form Goal prints the
// target: "6.2%/年" beside "≥6%/年", "−30%" beside "−30%" (a reduction's
// metric is the fall, so a rise is "+2%"), "+1.5" beside "+1", "×2.03"
// beside "翻一番", "[25]" beside "[25]", a relative target's margin
// "+1.2个百分点"; a level as Value prints it. No unit follows the number:
// that is the caller's. "—" when v is NaN or infinite.
func (s Style) Metric(t model.Target, v float64, lang string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	if t.Relative() {
		return s.Margin(v, lang)
	}
	switch t.Kind {
	case model.Growth:
		return s.Value(v) + "%/" + pick(lang, "年", "yr")
	case model.Reduction:
		if v < 0 {
			return "+" + s.Value(-v) + "%" // a rise, not a fall
		}
		return "−" + s.Value(v) + "%"
	case model.Change:
		if v > 0 {
			return "+" + s.Value(v)
		}
	case model.Multiple:
		return "×" + s.Value(v)
	case model.Cumulative:
		return "[" + s.Value(v) + "]"
	}
	return s.Value(v)
}

// PP is the unit of a change of a quantity measured in unit (already in
// lang): percentage points ("百分点", "pp") for "%", else the unit itself.
func PP(unit, lang string) string {
	if unit == "%" {
		return pick(lang, "百分点", "pp")
	}
	return unit
}

// PaceUnit names the unit of a pace of kind k on ind: "%/年" ("%/yr") for
// a compound rate, the indicator's unit a year for a step or a flow, a
// share's in percentage points ("百分点/年", "pp/yr", "万元/年"). Any other
// kind (RateNone: floors, ceilings, delegated targets) has no pace and no
// unit: "".
func PaceUnit(ind *model.Indicator, k model.RateKind, lang string) string {
	yr := pick(lang, "/年", "/yr")
	switch k {
	case model.RatePct:
		return "%" + yr
	case model.RateUnits, model.RateFlow:
		return PP(ind.Unit.In(lang), lang) + yr
	}
	return ""
}

func pick(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}
