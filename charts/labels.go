package charts

import (
	"fmt"
	"strings"

	"fyp/internal/numfmt/quantity"
	"fyp/model"
)

// pick returns zh or en.
func pick(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

// unitLabel is the unit of a series as drawn: an index or a change when
// the plan gives no level.
func unitLabel(ind *model.Indicator, sc model.Scale, base int, lang string) string {
	switch sc {
	case model.ScaleIndex:
		return pick(lang, fmt.Sprintf("指数(%d=100)", base), fmt.Sprintf("index (%d = 100)", base))
	case model.ScaleChange:
		return pick(lang, fmt.Sprintf("较%d年变化(%s)", base, ppUnit(ind.Unit.In(lang), lang)), fmt.Sprintf("change since %d (%s)", base, ppUnit(ind.Unit.In(lang), lang)))
	}
	return ind.Unit.In(lang)
}

// ppUnit turns "%" into percentage points, the unit of a change of a share.
func ppUnit(u, lang string) string { return quantity.PP(u, lang) }

// paceUnit names the unit of a pace: "%/年", "百分点/年", "万元/年"
// (quantity.PaceUnit; "" for a target with no pace, which no chart asks).
func paceUnit(ind *model.Indicator, k model.RateKind, lang string) string {
	return quantity.PaceUnit(ind, k, lang)
}

// ScenarioLabel is how a scenario is named in legends and footers.
func ScenarioLabel(pr *model.Projection, lang string) string {
	if pr.Scenario != nil && (pr.Scenario.Title.ZH != "" || pr.Scenario.Title.EN != "") {
		return pr.Scenario.Title.In(lang)
	}
	if pr.Name() == "plan" {
		return pick(lang, "规划自身速度", "plan's own rates")
	}
	return pr.Name()
}

// RowName is the name a chart row shows: the plan's short name in lang
// where it gives one (short, short_en), else the full name.
func RowName(ind *model.Indicator, lang string) string {
	if lang == "en" && ind.Short.EN != "" {
		return ind.Short.EN
	}
	if lang != "en" && ind.Short.ZH != "" {
		return ind.Short.ZH
	}
	return ind.Name.In(lang)
}

// indName is the indicator's name, starred when the target is binding.
func indName(ind *model.Indicator, lang string) string {
	n := ind.Name.In(lang)
	if ind.Attribute == model.Binding && !strings.HasPrefix(n, "★") {
		n = "★" + n
	}
	return n
}

// boundMark is the sign before the level a target means (quantity.Mark):
// a fall of at least 20 % is a level ≤ 80 % of the base's.
func boundMark(t model.Target) string { return quantity.Mark(t) }

// sourceLine is the footer: where the figures come from and which scenarios.
func sourceLine(o Options, p *model.Plan, scenarios []string, lang string) string {
	src := o.Source
	if src == "" && p != nil {
		src = p.Title.In(lang)
	}
	sc := strings.Join(scenarios, pick(lang, "、", ", "))
	if sc == "" {
		return pick(lang, "数据来源：", "Source: ") + src
	}
	return pick(lang, "数据来源：", "Source: ") + src + pick(lang, "；情景：", "; scenario: ") + sc
}

// scenarioNames lists the projections' names (for colours) and labels.
func scenarioNames(prs []*model.Projection, lang string) (names, labels []string) {
	for _, pr := range prs {
		names = append(names, pr.Name())
		labels = append(labels, ScenarioLabel(pr, lang))
	}
	return names, labels
}

// colourOrder is the list that fixes scenario colours: the options' own,
// then any scenario not in it.
func colourOrder(o Options, names []string) []string {
	out := append([]string(nil), o.Scenarios...)
	for _, n := range names {
		found := false
		for _, m := range out {
			found = found || m == n
		}
		if !found {
			out = append(out, n)
		}
	}
	return out
}

// BoundMark is the sign a target's level is printed with: "≥" for a floor
// or a minimum, "≤" for a ceiling or a maximum, "≈" for about, "" else.
func BoundMark(t model.Target) string { return boundMark(t) }
