package bulletin

import (
	"strings"
	"testing"
)

// The idioms of the texts read blind (testdata/measure, TestMeasure), one
// case each, in the texts' own phrasing: every figure expected and no
// other, with its review mark; warn is the number of warnings.
func TestBlindIdioms(t *testing.T) {
	type fig struct {
		want
		review bool
	}
	cases := []struct {
		name string
		text string
		want []fig
		warn int
	}{
		{"traditional characters", "2023年江津區統計公報\n全年實現地區生產總值1401.59億元,比上年增長7.0%。", []fig{
			{want{"gdp", 2023, Level, "1401.59", "current"}, false}, {want{"gdp", 2023, Growth, "7.0", "comparable"}, false}}, 0},
		{"pinyin after each character", "2023年江津區統計(tǒng)公報(bào)\n全年實(shí)現(xiàn)地區(qū)生產(chǎn)總值1401.59億元。", []fig{
			{want{"gdp", 2023, Level, "1401.59", "current"}, false}}, 0},
		{"run-in heading", "2022年统计公报\n人口年末常住人口94.9万人,比上年末增加0.1万人。", []fig{
			{want{"population", 2022, Level, "94.9", ""}, false}, {want{"population", 2021, Level, "94.8", ""}, false}}, 0},
		{"、增长 after a level", "2023年统计公报\n全区地区生产总值完成1500.5亿元、增长6.1%。", []fig{
			{want{"gdp", 2023, Level, "1500.5", "current"}, false}, {want{"gdp", 2023, Growth, "6.1", "comparable"}, false}}, 0},
		{"预计(下同) marks what follows", "2024年政府工作报告\n全年预计(下同)完成地区生产总值760亿元(含港务区)、增长5.6%;一般公共预算收入32.7亿元;社会消费品零售总额425亿元。", []fig{
			{want{"gdp", 2023, Level, "760", "current"}, true}, {want{"gdp", 2023, Growth, "5.6", "comparable"}, true},
			{want{"retail_sales", 2023, Level, "425", "current"}, true}}, 0},
		{"预计 heading a sentence, 左右 after a figure", "江津区政府工作报告\n预计全市地区生产总值增长4%左右,社会消费品零售总额增长2.5%左右。", []fig{
			{want{"gdp", 2023, Growth, "4", "comparable"}, true}, {want{"retail_sales", 2023, Growth, "2.5", "current"}, true}}, 0},
		{"按常住人口计算 before the name", "2023年统计公报\n按当年常住人口计算的人均生产总值为30.39万元, 较上年提高2.45万元。", []fig{
			{want{"gdp_per_capita", 2023, Level, "30.39", "current"}, false}, {want{"gdp_per_capita", 2022, Level, "27.94", "current"}, false}}, 0},
		{"a revised year inside the sentence", "2022年统计公报\n按照我国地区生产总值统一核算制度,最终计算2021年全县生产总值现价总量为972846万元,按可比价格计算,比上年增长9.6%,三次产业增加值结构为5.5:50.6∶43.9。", []fig{
			{want{"gdp", 2021, Level, "97.2846", "current"}, false}, {want{"gdp", 2021, Growth, "9.6", "comparable"}, false},
			{want{"service_share", 2021, Level, "43.9", ""}, false}}, 0},
		{"two-year average after a semicolon", "2022年统计公报\n全县实现生产总值951435万元,比上年下降4.1%;与2020年相比,两年平均增长2.5%。", []fig{
			{want{"gdp", 2022, Level, "95.1435", "current"}, false}, {want{"gdp", 2022, Growth, "-4.1", "comparable"}, false},
			{want{"gdp", 2022, AvgGrowth, "2.5", "comparable"}, false}}, 0},
		{"比2021年 is the previous year", "2022年统计公报\n全县实现生产总值212.49亿元,比2021年增长1.3%。", []fig{
			{want{"gdp", 2022, Level, "212.49", "current"}, false}, {want{"gdp", 2022, Growth, "1.3", "comparable"}, false}}, 0},
		{"由2019年的…调整为", "2020年统计公报\n三次产业结构由2019年的4.6:45.7:49.7调整为5.1:42.5:52.4。", []fig{
			{want{"service_share", 2020, Level, "52.4", ""}, false}, {want{"service_share", 2019, Level, "49.7", ""}, false}}, 0},
		{"share of GDP named in its clause", "2022年统计公报\n民营经济占GDP的比重为66.2%,较上年下降0.8个百分点。", []fig{
			{want{"private_economy_share", 2022, Level, "66.2", ""}, false}, {want{"private_economy_share", 2021, Level, "67.0", ""}, false}}, 0},
		{"的比重 and 与上年持平", "2023年统计公报\n第三产业增加值占地区生产总值的比重为97.6%, 与上年持平。", []fig{
			{want{"service_share", 2023, Level, "97.6", ""}, false}, {want{"service_share", 2022, Level, "97.6", ""}, false}}, 0},
		{"市场主体, not the new ones", "2023年统计公报\n至年末, 全区登记在册的各类市场主体69800户。全年新设各类市场主体11126户。", []fig{
			{want{"market_entities", 2023, Level, "6.98", ""}, false}}, 0},
		{"R&D占GDP比重", "2022年统计公报\nR&D占GDP比重达到4.51%。", []fig{{want{"rd_intensity", 2022, Level, "4.51", ""}, false}}, 0},
		{"粮食作物播种面积 after 其中:", "2022年统计公报\n全年农作物播种面积324.3万亩,其中:粮食作物播种面积221.0万亩,增长2.0%。", []fig{
			{want{"grain_area", 2022, Level, "221.0", ""}, false}, {want{"grain_area", 2022, Growth, "2.0", ""}, false}}, 0},
		{"占全区经济总量 is no place", "2023年统计公报\n民营经济增加值1120.21亿元,增长7.5%,占全区经济总量的60.0%。", []fig{
			{want{"private_economy_share", 2023, Level, "60.0", ""}, false}}, 0},
		{"拉动 GDP is a contribution", "2023年统计公报\n第二产业增加值180.18亿元,对全区地区生产总值的贡献率为76.18%,拉动地区生产总值增长12.26个百分点。", nil, 0},
		{"城镇常住人口's share is the urbanization rate", "2023年统计公报\n年末全省常住人口3865万人,比上年末增加9万人。其中,城镇常住人口2162.08万人,占年末常住人口的比重为55.94%,比上年末提高1.13个百分点。", []fig{
			{want{"population", 2023, Level, "3865", ""}, false}, {want{"population", 2022, Level, "3856", ""}, false},
			{want{"urbanization_rate", 2023, Level, "55.94", ""}, false}, {want{"urbanization_rate", 2022, Level, "54.81", ""}, false}}, 0},
		{"城镇户籍人口's share is not", "2023年统计公报\n其中城镇户籍人口255423人,占户籍总人口比重为61.68%。", nil, 0},
		{"生猪出栏 in 万头", "2022年统计公报\n全年生猪出栏94.38万头,比上年增长15.06%。", []fig{
			{want{"pig_slaughter", 2022, Level, "94.38", ""}, false}, {want{"pig_slaughter", 2022, Growth, "15.06", ""}, false}}, 0},
		{"a paragraph's period covers its later sentences", "2023年统计公报\n前三季度,全区实现工业增加值452亿元,同比增长7.9%。规上工业总产值1410亿元。实现建筑业增加值126.4亿元,增长8.9%。\n全年实现地区生产总值1401.59亿元。", []fig{
			{want{"gdp", 2023, Level, "1401.59", "current"}, false}}, 2},
		{"累计 covers its sentence only", "2023年统计公报\n累计投入47亿元环保资金。全区森林覆盖率达到55.12%。", []fig{
			{want{"forest_coverage", 2023, Level, "55.12", ""}, false}}, 0},
		{"another district of a list is not the plan's", "重庆各区人口\n5、九龙坡区:2021年,九龙坡区常住人口152.90万人。\n6、江津区:2021年,江津区常住人口135.38万人。", []fig{
			{want{"population", 2021, Level, "135.38", ""}, false}}, 1},
		{"an integer percentage in news is rounded", "江津日报\n全区森林覆盖率达到53%。", []fig{
			{want{"forest_coverage", 2023, Level, "53", ""}, true}}, 0},
		{"全年开行量达到", "江津日报\n2024年,西部陆海新通道江津班列全年开行量达到1804列。", []fig{
			{want{"corridor_trains", 2024, Level, "1804", ""}, false}}, 0},
		{"环境空气质量, days as d, 比2020年减少", "江津区大气污染特征\n2021年,江津区环境空气质量优良天数291 d,比2020年减少20 d。", []fig{
			{want{"good_air_days", 2021, Level, "291", ""}, false}, {want{"good_air_days", 2020, Level, "311", ""}, false}}, 0},
		{"a PDF's text: spaces inside words", "2024年统计公报\n按常住人口计算,全年人均地区生 产总值 133421 元,比上年增长 5.6%。年末全区常住人口 154.83 万人,其中,城镇人口 146.05 万 人,占常住人口比重(常住人口城镇化率)为 94.33%,比上年 末提高 0.05 个百分点。", []fig{
			{want{"gdp_per_capita", 2024, Level, "13.3421", "current"}, false}, {want{"gdp_per_capita", 2024, Growth, "5.6", "comparable"}, false},
			{want{"population", 2024, Level, "154.83", ""}, false},
			{want{"urbanization_rate", 2024, Level, "94.33", ""}, false}, {want{"urbanization_rate", 2023, Level, "94.28", ""}, false}}, 0},
		{"a table run into the text", "2024年统计公报\n比重(%) 地区生产总值 2060.35 6.0 100.0 第三产业 1469.26 7.5 71.3 年末全区常住人口 154.83 万人。", []fig{
			{want{"population", 2024, Level, "154.83", ""}, false}}, 1}, // the row 地区生产总值 2060.35 6.0 is listed
		{"总数", "2024年统计公报\n全年新增市场主体 3.96 万户,年末市场主体总数 26.40 万户。", []fig{
			{want{"market_entities", 2024, Level, "26.40", ""}, false}}, 0},
		{"公顷 and 千公顷 to 万亩", "2024年统计公报\n粮食作物播种面积2744公顷,增长1.3%。\n2020年全年粮食播种面积22.46千公顷。", []fig{
			{want{"grain_area", 2024, Level, "4.116", ""}, false}, {want{"grain_area", 2024, Growth, "1.3", ""}, false},
			{want{"grain_area", 2020, Level, "33.69", ""}, false}}, 0},
		{"较上年同期", "2023年统计公报\n全区完成地区生产总值327.03亿元,按可比价计算,较上年同期增长16.1%。", []fig{
			{want{"gdp", 2023, Level, "327.03", "current"}, false}, {want{"gdp", 2023, Growth, "16.1", "comparable"}, false}}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			year := 0
			if !strings.Contains(strings.SplitN(c.text, "\n", 2)[0], "年") {
				year = 2023
			}
			r := readText(t, "x.txt", c.text, year)
			var ws []want
			for _, w := range c.want {
				ws = append(ws, w.want)
			}
			check(t, r.Figures, ws)
			for _, w := range c.want {
				for _, f := range r.Figures {
					if f.ID == w.id && f.Year == w.year && f.Metric == w.metric && (f.Review != "") != w.review {
						t.Errorf("%s %d %s: review %q, want marked %v", f.ID, f.Year, f.Metric, f.Review, w.review)
					}
				}
			}
			if len(r.Warnings) != c.warn {
				for _, w := range r.Warnings {
					t.Logf("warning: %s 「%s」", w.Msg, w.Clause)
				}
				t.Errorf("%d warnings, want %d", len(r.Warnings), c.warn)
			}
		})
	}
}

// A traditional text's figures say they were read in simplified characters.
func TestTraditionalNoted(t *testing.T) {
	r := readText(t, "x.txt", "2023年江津區統計公報\n全年實現地區生產總值1401.59億元。\n年末全区常住人口133.45万人。", 0)
	for _, f := range r.Figures {
		if noted := strings.Contains(f.How, "繁体"); noted != (f.ID == "gdp") {
			t.Errorf("%s: how %q", f.ID, f.How)
		}
	}
	if len(r.Figures) != 2 {
		t.Errorf("got %d figures, want 2", len(r.Figures))
	}
}
