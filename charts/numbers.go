package charts

import (
	"math"

	"fyp/internal/numfmt"
	"fyp/model"
)

// The numbers a chart prints for a quantity a table of the report also
// prints (a target, a level, a pace, a probability) follow the tables'
// rules, so that chart and table show the same decimals: the tables'
// formatters are cmd/fyp's fmtValue, goalText, fmtPace and the probability
// cells (a test there compares the two). Charts add only thousands
// separators and the one minus sign U+2212 (group).

// Value prints a level as the tables do: a precision that suits its size
// (1,173 · 133.8 · 62.94 · 0.1234).
func Value(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1000:
		return fmtNum(v, 0)
	case a >= 100:
		return fmtNum(v, 1)
	case a >= 1:
		return fmtNum(v, 2)
	}
	return fmtNum(v, 4)
}

// Goal prints a target as the tables' 目标值 column does: "≥6%/年",
// "−38%", "≈+5", "[30]", "翻一番", "≤3"; a relative target prints its
// margin only (charts name it in a note).
func Goal(t model.Target, lang string) string {
	if t.Kind == model.Delegated {
		return pick(lang, "市下达", "set by city")
	}
	v := Value(t.Value)
	switch t.Kind {
	case model.Growth:
		v += "%/" + pick(lang, "年", "yr")
	case model.Reduction:
		v = "−" + v + "%"
	case model.Change:
		v = "+" + v
	case model.Multiple:
		if t.Value == 2 && t.Bound != model.Max {
			return pick(lang, "翻一番", "doubling")
		}
		v = "×" + v
	case model.Cumulative:
		v = "[" + v + "]"
	}
	switch {
	case t.Kind == model.Floor, t.Bound == model.Min && t.Kind != model.Ceiling:
		v = "≥" + v
	case t.Kind == model.Ceiling, t.Bound == model.Max:
		v = "≤" + v
	case t.Bound == model.Approx:
		v = "≈" + v
	}
	return v
}

// Pace prints a pace as the tables do: two decimals and "%" for compound
// rates (4.83%), three decimals signed for steps (+0.94).
func Pace(v float64, k model.RateKind) string {
	switch k {
	case model.RatePct:
		if s := fmtNum(v, 2); s != "—" {
			return s + "%"
		}
		return "—"
	case model.RateUnits:
		s := fmtNum(v, 3)
		if s != "—" && v > 0 {
			s = "+" + s
		}
		return s
	}
	return fmtNum(v, 3)
}

// Prob prints a probability (0–1) as the tables do: one decimal, "49.3%".
func Prob(p float64) string {
	if math.IsNaN(p) {
		return "—"
	}
	return numfmt.Fixed(100*p, 1) + "%"
}
