// Package numfmt formats numbers the way fyp's tables and charts show them.
package numfmt

import (
	"math"
	"strconv"
	"strings"
)

// Fixed prints v with at most dec decimals and no trailing zeros ("4.83",
// "6", never "-0"); "—" when v is NaN or infinite.
func Fixed(v float64, dec int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	s := strconv.FormatFloat(v, 'f', dec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// Thousands writes n with a comma between groups of three digits.
func Thousands(n int) string { return Group(strconv.Itoa(n)) }

// Group puts a comma between groups of three digits of the whole part of a
// number printed in decimal ("-1234567.5" is "-1,234,567.5"); a text that
// is no number ("—") comes back as it is.
func Group(s string) string {
	sign, rest := "", s
	if r, ok := strings.CutPrefix(s, "-"); ok {
		sign, rest = "-", r
	}
	whole, frac, dot := strings.Cut(rest, ".")
	if whole == "" || whole[0] < '0' || whole[0] > '9' {
		return s
	}
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	if dot {
		whole += "." + frac
	}
	return sign + whole
}

// multiples are the English units that carry a power of ten in their name,
// as China's statistical yearbooks write them (亿元 "100 million yuan",
// 万人 "10,000 people").
var multiples = []struct {
	prefix string
	factor float64
}{
	{"100 million ", 1e8},
	{"10,000 ", 1e4},
}

// Amount prints v of an English unit inside a sentence, the way economists
// read it: a unit that names a power of ten is folded into the number, so
// 650 "100 million yuan" is "65 billion yuan", 5.7 "100 million US dollars"
// "570 million US dollars" and 7.9 "10,000 yuan" "79,000 yuan"; "%" follows
// the number without a space; any other unit follows after a space. Four
// significant digits at most; "—" when v is NaN or infinite. Table headers
// keep the yearbook unit ("100 million yuan") and are not written with it.
func Amount(v float64, unit string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	for _, m := range multiples {
		if rest, ok := strings.CutPrefix(unit, m.prefix); ok {
			return large(v*m.factor) + " " + rest
		}
	}
	switch unit {
	case "":
		return sig(v)
	case "%":
		return sig(v) + "%"
	}
	return sig(v) + " " + unit
}

// large prints n in billions or millions when it is that large, else in
// full with thousands separators: "65 billion", "570 million", "79,000".
func large(n float64) string {
	a := math.Abs(n)
	switch {
	case a >= 1e9:
		return sig(n/1e9) + " billion"
	case a >= 1e6:
		return sig(n/1e6) + " million"
	}
	return Group(sig(n))
}

// sig prints v with at most four significant digits and no trailing zeros.
func sig(v float64) string {
	if v == 0 {
		return "0"
	}
	d := 4 - int(math.Floor(math.Log10(math.Abs(v)))) - 1
	if d < 0 {
		p := math.Pow(10, float64(-d))
		return Fixed(math.Round(v/p)*p, 0)
	}
	return Fixed(v, d)
}

// Folds reports whether Amount folds unit's power of ten into the number.
func Folds(unit string) bool {
	for _, m := range multiples {
		if strings.HasPrefix(unit, m.prefix) {
			return true
		}
	}
	return false
}
