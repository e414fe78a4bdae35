package charts

import (
	"fyp/internal/numfmt/quantity"
	"fyp/model"
)

// The numbers a chart prints for a quantity a table of the report also
// prints (a target, a level, a pace, a probability) follow the tables'
// rules, so that chart and table show the same decimals: both print with
// fyp/internal/numfmt/quantity, charts in its Chart style (thousands
// separators and the one minus sign U+2212).

// Value prints a level as the tables do: a precision that suits its size
// (1,173 · 133.8 · 62.94 · 0.1234).
func Value(v float64) string { return quantity.Chart.Value(v) }

// Goal prints a target as the tables' 目标值 column does: "≥6%/年",
// "−38%", "≈+5", "[30]", "翻一番", "≤3"; a relative target prints its
// margin only (charts name it in a note).
func Goal(t model.Target, lang string) string { return quantity.Chart.Goal(t, lang) }

// Pace prints a pace as the tables do: two decimals and "%" for compound
// rates (4.83%), three decimals signed for steps (+0.94).
func Pace(v float64, k model.RateKind) string { return quantity.Chart.Pace(v, k) }

// Prob prints a probability (0–1) as the tables do: one decimal, "49.3%".
func Prob(p float64) string { return quantity.Chart.Prob(p) }
