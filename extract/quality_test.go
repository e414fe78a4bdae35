package extract

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"fyp/document"
	"fyp/model"
	"fyp/seeds"
)

// seedText is the published text of Jiangjin's 14th plan, kept outside the
// repository in shared/seeds beside it (a folder above the module).
const seedText = "000_c0dc96b9baef37ce.txt"

func findSeedText(t testing.TB) string {
	if p := os.Getenv("FYP_SEED_TEXT"); p != "" {
		return p
	}
	dir, _ := os.Getwd()
	for {
		p := filepath.Join(dir, "shared", "seeds", seedText)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skipf("skipped: the plan's text shared/seeds/%s is not in a folder above the module (set FYP_SEED_TEXT to its path)", seedText)
		}
		dir = parent
	}
}

// extractFile runs the extractor on a document and parses the plan file it
// writes, as fyp validate would.
func extractFile(t testing.TB, name string, data []byte) (*model.Plan, *Result, []byte) {
	t.Helper()
	doc, err := document.Read(name, data)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(doc, Options{ID: "extracted"})
	if err != nil {
		t.Fatal(err)
	}
	res.Plan.Previous = ""
	var buf bytes.Buffer
	if err := res.Plan.WriteYAML(&buf); err != nil {
		t.Fatal(err)
	}
	p, err := seeds.Parse("extracted.yaml", buf.Bytes())
	if err != nil {
		t.Fatalf("the extracted plan does not validate: %v", err)
	}
	return p, res, buf.Bytes()
}

// tableMatch compares the main-table rows: number, unit, attribute,
// baseline, and the table's target (kind, value, bound).
func tableMatch(got, want *model.Plan) (matched, total int, diffs []string) {
	rows := map[int]*model.Indicator{}
	for _, ind := range got.Indicators {
		if ind.No > 0 && ind.Sub == 0 {
			rows[ind.No] = ind
		}
	}
	for _, w := range want.Indicators {
		if w.No == 0 || w.Sub != 0 {
			continue
		}
		total++
		g := rows[w.No]
		if g == nil {
			diffs = append(diffs, fmt.Sprintf("row %d missing", w.No))
			continue
		}
		d := ""
		if g.Unit.ZH != w.Unit.ZH {
			d += fmt.Sprintf(" unit %q want %q;", g.Unit.ZH, w.Unit.ZH)
		}
		if g.Attribute != w.Attribute {
			d += fmt.Sprintf(" attribute %s want %s;", g.Attribute, w.Attribute)
		}
		if g.Baseline.Known != w.Baseline.Known || g.Baseline.Value != w.Baseline.Value {
			d += fmt.Sprintf(" baseline %v/%g want %v/%g;", g.Baseline.Known, g.Baseline.Value, w.Baseline.Known, w.Baseline.Value)
		}
		if len(g.Targets) == 0 || len(w.Targets) == 0 {
			d += " no target;"
		} else {
			gt, wt := g.Targets[0], w.Targets[0]
			if gt.Kind != wt.Kind || gt.Value != wt.Value || gt.Bound != wt.Bound || gt.Year != wt.Year {
				d += fmt.Sprintf(" target %s %g %s want %s %g %s;", gt.Kind, gt.Value, gt.Bound, wt.Kind, wt.Value, wt.Bound)
			}
		}
		if d != "" {
			diffs = append(diffs, fmt.Sprintf("row %d (%s):%s", w.No, w.ID, d))
			continue
		}
		matched++
	}
	return matched, total, diffs
}

// chapterKey is what the chapter and vision measure compares.
type chapterKey struct {
	ID   string
	Year int
	Kind model.Kind
	Val  float64
}

// chapterTargetSet is every target but the main table's own cells: the
// chapters', the boxes' and the vision's.
func chapterTargetSet(p *model.Plan) map[chapterKey]bool {
	out := map[chapterKey]bool{}
	for _, ind := range p.Indicators {
		for k, t := range ind.Targets {
			if ind.No > 0 && k == 0 {
				continue
			}
			out[chapterKey{ind.ID, t.Year, t.Kind, t.Value}] = true
		}
	}
	return out
}

func recallPrecision(got, want map[chapterKey]bool) (recall, precision float64, missed, extra []string) {
	hit := 0
	for k := range want {
		if got[k] {
			hit++
		} else {
			missed = append(missed, fmt.Sprint(k))
		}
	}
	for k := range got {
		if !want[k] {
			extra = append(extra, fmt.Sprint(k))
		}
	}
	sort.Strings(missed)
	sort.Strings(extra)
	return float64(hit) / float64(len(want)), float64(hit) / float64(len(got)), missed, extra
}

// TestRecordOnSeedText holds the previous plan's record table (专栏 江津区
// "十三五"规划主要指标完成情况表) to the hand-checked seeds/jiangjin-13.yaml:
// rows and sub-rows matched on number, unit, attribute and the target.
func TestRecordOnSeedText(t *testing.T) {
	data, err := os.ReadFile(findSeedText(t))
	if err != nil {
		t.Fatal(err)
	}
	_, res, _ := extractFile(t, "jiangjin-14.txt", data)
	if res.Record == nil {
		t.Fatal("no record table found")
	}
	var buf bytes.Buffer
	if err := res.Record.WriteYAML(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := seeds.Parse("record.yaml", buf.Bytes())
	if err != nil {
		t.Fatalf("the record does not validate: %v", err)
	}
	want, err := seeds.Load("jiangjin-13")
	if err != nil {
		t.Fatal(err)
	}
	if got.BaseYear != want.BaseYear || got.TargetYear != want.TargetYear {
		t.Errorf("record years %d-%d, want %d-%d", got.BaseYear, got.TargetYear, want.BaseYear, want.TargetYear)
	}
	rows := map[[2]int]*model.Indicator{}
	for _, ind := range got.Indicators {
		rows[[2]int{ind.No, ind.Sub}] = ind
	}
	matched, sameID := 0, 0
	for _, w := range want.Indicators {
		g := rows[[2]int{w.No, w.Sub}]
		if g == nil {
			t.Logf("row %d.%d (%s) missing", w.No, w.Sub, w.ID)
			continue
		}
		if g.ID == w.ID {
			sameID++
		}
		ok := g.Unit.ZH == w.Unit.ZH && g.Attribute == w.Attribute && len(g.Targets) > 0 && len(w.Targets) > 0
		if ok {
			gt, wt := g.Targets[0], w.Targets[0]
			ok = gt.Kind == wt.Kind && gt.Bound == wt.Bound && (gt.Kind == model.Delegated || gt.Value == wt.Value)
		}
		if !ok {
			t.Logf("row %d.%d (%s): got %s %s %s %+v; want %s %s %+v", w.No, w.Sub, w.ID, g.ID, g.Unit.ZH, g.Attribute, g.Targets, w.Unit.ZH, w.Attribute, w.Targets)
			continue
		}
		matched++
	}
	t.Logf("record: %d of %d rows and sub-rows match (unit, attribute, target); %d have the seed's id", matched, len(want.Indicators), sameID)
	if matched < wantRecordRows {
		t.Errorf("record: %d rows match, want at least %d", matched, wantRecordRows)
	}
}

// Measured on the seed text, 2026-12-02 (branch extractq): the floors below
// are the figures reached (recall 140/149 = 0.940, precision 140/150 =
// 0.933), so a change that loses any fails. The goal is 29/29 rows
// and 0.90 recall and precision. What remains: five sentences whose
// figures a copy garbled (23 for 2—3 …; marked review, read as printed),
// two names the vocabulary cannot hold in general (a project's levees, a
// list named by its purpose), one reading (建设5G基站4500个) the
// hand-checked file takes as a five-year total against its own reading of
// 建设…N个 as a level, and one count (支持6所高职院校…) it does not list.
const (
	wantRows       = 29
	wantRecordRows = 39
	wantRecall     = 0.94
	wantPrecision  = 0.93
)

func TestQualityOnSeedText(t *testing.T) {
	data, err := os.ReadFile(findSeedText(t))
	if err != nil {
		t.Fatal(err)
	}
	got, _, _ := extractFile(t, "jiangjin-14.txt", data)
	want, err := seeds.Load("jiangjin-14")
	if err != nil {
		t.Fatal(err)
	}
	matched, total, diffs := tableMatch(got, want)
	for _, d := range diffs {
		t.Log(d)
	}
	r, pr, missed, extra := recallPrecision(chapterTargetSet(got), chapterTargetSet(want))
	t.Logf("main table: %d of %d rows match; chapters and vision: recall %.3f, precision %.3f (%d missed, %d extra)", matched, total, r, pr, len(missed), len(extra))
	if testing.Verbose() {
		for _, m := range missed {
			t.Log("missed", m)
		}
		for _, e := range extra {
			t.Log("extra", e)
		}
	}
	if matched < wantRows {
		t.Errorf("main table: %d of %d rows match, want at least %d", matched, total, wantRows)
	}
	if r < wantRecall || pr < wantPrecision {
		t.Errorf("chapters and vision: recall %.3f, precision %.3f; want at least %.3f and %.3f", r, pr, wantRecall, wantPrecision)
	}
}
