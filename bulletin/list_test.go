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
		{"items naming the indicator are sentences (listed, as before lists were read)", "2023年江津区统计公报\n主要指标\n1、地区生产总值:1401.59亿元\n2、常住人口:133.45万人\n", 0,
			nil, nil, 2},
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
