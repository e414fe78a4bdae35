package report

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyp/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\n got: %s\nwant: %s", name, got, want)
	}
}

// The cases: small reviews built by hand, their numbers worked out here.
var (
	nan    = math.NaN()
	forest = &model.Indicator{ID: "forest_coverage", Name: model.Text{ZH: "森林覆盖率", EN: "Forest coverage"}, Unit: model.Text{ZH: "%", EN: "%"},
		Attribute: model.Binding, Direction: model.Up, Group: model.Text{ZH: "绿色生态", EN: "Green development"}, No: 23,
		Baseline: model.Baseline{Year: 2020, Value: 51.8, Known: true}}
	income = &model.Indicator{ID: "income", Name: model.Text{ZH: "人均可支配收入", EN: "Disposable income per capita"}, Unit: model.Text{ZH: "万元", EN: "10k yuan"},
		Attribute: model.Expected, Direction: model.Up, Group: model.Text{ZH: "民生福祉", EN: "Well-being"}, No: 11,
		Baseline: model.Baseline{Year: 2020, Value: 3, Known: true}}
	days = &model.Indicator{ID: "good_days", Name: model.Text{ZH: "空气质量优良天数", EN: "Days with good air"}, Unit: model.Text{ZH: "天", EN: "days"},
		Attribute: model.Binding, Direction: model.Up, Group: model.Text{ZH: "绿色生态", EN: "Green development"}, No: 24,
		Baseline: model.Baseline{Year: 2020, Value: 311, Known: true}}
	jobs = &model.Indicator{ID: "jobs", Name: model.Text{ZH: "城镇新增就业", EN: "New urban jobs"}, Unit: model.Text{ZH: "万人", EN: "10k persons"},
		Attribute: model.Expected, Direction: model.Up, Group: model.Text{ZH: "民生福祉", EN: "Well-being"}, No: 12}
)

// linearReview is a share target 51.8 (2020) → 54 (2025) observed at x in
// year: task done (x−51.8)/2.2, pace (x−51.8)/(year−2020) a year.
func linearReview(x float64, year int, cat model.Category) model.Review {
	rate := (x - 51.8) / float64(year-2020)
	r := model.Review{Indicator: forest, Target: model.Target{Year: 2025, From: 2020, Kind: model.Level, Value: 54}, AsOf: year, Compared: true,
		Category: cat, Base: 51.8, Goal: 54, Observed: x, ObservedYear: year, Scale: model.ScaleLevel, Measure: model.MeasureLinear,
		TimeElapsed: float64(year-2020) / 5, TaskDone: (x - 51.8) / 2.2, Pace: model.RateUnits, ObservedRate: rate,
		RequiredRate: 2.2 / 5, RequiredRemaining: nan, Multiple: nan, RatioRR: nan, Anticipated: nan}
	if year < 2025 {
		r.RequiredRemaining = (54 - x) / float64(2025-year)
		r.Multiple = r.RequiredRemaining / rate
		r.Anticipated = (x + rate*float64(2025-year) - 51.8) / 2.2
	}
	return r
}

func sentenceCases() []struct {
	name  string
	r     model.Review
	final bool
} {
	// Ahead: 53.3 in 2023: task 1.5/2.2 = 68% against time 60%; pace 0.5 a
	// year reaches 54 in 2025 (53.8 in 2024, 54.3 in 2025).
	ahead := linearReview(53.3, 2023, model.Ahead)
	// On schedule: 53.1 in 2023: task 59%, pace 0.433 reaches only 53.97 by
	// 2025 (AP 0.985); the remaining two years need 0.45 a year, 1.04 times.
	onSchedule := linearReview(53.1, 2023, model.OnSchedule)
	// Lagging: 52.2 in 2023: task 18% against 60%; AP (52.2+0.4/3·2−51.8)/2.2 = 30%.
	lagging := linearReview(52.2, 2023, model.Lagging)
	lagging.AtRisk = true
	// Achieved early: 54.2 in 2023, task 109%.
	achieved := linearReview(54.2, 2023, model.AchievedEarly)
	// Ahead, met early by trend: 53.6 in 2023, pace 0.6 reaches 54.2 in 2024.
	early := linearReview(53.6, 2023, model.Ahead)
	// Compound: income 3.0 (2020) → 4.2 (2025) observed 3.6 in 2023:
	// pace (3.6/3)^(1/3) − 1 = 6.27 %, task ln 1.2 / ln 1.4 = 54%.
	g := 100 * (math.Pow(1.2, 1.0/3) - 1)
	rem := 100 * (math.Pow(4.2/3.6, 0.5) - 1)
	compound := model.Review{Indicator: income, Target: model.Target{Year: 2025, From: 2020, Kind: model.Level, Value: 4.2}, AsOf: 2023, Compared: true,
		Category: model.OnSchedule, Base: 3, Goal: 4.2, Observed: 3.6, ObservedYear: 2023, Scale: model.ScaleLevel, Measure: model.MeasureLog,
		TimeElapsed: 0.6, TaskDone: math.Log(1.2) / math.Log(1.4), Pace: model.RatePct, ObservedRate: g, RequiredRemaining: rem, Multiple: rem / g,
		Anticipated: (3.6*math.Pow(1+g/100, 2) - 3) / 1.2}
	noData := model.Review{Indicator: jobs, Target: model.Target{Year: 2025, From: 2020, Kind: model.Cumulative, Value: 5}, AsOf: 2023,
		Category: model.InsufficientData, Refusal: "no_data", TaskDone: nan, TimeElapsed: nan, Observed: nan, Base: nan, Goal: nan,
		ObservedRate: nan, RequiredRate: nan, RequiredRemaining: nan, Multiple: nan, RatioRR: nan, Anticipated: nan,
		Reason: model.Text{ZH: "文件中没有该指标2023年及以前的观测值；请补充2021—2023年数据", EN: "the file has no observation of this indicator up to 2023; supply the 2021–2023 figures"}}
	floor := model.Review{Indicator: days, Target: model.Target{Year: 2025, From: 2020, Kind: model.Floor, Value: 300}, AsOf: 2023, Compared: true,
		Category: model.Lagging, Measure: model.MeasureBound, Goal: 300, Observed: 318, ObservedYear: 2023, TaskDone: nan, TimeElapsed: 0.6, AtRisk: true,
		Base: 311, ObservedRate: nan, RequiredRate: nan, RequiredRemaining: nan, Multiple: nan, RatioRR: nan, Anticipated: nan,
		Reason: model.Text{ZH: "2022年突破下限 300（2022年为297）", EN: "the floor of 300 was broken in 2022 (2022: 297)"}}
	// Final: 2025 observed. 54.3: completed; 53.9: task 95% ≥ 90%, mostly;
	// 53.0: task 55%, not completed.
	done := linearReview(54.3, 2025, model.AchievedEarly)
	mostly := linearReview(53.9, 2025, model.OnSchedule)
	notDone := linearReview(53.0, 2025, model.Lagging)
	// Final, but the latest figure is 2024's: not evaluated.
	noFinal := linearReview(53.7, 2024, model.Ahead)
	noFinal.AsOf = 2025
	return []struct {
		name  string
		r     model.Review
		final bool
	}{
		{"achieved early", achieved, false}, {"ahead", ahead, false}, {"ahead, met early by trend", early, false},
		{"on schedule", onSchedule, false}, {"lagging", lagging, false}, {"compound", compound, false},
		{"insufficient data", noData, false}, {"floor broken", floor, false},
		{"final completed", done, true}, {"final mostly completed", mostly, true}, {"final not completed", notDone, true},
		{"final, target year not observed", noFinal, true},
	}
}

// TestSentences: one sentence per case, zh and en, against the golden file.
func TestSentences(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		var b strings.Builder
		for _, c := range sentenceCases() {
			b.WriteString(c.name + ": " + Sentence(c.r, c.final, model.DefaultFinalThresholds(), DefaultLabels(lang), lang) + "\n")
		}
		golden(t, "sentences-"+lang+".golden", b.String())
	}
}

// TestSentenceNumbers pins the numbers of the example sentence to
// the review's own: 53.1 in 2023 from 51.8, task (53.1−51.8)/2.2 = 59 %.
func TestSentenceNumbers(t *testing.T) {
	got := Sentence(linearReview(53.1, 2023, model.OnSchedule), false, model.DefaultFinalThresholds(), DefaultLabels("zh"), "zh")
	for _, want := range []string{"森林覆盖率2023年达到53.1%", "比2020年提高1.3个百分点", "任务完成59%", "与时间进度（60%）基本同步", "剩余两年需年均提高0.45个百分点", "1.04倍"} {
		if !strings.Contains(got, want) {
			t.Errorf("sentence %q lacks %q", got, want)
		}
	}
	if strings.ContainsAny(got, "abcdefghijklmnopqrstuvwxyz") {
		t.Errorf("Chinese sentence has Latin text: %q", got)
	}
}

// TestOverall: the 总体评价 of a mid-term review and of a final one.
func TestOverall(t *testing.T) {
	p := &model.Plan{BaseYear: 2020, TargetYear: 2025, Title: model.Text{ZH: "规划", EN: "Plan"}}
	var mid, fin []model.Review
	for _, c := range sentenceCases() {
		if c.final {
			fin = append(fin, c.r)
		} else {
			mid = append(mid, c.r)
		}
	}
	for _, lang := range []string{"zh", "en"} {
		th := model.DefaultFinalThresholds()
		got := Overall(p, &Review{Rows: mid, AsOf: 2023, Final: th}, DefaultLabels(lang), lang) + "\n" +
			Overall(p, &Review{Rows: fin, AsOf: 2025, Final: th}, DefaultLabels(lang), lang) + "\n"
		golden(t, "overall-"+lang+".golden", got)
	}
	zh := Overall(p, &Review{Rows: mid, AsOf: 2023, Final: model.DefaultFinalThresholds()}, DefaultLabels("zh"), "zh")
	// 8 targets: 1 achieved early, 2 ahead, 1+1 on schedule (compound), 2
	// lagging (lagging, floor), 1 insufficient data.
	for _, want := range []string{"目标8项中", "1项提前实现，2项快于预期，2项基本符合预期，2项滞后，1项数据不足", "森林覆盖率、空气质量优良天数存在完不成的风险"} {
		if !strings.Contains(zh, want) {
			t.Errorf("overall %q lacks %q", zh, want)
		}
	}
}

// TestOverallNoFalseAllClear: binding targets without figures are not
// called on track (the shipped figures cover few binding indicators).
func TestOverallNoFalseAllClear(t *testing.T) {
	p := &model.Plan{BaseYear: 2020, TargetYear: 2025}
	var noData model.Review
	for _, c := range sentenceCases() {
		if c.name == "insufficient data" {
			noData = c.r
		}
	}
	ind := *noData.Indicator
	ind.Attribute = model.Binding
	noData.Indicator = &ind
	got := Overall(p, &Review{Rows: []model.Review{noData}, AsOf: 2023, Final: model.DefaultFinalThresholds()}, DefaultLabels("zh"), "zh")
	if strings.Contains(got, "未见完不成的风险") || !strings.Contains(got, "1项约束性指标目标均数据不足，无法判断") {
		t.Errorf("overall = %q; want the binding target without figures said to be unjudged", got)
	}
}

// TestSentenceWording: what a bureau reviewer sent back. A floor held in a
// single year says no 均 and gives the unit with no space (before: "2023年
// 观测值均守住下限 63"); a ratio in 倍 falls by 0.06, not by "0.06倍"; a
// cumulative target needs so much a year (完成), not a rise (提高).
func TestSentenceWording(t *testing.T) {
	grain := &model.Indicator{ID: "grain", Name: model.Text{ZH: "粮食综合生产能力", EN: "Grain capacity"}, Unit: model.Text{ZH: "万吨", EN: "10k t"}, Attribute: model.Binding}
	ratio := &model.Indicator{ID: "ratio", Name: model.Text{ZH: "城乡居民收入比", EN: "Urban-rural income ratio"}, Unit: model.Text{ZH: "倍", EN: "times"}, Direction: model.Down}
	fdi := &model.Indicator{ID: "fdi", Name: model.Text{ZH: "实际利用外资", EN: "FDI"}, Unit: model.Text{ZH: "亿美元", EN: "100 million USD"}, Direction: model.Up}
	held := model.Review{Indicator: grain, Target: model.Target{Year: 2025, From: 2020, Kind: model.Floor, Value: 63}, Compared: true, Category: model.OnSchedule,
		Measure: model.MeasureBound, TaskDone: nan, Reason: model.Text{ZH: "2023年观测值均守住下限 63", EN: "the floor of 63 was held in every observed year (2023)"}}
	fall := model.Review{Indicator: ratio, Target: model.Target{Year: 2025, From: 2020, Kind: model.Level, Value: 1.9}, Compared: true, Category: model.AchievedEarly,
		Measure: model.MeasureLinear, Scale: model.ScaleLevel, Base: 1.92, Observed: 1.86, ObservedYear: 2023, TaskDone: 3, TimeElapsed: 0.6, Pace: model.RateUnits}
	flow := model.Review{Indicator: fdi, Target: model.Target{Year: 2025, From: 2020, Kind: model.Cumulative, Value: 25}, Compared: true, Category: model.Lagging,
		Measure: model.MeasureFlow, Scale: model.ScaleLevel, Observed: 10.9, ObservedYear: 2023, TaskDone: 0.436, TimeElapsed: 0.6, Pace: model.RateFlow,
		ObservedRate: 3.633, RequiredRemaining: 7.05, Multiple: 1.94, Anticipated: 0.73}
	lb := DefaultLabels("zh")
	for _, c := range []struct {
		r    model.Review
		want string
	}{
		{held, "粮食综合生产能力：2023年观测值守住下限63万吨，评价为基本符合预期。"},
		{fall, "城乡居民收入比2023年达到1.86倍，比2020年下降0.06，任务完成300%，已提前实现目标。"},
		{flow, "剩余两年需年均完成7.05亿美元（为近三年速度的1.94倍）。"},
	} {
		if got := Sentence(c.r, false, model.DefaultFinalThresholds(), lb, "zh"); !strings.HasSuffix(got, c.want) {
			t.Errorf("got  %s\nwant …%s", got, c.want)
		}
	}
	// English: units that start with a number in parentheses (before:
	// "totalled 10.9 100 million USD"), a ratio bare, no Chinese aside
	// (before: "set by the city (市下达)").
	energy := &model.Indicator{ID: "energy", Name: model.Text{ZH: "单位地区生产总值能耗", EN: "Energy per unit of GDP"}}
	delegated := model.Review{Indicator: energy, Target: model.Target{Year: 2025, From: 2020, Kind: model.Delegated}, Category: model.InsufficientData,
		Refusal: "delegated", TaskDone: nan, Reason: model.Text{ZH: "目标由市下达", EN: "set by the city (市下达); the plan gives no number: supply the city's target"}}
	en := DefaultLabels("en")
	for _, c := range []struct {
		r    model.Review
		want string
	}{
		{flow, "FDI totalled 10.9 (100 million USD) in 2021–2023"},
		{fall, "Urban-rural income ratio reached 1.86 in 2023, down 0.06 on 2020"},
		{delegated, "Energy per unit of GDP: insufficient data; set by the city; the plan gives no number: supply the city's target."},
	} {
		if got := Sentence(c.r, false, model.DefaultFinalThresholds(), en, "en"); !strings.HasPrefix(got, c.want) {
			t.Errorf("got  %s\nwant %s…", got, c.want)
		}
	}
}

// TestOverallCountsWhatTheTableShows: the 总体评价 counts the main
// table's indicators and rows (before: "主要指标的31项目标" beside a table of
// 29 indicators and 33 target rows), says which it leaves out (the goals
// beyond the plan period) and how many of the insufficient are set by a
// higher level without a value.
func TestOverallCountsWhatTheTableShows(t *testing.T) {
	p := &model.Plan{BaseYear: 2020, TargetYear: 2025}
	a := &model.Indicator{ID: "a", Name: model.Text{ZH: "甲", EN: "A"}}
	b := &model.Indicator{ID: "b", Name: model.Text{ZH: "乙", EN: "B"}}
	c := &model.Indicator{ID: "c", Name: model.Text{ZH: "丙", EN: "C"}}
	row := func(ind *model.Indicator, year int, kind model.Kind) model.Review {
		return model.Review{Indicator: ind, Target: model.Target{Year: year, Kind: kind}, Category: model.InsufficientData,
			AsOf: 2023, RequiredRemaining: math.NaN()}
	}
	rows := []model.Review{row(a, 2025, model.Level), row(a, 2035, model.Multiple), row(b, 2025, model.Delegated), row(c, 2025, model.Level)}
	rv := &Review{Rows: rows, AsOf: 2023}
	zh := Overall(p, rv, DefaultLabels("zh"), "zh")
	for _, want := range []string{"规划纲要主要指标3项、目标4项，其中1项为2035年远景目标，不计入本次评价；规划期内的3项目标中，3项数据不足（数据不足中1项由上级下达，规划未列数值）。"} {
		if !strings.Contains(zh, want) {
			t.Errorf("overall %q lacks %q", zh, want)
		}
	}
	en := Overall(p, rv, DefaultLabels("en"), "en")
	if want := "The main table has 3 indicators and 4 targets, of which the goals beyond the plan period (1 for 2035) are not counted here; of the 3 targets of the plan period, 3 insufficient data (1 of them set by a higher level, with no value in the plan)."; !strings.Contains(en, want) {
		t.Errorf("overall %q lacks %q", en, want)
	}
	// The document's own: as many targets as the main table has rows.
	d := testDocument(t, "zh")
	n := 0
	for _, r := range d.Sections[1].Blocks[0].(*Table).Rows {
		if r.Group == "" {
			n++
		}
	}
	if s := d.Sections[0].Blocks[0].(Paragraph).Text; !strings.Contains(s, fmt.Sprintf("目标%d项", n)) {
		t.Errorf("overall %q does not count the main table's %d rows", s, n)
	}
}

// TestSentencesSayASharedReasonOnce: indicators that lack data for the
// same reason are named in one paragraph (before: the same 数据不足
// sentence 25 times under the groups); an indicator's own reason stays in
// its group; two targets of one indicator with the same sentence share it;
// a group left with no sentence has no heading.
func TestSentencesSayASharedReasonOnce(t *testing.T) {
	g1, g2 := model.Text{ZH: "经济发展", EN: "Economy"}, model.Text{ZH: "民生福祉", EN: "Well-being"}
	ind := func(id, zh string, no int, g model.Text) *model.Indicator {
		return &model.Indicator{ID: id, No: no, Name: model.Text{ZH: zh, EN: id}, Group: g}
	}
	a, b, c, d := ind("a", "甲", 1, g1), ind("b", "乙", 2, g1), ind("c", "丙", 3, g2), ind("d", "丁", 4, g2)
	none := model.Text{ZH: "文件中没有该指标2023年及以前的观测值；请补充2021—2023年数据", EN: "the file has no observation of this indicator up to 2023; supply the 2021–2023 figures"}
	own := model.Text{ZH: "规划未给出2020年基期值", EN: "the plan gives no 2020 base value"}
	row := func(x *model.Indicator, year int, why model.Text) model.Review {
		return model.Review{Indicator: x, Target: model.Target{Year: year, Kind: model.Level, Value: 1}, Category: model.InsufficientData,
			AsOf: 2023, Reason: why, TaskDone: math.NaN(), RequiredRemaining: math.NaN()}
	}
	p := &model.Plan{BaseYear: 2020, TargetYear: 2025, Indicators: []*model.Indicator{a, b, c, d}}
	rv := &Review{AsOf: 2023, Rows: []model.Review{row(a, 2025, none), row(a, 2035, none), row(b, 2025, own), row(c, 2025, none), row(d, 2025, none)}}
	var got []string
	for _, bl := range sentenceBlocks(p, rv, DefaultLabels("zh"), "zh") {
		switch x := bl.(type) {
		case Heading:
			got = append(got, "# "+x.Text)
		case List:
			got = append(got, x.Items...)
		case Paragraph:
			got = append(got, x.Text)
		}
	}
	want := []string{"# 经济发展", "乙：数据不足，规划未给出2020年基期值。", "# 需补充数据的指标",
		"以下3项指标数据不足：甲、丙、丁。文件中没有这些指标2023年及以前的观测值；请补充2021—2023年数据。"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sentences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Two indicators of which one has two targets: the targets share one
	// sentence, which says both.
	rv.Rows = []model.Review{row(a, 2025, own), row(a, 2035, own), row(b, 2025, none)}
	l := sentenceBlocks(p, rv, DefaultLabels("zh"), "zh")
	if len(l) != 2 || len(l[1].(List).Items) != 2 || l[1].(List).Items[0] != "甲（2025年目标1、2035年目标1）：数据不足，规划未给出2020年基期值。" {
		t.Errorf("blocks %v", l)
	}
}

// TestFiguresInTableOrderAndReferred: the charts of one indicator each
// follow the main table's order (before: their file names', 地区生产总值
// ninth), and the text refers to every figure: the figures' section opens
// by saying what each shows, the main table's section points to progress.
func TestFiguresInTableOrderAndReferred(t *testing.T) {
	z := &model.Indicator{ID: "zz", No: 1, Name: model.Text{ZH: "甲", EN: "A"}}
	a := &model.Indicator{ID: "aa", No: 2, Name: model.Text{ZH: "乙", EN: "B"}}
	p := &model.Plan{BaseYear: 2020, TargetYear: 2025, Indicators: []*model.Indicator{a, z}}
	png := []byte("png")
	charts := map[string][]byte{"path-aa.png": png, "path-zz.png": png, "progress.png": png, "headline.png": png, "record.png": png}
	d := Build(Input{Plan: p, Lang: "zh", Labels: DefaultLabels("zh"), Charts: charts,
		Review: &Review{AsOf: 2023, Rows: []model.Review{{Indicator: z, Target: model.Target{Year: 2025, Kind: model.Level, Value: 1}, Category: model.InsufficientData, AsOf: 2023}}}})
	var caps []string
	var intro string
	for _, s := range d.Sections {
		for _, b := range s.Blocks {
			switch x := b.(type) {
			case Figure:
				caps = append(caps, x.Caption)
			case Paragraph:
				if s.ID == "figures" {
					intro = x.Text
				}
			}
		}
	}
	want := []string{"图1  主要指标测算路径", "图2  主要指标任务完成进度与时间进度", "图3  甲：逐年测算路径", "图4  乙：逐年测算路径", "图5  上一规划主要指标完成情况"}
	if strings.Join(caps, "|") != strings.Join(want, "|") {
		t.Errorf("figures %q, want %q", caps, want)
	}
	if want := "图1为主要指标测算路径；图2为主要指标任务完成进度与时间进度；图3—图4为各指标的逐年测算路径（按指标序号）；图5为上一规划主要指标完成情况。"; intro != want {
		t.Errorf("figures' opening %q, want %q", intro, want)
	}
	if s := d.Sections[1].Blocks[0].(Paragraph).Text; !strings.Contains(s, "见图2") {
		t.Errorf("the main table's section says %q, no word of figure 2", s)
	}
}
