package observed

import (
	"bytes"
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"fyp/internal/bilingual"
	"fyp/internal/inputfile"
	"fyp/internal/yamlcheck"
)

// testCatalog is a few of the 14th plan's indicators (ids and names as in
// seeds/jiangjin-14.yaml).
var testCatalog = Catalog{
	Names: map[string]string{
		"gdp":               "地区生产总值",
		"gdp_per_capita":    "人均地区生产总值",
		"urbanization_rate": "常住人口城镇化率",
		"forest_coverage":   "森林覆盖率",
		"doctors_per_1000":  "每千人口拥有执业(助理)医师数",
	},
	MinYear: 2020, MaxYear: 2035,
}

func readFixture(t *testing.T, name string) *Data {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(name, b, testCatalog)
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	return d
}

func find(d *Data, id string, year int, m Metric) (Observation, bool) {
	for _, o := range d.ByIndicator[id] {
		if o.Year == year && o.Metric == m {
			return o, true
		}
	}
	return Observation{}, false
}

func TestReadLong(t *testing.T) {
	d := readFixture(t, "long.csv")
	// Expected values are the fixture's cells, read by hand.
	tests := []struct {
		name   string
		id     string
		year   int
		metric Metric
		value  float64
		basis  string
		brk    Break
	}{
		{"thousands separator, by id", "gdp_per_capita", 2021, Level, 86000, "2020", NoBreak},
		{"by Chinese name", "gdp_per_capita", 2022, Level, 90500, "2020", NoBreak},
		{"rebased base year", "urbanization_rate", 2020, Level, 70.5, "", Rebased},
		{"trailing percent and break", "urbanization_rate", 2021, Level, 71.2, "", Broken},
		{"growth rate", "gdp", 2021, Growth, 8.9, Comparable, NoBreak},
		{"leading plus", "gdp", 2022, Growth, 4, Comparable, NoBreak},
		{"identical duplicate kept once", "forest_coverage", 2022, Level, 52.4, "", NoBreak},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, ok := find(d, tt.id, tt.year, tt.metric)
			if !ok {
				t.Fatalf("no observation of %s %d", tt.id, tt.year)
			}
			if o.Value != tt.value || o.PriceBasis != tt.basis || o.Break != tt.brk {
				t.Errorf("got %+v, want value %g basis %q break %q", o, tt.value, tt.basis, tt.brk)
			}
		})
	}
	if n := len(d.ByIndicator["forest_coverage"]); n != 1 {
		t.Errorf("forest_coverage has %d observations, want 1 (duplicate row)", n)
	}
	if d.Len() != 7 {
		t.Errorf("Len() = %d, want 7", d.Len())
	}
}

func TestReadWideTSVWithBOM(t *testing.T) {
	d := readFixture(t, "wide.tsv")
	// From the fixture: 森林覆盖率 51.8, 52.1, — (missing); 人均地区生产总值 blank, 8.6, 9.05.
	want := map[string][]float64{"forest_coverage": {51.8, 52.1}, "gdp_per_capita": {8.6, 9.05}}
	for id, vs := range want {
		obs := d.ByIndicator[id]
		if len(obs) != len(vs) {
			t.Fatalf("%s: %d observations, want %d", id, len(obs), len(vs))
		}
		for i, v := range vs {
			if obs[i].Value != v {
				t.Errorf("%s[%d] = %g, want %g", id, i, obs[i].Value, v)
			}
		}
	}
}

func TestReadGB18030(t *testing.T) {
	d := readFixture(t, "gb18030.csv")
	o, ok := find(d, "gdp_per_capita", 2021, Level)
	if !ok || o.Value != 8.6 || o.PriceBasis != "2020" || o.Source != "虚构数据" {
		t.Errorf("gdp_per_capita 2021 = %+v, %v; want 8.6 at 2020 prices from 虚构数据", o, ok)
	}
	if _, ok := find(d, "forest_coverage", 2021, Level); !ok {
		t.Error("forest_coverage 2021 missing")
	}
}

func TestBadRows(t *testing.T) {
	b, err := os.ReadFile("testdata/bad.csv")
	if err != nil {
		t.Fatal(err)
	}
	_, err = ReadCSV("bad.csv", b, testCatalog)
	var ps yamlcheck.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("ReadCSV(bad.csv) error = %v, want yamlcheck.Problems", err)
	}
	got := err.Error()
	// One line for each bad row of the fixture, in row order.
	want := []string{
		`bad.csv:3:1: unknown indicator "forest_coverag"; did you mean "forest_coverage"?`,
		`bad.csv:4:3: value "fifty" is not a number`,
		`bad.csv:5:2: year 2019 is outside the plan's range 2020–2035`,
		`bad.csv:7:3: duplicate: forest_coverage 2022 (level) is already 52.4 on row 6; this row gives 52.9`,
		`bad.csv:8:4: price_basis "soon": expected`,
		`bad.csv:9:5: break "perhaps": expected`,
		`bad.csv:10:6: metric "speed": expected`,
		`bad.csv:11:3: no value`,
	}
	lines := strings.Split(got, "\n")
	if len(lines) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(lines), len(want), got)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("problem %d = %q, want prefix %q", i, lines[i], w)
		}
	}
	// The same problems in Chinese, with the same numbers.
	wantZH := []string{
		`bad.csv:3:1: 未知的指标"forest_coverag"；是否想写 "forest_coverage"？`,
		`bad.csv:4:3: 数值"fifty"不是数字`,
		`bad.csv:5:2: 年份2019超出规划的年份范围2020–2035`,
		`bad.csv:7:3: 重复：forest_coverage 2022年（level）已在第6行给出52.4；本行给出52.9`,
		`bad.csv:8:4: price_basis "soon"：应为`,
		`bad.csv:9:5: break "perhaps"：应为`,
		`bad.csv:10:6: metric "speed"：应为`,
		`bad.csv:11:3: 没有数值`,
	}
	zh := strings.Split(ps.In("zh"), "\n")
	for i, w := range wantZH {
		if i >= len(zh) || !strings.HasPrefix(zh[i], w) {
			t.Errorf("problem %d in Chinese = %q, want prefix %q", i, zh[min(i, len(zh)-1)], w)
		}
	}
	for _, p := range ps {
		if p.MsgZH == "" || !bilingual.SameNumbers(p.MsgZH, p.Msg) {
			t.Errorf("Chinese %q, English %q: want both, with the same numbers", p.MsgZH, p.Msg)
		}
	}
}

func TestSniff(t *testing.T) {
	tests := map[string]rune{
		"a,b,c\n":           ',',
		"a\tb\tc\n":         '\t',
		"a;b;c\n":           ';',
		"# c,c,c,c\na\tb\n": '\t',
		`"x;y;z",b` + "\n":  ',',
		"":                  ',',
	}
	for in, want := range tests {
		if got := sniff([]byte(in)); got != want {
			t.Errorf("sniff(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestXLSXRoundTrip writes the long fixture's rows to a workbook with
// excelize (values as numbers, one as a percentage-formatted fraction) and
// checks that reading it gives what reading the CSV gives.
func TestXLSXRoundTrip(t *testing.T) {
	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	rows := [][]any{
		{"indicator", "year", "value", "price_basis", "break", "metric", "source"},
		{"gdp_per_capita", 2021, 86000, "2020", "", "", "synthetic bulletin 2021"},
		{"人均地区生产总值", 2022, 90500, 2020, "", "", "synthetic bulletin 2022"},
		{"常住人口城镇化率", 2020, 70.5, "", "rebased", "", "synthetic census restatement"},
		{"urbanization_rate", 2021, 0.712, "", "yes", "", "synthetic"},
		{"gdp", 2021, 8.9, "comparable", "", "growth", "synthetic"},
		{"gdp", 2022, 4, "comparable", "", "growth", "synthetic"},
		{"forest_coverage", 2022, 52.4, "", "", "", "synthetic"},
	}
	for i, r := range rows {
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, ref, &r); err != nil {
			t.Fatal(err)
		}
	}
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle(sh, "C5", "C5", pct); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := Read("round.xlsx", buf.Bytes(), testCatalog)
	if err != nil {
		t.Fatalf("Read(xlsx): %v", err)
	}
	want := readFixture(t, "long.csv")
	for _, id := range want.IDs() {
		w, g := want.ByIndicator[id], got.ByIndicator[id]
		if len(w) != len(g) {
			t.Fatalf("%s: %d observations from XLSX, want %d", id, len(g), len(w))
		}
		for i := range w {
			// Tolerance: 0.712 × 100 in floating point.
			if g[i].Year != w[i].Year || math.Abs(g[i].Value-w[i].Value) > 1e-9 || g[i].PriceBasis != w[i].PriceBasis ||
				g[i].Break != w[i].Break || g[i].Metric != w[i].Metric {
				t.Errorf("%s[%d] from XLSX = %+v, want %+v", id, i, g[i], w[i])
			}
		}
	}
}

func TestXLSXBadRowsNameCells(t *testing.T) {
	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	_ = f.SetSheetRow(sh, "A1", &[]any{"指标", "年份", "数值"})
	_ = f.SetSheetRow(sh, "A2", &[]any{"森林覆盖", 2021, "abc"})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	_, err := Read("o.xlsx", buf.Bytes(), testCatalog)
	if err == nil {
		t.Fatal("no error for bad rows")
	}
	for _, want := range []string{`o.xlsx:2:1: unknown indicator "森林覆盖"; did you mean "森林覆盖率"`, `o.xlsx:2:3: value "abc" is not a number`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestFullWidthNames(t *testing.T) {
	in := "指标,年份,数值\n每千人口拥有执业（助理）医师数,2021,2.3\n"
	d, err := ReadCSV("fw.csv", []byte(in), testCatalog)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := find(d, "doctors_per_1000", 2021, Level); !ok {
		t.Error("full-width brackets not matched to the plan's name")
	}
}

func TestHeaderProblems(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty file", "", "h.csv:1: no header row"},
		{"unknown column", "indicator,year,value,colour\n", `h.csv:1:4: unknown column "colour"`},
		{"no value column", "indicator,year\n", "h.csv:1:1: no value column"},
		{"wide with value", "indicator,2021,value\n", "h.csv:1:3: a value column in a wide-format file"},
		{"wide year out of range", "indicator,2019\nforest_coverage,50\n", "h.csv:1:2: year 2019 is outside"},
		{"not text", "\x81\x20\xff", "neither UTF-8 nor GB18030"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV("h.csv", []byte(tt.in), testCatalog)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// FuzzReadCSV: no input makes the reader panic, every failure is a list
// of problems that name the file, and every accepted figure is possible.
func FuzzReadCSV(f *testing.F) {
	for _, name := range []string{"long.csv", "wide.tsv", "bad.csv", "gb18030.csv"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("indicator,year,value\n\"unterminated,2021,1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ReadCSV("fuzz.csv", data, limitsCatalog)
		if err != nil {
			var ps yamlcheck.Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error %v is not a list of problems", err)
			}
			for _, p := range ps {
				if p.File != "fuzz.csv" {
					t.Fatalf("problem %v does not name the file", p)
				}
			}
			return
		}
		for id, obs := range d.ByIndicator {
			for _, o := range obs {
				if o.Year < testCatalog.MinYear || o.Year > testCatalog.MaxYear || math.IsNaN(o.Value) || math.IsInf(o.Value, 0) {
					t.Fatalf("%s: accepted %+v", id, o)
				}
				l := limitsCatalog.Limits[id]
				if o.Metric == Level && (math.Abs(o.Value) > MaxMagnitude || (l.Bounded && (o.Value < l.Lo || o.Value > l.Hi)) || (l.Positive && o.Value <= 0)) {
					t.Fatalf("%s: accepted an impossible level %+v", id, o)
				}
				if o.Metric == Growth && (o.Value <= -100 || o.Value > MaxGrowthPct) {
					t.Fatalf("%s: accepted an impossible growth %+v", id, o)
				}
			}
		}
	})
}

// A file that says its figures are invented is marked Synthetic; one that
// merely mentions the word later, or in its data, is not.
func TestSynthetic(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"english header", "# SYNTHETIC EXAMPLE - NOT REAL STATISTICS\nindicator,year,value\ngdp_per_capita,2021,8.4\n", true},
		{"chinese header", "\ufeff# 示例数据，非真实统计\nindicator,year,value\ngdp_per_capita,2021,8.4\n", true},
		{"after other comments", "# bulletins 2021–2023\n# synthetic\nindicator,year,value\ngdp_per_capita,2021,8.4\n", true},
		{"real file", "# 统计公报 2021–2023\nindicator,year,value,source\ngdp_per_capita,2021,8.4,synthetic\n", false},
		{"comment after the header", "indicator,year,value\n# synthetic\ngdp_per_capita,2021,8.4\n", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read("x.csv", []byte(tc.text), testCatalog)
			if err != nil {
				t.Fatal(err)
			}
			if d.Synthetic != tc.want {
				t.Errorf("Synthetic = %v, want %v", d.Synthetic, tc.want)
			}
		})
	}
}

// TestManyBadRowsCapped: 100,000 bad rows give the first 50 problems and
// the count of the rest, not 100,000 lines.
func TestManyBadRowsCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("indicator,year,value\n")
	for range 100_000 {
		b.WriteString("gdp,2021,abc\n")
	}
	_, err := ReadCSV("bad.csv", []byte(b.String()), testCatalog)
	if err == nil {
		t.Fatal("no error for 100,000 bad rows")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != yamlcheck.MaxShown+1 {
		t.Errorf("%d lines of problems, want %d", len(lines), yamlcheck.MaxShown+1)
	}
	if !strings.HasPrefix(lines[0], "bad.csv:2:3: ") {
		t.Errorf("first line %q, want the first bad row (bad.csv:2:3)", lines[0])
	}
	if last := lines[len(lines)-1]; last != "… and 99,950 more problems (100,000 in all)" {
		t.Errorf("last line %q, want the count of the rest", last)
	}
	var ps yamlcheck.Problems
	errors.As(err, &ps)
	zh := strings.Split(ps.In("zh"), "\n")
	if last := zh[len(zh)-1]; last != "……另有99,950个问题（共100,000个）" {
		t.Errorf("last line in Chinese %q, want the count of the rest", last)
	}
	if !strings.HasPrefix(zh[0], `bad.csv:2:3: 数值"abc"不是数字：应为数字`) {
		t.Errorf("first line in Chinese %q", zh[0])
	}
}

// TestCSVBounded: a CSV file is held to the same table limits as a
// workbook, with one problem naming the file and line.
func TestCSVBounded(t *testing.T) {
	var many strings.Builder
	many.WriteString("indicator,year,value\n")
	for range inputfile.TableRows + 1 {
		many.WriteString("gdp,2021,1\n")
	}
	tests := []struct{ name, in, want string }{
		{"one row too many", many.String(), "c.csv:200001: more than 200,000 rows, the limit for an observed table; split the file"},
		{"a column past the limit", "indicator,year,value\ngdp,2021,1" + strings.Repeat(",", 256) + "x\n", "c.csv:2:259: a value in column 259, past the 256-column limit"},
		{"a cell longer than Excel allows", "indicator,year,value\ngdp,2021," + strings.Repeat("9", 40_000) + "\n", "c.csv:2:3: a cell of 40,000 characters, over Excel's own limit of 32,767"},
		{"too many cells", "indicator,year,value\n" + strings.Repeat("gdp,2021,1"+strings.Repeat(",", 200)+"\n", 10_000), "c.csv:9854: more than 2,000,000 cells"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV("c.csv", []byte(tt.in), testCatalog)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("ReadCSV = %.300v\nwant one problem: %s", err, tt.want)
			}
		})
	}
	// Trailing empty fields past the column limit (as a spreadsheet may
	// save them) are not values.
	if _, err := ReadCSV("c.csv", []byte("indicator,year,value"+strings.Repeat(",", 300)+"\ngdp,2021,1\n"), testCatalog); err != nil {
		t.Errorf("trailing empty fields: %v", err)
	}
}

// A work report's 五年年均增长8.9% (2016–2020) is kept as one avg_growth
// row with its span; without from, or with a span that does not end after
// it starts, the row is refused. The review's evidence carries it as a
// growth rate with its span's start (model.ObservedPoint.From).
func TestAvgGrowth(t *testing.T) {
	cat := Catalog{Names: map[string]string{"gdp": "地区生产总值"}, MinYear: 2020, MaxYear: 2025}
	d, err := ReadCSV("a.csv", []byte("indicator,year,value,metric,from\ngdp,2020,8.9,avg_growth,2015\ngdp,2020,3.9,growth,\n"), cat)
	if err != nil {
		t.Fatal(err)
	}
	obs := d.ByIndicator["gdp"]
	if len(obs) != 2 || obs[0].Metric != AvgGrowth || obs[0].From != 2015 || obs[0].Value != 8.9 {
		t.Fatalf("got %+v, want avg_growth 2015→2020 8.9 and growth 3.9", obs)
	}
	ev := d.Evidence()["gdp"]
	if len(ev) != 2 || !ev[0].Growth || ev[0].From != 2015 || ev[0].Value != 8.9 || !ev[1].Growth || ev[1].From != 0 || ev[1].Value != 3.9 {
		t.Errorf("evidence %+v, want the average growth 2015→2020 8.9 (From 2015) and the yearly growth 3.9 (From 0)", ev)
	}
	for name, text := range map[string]string{
		"no from":        "indicator,year,value,metric\ngdp,2020,8.9,avg_growth\n",
		"from later":     "indicator,year,value,metric,from\ngdp,2020,8.9,avg_growth,2020\n",
		"from on growth": "indicator,year,value,metric,from\ngdp,2020,8.9,growth,2015\n",
	} {
		if _, err := ReadCSV("a.csv", []byte(text), cat); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// BenchmarkManyUnknownIndicators reads 100,000 rows that name one unknown
// indicator: the suggestion ("did you mean") is computed once per name, so
// this takes well under a second (it took 46 s of CPU when each row
// measured its edit distance to every name of the plan).
func BenchmarkManyUnknownIndicators(b *testing.B) {
	var s strings.Builder
	s.WriteString("indicator,year,value\n")
	for range 100_000 {
		s.WriteString("nosuch,2021,x\n")
	}
	data := []byte(s.String())
	for b.Loop() {
		if _, err := ReadCSV("bad.csv", data, testCatalog); err == nil {
			b.Fatal("no error")
		}
	}
}

// TestPercentOnALevelWithAnotherUnit: "8.6%" for an indicator measured in
// 万元 is a growth rate in the level column or a cell formatted as a
// percentage; read as 8.6 万元 it would be a wrong figure taken silently.
// On a share (unit %) or as a growth rate the sign is fine.
func TestPercentOnALevelWithAnotherUnit(t *testing.T) {
	cat := Catalog{
		Names:   map[string]string{"gdp_per_capita": "人均地区生产总值", "urbanization_rate": "常住人口城镇化率"},
		MinYear: 2020, MaxYear: 2035,
		Limits: map[string]Limits{
			"gdp_per_capita":    {Positive: true, Unit: "万元", UnitEN: "10,000 yuan"},
			"urbanization_rate": {Bounded: true, Lo: 0, Hi: 100, Unit: "%"},
		},
	}
	for _, in := range []string{
		"indicator,year,value\ngdp_per_capita,2021,8.6%\n",
		"indicator,year,value\n人均地区生产总值,2021,８．６％\n",
		"indicator,2020,2021\ngdp_per_capita,7.9,8.6%\n",
	} {
		_, err := ReadCSV("p.csv", []byte(in), cat)
		var ps yamlcheck.Problems
		if !errors.As(err, &ps) || len(ps) != 1 || !strings.Contains(ps[0].Msg, "carries a percent sign, but the indicator's unit is 10,000 yuan") ||
			!strings.Contains(ps.In("zh"), "p.csv:2:3: gdp_per_capita 2021年的数值") || !strings.Contains(ps.In("zh"), "带百分号，但该指标的单位是万元") {
			t.Errorf("ReadCSV(%q) = %v, want one problem at p.csv:2:3 on the percent sign", in, err)
		}
	}
	ok := "indicator,year,value,metric\ngdp_per_capita,2021,8.6%,growth\nurbanization_rate,2021,70.5%,\ngdp_per_capita,2022,9.1,\n"
	d, err := ReadCSV("ok.csv", []byte(ok), cat)
	if err != nil {
		t.Fatalf("ReadCSV(%q): %v", ok, err)
	}
	if o, found := find(d, "urbanization_rate", 2021, Level); !found || o.Value != 70.5 {
		t.Errorf("urbanization_rate 2021 = %v, want 70.5", o)
	}
}
