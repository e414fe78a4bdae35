package bulletin

import (
	"archive/zip"
	"bytes"
	"html"
	"os"
	"strings"
	"testing"

	"fyp/document"
)

// wordFile builds a minimal Word file: paragraphs, and tables given as
// "TABLE:" and rows split by "\n", cells by "|".
func wordFile(t *testing.T, blocks ...string) []byte {
	t.Helper()
	var body strings.Builder
	for _, b := range blocks {
		if rows, ok := strings.CutPrefix(b, "TABLE:"); ok {
			body.WriteString("<w:tbl>")
			for _, r := range strings.Split(rows, "\n") {
				body.WriteString("<w:tr>")
				for _, c := range strings.Split(r, "|") {
					body.WriteString("<w:tc><w:p><w:r><w:t>" + html.EscapeString(c) + "</w:t></w:r></w:p></w:tc>")
				}
				body.WriteString("</w:tr>")
			}
			body.WriteString("</w:tbl>")
			continue
		}
		body.WriteString("<w:p><w:r><w:t xml:space=\"preserve\">" + html.EscapeString(b) + "</w:t></w:r></w:p>")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readBytes(t *testing.T, name string, data []byte, year int) *Result {
	t.Helper()
	d, err := document.Read(name, data)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Read(d, Options{Indicators: plan14(t), Year: year, Place: "重庆市江津区"})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The real 表1 of Jiulongpo's 2023 bulletin as a web page's table: the row
// 地区生产总值 gives the level and the growth; the sectors' rows name no
// indicator of the plan, the shares are not read.
func TestTableHTML(t *testing.T) {
	b, err := os.ReadFile("testdata/tables/jiulongpo-2023-table1.html")
	if err != nil {
		t.Fatal(err)
	}
	r := readBytes(t, "jiulongpo.html", b, 2023)
	check(t, r.Figures, []want{
		{"gdp", 2023, Level, "1867.07", "current"}, {"gdp", 2023, Growth, "6.5", "comparable"},
		{"private_economy_share", 2023, Level, "60.0", ""},
	})
	if len(r.Figures) != 3 || len(r.Warnings) != 0 {
		t.Errorf("%d figures, %d warnings, want 3 and 0: %+v %+v", len(r.Figures), len(r.Warnings), r.Figures, r.Warnings)
	}
	for _, f := range r.Figures {
		if f.ID != "gdp" {
			continue
		}
		// the source: the file, the <table>'s line, the row and column
		if f.Doc != "jiulongpo.html" || f.Line != 9 || !strings.Contains(f.How, "第2行") || !strings.Contains(f.How, "表1 2023年分产业") ||
			f.Clause != "地区生产总值 | 1867.07 | 6.5 | 100.0" || f.Review != "" {
			t.Errorf("source %s:%d, clause 「%s」, how %q, review %q", f.Doc, f.Line, f.Clause, f.How, f.Review)
		}
	}
}

// Word tables in the shape bulletins print (the figures are Jiangjin's
// 2023 bulletin's, ../testdata/jiangjin-2023.txt, set in a table).
func TestTableDocx(t *testing.T) {
	const title = "2023年江津区国民经济和社会发展统计公报"
	main := "TABLE:指标|单位|绝对数|比上年增长(%)\n地区生产总值|亿元|1401.59|7.0\n人均地区生产总值|元|104274|8.1\n年末常住人口|万人|133.45|-1.4\n其中:城镇常住人口|万人|83.99|0.5\n常住人口城镇化率|%|62.94|0.94"
	cases := []struct {
		name   string
		blocks []string
		year   int
		want   []want
		review bool
		warns  []string // words of the one warning; none: no warning
	}{
		{"a unit column, the caption's year", []string{title, "表1 2023年主要经济指标", main}, 0,
			[]want{{"gdp", 2023, Level, "1401.59", "current"}, {"gdp", 2023, Growth, "7.0", "comparable"},
				{"gdp_per_capita", 2023, Level, "10.4274", "current"}, {"gdp_per_capita", 2023, Growth, "8.1", "comparable"},
				{"population", 2023, Level, "133.45", ""}, {"population", 2023, Growth, "-1.4", ""},
				{"urbanization_rate", 2023, Level, "62.94", ""}}, false, nil},
		{"years as columns, units in the names", []string{"主要经济指标", "TABLE:指标|2023年|2022年|比上年增长(%)\n地区生产总值(亿元)|1401.59|1330.02|7.0"}, 0,
			[]want{{"gdp", 2023, Level, "1401.59", "current"}, {"gdp", 2022, Level, "1330.02", "current"}, {"gdp", 2023, Growth, "7.0", "comparable"}}, false, nil},
		{"a title row inside the table, a unit for all", []string{title, "TABLE:2023年主要经济指标(单位:亿元)\n指标|总量|增速(%)\n1.地区生产总值|1401.59|7.0"}, 0,
			[]want{{"gdp", 2023, Level, "1401.59", "current"}, {"gdp", 2023, Growth, "7.0", "comparable"}}, false, nil},
		{"no year in the table: the document's, review", []string{title, "主要经济指标", "TABLE:指标|单位|绝对数\n地区生产总值|亿元|1401.59"}, 0,
			[]want{{"gdp", 2023, Level, "1401.59", "current"}}, true, nil},
		{"part of a year", []string{title, "2023年1-10月主要经济指标", "TABLE:指标|单位|绝对数\n地区生产总值|亿元|1100.2"}, 0,
			nil, false, []string{"1-10月", "地区生产总值 | 亿元 | 1100.2"}},
		{"targets", []string{"2024年江津区政府工作报告", "2024年主要预期目标", "TABLE:指标|单位|目标\n地区生产总值|亿元|1500"}, 0,
			nil, false, []string{"预期目标"}},
		{"no header", []string{title, "表1 2023年主要经济指标", "TABLE:地区生产总值|1401.59|7.0"}, 0,
			nil, false, []string{"表头"}},
		{"a unit not the plan's", []string{title, "表1 2023年主要经济指标", "TABLE:指标|单位|绝对数\n地区生产总值|亿美元|200.5"}, 0,
			nil, false, []string{"亿美元"}},
		{"a header with merged cells given once", []string{title, "表1 2023年主要经济指标", "TABLE:指标|单位|2023年\n|绝对数|比上年增长(%)\n地区生产总值|亿元|1401.59|7.0"}, 0,
			nil, false, []string{"合并单元格"}},
		{"a whole year's columns of a monthly report", []string{"2023年12月江津区主要经济指标", "TABLE:指标|单位|1-12月|比上年同期增长(%)\n地区生产总值|亿元|1401.59|7.0"}, 0,
			[]want{{"gdp", 2023, Level, "1401.59", "current"}, {"gdp", 2023, Growth, "7.0", "comparable"}}, false, nil},
		{"a month's columns are part of a year", []string{"2023年10月江津区主要经济指标", "TABLE:指标|单位|本月|1-10月|比上年同期增长(%)\n地区生产总值|亿元|100.1|1100.2|6.9"}, 0,
			nil, false, []string{"本月"}},
		{"units in the cells", []string{title, "表1 2023年主要经济指标", "TABLE:指标|总量|增速\n地区生产总值|1401.59亿元|7.0%\n人均地区生产总值|104274元|8.1%"}, 0,
			[]want{{"gdp", 2023, Level, "1401.59", "current"}, {"gdp", 2023, Growth, "7.0", "comparable"},
				{"gdp_per_capita", 2023, Level, "10.4274", "current"}, {"gdp_per_capita", 2023, Growth, "8.1", "comparable"}}, false, nil},
		{"nominal and real growth: the real one", []string{title, "表2 2023年居民人均可支配收入", "TABLE:指标|绝对数(元)|比上年名义增长(%)|扣除价格因素实际增长(%)\n全体居民人均可支配收入|41000|5.6|5.9"}, 0,
			[]want{{"income", 2023, Level, "41000", "current"}, {"income", 2023, Growth, "5.9", "comparable"}}, false, nil},
		{"two columns of levels for one year", []string{title, "表1 2023年主要经济指标", "TABLE:指标|单位|总量|完成数\n地区生产总值|亿元|1401.59|1400.1"}, 0,
			nil, false, []string{"同一年的数值"}},
		{"a plan's table of indicators", []string{"重庆市江津区国民经济和社会发展第十四个五年规划纲要", "TABLE:指标|单位|2020年|2025年|属性\n地区生产总值|亿元|1100|1600|预期性"}, 2023,
			nil, false, []string{"属性"}},
		{"a later year than the document's is not read", []string{title, "表1 主要经济指标", "TABLE:指标|单位|2023年|2024年\n地区生产总值|亿元|1401.59|1500"}, 0,
			[]want{{"gdp", 2023, Level, "1401.59", "current"}}, false, nil},
		{"another concept and another place are not read", []string{title, "表1 2023年主要经济指标", "TABLE:指标|单位|绝对数\n城镇常住人口|万人|83.99\n永川区地区生产总值|亿元|1300.1"}, 0,
			nil, false, []string{"「永川区」"}},
		{"a part of the district is listed", []string{title, "表1 2023年主要经济指标", "TABLE:指标|单位|绝对数\n江津综保区规模以上工业总产值|亿元|420.5"}, 0,
			nil, false, []string{"「江津综保区」"}},
		{"#: of which", []string{title, "表1 2023年主要经济指标", "TABLE:指标|单位|绝对数\n#规模以上工业增加值|亿元|500.1"}, 0,
			[]want{{"industrial_va", 2023, Level, "500.1", "current"}}, false, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := readBytes(t, "t.docx", wordFile(t, c.blocks...), c.year)
			check(t, r.Figures, c.want)
			if len(r.Figures) != len(c.want) {
				t.Errorf("%d figures, want %d: %+v", len(r.Figures), len(c.want), r.Figures)
			}
			for _, f := range r.Figures {
				if (f.Review != "") != c.review {
					t.Errorf("%s %d %s: review %q, want review %v", f.ID, f.Year, f.Metric, f.Review, c.review)
				}
				if f.Line == 0 || !strings.Contains(f.How, "行") {
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

// A page laid out in a table (as government sites' saved pages often are):
// its cells' sentences are read as paragraphs, not as a table's rows.
func TestTableLayout(t *testing.T) {
	page := "<html><body><table><tr><td>首页</td><td>2023年江津区国民经济和社会发展统计公报</td></tr>" +
		"<tr><td></td><td>全年实现地区生产总值1401.59亿元,按不变价格计算,比上年增长7.0%。</td></tr></table></body></html>"
	r := readBytes(t, "x.html", []byte(page), 0)
	check(t, r.Figures, []want{{"gdp", 2023, Level, "1401.59", "current"}, {"gdp", 2023, Growth, "7.0", "comparable"}})
}

// A text's table with its cells between |, as the repost of Jiulongpo's
// bulletin prints its 表1 (testdata/measure/jiulongpo-2023.txt): each row
// is its own line, the source of what it gives.
func TestTablePipes(t *testing.T) {
	text := "2023年九龙坡区国民经济和社会发展统计公报\n表1 2023年分产业地区生产总值、增速及其比重\n指 标 | 绝对量(亿元) | 比上年增长(%) | 比重(%) |\n" +
		"地区生产总值 | 1867.07 | 6.5 | 100.0 |\n第一产业 | 8.18 | 4.3 | 0.4 |\n图1 2019-2023年地区生产总值及其增长速度\n"
	r := readText(t, "x.txt", text, 0)
	check(t, r.Figures, []want{{"gdp", 2023, Level, "1867.07", "current"}, {"gdp", 2023, Growth, "6.5", "comparable"}})
	for _, f := range r.Figures {
		if f.Line != 4 || f.Clause != "地区生产总值 | 1867.07 | 6.5 | 100.0" {
			t.Errorf("%s %s: line %d, clause 「%s」", f.ID, f.Metric, f.Line, f.Clause)
		}
	}
	if len(r.Figures) != 2 || len(r.Warnings) != 0 {
		t.Errorf("%d figures, %d warnings, want 2 and 0: %+v", len(r.Figures), len(r.Warnings), r.Warnings)
	}
	// one line with | is no table: a sentence
	r = readText(t, "x.txt", "2023年江津区统计公报\n地区生产总值 | 1401.59 | 7.0\n", 0)
	if len(r.Figures) != 0 || len(r.Warnings) != 1 {
		t.Errorf("one line: %+v %+v", r.Figures, r.Warnings)
	}
}

// A PDF's table as pdftotext -layout prints it: columns two spaces or more
// apart are read as a table, each row its own line; columns one space apart
// are not clean (a row is listed, as before tables were read).
func TestTableColumns(t *testing.T) {
	r := readFile(t, "testdata/tables/jiulongpo-2023-table1-layout.txt", 2023)
	check(t, r.Figures, []want{{"gdp", 2023, Level, "1867.07", "current"}, {"gdp", 2023, Growth, "6.5", "comparable"},
		{"private_economy_share", 2023, Level, "60.0", ""}})
	for _, f := range r.Figures {
		if f.ID == "gdp" && (f.Line != 6 || f.Clause != "地区生产总值 | 1867.07 | 6.5 | 100.0" || !strings.Contains(f.How, "第2行")) {
			t.Errorf("%s %s: line %d, clause 「%s」, how %q", f.ID, f.Metric, f.Line, f.Clause, f.How)
		}
	}
	if len(r.Figures) != 3 || len(r.Warnings) != 0 {
		t.Errorf("layout: %d figures, %d warnings, want 3 and 0: %+v", len(r.Figures), len(r.Warnings), r.Warnings)
	}
	r = readFile(t, "testdata/tables/jiulongpo-2023-table1-tight.txt", 2023)
	if len(r.Figures) != 1 || len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0].Clause, "地区生产总值") {
		t.Errorf("tight: %+v %+v", r.Figures, r.Warnings)
	}
	// single characters apart are one cell (指  标, 工  业); sentences with
	// wide gaps (justified text) are sentences
	text := "2023年江津区统计公报\n表1  2023年主要指标\n指     标      单位      绝对数      比上年增长(%)\n工     业      亿元      600.5      7.0\n地区生产总值      亿元      1401.59      7.0\n" +
		"人均地区生产总值达104274元,  比上年增长8.1%。  常住人口133.45万人。\n全年粮食产量  54.3万吨,  比上年增长1.0%。  其余从略。\n"
	r = readText(t, "x.txt", text, 0)
	check(t, r.Figures, []want{{"gdp", 2023, Level, "1401.59", "current"}, {"gdp", 2023, Growth, "7.0", "comparable"},
		{"gdp_per_capita", 2023, Level, "10.4274", "current"}, {"gdp_per_capita", 2023, Growth, "8.1", "comparable"},
		{"population", 2023, Level, "133.45", ""}, {"grain_output", 2023, Level, "54.3", ""}, {"grain_output", 2023, Growth, "1.0", ""}})
	for _, f := range r.Figures {
		if f.ID == "gdp" && f.Line != 5 {
			t.Errorf("gdp %s: line %d, want 5 (the row)", f.Metric, f.Line)
		}
	}
}

// Odd tables give nothing and do not panic: empty rows, a header only,
// cells past the header's.
func TestTableOdd(t *testing.T) {
	for _, blocks := range [][]string{
		{"2023年江津区统计公报", "TABLE:"},
		{"2023年江津区统计公报", "TABLE:|\n|"},
		{"2023年江津区统计公报", "TABLE:指标|单位"},
		{"2023年江津区统计公报", "TABLE:指标\n地区生产总值|亿元|1401.59|7.0|1|2"},
		{"2023年江津区统计公报", "TABLE:序号\n1|2|3"},
	} {
		r := readBytes(t, "t.docx", wordFile(t, blocks...), 0)
		if len(r.Figures) != 0 {
			t.Errorf("%q: %+v", blocks, r.Figures)
		}
	}
}
