package observed

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"fyp/internal/bilingual"
)

// maxNumberLen is the longest text read as a number: 40 characters hold
// any figure a bulletin prints (1,234,567,890,123.456789 is 24).
const maxNumberLen = 40

// numberRE is the accepted syntax once full-width forms are folded: an
// optional sign; digits, or digits grouped by commas in threes
// (1,234,567.8, the first group not starting with 0); an optional decimal
// part; an optional decimal exponent (Excel stores 1.5E-3); an optional
// trailing percent sign. No underscores, no hexadecimal, no Inf or NaN.
var numberRE = regexp.MustCompile(`^[+-]?(?:(?:[0-9]+|[1-9][0-9]{0,2}(?:,[0-9]{3})+)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$`)

// commaRE finds a comma between digits, to explain a refused decimal comma.
var commaRE = regexp.MustCompile(`[0-9],[0-9]`)

// ParseNumber reads a number as bulletins and spreadsheets print it, and
// says why when it refuses one.
//
// Accepted: 52.3, -3, +3, .5, 1e5, 1.5E-3; thousands separators only in
// groups of three (1,234,567.8); a trailing % (12.5% is read as 12.5, in
// the indicator's own unit); a Unicode minus (−3); spaces around the
// number. Full-width forms, common in Chinese files, are read as their
// half-width equivalents: ５２．３ is 52.3, －３ is -3, １，２３４ is 1234,
// ５２％ is 52.
//
// Refused: a decimal comma or a misplaced separator (52,3; 1,2,3; 1,234,56),
// underscores (1_000), hexadecimal (0x1p-2), Inf, NaN, spaces inside the
// number, magnitudes beyond float64, and any other text.
func ParseNumber(s string) (float64, error) {
	t := strings.TrimSpace(strings.NewReplacer("\u00a0", " ", "\u3000", " ", "\u2212", "-").Replace(s))
	if t == "" {
		return 0, bilingual.Errorf("没有数字", "no number")
	}
	if len(t) > maxNumberLen*3 { // before folding: up to 3 bytes a full-width rune
		return 0, bilingual.Errorf("太长，不像数字", "too long to be a number")
	}
	t = width.Fold.String(t)
	t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	if len(t) > maxNumberLen {
		return 0, bilingual.Errorf("太长，不像数字", "too long to be a number")
	}
	if !numberRE.MatchString(t) {
		return 0, refusal(t)
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, bilingual.Errorf("太大，超出数字范围", "too large to be a number")
	}
	return v, nil
}

// refusal explains why t (folded, without %) is not a number.
func refusal(t string) error {
	l := strings.ToLower(t)
	switch {
	case strings.Contains(l, "_"):
		return bilingual.Errorf("下划线不能用作数字分隔符；请写1000或1,000", "underscores are not digit separators; write 1000 or 1,000")
	case strings.Contains(l, "0x") || strings.Contains(l, "0b") || strings.Contains(l, "0o"):
		return bilingual.Errorf("不接受十六进制、二进制和八进制数；请写十进制数", "hexadecimal, binary and octal numbers are not accepted; write the decimal number")
	case strings.Contains(l, "inf") || strings.Contains(l, "nan"):
		return bilingual.Errorf("不是有限的数字", "not a finite number")
	case commaRE.MatchString(t):
		return bilingual.Errorf("逗号只用作千位分隔，每三位一组（1,234,567.8）；小数点请写52.3，不要写52,3", "a comma separates thousands only, in groups of three digits (1,234,567.8); for a decimal point write 52.3, not 52,3")
	case strings.ContainsAny(t, " \t"):
		return bilingual.Errorf("数字中间有空格；请写1234或1,234", "a space inside the number; write 1234 or 1,234")
	}
	return bilingual.Errorf("应为数字，如52.3、-1.5、1,234.5或12.5%%", "expected a number such as 52.3, -1.5, 1,234.5 or 12.5%%")
}
