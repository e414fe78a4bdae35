package bulletin

import (
	"fmt"
	"testing"
)

// expect is a figure a careful reader takes from a document for an
// indicator of jiangjin-14; review says the reading should carry a review
// mark (a rounded or threshold figure).
type expect struct {
	id     string
	year   int
	metric string
	text   string
	from   int
	review bool
}

// TestMeasure counts, on every real text we hold, how many of the figures a
// careful reader takes for the plan's indicators are found and how many
// figures read are wrong (a figure nobody would take, or a different
// value). The counts are asserted, so a change that loses or spoils a
// reading fails here.
func TestMeasure(t *testing.T) {
	docs := []struct {
		file     string
		year     int
		want     []expect
		missed   int // figures known to be missed (listed in the comment)
		warnings int
	}{
		{"testdata/jiangjin-2023.txt", 0, []expect{
			{"gdp", 2023, Level, "1401.59", 0, false}, {"gdp", 2023, Growth, "7.0", 0, false},
			{"service_share", 2023, Level, "33.9", 0, false},
			{"gdp_per_capita", 2023, Level, "10.4274", 0, false}, {"gdp_per_capita", 2023, Growth, "8.1", 0, false},
			{"population", 2023, Level, "133.45", 0, false},
			{"urbanization_rate", 2023, Level, "62.94", 0, false}, {"urbanization_rate", 2022, Level, "62.00", 0, false},
		}, 0, 0},
		{"testdata/jiangjin-2022.txt", 0, []expect{
			{"population", 2022, Level, "135.38", 0, false},
			{"gdp", 2022, Level, "1330.02", 0, false}, {"gdp", 2022, Growth, "3.2", 0, false},
		}, 0, 0},
		// The 2023 work report as a secondary page retells it (the source of the
		// shipped 2022 gross industrial output): 2022年江津实现… names the place
		// without 区; the two 预期目标 sentences are listed, not read.
		{"testdata/measure/jiangjin-2022-report-okwh9.txt", 2022, []expect{
			{"gdp", 2022, Level, "1330", 0, false}, {"gdp", 2022, Growth, "3.2", 0, false},
			{"industrial_output", 2022, Level, "1803", 0, false}, {"industrial_output", 2022, Growth, "7.9", 0, false},
		}, 0, 2},
		// 人均地区生产总值突破1万美元 is a threshold in another currency: not
		// taken (a warning says so).
		{"testdata/measure/jiangjin-13th-cqnews.txt", 2020, []expect{
			{"gdp", 2020, Level, "1100", 0, true}, {"gdp", 2020, AvgGrowth, "8.9", 2015, false},
		}, 0, 1},
		{"testdata/measure/yongchuan-2022-report.txt", 0, []expect{ // the year from 2022年1月8日在…人民代表大会
			{"gdp", 2016, Level, "695.7", 0, false}, {"gdp", 2021, Level, "1144.2", 0, false}, {"gdp", 2021, AvgGrowth, "8.7", 2016, false},
			{"industrial_output", 2016, Level, "742", 0, false}, {"industrial_output", 2021, Level, "1550.2", 0, false}, {"industrial_output", 2021, AvgGrowth, "15.3", 2016, false},
			{"retail_sales", 2016, Level, "308.3", 0, false}, {"retail_sales", 2021, Level, "505.8", 0, false}, {"retail_sales", 2021, AvgGrowth, "13.2", 2016, false},
		}, 0, 0},
		// 全年工业增加值 is all industry, not 规模以上工业增加值: not taken.
		{"testdata/measure/jiangzhou-2019.txt", 0, []expect{
			{"gdp", 2019, Level, "197.5798", 0, false}, {"gdp", 2019, Growth, "9.0", 0, false},
			{"service_share", 2019, Level, "54.9", 0, false}, {"gdp_per_capita", 2019, Level, "5.6898", 0, false},
		}, 0, 0},
		// Read blind (before the reader was changed for them): chongqing 8 of
		// 10 found, 0 wrong (missed 失业率平均为 and 占全市经济总量的);
		// panji 3 of 7 found, 1 wrong (由上年的…调整为… read as this year's).
		{"testdata/measure/chongqing-2022.txt", 0, []expect{
			{"gdp", 2022, Level, "29129.03", 0, false}, {"gdp", 2022, Growth, "2.6", 0, false},
			{"service_share", 2022, Level, "53.0", 0, false},
			{"gdp_per_capita", 2022, Level, "9.0663", 0, false}, {"gdp_per_capita", 2022, Growth, "2.5", 0, false},
			{"private_economy_share", 2022, Level, "59.7", 0, false},
			{"population", 2022, Level, "3213.34", 0, false}, {"population", 2021, Level, "3212.43", 0, false}, // derived: 比上年增加0.91万人
			{"urbanization_rate", 2022, Level, "70.96", 0, false}, {"urbanization_rate", 2021, Level, "70.32", 0, false},
			{"unemployment_surveyed", 2022, Level, "5.4", 0, false},
		}, 0, 0},
		{"testdata/measure/panji-2022.txt", 2022, []expect{
			{"gdp", 2022, Level, "295.4", 0, false}, {"gdp", 2022, Growth, "7.7", 0, false},
			{"service_share", 2022, Level, "20.6", 0, false}, {"service_share", 2021, Level, "23.8", 0, false},
			{"gdp_per_capita", 2022, Level, "9.1243", 0, false}, {"gdp_per_capita", 2021, Level, "7.6698", 0, false}, // derived: 比上年增加14545元
			{"good_air_days", 2022, Level, "272", 0, false}, {"good_air_days", 2021, Level, "243", 0, false}, // derived: 比上年增加29天
			{"energy_intensity", 2022, Growth, "-9.7", 0, false},
		}, 0, 1},
		// Read blind after every change above: liangqing 5 of 5, 0 wrong;
		// the environment section 1 of 3, 0 wrong (missed 41.01 % with a
		// space, and 达标天数 for 优良天数).
		{"testdata/measure/liangqing-2023.txt", 2023, []expect{
			{"gdp", 2023, Level, "420.7422", 0, false}, {"gdp", 2023, Growth, "2.6", 0, false},
			{"service_share", 2023, Level, "70.43", 0, false},
			{"population", 2023, Level, "61.55", 0, false}, {"urbanization_rate", 2023, Level, "86.01", 0, false},
		}, 0, 0},
		{"testdata/measure/district-2022-environment.txt", 2022, []expect{
			{"forest_coverage", 2022, Level, "41.01", 0, false}, {"energy_intensity", 2022, Growth, "-4.43", 0, false},
			{"good_air_days", 2022, Level, "314", 0, false},
		}, 0, 0},
		// Three one-sentence texts on the corridor trains, read blind: 0 of 1
		// found, 1 wrong (536 dropped silently for the place before the
		// name; growth 153.5 for 2023 taken from a January–October running
		// total). The careful reader takes 536 for 2022 (珞璜临港产业城 runs the
		// Jiangjin trains: the name says whose trains they are) and nothing
		// from the others: 截至2023年10月31日…累计 is part of a year and a
		// running total (one warning says so); 至此…开行达到500列 is a running
		// total and names the trains only as 江津班列, which is no name of the
		// vocabulary (so no warning either).
		{"testdata/measure/jiangjin-trains-2022.txt", 2022, []expect{
			{"corridor_trains", 2022, Level, "536", 0, false},
		}, 0, 0},
		{"testdata/measure/jiangjin-trains-2023-ytd.txt", 2023, nil, 0, 1},
		{"testdata/measure/jiangjin-trains-2022-cumulative.txt", 2022, nil, 0, 0},
		// Thirteen texts read blind (2026-12-02), saved and listed here before
		// the reader was changed for them: other districts', counties' and
		// cities' bulletins, work reports and an environment bulletin's news
		// report. Blind: 35 of 75 found, 2 wrong (estimates written without
		// review). Figures marked derived come from 比上年末增加/提高/下降,
		// 较上年提高 or 与上年持平. 大春粮食产量 (the summer harvest only) is
		// listed, not read.
		{"testdata/measure/zhongjiang-2022.txt", 2022, []expect{
			{"population", 2022, Level, "94.9", 0, false}, {"population", 2021, Level, "94.8", 0, false}, // derived
			{"urbanization_rate", 2022, Level, "43.6", 0, false}, {"urbanization_rate", 2021, Level, "42.9", 0, false}, // derived
			{"gdp", 2022, Level, "439.19", 0, false}, {"gdp", 2022, Growth, "3.3", 0, false},
			{"service_share", 2022, Level, "38.4", 0, false},
			{"private_economy_share", 2022, Level, "66.2", 0, false}, {"private_economy_share", 2021, Level, "67.0", 0, false}, // derived
			{"grain_area", 2022, Level, "221.0", 0, false}, {"grain_area", 2022, Growth, "2.0", 0, false},
			{"grain_output", 2022, Level, "80.3", 0, false}, {"grain_output", 2022, Growth, "-2.4", 0, false},
		}, 0, 1},
		{"testdata/measure/yunhe-2022.txt", 0, []expect{
			{"population", 2022, Level, "12.74", 0, false}, {"urbanization_rate", 2022, Level, "74.02", 0, false},
			{"gdp", 2022, Level, "95.1435", 0, false}, {"gdp", 2022, Growth, "-4.1", 0, false}, {"gdp", 2022, AvgGrowth, "2.5", 2020, false},
			{"gdp_per_capita", 2022, Level, "7.4331", 0, false},
			{"service_share", 2022, Level, "47.1", 0, false},
			{"gdp", 2021, Level, "97.2846", 0, false}, {"gdp", 2021, Growth, "9.6", 0, false}, {"service_share", 2021, Level, "43.9", 0, false},
		}, 0, 0},
		// Traditional characters with each character's pinyin after it
		// (國(guó)民經(jīng)濟(jì)); the four quarters' running GDP growth are listed.
		{"testdata/measure/xiangyun-2022.txt", 0, []expect{
			{"gdp", 2022, Level, "212.49", 0, false}, {"gdp", 2022, Growth, "1.3", 0, false},
			{"service_share", 2022, Level, "47.3", 0, false}, {"service_share", 2021, Level, "47.2", 0, false},
			{"private_economy_share", 2022, Level, "65.0", 0, false},
		}, 0, 4},
		// 城中地区规模以上工业增加值同比增长38.9% is the district's own growth
		// (ranked among five districts): 城中区, which the first line names,
		// as an area (missed until the document's own place was known).
		{"testdata/measure/chengzhong-2023.txt", 2023, []expect{
			{"gdp", 2023, Level, "327.03", 0, false}, {"gdp", 2023, Growth, "16.1", 0, false},
			{"industrial_va", 2023, Growth, "38.9", 0, false},
			{"retail_sales", 2023, Level, "115.70", 0, false}, {"retail_sales", 2023, Growth, "17.9", 0, false},
			{"income", 2023, Level, "43269", 0, false}, {"income", 2023, Growth, "3.9", 0, false},
			{"service_share", 2023, Level, "44.79", 0, false},
		}, 0, 0},
		{"testdata/measure/dongbao-2020.txt", 2020, []expect{
			{"gdp", 2020, Level, "356.56", 0, false}, {"gdp", 2020, Growth, "-4.2", 0, false},
			{"service_share", 2020, Level, "52.4", 0, false}, {"service_share", 2019, Level, "49.7", 0, false},
		}, 0, 0},
		{"testdata/measure/jiulongpo-2023.txt", 2023, []expect{
			{"gdp", 2023, Level, "1867.07", 0, false}, {"gdp", 2023, Growth, "6.5", 0, false},
			{"gdp_per_capita", 2023, Level, "12.1404", 0, false}, {"gdp_per_capita", 2023, Growth, "6.1", 0, false},
			{"service_share", 2023, Level, "65.1", 0, false},
			{"private_economy_share", 2023, Level, "60.0", 0, false},
			{"population", 2023, Level, "154.02", 0, false},
			{"urbanization_rate", 2023, Level, "94.28", 0, false}, {"urbanization_rate", 2022, Level, "94.18", 0, false}, // derived
		}, 0, 0}, // the row of 表1 for 地区生产总值 gives the text's figures again (it was listed before tables were read)
		{"testdata/measure/jingan-2023.txt", 0, []expect{
			{"gdp", 2023, Level, "2846.03", 0, false}, {"gdp", 2023, Growth, "7.0", 0, false},
			{"service_share", 2023, Level, "97.6", 0, false}, {"service_share", 2022, Level, "97.6", 0, false}, // derived: 与上年持平
			{"gdp_per_capita", 2023, Level, "30.39", 0, false}, {"gdp_per_capita", 2022, Level, "27.94", 0, false}, // derived
			{"market_entities", 2023, Level, "6.98", 0, false}, // 各类市场主体69800户
		}, 0, 0},
		{"testdata/measure/yuhang-2022-plan-report.txt", 0, []expect{
			{"gdp", 2022, Level, "2651.25", 0, false}, {"gdp", 2022, Growth, "1.0", 0, false},
			{"rd_intensity", 2022, Level, "4.51", 0, false},
		}, 0, 0},
		{"testdata/measure/longgang-2024-report.txt", 2024, []expect{
			{"gdp", 2024, Level, "5901", 0, false}, {"gdp", 2024, Growth, "6.7", 0, false},
			{"industrial_va", 2024, Growth, "9.4", 0, false}, // 规上工业增加值
			{"retail_sales", 2024, Level, "1537.28", 0, false},
		}, 0, 0},
		// 全年预计(下同): every figure after it is an estimate.
		{"testdata/measure/quanshan-2024-report.txt", 0, []expect{
			{"gdp", 2023, Level, "760", 0, true}, {"gdp", 2023, Growth, "5.6", 0, true},
			{"retail_sales", 2023, Level, "425", 0, true},
		}, 0, 0},
		{"testdata/measure/handan-2024-report.txt", 2024, []expect{
			{"gdp", 2024, Level, "4704.3", 0, false}, {"gdp", 2024, Growth, "6.1", 0, false},
			{"industrial_va", 2024, Growth, "9.5", 0, false},
			{"retail_sales", 2024, Growth, "6.5", 0, false},
			{"income", 2024, Growth, "5.9", 0, false},
		}, 0, 1}, // 邯郸数字经济产业园 is listed
		// 城乡居民人均可支配收入分别增长5%和7.5%: urban and rural, not all residents.
		{"testdata/measure/chifeng-2024-report.txt", 2024, []expect{
			{"gdp", 2024, Growth, "4", 0, true},
			{"retail_sales", 2024, Growth, "2.5", 0, true},
		}, 0, 1}, // 工业经济总量…突破2000亿元 is listed
		{"testdata/measure/chongqing-2022-environment.txt", 2022, []expect{
			{"good_air_days", 2022, Level, "332", 0, false},
			{"forest_coverage", 2022, Level, "55.04", 0, false},
		}, 0, 0},
		// Five more texts read blind after every change above (a check):
		// saved and listed here before they were read, 27 of 32 found, none
		// wrong. Then read: 城镇常住人口…,占年末常住人口的比重为55.94% (the
		// urbanization rate), 生猪出栏 for 肉猪出栏量 in 万头.
		{"testdata/measure/mianchi-2022.txt", 2022, []expect{
			{"gdp", 2022, Level, "254.5", 0, false}, {"gdp", 2022, Growth, "5.2", 0, false},
			{"service_share", 2022, Level, "39.8", 0, false},
			{"industrial_va", 2022, Growth, "7.2", 0, false},
		}, 0, 1}, // 增速比2021年减低2.2个百分点 is listed
		{"testdata/measure/guizhou-2023.txt", 2023, []expect{
			{"gdp", 2023, Level, "20913.25", 0, false}, {"gdp", 2023, Growth, "4.9", 0, false},
			{"service_share", 2023, Level, "51.2", 0, false},
			{"gdp_per_capita", 2023, Level, "5.4172", 0, false}, {"gdp_per_capita", 2023, Growth, "4.7", 0, false},
			{"labour_productivity", 2023, Level, "10.8737", 0, false}, {"labour_productivity", 2023, Growth, "4.9", 0, false},
			{"population", 2023, Level, "3865", 0, false}, {"population", 2022, Level, "3856", 0, false}, // derived
			{"urbanization_rate", 2023, Level, "55.94", 0, false}, {"urbanization_rate", 2022, Level, "54.81", 0, false}, // derived
		}, 0, 0},
		{"testdata/measure/county-2021.txt", 2021, []expect{
			{"gdp", 2021, Level, "245.61", 0, false}, {"gdp", 2021, Growth, "8.7", 0, false},
			{"service_share", 2021, Level, "52.6", 0, false},
			{"population", 2021, Level, "70.14", 0, false}, {"urbanization_rate", 2021, Level, "50.13", 0, false},
		}, 0, 0},
		// 重庆空气质量优良天数为325天: the place of the news report's dateline
		// (中新网 重庆5月31日电) without its rank (missed until the document's
		// own place was known).
		{"testdata/measure/chongqing-2023-environment.txt", 2023, []expect{
			{"good_air_days", 2023, Level, "325", 0, false},
		}, 0, 0},
		// The structure is garbled in the page (由202117.4629.04﹕53.50调整为
		// 17.8830.2451.88): nothing to take from it.
		{"testdata/measure/nanzhang-2022.txt", 0, []expect{
			{"gdp", 2022, Level, "378.51", 0, false}, {"gdp", 2022, Growth, "5.1", 0, false},
			{"grain_area", 2022, Level, "118.21", 0, false}, {"grain_area", 2021, Level, "118.18", 0, false}, // derived
			{"grain_output", 2022, Level, "43.81", 0, false}, {"grain_output", 2021, Level, "43.94", 0, false}, // derived
			{"grain_output", 2022, Growth, "-0.3", 0, false},
			{"pig_slaughter", 2022, Level, "94.38", 0, false}, {"pig_slaughter", 2022, Growth, "15.06", 0, false}, // 生猪出栏
			{"aquatic_output", 2022, Level, "1.0124", 0, false}, {"aquatic_output", 2022, Growth, "5.69", 0, false},
		}, 0, 1}, // 农民专业合作社47户 (the plan counts 家) is listed
		// Ten Jiangjin texts another helper collected (/work/wt/excerpts),
		// read blind after every change above: saved and listed here before
		// they were read: 0 of 5 found, 6 wrong. Then read: a paragraph's
		// 前三季度 covers its later sentences; a district named in a list of
		// districts (九龙坡区常住人口…) is not the plan's; an integer
		// percentage in news is marked review; 全年开行量达到; 环境空气质量
		// and days written d. Part-year figures (一季度, 前三季度, 1-11月), running
		// totals (截至2021年底…累计) and a May forecast of the year's harvest
		// (预计可产鲜椒34万吨) are nothing to take.
		{"testdata/measure/jiangjin-trains-2023-jan-nov.txt", 2023, nil, 0, 2},
		{"testdata/measure/jiangjin-pepper-2025-forecast.txt", 2025, nil, 0, 0},
		{"testdata/measure/jiangjin-industry-2023-q1-3.txt", 2023, nil, 0, 0},
		{"testdata/measure/jiangjin-2023-q1-3.txt", 2023, nil, 0, 4},
		{"testdata/measure/jiangjin-trains-2024.txt", 2024, []expect{
			{"corridor_trains", 2024, Level, "1804", 0, false},
		}, 0, 0},
		// 全区森林覆盖率达到53%: a rounded figure, its year not stated (the
		// inspection of late 2024): to be marked review.
		{"testdata/measure/jiangjin-inspection-2025.txt", 2024, []expect{
			{"forest_coverage", 2024, Level, "53", 0, true},
		}, 0, 0},
		{"testdata/measure/jiangjin-trains-2021-cumulative.txt", 2022, nil, 0, 0},
		{"testdata/measure/jiangjin-air-2021.txt", 2021, []expect{
			{"good_air_days", 2021, Level, "291", 0, false}, {"good_air_days", 2020, Level, "311", 0, false}, // derived: 比2020年减少20 d
		}, 0, 0},
		{"testdata/measure/jiangjin-2023-q1.txt", 2023, nil, 0, 1},
		// 江津区:1359611 in a list of the 7th census by district: the
		// population of 1 November 2020, a secondary source, marked review;
		// a number without a unit, read as persons (missed until lists were
		// read). The other districts' sentences are listed as theirs.
		{"testdata/measure/census-2020-districts.txt", 2020, []expect{
			{"population", 2020, Level, "135.9611", 0, true},
		}, 0, 9},
		// Three more read blind at the end, as a last check: saved and listed
		// here before they were read, 22 of 29 found, none wrong; then read:
		// spaces inside words, 总数, 公顷 for 万亩, a table run into the text. district-2024-pdf is a PDF's text as
		// pdftotext gives it: spaces between numbers and units, words broken
		// at line ends (人均地区生 产总值), page numbers (- 2 -).
		{"testdata/measure/longsha-2024.txt", 2024, []expect{
			{"gdp", 2024, Level, "152.8", 0, false}, {"gdp", 2024, Growth, "3.4", 0, false},
			{"service_share", 2024, Level, "83.4", 0, false},
			{"pig_slaughter", 2024, Level, "0.7783", 0, false}, {"pig_slaughter", 2024, Growth, "-12.6", 0, false},
			{"egg_output", 2024, Level, "0.0661", 0, false}, {"egg_output", 2024, Growth, "-53.2", 0, false},
			{"industrial_va", 2024, Growth, "3.6", 0, false},
		}, 0, 0},
		{"testdata/measure/district-2024-pdf.txt", 2024, []expect{
			{"gdp", 2024, Level, "2060.35", 0, false}, {"gdp", 2024, Growth, "6.0", 0, false},
			{"gdp_per_capita", 2024, Level, "13.3421", 0, false}, {"gdp_per_capita", 2024, Growth, "5.6", 0, false},
			{"service_share", 2024, Level, "71.3", 0, false},
			{"population", 2024, Level, "154.83", 0, false},
			{"urbanization_rate", 2024, Level, "94.33", 0, false}, {"urbanization_rate", 2023, Level, "94.28", 0, false}, // derived
			{"market_entities", 2024, Level, "26.40", 0, false},
			{"grain_area", 2024, Level, "4.116", 0, false}, {"grain_area", 2024, Growth, "1.3", 0, false}, // 2744公顷 = 41160亩
			{"grain_output", 2024, Level, "1.1686", 0, false}, {"grain_output", 2024, Growth, "1.5", 0, false},
			{"vegetable_output", 2024, Level, "7.1713", 0, false}, {"vegetable_output", 2024, Growth, "1.3", 0, false},
		}, 0, 1}, // the table's caption (表 1 2024 年分产业地区生产总值…) is listed
		{"testdata/measure/bengbu-2024.txt", 0, []expect{
			{"gdp", 2024, Level, "2313", 0, false}, {"gdp", 2024, Growth, "5.2", 0, false},
			{"service_share", 2024, Level, "56.7", 0, false}, {"service_share", 2023, Level, "54.5", 0, false},
			{"gdp_per_capita", 2024, Level, "7.0908", 0, false}, {"gdp_per_capita", 2024, Growth, "5.9", 0, false},
		}, 0, 0},
	}
	var stated, found, wrong int
	for _, d := range docs {
		r := readFile(t, d.file, d.year)
		f, w := 0, 0
		used := map[int]bool{}
		for _, e := range d.want {
			ok := false
			for i, g := range r.Figures {
				if g.ID == e.id && g.Year == e.year && g.Metric == e.metric && g.From == e.from && g.Text == e.text && (g.Review != "") == e.review {
					ok, used[i] = true, true
				}
			}
			if ok {
				f++
			} else {
				t.Errorf("%s: missed %+v", d.file, e)
			}
		}
		for i, g := range r.Figures {
			if !used[i] {
				w++
				t.Errorf("%s: wrong %s %d %s %s (from %d, review %q) 「%s」", d.file, g.ID, g.Year, g.Metric, g.Text, g.From, g.Review, g.Clause)
			}
		}
		if len(r.Warnings) != d.warnings {
			for _, x := range r.Warnings {
				t.Logf("%s:%d warning: %s 「%s」", d.file, x.Line, x.Msg, x.Clause)
			}
			t.Errorf("%s: %d warnings, want %d", d.file, len(r.Warnings), d.warnings)
		}
		stated += len(d.want) + d.missed
		found += f
		wrong += w
		t.Logf("%s: %d of %d found, %d wrong", d.file, f, len(d.want)+d.missed, w)
	}
	t.Log(fmt.Sprintf("all: %d of %d found, %d wrong", found, stated, wrong))
}
