package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// isNameCell tells an indicator name from a value: it holds Chinese or Latin
// words beyond the notation (以上, 左右, 下降, 市下达 …).
func isNameCell(s string) bool {
	if s == "" || isValueCell(s) || attrRe.MatchString(s) {
		return false
	}
	return true
}

var notation = strings.NewReplacer("以上", "", "以下", "", "以内", "", "左右", "", "下降", "", "降低", "", "不低于", "", "不少于", "", "不高于", "",
	"约", "", "%", "", "万", "", "亿", "", "倍", "", "个百分点", "", "百分点", "", "旧标准", "", "新标准", "", "旧口径", "", "新口径", "", "口径调整", "", "年", "")

// isValueCell tells a value cell: a number with its notation, a [ ] total,
// a dash, or words that delegate the figure.
func isValueCell(s string) bool {
	t := strings.TrimSpace(s)
	switch t {
	case "—", "-", "–", "/", "——", "－", "…":
		return true
	}
	c := ParseCell(t)
	if c.Delegated {
		return true
	}
	if !c.HasValue {
		return false
	}
	rest := notation.Replace(remarkRe.ReplaceAllString(t, ""))
	for _, r := range rest {
		if unicode.Is(unicode.Han, r) || unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// isGroupCell tells a group heading (推动高质量发展, 经济发展) standing
// between rows: short words without a unit or a number.
func isGroupCell(s string) bool {
	han := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	return han >= 2 && isNameCell(s) && utf8.RuneCountInString(s) <= 12 && !strings.ContainsAny(s, "()（）%0123456789")
}

// isRemark tells a cell that only comments the one before: (口径调整).
func isRemark(s string) bool {
	return (strings.HasPrefix(s, "(") || strings.HasPrefix(s, "（")) && !yearRe.MatchString(s) && utf8.RuneCountInString(s) < 20
}

// parseRows walks the tokens of the body: a row number, the name, the
// value cells, the attribute; group headings between rows; sub-rows (a
// second name under one number) in record tables.
func parseRows(t *rawTable, toks []token, hasAttr, hasUnit bool) {
	n := len(t.Cols)
	group := ""
	var cur *rawRow
	var vals []token
	flush := func() {
		if cur == nil {
			return
		}
		cur.Values, cur.Review = placeValues(vals, n)
		t.Rows = append(t.Rows, *cur)
		cur, vals = nil, nil
	}
	expect := 1
	for k := 0; k < len(toks); k++ {
		tk := toks[k]
		s := tk.text
		next := ""
		if k+1 < len(toks) {
			next = toks[k+1].text
		}
		switch {
		case s == strconv.Itoa(expect) && isNameCell(next) && (cur == nil || cur.Attr != "" || !hasAttr || len(vals) >= n || toks[k].row != 0 && toks[k].row != rowOf(vals)):
			flush()
			cur = &rawRow{No: expect, Group: group, Name: next, Line: tk.line, row: tk.row}
			expect++
			k++
		case cur == nil:
			if s != "" && isGroupCell(s) {
				group = s
			}
		case attrRe.MatchString(s):
			cur.Attr = s
			if !hasAttr {
				flush()
			}
		case s == "" && tk.fixed && tk.row == cur.row:
			vals = append(vals, tk)
		case s == "" && tk.fixed:
			// an empty cell of the next row (a merged 类别 cell)
		case hasUnit && len(vals) == 0 && unitRe.MatchString(s):
			vals = append(vals, tk) // the 单位 column
		case s == "":
		case isRemark(s) && len(vals) > 0:
			vals[len(vals)-1].text += s
		case isRemark(s) && len(vals) == 0:
			cur.Name += s
		case isValueCell(s):
			vals = append(vals, tk)
			if !hasAttr && len(vals) == n {
				flush()
			}
		case strings.Trim(s, "#*＊※ ") == "":
			// a mark standing alone (# before a sub-row)
		case cur.Attr == "" && hasAttr && len(vals) > 0 && len(vals) < n && !(isGroupCell(s) && next == strconv.Itoa(expect)):
			// words in a value column: 高于GDP增长, 与经济增长同步
			vals = append(vals, tk)
		case cur.Attr != "" || len(vals) > 0:
			// words after the values: a group heading or a sub-row
			if strings.ContainsAny(s, "(（") && !isGroupCell(s) {
				no, attr, grp := cur.No, cur.Attr, cur.Group
				sub := cur.Sub
				flush()
				if sub == 0 {
					t.Rows[len(t.Rows)-1].Sub = 1
					sub = 1
				}
				cur = &rawRow{No: no, Sub: sub + 1, Group: grp, Name: s, Line: tk.line, Attr: ""}
				if !hasAttr {
					cur.Attr = attr
				}
				continue
			}
			if isGroupCell(s) {
				flush()
				group = s
			} else {
				cur.Review = strings.TrimSpace(cur.Review + " 多出的单元格，" + s)
			}
		default:
			// words before any value: a label merged over sub-rows (安全 生产)
			// or the name continued
			if utf8.RuneCountInString(s) <= 3 && !strings.ContainsAny(s, "(（") {
				continue
			}
			if strings.ContainsAny(s, "(（") {
				// the merged label came first: this is the real name
				cur.Name = s
				continue
			}
			if utf8.RuneCountInString(cur.Name) <= 3 {
				cur.Name = s
				continue
			}
			cur.Name += s
		}
	}
	flush()
	// Sub-rows share their group's attribute (a merged cell).
	for k := range t.Rows {
		if t.Rows[k].Attr == "" {
			for j := k + 1; j < len(t.Rows) && t.Rows[j].No == t.Rows[k].No; j++ {
				if t.Rows[j].Attr != "" {
					t.Rows[k].Attr = t.Rows[j].Attr
					break
				}
			}
			for j := k - 1; t.Rows[k].Attr == "" && j >= 0 && t.Rows[j].No == t.Rows[k].No; j-- {
				t.Rows[k].Attr = t.Rows[j].Attr
			}
		}
	}
}

func rowOf(vals []token) int {
	if len(vals) == 0 {
		return -1
	}
	return vals[len(vals)-1].row
}

// placeValues puts a row's value cells into its n columns. A real table
// gives every cell; a flattened copy loses the empty ones, and then the
// cells are read as the last ones (a new indicator has a target but no
// base-year value), with a review note.
func placeValues(vals []token, n int) ([]string, string) {
	out := make([]string, n)
	if len(vals) > 0 && vals[0].fixed {
		for k := 0; k < n && k < len(vals); k++ {
			out[k] = vals[k].text
		}
		if len(vals) > n {
			return out, "多出的单元格，" + joinTokens(vals[n:])
		}
		return out, ""
	}
	switch {
	case len(vals) == n:
		for k := range vals {
			out[k] = vals[k].text
		}
		return out, ""
	case len(vals) > n:
		for k := 0; k < n; k++ {
			out[k] = vals[k].text
		}
		return out, "多出的单元格，" + joinTokens(vals[n:])
	}
	off := n - len(vals)
	for k := range vals {
		out[off+k] = vals[k].text
	}
	if len(vals) == 0 || n < 2 {
		return out, ""
	}
	return out, "表格复制时空单元格丢失，" + strconv.Itoa(len(vals)) + "个数值读作后" + strconv.Itoa(len(vals)) + "列，前面的列为空"
}

func joinTokens(ts []token) string {
	var s []string
	for _, t := range ts {
		s = append(s, t.text)
	}
	return strings.Join(s, " ")
}
