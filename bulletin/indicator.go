package bulletin

import (
	"sort"
	"strings"
	"unicode/utf8"

	"fyp/model"
	"fyp/seeds/vocabulary"
)

// Indicator is what the reader looks for: a plan's indicator, its unit and
// every name it goes by.
type Indicator struct {
	ID    string
	Unit  string   // the plan's unit of the level (亿元, 万元, %, 万人 …)
	Names []string // the plan's name first, then the vocabulary's, longest first
	// Concept is the vocabulary id the indicator stands for ("" when the
	// vocabulary does not know it): service_share reads 三次产业结构比.
	Concept string
	// Real marks value added (生产总值, 增加值): its growth is published at
	// comparable prices.
	Real bool
	// Money marks a unit of money (元, 万元, 亿元, 亿美元).
	Money bool
	// Local marks a name that names the plan's own place (西部陆海新通道江津班列
	// for 重庆市江津区): a place inside it standing as the subject
	// (珞璜临港产业城开行…) does not make it that place's figure.
	Local bool
}

// IndicatorsOf lists the indicators of plan p with their names: the plan's,
// and those of the vocabulary entry with the same id or the plan's name.
func IndicatorsOf(p *model.Plan, voc *vocabulary.Vocabulary) []Indicator {
	var out []Indicator
	local := localName(p.Region.ZH)
	for _, ind := range p.Indicators {
		in := Indicator{ID: ind.ID, Unit: ind.Unit.ZH, Names: []string{ind.Name.ZH}}
		e, ok := voc.ByID(ind.ID)
		if !ok {
			e, _, ok = voc.Find(ind.Name.ZH)
			ok = ok && contains(e.Names, ind.Name.ZH)
		}
		if ok {
			in.Concept = e.ID
			for _, n := range e.Names {
				if !contains(in.Names, n) {
					in.Names = append(in.Names, n)
				}
			}
		}
		// 工业增加值 stands for all industry in a bulletin, 规模以上工业增加值
		// for the larger firms: an alias that drops the plan's 规模以上 is
		// another concept
		for _, pre := range []string{"规模以上", "规上"} {
			if bare := strings.TrimPrefix(ind.Name.ZH, pre); bare != ind.Name.ZH {
				in.Names = remove(in.Names, bare)
			}
		}
		// 万元GDP能耗 for 单位GDP能耗; 优良以上天数 and 达标天数 (优 + 良) for 优良天数
		for _, n := range in.Names {
			for _, v := range []string{strings.Replace(n, "单位", "万元", 1), strings.Replace(n, "优良天数", "优良以上天数", 1), strings.Replace(n, "优良天数", "达标天数", 1), strings.Replace(n, "空气质量", "环境空气质量", 1)} {
				if v != n && !contains(in.Names, v) && (strings.HasPrefix(n, "单位") && containsAny(n, "GDP", "生产总值") || strings.Contains(n, "优良天数")) {
					in.Names = append(in.Names, v)
				}
			}
		}
		// 占地区生产总值的比重 for …占地区生产总值比重; 市场主体 for 市场主体数量
		for _, n := range in.Names {
			v := n
			if strings.Contains(n, "占") && strings.HasSuffix(n, "比重") && !strings.HasSuffix(n, "的比重") {
				v = strings.TrimSuffix(n, "比重") + "的比重"
			} else if t := strings.TrimSuffix(n, "数量"); t != n && utf8.RuneCountInString(t) >= 4 {
				v = t
			}
			if !contains(in.Names, v) {
				in.Names = append(in.Names, v)
			}
		}
		// 规模工业 = 规模以上工业 = 规上工业, as bulletins write it
		for _, n := range in.Names {
			for _, v := range []string{strings.Replace(n, "规模工业", "规模以上工业", 1), strings.Replace(n, "规模工业", "规上工业", 1), strings.Replace(n, "规模以上", "规上", 1)} {
				if !contains(in.Names, v) {
					in.Names = append(in.Names, v)
				}
			}
		}
		in.Names = usable(in.Names)
		sort.SliceStable(in.Names[1:], func(i, j int) bool {
			return utf8.RuneCountInString(in.Names[1+i]) > utf8.RuneCountInString(in.Names[1+j])
		})
		_, in.Money = moneyScale[in.Unit]
		for _, n := range in.Names {
			if containsAny(n, "生产总值", "增加值", "GDP") && !containsAny(n, "比重", "占", "率", "强度", "能耗", "排放", "死亡") {
				in.Real = true
			}
		}
		in.Local = local != "" && containsAny(strings.Join(in.Names, "|"), local)
		if len(in.Names) > 0 {
			out = append(out, in)
		}
	}
	return out
}

// usable drops names too short to stand for an indicator in running text.
func usable(names []string) []string {
	var out []string
	for _, n := range names {
		if utf8.RuneCountInString(n) >= 2 {
			out = append(out, n)
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func remove(ss []string, s string) []string {
	var out []string
	for _, x := range ss {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}
