package report

import (
	"flag"
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
		Attribute: model.Binding, Direction: model.Up, Group: model.Text{ZH: "绿色生态", EN: "Green development"}, No: 23}
	income = &model.Indicator{ID: "income", Name: model.Text{ZH: "人均可支配收入", EN: "Disposable income per capita"}, Unit: model.Text{ZH: "万元", EN: "10k yuan"},
		Attribute: model.Expected, Direction: model.Up, Group: model.Text{ZH: "民生福祉", EN: "Well-being"}, No: 11}
	days = &model.Indicator{ID: "good_days", Name: model.Text{ZH: "空气质量优良天数", EN: "Days with good air"}, Unit: model.Text{ZH: "天", EN: "days"},
		Attribute: model.Binding, Direction: model.Up, Group: model.Text{ZH: "绿色生态", EN: "Green development"}, No: 24}
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
	for _, want := range []string{"8项目标", "1项提前实现，2项快于预期，2项基本符合预期，2项滞后，1项数据不足", "森林覆盖率、空气质量优良天数存在完不成的风险"} {
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
