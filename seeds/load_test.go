package seeds

import (
	"errors"
	"math"
	"strings"
	"testing"

	"fyp/internal/bilingual"
	"fyp/internal/yamlcheck"
	"fyp/model"
)

func TestEmbeddedPlansLoad(t *testing.T) {
	for _, id := range IDs() {
		if _, err := Load(id); err != nil {
			t.Fatalf("Load(%q): %v", id, err)
		}
	}
}

// TestMainTable checks the 14th plan's main indicator table against the
// plan's text (专栏 江津区"十四五"规划主要指标体系表), row by row.
func TestMainTable(t *testing.T) {
	p, err := Load("jiangjin-14")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[int]*model.Indicator{}
	for _, ind := range p.Indicators {
		if ind.No > 0 {
			if rows[ind.No] != nil {
				t.Errorf("row %d appears twice", ind.No)
			}
			rows[ind.No] = ind
		}
	}
	if len(rows) != 29 {
		t.Fatalf("main table has %d rows, want 29", len(rows))
	}
	nan := math.NaN()
	// Provenance: the plan's table, lines 731–1049 of the source text.
	tests := []struct {
		no        int
		id        string
		base      float64 // NaN: the table gives no 2020 level
		kind      model.Kind
		target    float64
		bound     model.Bound
		attribute model.Attribute
	}{
		{1, "gdp", nan, model.Growth, 6, model.Min, model.Expected},
		{2, "gdp_per_capita", 7.9, model.Level, 10, model.Exact, model.Expected},
		{3, "labour_productivity", 14.9, model.Level, 19, model.Exact, model.Expected},
		{6, "service_share", 33.3, model.Level, 38, model.Exact, model.Expected},
		{7, "rd_intensity", 2.4, model.Level, 2.8, model.Exact, model.Expected},
		{11, "income", nan, model.Growth, 7, model.Exact, model.Expected},
		{12, "urban_rural_income_ratio", 1.92, model.Level, 1.9, model.Exact, model.Expected},
		{13, "unemployment_surveyed", nan, model.Ceiling, 5.5, model.Exact, model.Expected},
		{14, "urbanization_rate", nan, model.Change, 5, model.Approx, model.Expected},
		{19, "life_expectancy", 78.4, model.Level, 79.7, model.Exact, model.Expected},
		{20, "trade", 215, model.Level, 400, model.Exact, model.Expected},
		{21, "fdi", nan, model.Cumulative, 25, model.Exact, model.Expected},
		{23, "forest_coverage", 51.8, model.Level, 54, model.Exact, model.Binding},
		{24, "good_air_days", 311, model.Floor, 300, model.Exact, model.Binding},
		{25, "water_quality_good_share", 100, model.Floor, 100, model.Exact, model.Binding},
		{26, "energy_intensity", nan, model.Delegated, 0, model.Exact, model.Binding},
		{28, "grain_capacity", 63, model.Floor, 63, model.Exact, model.Binding},
		{29, "work_safety_fatality_rate", nan, model.Reduction, 30, model.Exact, model.Binding},
	}
	for _, tc := range tests {
		ind := rows[tc.no]
		if ind == nil || ind.ID != tc.id {
			t.Errorf("row %d: got %v, want id %s", tc.no, ind, tc.id)
			continue
		}
		if math.IsNaN(tc.base) == ind.Baseline.Known || (ind.Baseline.Known && ind.Baseline.Value != tc.base) {
			t.Errorf("row %d %s: baseline %v/%g, want %g", tc.no, tc.id, ind.Baseline.Known, ind.Baseline.Value, tc.base)
		}
		g := ind.Targets[0]
		if g.Year != 2025 || g.Kind != tc.kind || g.Value != tc.target || g.Bound != tc.bound {
			t.Errorf("row %d %s: target %+v, want %s %g %s in 2025", tc.no, tc.id, g, tc.kind, tc.target, tc.bound)
		}
		if ind.Attribute != tc.attribute {
			t.Errorf("row %d %s: attribute %s, want %s", tc.no, tc.id, ind.Attribute, tc.attribute)
		}
		if ind.Section == "" || ind.TableGoal == "" && tc.kind != model.Delegated && tc.no != 13 {
			t.Errorf("row %d %s: missing section or table cell", tc.no, tc.id)
		}
	}
	chapter := 0
	for _, ind := range p.Indicators {
		for _, g := range ind.Targets {
			if ind.No == 0 || g.Year == p.VisionYear {
				chapter++
			}
		}
		if ind.Section == "" {
			t.Errorf("%s has no section", ind.ID)
		}
	}
	if chapter < 80 {
		t.Errorf("%d chapter and 2035 targets, want at least 80", chapter)
	}
}

// TestPreviousRecord checks rows of the 13th plan's record (专栏 江津区"十三五"
// 规划主要指标完成情况表) that the 14th plan's historical rates rely on.
func TestPreviousRecord(t *testing.T) {
	p, err := Load("jiangjin-14")
	if err != nil {
		t.Fatal(err)
	}
	if p.Previous == nil || p.Previous.ID != "jiangjin-13" {
		t.Fatalf("previous plan not linked: %v", p.Previous)
	}
	f := p.Previous.Indicator("forest_coverage")
	if f == nil || !f.Baseline.Known || f.Baseline.Value != 46.5 || f.Targets[0].Value != 54 {
		t.Fatalf("forest coverage record: %+v", f)
	}
	got := model.HistoricalPace(p, p.Indicator("forest_coverage"), p.Indicator("forest_coverage").Targets[0])
	// (51.8 − 46.5)/5 = 1.06 pp a year: outcome and 2015 value from the record.
	if math.Abs(got-1.06) > 1e-9 {
		t.Errorf("forest coverage historical pace = %g, want 1.06", got)
	}
}

func TestBadPlans(t *testing.T) {
	good := func(edit func(string) string) string {
		return edit(`id: test
title: {zh: 测试, en: Test}
base_year: 2020
target_year: 2025
indicators:
  - id: a
    name: 甲
    unit: 万元
    section: 第一章第一节
    baseline: {year: 2020, value: 1}
    targets:
      - {year: 2025, kind: level, value: 2}
`)
	}
	same := func(s string) string { return s }
	if _, err := Parse("good.yaml", []byte(good(same))); err != nil {
		t.Fatalf("good plan: %v", err)
	}
	// A linear series may be negative (a balance, a net flow).
	linear := good(func(s string) string {
		return strings.Replace(strings.Replace(s, "value: 1}", "value: -7.9}", 1), "    section:", "    path: linear\n    section:", 1)
	})
	if _, err := Parse("linear.yaml", []byte(linear)); err != nil {
		t.Fatalf("negative baseline on a linear series: %v", err)
	}
	// review: what fyp extract was unsure of, on an indicator or a target.
	reviewed := good(func(s string) string {
		return strings.Replace(strings.Replace(s, "value: 2}", "value: 2, review: 年份缺失}", 1), "    unit: 万元\n", "    unit: 万元\n    review: 单位未找到\n", 1)
	})
	if _, err := Parse("reviewed.yaml", []byte(reviewed)); err != nil {
		t.Fatalf("plan with review keys: %v", err)
	}
	tests := []struct {
		name string
		src  string
		want string // substring of the message, with FILE:LINE
		zh   string // the same in Chinese
	}{
		{"duplicate id", good(func(s string) string {
			return s + "  - id: a\n    name: 乙\n    unit: 个\n    section: 第一章第一节\n"
		}), `p.yaml:13:5: indicators.a.id: duplicate indicator id "a" (first at line 6)`, `p.yaml:13:5: indicators.a.id: 指标id "a"重复（首次出现在第6行）`},
		{"unknown kind", good(func(s string) string { return strings.Replace(s, "kind: level", "kind: levle", 1) }),
			`p.yaml:12:28: indicators.a.targets[0].kind: "levle" is not one of`, `p.yaml:12:28: indicators.a.targets[0].kind: "levle"不是可选值`},
		{"target before base", good(func(s string) string { return strings.Replace(s, "{year: 2025,", "{year: 2019,", 1) }),
			`p.yaml:12:16: indicators.a.targets[0].year: target year 2019 is not after the base year 2020`, `p.yaml:12:16: indicators.a.targets[0].year: 目标年份2019不在基期年2020之后`},
		{"missing unit", good(func(s string) string { return strings.Replace(s, "    unit: 万元\n", "", 1) }),
			`p.yaml:6:5: indicators.a.unit: missing (required)`, `p.yaml:6:5: indicators.a.unit: 缺失（必填）`},
		{"misspelt key", good(func(s string) string { return strings.Replace(s, "    section:", "    sectoin:", 1) }),
			`did you mean "section"?`, `是否想写 "section"？`},
		{"value not a number", good(func(s string) string { return strings.Replace(s, "value: 2}", "value: two}", 1) }),
			`p.yaml:12:42: indicators.a.targets[0].value: expected a number, got "two"`, `p.yaml:12:42: indicators.a.targets[0].value: 应为数字，实为"two"`},
		{"negative baseline on a compound series", good(func(s string) string { return strings.Replace(s, "value: 1}", "value: -7.9}", 1) }),
			`p.yaml:10:35: indicators.a.baseline.value: baseline -7.9: a grows by percentages`, `p.yaml:10:35: indicators.a.baseline.value: 基期值-7.9：a按百分比增长`},
		{"zero baseline on a compound series", good(func(s string) string { return strings.Replace(s, "value: 1}", "value: 0}", 1) }),
			`p.yaml:10:35: indicators.a.baseline.value: baseline 0: a grows by percentages`, `p.yaml:10:35: indicators.a.baseline.value: 基期值0：a按百分比增长`},
		{"negative level target on a compound series", good(func(s string) string { return strings.Replace(s, "value: 2}", "value: -2}", 1) }),
			`p.yaml:12:42: indicators.a.targets[0].value: a level target of -2: a grows by percentages`, `p.yaml:12:42: indicators.a.targets[0].value: level目标值-2：a按百分比增长`},
		{"negative observed level on a compound series", good(func(s string) string {
			return s + "    observed:\n      - {year: 2020, value: -1}\n"
		}), `p.yaml:14:29: indicators.a.observed[0].value: an observed level of -1: a grows by percentages`, `p.yaml:14:29: indicators.a.observed[0].value: 观测水平值-1：a按百分比增长`},
		{"negative logistic ceiling", good(func(s string) string {
			return s + "    rule: {rule: logistic, rate: 5, ceiling: -3}\n"
		}), `p.yaml:13:46: indicators.a.rule.ceiling: a logistic ceiling of -3: a follows a logistic rule`, `p.yaml:13:46: indicators.a.rule.ceiling: logistic上限-3：a按logistic规则测算，所以水平值须大于0`},
		{"share target above its bounds", good(func(s string) string {
			return strings.Replace(strings.Replace(s, "value: 2}", "value: 152}", 1), "    section:", "    path: linear\n    bounds: [0, 100]\n    section:", 1)
		}), `p.yaml:14:42: indicators.a.targets[0].value: a level target of 152 lies outside the bounds [0, 100] of a`, `p.yaml:14:42: indicators.a.targets[0].value: level目标值152超出a的取值范围[0, 100]`},
		{"absurd observed level", good(func(s string) string {
			return s + "    observed:\n      - {year: 2020, value: 1e308}\n"
		}), `p.yaml:14:29: indicators.a.observed[0].value: an observed level of 1e+308 is beyond ±1e+15`, `p.yaml:14:29: indicators.a.observed[0].value: 观测水平值1e+308超出±1e+15`},
		{"absurd stated rate", good(func(s string) string {
			return s + "    rule: {rule: compound, rate: 1e300}\n"
		}), `p.yaml:13:34: indicators.a.rule.rate: a rate of 1e+300% a year: expected more than -100 and at most 1000`, `p.yaml:13:34: indicators.a.rule.rate: 年增速1e+300%：应大于-100且不超过1000`},
		{"tab", "id: x\n\tbase_year: 2020\n", "p.yaml:2:1: a tab in the indentation", "p.yaml:2:1: 缩进中有制表符"},
		{"empty", "  \n", "p.yaml: the file is empty", "p.yaml: 文件是空的"},
		{"not utf-8", "id: \xff\xfe\n", "p.yaml:1: the file is not UTF-8 text", "p.yaml:1: 文件不是UTF-8文本"},
		{"syntax", "id: [1, 2\n", "p.yaml:1: YAML syntax error", "p.yaml:1: YAML语法错误"},
		{"full-width colon", "id： x\n", "p.yaml:1:3: full-width colon", "p.yaml:1:3: 键后用了全角冒号"},
		{"review not text", good(func(s string) string { return strings.Replace(s, "value: 2}", "value: 2, review: [x]}", 1) }), "p.yaml:12:53: indicators.a.targets[0].review: expected text", "p.yaml:12:53: indicators.a.targets[0].review: 应为文字"},
	}
	// A second indicator with a growth target that relative_to edits.
	rel := func(target string) string {
		return good(same) + `  - id: b
    name: 乙
    unit: 元
    section: 第一章第四节
    targets:
      - ` + target + "\n"
	}
	if p, err := Parse("good.yaml", []byte(rel("{year: 2025, kind: growth, relative_to: a, value: 0, bound: min}"))); err != nil {
		t.Fatalf("good relative target: %v", err)
	} else if got := p.Indicator("b").Targets[0]; got.RelativeTo != "a" || got.RelativeName.ZH != "甲" {
		t.Errorf("relative target = %+v, want relative_to a with the name 甲", got)
	}
	tests = append(tests, []struct {
		name string
		src  string
		want string
		zh   string
	}{
		// Line 18 is the target of b; "      - {" puts the brace in column 9, so
		// relative_to's value starts in column 9 + len("{year: 2025, kind: growth, relative_to: ") = 49.
		{"relative to an unknown indicator", rel("{year: 2025, kind: growth, relative_to: gpd, value: 0, bound: min}"),
			`p.yaml:18:49: indicators.b.targets[0].relative_to: unknown indicator "gpd"`, `p.yaml:18:49: indicators.b.targets[0].relative_to: 未知的指标"gpd"`},
		{"relative to a misspelt indicator", rel("{year: 2025, kind: growth, relative_to: aa, value: 0}"),
			`did you mean "a"?`, `是否想写 "a"？`},
		{"relative to itself", rel("{year: 2025, kind: growth, relative_to: b, value: 0}"),
			`p.yaml:18:49: indicators.b.targets[0].relative_to: a target cannot be relative to its own indicator "b"`, `p.yaml:18:49: indicators.b.targets[0].relative_to: 目标不能相对它自己的指标"b"设定`},
		{"relative level target", rel("{year: 2025, kind: level, relative_to: a, value: 0}"),
			`p.yaml:18:48: indicators.b.targets[0].relative_to: only a growth target can be relative to another indicator, not a level target`, `p.yaml:18:48: indicators.b.targets[0].relative_to: 只有增速目标可以相对另一指标设定，level目标不行`},
		{"relative_to not text", rel("{year: 2025, kind: growth, relative_to: [a], value: 0}"),
			`p.yaml:18:49: indicators.b.targets[0].relative_to: expected text, got a list`, `p.yaml:18:49: indicators.b.targets[0].relative_to: 应为文字，实为列表`},
		{"misspelt relative_to", rel("{year: 2025, kind: growth, relativ_to: a, value: 0}"),
			`unknown key "relativ_to"; did you mean "relative_to"?`, `未知的键"relativ_to"；是否想写 "relative_to"？`},
	}...)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("p.yaml", []byte(tc.src))
			var ps yamlcheck.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("err = %v, want yamlcheck.Problems", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("message:\n%s\nwant it to contain:\n%s", err, tc.want)
			}
			for _, p := range ps {
				if p.MsgZH == "" || !bilingual.SameNumbers(p.MsgZH, p.Msg) {
					t.Errorf("%s: Chinese %q, English %q: want both, with the same numbers", p.Key, p.MsgZH, p.Msg)
				}
			}
			if !strings.Contains(ps.In("zh"), tc.zh) {
				t.Errorf("in Chinese:\n%s\nwant it to contain:\n%s", ps.In("zh"), tc.zh)
			}
		})
	}
}

// FuzzParse: no input makes the plan loader panic.
func FuzzParse(f *testing.F) {
	for _, id := range IDs() {
		src, _ := Source(id)
		f.Add(src[:min(len(src), 1500)])
	}
	f.Add([]byte("a: &a [*a, *a]\nb: *a\n"))
	f.Add([]byte("indicators: {x: 1}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("fuzz.yaml", data)
		if err == nil && p == nil {
			t.Fatal("nil plan without error")
		}
		if err == nil {
			_, _ = model.Project(p, nil)
		}
	})
}

// The optional short names (short, short_en) are read for chart rows.
func TestShortNames(t *testing.T) {
	p, err := Parse("short.yaml", []byte(`id: test
title: {zh: 测试, en: Test}
base_year: 2020
target_year: 2025
indicators:
  - id: a
    name: 每千人口拥有3岁以下婴幼儿托位数
    name_en: Childcare places for children under three per 1000 people
    short: 婴幼儿托位
    short_en: Childcare places
    unit: 个
    section: 第一章第一节
    baseline: {year: 2020, value: 1}
    targets:
      - {year: 2025, kind: level, value: 2}
`))
	if err != nil {
		t.Fatal(err)
	}
	if s := p.Indicators[0].Short; s.ZH != "婴幼儿托位" || s.EN != "Childcare places" {
		t.Errorf("short = %+v, want 婴幼儿托位 / Childcare places", s)
	}
}
