package model

import "fmt"

// PreviousName names the plan period before p's, whose delivered pace is
// the historical pace (HistoricalPace: figures ending in the base year):
// a Chinese five-year plan by its own name (“十三五”, 13th plan) when p's
// years are a five-year plan's, else "the previous plan".
func (p *Plan) PreviousName() Text {
	if n := p.previousNumber(); n > 0 {
		return Text{ZH: "“" + chineseNumeral(n) + "五”", EN: ordinal(n) + " plan"}
	}
	return Text{ZH: "上一规划期", EN: "previous plan"}
}

// PreviousPeriod is PreviousName with the period's years:
// “十三五”时期（2016—2020年）, the 13th plan period (2016–2020).
func (p *Plan) PreviousPeriod() Text {
	from, to := p.BaseYear-(p.TargetYear-p.BaseYear)+1, p.BaseYear
	if p.Previous != nil && p.Previous.TargetYear == p.BaseYear && p.Previous.BaseYear < p.BaseYear {
		from = p.Previous.BaseYear + 1
	}
	n := p.PreviousName()
	if p.previousNumber() > 0 {
		n.ZH += "时期"
	}
	return Text{ZH: fmt.Sprintf("%s（%d—%d年）", n.ZH, from, to), EN: fmt.Sprintf("the %s period (%d–%d)", n.EN, from, to)}
}

// previousNumber is the number of the five-year plan that ends in p's
// base year, or 0 when p is not a five-year plan in the national cycle
// (the third plan ran 1966–1970; every later one five years after).
func (p *Plan) previousNumber() int {
	if p == nil {
		return 0
	}
	from := p.BaseYear - 4
	if p.TargetYear-p.BaseYear != 5 || from < 1966 || (from-1966)%5 != 0 {
		return 0
	}
	return (from-1966)/5 + 3
}

// chineseNumeral writes 1 ≤ n ≤ 99 in Chinese numerals (十三, 二十一).
func chineseNumeral(n int) string {
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return d[n]
	case n < 20:
		return "十" + d[n%10]
	}
	return d[n/10] + "十" + d[n%10]
}

// ordinal writes n in English as 1st, 2nd, 3rd, 13th, 21st.
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suffix)
}
