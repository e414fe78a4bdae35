package report

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyp/model"
	"fyp/scenarios"
	"fyp/seeds"
)

// TestSimNote: the probability annex names scenarios and indicators as the
// report does, and a Chinese report says the model's growth-floor warning
// in Chinese (before: "注意 [plan] fdi: 23 of 150000 draw-years …").
func TestSimNote(t *testing.T) {
	titles := map[string]string{"plan": "规划路径"}
	names := map[string]string{"fdi": "实际利用外资", "water": "水质优良比例"}
	for _, c := range []struct{ in, lang, want string }{
		{"注意 [plan] fdi: 23 of 150000 draw-years (0.015 %) drew a yearly growth of −99 % or less (at −100 % the level would vanish or turn negative) and are held at −99 %; unless …", "zh",
			"注意［规划路径］实际利用外资：150000个抽样年中有23个（0.015%）年增速抽到−99%或更低（到−100%水平将归零或为负），按−99%截断；该比例不小时说明增速冲击的标准差过大，低分位数受这一下限影响。"},
		{"注意 [plan] water: 基期值处于其取值边界，未建模", "zh", "注意［规划路径］水质优良比例：基期值处于其取值边界，未建模"},
		{"[plan] 10000 次抽样，种子 1。", "zh", "［规划路径］10000 次抽样，种子 1。"},
		// The projection's own warning under the reachability table (before:
		// in English in the Chinese report).
		{"注意 [plan] water 2032: the rule would take the value to 100.6, outside its bounds [0, 100]; held at 100 from this year", "zh",
			"注意［规划路径］水质优良比例（2032年）：按测算规则该值将达到100.6，超出取值范围[0, 100]，自该年起按100计"},
		{"Warning [plan] fdi: 23 of 150000 draw-years (0.015 %) drew …", "en", "Warning [The plan's path] FDI: 23 of 150000 draw-years (0.015 %) drew …"},
	} {
		tt, nn := titles, names
		if c.lang == "en" {
			tt, nn = map[string]string{"plan": "The plan's path"}, map[string]string{"fdi": "FDI"}
		}
		if got := simNote(c.in, tt, nn, c.lang); got != c.want {
			t.Errorf("simNote(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// annexInput is the 14th plan under its own rules, with 200 draws and the
// 13th plan's record: the model's values a command hands the report.
func annexInput(t *testing.T, lang string) Input {
	t.Helper()
	p, err := seeds.Load("jiangjin-14")
	if err != nil {
		t.Fatal(err)
	}
	pr, err := model.Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	sim, err := model.Simulate(pr, model.DefaultUncertainty(p), model.SimOptions{Draws: 200, Seed: 1, TargetsOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	return Input{Plan: p, Lang: lang, Labels: DefaultLabels(lang),
		Scenarios:   []Scenario{{Projection: pr, Notes: []string{"scenario note"}}},
		Simulations: &Simulations{Runs: []*model.Simulation{sim}, Notes: []string{"[plan] 200 draws, seed 1 (see the README)", "注意 [plan] fdi: 未建模"}},
		Record:      &Record{Plan: p.Previous, Notes: []string{"record note"}},
		Main:        func(ind *model.Indicator, _ model.Target) bool { return ind.InTable() }}
}

// reachSheet is scenario k's own reachability table, kept for the
// workbook (the document prints one table for every scenario).
func reachSheet(t *testing.T, d *Document, k int) *Table {
	t.Helper()
	for _, s := range d.Annexes {
		for _, b := range s.Blocks {
			if tb, ok := b.(*Table); ok && s.ID == "scenarios" && tb.SheetOnly {
				if k == 0 {
					return tb
				}
				k--
			}
		}
	}
	t.Fatalf("no reachability sheet %d", k)
	return nil
}

func annexTable(t *testing.T, d *Document, id string) *Table {
	t.Helper()
	for _, s := range d.Annexes {
		if s.ID != id {
			continue
		}
		for _, b := range s.Blocks {
			if tb, ok := b.(*Table); ok {
				return tb
			}
		}
	}
	t.Fatalf("no table in annex %q", id)
	return nil
}

// TestAnnexTablesFromModel: the report lays out the annexes from the
// model's values (before, the command laid them out and handed over
// finished tables): a row per main-table target with the model's own
// numbers for the workbook, the command's notes under each table.
func TestAnnexTablesFromModel(t *testing.T) {
	in := annexInput(t, "zh")
	d := Build(in)
	reach := reachSheet(t, d, 0)
	var want []model.Assessment
	for _, a := range model.Assess(in.Scenarios[0].Projection) {
		if a.Indicator.InTable() {
			want = append(want, a)
		}
	}
	if len(reach.Rows) != len(want) || len(want) == 0 {
		t.Fatalf("reachability: %d rows, want %d", len(reach.Rows), len(want))
	}
	for i, a := range want {
		c := reach.Rows[i].Cells
		if c[1].Text != a.Indicator.Name.ZH || c[2].Text != a.Indicator.Unit.ZH || c[7].Text != in.Labels.Verdict(a) {
			t.Errorf("reachability row %d = %q %q %q, want %s, %s", i, c[1].Text, c[2].Text, c[7].Text, a.Indicator.ID, in.Labels.Verdict(a))
		}
		if got := c[6].Value; got != a.Projected && !(isNaN(got) && isNaN(a.Projected)) {
			t.Errorf("reachability %s: projected value %v, want %v", a.Indicator.ID, got, a.Projected)
		}
	}
	if !slices.Equal(reach.Notes, []string{"scenario note"}) || reach.Sheet == "" || !slices.Contains(annexTable(t, d, "scenarios").Notes, "scenario note") {
		t.Errorf("reachability notes %q, sheet %q", reach.Notes, reach.Sheet)
	}
	prob := annexTable(t, d, "probability")
	// The report's own explanation, then the command's warnings with the
	// scenario and indicator named.
	if len(prob.Rows) == 0 || len(prob.Notes) != 3 || !strings.HasPrefix(prob.Notes[1], "200次随机抽样（种子1）") || prob.Notes[2] != "注意［规划路径］实际利用外资：未建模" {
		t.Errorf("probability: %d rows, notes %q", len(prob.Rows), prob.Notes)
	}
	// The printed table: a row per target, a column per scenario with its
	// probability; the detail (standard error, percentiles) in the workbook.
	sim := in.Simulations.Runs[0]
	var met []float64
	for _, ts := range sim.Targets {
		if ts.Status == model.Assessed && ts.Indicator.InTable() {
			met = append(met, ts.PMet)
		}
	}
	if len(prob.Cols) != 5 || len(prob.Rows) != len(met) {
		t.Fatalf("probability: %d columns, %d rows; want 5 and %d", len(prob.Cols), len(prob.Rows), len(met))
	}
	for i, p := range met {
		if !same(prob.Rows[i].Cells[4].Value, p) {
			t.Errorf("probability row %d: %v, want %v", i, prob.Rows[i].Cells[4].Value, p)
		}
	}
	var detail *Table
	for _, s := range d.Annexes {
		for _, b := range s.Blocks {
			if tb, ok := b.(*Table); ok && s.ID == "probability" && tb.SheetOnly {
				detail = tb
			}
		}
	}
	if detail == nil || len(detail.Rows) != len(met) || detail.Cols[6].Head != "标准误" {
		t.Errorf("no probability detail for the workbook: %v", detail)
	}
	rec := annexTable(t, d, "record")
	outs := model.ExPost(in.Record.Plan)
	if len(rec.Rows) != len(outs) {
		t.Fatalf("record: %d rows, want %d", len(rec.Rows), len(outs))
	}
	for i, o := range outs {
		if got := rec.Rows[i].Cells[7].Text; got != in.Labels.Outcome(o) {
			t.Errorf("record %s: %q, want %q", o.Indicator.ID, got, in.Labels.Outcome(o))
		}
	}
}

// TestReachabilityOneTable: the reachability annex prints one table for
// every scenario (before: a table per scenario, six of them, nine pages):
// a row per target with the required pace and the previous plan's, and
// per scenario its assumed pace and verdict, each the model's number; each
// scenario's own table (with the projected values) stays in the workbook.
func TestReachabilityOneTable(t *testing.T) {
	in, prs := scenarioInput(t, "zh", "baseline", "high", "low")
	d := Build(in)
	var printed []*Table
	for _, s := range d.Annexes {
		for _, b := range s.Blocks {
			if tb, ok := b.(*Table); ok && s.ID == "scenarios" && !tb.SheetOnly {
				printed = append(printed, tb)
			}
		}
	}
	if len(printed) != 1 {
		t.Fatalf("the scenarios annex prints %d tables, want 1", len(printed))
	}
	all := printed[0]
	if len(all.Cols) != 7+2*len(prs) || len(all.Groups) != 1+len(prs) || all.Groups[1].Title != ScenarioTitle(prs[0], "zh") {
		t.Fatalf("%d columns, groups %v", len(all.Cols), all.Groups)
	}
	for k, pr := range prs {
		var as []model.Assessment
		for _, a := range model.Assess(pr) {
			if a.Indicator.InTable() {
				as = append(as, a)
			}
		}
		if len(as) != len(all.Rows) {
			t.Fatalf("%s: %d targets, the table %d rows", pr.Name(), len(as), len(all.Rows))
		}
		sheet := reachSheet(t, d, k)
		if sheet.Sheet != "可达性 "+pr.Name() || len(sheet.Rows) != len(as) {
			t.Errorf("%s: sheet %q with %d rows", pr.Name(), sheet.Sheet, len(sheet.Rows))
		}
		for i, a := range as {
			c := all.Rows[i].Cells
			if c[4].Text == "随情景" {
				if !slices.ContainsFunc(all.Notes, func(n string) bool {
					return strings.Contains(n, "序号"+c[0].Text) && strings.Contains(n, ScenarioTitle(pr, "zh")+sheet.Rows[i].Cells[8].Text)
				}) {
					t.Errorf("%s row %d: required pace by scenario, not in the notes %q", pr.Name(), i, all.Notes)
				}
			} else if !same(c[4].Value, a.Required) {
				t.Errorf("%s row %d (%s): required %v, want %v", pr.Name(), i, a.Indicator.ID, c[4].Value, a.Required)
			}
			if c[1].Text != a.Indicator.Name.ZH || !same(c[5].Value, a.Historical) ||
				!same(c[7+2*k].Value, a.Assumed) || c[8+2*k].Text != in.Labels.Verdict(a) {
				t.Errorf("%s row %d (%s): %v", pr.Name(), i, a.Indicator.ID, c)
			}
		}
	}
	if !Landscape(all) {
		t.Error("the table of three scenarios does not go on a landscape page")
	}
	// The totals: the targets each scenario meets, counted from the model
	// (before: the command's 合计 lines, one a scenario, none named).
	var met []string
	for _, pr := range prs {
		n := 0
		for _, a := range model.Assess(pr) {
			if a.Indicator.InTable() && a.Status == model.Assessed && a.Met {
				n++
			}
		}
		met = append(met, fmt.Sprintf("%s%d项", ScenarioTitle(pr, "zh"), n))
	}
	if want := fmt.Sprintf("%d项目标中达标的：%s", len(all.Rows), strings.Join(met, "，")); !strings.HasPrefix(all.Notes[0], want) {
		t.Errorf("totals %q, want %q…", all.Notes[0], want)
	}
}

// TestMergeScenarioNotes: a warning said alike of several scenarios is
// said once, naming them (before: the same warning four times).
func TestMergeScenarioNotes(t *testing.T) {
	got := mergeScenarioNotes([]string{"说明", "注意［甲］进出口：2个。", "注意［乙］进出口：2个。", "注意［乙］外资：1个。"}, "zh")
	want := []string{"说明", "注意［甲、乙］进出口：2个。", "注意［乙］外资：1个。"}
	if !slices.Equal(got, want) {
		t.Errorf("notes %q, want %q", got, want)
	}
	got = mergeScenarioNotes([]string{"Warning [high] trade: 2.", "Warning [low] trade: 2."}, "en")
	if want := []string{"Warning [high, low] trade: 2."}; !slices.Equal(got, want) {
		t.Errorf("notes %q, want %q", got, want)
	}
}

// scenarioInput is annexInput with the shipped scenarios ids.
func scenarioInput(t *testing.T, lang string, ids ...string) (Input, []*model.Projection) {
	t.Helper()
	in := annexInput(t, lang)
	var prs []*model.Projection
	in.Scenarios = nil
	for _, id := range ids {
		r, err := scenarios.Load(id, in.Plan)
		if err != nil {
			t.Fatal(err)
		}
		pr, err := model.Project(in.Plan, r.Scenario)
		if err != nil {
			t.Fatal(err)
		}
		prs = append(prs, pr)
		in.Scenarios = append(in.Scenarios, Scenario{Projection: pr})
	}
	return in, prs
}

// TestReachabilityFitsLandscape: the table of the six shipped scenarios
// prints in smaller type with tight cells (before: its last scenarios ran
// off the right edge of the landscape page), and in English its units and
// verdicts wrap, "insufficient data" said "no data" (its longest word
// would not fit six columns of a Word page at 7.5 points).
func TestReachabilityFitsLandscape(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		in, _ := scenarioInput(t, lang, scenarios.IDs()...)
		var buf bytes.Buffer
		if err := WriteHTML(&buf, Build(in)); err != nil {
			t.Fatal(err)
		}
		page := buf.String()
		if !strings.Contains(page, `<table class="dense" style="font-size:0.`) || !strings.Contains(page, "table.dense td,table.dense th{padding:") {
			t.Errorf("%s: the reachability table of six scenarios is not set dense", lang)
		}
		sec := page[strings.Index(page, `<section id="scenarios"`):]
		sec = sec[:strings.Index(sec, "</section>")]
		if lang == "en" && (!strings.Contains(sec, "<td>no data</td>") || strings.Contains(sec, ">insufficient data</td>") || strings.Contains(sec, `<td class="nw">100 million yuan</td>`)) {
			t.Error("en: verdicts or units held on one line in the reachability table")
		}
	}
}

// TestRecordNoStarLegend: the record table marks no row with ★, so its
// notes do not explain ★ (before: the command's legend stood under it).
func TestRecordNoStarLegend(t *testing.T) {
	in := annexInput(t, "zh")
	in.Record.Notes = []string{"★ 约束性指标。实际速度：规划期内实际年均速度。", "合计：已实现 25"}
	rec := annexTable(t, Build(in), "record")
	for _, r := range rec.Rows {
		for _, c := range r.Cells {
			if strings.Contains(c.Text, "★") {
				t.Fatalf("a record cell %q carries ★: the legend is needed", c.Text)
			}
		}
	}
	if rec.Notes[0] != "实际速度：规划期内实际年均速度。" || rec.Notes[1] != "合计：已实现 25" {
		t.Errorf("record notes %q", rec.Notes[:2])
	}
}

// TestProjectionReportPointsToAnnexes: a report without a review says
// where its results are (before: its one paragraph said what it lacks).
func TestProjectionReportPointsToAnnexes(t *testing.T) {
	d := Build(annexInput(t, "zh"))
	got := d.Sections[0].Blocks[0].(Paragraph).Text
	if want := "各情景下的目标可达性见附件1，目标实现概率见附件2，上一规划完成情况见附件3。"; !strings.HasSuffix(got, want) {
		t.Errorf("the opening says %q, want it to end %q", got, want)
	}
	// A plan without a previous record is not said to show one.
	in := annexInput(t, "zh")
	in.Record = nil
	if got := Build(in).Sections[0].Blocks[0].(Paragraph).Text; strings.Contains(got, "上一规划") {
		t.Errorf("the opening of a report without a record says %q", got)
	}
}
