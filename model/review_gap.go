package model

import (
	"fmt"
	"sort"
	"strings"
)

// inventory is what the file holds for an indicator up to the review year,
// so that a review without enough figures can say what it has and what it
// lacks (gapReason).
type inventory struct {
	levels  []int           // years after the base with a level the target can use
	refused []ObservedPoint // levels on another price basis than the target's
	growth  []int           // years after the base with a yearly growth rate (accepted)
	spans   []ObservedPoint // average growth rates ending after the base (accepted)
	basis   string          // the growth rates' effective price basis
}

func inventoryOf(p *Plan, ind *Indicator, lv, gr []ObservedPoint, b series) inventory {
	var inv inventory
	for _, o := range lv {
		switch ok, _ := basisOK(p, ind, o); {
		case !ok:
			inv.refused = append(inv.refused, o)
		case o.Year > p.BaseYear:
			inv.levels = append(inv.levels, o.Year)
		}
	}
	if b.kind != "" {
		return inv // the growth rates themselves cannot be used: b's reason says why
	}
	inv.basis = b.basis
	for _, o := range gr {
		switch {
		case o.Year <= p.BaseYear:
		case o.From > 0:
			inv.spans = append(inv.spans, o)
		default:
			inv.growth = append(inv.growth, o.Year)
		}
	}
	sort.Ints(inv.levels)
	sort.Ints(inv.growth)
	return inv
}

// gapReason says why target t has fewer than need comparable values in
// t.From+1…end (it has those in have): the figures the file has, the ones
// missing, what cannot be computed without them, and figures on another
// price basis than the target's.
func gapReason(p *Plan, ind *Indicator, t Target, s series, have []int, need, end int) Text {
	inv, t0 := s.inv, t.From
	var zh, en []string // the clauses
	var hz, he []string // what the file has
	var gy []int        // years with growth information, for the span to name
	if lv := within(inv.levels, t0, end); len(lv) > 0 {
		hz = append(hz, yearsZH(lv)+"年水平值")
		he = append(he, "the "+yearsEN(lv)+" level"+plural(len(lv)))
	}
	if g := within(inv.growth, p.BaseYear, end); len(g) > 0 {
		hz = append(hz, yearsZH(g)+"年增速")
		he = append(he, "the "+yearsEN(g)+" growth rate"+plural(len(g)))
		gy = append(gy, g...)
	}
	for _, o := range inv.spans {
		if o.Year <= end {
			z, e := spanText(o.From, o.Year)
			hz, he = append(hz, z), append(he, e)
			gy = append(gy, o.Year)
		}
	}
	if len(gy) > 0 && ind.PriceBasis != "" && inv.basis != "" && inv.basis != "mixed" {
		bz, be := basisLabel(inv.basis)
		hz[len(hz)-1] += "（" + bz + "）"
		he[len(he)-1] += " (" + be + ")"
	}
	if len(hz) == 0 {
		zh = append(zh, fmt.Sprintf("%d—%d年没有可比观测值；请补充%d—%d年数据", t0+1, end, t0+1, end))
		en = append(en, fmt.Sprintf("the file has no comparable figure for %d–%d: supply the %d–%d figures", t0+1, end, t0+1, end))
	} else {
		zh = append(zh, "有"+strings.Join(hz, "、"))
		en = append(en, "the file has "+andList(he))
	}
	if len(gy) > 0 {
		L := 0
		for _, y := range gy {
			L = max(L, y)
		}
		// A year is missing when no yearly rate and no span from the base
		// year on covers it; a span's start counts as missing when the
		// chain cannot reach it (then it is one of these years).
		covered := map[int]bool{}
		for _, y := range inv.growth {
			covered[y] = true
		}
		for _, o := range inv.spans {
			if o.From >= p.BaseYear {
				for y := o.From + 1; y <= o.Year; y++ {
					covered[y] = true
				}
			}
		}
		var miss []int
		for y := p.BaseYear + 1; y <= L; y++ {
			if !covered[y] {
				miss = append(miss, y)
			}
		}
		short := L-t0 < need // even complete to L, too few years
		if short {
			for y := L + 1; y <= end; y++ {
				miss = append(miss, y)
			}
		}
		if len(miss) > 0 {
			z := fmt.Sprintf("缺%s年增速", yearsZH(miss))
			e := fmt.Sprintf("the %s growth rate%s %s missing", yearsEN(miss), plural(len(miss)), map[bool]string{true: "are", false: "is"}[len(miss) > 1])
			if !short {
				if t.Kind == Growth {
					z += fmt.Sprintf("，无法计算%s", spanZH(t0, L, "年均增速"))
					e += fmt.Sprintf(", so %s cannot be computed", spanEN(t0, L))
				} else {
					z += fmt.Sprintf("，无法推算%d年水平", L)
					e += fmt.Sprintf(", so the %d level cannot be derived", L)
				}
			}
			zh[len(zh)-1] += "，" + z
			en[len(en)-1] += "; " + e
		}
	} else {
		var miss []int
		for y := t0 + 1; y <= end; y++ {
			if !hasYear(inv.levels, y) {
				miss = append(miss, y)
			}
		}
		if len(miss) > 0 && len(hz) > 0 {
			zh[len(zh)-1] += fmt.Sprintf("，缺%s年数据", yearsZH(miss))
			en[len(en)-1] += fmt.Sprintf("; the %s figure%s %s missing", yearsEN(miss), plural(len(miss)), map[bool]string{true: "are", false: "is"}[len(miss) > 1])
		}
	}
	if need > 1 {
		zh = append(zh, fmt.Sprintf("至少需要%d个年份的可比数值（现有%d个）", need, len(have)))
		en = append(en, fmt.Sprintf("at least %d years of comparable figures are needed (%d so far)", need, len(have)))
	}
	if len(inv.refused) > 0 {
		wz, we := basisLabel(ind.PriceBasis)
		for _, g := range byBasis(inv.refused) {
			rz, re := refusedLabel(g.basis)
			zh = append(zh, fmt.Sprintf("%s年%s水平值不能用于%s目标", yearsZH(g.years), rz, wz))
			en = append(en, fmt.Sprintf("the %s level%s (%s) cannot be used for a target at %s", re, plural(len(g.years)), yearsEN(g.years), we))
		}
	}
	for _, n := range s.chain {
		zh, en = append(zh, n.ZH), append(en, n.EN)
	}
	return Text{ZH: strings.Join(zh, "；"), EN: strings.Join(en, "; ")}
}

type basisGroup struct {
	basis string
	years []int
}

// byBasis groups refused levels by their stated price basis, in order of
// first appearance.
func byBasis(pts []ObservedPoint) []basisGroup {
	var out []basisGroup
	at := map[string]int{}
	for _, o := range pts {
		i, ok := at[o.PriceBasis]
		if !ok {
			i = len(out)
			at[o.PriceBasis] = i
			out = append(out, basisGroup{basis: o.PriceBasis})
		}
		out[i].years = append(out[i].years, o.Year)
	}
	for _, g := range out {
		sort.Ints(g.years)
	}
	return out
}

func refusedLabel(b string) (zh, en string) {
	switch b {
	case "":
		return "未注明价格口径的", "unpriced"
	case "current":
		return "现价", "current-price"
	case "comparable":
		return "可比价", "comparable-price"
	}
	return b + "年价", b + "-price"
}

// spanZH and spanEN name the average growth from t0 to L by the years it
// covers.
func spanZH(t0, L int, what string) string {
	if L == t0+1 {
		return fmt.Sprintf("%d年增速", L)
	}
	return fmt.Sprintf("%d—%d年%s", t0+1, L, what)
}

func spanEN(t0, L int) string {
	if L == t0+1 {
		return fmt.Sprintf("the %d growth rate", L)
	}
	return fmt.Sprintf("the %d–%d average growth", t0+1, L)
}

func within(ys []int, lo, hi int) []int {
	var out []int
	for _, y := range ys {
		if y > lo && y <= hi {
			out = append(out, y)
		}
	}
	return out
}

func hasYear(ys []int, y int) bool {
	for _, x := range ys {
		if x == y {
			return true
		}
	}
	return false
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// runs splits sorted years into runs of consecutive years.
func runs(ys []int) [][2]int {
	var out [][2]int
	for _, y := range ys {
		if n := len(out); n > 0 && out[n-1][1] == y-1 {
			out[n-1][1] = y
			continue
		}
		out = append(out, [2]int{y, y})
	}
	return out
}

// yearsZH lists years as a Chinese text does: 2022、2023; 2021—2023 for
// three or more in a row. The caller adds 年.
func yearsZH(ys []int) string {
	var parts []string
	for _, r := range runs(ys) {
		parts = append(parts, runText(r, "—", "、"))
	}
	return strings.Join(parts, "、")
}

// yearsEN lists years in English: 2022 and 2023; 2021–2023.
func yearsEN(ys []int) string {
	var parts []string
	for _, r := range runs(ys) {
		if r[1]-r[0] == 1 {
			parts = append(parts, fmt.Sprint(r[0]), fmt.Sprint(r[1]))
			continue
		}
		parts = append(parts, runText(r, "–", ""))
	}
	return andList(parts)
}

func runText(r [2]int, dash, sep string) string {
	switch r[1] - r[0] {
	case 0:
		return fmt.Sprint(r[0])
	case 1:
		return fmt.Sprintf("%d%s%d", r[0], sep, r[1])
	}
	return fmt.Sprintf("%d%s%d", r[0], dash, r[1])
}

// andList joins English items: a, b and c.
func andList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// relativeGap says why a relative target has fewer than need years in
// which both indicators have a comparable value (n): what each of them
// lacks (gapReason), or, when each has enough on its own, that their years
// differ.
func relativeGap(p *Plan, ind *Indicator, t Target, own, ref series, n, need, end int) Text {
	rz, re := t.refName("zh"), t.refName("en")
	var zh, en []string
	if ys := valueYears(own, t.From, end); len(ys) < need {
		g := gapReason(p, ind, t, own, ys, need, end)
		zh, en = append(zh, "本指标"+g.ZH), append(en, "for this indicator, "+g.EN)
	}
	if ri := p.Indicator(t.RelativeTo); ri != nil {
		if ys := valueYears(ref, t.From, end); len(ys) < need {
			g := gapReason(p, ri, Target{Year: t.Year, From: t.From, Kind: Growth}, ref, ys, need, end)
			zh, en = append(zh, "对比指标"+rz+g.ZH), append(en, "for "+re+" (the indicator compared with), "+g.EN)
		}
	}
	if len(zh) == 0 {
		return Text{
			ZH: fmt.Sprintf("%d—%d年本指标与%s同时有观测值的年份仅%d个，至少需要%d个；请补充两项指标%d—%d年数据", t.From+1, end, rz, n, need, t.From+1, end),
			EN: fmt.Sprintf("%d year(s) in %d–%d with figures of both this indicator and %s, %d needed: supply both for %d–%d", n, t.From+1, end, re, need, t.From+1, end)}
	}
	return Text{ZH: strings.Join(zh, "；"), EN: strings.Join(en, "; ")}
}

// valueYears are the years in t0+1…end with a value in s.
func valueYears(s series, t0, end int) []int {
	var ys []int
	for y := range s.vals {
		if y > t0 && y <= end {
			ys = append(ys, y)
		}
	}
	sort.Ints(ys)
	return ys
}
