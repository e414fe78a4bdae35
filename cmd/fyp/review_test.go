package main

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"fyp/model"
	"fyp/report"
	"fyp/scenarios"
)

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/fyp -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test ./cmd/fyp -run %s -update to accept):\n%s", path, t.Name(), got)
	}
}

// TestReviewGolden: the review table of the synthetic example file.
func TestReviewGolden(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			out, errs, code := fyp(t, "review", "--observed", "testdata/observed-example.csv", "--as-of", "2023", "--lang", lang)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			out = strings.ReplaceAll(out, filepath.FromSlash("testdata/"), "testdata/")
			golden(t, "review-"+lang+".golden", out)
		})
	}
}

func TestExPostGolden(t *testing.T) {
	out, errs, code := fyp(t, "review", "--plan", "jiangjin-13")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	golden(t, "expost-13.golden", out)
}

type reviewRow struct {
	ID           string   `json:"id"`
	Kind         string   `json:"kind"`
	Category     string   `json:"category"`
	Compared     bool     `json:"compared"`
	Refusal      string   `json:"refusal"`
	Reason       string   `json:"reason"`
	TaskDone     *float64 `json:"task_done"`
	TimeElapsed  *float64 `json:"time_elapsed"`
	Observed     *float64 `json:"observed"`
	ObservedYear int      `json:"observed_year"`
	Required     *float64 `json:"required_rate_remaining_pct"`
	Target       *float64 `json:"target"`
	Year         int      `json:"year"`
}

func reviewJSONOf(t *testing.T, args ...string) map[string]reviewRow {
	t.Helper()
	out, errs, code := fyp(t, append([]string{"review", "--format", "json", "--lang", "en"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rows []reviewRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	m := map[string]reviewRow{}
	for _, r := range rows {
		if _, dup := m[r.ID]; !dup {
			m[r.ID] = r
		}
	}
	return m
}

func TestReviewRefusesIncomparable(t *testing.T) {
	rows := reviewJSONOf(t, "--observed", "testdata/observed-refusals.csv", "--as-of", "2023")
	tests := []struct{ id, refusal, says string }{
		{"gdp_per_capita", "price_basis", "supply the figure at 2020 prices"},
		{"gdp", "price_basis", "current prices"},
		{"urbanization_rate", "break", "break: rebased"},
	}
	for _, tt := range tests {
		r := rows[tt.id]
		if r.Compared || r.Refusal != tt.refusal || r.Category != "insufficient_data" || r.TaskDone != nil {
			t.Errorf("%s: compared %v refusal %q category %s task %v; want refused (%s)", tt.id, r.Compared, r.Refusal, r.Category, r.TaskDone, tt.refusal)
		}
		if !strings.Contains(r.Reason, tt.says) {
			t.Errorf("%s: reason %q does not say %q", tt.id, r.Reason, tt.says)
		}
	}
	// The service share is comparable: (34 − 33.3)/(38 − 33.3) = 0.148936 of the task
	// in 1/5 of the time (plan table row 6: 33.3 → 38).
	s := rows["service_share"]
	if !s.Compared || s.TaskDone == nil || math.Abs(*s.TaskDone-0.7/4.7) > 1e-9 || *s.TimeElapsed != 0.2 {
		t.Errorf("service_share = %+v; want task 0.7/4.7 in time 0.2", s)
	}
}

func TestBadObservedFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "report")
	_, errs, code := fyp(t, "report", "--observed", "testdata/observed-bad.csv", "--out", dir, "--lang", "en")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	for _, want := range []string{
		`testdata/observed-bad.csv:3:1: unknown indicator "森林覆盖"; did you mean "森林覆盖率"?`,
		`testdata/observed-bad.csv:4:3: value "52.3%%" is not a number`,
		`testdata/observed-bad.csv:5:2: year 2040 is outside the plan's range 2020–2035`,
		`testdata/observed-bad.csv:7:3: duplicate: gdp_per_capita 2021 (level) is already 8.4 on row 6; this row gives 8.5`,
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	// The same problems in Chinese, the default.
	_, errs, code = fyp(t, "report", "--observed", "testdata/observed-bad.csv", "--out", dir)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	for _, want := range []string{
		`testdata/observed-bad.csv:3:1: 未知的指标"森林覆盖"；是否想写 "森林覆盖率"？`,
		`testdata/observed-bad.csv:4:3: 数值"52.3%%"不是数字`,
		`testdata/observed-bad.csv:5:2: 年份2040超出规划的年份范围2020–2035`,
		`testdata/observed-bad.csv:7:3: 重复：gdp_per_capita 2021年（level）已在第6行给出8.4；本行给出8.5`,
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("%s was written after bad input", dir)
	}
}

func TestReviewNeedsObserved(t *testing.T) {
	_, errs, code := fyp(t, "review")
	if code != 2 || !strings.Contains(errs, "--observed") {
		t.Errorf("exit %d, stderr %q; want 2 and a hint about --observed", code, errs)
	}
	_, _, code = fyp(t, "review", "--observed", "testdata/observed-example.csv", "--as-of", "2019")
	if code != 2 {
		t.Errorf("--as-of 2019: exit %d, want 2", code)
	}
}

// TestReviewFromXLSX: the example written to a workbook gives the same review.
func TestReviewFromXLSX(t *testing.T) {
	b, err := os.ReadFile("testdata/observed-example.csv")
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	r := 1
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cells := strings.Split(strings.ReplaceAll(line, `"`, ""), ",")
		row := make([]any, len(cells))
		for i, c := range cells {
			row[i] = c
		}
		ref, _ := excelize.CoordinatesToCellName(1, r)
		if err := f.SetSheetRow(sh, ref, &row); err != nil {
			t.Fatal(err)
		}
		r++
	}
	path := filepath.Join(t.TempDir(), "observed.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	want, _, _ := fyp(t, "review", "--observed", "testdata/observed-example.csv", "--as-of", "2023", "--format", "csv")
	got, errs, code := fyp(t, "review", "--observed", path, "--as-of", "2023", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if got != want {
		t.Errorf("review from XLSX differs from review from CSV:\n%s\nwant\n%s", got, want)
	}
}

// TestReportBundle writes the bundle and reads the workbook back.
func TestReportBundle(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "report")
	if _, errs, code := fyp(t, "report", "--observed", "testdata/observed-example.csv", "--as-of", "2023", "--out", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, name := range []string{"index.html", "report.md", "report.docx", "fyp-tables.xlsx", "review.csv", "review.json", "expost.csv", marker} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s missing: %v", name, err)
		}
	}
	csvb, _ := os.ReadFile(filepath.Join(dir, "review.csv"))
	if !bytes.HasPrefix(csvb, []byte("\ufeff")) {
		t.Error("review.csv has no UTF-8 BOM")
	}
	html, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	if bytes.Contains(html, []byte("src=\"http")) || bytes.Contains(html, []byte("<link")) {
		t.Error("index.html loads something from outside")
	}
	// The example's figures are invented (source "synthetic"): every page
	// says so.
	if !bytes.Contains(html, []byte(`<div class="synthetic">`)) {
		t.Error("index.html on the synthetic example has no 示例数据 mark")
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "fyp-tables.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// The reachability table the report prints, then one sheet per
	// shipped scenario (the report's default) with its projected values,
	// the probabilities, the previous plan's record and the charts.
	got := f.GetSheetList()
	want := []string{"中期评估", "主要指标", "可达性"}
	for _, id := range scenarios.IDs() {
		want = append(want, "可达性 "+id)
	}
	want = append(want, "实现概率", "实现概率明细", "上期完成情况", "图表")
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	head, _ := f.GetRows("中期评估")
	official := []string{"序号", "指标（单位）", "属性", "基期值", "目标值", "当前值", "进度", "评价"}
	for i, h := range official {
		if head[1][i] != h {
			t.Errorf("header %d = %q, want %q", i, head[1][i], h)
		}
	}
	panes, err := f.GetPanes("中期评估")
	if err != nil || !panes.Freeze || panes.YSplit != 2 {
		t.Errorf("panes = %+v, %v; want the header frozen", panes, err)
	}
	// Round trip: the forest-coverage row's progress is stored as a number
	// formatted as a percentage: (53.1 − 51.8)/(54 − 51.8) = 0.590909.
	rows, _ := f.GetRows("中期评估", excelize.Options{RawCellValue: true})
	found := false
	for i, r := range rows {
		if len(r) > 6 && strings.Contains(r[1], "森林覆盖率") {
			found = true
			v, _ := parseF(r[6])
			if math.Abs(v-1.3/2.2) > 1e-9 {
				t.Errorf("progress = %s, want 1.3/2.2", r[6])
			}
			ref, _ := excelize.CoordinatesToCellName(7, i+1)
			id, _ := f.GetCellStyle("中期评估", ref)
			st, _ := f.GetStyle(id)
			if st.CustomNumFmt == nil || *st.CustomNumFmt != "0%" {
				t.Errorf("progress format = %v, want 0%%", st.CustomNumFmt)
			}
		}
	}
	if !found {
		t.Error("no forest coverage row in the workbook")
	}
	// Running again into fyp's own output replaces it.
	if _, errs, code := fyp(t, "report", "--out", dir); code != 0 {
		t.Errorf("re-run: exit %d: %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "review.csv")); !os.IsNotExist(err) {
		t.Error("re-run without --observed kept the old review.csv")
	}
}

func parseF(s string) (float64, error) {
	var v float64
	err := json.Unmarshal([]byte(s), &v)
	return v, err
}

// TestChartsEmbedded: charts the hook provides land in the page as data:
// URIs, beside the Markdown and in the workbook.
func TestChartsEmbedded(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.Black)
	var pngb bytes.Buffer
	if err := png.Encode(&pngb, img); err != nil {
		t.Fatal(err)
	}
	charts := map[string][]byte{"headline.png": pngb.Bytes()}
	in := reportInput{plan: mustPlan(t), lang: "zh", charts: charts}
	doc := reportDocument(in)
	var html, md, xl, docx bytes.Buffer
	if err := report.WriteHTML(&html, doc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(html.String(), `src="data:image/png;base64,`) {
		t.Error("the chart is not embedded as a data: URI")
	}
	if err := report.WriteMarkdown(&md, doc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "](charts/headline.png)") {
		t.Error("report.md does not link the chart beside it")
	}
	if err := report.WriteDOCX(&docx, doc); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(docx.Bytes(), []byte("word/media/image1.png")) {
		t.Error("the chart is not in report.docx")
	}
	if err := report.WriteXLSX(&xl, doc); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&xl)
	if err != nil {
		t.Fatal(err)
	}
	pics, err := f.GetPictures("图表", "A2")
	if err != nil || len(pics) != 1 {
		t.Errorf("workbook pictures = %d, %v; want 1", len(pics), err)
	}
}

func mustPlan(t *testing.T) *model.Plan {
	t.Helper()
	o := &options{plan: "jiangjin-14"}
	p, err := o.loadPlan()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// A work report's 2021—2023年年均增长5.6% (avg_growth from 2020 to 2023) is
// the observed pace of the plan's 6 %-a-year GDP target: the index
// 100·1.056³ = 117.758 in 2023, task done 3 ln 1.056 / (5 ln 1.06) =
// 0.561070 in 0.6 of the time (on schedule). Tolerance 1e-9 (closed form).
func TestReviewAvgGrowthFromFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "avg.csv")
	csv := "indicator,year,value,price_basis,metric,from,source\n" +
		"gdp,2023,5.6,comparable,avg_growth,2020,政府工作报告\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	g := reviewJSONOf(t, "--observed", path, "--as-of", "2023")["gdp"]
	wantX, wantTask := 100*math.Pow(1.056, 3), 3*math.Log(1.056)/(5*math.Log(1.06))
	if !g.Compared || g.ObservedYear != 2023 || g.Observed == nil || math.Abs(*g.Observed-wantX) > 1e-9*wantX ||
		g.TaskDone == nil || math.Abs(*g.TaskDone-wantTask) > 1e-9 || g.Category != "on_schedule" {
		t.Errorf("gdp = %+v (reason %q); want compared in 2023, observed %.6f, task %.6f, on_schedule", g, g.Reason, wantX, wantTask)
	}
}
