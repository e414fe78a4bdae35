package bulletin

import (
	"strings"
	"testing"

	"fyp/document"
	"fyp/seeds"
	"fyp/seeds/vocabulary"
)

// The sentences below are made up in the shape of real ones (the real ones
// are in testdata/measure and TestMeasure): each reads the figures listed,
// and lists on stderr, as Warnings holding the words given, what it does
// not read.
func TestScope(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		year  int
		want  []want
		warns [][]string // one warning for each, holding these words
	}{
		// A place standing as the subject before the indicator's name.
		{"place before a name that names the district", "2023年江津区统计公报\n珞璜港全年开行西部陆海新通道江津班列612列。", 0,
			[]want{{"corridor_trains", 2023, Level, "612", ""}}, nil},
		{"sub-area subject, level and growth", "江津区概况\n2022年,江津综保区开行西部陆海新通道江津班列300列,比上年增长20.0%。", 0,
			[]want{{"corridor_trains", 2022, Level, "300", ""}, {"corridor_trains", 2022, Growth, "20.0", ""}}, nil},
		{"place and a verb before a shorter name", "2023年江津区统计公报\n德感街道开行西部陆海新通道江津班列45列。", 0,
			[]want{{"corridor_trains", 2023, Level, "45", ""}}, nil},
		{"a part of the district is not the district", "2023年江津区统计公报\n德感街道实现地区生产总值85.6亿元,比上年增长6.1%。", 0,
			nil, [][]string{{"德感街道", "地区生产总值85.6亿元,比上年增长6.1%"}}},
		{"the bonded zone's trade is not the district's", "2023年江津区统计公报\n江津综保区实现商品进出口总额420.5亿元。", 0,
			nil, [][]string{{"江津综保区"}}},
		{"a new area is a part, not the district", "2023年江津区统计公报\n双福新区实现规上工业总产值300.2亿元。", 0,
			nil, [][]string{{"双福新区"}}},
		{"an industrial park", "2023年江津区统计公报\n珞璜工业园区完成规模以上工业总产值410.7亿元。", 0,
			nil, [][]string{{"珞璜工业园区"}}},
		{"the district by its full name", "2023年统计公报\n重庆市江津区实现地区生产总值1401.59亿元。", 0,
			[]want{{"gdp", 2023, Level, "1401.59", "current"}}, nil},
		// The document's own place standing as the subject, with or without
		// its rank, or as an area (城中地区): the document's figure, as 全市.
		{"a city's bulletin names the city", "2023年重庆市统计公报\n重庆市地区生产总值为30145.79亿元。", 0,
			[]want{{"gdp", 2023, Level, "30145.79", "current"}}, nil},
		{"a dateline names the place, the sentence drops its rank", "空气质量持续向好\n中新网 重庆5月31日电 2023年,重庆空气质量优良天数为325天。", 2023,
			[]want{{"good_air_days", 2023, Level, "325", ""}}, nil},
		{"the district named in the first line, then as an area", "城中区经济运行\n2023年,城中地区规模以上工业增加值同比增长38.9%。", 2023,
			[]want{{"industrial_va", 2023, Growth, "38.9", "comparable"}}, nil},
		{"the plan's city is not the plan's district", "2023年江津区统计公报\n重庆空气质量优良天数为325天。", 0,
			nil, [][]string{{"重庆"}}},
		{"a region is not the district", "2023年江津区统计公报\n渝西地区规模以上工业增加值同比增长8.0%。", 0,
			nil, [][]string{{"渝西地区"}}},
		{"another city's dateline is not the district's bulletin's", "2023年江津区统计公报\n新华社北京3月5日电 全国空气质量持续改善。北京空气质量优良天数为290天。", 0,
			nil, [][]string{{"北京"}}},
		{"a plan indicator named for its park is its own", "2023年江津区统计公报\n德感工业园规模以上工业总产值503.1亿元。", 0,
			[]want{{"degan_park_output", 2023, Level, "503.1", "current"}}, nil},
		// A name with words before it the reader does not know: listed.
		{"unknown words before a name", "2023年江津区统计公报\n回程开行西部陆海新通道江津班列120列。", 0,
			nil, [][]string{{"回程", "西部陆海新通道江津班列"}}},
		{"a name and a number in clauses apart", "2023年江津区统计公报\n地区生产总值再创新高,总量1401.59亿元。", 0,
			nil, [][]string{{"地区生产总值"}}},
		{"a note's list number is no figure", "2023年江津区统计公报\n2.社会消费品零售总额等指标的年均增速根据历年统计增速计算。", 0,
			nil, nil},
		// Qualified names are other indicators: neither read nor listed.
		{"qualified names", "2023年江津区统计公报\n其中城镇常住人口83.99万人。全年城镇新增就业人员3万人。农村常住居民人均可支配收入21000元。", 0,
			nil, nil},

		// Part of a year, running totals: never a year's figure.
		{"截至 a date in the year, 累计", "江津新闻\n截至2024年9月30日,西部陆海新通道江津班列累计开行800列,同比增长40.2%。", 2024,
			nil, [][]string{{"截至2024年9月30日", "同比增长40.2%"}}},
		{"1—9月", "2024年江津区统计月报\n1—9月,全区规模以上工业增加值同比增长8.3%。", 2024,
			nil, [][]string{{"1—9月"}}},
		{"1-9月 with a hyphen", "2024年江津区统计月报\n1-9月全区规模以上工业增加值同比增长8.3%。", 2024,
			nil, [][]string{{"1-9月"}}},
		{"前三季度", "2024年江津区经济运行\n前三季度,全区实现地区生产总值1050.3亿元,同比增长6.5%。", 2024,
			nil, [][]string{{"前三季度"}}},
		{"上半年", "2024年江津区政府工作报告\n上半年,全区地区生产总值增长5.8%。", 2024,
			nil, [][]string{{"上半年"}}},
		{"一季度", "江津新闻\n一季度,全区地区生产总值实现320.1亿元。", 2024,
			nil, [][]string{{"一季度"}}},
		{"前10个月", "江津新闻\n前10个月,全区开行西部陆海新通道江津班列520列。", 2024,
			nil, [][]string{{"前10个月"}}},
		{"a month's end", "江津新闻\n9月末,全区常住人口133.6万人。", 2024,
			nil, [][]string{{"9月末"}}},
		{"a running total over years", "2023年江津区统计公报\n累计开行西部陆海新通道江津班列1344列。", 0,
			nil, [][]string{{"累计"}}},
		{"至此", "江津新闻\n至此,西部陆海新通道江津班列开行达到500列。", 2022,
			nil, [][]string{{"至此"}}},
		{"今年以来", "江津新闻\n今年以来,全区开行西部陆海新通道江津班列400列。", 2024,
			nil, [][]string{{"今年以来"}}},
		{"a part-year title", "2023年1—10月江津区主要经济指标\n全区地区生产总值完成1100.2亿元。", 2023,
			nil, [][]string{{"1—10月"}}},
		{"a part-year structure", "2024年江津区经济运行\n前三季度,三次产业结构比为9.0:55.1:35.9。", 2024,
			nil, [][]string{{"前三季度"}}},

		// The whole year, however said.
		{"全年累计", "2023年江津区统计公报\n全年累计开行西部陆海新通道江津班列612列。", 0,
			[]want{{"corridor_trains", 2023, Level, "612", ""}}, nil},
		{"1—12月", "2024年江津区统计月报\n1—12月,全区规模以上工业增加值同比增长5.1%。", 2024,
			[]want{{"industrial_va", 2024, Growth, "5.1", "comparable"}}, nil},
		{"12月末", "江津新闻\n2023年12月末,全区常住人口133.45万人。", 2024,
			[]want{{"population", 2023, Level, "133.45", ""}}, nil},
		{"截至 the year's end, and its year", "江津新闻\n截至2023年底,全区森林覆盖率达55.1%。", 2024,
			[]want{{"forest_coverage", 2023, Level, "55.1", ""}}, nil},
		{"a part-year comparison after the year's figures", "2023年江津区统计公报\n全年实现地区生产总值1401.59亿元,比上年增长7.0%,增速比前三季度提高0.5个百分点。", 0,
			[]want{{"gdp", 2023, Level, "1401.59", "current"}, {"gdp", 2023, Growth, "7.0", "comparable"}}, [][]string{{"前三季度"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := readText(t, "x.txt", c.text, c.year)
			check(t, r.Figures, c.want)
			if len(r.Warnings) != len(c.warns) {
				t.Errorf("%d warnings, want %d:", len(r.Warnings), len(c.warns))
				for _, w := range r.Warnings {
					t.Logf("  %s 「%s」", w.Msg, w.Clause)
				}
				return
			}
			for i, words := range c.warns {
				for _, word := range words {
					if w := r.Warnings[i]; !strings.Contains(w.Msg+"「"+w.Clause+"」", word) {
						t.Errorf("warning %q 「%s」 does not say %q", w.Msg, w.Clause, word)
					}
				}
			}
		})
	}
}

// Whoever runs the trains, the Jiangjin trains are the district's: the
// name names the plan's place, so a place before it does not narrow it.
func TestLocal(t *testing.T) {
	want := map[string]bool{"corridor_trains": true, "bonded_zone_manufacturing_output": true, "gdp": false, "trade": false, "industrial_output": false}
	for _, in := range plan14(t) {
		if w, ok := want[in.ID]; ok && in.Local != w {
			t.Errorf("%s: Local %v, want %v (names %v)", in.ID, in.Local, w, in.Names)
		}
	}
	for _, c := range []struct{ region, want string }{
		{"重庆市江津区", "江津"}, {"江津区", "江津"}, {"重庆市", "重庆"}, {"广西壮族自治区南宁市良庆区", "良庆"}, {"", ""}, {"区", ""},
	} {
		if got := localName(c.region); got != c.want {
			t.Errorf("localName(%s) = %q, want %q", c.region, got, c.want)
		}
	}
}

// BenchmarkLongSentence reads one sentence of 20,000 clauses, one clause
// of 20,000 names and one sentence naming an indicator in each of 5,000
// clauses (a PDF without full stops): linear in the sentence, so
// well under a second each (0.2–0.3 s on the project machine, 2026-12-02;
// before each clause's index and each sentence's years were found once:
// 1.5, 2.2 and 26 s for clauses, names and named clauses).
func BenchmarkLongSentence(b *testing.B) {
	ind := []Indicator(nil)
	for name, text := range map[string]string{
		"clauses": "常住人口5万人" + strings.Repeat(",增长1%", 20000),
		"names":   strings.Repeat("常住人口", 20000) + "5万人",
		"unknown": strings.Repeat("回程常住人口,", 20000) + "5万人",
		// an indicator named in each of 5,000 clauses: 26 s when each
		// clause rescanned the sentence for its year
		"named": strings.Repeat("全年实现地区生产总值1401.59亿元,比上年增长7.0%,", 5000),
	} {
		b.Run(name, func(b *testing.B) {
			if ind == nil {
				p, err := seeds.Load("jiangjin-14")
				if err != nil {
					b.Fatal(err)
				}
				ind = IndicatorsOf(p, vocabulary.Default())
			}
			d, err := document.Read("x.txt", []byte("2023年公报\n"+text))
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := Read(d, Options{Indicators: ind, Year: 2023}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
