package bulletin

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"fyp/document"
	"fyp/seeds"
	"fyp/seeds/vocabulary"

	"fyp/internal/bilingual"
)

func plan14(t *testing.T) []Indicator {
	t.Helper()
	p, err := seeds.Load("jiangjin-14")
	if err != nil {
		t.Fatal(err)
	}
	return IndicatorsOf(p, vocabulary.Default())
}

func readText(t *testing.T, name, text string, year int) *Result {
	t.Helper()
	d, err := document.Read(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Read(d, Options{Indicators: plan14(t), Year: year, Place: "重庆市江津区"})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func readFile(t *testing.T, path string, year int) *Result {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return readText(t, path, string(b), year)
}

// want is one expected figure: the key and the value as written.
type want struct {
	id     string
	year   int
	metric string
	text   string
	basis  string
}

func check(t *testing.T, got []Figure, wants []want) {
	t.Helper()
	for _, w := range wants {
		n := 0
		for _, f := range got {
			if f.ID == w.id && f.Year == w.year && f.Metric == w.metric {
				n++
				if f.Text != w.text || f.PriceBasis != w.basis {
					t.Errorf("%s %d %s = %s (%s), want %s (%s); clause 「%s」", w.id, w.year, w.metric, f.Text, f.PriceBasis, w.text, w.basis, f.Clause)
				}
			}
		}
		if n != 1 {
			t.Errorf("%s %d %s: %d figures, want 1", w.id, w.year, w.metric, n)
		}
	}
	if len(got) != len(wants) {
		for _, f := range got {
			t.Logf("got %s %d %s %s 「%s」", f.ID, f.Year, f.Metric, f.Text, f.Clause)
		}
		t.Errorf("%d figures, want %d", len(got), len(wants))
	}
}

// The 2023 bulletin's 一、综合, verbatim (testdata/jiangjin-2023.txt): every
// figure a reader takes for the plan's indicators, and nothing else (the
// sectors' value added, 城镇常住人口, 户籍人口 and prices are not indicators
// of the plan).
func TestJiangjin2023(t *testing.T) {
	r := readFile(t, "testdata/jiangjin-2023.txt", 0)
	if r.Year != 2023 {
		t.Errorf("year %d, want 2023 (the title)", r.Year)
	}
	check(t, r.Figures, []want{
		{"gdp", 2023, Level, "1401.59", "current"},
		{"gdp", 2023, Growth, "7.0", "comparable"},
		{"service_share", 2023, Level, "33.9", ""},
		{"gdp_per_capita", 2023, Level, "10.4274", "current"},
		{"gdp_per_capita", 2023, Growth, "8.1", "comparable"},
		{"population", 2023, Level, "133.45", ""},
		{"urbanization_rate", 2023, Level, "62.94", ""},
		{"urbanization_rate", 2022, Level, "62.00", ""},
	})
	for _, f := range r.Figures {
		if f.Line == 0 || f.Clause == "" || f.Doc != "jiangjin-2023.txt" {
			t.Errorf("%s %d: no source (%s:%d 「%s」)", f.ID, f.Year, f.Doc, f.Line, f.Clause)
		}
		if f.ID == "urbanization_rate" && f.Year == 2022 && (!f.Derived || !strings.Contains(f.How, "derived")) {
			t.Errorf("urbanization 2022 is not marked derived: %+v", f)
		}
		if f.ID == "gdp_per_capita" && f.Metric == Level && !strings.Contains(f.How, "104274元") {
			t.Errorf("per-capita GDP: the conversion is not noted: %q", f.How)
		}
	}
}

func TestIdioms(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []want
	}{
		{"decline", "2023年江津区统计公报\n全年规模以上工业增加值比上年下降2.5%。", []want{{"industrial_va", 2023, Growth, "-2.5", "comparable"}}},
		{"reduce", "2023年江津区统计公报\n单位地区生产总值能耗比上年减少3.1%。", []want{{"energy_intensity", 2023, Growth, "-3.1", ""}}},
		{"times", "2023年江津区统计公报\n全年开行西部陆海新通道江津班列比上年增长1.5倍。", []want{{"corridor_trains", 2023, Growth, "150", ""}}},
		{"yuan to 万元", "2023年江津区统计公报\n人均地区生产总值达104274元。", []want{{"gdp_per_capita", 2023, Level, "10.4274", "current"}}},
		{"人 to 万人", "2023年江津区统计公报\n年末全区常住人口1334500人。", []want{{"population", 2023, Level, "133.45", ""}}},
		{"亿美元", "2023年江津区统计公报\n全年实际利用外资2.35亿美元,增长12.0%。", []want{
			{"fdi", 2023, Level, "2.35", "current"}, {"fdi", 2023, Growth, "12.0", "current"}}},
		{"万美元 to 亿美元", "2023年江津区统计公报\n全年实际利用外资23500万美元。", []want{{"fdi", 2023, Level, "2.35", "current"}}},
		{"income nominal and real", "2023年江津区统计公报\n全年全体居民人均可支配收入38625元,比上年增长5.6%,扣除价格因素实际增长5.9%。", []want{
			{"income", 2023, Level, "38625", "current"}, {"income", 2023, Growth, "5.9", "comparable"}}},
		{"年末 share", "2023年江津区统计公报\n年末全区森林覆盖率达到55.1%,比上年末提高0.3个百分点。", []want{
			{"forest_coverage", 2023, Level, "55.1", ""}, {"forest_coverage", 2022, Level, "54.8", ""}}},
		{"提高到 is a level", "2023年江津区统计公报\n全区森林覆盖率提高到55.1%。", []want{{"forest_coverage", 2023, Level, "55.1", ""}}},
		{"work report five years", "2021年江津区政府工作报告\n过去五年,地区生产总值年均增长8.9%,常住居民人均可支配收入年均增长9.6%。", []want{
			{"gdp", 2020, AvgGrowth, "8.9", "comparable"}, {"income", 2020, AvgGrowth, "9.6", "current"}}},
		{"十三五 span", "2021年江津区政府工作报告\n“十三五”时期,地区生产总值年均增长8.9%。", []want{{"gdp", 2020, AvgGrowth, "8.9", "comparable"}}},
		{"sentence year", "江津区概况\n2022年全年实现地区生产总值1330.02亿元,按不变价格计算,比上年增长3.2%。", []want{
			{"gdp", 2022, Level, "1330.02", "current"}, {"gdp", 2022, Growth, "3.2", "comparable"}}},
		// a work report of 2024 speaks of 2023; its targets are not outcomes
		{"work report year", "2024年江津区政府工作报告\n过去一年,全区地区生产总值增长7.0%。2024年主要预期目标是:地区生产总值增长6%左右。", []want{
			{"gdp", 2023, Growth, "7.0", "comparable"}}},
		{"absolute change", "2022年重庆市统计公报\n年末全市常住人口3213.34万人,比上年增加0.91万人。", []want{
			{"population", 2022, Level, "3213.34", ""}, {"population", 2021, Level, "3212.43", ""}}},
		{"absolute change converted", "2022年统计公报\n全区人均生产总值达91243元,比上年增加14545元。", []want{
			{"gdp_per_capita", 2022, Level, "9.1243", "current"}, {"gdp_per_capita", 2021, Level, "7.6698", "current"}}},
		{"air days", "2023年江津区生态环境状况公报\n全年城区空气质量优良天数318天。", []want{{"good_air_days", 2023, Level, "318", ""}}},
		{"qualified names are not the indicator", "2023年江津区统计公报\n其中城镇常住人口83.99万人。城镇常住居民人均可支配收入50000元。", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := readText(t, "x.txt", c.text, 0)
			check(t, r.Figures, c.want)
		})
	}
}

func TestFiveYearFrom(t *testing.T) {
	r := readText(t, "r.txt", "2021年江津区政府工作报告\n过去五年,地区生产总值年均增长8.9%。", 0)
	if len(r.Figures) != 1 || r.Figures[0].From != 2015 || r.Figures[0].Year != 2020 {
		t.Fatalf("got %+v, want gdp avg_growth 2015→2020", r.Figures)
	}
}

func TestReview(t *testing.T) {
	r := readText(t, "r.txt", "2023年江津区统计公报\n年末全区常住人口约133万人。", 0)
	if len(r.Figures) != 1 || r.Figures[0].Review == "" {
		t.Fatalf("got %+v, want one figure marked review", r.Figures)
	}
}

func TestBreak(t *testing.T) {
	r := readText(t, "r.txt", "2021年江津区统计公报\n根据第七次全国人口普查结果,年末全区常住人口135.7万人。", 0)
	if len(r.Figures) != 1 || r.Figures[0].Break != "break" {
		t.Fatalf("got %+v, want the census break marked", r.Figures)
	}
}

func TestWarnings(t *testing.T) {
	r := readText(t, "r.txt", "2023年江津区统计公报\n地区生产总值比2020年增长20.5%。", 0)
	if len(r.Figures) != 0 || len(r.Warnings) != 1 {
		t.Fatalf("figures %+v warnings %+v, want one warning and no figure", r.Figures, r.Warnings)
	}
}

func TestNoYear(t *testing.T) {
	d, _ := document.Read("x.txt", []byte("江津区概况\n全年实现地区生产总值1401.59亿元。"))
	if _, err := Read(d, Options{Indicators: plan14(t)}); err != ErrNoYear {
		t.Fatalf("err %v, want ErrNoYear", err)
	}
}

func TestShift(t *testing.T) {
	for _, c := range []struct {
		in   string
		k    int
		want string
	}{{"104274", -4, "10.4274"}, {"1334500", -4, "133.45"}, {"1.5", 2, "150"}, {"23500", -4, "2.35"}, {"0.5", -4, "0.00005"}, {"-2.5", 0, "-2.5"}} {
		if got := shift(c.in, c.k); got != c.want {
			t.Errorf("shift(%s, %d) = %s, want %s", c.in, c.k, got, c.want)
		}
	}
}

// A file that is not a bulletin but a million figures is refused before it
// fills memory.
func TestTooMany(t *testing.T) {
	text := "2023年统计公报\n" + strings.Repeat("年末全区常住人口133.45万人。", MaxFigures+10)
	d, err := document.Read("big.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Read(d, Options{Indicators: plan14(t)})
	if !errors.Is(err, ErrTooMany) {
		t.Fatalf("err %v, want ErrTooMany", err)
	}
	zh := bilingual.In(err, "zh")
	if want := fmt.Sprintf("一份公报或报告中的数据过多：到第2行，规划指标的数据已超过%d个", MaxFigures); zh != want || !bilingual.SameNumbers(zh, err.Error()) {
		t.Errorf("Chinese %q, want %q with the numbers of %q", zh, want, err)
	}
}

// The refusals say the same facts in Chinese and English.
func TestRefusalWordings(t *testing.T) {
	for _, e := range []*bilingual.Error{ErrNoYear, ErrTooMany} {
		if e.ZH == e.EN || !bilingual.SameNumbers(e.ZH, e.EN) {
			t.Errorf("%q and %q: want two wordings of the same facts", e.ZH, e.EN)
		}
	}
}

// A plan without per-capita GDP (jiangjin-13) must not take 人均地区生产总值
// for 地区生产总值: 人均地区 is no place name.
func TestPerCapitaIsNotGDP(t *testing.T) {
	d, _ := document.Read("x.txt", []byte("2023年统计公报\n人均地区生产总值达104274元,比上年增长8.1%。全年江州区生产总值1975798万元。"))
	ind := []Indicator{{ID: "gdp", Unit: "亿元", Names: []string{"地区生产总值", "生产总值"}, Money: true, Real: true}}
	r, err := Read(d, Options{Indicators: ind})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Figures) != 1 || r.Figures[0].Text != "197.5798" {
		t.Fatalf("got %+v, want only 江州区生产总值 197.5798", r.Figures)
	}
}
