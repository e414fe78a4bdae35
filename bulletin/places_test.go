package bulletin

import (
	"strings"
	"testing"
)

// Tables with places as rows and indicators as columns, as a city's
// bulletin prints its districts. Jiangjin's figures are its 2023
// bulletin's (../testdata/jiangjin-2023.txt: 地区生产总值1401.59亿元, 比上年增长
// 7.0%; 常住人口133.45万人); the city's, the other districts' and the
// towns' are fixtures.
func TestPlaceTables(t *testing.T) {
	const city = "2023年重庆市国民经济和社会发展统计公报"
	districts := "TABLE:区县|地区生产总值(亿元)|比上年增长(%)|常住人口(万人)\n全市|30145.79|6.1|3191.43\n永川区|1300.10|6.5|115.00\n江津区|1401.59|7.0|133.45"
	jj := []want{{"gdp", 2023, Level, "1401.59", "current"}, {"gdp", 2023, Growth, "7.0", "comparable"}, {"population", 2023, Level, "133.45", ""}}
	cases := []struct {
		name   string
		blocks []string
		want   []want
		row    string // the row the figures' note names
		review bool
		warns  []string // words of the one warning; none: no warning
	}{
		{"the plan's place's row, the caption's year", []string{city, "表3 2023年各区县主要经济指标", districts}, jj, "江津区", false, nil},
		{"no year: the document's, review", []string{city, "各区县主要经济指标", districts}, jj, "江津区", true, nil},
		{"the indicator's name with 增速, 比上年±%, numbered rows", []string{city, "表3 2023年各区县主要经济指标",
			"TABLE:序号|区县|地区生产总值(亿元)|地区生产总值增速(%)|常住人口(万人)|比上年±%\n1|永川区|1300.10|6.5|115.00|0.1\n2|江津区|1401.59|7.0|133.45|-1.4"},
			[]want{{"gdp", 2023, Level, "1401.59", "current"}, {"gdp", 2023, Growth, "7.0", "comparable"},
				{"population", 2023, Level, "133.45", ""}, {"population", 2023, Growth, "-1.4", ""}}, "江津区", false, nil},
		{"the caption's unit, 总量", []string{city, "表3 2023年各区县地区生产总值(单位:亿元)", "TABLE:地区|地区生产总值总量|增长(%)\n永川区|1300.10|6.5\n江 津 区|1401.59|7.0"},
			[]want{{"gdp", 2023, Level, "1401.59", "current"}, {"gdp", 2023, Growth, "7.0", "comparable"}}, "江津区", false, nil},
		{"without the plan's row: the document's own", []string{"2023年江津区国民经济和社会发展统计公报", "表5 2023年各镇街常住人口",
			"TABLE:镇街|常住人口(万人)\n几江街道|20.01\n德感街道|10.02\n全区|133.45"},
			[]want{{"population", 2023, Level, "133.45", ""}}, "全区", false, nil},
		{"other places only: nothing, no warning", []string{city, "表3 2023年各区县主要经济指标", "TABLE:区县|地区生产总值(亿元)|比上年增长(%)\n永川区|1300.10|6.5\n璧山区|1000.20|6.9"},
			nil, "", false, nil},
		{"part of a year", []string{city, "表3 2023年1-9月各区县主要经济指标", districts}, nil, "", false, []string{"1-9月", "江津区 | 1401.59"}},
		{"another concept's column is not read", []string{city, "表3 2023年各区县主要经济指标", "TABLE:区县|地区生产总值(亿元)|城镇常住人口(万人)\n江津区|1401.59|83.99"},
			[]want{{"gdp", 2023, Level, "1401.59", "current"}}, "江津区", false, nil},
		{"a unit not the plan's", []string{city, "表3 2023年各区县主要经济指标", "TABLE:区县|地区生产总值(亿美元)\n江津区|200.5"}, nil, "", false, []string{"亿美元"}},
		{"two columns of one indicator's level", []string{city, "表3 2023年各区县主要经济指标", "TABLE:区县|地区生产总值(亿元)|地区生产总值总量(亿元)|常住人口(万人)\n江津区|1401.59|1400.1|133.45"},
			[]want{{"population", 2023, Level, "133.45", ""}}, "江津区", false, []string{"「地区生产总值」两列"}},
		{"a header of two rows, merged cells repeated", []string{city, "表3 2023年各区县主要经济指标", "TABLE:区县|地区生产总值|地区生产总值|常住人口(万人)\n区县|总量(亿元)|增长(%)|常住人口(万人)\n江津区|1401.59|7.0|133.45"},
			jj, "江津区", false, nil},
		{"a header with merged cells given once", []string{city, "表3 2023年各区县主要经济指标", "TABLE:区县|地区生产总值\n|总量(亿元)|增长(%)\n江津区|1401.59|7.0"},
			nil, "", false, []string{"合并单元格"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := readBytes(t, "t.docx", wordFile(t, c.blocks...), 0)
			check(t, r.Figures, c.want)
			for _, f := range r.Figures {
				if (f.Review != "") != c.review {
					t.Errorf("%s %d %s: review %q, want review %v", f.ID, f.Year, f.Metric, f.Review, c.review)
				}
				if f.Line == 0 || !strings.Contains(f.How, "行「"+c.row+"」") || !strings.Contains(f.How, "列「") {
					t.Errorf("%s: source line %d, how %q", f.ID, f.Line, f.How)
				}
			}
			if n := min(len(c.warns), 1); len(r.Warnings) != n {
				t.Errorf("%d warnings, want %d: %+v", len(r.Warnings), n, r.Warnings)
			}
			for _, w := range c.warns {
				if len(r.Warnings) == 0 || !strings.Contains(r.Warnings[0].Msg+"「"+r.Warnings[0].Clause+"」", w) {
					t.Errorf("warnings %+v do not say %q", r.Warnings, w)
				}
			}
		})
	}
}

// A repost's table of districts with its cells between |: the same.
func TestPlaceTablePipes(t *testing.T) {
	text := "2023年重庆市国民经济和社会发展统计公报\n表3 2023年各区县主要经济指标\n区县 | 地区生产总值(亿元) | 比上年增长(%) |\n" +
		"永川区 | 1300.10 | 6.5 |\n江津区 | 1401.59 | 7.0 |\n璧山区 | 1000.20 | 6.9 |\n"
	r := readText(t, "x.txt", text, 0)
	check(t, r.Figures, []want{{"gdp", 2023, Level, "1401.59", "current"}, {"gdp", 2023, Growth, "7.0", "comparable"}})
	for _, f := range r.Figures {
		if f.Line != 5 || f.Clause != "江津区 | 1401.59 | 7.0" {
			t.Errorf("%s %s: line %d, clause 「%s」", f.ID, f.Metric, f.Line, f.Clause)
		}
	}
	if len(r.Warnings) != 0 {
		t.Errorf("warnings %+v", r.Warnings)
	}
}
