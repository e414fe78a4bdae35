package extract

import (
	"math"
	"os"
	"regexp"
	"strings"
	"testing"

	"fyp/model"
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
	want := []wantRow{
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
	if m := checkRows(t, p, want); m < len(want) {
		t.Errorf("national layout: %d of %d rows match", m, len(want))
	}

	// The same table in Word: a real table whose 类别 cell is merged
	// downwards (an empty cell on the group's later rows).
	var before, after []string
	var table [][]string
	for _, l := range strings.Split(string(data), "\n") {
		cells := regexp.MustCompile(`\s{2,}`).Split(strings.TrimSpace(l), -1)
		switch {
		case strings.HasPrefix(l, "类别") || len(cells) >= 6:
			table = append(table, cells)
		case len(cells) == 5 && strings.HasPrefix(l, " "):
			table = append(table, append([]string{""}, cells...))
		case table == nil:
			before = append(before, l)
		default:
			after = append(after, l)
		}
	}
	if len(table) != 21 {
		t.Fatalf("%d table rows built from the text, want 21", len(table))
	}
	pw, _, word := extractFile(t, "national-14.docx", buildDocx(t, before, table, after))
	if m := checkRows(t, pw, want); m < len(want) {
		t.Errorf("national layout in Word: %d of %d rows match", m, len(want))
	}
	if strings.Contains(string(word), "多出的单元格") {
		t.Error("a merged 类别 cell was read as an extra cell of the row above")
	}
}

// wantRow is a careful reader's reading of a table row.
type wantRow struct {
	no        int
	id, unit  string
	attribute string
	base      float64 // NaN: no base-year level
	kind      string
	value     float64 // NaN: no value (delegated)
	bound     string
	group     string
}

// checkRows compares the table rows of p with the readings and returns how
// many match.
func checkRows(t *testing.T, p *model.Plan, want []wantRow) int {
	t.Helper()
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
	return matched
}

// A municipal plan's web page: GB2312, full-width digits, 类别 merged over
// rows (rowspan), a 单位 column, 〔 〕 totals, ≥ and < bounds, a delegated
// cell in words. testdata/municipal-14.html is written for this test (the
// city and figures are invented; the layout is the one city governments
// publish).
func TestMunicipalLayout(t *testing.T) {
	data, err := os.ReadFile("testdata/municipal-14.html")
	if err != nil {
		t.Fatal(err)
	}
	p, _, out := extractFile(t, "municipal-14.html", data)
	nan := math.NaN()
	want := []wantRow{
		{1, "gdp", "亿元", "expected", nan, "growth", 6, "approx", "经济发展"},
		{2, "gdp_per_capita", "万元", "expected", 6.8, "level", 9, "none", "经济发展"},
		{3, "urbanization_rate", "%", "expected", 64.2, "level", 68, "none", "经济发展"},
		{4, "rd_intensity", "%", "expected", 1.9, "level", 2.5, "none", "创新驱动"},
		{5, "invention_patents_per_10k", "件/万人", "expected", 8.1, "level", 15, "none", "创新驱动"},
		{6, "energy_intensity", "吨标准煤/万元", "binding", nan, "reduction", 14, "none", "绿色生态"},
		{7, "forest_coverage", "%", "binding", 45.3, "level", 46, "min", "绿色生态"},
		{8, "good_air_days_ratio", "%", "binding", 88.5, "delegated", nan, "none", "绿色生态"},
		{9, "unemployment_surveyed", "%", "expected", 4.9, "ceiling", 5.5, "max", "民生福祉"},
		// the same concept as row 3, as a change: kept apart and marked
		{10, "urbanization_rate_2", "%", "expected", nan, "change", 3.8, "none", "民生福祉"},
	}
	if m := checkRows(t, p, want); m < len(want) {
		t.Errorf("municipal layout: %d of %d rows match", m, len(want))
	}
	if p.Region.ZH != "示例市" || p.BaseYear != 2020 || p.TargetYear != 2025 {
		t.Errorf("region %q, years %d-%d", p.Region.ZH, p.BaseYear, p.TargetYear)
	}
	for _, want := range []string{"id: industrial_enterprises_above_size", "value: 1200", "id: high_standard_farmland", "kind: cumulative, value: 30",
		"第二章第一节重申: 全市地区生产总值年均增长6%左右", "review: 与另一指标同为urbanization_rate"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("plan file lacks %q", want)
		}
	}
}
