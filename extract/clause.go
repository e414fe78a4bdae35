package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyp/seeds/vocabulary"
)

// A quantity in a sentence: 2400件, 38%, 6.5万元/人, 500万平方米以上.
var quantityRe = regexp.MustCompile(`(\d+(?:\.\d+)?)(万|亿)?(个百分点|百分点|平方公里|万平方米|平方米|亿立方米|立方米|万千瓦|千瓦|公里|万亩|亩|万吨|吨|万头|头|万辆|辆|万人次|人次|万人|人|万户|户|万家|家|万个|个|件|所|张|座|条|项|名|列|天|岁|亿美元|亿元|万元/人|万元/亩|万元|元|%|年一遇|倍|公顷|床|处|支|套|台|次)?(以上|左右|以内|以下)?`)

var (
	sentenceSplit   = regexp.MustCompile(`[。；;！？!?]`)
	clauseSplit     = regexp.MustCompile(`[,，:：]`)
	byYearRe        = regexp.MustCompile(`(?:到|至|展望|在)(\d{4}|二〇[一二三四五六七八九〇]{2})年`)
	pastRe          = regexp.MustCompile(`五年来|十三五|过去|已经|以来|比上年|年末|同比|完成情况|较20\d\d年`)
	leadRe          = regexp.MustCompile(`^(?:到\d{4}年|“?十[一二三四五六七八九]五”?时期|力争|全区|全面|确保|新增|其中|推动|实现|努力|争取|基本|累计|五年|每年|全市|新建|同时|并|使|以及|和|及|且|则|、|扎实|积极|加快|建设|建成|培育|发展|改造提升|改造|治理|安排|打造|创建|开设|开发|支持|促进|推广|引进|组建|设置|配备)+`)
	notQuantity     = regexp.MustCompile(`^[A-Za-z]|^年|^分钟|^小时|^岁以下|^家庭|^\.`)
	doubleRe        = regexp.MustCompile(`翻(一|两|二)番`)
	sharedRe        = regexp.MustCompile(`(?:均|分别|都)(?:达到|达|提高|提升|为|稳定在|保持在|控制在)?$`)
	genericRe       = regexp.MustCompile(`(?:种植面积|播种面积|面积|总产量|产量|总产值|产值)$`)
	workVerbRe      = regexp.MustCompile(`^(?:扎实|全面|积极|力争)?(?:建设|新建|改造提升|改造|治理|推广|培育|培养|招聘补充|示范推广|修建|新增)`)
	workVerbAnyRe   = regexp.MustCompile(`招聘补充|培育|培养|改造|治理|推广`)
	createVerbAnyRe = regexp.MustCompile(`打造|建设|建成|创建|培育|新建`)
	perUnitRe       = regexp.MustCompile(`^每(?:个|千人|万人|百人|千名|村|户|镇|人)`)
	promoteRe       = regexp.MustCompile(`推广[^、，,]{2,10}$`)
	toLevelRe       = regexp.MustCompile(`(?:提高到|提升到|提高至|提升至|增加到|增长到|达到|达)$`)
	countUnits      = map[string]bool{"个": true, "家": true, "所": true, "%": true, "": true}
)

// createVerbRe ends the words before a count of things made: 建成100个….
var createVerbRe = regexp.MustCompile(`(?:打造|建设|建成|创建|培育|设置|开设|新建|组建|建立|形成|创成|配备)$`)

func startsHan(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Han, r)
}

// clauseTargets reads the quantities of a clause.
func clauseTargets(clause, lastSubj string, year int, y span, voc *vocabulary.Vocabulary) []found {
	clause = strings.TrimSpace(clause)
	var out []found
	if m := doubleRe.FindStringSubmatch(clause); m != nil {
		k := strings.Index(clause, m[0])
		subj := subjectOf(clause[:k])
		v := 2.0
		if m[1] != "一" {
			v = 4
		}
		from := y.Base
		review := ""
		if fm := baseOfRe.FindStringSubmatch(clause); fm != nil {
			from, _ = strconv.Atoi(fm[1])
			subj = subjectOf(clause[:strings.Index(clause, fm[0])])
			if from < y.Base || from >= year {
				review = "翻番的基年" + fm[1] + "不在规划期内，按基期" + strconv.Itoa(y.Base)
				from = y.Base
			}
		}
		f := found{subject: subj, quote: clause, target: &Target{Year: year, Kind: "multiple", Value: num(v), Bound: "none", From: from, Text: clause, Review: review}}
		f.entry, f.known = chapterConcept(voc, subj)
		if subj != "" {
			out = append(out, f)
		}
		return out
	}
	if f, ok := classTarget(clause, year, voc); ok {
		return []found{f}
	}
	if f, ok := linesTarget(clause, year, voc); ok {
		return []found{f}
	}
	if f, ok := relativeTarget(clause, year, voc); ok {
		return []found{f}
	}
	prevEnd, prevSubj := 0, ""
	// 粮食、蔬菜总产量稳定在63万吨和100万吨左右: one name for each figure
	list := listSubjects(clause)
	numberFirst := false // 建成30个镇养老服务中心、109个社区养老服务站
	for _, loc := range quantityRe.FindAllStringSubmatchIndex(clause, -1) {
		numStr := clause[loc[2]:loc[3]]
		mult, unit, qual := part(clause, loc, 4), part(clause, loc, 6), part(clause, loc, 8)
		after := clause[loc[1]:]
		full := clause[:loc[0]]
		before := clause[min(prevEnd, loc[0]):loc[0]]
		inParen := false
		if k := strings.LastIndexAny(before, "(（"); k >= 0 && k > strings.LastIndexAny(before, ")）") {
			before = strings.TrimPrefix(before[k:], before[k:k+utf8.RuneLen([]rune(before[k:])[0])])
			before = strings.TrimPrefix(before, "其中")
			inParen = true
		}
		bare := unit == "" && mult == ""
		if bare && !strings.HasSuffix(full, "达") && !strings.HasSuffix(full, "达到") && !strings.HasSuffix(full, "提高到") &&
			!(strings.TrimSpace(after) == "" && startsHan(lastRunes(full, 1)) && createVerbAnyRe.MatchString(full)) {
			continue // a number without a unit is a figure only after 达, or ending a clause that creates something (创建A级乡村旅游景区2)
		}
		if len(numStr) == 4 && (strings.HasPrefix(numStr, "19") || strings.HasPrefix(numStr, "20")) && strings.HasPrefix(clause[loc[3]:], "年") {
			continue
		}
		if notQuantity.MatchString(clause[loc[3]:]) && unit == "" {
			continue
		}
		if unit == "岁" && qual == "以下" || strings.HasPrefix(after, "范围") || strings.HasSuffix(full, "“") {
			continue // an age bracket (3岁以下), a distance (1公里范围内), a name (“2.5天小长假”)
		}
		if prev, _ := utf8.DecodeLastRuneInString(full); prev == '.' || (prev >= '0' && prev <= '9') || prev >= 'A' && prev <= 'z' {
			continue
		}
		v, _ := strconv.ParseFloat(numStr, 64)
		if countsGiven(before, v) {
			continue
		}
		switch {
		case mult == "万" && unit == "个":
			v *= 10000
			mult = ""
		case mult != "":
			unit = mult + unit
		}
		t := &Target{Year: year, Value: num(v), Bound: "none", Text: clause[loc[0]:loc[1]]}
		if a, b, ok := lostDash(numStr); ok && mult == "" && rangeUnits[unit] {
			t.Review = fmt.Sprintf("%s可能是“%d—%d”丢了连接号（合并单元格常见），请核对原文", numStr, a, b)
		}
		if bare && !strings.HasSuffix(full, "达") && !strings.HasSuffix(full, "达到") && !strings.HasSuffix(full, "提高到") {
			t.Review = "原文数字后无单位"
		}
		switch qual {
		case "以上":
			t.Bound = "min"
		case "左右":
			t.Bound = "approx"
		case "以内", "以下":
			t.Bound = "max"
		}
		tail := full
		if k := strings.LastIndexAny(tail, "、和及"); k >= 0 && k > len(tail)-12 {
			tail = tail[k:]
		}
		if len(tail) > len(before)+12 {
			tail = before
		}
		has := func(ws ...string) bool {
			for _, w := range ws {
				if strings.Contains(tail, w) {
					return true
				}
			}
			return false
		}
		switch {
		case strings.HasSuffix(full, "不低于") || strings.HasSuffix(full, "不少于") || strings.HasSuffix(full, "至少") || strings.HasSuffix(full, "超过") || strings.HasSuffix(full, "突破"):
			t.Bound = "min"
		case strings.HasSuffix(full, "控制在") || strings.HasSuffix(full, "不超过") || strings.HasSuffix(full, "不高于"):
			t.Bound = "max"
		}
		switch {
		case has("年均增长", "年均增速", "年均提高") && unit == "%":
			t.Kind = "growth"
		case has("年均增长", "年均"):
			continue // an arithmetic path (年均增长40亿元): the level target says it
		case has("下降", "降低", "减少") && unit == "%":
			t.Kind, t.From = "reduction", y.Base
		case (has("提高", "提升", "增加") && (unit == "个百分点" || unit == "百分点")):
			t.Kind, t.From = "change", y.Base
		case has("提高", "提升") && unit == "%" && !has("提高到", "提升到", "提高至", "提升至"):
			t.Kind, t.From = "multiple", y.Base
			t.Value = num(1 + v/100)
		case has("新增"):
			t.Kind, t.From = "change", y.Base
		case has("累计"):
			t.Kind, t.From = "cumulative", y.Base
		case has("稳定在", "保持在", "稳定", "每年") && year <= y.Target:
			t.Kind, t.From = "floor", y.Base
		case toLevelRe.MatchString(lastRunes(full, 4)):
			t.Kind = "level" // 提升至50年一遇: a level, whatever the verbs before
		case (workVerbRe.MatchString(before) || workVerbAnyRe.MatchString(full)) && (!countUnits[unit] || promoteRe.MatchString(lastRunes(before, 12)) && unit != "%") && !perUnitRe.MatchString(subjectOf(before)):
			// 推广新品种10个: a count promoted is a flow over the period, like
			// a length built
			t.Kind, t.From = "cumulative", y.Base
			t.Review = "建设、改造、培育类数量，读作规划期累计"
		default:
			t.Kind = "level"
			if has("控制在") {
				t.Bound = "max"
			}
		}
		if unit == "个百分点" || unit == "百分点" {
			unit = "%"
		}
		prevEnd = loc[1]
		if qual == "以上" && startsHan(after) {
			continue // a size class: 500吨以上农村污水处理设施
		}
		if strings.HasPrefix(after, "级") {
			// 1000万吨级煤炭交易及物流中心: a class of size, about that much
			after = strings.TrimPrefix(after, "级")
			t.Bound = "approx"
			numberFirst = true
		}
		if strings.HasPrefix(after, "的") || createVerbRe.MatchString(lastRunes(before, 3)) {
			numberFirst = true // 打造1平方公里的…创新生态圈, 建成100个…示范村
		}
		if b := strings.TrimSpace(before); strings.HasSuffix(b, "和") || strings.HasSuffix(b, "及") {
			numberFirst = true // …示范片和30个美丽宜居村
		}
		subj := subjectOf(before)
		perUnit := perUnitRe.MatchString(subj) // 每个网格至少配备1名专(兼)职网格员
		if a := subjectAfter(after); a != "" {
			_, knownBefore := chapterConcept(voc, subj)
			_, knownAfter := chapterConcept(voc, a)
			if long := subjectAfterWhole(after); !knownAfter && long != a {
				// 1000万吨级煤炭交易及物流中心: the name runs on past 及
				if _, ok := chapterConcept(voc, long); ok {
					a, knownAfter = long, true
				}
			}
			switch {
			case perUnit && !knownBefore:
				subj = subj + a
				prevEnd = loc[1] + len(a)
			case subj == "" || numberFirst || knownAfter && !knownBefore:
				subj = a
				numberFirst = true
				prevEnd = loc[1] + len(a)
			}
		}
		if subj == "" && prevEnd == loc[1] && strings.HasPrefix(strings.TrimSpace(clause), "到") {
			// 规模工业总产值年均增长40亿元,到2025年650亿元
			subj = lastSubj
		}
		if subj == "" {
			continue
		}
		if k := len(out); list != nil && k < len(list) {
			subj = list[k]
		}
		if inParen && len(out) > 0 && utf8.RuneCountInString(subj) <= 3 && !numberFirst {
			// 柑橘种植面积稳定在18万亩(晚熟9万亩): a part of the figure
			// before, read the same way
			parent := out[len(out)-1]
			if _, ok := chapterConcept(voc, subj); !ok && parent.unit == unit {
				subj = subj + parent.subject
				t.Kind, t.From = parent.target.Kind, parent.target.From
			}
		}
		if g := genericRe.FindString(subj); g == subj {
			// 产量达20万吨 after 柑橘种植面积稳定在18万亩: 柑橘产量
			if prevSubj == "" {
				prevSubj = lastSubj
			}
			if prevSubj != "" {
				subj = genericRe.ReplaceAllString(prevSubj, "") + subj
			}
		}
		if !strings.ContainsAny(clause[:loc[0]], "(（") || strings.ContainsAny(before, ")）") {
			prevSubj = subj
		}
		// 入学率、巩固率均达100%: one figure for each name
		subjects := []string{subj}
		whole := trimSubject(lastRunes(before, 40))
		if parts := strings.Split(whole, "、"); len(parts) > 1 && !numberFirst && (sharedRe.MatchString(lastRunes(before, 8)) || allKnown(voc, parts)) {
			subjects = completeParts(voc, parts)
		}
		for _, sj := range subjects {
			sj = subjectOf(sj)
			if sj == "" {
				continue
			}
			tt := *t
			f := found{subject: sj, unit: unit, quote: strings.TrimSpace(clause), target: &tt}
			f.entry, f.known = chapterConcept(voc, sj)
			if f.known && tt.Kind == "level" && unit != "" && unit != f.entry.Unit {
				// 进出口总额 in 亿元 is 商品进出口总额, not the series in 亿美元
				if e, ok := sameUnit(voc, sj, unit); ok {
					f.entry = e
				}
			}
			if !f.known && len(subjects) == 1 {
				if e, ok := chapterConcept(voc, strings.TrimSpace(before)); ok {
					f.entry, f.known = e, true
				} else if e, ok := unqualified(voc, sj, before); ok {
					f.entry, f.known = e, true
				} else if k := len(out); k > 0 && out[k-1].known {
					f.entry, f.known = sharedHead(voc, sj, out[k-1].subject)
				}
			}
			out = append(out, f)
		}
	}
	return out
}

// classRe is an amount in words as a class to reach: 迈上“两千亿”级新台阶,
// 突破千亿元大关.
var classRe = regexp.MustCompile(`(迈上|迈过|跨上|跨越|突破|超过|达到)“?([一二两三四五六七八九]?)([千百])亿(元)?”?(级|大关)`)

// classTarget reads a clause naming its figure as a class in words.
func classTarget(clause string, year int, voc *vocabulary.Vocabulary) (found, bool) {
	m := classRe.FindStringSubmatchIndex(clause)
	if m == nil || strings.ContainsAny(clause, "0123456789") {
		return found{}, false
	}
	subj := subjectOf(clause[:m[0]])
	if subj == "" {
		return found{}, false
	}
	n := 1
	if m[4] < m[5] {
		n = cnNumber(clause[m[4]:m[5]])
	}
	v := float64(n * 100)
	if clause[m[6]:m[7]] == "千" {
		v = float64(n * 1000)
	}
	bound := "min"
	if clause[m[2]:m[3]] == "达到" {
		bound = "none"
	}
	f := found{subject: subj, unit: "亿元", quote: strings.TrimSpace(clause), target: &Target{Year: year, Kind: "level", Value: num(v), Bound: bound, Text: clause[m[0]:m[1]]}}
	f.entry, f.known = chapterConcept(voc, subj)
	return f, true
}

// levelsRe is a list of administrative levels qualifying a name:
// 国家、市级和区级现代农业产业园.
var levelsRe = regexp.MustCompile(`^(?:(?:国家|省|市|区|县|镇)级?[、和及与]?)+`)

// unqualified finds an unknown name in the vocabulary once the words that
// only qualify it are dropped: the levels before it (市级和区级现代农业产业园),
// or, for a list counted as one (特派员工作站(专家大院)、星创天地2个), the
// description before 的.
func unqualified(voc *vocabulary.Vocabulary, subj, before string) (vocabulary.Entry, bool) {
	if bare := levelsRe.ReplaceAllString(subj, ""); bare != subj && utf8.RuneCountInString(bare) >= 3 {
		if e, ok := chapterConcept(voc, bare); ok {
			return e, true
		}
	}
	whole := trimSubject(lastRunes(before, 40))
	if k := strings.LastIndex(whole, "的"); k >= 0 {
		whole = whole[k+len("的"):]
	}
	if strings.Contains(whole, "、") {
		return concept(voc, whole)
	}
	return vocabulary.Entry{}, false
}

// linesRe is a network named by its count of lines: 形成“9线”铁路网络,
// 构建“3环”高速公路网.
var linesRe = regexp.MustCompile(`“(\d{1,2})(线|环)”(\p{Han}{2,4}?)(?:网络|网)`)

// linesTarget reads a network named by its lines into a count of lines.
func linesTarget(clause string, year int, voc *vocabulary.Vocabulary) (found, bool) {
	m := linesRe.FindStringSubmatch(clause)
	if m == nil || strings.ContainsAny(strings.Replace(clause, m[0], "", 1), "0123456789") {
		return found{}, false
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	subj := m[3] + "线路"
	if m[2] == "环" {
		subj = m[3] + "环线"
	}
	f := found{subject: subj, unit: "条", quote: strings.TrimSpace(clause), target: &Target{Year: year, Kind: "level", Value: num(v), Bound: "none", Text: "“" + m[1] + m[2] + "”"}}
	f.entry, f.known = chapterConcept(voc, subj)
	return f, true
}

// relativeRe is a growth measured against the economy's: 居民收入增速不低于
// 经济增速, 劳动生产率增长高于经济增长, 居民收入增长和经济增长基本同步.
var relativeRe = regexp.MustCompile(`^(.{2,40}?)(?:增速|增长|增幅)(不低于|高于|快于|不慢于|与|和|同)(经济|地区生产总值|生产总值|GDP)(?:增速|增长)(?:基本|保持)?(同步)?$`)

// relativeTarget reads a growth relative to the economy's growth into a
// growth target relative to the vocabulary's GDP (the margin 0 percentage
// points; at least for 不低于, about for 同步).
func relativeTarget(clause string, year int, voc *vocabulary.Vocabulary) (found, bool) {
	m := relativeRe.FindStringSubmatch(strings.TrimSpace(clause))
	if m == nil {
		return found{}, false
	}
	bound := "min"
	switch {
	case m[2] == "与" || m[2] == "和" || m[2] == "同":
		if m[4] == "" {
			return found{}, false
		}
		bound = "approx"
	case m[4] != "":
		return found{}, false
	}
	ref, ok := concept(voc, "地区生产总值")
	subj := subjectOf(m[1])
	if !ok || subj == "" {
		return found{}, false
	}
	f := found{subject: subj, quote: strings.TrimSpace(clause), target: &Target{Year: year, Kind: "growth", RelativeTo: ref.ID, Value: num(0), Bound: bound, Text: strings.TrimSpace(clause)}}
	f.entry, f.known = chapterConcept(voc, subj)
	return f, true
}

// sharedHead names a short figure by the head of the one before it in the
// clause: 肉猪产能保持在100万头、实际出栏稳定在80万头 is 肉猪(实际)出栏.
// A qualifier of how it is counted (实际, 全年) may go.
func sharedHead(voc *vocabulary.Vocabulary, subj, prev string) (vocabulary.Entry, bool) {
	if utf8.RuneCountInString(subj) > 4 {
		return vocabulary.Entry{}, false
	}
	head := []rune(prev)
	for _, s := range []string{subj, countedRe.ReplaceAllString(subj, "")} {
		if utf8.RuneCountInString(s) < 2 {
			continue
		}
		for cut := 1; cut < len(head) && cut <= 4; cut++ {
			if e, ok := chapterConcept(voc, string(head[:cut])+s); ok {
				return e, true
			}
		}
	}
	return vocabulary.Entry{}, false
}

var countedRe = regexp.MustCompile(`^(?:实际|全年|年度|累计)`)

// rangeUnits count things few enough that a lost dash shows: 2—3所医院.
var rangeUnits = map[string]bool{"个": true, "家": true, "所": true, "名": true, "座": true, "项": true, "条": true}

// lostDash tells whether a count reads as a small range whose dash a copy
// lost: 23 as 2—3, 12 as 1—2, 610 as 6—10 (the upper end above the lower
// and at most twice it). Such a figure is kept as printed and marked.
func lostDash(s string) (a, b int, ok bool) {
	if len(s) < 2 || len(s) > 3 || strings.Contains(s, ".") {
		return 0, 0, false
	}
	a, _ = strconv.Atoi(s[:1])
	b, _ = strconv.Atoi(s[1:])
	if len(s) == 2 {
		return a, b, a >= 1 && b == a+1
	}
	return a, b, s[1] != '0' && a < b && b <= 2*a
}

// countsGiven tells a count of things already there from a target: the
// rest of a set (其余14个小城镇) or the number of the items just listed
// (甲、乙、丙等3个中心镇).
func countsGiven(before string, v float64) bool {
	b := strings.TrimSpace(before)
	if strings.HasSuffix(b, "其余") || strings.HasSuffix(b, "其他") {
		return true
	}
	if list, ok := strings.CutSuffix(b, "等"); ok && strings.Contains(list, "、") {
		return float64(len(strings.Split(list, "、"))) == v
	}
	return false
}

func part(s string, loc []int, k int) string {
	if loc[k] < 0 {
		return ""
	}
	return s[loc[k]:loc[k+1]]
}

// subjectOf takes the indicator's name from the words before a number.
func subjectOf(s string) string {
	s = lastRunes(s, 40) // a name is never longer; and the patterns below are anchored at the end
	// 支持引进和培育动植物新品种并示范推广新品种: the figure belongs to the
	// verb after 并
	s = afterAndThen(s)
	// 绿色食品、有机农产品等“两品一标”: the items before 等 are examples of
	// the name after it
	if m := etcRe.FindStringSubmatchIndex(s); m != nil {
		s = s[m[2]:]
	}
	if k := strings.LastIndexAny(s, "、"); k >= 0 && utf8.RuneCountInString(s[k:]) > 2 && !sharedRe.MatchString(lastRunes(s, 8)) {
		s = s[k+len("、"):]
	}
	// 有效期“两品一标”: a quoted term is the name, its qualifier a scope
	s = trimSubject(s)
	if m := quotedNameRe.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return s
}

// afterAndThen keeps the words after the last 并 joining two verb phrases
// (not 合并, 兼并, 并购, 并联 …).
func afterAndThen(s string) string {
	for k := strings.LastIndex(s, "并"); k > 0; k = strings.LastIndex(s[:k], "并") {
		prev, _ := utf8.DecodeLastRuneInString(s[:k])
		next, _ := utf8.DecodeRuneInString(s[k+len("并"):])
		if strings.ContainsRune("合兼吞归", prev) || strings.ContainsRune("购联网入行存举重列", next) {
			continue
		}
		if rest := s[k+len("并"):]; utf8.RuneCountInString(rest) >= 2 {
			return rest
		}
		return s
	}
	return s
}

var (
	// etcRe finds 等 closing a list (A、B等X, A和B等X), not 中等, 高等, 平等 ….
	etcRe = regexp.MustCompile(`[、和及].*?[^中高初平同对相均超]等([^级同于].*)$`)
	// quotedNameRe is a short qualifier before a quoted term ending the words.
	quotedNameRe = regexp.MustCompile(`^[^“”、]{0,4}“([^“”]{2,12})”?$`)
)

// trimSubject drops the verbs after a name and the words of scope before it.
func trimSubject(s string) string {
	for i := 0; i < 4; i++ {
		s = strings.TrimSpace(trimVerbTail(s))
	}
	s = byYearRe.ReplaceAllString(s, "")
	s = leadRe.ReplaceAllString(strings.TrimSpace(s), "")
	s = strings.Trim(s, " “”\"")
	if utf8.RuneCountInString(s) < 2 {
		return ""
	}
	return s
}

// subjectAfterWhole is the words after a number up to a stop or a number.
func subjectAfterWhole(s string) string {
	if k := strings.IndexAny(s, "、0123456789(（"); k >= 0 {
		s = s[:k]
	}
	s = strings.TrimPrefix(strings.TrimSpace(s), "的")
	if utf8.RuneCountInString(s) < 2 || utf8.RuneCountInString(s) > 24 {
		return ""
	}
	return s
}

// subjectAfter takes the name after the number: 建成100个生活垃圾分类示范村.
func subjectAfter(s string) string {
	if k := strings.IndexAny(s, "、和及0123456789"); k >= 0 {
		s = s[:k]
	}
	s = strings.TrimPrefix(strings.TrimSpace(s), "的")
	if utf8.RuneCountInString(s) < 2 || utf8.RuneCountInString(s) > 20 {
		return ""
	}
	return s
}

// lastRunes returns the last n runes of s.
func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// verbTails end the words before a number (达到, 稳定在 …), optionally after
// a word of scope (分别, 均 …); trimVerbTail drops one of them.
var (
	verbTails  = []string{"力争", "确保", "争取", "努力", "预计", "稳定", "保持", "年均增长", "年均提高", "招聘补充", "示范推广", "扎实改造", "提高到", "提升到", "提高至", "提升至", "增加到", "增长到", "稳定在", "保持在", "控制在", "不低于", "不少于", "达到", "至少", "超过", "突破", "新增", "累计", "增长", "提高", "提升", "下降", "降低", "减少", "建成", "建设", "打造", "培育", "创建", "开设", "开发", "发展", "改造", "配备", "设置", "推广", "治理", "组建", "形成", "建立", "安排", "引进", "培养", "实现", "达", "为", "在"}
	scopeTails = []string{"分别", "均", "都", "总量", "总数", "数量", "规模"}
)

func trimVerbTail(s string) string {
	for _, v := range verbTails {
		if t, ok := strings.CutSuffix(s, v); ok {
			for _, p := range scopeTails {
				if u, ok := strings.CutSuffix(t, p); ok {
					return u
				}
			}
			return t
		}
	}
	return s
}

// listSubjects reads "A、B总产量…X和Y" into the names A总产量 and B总产量,
// one for each figure; nil when the clause is not so built.
func listSubjects(clause string) []string {
	locs := quantityRe.FindAllStringIndex(clause, -1)
	if len(locs) < 2 {
		return nil
	}
	between := clause[locs[0][1]:locs[1][0]]
	if between != "和" && between != "、" && between != "及" {
		return nil
	}
	head := trimSubject(lastRunes(clause[:locs[0][0]], 40))
	parts := strings.Split(head, "、")
	if len(parts) != len(locs) {
		return nil
	}
	last := parts[len(parts)-1]
	suffix := genericRe.FindString(last)
	if suffix == "" {
		return nil
	}
	for k := range parts[:len(parts)-1] {
		if genericRe.FindString(parts[k]) == "" {
			parts[k] += suffix
		}
	}
	return parts
}
