package model

import (
	"math"
	"strings"
	"testing"
)

// Average growth rates (年均增速) in the review, on reviewPlan: gdp has a
// growth target of 6 % a year 2020–2025 at comparable prices and no base
// level (an index, 2020 = 100); gdppc a level target 100 → 200 at 2020
// prices. Every figure below is a closed form; tolerance 1e-9 relative
// (floating-point rounding only: nothing is estimated).
func TestReviewAvgGrowth(t *testing.T) {
	avg := func(from, year int, v float64) ObservedPoint {
		return ObservedPoint{Year: year, From: from, Value: v, Growth: true, PriceBasis: "comparable", Row: 9}
	}
	yearly := func(year int, v float64) ObservedPoint {
		return ObservedPoint{Year: year, Value: v, Growth: true, PriceBasis: "comparable", Row: year - 2018}
	}
	cagr := func(x float64, n int) float64 { return 100 * (math.Pow(x, 1/float64(n)) - 1) }
	tests := []struct {
		name     string
		id       string
		pts      []ObservedPoint
		observed float64 // x_2023 on the review's scale
		rate     float64 // the observed pace 2020–2023, % a year
		task     float64
		cat      Category
		note     string // a note that must be there ("" none about spans)
	}{
		{
			// The work report's 2021—2023年年均增长5.6%: x_2023 = 100·1.056³;
			// the observed pace is 5.6 itself; task = 3 ln 1.056 / (5 ln 1.06)
			// = 0.56107 ≥ 0.6 − 0.1 → on schedule.
			name: "span from the base year is the pace", id: "gdp",
			pts:      []ObservedPoint{avg(2020, 2023, 5.6)},
			observed: 100 * math.Pow(1.056, 3), rate: 5.6, task: 3 * math.Log(1.056) / (5 * math.Log(1.06)), cat: OnSchedule,
			note: "the 2023 value follows from the 2021–2023 average growth of 5.6% on line 9",
		},
		{
			// A level target on a compounding series with a known base:
			// 100·1.1³ = 133.1 in 2023; task ln 1.331 / ln 2 = 0.41251 → lagging.
			name: "span from the base year into a known base level", id: "gdppc",
			pts:      []ObservedPoint{{Year: 2023, From: 2020, Value: 10, Growth: true, PriceBasis: "2020", Row: 5}},
			observed: 133.1, rate: 10, task: math.Log(1.331) / math.Log(2), cat: Lagging,
			note: "the 2023 value follows from the 2021–2023 average growth of 10% on line 5",
		},
		{
			// avg 2020→2022 5 % then 2023's 7 %: 1.05²·1.07 = 1.179675;
			// pace 1.179675^(1/3) − 1 = 5.66248 %.
			name: "span then a yearly rate", id: "gdp",
			pts:      []ObservedPoint{avg(2020, 2022, 5), yearly(2023, 7)},
			observed: 117.9675, rate: cagr(1.179675, 3), task: math.Log(1.179675) / (5 * math.Log(1.06)), cat: OnSchedule,
			note: "the 2022 value follows from the 2021–2022 average growth of 5%",
		},
		{
			// 2021's 4 % then avg 2021→2023 6 %: 1.04·1.06² = 1.168544.
			name: "span from a year the chain reaches", id: "gdp",
			pts:      []ObservedPoint{yearly(2021, 4), avg(2021, 2023, 6)},
			observed: 116.8544, rate: cagr(1.168544, 3), task: math.Log(1.168544) / (5 * math.Log(1.06)), cat: OnSchedule,
			note: "the 2023 value follows from the 2022–2023 average growth of 6%",
		},
		{
			// Yearly 8, 3, 5 give 1.16802, an average of 5.31335 %; the report's
			// 5.6 differs by 0.287 pp > 0.05: said, and the yearly rates used.
			name: "span disagreeing with the yearly rates", id: "gdp",
			pts:      []ObservedPoint{yearly(2021, 8), yearly(2022, 3), yearly(2023, 5), avg(2020, 2023, 5.6)},
			observed: 116.802, rate: cagr(1.16802, 3), task: math.Log(1.16802) / (5 * math.Log(1.06)), cat: OnSchedule,
			note: "the 2021–2023 average growth of 5.6% on line 9 of the file differs from the 5.31% that the yearly rates give by more than 0.05 pp; the yearly rates are used",
		},
		{
			// 5.36 is 0.0467 pp from 5.31335: within rounding, nothing said.
			name: "span agreeing with the yearly rates within 0.05 pp", id: "gdp",
			pts:      []ObservedPoint{yearly(2021, 8), yearly(2022, 3), yearly(2023, 5), avg(2020, 2023, 5.36)},
			observed: 116.802, rate: cagr(1.16802, 3), task: math.Log(1.16802) / (5 * math.Log(1.06)), cat: OnSchedule,
		},
		{
			// A span before the plan (2016–2020) is kept for the record.
			name: "span up to the base year", id: "gdp",
			pts:      []ObservedPoint{avg(2015, 2020, 8.9), yearly(2021, 8), yearly(2022, 3), yearly(2023, 5)},
			observed: 116.802, rate: cagr(1.16802, 3), task: math.Log(1.16802) / (5 * math.Log(1.06)), cat: OnSchedule,
			note: "the 2016–2020 average growth of 8.9% on line 9 of the file lies up to the base year 2020: kept for the record",
		},
	}
	const tol = 1e-9
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := reviewOne(t, Evidence{tt.id: tt.pts}, tt.id, 2023)
			if !r.Compared {
				t.Fatalf("not compared: %s", r.Reason.EN)
			}
			for _, c := range []struct {
				what      string
				got, want float64
			}{{"observed", r.Observed, tt.observed}, {"observed pace", r.ObservedRate, tt.rate}, {"task done", r.TaskDone, tt.task}, {"time elapsed", r.TimeElapsed, 0.6}} {
				if !near(c.got, c.want, tol*math.Max(1, math.Abs(c.want))) {
					t.Errorf("%s = %.12g, want %.12g", c.what, c.got, c.want)
				}
			}
			if r.ObservedYear != 2023 || r.Category != tt.cat {
				t.Errorf("observed year %d, category %s; want 2023, %s", r.ObservedYear, r.Category, tt.cat)
			}
			notes := ""
			for _, n := range r.Notes {
				notes += n.EN + "\n"
				if n.ZH == "" {
					t.Errorf("note %q has no Chinese", n.EN)
				}
			}
			if tt.note != "" && !strings.Contains(notes, tt.note) {
				t.Errorf("notes\n%s do not say %q", notes, tt.note)
			}
			if want := strings.Contains(tt.note, "differs"); want != (len(r.Conflicts) == 1) {
				t.Errorf("conflicts %v; want one: %v", r.Conflicts, want)
			}
			if tt.note == "" && strings.Contains(notes, "average") {
				t.Errorf("notes\n%s speak of the average growth; want none", notes)
			}
		})
	}
}

// The tolerance boundary: 5.37 is 0.0567 pp from the yearly rates' 5.31335 %.
func TestReviewAvgGrowthTolerance(t *testing.T) {
	ev := Evidence{"gdp": {{Year: 2021, Value: 8, Growth: true}, {Year: 2022, Value: 3, Growth: true}, {Year: 2023, Value: 5, Growth: true},
		{Year: 2023, From: 2020, Value: 5.37, Growth: true, Row: 7}}}
	r := reviewOne(t, ev, "gdp", 2023)
	want := "文件第7行2021—2023年年均增速5.37%与逐年增速推算的5.31%相差超过0.05个百分点，采用逐年增速"
	found := false
	for _, n := range r.Notes {
		found = found || n.ZH == want
	}
	if !found {
		t.Errorf("notes %v; want %q", r.Notes, want)
	}
}

// What cannot be used: the reason says what the file has and lacks, word
// for word (these are the sentences a reviewer reads).
func TestReviewGapReasons(t *testing.T) {
	cur := func(year int, v float64, row int) ObservedPoint {
		return ObservedPoint{Year: year, Value: v, PriceBasis: "current", Row: row}
	}
	tests := []struct {
		name, id, refusal string
		pts               []ObservedPoint
		zh, en            string
	}{
		{
			// The shipped file's GDP: current-price levels 2020–2023, comparable
			// growth for 2022 and 2023 only.
			name: "growth lacks a year, levels at current prices", id: "gdp", refusal: "no_data",
			pts: []ObservedPoint{cur(2020, 1114.23, 13), cur(2021, 1257.96, 14), cur(2022, 1330.02, 15), cur(2023, 1401.59, 17),
				{Year: 2022, Value: 3.2, Growth: true, PriceBasis: "comparable", Row: 16}, {Year: 2023, Value: 7, Growth: true, PriceBasis: "comparable", Row: 18}},
			zh: "有2022、2023年增速（可比价），缺2021年增速，无法计算2021—2023年年均增速；2020—2023年现价水平值不能用于可比价目标",
			en: "the file has the 2022 and 2023 growth rates (comparable prices); the 2021 growth rate is missing, so the 2021–2023 average growth cannot be computed; the current-price levels (2020–2023) cannot be used for a target at comparable prices",
		},
		{
			// The shipped file's per-capita GDP against a 2020-price level.
			name: "level target, one growth rate, a current-price level", id: "gdppc", refusal: "no_data",
			pts: []ObservedPoint{cur(2023, 10.4274, 19), {Year: 2023, Value: 8.1, Growth: true, PriceBasis: "comparable", Row: 20}},
			zh:  "有2023年增速（可比价），缺2021、2022年增速，无法推算2023年水平；2023年现价水平值不能用于2020年价目标",
			en:  "the file has the 2023 growth rate (comparable prices); the 2021 and 2022 growth rates are missing, so the 2023 level cannot be derived; the current-price level (2023) cannot be used for a target at 2020 prices",
		},
		{
			// An average from 2021 with no 2021 figure: not chained, said.
			name: "span from another year, not chained", id: "gdp", refusal: "no_data",
			pts: []ObservedPoint{{Year: 2023, From: 2021, Value: 6, Growth: true, Row: 4}},
			zh:  "有2022—2023年年均增速（可比价），缺2021年增速，无法计算2021—2023年年均增速；文件第4行2022—2023年年均增速6%起点2021年不是基期，文件中没有可推得2021年数值的数据，无法衔接，仅作记录",
			en:  "the file has the 2022–2023 average growth (comparable prices); the 2021 growth rate is missing, so the 2021–2023 average growth cannot be computed; the 2022–2023 average growth of 6% on line 4 of the file starts from 2021, not the base year, and nothing in the file gives the 2021 figure: not chained, kept for the record",
		},
		{
			// A span starting before the base year cannot be chained either.
			name: "span from before the base year", id: "gdp", refusal: "no_data",
			pts: []ObservedPoint{{Year: 2023, From: 2018, Value: 6, Growth: true, Row: 4}},
			zh:  "有2019—2023年年均增速（可比价），缺2021—2023年增速，无法计算2021—2023年年均增速；文件第4行2019—2023年年均增速6%起点2018年早于基期2020年，无法衔接，仅作记录",
			en:  "the file has the 2019–2023 average growth (comparable prices); the 2021–2023 growth rates are missing, so the 2021–2023 average growth cannot be computed; the 2019–2023 average growth of 6% on line 4 of the file starts from 2018, before the base year 2020: not chained, kept for the record",
		},
		{
			// The price-basis rules of growth rates hold for averages: a
			// nominal average is not compared with a real target.
			name: "span at current prices", id: "gdp", refusal: "price_basis",
			pts: []ObservedPoint{{Year: 2023, From: 2020, Value: 9, Growth: true, PriceBasis: "current", Row: 6}},
			zh:  "文件第6行（2023年）为现价，目标按可比价计算，不能直接比较；请提供可比价数据（或按可比价增速，metric 填 growth）",
			en:  "line 6 of the file (2023) is at current prices but the target is at comparable prices: not compared; supply the figure at comparable prices (or the real growth rate, metric growth)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := reviewOne(t, Evidence{tt.id: tt.pts}, tt.id, 2023)
			if r.Compared || r.Refusal != tt.refusal || r.Category != InsufficientData {
				t.Errorf("compared %v, refusal %q, category %s; want not compared, %s, insufficient data", r.Compared, r.Refusal, r.Category, tt.refusal)
			}
			if r.Reason.ZH != tt.zh {
				t.Errorf("reason (zh)\n got %s\nwant %s", r.Reason.ZH, tt.zh)
			}
			if r.Reason.EN != tt.en {
				t.Errorf("reason (en)\n got %s\nwant %s", r.Reason.EN, tt.en)
			}
			for _, n := range r.Notes {
				if strings.Contains(n.EN, "chain stops") || strings.Contains(n.EN, "kept for the record") {
					t.Errorf("note %q repeats the reason", n.EN)
				}
			}
		})
	}
}

// With more points required, the reason says how many there are.
func TestReviewGapMinPoints(t *testing.T) {
	p := reviewPlan()
	pr, err := Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	th := DefaultReviewThresholds()
	th.MinPoints = 2
	ev := Evidence{"gdp": {{Year: 2021, Value: 8, Growth: true}}, "share": {{Year: 2022, Value: 35}}}
	want := map[string]Text{
		"gdp": {ZH: "有2021年增速（可比价），缺2022、2023年增速；至少需要2个年份的可比数值（现有1个）",
			EN: "the file has the 2021 growth rate (comparable prices); the 2022 and 2023 growth rates are missing; at least 2 years of comparable figures are needed (1 so far)"},
		"share": {ZH: "有2022年水平值，缺2021、2023年数据；至少需要2个年份的可比数值（现有1个）",
			EN: "the file has the 2022 level; the 2021 and 2023 figures are missing; at least 2 years of comparable figures are needed (1 so far)"},
	}
	seen := 0
	for _, r := range ReviewAll(pr, ev, 2023, th) {
		w, ok := want[r.Indicator.ID]
		if !ok {
			continue
		}
		seen++
		if r.Reason != w {
			t.Errorf("%s: reason\n got %s\n     %s\nwant %s\n     %s", r.Indicator.ID, r.Reason.ZH, r.Reason.EN, w.ZH, w.EN)
		}
	}
	if seen != 2 {
		t.Fatalf("%d reviews of gdp and share, want 2", seen)
	}
}

// A level given only for the base year leaves nothing to compare: the
// reason says which years to supply.
func TestReviewGapBaseYearOnly(t *testing.T) {
	r := reviewOne(t, Evidence{"share": {{Year: 2020, Value: 30}}}, "share", 2023)
	want := Text{ZH: "2021—2023年没有可比观测值；请补充2021—2023年数据", EN: "the file has no comparable figure for 2021–2023: supply the 2021–2023 figures"}
	if r.Refusal != "no_data" || r.Reason != want {
		t.Errorf("refusal %q, reason %+v; want no_data, %+v", r.Refusal, r.Reason, want)
	}
}

// A relative target reads average growth like yearly rates: income given
// as 2021—2023年年均增长7% and GDP as 2021—2023年年均增长5% differ by
// exactly 2 pp (both paces are the figures themselves; tolerance 1e-9).
func TestReviewRelativeAvgGrowth(t *testing.T) {
	ev := Evidence{"x": {{Year: 2023, From: 2020, Value: 7, Growth: true, PriceBasis: "comparable"}},
		"y": {{Year: 2023, From: 2020, Value: 5, Growth: true, PriceBasis: "comparable"}}}
	r := reviewRel(t, relPlan(Min, 0), ev, 2023)
	if !r.Compared || r.ObservedYear != 2023 || !near(r.Observed, 2, 1e-9) || !near(r.ObservedRate, 7, 1e-9) || r.Category != OnSchedule {
		t.Errorf("compared %v, year %d, difference %.12g, pace %.12g, category %s; want 2023, 2, 7, on_schedule (%s)",
			r.Compared, r.ObservedYear, r.Observed, r.ObservedRate, r.Category, r.Reason.EN)
	}
	// The years are named as the other sentences name them (2021—2023 for
	// the growth from 2020), with no label before them.
	zh := "2021—2023年本指标年均增长7.00%，地区生产总值5.00%，差+2.00个百分点，达到要求（不低于0个百分点）"
	en := "in 2021–2023 this indicator grew 7.00% a year on average, GDP 5.00%, a difference of +2.00 pp, which meets the target (at least 0 pp)"
	if r.Reason.ZH != zh || r.Reason.EN != en {
		t.Errorf("reason\n got %s\n     %s\nwant %s\n     %s", r.Reason.ZH, r.Reason.EN, zh, en)
	}
}

// Any mix of yearly and average growth rates, spans from before the plan
// to its last year, reviews without panicking, and a compared growth
// target's pace is finite and above −100 %.
func TestReviewAvgGrowthAnyMix(t *testing.T) {
	src := uint64(20211231)
	next := func(n int) int { // xorshift: reproducible without math/rand
		src ^= src << 13
		src ^= src >> 7
		src ^= src << 17
		return int(src % uint64(n))
	}
	for i := 0; i < 300; i++ {
		var pts []ObservedPoint
		for k := next(6); k >= 0; k-- {
			y := 2020 + next(6)
			if next(2) == 0 {
				pts = append(pts, ObservedPoint{Year: y, Value: float64(next(400))/10 - 9.9, Growth: true, Row: k})
			} else {
				pts = append(pts, ObservedPoint{Year: y, From: y - 1 - next(8), Value: float64(next(400))/10 - 9.9, Growth: true, Row: k})
			}
		}
		r := reviewOne(t, Evidence{"gdp": pts}, "gdp", 2023)
		if r.Compared && (math.IsNaN(r.ObservedRate) || math.IsInf(r.ObservedRate, 0) || r.ObservedRate <= -100) {
			t.Fatalf("%+v: observed pace %g", pts, r.ObservedRate)
		}
		if !r.Compared && (r.Reason.ZH == "" || r.Reason.EN == "") {
			t.Fatalf("%+v: refused with no reason", pts)
		}
	}
}
