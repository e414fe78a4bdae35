package bulletin

import (
	"strings"
	"testing"
)

// Lists of places under a heading that names the indicator. The texts are
// fixtures in the shape of real ones (testdata/measure/census-2020-districts.txt
// is the real one); the census figures are those of the 7th census as that
// page gives them.
func TestList(t *testing.T) {
	census := "重庆各区人口\n重庆各区人口:(第七次全国人口普查数据)\n13、长寿区:692960\n14、江津区:1359611\n15、合川区:1245294\n"
	cases := []struct {
		name   string
		text   string
		year   int
		want   []want
		review []string // words the review of each figure holds; none: no review
		warns  int
	}{
		{"a census list without units: persons, the census's year, review", census, 0,
			[]want{{"population", 2020, Level, "135.9611", ""}}, []string{"第七次全国人口普查", "11月1日"}, 0},
		{"the heading's unit and year", "各区县主要指标\n2023年各区县地区生产总值(亿元)\n1、江津区:1401.59\n2、永川区:1300.10\n", 0,
			[]want{{"gdp", 2023, Level, "1401.59", "current"}}, nil, 0},
		{"the item's own unit", "2023年江津区统计公报\n各区县常住人口\n1、江津区:133.45万人\n", 0,
			[]want{{"population", 2023, Level, "133.45", ""}}, nil, 0},
		{"the plan's place is not in the list", strings.Replace(census, "14、江津区:1359611\n", "", 1), 0,
			nil, nil, 0},
		{"no unit for money: listed, not read", "2023年江津区统计公报\n各区县地区生产总值\n1、江津区:1401.59\n", 0,
			nil, nil, 1},
		{"a qualified name is another indicator", "2023年江津区统计公报\n各区县城镇常住人口\n1、江津区:83.99万人\n", 0,
			nil, nil, 0},
		{"items naming the indicator are sentences, read with the number dropped", "2023年江津区统计公报\n主要指标\n1、地区生产总值:1401.59亿元\n2、常住人口:133.45万人\n", 0,
			[]want{{"gdp", 2023, Level, "1401.59", "current"}, {"population", 2023, Level, "133.45", ""}}, nil, 0},
		{"a heading with a figure is a sentence, not a list's heading", "2023年江津区统计公报\n全区常住人口133.45万人。\n1、江津区:1359611\n", 0,
			[]want{{"population", 2023, Level, "133.45", ""}}, nil, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := readText(t, "x.txt", c.text, c.year)
			check(t, r.Figures, c.want)
			for _, f := range r.Figures {
				if len(c.review) == 0 && f.Review != "" {
					t.Errorf("%s: review %q, want none", f.ID, f.Review)
				}
				for _, w := range c.review {
					if !strings.Contains(f.Review, w) {
						t.Errorf("%s: review %q, want it to hold %q", f.ID, f.Review, w)
					}
				}
				if f.Line == 0 || f.Doc != "x.txt" {
					t.Errorf("%s: source %s:%d", f.ID, f.Doc, f.Line)
				}
			}
			if len(r.Warnings) != c.warns {
				t.Errorf("%d warnings, want %d: %+v", len(r.Warnings), c.warns, r.Warnings)
			}
		})
	}
}

// Numbered items that name an indicator with its figure, as a bulletin's
// 主要指标 summary or a repost lists them, are read as sentences with the
// number dropped. The figures are Jiangjin's of 2023 as its bulletin
// states them (testdata/jiangjin-2023.txt: 地区生产总值1401.59亿元, 比上年增长
// 7.0%; 常住人口133.45万人); the list around them is a fixture.
func TestNumberedItems(t *testing.T) {
	const head = "2023年江津区国民经济和社会发展统计公报\n主要指标\n"
	cases := []struct {
		name   string
		text   string
		want   []want
		review string // the review the figures carry, "" for none
		warns  int
	}{
		{"1、 with a colon", "1、地区生产总值:1401.59亿元\n2、常住人口:133.45万人\n",
			[]want{{"gdp", 2023, Level, "1401.59", "current"}, {"population", 2023, Level, "133.45", ""}}, "", 0},
		{"(一) with growth: comparable prices for value added", "(一)地区生产总值:1401.59亿元,比上年增长7.0%\n",
			[]want{{"gdp", 2023, Level, "1401.59", "current"}, {"gdp", 2023, Growth, "7.0", "comparable"}}, "", 0},
		{"一、 without a colon", "一、地区生产总值1401.59亿元\n", []want{{"gdp", 2023, Level, "1401.59", "current"}}, "", 0},
		{"1. and (2)", "1.地区生产总值1401.59亿元\n(2)常住人口133.45万人\n",
			[]want{{"gdp", 2023, Level, "1401.59", "current"}, {"population", 2023, Level, "133.45", ""}}, "", 0},
		{"the unit in brackets after the name", "1、地区生产总值(亿元):1401.59\n2、常住人口(万人) 133.45\n",
			[]want{{"gdp", 2023, Level, "1401.59", "current"}, {"population", 2023, Level, "133.45", ""}}, "", 0},
		{"the item's own year", "1、2022年常住人口135.38万人\n", []want{{"population", 2022, Level, "135.38", ""}}, "", 0},
		{"a unit converted", "3、人均地区生产总值:104274元\n", []want{{"gdp_per_capita", 2023, Level, "10.4274", "current"}}, "", 0},
		{"a doubt keeps its review", "1、地区生产总值约1401亿元\n", []want{{"gdp", 2023, Level, "1401", "current"}}, "约数", 0},
		{"a target is listed, not read", "1、地区生产总值力争达到1500亿元\n", nil, "", 1},
		{"part of a year is listed, not read", "1、地区生产总值:1—9月完成1001.2亿元\n", nil, "", 1},
		{"a qualified name is another indicator", "2、城镇常住人口:83.99万人\n", nil, "", 0},
		{"a number is no item's", "1.5、地区生产总值1401.59亿元\n", nil, "", 1},
		{"a numbered heading is no item", "一、综合\n全年实现地区生产总值1401.59亿元。\n", []want{{"gdp", 2023, Level, "1401.59", "current"}}, "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := readText(t, "x.txt", head+c.text, 0)
			check(t, r.Figures, c.want)
			for _, f := range r.Figures {
				if c.review == "" && f.Review != "" || !strings.Contains(f.Review, c.review) {
					t.Errorf("%s: review %q, want %q", f.ID, f.Review, c.review)
				}
				if numberRe.MatchString(f.Clause) {
					t.Errorf("%s: clause %q keeps the item's number", f.ID, f.Clause)
				}
			}
			if len(r.Warnings) != c.warns {
				t.Errorf("%d warnings, want %d: %+v", len(r.Warnings), c.warns, r.Warnings)
			}
		})
	}
}
