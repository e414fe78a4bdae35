package extract

import (
	"reflect"
	"testing"
)

func TestParseCell(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Cell
	}{
		{"6以上", Cell{Value: 6, HasValue: true, Bound: "min"}},
		{"5左右", Cell{Value: 5, HasValue: true, Bound: "approx"}},
		{"[25]", Cell{Value: 25, HasValue: true, Bracket: true, Bound: "none"}},
		{"〔13.5〕", Cell{Value: 13.5, HasValue: true, Bracket: true, Bound: "none"}},
		{"下降[38]", Cell{Value: 38, HasValue: true, Bracket: true, Bound: "none", Reduction: true}},
		{"<5.5", Cell{Value: 5.5, HasValue: true, Bound: "max"}},
		{"≥95", Cell{Value: 95, HasValue: true, Bound: "min"}},
		{"100%", Cell{Value: 100, HasValue: true, Bound: "none"}},
		{"市下达", Cell{Delegated: true, Bound: "none"}},
		{"保持在合理区间、各年度视情提出", Cell{Delegated: true, Bound: "none"}},
		{"—", Cell{Empty: true, Bound: "none"}},
		{"", Cell{Empty: true, Bound: "none"}},
		{"60.6*", Cell{Value: 60.6, HasValue: true, Bound: "none", Note: "脚注*"}},
		{"21(口径调整)", Cell{Value: 21, HasValue: true, Bound: "none", Note: "口径调整"}},
		{"不低于55", Cell{Value: 55, HasValue: true, Bound: "min"}},
		{"10以内", Cell{Value: 10, HasValue: true, Bound: "max"}},
	} {
		got := ParseCell(tc.in)
		tc.want.Text = tc.in
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseCell(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func TestSplitName(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want rowName
	}{
		{"地区生产总值年均增速(%)(可比价)", rowName{Name: "地区生产总值", Unit: "%", Price: "comparable", Metric: "growth"}},
		{"人均地区生产总值(万元,2020年价)", rowName{Name: "人均地区生产总值", Unit: "万元", Price: "2020", Metric: "level"}},
		{"规模以上工业增加值年均增速(%", rowName{Name: "规模以上工业增加值", Unit: "%", Metric: "growth"}},
		{"常住人口城镇化率提升幅度(百分点)", rowName{Name: "常住人口城镇化率", Unit: "百分点", Metric: "change"}},
		{"单位地区生产总值能耗降低率(%", rowName{Name: "单位地区生产总值能耗", Unit: "%", Metric: "reduction"}},
		{"每千人口拥有执业(助理)医师数(人)", rowName{Name: "每千人口拥有执业(助理)医师数", Unit: "人", Metric: "level"}},
		{"国家考核断面水质优良比例(%)(不低于上游来水水质)", rowName{Name: "国家考核断面水质优良比例", Unit: "%", Metric: "level", Note: "不低于上游来水水质"}},
		{"二氧化硫(削减率)(%", rowName{Name: "二氧化硫", Unit: "%", Metric: "reduction"}},
		{"城乡居民收入比", rowName{Name: "城乡居民收入比", Metric: "level"}},
		{"万人发明有效专利拥有量(件/万人)", rowName{Name: "万人发明有效专利拥有量", Unit: "件/万人", Metric: "level"}},
	} {
		if got := splitName(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitName(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func TestChineseNumbers(t *testing.T) {
	for in, want := range map[string]int{"二〇三五": 2035, "二〇二五": 2025, "三五": 0, "十四": 0} {
		if got := cnYear(in); got != want {
			t.Errorf("cnYear(%q) = %d, want %d", in, got, want)
		}
	}
	for in, want := range map[string]int{"十四": 14, "十": 10, "二十": 20, "一百": 100, "十五": 15, "九": 9, "x": 0} {
		if got := cnNumber(in); got != want {
			t.Errorf("cnNumber(%q) = %d, want %d", in, got, want)
		}
	}
}
