package extract

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"fyp/seeds/vocabulary"
)

// rowName is a name cell taken apart: 地区生产总值年均增速(%)(可比价) →
// name 地区生产总值, unit %, price comparable, metric growth.
type rowName struct {
	Name   string // the level's name
	Unit   string // the unit printed with it, if any
	Price  string // 2020, comparable, current
	Metric string // what the row's figures are: level, growth, reduction, change
	Note   string // other words in parentheses
}

var (
	unitRe  = regexp.MustCompile(`^(%|‰|个?百分点|倍|[万亿千百十]?[元人户家个件所张座条项名列天年岁次辆吨亩头株套台床位处]+(?:/[^()（）]{1,8})?|[万亿千]?(?:平方)?(?:公里|米|千米|立方米|公顷|千瓦时?|标准煤|吨标准煤)(?:/[^()（）]{1,8})?|[^()（）]{1,6}/[^()（）]{1,6}|微克/立方米|分贝|年一遇)$`)
	priceRe = regexp.MustCompile(`((?:19|20)\d{2})年(?:不变)?价`)
)

var metricSuffixes = []struct{ suffix, metric string }{
	{"年均增速", "growth"}, {"年均增长率", "growth"}, {"年均增长", "growth"}, {"增长率", "growth"}, {"增速", "growth"}, {"增长", "growth"},
	{"降低率", "reduction"}, {"下降率", "reduction"}, {"削减率", "reduction"}, {"降低", "reduction"}, {"下降", "reduction"}, {"减少", "reduction"},
	{"提升幅度", "change"}, {"提高幅度", "change"}, {"增加值幅度", "change"},
}

// splitName reads a table's name cell.
func splitName(cell string) rowName {
	r := rowName{Metric: "level"}
	s := strings.Trim(strings.TrimSpace(cell), "#*＊※ ")
	for {
		var g string
		switch {
		case strings.HasSuffix(s, ")") || strings.HasSuffix(s, "）"):
			open := matchingOpen(s)
			if open < 0 {
				goto done
			}
			g = s[open:]
			s = strings.TrimSpace(s[:open])
			g = strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(g, "("), "（"), ")"), "）")
		default:
			// a closing parenthesis lost in the copy: 森林覆盖率(%
			k := strings.LastIndexAny(s, "(（")
			if k < 0 || strings.ContainsAny(s[k:], ")）") {
				goto done
			}
			g = strings.TrimLeft(s[k:], "(（")
			if !unitRe.MatchString(g) && !priceRe.MatchString(g) {
				goto done
			}
			s = strings.TrimSpace(s[:k])
		}
		for _, part := range strings.FieldsFunc(g, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
			part = strings.TrimSpace(part)
			switch {
			case priceRe.MatchString(part):
				r.Price = priceRe.FindStringSubmatch(part)[1]
			case strings.Contains(part, "可比价") || strings.Contains(part, "不变价"):
				r.Price = "comparable"
			case strings.Contains(part, "现价") || strings.Contains(part, "当年价"):
				r.Price = "current"
			case unitRe.MatchString(part) && r.Unit == "":
				r.Unit = part
			case metricWord(part) != "":
				r.Metric = metricWord(part)
			default:
				r.Note = strings.TrimSpace(part + " " + r.Note)
			}
		}
	}
done:
	for _, m := range metricSuffixes {
		if r.Metric != "level" {
			break
		}
		if strings.HasSuffix(s, m.suffix) && utf8.RuneCountInString(s) > utf8.RuneCountInString(m.suffix)+1 {
			if m.metric == "growth" && (r.Unit != "%" && r.Unit != "") {
				break
			}
			r.Metric = m.metric
			s = strings.TrimSuffix(s, m.suffix)
			break
		}
	}
	if r.Metric == "level" && (r.Unit == "百分点" || r.Unit == "个百分点") {
		r.Metric = "change"
	}
	r.Name = s
	return r
}

// metricWord reads a parenthesised 削减率, 增速 … as the row's metric.
func metricWord(s string) string {
	for _, m := range metricSuffixes {
		if s == m.suffix {
			return m.metric
		}
	}
	return ""
}

// matchingOpen finds the parenthesis that opens the group closing s.
func matchingOpen(s string) int {
	depth := 0
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		switch r {
		case ')', '）':
			depth++
		case '(', '（':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// concept finds a name in the vocabulary. A name found inside a longer one
// counts only when it covers most of it (生产总值 is not 第一产业增加值占生产总值比重).
func concept(voc *vocabulary.Vocabulary, name string) (vocabulary.Entry, bool) {
	// 国内生产总值(GDP), 研究与试验发展(R&D)经费: the abbreviation repeats the name
	if short := abbrevRe.ReplaceAllString(name, ""); short != name && short != "" {
		if e, ok := concept(voc, short); ok {
			return e, true
		}
	}
	e, matched, ok := voc.Find(name)
	if !ok {
		return e, false
	}
	if matched == name || utf8.RuneCountInString(matched)*10 >= utf8.RuneCountInString(name)*7 {
		return e, true
	}
	return e, false
}

var abbrevRe = regexp.MustCompile(`[(（][A-Za-z0-9.&]+[)）]`)

// downWords mark an indicator where lower is better.
var downWords = []string{"失业率", "能耗", "排放", "死亡率", "收入比", "漏损率", "发病率", "污染", "浓度", "强度", "用水量", "贫困"}

func guessDirection(name string) string {
	for _, w := range downWords {
		if strings.Contains(name, w) {
			return "down"
		}
	}
	return "up"
}

// fill completes an indicator from the vocabulary, or guesses and says so.
func fill(ind *Indicator, voc *vocabulary.Vocabulary, printedUnit, metric string, fallbackID string) {
	e, ok := concept(voc, ind.Name)
	if ok && metric == "level" && printedUnit != "" && printedUnit != e.Unit && !strings.HasPrefix(e.Unit, printedUnit+"/") {
		// 空气质量优良天数比率 in % is not 空气质量优良天数 in 天
		e2, ok2 := sameUnit(voc, ind.Name, printedUnit)
		if !ok2 {
			e2, ok2 = chapterConcept(voc, ind.Name)
			ok2 = ok2 && e2.Unit == printedUnit
		}
		if ok2 {
			e = e2
			addReview(&ind.Review, "原文“"+ind.Name+"”按单位"+printedUnit+"读作"+e.ID)
		}
	}
	if !ok {
		if e2, ok2 := chapterConcept(voc, ind.Name); ok2 {
			e, ok = e2, true
			addReview(&ind.Review, "原文“"+ind.Name+"”按词表读作"+e.ID)
		}
	}
	if ok {
		ind.ID, ind.NameEN, ind.UnitEN = e.ID, e.NameEN, e.UnitEN
		ind.Direction, ind.Path = e.Direction, e.Path
		ind.Bounds = e.Bounds
		switch {
		case metric != "level" || printedUnit == "":
			ind.Unit = e.Unit
		case strings.HasPrefix(e.Unit, printedUnit+"/"):
			ind.Unit = e.Unit // 张 printed, 张/千人 meant: the name says per thousand
		case printedUnit != e.Unit:
			ind.Unit, ind.UnitEN = printedUnit, ""
			addReview(&ind.Review, fmt.Sprintf("单位%s与词表中%s的单位%s不同", printedUnit, e.ID, e.Unit))
		default:
			ind.Unit = printedUnit
		}
		return
	}
	ind.ID = fallbackID
	ind.Direction = guessDirection(ind.Name)
	ind.Path = "compound"
	addReview(&ind.Review, "名称不在词表中，请核对id (seeds/vocabulary/vocabulary.tsv)")
	switch {
	case printedUnit == "":
		ind.Unit = "?"
		addReview(&ind.Review, "未找到单位")
	case metric != "level":
		ind.Unit = printedUnit
		addReview(&ind.Review, "表中数字是"+metricZH[metric]+", 水平值的单位未印出，请填写unit")
	default:
		ind.Unit = printedUnit
	}
	if ind.Unit == "%" && metric == "level" {
		ind.Path = "linear"
		ind.Bounds = []float64{0, 100}
	}
}

var metricZH = map[string]string{"growth": "增速", "reduction": "降低率", "change": "变化幅度", "level": "水平值"}

func addReview(r *string, why string) {
	if *r == "" {
		*r = why
		return
	}
	if !strings.Contains(*r, why) {
		*r += "; " + why
	}
}
