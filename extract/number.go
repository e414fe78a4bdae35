package extract

import (
	"regexp"
	"strconv"
	"strings"
)

// Cell is a value cell of a table (or a figure of a sentence) read into its
// notation.
type Cell struct {
	Text      string  // as printed
	Value     float64 // the number, when HasValue
	HasValue  bool
	Bracket   bool   // [x] or 〔x〕: a five-year total
	Bound     string // min, max, approx or none
	Delegated bool   // 市下达, 上级下达, 国家下达, 保持在合理区间, 视情提出
	Reduction bool   // 下降/降低 printed in the cell
	Note      string // a remark printed in the cell: (口径调整), a footnote mark
	Empty     bool   // "", "—", "-", "/"
}

var (
	numberRe   = regexp.MustCompile(`-?\d+(?:\.\d+)?`)
	bracketRe  = regexp.MustCompile(`[\[〔【]\s*(-?\d+(?:\.\d+)?)\s*%?\s*[\]〕】]`)
	remarkRe   = regexp.MustCompile(`[(（]([^()（）]*)[)）]`)
	footnoteRe = regexp.MustCompile(`[*＊※①②③④⑤⑥⑦⑧⑨]`)
)

// delegatedWords mark a cell without a number set elsewhere.
var delegatedWords = []string{"市下达", "上级下达", "国家下达", "省下达", "区下达", "下达", "合理区间", "视情提出", "完成上级"}

// ParseCell reads a value cell: 6以上, [25], 5左右, <3, ≥95, 市下达, 100%, —.
func ParseCell(s string) Cell {
	c := Cell{Text: s, Bound: "none"}
	t := strings.TrimSpace(s)
	if fm := footnoteRe.FindString(t); fm != "" {
		c.Note = "脚注" + fm
		t = footnoteRe.ReplaceAllString(t, "")
	}
	if m := remarkRe.FindStringSubmatch(t); m != nil {
		c.Note = strings.TrimSpace(strings.TrimPrefix(c.Note+" "+m[1], " "))
		t = strings.TrimSpace(remarkRe.ReplaceAllString(t, ""))
	}
	switch t {
	case "", "—", "-", "–", "/", "——", "－", "无", "…":
		c.Empty = true
		return c
	}
	for _, w := range delegatedWords {
		if strings.Contains(t, w) {
			c.Delegated = true
			return c
		}
	}
	if strings.Contains(t, "下降") || strings.Contains(t, "降低") || strings.Contains(t, "减少") {
		c.Reduction = true
	}
	switch {
	case strings.Contains(t, "以上") || strings.Contains(t, "不低于") || strings.Contains(t, "不少于") || strings.Contains(t, "至少") ||
		strings.HasPrefix(t, ">") || strings.HasPrefix(t, "≥") || strings.HasPrefix(t, "＞") || strings.HasPrefix(t, "超过"):
		c.Bound = "min"
	case strings.Contains(t, "以内") || strings.Contains(t, "以下") || strings.Contains(t, "不高于") || strings.Contains(t, "不超过") ||
		strings.HasPrefix(t, "<") || strings.HasPrefix(t, "≤") || strings.HasPrefix(t, "＜") || strings.Contains(t, "控制在"):
		c.Bound = "max"
	case strings.Contains(t, "左右") || strings.HasPrefix(t, "约"):
		c.Bound = "approx"
	}
	if m := bracketRe.FindStringSubmatch(t); m != nil {
		c.Bracket = true
		c.Value, _ = strconv.ParseFloat(m[1], 64)
		c.HasValue = true
		return c
	}
	if m := numberRe.FindString(t); m != "" {
		c.Value, _ = strconv.ParseFloat(m, 64)
		c.HasValue = true
	}
	return c
}

// cnDigits reads the Chinese numerals of years and small counts.
var cnDigits = map[rune]int{'〇': 0, '零': 0, 'О': 0, 'O': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// cnYear reads 二〇三五 as 2035; 0 when s is not a year so written.
func cnYear(s string) int {
	y := 0
	n := 0
	for _, r := range s {
		d, ok := cnDigits[r]
		if !ok {
			return 0
		}
		y = y*10 + d
		n++
	}
	if n != 4 || y < 1900 || y > 2200 {
		return 0
	}
	return y
}

// cnNumber reads a Chinese count: 十, 十二, 二十, 一百, 三十五; 0 when not one.
func cnNumber(s string) int {
	if s == "" {
		return 0
	}
	total, cur := 0, 0
	for _, r := range s {
		switch r {
		case '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
		case '百':
			if cur == 0 {
				cur = 1
			}
			total += cur * 100
			cur = 0
		default:
			d, ok := cnDigits[r]
			if !ok {
				return 0
			}
			cur = d
		}
	}
	return total + cur
}

// formatNumber prints a value as the plan file keeps it.
func formatNumber(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}
