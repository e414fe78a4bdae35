package report

import (
	"bytes"
	"strings"
	"testing"

	"fyp/internal/numfmt/quantity"
	"fyp/model"
)

// The fixes from reading the Chinese and English reports as a bureau's
// reviewer would; each case failed before.

// TestMetricText: a projected value or percentile is written as its target
// is, not as a bare number (before: "6" beside ≥6%/年, "2.03" beside 翻一番,
// "30" beside −30%, "1" beside 增速不低于地区生产总值增速).
// The rule is quantity.Table.Metric; the annex calls it.
func TestMetricText(t *testing.T) {
	for _, c := range []struct {
		t    model.Target
		v    float64
		lang string
		want string
	}{
		{model.Target{Kind: model.Growth, Value: 6, Bound: model.Min}, 6, "zh", "6%/年"},
		{model.Target{Kind: model.Growth, Value: 6}, 4.4, "en", "4.4%/yr"},
		{model.Target{Kind: model.Multiple, Value: 2}, 2.03, "zh", "×2.03"},
		{model.Target{Kind: model.Reduction, Value: 30}, 38.01, "zh", "−38.01%"},
		{model.Target{Kind: model.Reduction, Value: 30}, -5, "zh", "+5%"},
		{model.Target{Kind: model.Change, Value: 5, Bound: model.Approx}, 5, "zh", "+5"},
		{model.Target{Kind: model.Cumulative, Value: 25}, 24.76, "zh", "[24.76]"},
		{model.Target{Kind: model.Growth, RelativeTo: "gdp", Bound: model.Min}, 1, "zh", "+1个百分点"},
		{model.Target{Kind: model.Growth, RelativeTo: "gdp", Bound: model.Min}, -0.3631, "en", "-0.36 pp"},
		{model.Target{Kind: model.Level, Value: 19}, 18.99, "zh", "18.99"},
		{model.Target{Kind: model.Level, Value: 19}, nan, "zh", "—"},
	} {
		if got := quantity.Table.Metric(c.t, c.v, c.lang); got != c.want {
			t.Errorf("Metric(%s %v, %v, %s) = %q, want %q", c.t.Kind, c.t.Value, c.v, c.lang, got, c.want)
		}
	}
	// In a table the minus sign is typographic, as in the goals.
	if got := N(-0.3631, "-0.36 pp").Text; got != "−0.36 pp" {
		t.Errorf("N(-0.36) shows %q, want −0.36 pp", got)
	}
	if got := N(-1, "-").Text; got != "-" {
		t.Errorf("N(-1, %q) shows %q: only a number's sign changes", "-", got)
	}
}

// TestAnnexLayout: the annex tables of the 14th plan read as a bureau
// prints them: 指标 and 单位 in their own columns (before, "地区生产总值（亿
// 元）" broke inside the unit), captions without the plan's 40-character
// title repeated, the probability table's columns explained once in the
// report's words (before: the command's "±se …（见 README）"), and the
// record's reasons under the table instead of a column empty in most rows.
func TestAnnexLayout(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		in := annexInput(t, lang)
		d := Build(in)
		reach, prob, rec := annexTable(t, d, "scenarios"), annexTable(t, d, "probability"), annexTable(t, d, "record")
		for _, tb := range []*Table{reach, prob, rec} {
			var heads []string
			for _, c := range tb.Cols {
				heads = append(heads, c.Head)
			}
			h := strings.Join(heads, "|")
			if !strings.Contains(h, L(lang, "指标|单位|", "Indicator|Unit|")) || strings.Contains(h, L(lang, "说明", "Note")) {
				t.Errorf("%s %s: heads %s, want 指标|单位 and no 说明 column", lang, tb.Caption, h)
			}
			if strings.Contains(tb.Caption, in.Plan.Title.In(lang)) || strings.Contains(tb.Caption, " · ") {
				t.Errorf("%s: caption %q repeats the plan's title", lang, tb.Caption)
			}
			if tb == rec && !Landscape(tb) {
				t.Errorf("%s %s: on a portrait page its names and targets wrap", lang, tb.Caption)
			}
		}
		if want := L(lang, "附表2  目标实现概率（200次抽样）", "Annex table 2. Probability of meeting each target (200 draws)"); prob.Caption != want {
			t.Errorf("probability caption %q, want %q", prob.Caption, want)
		}
		if want := L(lang, "附表3  江津区“十三五”规划主要指标完成情况", "Annex table 3. ") + L(lang, "", in.Record.Plan.Title.EN); rec.Caption != want {
			t.Errorf("record caption %q, want %q", rec.Caption, want)
		}
		for _, n := range prob.Notes {
			if strings.Contains(n, "README") || strings.Contains(n, "±se") {
				t.Errorf("%s: probability note %q speaks of the command, not the report", lang, n)
			}
		}
		var why int
		for _, n := range rec.Notes {
			if strings.HasPrefix(n, L(lang, "序号", "No. ")) {
				why++
			}
		}
		if why == 0 {
			t.Errorf("%s: the record's notes %q give no reason for the targets not compared", lang, rec.Notes)
		}
		// Projected values as their targets: the growth target of GDP; a
		// target of another year than the plan's says which (before, the
		// two 人均地区生产总值 rows differed only by 10 and 翻一番).
		years := 0
		for _, r := range reachSheet(t, d, 0).Rows {
			if strings.HasSuffix(r.Cells[5].Text, L(lang, "（2035年）", " (2035)")) {
				years++
			}
			if r.Cells[1].Text == in.Plan.Indicator("gdp").Name.In(lang) && r.Cells[6].Text != L(lang, "6%/年", "6%/yr") {
				t.Errorf("%s: GDP's projected growth shows %q", lang, r.Cells[6].Text)
			}
		}
		if years == 0 {
			t.Errorf("%s: no reachability target says it is for 2035", lang)
		}
	}
}

// TestReportReads: the main table's missing yearly figures align with the
// numbers (before: text cells, flush left beside right-aligned figures);
// the English title has one colon (before: "…Through 2035: mid-term
// review"); a sentence about one of two targets says which after the
// indicator's name (before: "（2035年目标翻一番）人均地区生产总值：…"); a
// sensitivity chart's caption names its target (before: "敏感性分析 1").
func TestReportReads(t *testing.T) {
	d := testDocument(t, "zh")
	tb := d.Sections[1].Blocks[0].(*Table)
	for _, r := range tb.Rows {
		for i := 5; i < 8 && r.Group == ""; i++ { // the years 2021–2023
			if c := r.Cells[i]; c.Text == "—" && !c.Num {
				t.Fatalf("row %s: a missing %s figure is a text cell", r.Cells[1].Text, tb.Cols[i].Head)
			}
		}
	}
	for _, b := range d.Sections[2].Blocks {
		l, ok := b.(List)
		for _, s := range l.Items {
			if ok && strings.HasPrefix(s, "（") {
				t.Errorf("sentence %q starts with its target, not the indicator", s)
			}
		}
	}
	en := testDocument(t, "en")
	if strings.Count(en.Title, ":") > 0 || !strings.HasSuffix(en.Title, " — mid-term review") {
		t.Errorf("English title %q", en.Title)
	}
	p := &model.Plan{Title: model.Text{ZH: "测试规划", EN: "Test plan"}}
	if got := chartCaption(p, "tornado-2", []string{"人均地区生产总值 2025", "人均地区生产总值 2035"}, "zh"); got != "敏感性分析：人均地区生产总值 2035" {
		t.Errorf("tornado-2 caption %q", got)
	}
}

// TestMethodAnnex: the method annex states the draws and seed the report
// used (before: "10,000 次随机模拟（种子 20210609）" written in, whatever
// was drawn), explains the review only when there is one, and points to
// the thresholds under table 1 instead of repeating them word for word.
func TestMethodAnnex(t *testing.T) {
	in := annexInput(t, "zh") // 200 draws, seed 1, no review
	method := func(d *Document) string {
		for _, s := range d.Annexes {
			if s.ID == "method" {
				var b strings.Builder
				for _, p := range s.Blocks {
					b.WriteString(p.(Paragraph).Text)
				}
				return b.String()
			}
		}
		return ""
	}
	m := method(Build(in))
	if !strings.Contains(m, "200次随机模拟（种子1）") || strings.Contains(m, "10,000") || strings.Contains(m, "时间进度") {
		t.Errorf("method without a review, 200 draws: %q", m)
	}
	d := testDocument(t, "zh")
	m = method(d)
	table := strings.Join(d.Sections[1].Blocks[0].(*Table).Notes, "")
	if !strings.Contains(m, "时间进度") || !strings.Contains(m, "评价标准见表1注") || !strings.Contains(table, "评价标准：") || strings.Contains(m, "评价标准：") {
		t.Errorf("method with a review: %q", m)
	}
}

// TestQuotes: a Chinese title's straight quotes become “”, as the report's
// own sentences write them (before: 延续"十三五"实际速度 beside “十三五”).
func TestQuotes(t *testing.T) {
	for _, c := range []struct{ in, lang, want string }{
		{`延续"十三五"实际速度`, "zh", "延续“十三五”实际速度"},
		{`"a" and "b"`, "zh", "“a” and “b”"},
		{`the "13th" plan`, "en", `the "13th" plan`},
		{`一个"引号`, "zh", `一个"引号`},
	} {
		if got := quotes(c.in, c.lang); got != c.want {
			t.Errorf("quotes(%q, %s) = %q, want %q", c.in, c.lang, got, c.want)
		}
	}
}

// TestClassTableRows: the Eurostat/ESCAP annex lists the targets it could
// class and counts the rest under the table (before: Jiangjin's shipped
// review gave 31 rows, 29 of them dashes from end to end).
func TestClassTableRows(t *testing.T) {
	var rows []model.Review
	for _, c := range sentenceCases() {
		if !c.final {
			rows = append(rows, c.r)
		}
	}
	rows[0].RatioClass, rows[0].RatioRR, rows[0].AnticipClass, rows[0].Anticipated = "moderate", 0.7, "accelerate", 0.5
	tb := classTable(&Review{Rows: rows}, DefaultLabels("zh"), "zh")
	if len(tb.Rows) != 1 || tb.Rows[0].Cells[5].Text != "中等进展" {
		t.Fatalf("rows %+v, want the one classed", tb.Rows)
	}
	if n := tb.Notes[len(tb.Notes)-1]; !strings.HasPrefix(n, "表中未列的目标未分类") {
		t.Errorf("last note %q", n)
	}
}

// TestMainTableNoteMarks: the main table's note explains the base marks
// (*, †) and the growth index only when the table uses them (before, every
// report explained * and † whether or not a row had one).
func TestMainTableNoteMarks(t *testing.T) {
	p := &model.Plan{BaseYear: 2020, TargetYear: 2025, Indicators: []*model.Indicator{forest}}
	plain := linearReview(53.1, 2023, model.OnSchedule)
	revised := linearReview(53.1, 2023, model.OnSchedule)
	revised.Base = 52.0
	for _, c := range []struct {
		rows []model.Review
		want bool
	}{{[]model.Review{plain}, false}, {[]model.Review{revised}, true}} {
		rv := &Review{Rows: c.rows, AsOf: 2023, Thresholds: model.DefaultReviewThresholds(), Final: model.DefaultFinalThresholds()}
		note := mainTable(p, rv, DefaultLabels("zh"), "zh").Notes[0]
		if got := strings.Contains(note, "*为观测文件中的修订基期值"); got != c.want || strings.Contains(note, "†") || strings.Contains(note, "指数") {
			t.Errorf("revised %v: note %q", c.want, note)
		}
	}
}

// TestSyntheticMarkInPageMargin: a printed page carries the 示例数据 mark in
// its top margin (before, the fixed banner was printed over the first
// lines of every page, the repeated table header of a continued table
// included).
func TestSyntheticMarkInPageMargin(t *testing.T) {
	for _, synth := range []bool{false, true} {
		d := testDocument(t, "zh")
		d.Synthetic = synth
		var b bytes.Buffer
		if err := WriteHTML(&b, d); err != nil {
			t.Fatal(err)
		}
		page := b.String()
		margin := strings.Contains(page, `@page{@top-right{content:"`+SyntheticMark("zh")+`"`)
		hidden := strings.Contains(page, "@media print{.synthetic{display:none}}")
		if margin != synth || hidden != synth {
			t.Errorf("synthetic %v: mark in the page margin %v, banner hidden in print %v", synth, margin, hidden)
		}
	}
}
