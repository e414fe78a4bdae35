package model

import "testing"

// The historical pace's period is named for the plan at hand: the 14th
// plan's previous period is 十三五 (2016–2020), the 13th plan's 十二五;
// a plan off the national five-year cycle says "the previous plan".
func TestPreviousPeriod(t *testing.T) {
	for _, tt := range []struct {
		base, target       int
		name, nameEN, long string
		longEN             string
	}{
		{2020, 2025, "“十三五”", "13th plan", "“十三五”时期（2016—2020年）", "the 13th plan period (2016–2020)"},
		{2015, 2020, "“十二五”", "12th plan", "“十二五”时期（2011—2015年）", "the 12th plan period (2011–2015)"},
		{2025, 2030, "“十四五”", "14th plan", "“十四五”时期（2021—2025年）", "the 14th plan period (2021–2025)"},
		{2000, 2005, "“九五”", "9th plan", "“九五”时期（1996—2000年）", "the 9th plan period (1996–2000)"},
		{2022, 2027, "上一规划期", "previous plan", "上一规划期（2018—2022年）", "the previous plan period (2018–2022)"},
		{2020, 2030, "上一规划期", "previous plan", "上一规划期（2011—2020年）", "the previous plan period (2011–2020)"},
	} {
		p := &Plan{BaseYear: tt.base, TargetYear: tt.target}
		n, l := p.PreviousName(), p.PreviousPeriod()
		if n.ZH != tt.name || n.EN != tt.nameEN || l.ZH != tt.long || l.EN != tt.longEN {
			t.Errorf("%d–%d: %q / %q, %q / %q; want %q / %q, %q / %q", tt.base, tt.target, n.ZH, n.EN, l.ZH, l.EN, tt.name, tt.nameEN, tt.long, tt.longEN)
		}
	}
	if got := ordinal(21) + ordinal(22) + ordinal(11) + ordinal(112); got != "21st22nd11th112th" {
		t.Errorf("ordinals %q", got)
	}
}
