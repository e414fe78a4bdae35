package seeds

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyp/model"
)

// TestHistoricalPaceFound: an indicator of the 14th plan that the 13th plan's
// record also holds keeps one id across the two plans, so its historical pace
// is found. Water use per 10,000 yuan of GDP fell [41.3] % over 2016–2020 (专栏
// 江津区"十三五"规划主要指标完成情况表, row 19): (1 − 0.413)^(1/5) − 1 =
// −10.106 % a year.
func TestHistoricalPaceFound(t *testing.T) {
	p, err := Load("jiangjin-14")
	if err != nil {
		t.Fatal(err)
	}
	ind := p.Indicator("water_use_per_gdp")
	if ind == nil {
		t.Fatal("jiangjin-14 has no water_use_per_gdp")
	}
	got := model.HistoricalPace(p, ind, ind.Targets[0])
	want := (math.Pow(1-0.413, 1.0/5) - 1) * 100
	if math.IsNaN(got) || math.Abs(got-want) > 1e-9 {
		t.Errorf("HistoricalPace(water_use_per_gdp@2025) = %g, want %.6f", got, want)
	}
}

// TestSameIDSameUnit: an id names one concept in every plan, so the level
// series has one unit across the plan and its previous plan's record
// (市场主体数量 was 万户 in one and 万家 in the other).
func TestSameIDSameUnit(t *testing.T) {
	p, err := Load("jiangjin-14")
	if err != nil {
		t.Fatal(err)
	}
	shared := 0
	for _, ind := range p.Indicators {
		prev := p.Previous.Indicator(ind.ID)
		if prev == nil {
			continue
		}
		shared++
		if ind.Unit.ZH != prev.Unit.ZH {
			t.Errorf("%s: unit %s in %s, %s in %s", ind.ID, ind.Unit.ZH, p.ID, prev.Unit.ZH, p.Previous.ID)
		}
	}
	if shared < 10 {
		t.Errorf("only %d ids shared with the previous plan, want at least 10", shared)
	}
}

// plainFigure is a number as printed with nothing around it but brackets, a
// percent sign or a unit: "5.5", "100%", "[29]", "63", "15万家".
var plainFigure = regexp.MustCompile(`^\[?([0-9]+(?:\.[0-9]+)?)\]?\s*(%|[\p{Han}/³²]*)$`)

// boundBefore and boundAfter are the words that phrase a bound (seeds/README.md:
// min 以上, 不低于; max 以内, <, 控制在; approx 左右) before or after a figure.
var (
	boundBefore = []string{"不低于", "不少于", "至少", "超过", "不超过", "控制在", "稳定在", "保持在", "低于", "高于", "约", "≥", "≤", "<", ">"}
	boundAfter  = []string{"以上", "以内", "以下", "左右", "级", "多"}
)

// phrased reports whether the figure printed as text carries a bound word,
// in the text itself or next to it in the quoted sentence.
func phrased(text, quote string) bool {
	for _, w := range append(append([]string{}, boundBefore...), boundAfter...) {
		if strings.Contains(text, w) {
			return true
		}
	}
	i := strings.Index(quote, text)
	if quote == "" || text == "" || i < 0 {
		return false
	}
	for _, w := range boundBefore {
		if strings.HasSuffix(quote[:i], w) {
			return true
		}
	}
	for _, w := range boundAfter {
		if strings.HasPrefix(quote[i+len(text):], w) {
			return true
		}
	}
	return false
}

// TestPlainFigureHasNoBound enforces the format's rule (seeds/README.md):
// bound records how the plan phrases a number, and a plain number has none; a
// floor or ceiling is a kind, not a phrasing. The words checked are verbatim:
// for a main-table row the table's cell as printed (its quote is the row's
// name), for a chapter target its text and the quoted sentence around it. A
// figure whose printed number is not the value (a merged cell such as 23家
// read as 2–3) is a reading explained in the note, and is not checked.
func TestPlainFigureHasNoBound(t *testing.T) {
	for _, id := range IDs() {
		p, err := Load(id)
		if err != nil {
			t.Fatal(err)
		}
		checked := 0
		for _, ind := range p.Indicators {
			for i, g := range ind.Targets {
				text, quote := g.Text, ind.Quote
				if ind.InTable() {
					if i > 0 || g.Year != p.TargetYear {
						continue
					}
					text, quote = ind.TableGoal, ""
				}
				m := plainFigure.FindStringSubmatch(text)
				if m == nil || phrased(text, quote) {
					continue
				}
				if v, err := strconv.ParseFloat(m[1], 64); err != nil || v != g.Value {
					continue
				}
				checked++
				if g.Bound != model.Exact {
					t.Errorf("%s: %s@%d printed %q, a plain number, has bound %s, want none", id, ind.ID, g.Year, text, g.Bound)
				}
			}
		}
		if checked < 20 {
			t.Errorf("%s: only %d plain figures checked, want at least 20", id, checked)
		}
	}
}
