package bulletin

import (
	"math/big"
	"strconv"
	"strings"
)

// moneyScale lists the units of money a Money indicator may be kept in.
var moneyScale = map[string]bool{"元": true, "万元": true, "亿元": true, "美元": true, "万美元": true, "亿美元": true}

// magnitude splits a unit into its power of ten and its base: 亿元 → 8, 元;
// 万人 → 4, 人; % → 0, %.
func magnitude(unit string) (int, string) {
	switch {
	case strings.HasPrefix(unit, "万") && len(unit) > len("万"):
		return 4, strings.TrimPrefix(unit, "万")
	case strings.HasPrefix(unit, "亿") && len(unit) > len("亿"):
		return 8, strings.TrimPrefix(unit, "亿")
	}
	return 0, unit
}

// convert gives the printed number num in unit from in unit to, exactly
// (a shift of the decimal point): 104274 元 → 10.4274 万元. ok is false when
// the units measure different things (亿元 and 亿美元, 万人 and 万人次).
func convert(num, from, to string) (string, bool) {
	if from == "d" {
		from = "天" // 291 d in a paper: days
	}
	if f, ok := muPer[from]; ok {
		if t, ok := muPer[to]; ok && from != to {
			return rescale(num, f, t)
		}
	}
	ef, bf := magnitude(from)
	et, bt := magnitude(to)
	if bf != bt {
		return "", false
	}
	if ef == et {
		return num, true // as printed: 135.10 stays 135.10
	}
	return shift(num, ef-et), true
}

// shift multiplies the decimal number s by 10^k by moving its point.
func shift(s string, k int) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	digits := intPart + frac
	point := len(intPart) + k
	for point <= 0 {
		digits = "0" + digits
		point++
	}
	for point > len(digits) {
		digits += "0"
	}
	i, f := strings.TrimLeft(digits[:point], "0"), strings.TrimRight(digits[point:], "0")
	if i == "" {
		i = "0"
	}
	out := i
	if f != "" {
		out += "." + f
	}
	if neg && out != "0" {
		out = "-" + out
	}
	return out
}

// decimals is the number of digits after the point in s.
func decimals(s string) int {
	if _, f, ok := strings.Cut(s, "."); ok {
		return len(f)
	}
	return 0
}

// format prints v with d decimals, trimmed of nothing: 62.00 stays 62.00,
// as the bulletin would print it.
func format(v float64, d int) string {
	return strconv.FormatFloat(v, 'f', d, 64)
}

func parse(s string) float64 {
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// muPer is how many 亩 one unit of area is: 1公顷 = 15亩 exactly.
var muPer = map[string]int64{"亩": 1, "万亩": 10000, "公顷": 15, "千公顷": 15000}

// rescale gives num × from / to exactly, printed with the digits it needs
// (2744 公顷 → 4.116 万亩); ok is false when the result does not end.
func rescale(num string, from, to int64) (string, bool) {
	v, ok := new(big.Rat).SetString(num)
	if !ok {
		return "", false
	}
	v.Mul(v, big.NewRat(from, to))
	for d := 0; d <= 12; d++ {
		s := v.FloatString(d)
		if w, _ := new(big.Rat).SetString(s); w.Cmp(v) == 0 {
			return s, true
		}
	}
	return "", false
}
