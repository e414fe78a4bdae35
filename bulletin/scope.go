package bulletin

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// What a figure covers: whose figure it is (the words before the
// indicator's name) and which months (part of a year, a running total).

// headKind is what stands before an indicator's name in its clause.
type headKind int

const (
	headNone      headKind = iota // nothing, or 全年, 年末, 全区, the district (江津区) …
	headBracket                   // (常住人口城镇化率): the name in brackets after its description
	headPlace                     // a place as the subject: 珞璜临港产业城, 江津综保区, 德感街道
	headQualifier                 // 城镇, 农村, 人均, 新增, 占 …: another concept
	headOther                     // words the reader does not know
)

// mention is a name of an indicator found in a clause.
type mention struct {
	ind   int
	name  string
	start int    // byte offset of the name in the clause
	end   int    // past the name (and its closing bracket)
	head  string // the words before it, past 全年, 全区 …
	kind  headKind
	place string // headPlace: the place
}

var (
	// leadRe (read.go) takes the district itself (江津区, 重庆市江津区) but
	// not a part of it: 高新区, 综保区, 双福新区, 工业园区 are places.
	//
	// placeRe is a place standing as the subject, at least three
	// characters (城镇, 城市 are qualifiers), maybe with its verb:
	// 珞璜临港产业城开行, 江津综保区实现, 德感街道.
	placeRe = regexp.MustCompile(`^(\p{Han}{2,12}?(?:街道|口岸|[区县市镇乡城园港]))(?:全年|年内|共计|共|累计|开行|实现|完成)*$`)
	// qualRe ends the words that make a name another concept (城镇常住人口,
	// 农村常住居民人均可支配收入, 人均地区生产总值, 城镇新增就业人员) or
	// not the subject (占全市经济总量的, 按常住人口计算, 在地区生产总值中).
	qualRe = regexp.MustCompile(`(?:城镇|农村|乡村|城乡|城市|人均|户籍|新增|新设(?:各类)?|按(?:当年|年末|年平均)?|在|拉动|对(?:全区|全市|全县|全省|全国)?|占(?:年末)?(?:全区|全市|全县|全省|全国)?)$`)
)

// maxHead bounds the words before a name that are looked at (bytes): a
// place of twelve characters and its verb fit.
const maxHead = 90

// mentions lists the names of indicators in clause c, each with what
// stands before it; a name inside a longer one (地区生产总值 in
// 人均地区生产总值) is the longer one's and is left out.
func (r *reader) mentions(c string) []mention {
	var all []mention
	ix := indexClause(c)
	for k, in := range r.ind {
		for _, n := range in.Names {
			from := 0
			for {
				i := strings.Index(c[from:], n)
				if i < 0 {
					break
				}
				i += from
				from = i + len(n)
				all = append(all, r.other(classify(k, n, c, i, r.own, ix), c))
			}
		}
	}
	// a sweep by start, longest first: a name is inside another when an
	// earlier one (a different span) reaches as far
	sort.SliceStable(all, func(a, b int) bool {
		if all[a].start != all[b].start {
			return all[a].start < all[b].start
		}
		return all[a].start+len(all[a].name) > all[b].start+len(all[b].name)
	})
	var out []mention
	reach := -1
	for i := 0; i < len(all); {
		e := all[i].start + len(all[i].name)
		j := i + 1
		for j < len(all) && all[j].start == all[i].start && all[j].start+len(all[j].name) == e {
			j++ // the same words, the name of another indicator too
		}
		if e > reach {
			out = append(out, all[i:j]...)
		}
		reach = max(reach, e)
		i = j
	}
	return out
}

// clauseIndex is what classify needs of a clause, found once for all its
// names (a clause may hold thousands: rescanning its start for each made
// such a clause quadratic): where leadRe's match ends, and its spaces.
type clauseIndex struct {
	lead   int
	spaces []int
}

func indexClause(c string) clauseIndex {
	ix := clauseIndex{lead: leadRe.FindStringIndex(c)[1]}
	for i := 0; i < len(c); i++ {
		if c[i] == ' ' {
			ix.spaces = append(ix.spaces, i)
		}
	}
	return ix
}

// leadBefore is where leadRe's match on c[:i] ends: the clause's own when
// i is past it (the pattern looks no further than its match).
func (ix clauseIndex) leadBefore(c string, i int) int {
	if i >= ix.lead {
		return ix.lead
	}
	return leadRe.FindStringIndex(c[:i])[1]
}

// lastSpace is strings.LastIndex(c[from:i], " "), counted from from.
func (ix clauseIndex) lastSpace(from, i int) int {
	j := sort.SearchInts(ix.spaces, i) - 1
	if j < 0 || ix.spaces[j] < from {
		return -1
	}
	return ix.spaces[j] - from
}

// classify says what stands before name n of indicator k at c[i:]; own
// are the names of the document's own place (ownPlaces); ix indexes c.
func classify(k int, n, c string, i int, own []string, ix clauseIndex) mention {
	m := mention{ind: k, name: n, start: i, end: i + len(n), head: c[:i]}
	if strings.HasSuffix(c[:i], "(") && strings.HasPrefix(c[m.end:], ")") {
		m.kind = headBracket
		m.end++
		return m
	}
	from := ix.leadBefore(c, i) // leadRe matches at 0, maybe nothing
	h := c[from:i]
	if dropOwn(h, own) == "" {
		h = "" // the document's own place (and 全年 …): the document itself
	}
	if k := ix.lastSpace(from, i); h != "" && k > 0 && strings.ContainsAny(h[k-1:k], "0123456789%)") {
		// a table run into the text (a PDF's): 第三产业 1469.26 7.5 71.3 年末全区常住人口
		// — the cells before the last number are not the name's head
		h = h[k+1:]
		h = h[leadRe.FindStringIndex(h)[1]:]
		if dropOwn(h, own) == "" {
			h = ""
		}
	}
	m.head = h
	if len(h) > maxHead {
		// no place and no qualifier that long: look at its end only (a
		// clause may hold thousands of names, each looked at)
		k := len(h) - maxHead
		for k < len(h) && !utf8.RuneStart(h[k]) {
			k++
		}
		m.head = "…" + h[k:]
		h = h[k:]
	}
	switch {
	case m.head == "":
		m.kind = headNone
	case qualRe.MatchString(h):
		m.kind = headQualifier
	default:
		m.kind = headOther
		if p := placeRe.FindStringSubmatch(m.head); p != nil && !strings.HasSuffix(p[1], "地区") {
			m.kind, m.place = headPlace, p[1]
		}
	}
	return m
}

// name finds the indicator named in clause c: the longest name standing
// at the clause's head (after 全年, 年末, 全区 …), after a place, or in
// brackets.
func (r *reader) name(c string) (mention, bool) {
	var best mention
	found := false
	for _, m := range r.mentions(c) {
		if m.kind != headNone && m.kind != headBracket && m.kind != headPlace {
			continue
		}
		// the last one (a table run into the text names the row before
		// the figure), then the longest
		if !found || m.start > best.start || m.start == best.start && utf8.RuneCountInString(m.name) > utf8.RuneCountInString(best.name) {
			best, found = m, true
		}
	}
	return best, found
}

var (
	// partRe marks a figure for part of a year or a running total.
	partRe = regexp.MustCompile(`截至|截止|至此|累计|前三季度|第?[一二三四]季度|[上下]半年|前(?:\d{1,2}|[一二三四五六七八九十]{1,2})个?月|1 ?[-—–－~～至到] ?\d{1,2} ?月|今年以来|年初以来|当月|本月|(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份|末|底)`)
	// yearEndRe is a date at the end of a year after 截至: 截至2022年底.
	yearEndRe = regexp.MustCompile(`^ ?(?:((?:19|20)\d\d) ?年 ?)?(?:底|末|年底|年末|12月31日|12月末|12月底)`)
	asOfRe    = regexp.MustCompile(`截至|截止`)
	// dateRe is the date after 截至, for the warning: 截至2023年10月31日.
	dateRe = regexp.MustCompile(`^ ?(?:(?:19|20)\d\d ?年)? ?(?:\d{1,2} ?月(?: ?\d{1,2} ?日|底|末)?|目前|今|年底)?`)
)

// partOfYear is the first marker in c of a figure that does not cover a
// whole year ("" when none): 截至2023年10月31日, 1—10月, 前三季度, 上半年,
// 9月末, 累计, 至此 …. 全年累计, 1—12月, 12月末 and a year-end date
// (截至2022年底) cover the year.
func partOfYear(c string) string {
	for _, loc := range partRe.FindAllStringIndex(c, -1) {
		m := c[loc[0]:loc[1]]
		switch {
		case m == "累计" && strings.HasSuffix(c[:loc[0]], "全年"):
		case (m == "截至" || m == "截止") && yearEndRe.MatchString(c[loc[1]:]):
		case strings.HasPrefix(m, "1") && strings.HasSuffix(strings.TrimSuffix(strings.TrimSuffix(m, "月"), " "), "12"):
		case strings.HasPrefix(m, "12月") || strings.HasPrefix(m, "十二月"):
		case m == "截至" || m == "截止":
			return m + dateRe.FindString(c[loc[1]:])
		default:
			return m
		}
	}
	return ""
}

// yearEnd is the year of 截至2022年底 in s, 0 when none.
func yearEnd(s string) int {
	for _, loc := range asOfRe.FindAllStringIndex(s, -1) {
		if m := yearEndRe.FindStringSubmatch(s[loc[1]:]); m != nil && m[1] != "" {
			y, _ := strconv.Atoi(m[1])
			return y
		}
	}
	return 0
}

// titlePart is the part of a year a document's title covers
// (2023年1—10月江津区主要经济指标): a line of its first five that is no
// sentence.
func titlePart(lines []string) string {
	for k, l := range lines {
		if k >= 5 {
			break
		}
		if utf8.RuneCountInString(l) > 40 || strings.ContainsAny(l, ",。;") {
			continue
		}
		if p := partOfYear(l); p != "" && p != "累计" && p != "至此" {
			return p
		}
	}
	return ""
}

// localName is the plan's place without its rank: 江津 for 重庆市江津区.
func localName(region string) string {
	s := strings.TrimSpace(region)
	for _, rank := range []string{"区", "县", "市", "旗"} {
		if t := strings.TrimSuffix(s, rank); t != s {
			s = t
			break
		}
	}
	if k := strings.LastIndexAny(s, "省市州盟"); k >= 0 {
		s = s[k+len("市"):]
	}
	if k := strings.LastIndex(s, "自治区"); k >= 0 {
		s = s[k+len("自治区"):]
	}
	if utf8.RuneCountInString(s) < 2 {
		return ""
	}
	return s
}

// quantity finds the first figure in s that is no year (2022年), date
// (10月31日) or footnote mark ([2]): the submatch indexes of qtyRe.
func quantity(s string) []int {
	loc := qtyRe.FindStringSubmatchIndex(s)
	for loc != nil && (loc[3] < len(s) && strings.HasPrefix(s[loc[3]:], "年") && loc[3]-loc[2] == 4 ||
		loc[3] < len(s) && (strings.HasPrefix(s[loc[3]:], "月") || strings.HasPrefix(s[loc[3]:], "日")) && loc[5] == loc[4] ||
		strings.HasSuffix(s[:loc[2]], "[") && strings.HasPrefix(s[loc[1]:], "]")) {
		next := qtyRe.FindStringSubmatchIndex(s[loc[1]:])
		if next == nil {
			return nil
		}
		for j := range next {
			next[j] += loc[1]
		}
		loc = next
	}
	return loc
}

// hasFigure says whether s holds a number with its unit (536列, 7.0%), not
// only years, dates or list numbers (2., 3岁).
func hasFigure(s string) bool {
	for loc := quantity(s); loc != nil; {
		if loc[5] > loc[4] {
			return true
		}
		s = s[loc[1]:]
		loc = quantity(s)
	}
	return false
}

// unread lists what sentence s (its clauses cs) names with a figure but gave nothing for:
// a name after words the reader does not know (回程开行…), or a name whose
// figure stands where the reader does not look. A qualified name (城镇常住人口)
// is another concept and is not listed.
func (r *reader) unread(line int, s string, cs []string, nf int) {
	if !hasFigure(s) {
		return
	}
	for _, f := range r.figs[nf:] {
		for k, in := range r.ind {
			if in.ID == f.ID {
				r.touched[k] = true
			}
		}
	}
	off := 0 // where clause c starts in s
	for _, c := range cs {
		quote := s[off:]
		off += len(c) + 1
		for _, m := range r.mentions(c) {
			if m.kind == headQualifier || r.touched[m.ind] {
				continue
			}
			r.at = m.ind
			if m.kind == headOther {
				r.warn(line, quote, "指标名「"+m.name+"」前有「"+m.head+"」, 不能确定说的是本指标: 未读取",
					"“"+m.head+"” before the indicator's name “"+m.name+"”: perhaps not this indicator: not read")
			} else {
				r.warn(line, quote, "句中有指标名「"+m.name+"」和数字, 但数字不在能读取的位置: 未读取",
					"the sentence has the indicator's name “"+m.name+"” and a figure, but not where a figure can be read: not read")
			}
		}
	}
}

// districtRe is a district or county's name (重庆市九龙坡区, 江津区), as
// leadRe (read.go) takes it.
var districtRe = regexp.MustCompile(`(?:\p{Han}{2,3}[省市])?(\p{Han}{1,2}[^\x00-\x7F地新保税园片港发开范能心聚验全][区县])`)

// other makes a district or county named at the head of m's clause (c)
// a place of its own when it is neither the plan's (Options.Place) nor
// the one the document's first line names: 九龙坡区常住人口152.90万人 in a
// list of districts is not Jiangjin's.
func (r *reader) other(m mention, c string) mention {
	if r.place == "" || m.kind != headNone {
		return m
	}
	for _, d := range districtRe.FindAllStringSubmatch(c[:m.start], -1) {
		if strings.Contains(d[1], "年") || strings.HasSuffix(d[1], "城区") || strings.HasSuffix(d[1], "市区") {
			continue // 年末城区: the district's urban area
		}
		if !strings.Contains(r.place, d[1]) && !strings.Contains(r.first, d[1]) {
			m.kind, m.place = headPlace, d[0]
		}
	}
	return m
}

var (
	// titlePlaceRe is the place a title names, before or after its year:
	// 2023年重庆市国民经济…, 重庆市江津区2023年国民经济…, 2022年大理白族自治州祥云县….
	titlePlaceRe = regexp.MustCompile(`(?:^|[^\p{Han}]|(?:19|20)\d\d\s*年)((?:\p{Han}{1,10}?(?:省|自治区|市|自治州|州|盟))*\p{Han}{1,8}?(?:市|区|县|旗))(?:\s*(?:19|20)\d\d\s*年)?(?:国民经济|生态环境|环境状况|人民政府|政府工作|统计公报)`)
	// datelineRe is a news report's dateline after the agency's name:
	// 中新网 重庆5月31日电, 新华社北京3月5日电 (the space is gone: joinHan).
	datelineRe = regexp.MustCompile(`(?:^|[^\p{Han}]|社|网|报|台|闻)(\p{Han}{2,4}?) ?\d{1,2}月\d{1,2}日电`)
)

// ownPlaces lists the names of the document's own place, longest first:
// the plan's (place), the one the title names (title), the districts and
// counties the first line names (first), and, when neither names one, the
// place of a news report's dateline in its first lines (heads). Each is listed with its rank
// (重庆市, 城中区), bare (重庆, 城中) and as an area (城中地区): standing
// before an indicator's name (重庆空气质量优良天数…, 重庆市地区生产总值…,
// 城中地区规模以上工业增加值…) it is the document itself, as 全市 is. A
// higher level of the plan's place (重庆市 for 重庆市江津区) is not its own.
func ownPlaces(place, title, first string, heads []string) []string {
	var out []string
	add := func(p string, ranks ...string) {
		bare := localName(p)
		if bare == "" {
			return
		}
		names := []string{bare, bare + "地区"}
		if k := strings.LastIndex(p, bare); k >= 0 && k+len(bare) < len(p) {
			names = append(names, p[k:]) // 江津区, 重庆市
		}
		for _, r := range ranks {
			names = append(names, bare+r)
		}
		for _, n := range names {
			if !contains(out, n) {
				out = append(out, n)
			}
		}
	}
	add(place)
	named := false // the title or the first line names a place
	if m := titlePlaceRe.FindStringSubmatch(title); m != nil {
		add(m[1])
		named = true
	}
	for _, d := range districtRe.FindAllStringSubmatch(first, -1) {
		if !strings.Contains(d[1], "年") && !strings.HasSuffix(d[1], "城区") && !strings.HasSuffix(d[1], "市区") {
			add(d[1])
			named = true
		}
	}
	for _, h := range heads {
		if named {
			break // a dateline is only where the news was filed
		}
		if m := datelineRe.FindStringSubmatch(h); m != nil {
			add(m[1], "市") // a dateline names a city
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return len(out[a]) > len(out[b]) })
	return out
}

// dropOwn drops the document's own place (own, longest first) from the
// start of head h, and what leadRe takes after it (重庆市全年…). What is
// left is not looked at: 江津综保区 is a place named as a whole.
func dropOwn(h string, own []string) string {
	for _, n := range own {
		if strings.HasPrefix(h, n) {
			h = h[len(n):]
			return h[leadRe.FindStringIndex(h)[1]:]
		}
	}
	return h
}
