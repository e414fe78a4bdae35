package extract

import (
	"math"
	"os"
	"testing"
)

// The national plan's table in another layout: a 类别 column printed on a
// group's first row only, 2020年/2025年/年均/累计 columns, dashes for empty
// cells, starred cells. testdata/national-14.txt transcribes 专栏1
// "十四五"时期经济社会发展主要指标 of 中华人民共和国国民经济和社会发展第十四个
// 五年规划和2035年远景目标纲要 (2021-03-13), in the column layout of
// pdftotext -layout. Each expected row is the reading a careful reader
// gives the printed cells.
func TestNationalLayout(t *testing.T) {
	data, err := os.ReadFile("testdata/national-14.txt")
	if err != nil {
		t.Fatal(err)
	}
	p, _, _ := extractFile(t, "national-14.txt", data)
	if p.BaseYear != 2020 || p.TargetYear != 2025 {
		t.Errorf("years %d-%d, want 2020-2025", p.BaseYear, p.TargetYear)
	}
	nan := math.NaN()
	want := []struct {
		no        int
		id, unit  string
		attribute string
		base      float64 // NaN: no base-year level
		kind      string
		value     float64 // NaN: no value (delegated)
		bound     string
		group     string
	}{
		{1, "gdp", "亿元", "expected", nan, "delegated", nan, "none", "经济发展"},
		{2, "labour_productivity", "万元/人", "expected", nan, "delegated", nan, "none", "经济发展"},
		{3, "urbanization_rate", "%", "expected", 60.6, "level", 65, "none", "经济发展"},
		{4, "row_4", "%", "expected", nan, "growth", 7, "min", "创新驱动"},
		{5, "invention_patents_per_10k", "件/万人", "expected", 6.3, "level", 12, "none", "创新驱动"},
		{6, "digital_core_share", "%", "expected", 7.8, "level", 10, "none", "创新驱动"},
		{7, "income", "元", "expected", nan, "delegated", nan, "none", "民生福祉"},
		{8, "unemployment_surveyed", "%", "expected", 5.2, "ceiling", 5.5, "max", "民生福祉"},
		{9, "working_age_schooling_years", "年", "binding", 10.8, "level", 11.3, "none", "民生福祉"},
		{10, "doctors_per_1000", "人", "expected", 2.9, "level", 3.2, "none", "民生福祉"},
		{11, "pension_insurance_coverage", "%", "expected", 91, "level", 95, "none", "民生福祉"},
		{12, "infant_care_places_per_1000", "个", "expected", 1.8, "level", 4.5, "none", "民生福祉"},
		{13, "life_expectancy", "岁", "expected", 77.3, "change", 1, "none", "民生福祉"},
		{14, "energy_intensity", "吨标准煤/万元", "binding", nan, "reduction", 13.5, "none", "绿色生态"},
		{15, "carbon_intensity", "吨二氧化碳/万元", "binding", nan, "reduction", 18, "none", "绿色生态"},
		{16, "good_air_days_ratio", "%", "binding", 87, "level", 87.5, "none", "绿色生态"},
		{17, "surface_water_good_share", "%", "binding", 83.4, "level", 85, "none", "绿色生态"},
		{18, "forest_coverage", "%", "binding", 23.2, "level", 24.1, "none", "绿色生态"},
		{19, "grain_capacity", "亿吨", "binding", nan, "level", 6.5, "min", "安全保障"},
		{20, "energy_production_capacity", "亿吨标准煤", "binding", nan, "level", 46, "min", "安全保障"},
	}
	rows := map[int]int{}
	for k, ind := range p.Indicators {
		if ind.No > 0 {
			rows[ind.No] = k
		}
	}
	matched := 0
	for _, w := range want {
		k, ok := rows[w.no]
		if !ok {
			t.Errorf("row %d missing", w.no)
			continue
		}
		g := p.Indicators[k]
		bad := g.ID != w.id || g.Unit.ZH != w.unit || string(g.Attribute) != w.attribute || g.Group.ZH != w.group
		if math.IsNaN(w.base) {
			bad = bad || g.Baseline.Known
		} else {
			bad = bad || !g.Baseline.Known || g.Baseline.Value != w.base
		}
		if len(g.Targets) == 0 {
			bad = true
		} else {
			tg := g.Targets[0]
			bad = bad || string(tg.Kind) != w.kind || string(tg.Bound) != w.bound && w.kind != "delegated"
			if !math.IsNaN(w.value) {
				bad = bad || tg.Value != w.value
			}
		}
		if bad {
			t.Errorf("row %d: got %s %s %s %s base %v/%g targets %+v; want %+v", w.no, g.ID, g.Unit.ZH, g.Attribute, g.Group.ZH, g.Baseline.Known, g.Baseline.Value, g.Targets, w)
			continue
		}
		matched++
	}
	t.Logf("national layout: %d of %d rows match", matched, len(want))
}
