package extract

import (
	"fmt"
	"strings"
	"testing"

	"fyp/document"
	"fyp/internal/bilingual"
)

// The idioms of chapter sentences, each read into one target; a sentence
// restating a main-table row is kept as a note on the row, not a second
// target.
func TestChapterIdioms(t *testing.T) {
	text := strings.Join([]string{
		"某县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要",
		"第一章 发展目标",
		"第一节 主要目标",
		"专栏 某县“十四五”主要指标",
		"序号", "指标名称", "2020年", "2025年", "属性",
		"1", "森林覆盖率(%)", "50", "54", "约束性",
		"到2025年,森林覆盖率达54%。",
		"第二章 产业发展",
		"第一节 工业",
		"到2025年,地区生产总值年均增长6.5%以上,社会消费品零售总额突破300亿元。",
		"城市公共供水管网漏损率控制在9%以内。",
		"新增高速公路里程40公里。",
		"力争五年累计招商引资到位资金800亿元左右。",
		"每千人口医疗卫生机构床位数达7张。",
		"常住人口城镇化率提高5个百分点。",
		"万元地区生产总值用水量下降15%。",
		"农田灌溉水有效利用系数提高到0.55。",
		"二〇三五年远景目标。展望二〇三五年,人均地区生产总值在2020年基础上再翻一番,人均预期寿命达到80岁以上;基本建成法治政府。",
	}, "\n\n")
	doc, err := document.Read("plan.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		year  int
		kind  string
		value float64
		bound string
	}
	wants := map[string]want{
		"gdp":                         {2025, "growth", 6.5, "min"},
		"retail_sales":                {2025, "level", 300, "min"},
		"water_pipe_leakage_rate":     {2025, "level", 9, "max"},
		"expressway_length":           {2025, "change", 40, "none"},
		"investment_attracted":        {2025, "cumulative", 800, "approx"},
		"hospital_beds_per_1000":      {2025, "level", 7, "none"},
		"urbanization_rate":           {2025, "change", 5, "none"},
		"water_use_per_gdp":           {2025, "reduction", 15, "none"},
		"irrigation_water_efficiency": {2025, "level", 0.55, "none"},
		"gdp_per_capita":              {2035, "multiple", 2, "none"},
		"life_expectancy":             {2035, "level", 80, "min"},
	}
	got := map[string]*Indicator{}
	for _, ind := range res.Plan.Indicators {
		got[ind.ID] = ind
	}
	for id, w := range wants {
		ind := got[id]
		if ind == nil {
			t.Errorf("%s: not found", id)
			continue
		}
		if len(ind.Targets) != 1 {
			t.Errorf("%s: %d targets, want 1", id, len(ind.Targets))
			continue
		}
		tg := ind.Targets[0]
		if tg.Year != w.year || tg.Kind != w.kind || *tg.Value != w.value || tg.Bound != w.bound {
			t.Errorf("%s: got %d %s %g %s, want %+v", id, tg.Year, tg.Kind, *tg.Value, tg.Bound, w)
		}
		if ind.Section == "" || ind.Quote == "" {
			t.Errorf("%s: section %q, quote %q", id, ind.Section, ind.Quote)
		}
	}
	fc := got["forest_coverage"]
	if fc == nil || len(fc.Targets) != 1 || !strings.Contains(fc.Note, "第一章第一节重申") {
		t.Errorf("forest_coverage: the restatement should be a note on the row, got %+v", fc)
	}
	if len(res.Plan.Qualitative) != 1 || res.Plan.Qualitative[0].Text != "基本建成法治政府" {
		t.Errorf("qualitative = %+v, want one goal 基本建成法治政府", res.Plan.Qualitative)
	}
}

// A plan numbering its headings 一、 and (一) instead of 第N章第M节.
func TestListHeadings(t *testing.T) {
	text := "某镇“十四五”规划\n\n一、发展基础\n\n五年来,全镇生产总值达到50亿元。\n\n二、发展目标\n\n(一)经济发展\n\n到2025年,全镇地区生产总值年均增长7%左右。\n"
	doc, err := document.Read("plan.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(doc, Options{TargetYear: 2025})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Plan.Indicators) != 1 {
		t.Fatalf("%d indicators, want 1 (the review of 发展基础 holds results, not targets)", len(res.Plan.Indicators))
	}
	ind := res.Plan.Indicators[0]
	if ind.ID != "gdp" || ind.Section != "二、(一)" || ind.Targets[0].Kind != "growth" || *ind.Targets[0].Value != 7 {
		t.Errorf("got %s in %q: %+v", ind.ID, ind.Section, ind.Targets[0])
	}
}

// extractIdioms reads a made-up plan of one chapter and returns its
// indicators by id.
func extractIdioms(t *testing.T, sentences ...string) map[string]*Indicator {
	t.Helper()
	text := strings.Join(append([]string{
		"某县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要",
		"第九章 乡村振兴",
		"第一节 现代农业",
	}, sentences...), "\n\n")
	doc, err := document.Read("plan.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(doc, Options{BaseYear: 2020, TargetYear: 2025})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]*Indicator{}
	for _, ind := range res.Plan.Indicators {
		got[ind.ID] = ind
	}
	return got
}

// The names of chapter figures: the words that hide an indicator's name
// (a list closed by 等, two verbs joined by 并, a part in brackets) and
// the verbs that make a count a flow. Each sentence is made up in the
// idiom of a county plan; the ids are those of the shipped vocabulary.
func TestChapterNameIdioms(t *testing.T) {
	type want struct {
		kind  string
		value float64
		bound string
	}
	cases := []struct {
		name, sentence, id string
		want               want
	}{
		{"a list closed by 等 names the quoted term", "蔬菜、水果和茶叶等有效期“两品一标”稳定120个以上。", "certified_agri_products", want{"floor", 120, "min"}},
		{"the figure belongs to the verb after 并", "鼓励引进和培育动植物新品种并示范推广新品种12个以上。", "new_varieties_promoted", want{"cumulative", 12, "min"}},
		{"a part in brackets takes its parent's name and reading", "柑橘种植面积稳定在20万亩(晚熟8万亩)。", "late_citrus_area", want{"floor", 8, "none"}},
		{"a class in words after a time, not a part", "到2025年,规模工业总产值迈上“三千亿”级新台阶。", "industrial_output", want{"level", 3000, "min"}},
		{"levels before a name only qualify it", "创建一批国家、市级和区级现代农业产业园12个。", "modern_agri_industrial_parks", want{"level", 12, "none"}},
		{"a list counted as one", "建设具有地方特色的特派员工作站(专家大院)、星创天地4个。", "commissioner_workstations", want{"level", 4, "none"}},
		{"a network named by its lines", "积极争取规划布局城际铁路,形成“7线”铁路网络。", "railway_lines", want{"level", 7, "none"}},
		{"a short figure shares the head of the one before", "肉猪产能保持在60万头、实际出栏稳定在45万头以上。", "pig_slaughter", want{"floor", 45, "min"}},
		{"a class in words: 突破千亿元大关", "全县规模工业总产值突破千亿元大关。", "industrial_output", want{"level", 1000, "min"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := extractIdioms(t, c.sentence)
			ind := got[c.id]
			if ind == nil {
				ids := []string{}
				for id, g := range got {
					ids = append(ids, id+"="+g.Name)
				}
				t.Fatalf("%s: not found; got %v", c.id, ids)
			}
			tg := ind.Targets[len(ind.Targets)-1]
			if tg.Kind != c.want.kind || *tg.Value != c.want.value || tg.Bound != c.want.bound {
				t.Errorf("%s = %s %g %s, want %+v", c.id, tg.Kind, *tg.Value, tg.Bound, c.want)
			}
		})
	}
}

// Counts of things already there are not targets: the rest of a set, and
// the number of the places just listed.
func TestChapterCountsGiven(t *testing.T) {
	got := extractIdioms(t,
		"加快完善甲镇、乙镇、丙镇等3个中心镇的服务功能。",
		"积极推动其余12个小城镇特色化发展。",
		"到2025年,建成示范村100个。")
	if len(got) != 1 {
		names := []string{}
		for _, g := range got {
			names = append(names, g.Name)
		}
		t.Fatalf("got %d indicators %v, want 1 (示范村)", len(got), names)
	}
}

// A growth measured against the economy's is a growth target relative to
// GDP; without GDP in the plan it is kept as words, never dropped.
func TestChapterRelativeGrowth(t *testing.T) {
	got := extractIdioms(t,
		"到2025年,地区生产总值年均增长6%左右,居民人均可支配收入增长与经济增长基本同步。",
		"全员劳动生产率增速不低于经济增速。")
	for id, bound := range map[string]string{"income": "approx", "labour_productivity": "min"} {
		ind := got[id]
		if ind == nil || len(ind.Targets) != 1 {
			t.Fatalf("%s: %+v, want one target", id, ind)
		}
		if tg := ind.Targets[0]; tg.Kind != "growth" || tg.RelativeTo != "gdp" || *tg.Value != 0 || tg.Bound != bound {
			t.Errorf("%s: %+v, want growth relative to gdp, 0, %s", id, *tg, bound)
		}
	}
	doc, err := document.Read("plan.txt", []byte("某县“十四五”规划\n\n第一章 目标\n\n第一节 民生\n\n到2025年,居民人均可支配收入增速不低于经济增速,新建学校3所。\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(doc, Options{BaseYear: 2020, TargetYear: 2025})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Plan.Qualitative) != 1 || res.Plan.Qualitative[0].Text != "居民人均可支配收入增速不低于经济增速" {
		t.Errorf("without gdp: qualitative %+v, want the clause kept as words", res.Plan.Qualitative)
	}
}

// A small count that reads as a range whose dash a copy lost (23 for 2—3)
// is kept as printed and marked for review; other counts are not.
func TestChapterLostDash(t *testing.T) {
	got := extractIdioms(t, "到2025年,建成乡镇养老服务中心23个,新增上市挂牌企业610家,建设乡情陈列馆15个。")
	marked := 0
	for _, ind := range got {
		for _, tg := range ind.Targets {
			switch *tg.Value {
			case 23, 610:
				if !strings.Contains(tg.Review, "丢了连接号") {
					t.Errorf("%s %g: review %q, want the lost dash marked", ind.Name, *tg.Value, tg.Review)
				}
				marked++
			case 15:
				if strings.Contains(tg.Review, "丢了连接号") {
					t.Errorf("%s 15: marked as a lost dash", ind.Name)
				}
			}
		}
	}
	if marked != 2 {
		t.Errorf("%d figures marked, want 2", marked)
	}
}

// TestGarbledYearOnlyATimePhrase: 到2025650亿元 (a copy that lost 年) is
// read as 到2025年650亿元, but the verb of 达到20000亿元 is no year: it was
// read as 达到2000年0亿元, a target of 0 the plan file then failed on.
func TestGarbledYearOnlyATimePhrase(t *testing.T) {
	text := strings.Join([]string{
		"某县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要",
		"第一章 发展目标",
		"第一节 主要目标",
		"到2025年,地区生产总值达到20000亿元。",
		"第二章 产业发展",
		"第一节 工业",
		"德感工业园。规模工业总产值年均增长40亿元,到2025650亿元",
	}, "\n\n")
	doc, err := document.Read("plan.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range res.Plan.Indicators {
		for _, tg := range ind.Targets {
			got = append(got, fmt.Sprintf("%s %d %s %g", ind.Name, tg.Year, tg.Kind, *tg.Value))
		}
	}
	want := []string{"地区生产总值 2025 level 20000", "德感工业园规模工业总产值 2025 level 650"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("targets = %q, want %q", got, want)
	}
}

// TestRestatementsBounded: a document restating a table row without end
// notes a bounded number of restatements on the row (the note grew by one
// quote per restatement, quadratic in time).
func TestRestatementsBounded(t *testing.T) {
	text := strings.Join([]string{
		"某县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要",
		"第一章 发展目标",
		"第一节 主要目标",
		"专栏 某县“十四五”主要指标",
		"序号", "指标名称", "2020年", "2025年", "属性",
		"1", "森林覆盖率(%)", "50", "54", "约束性",
		strings.Repeat("到2025年,森林覆盖率达54%,", 500),
	}, "\n\n")
	doc, err := document.Read("plan.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range res.Plan.Indicators {
		if ind.ID != "forest_coverage" {
			continue
		}
		if n := strings.Count(ind.Note, "重申: "); n != maxRestated || !strings.HasSuffix(ind.Note, "; "+moreRestated) || len(ind.Targets) != 1 {
			t.Errorf("forest_coverage: %d restatements noted, %d targets, note ending %q; want %d, 1 and %q", n, len(ind.Targets), ind.Note[max(0, len(ind.Note)-40):], maxRestated, moreRestated)
		}
		return
	}
	t.Fatal("no forest_coverage")
}

// TestTooManyTargets: a document stating more targets than any plan is
// refused at the line (7: paragraphs are blank-line separated) where the count passes MaxItems, before its plan
// file (some 60 KB of memory an item while written and checked) is built.
func TestTooManyTargets(t *testing.T) {
	var text strings.Builder
	text.WriteString("某县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n\n第一章 发展目标\n\n第一节 主要目标\n\n")
	for i := range MaxItems + 1 {
		fmt.Fprintf(&text, "到2025年,第%d产业园产值达到%d亿元,", i, i+1)
	}
	doc, err := document.Read("plan.txt", []byte(text.String()))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(doc, Options{})
	if err == nil || !strings.Contains(err.Error(), "line 7: over 5000 quantified targets read") || !strings.Contains(bilingual.In(err, "zh"), "第7行：读到的量化目标已超过5000个") {
		t.Fatalf("Extract = %v, %v; want the refusal of over %d targets at line 7", res, err, MaxItems)
	}
}
