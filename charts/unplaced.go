package charts

import (
	"fmt"
	"sort"
	"strings"

	"fyp/model"
)

// UnplacedNote names the observations of ind that a chart of scale sc
// cannot place, each with the reason, so that no observed figure is
// silently dropped: "未画出的观测值：2022年62%、2023年62.94%（规划未列2020年
// 基期值，无法换算为较2020年变化）". placed are the years whose observation
// the chart draws; asOf is the review year (later figures are not used).
// Empty when every observation is drawn.
func UnplacedNote(p *model.Plan, ind *model.Indicator, obs []model.ObservedPoint, placed map[int]bool, sc model.Scale, asOf int, lang string) string {
	if l := UnplacedList(p, ind, obs, placed, sc, asOf, lang); l != "" {
		return pick(lang, "未画出的观测值：", "Observations not drawn: ") + l
	}
	return ""
}

// UnplacedList is UnplacedNote without its heading, for a table's note:
// "2022年1330.02亿元、2023年1401.59亿元（现价水平，与按可比价计的目标不可比）".
func UnplacedList(p *model.Plan, ind *model.Indicator, obs []model.ObservedPoint, placed map[int]bool, sc model.Scale, asOf int, lang string) string {
	type group struct {
		reason string
		items  []string
	}
	var groups []*group
	byReason := map[string]*group{}
	obs = append([]model.ObservedPoint(nil), obs...)
	sort.SliceStable(obs, func(i, j int) bool { return obs[i].Year < obs[j].Year })
	for _, o := range obs {
		if placed[o.Year] && o.Year <= asOf {
			continue
		}
		why := unplacedReason(p, ind, o, obs, sc, asOf, lang)
		g := byReason[why]
		if g == nil {
			g = &group{reason: why}
			byReason[why] = g
			groups = append(groups, g)
		}
		g.items = append(g.items, obsText(ind, o, lang))
	}
	if len(groups) == 0 {
		return ""
	}
	var parts []string
	for _, g := range groups {
		parts = append(parts, strings.Join(g.items, pick(lang, "、", ", "))+pick(lang, "（"+g.reason+"）", " ("+g.reason+")"))
	}
	return strings.Join(parts, pick(lang, "；", "; "))
}

// obsText is an observation as the note names it: "2023年62.94%",
// "2022年增长3.2%", "2023: 62.94%", "2022: growth 3.2%". The value keeps
// every decimal the file gave that a float holds (no rounding).
func obsText(ind *model.Indicator, o model.ObservedPoint, lang string) string {
	v := fmtNum(o.Value, 6)
	if o.Growth {
		return fmt.Sprintf(pick(lang, "%d年增长%s%%", "%d: growth %s%%"), o.Year, v)
	}
	u := ind.Unit.In(lang)
	if lang == "en" && u != "%" && u != "" {
		u = " " + u
	}
	return fmt.Sprintf(pick(lang, "%d年%s%s", "%d: %s%s"), o.Year, v, u)
}

// unplacedReason says why observation o of ind is not on a chart of scale
// sc; all are the indicator's observations, for the chain of growth rates.
func unplacedReason(p *model.Plan, ind *model.Indicator, o model.ObservedPoint, all []model.ObservedPoint, sc model.Scale, asOf int, lang string) string {
	base := p.BaseYear
	switch {
	case o.Year > asOf:
		return fmt.Sprintf(pick(lang, "晚于评估年份%d年", "after the review year %d"), asOf)
	case o.Year < base:
		return fmt.Sprintf(pick(lang, "早于规划基期%d年", "before the plan's base year %d"), base)
	case o.Break:
		return fmt.Sprintf(pick(lang, "%d年起统计口径变化，与基期不可比", "the definition changes at %d: not comparable with the base"), o.Year)
	case o.Growth:
		var miss []int
		got := map[int]bool{}
		for _, x := range all {
			if x.Growth {
				got[x.Year] = true
			}
		}
		for y := base + 1; y < o.Year; y++ {
			if !got[y] {
				miss = append(miss, y)
			}
		}
		if len(miss) > 0 {
			span := fmt.Sprint(miss[0])
			if len(miss) > 1 {
				span += pick(lang, "—", "–") + fmt.Sprint(miss[len(miss)-1])
			}
			return fmt.Sprintf(pick(lang, "增速须自%d年起逐年连乘，缺%s年增速", "growth rates chain year by year from %d; %s missing"), base+1, span)
		}
		if o.PriceBasis == "current" && ind.PriceBasis != "" && ind.PriceBasis != "current" {
			return pick(lang, "现价增速，与按不变价计的目标不可比", "growth at current prices, not comparable with a target at constant prices")
		}
	case o.PriceBasis == "current" && ind.PriceBasis != "" && ind.PriceBasis != "current" && o.Year != base:
		// In the base year current prices are the base year's prices.
		return fmt.Sprintf(pick(lang, "现价水平，与按%s计的目标不可比", "a level at current prices, not comparable with a target at %s"), priceBasisName(ind.PriceBasis, lang))
	case sc == model.ScaleChange:
		return fmt.Sprintf(pick(lang, "规划未列%d年基期值，无法换算为较%d年变化", "the plan prints no %d base, so no change since %d can be computed"), base, base)
	case sc == model.ScaleIndex:
		return fmt.Sprintf(pick(lang, "规划未列%d年基期水平，无法换算为指数", "the plan prints no %d level, so no index can be computed"), base)
	}
	return pick(lang, "评估未采用，见评估表说明", "not used by the review; see the review table's notes")
}

// priceBasisName names a price basis: "2020年价格", "可比价".
func priceBasisName(b, lang string) string {
	if b == "comparable" {
		return pick(lang, "可比价", "comparable prices")
	}
	return fmt.Sprintf(pick(lang, "%s年价格", "%s prices"), b)
}
