package charts

import (
	"io"
	"math"
	"testing"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"fyp/model"
	"fyp/scenarios"
)

// shippedSets are the scenario sets a user draws the headline with: the
// plan's own rates with every shipped scenario (fyp charts, -s all), and
// with each one alone.
func shippedSets(t *testing.T) map[string][]*model.Projection {
	t.Helper()
	p := load(t, "jiangjin-14")
	own, err := model.Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	sets := map[string][]*model.Projection{"all": {own}}
	for _, id := range scenarios.IDs() {
		r, err := scenarios.Load(id, p)
		if err != nil {
			t.Fatal(err)
		}
		pr, err := model.Project(p, r.Scenario)
		if err != nil {
			t.Fatal(err)
		}
		sets["all"] = append(sets["all"], pr)
		sets[id] = []*model.Projection{own, pr}
	}
	return sets
}

// drawHeadline draws the headline chart (PNG at 72 dpi) so that its panels
// and label boxes are recorded.
func drawHeadline(t *testing.T, prs []*model.Projection, lang string) *Chart {
	t.Helper()
	var names []string
	for _, pr := range prs {
		names = append(names, pr.Name())
	}
	c, err := Headline(prs, Options{Lang: lang, DPI: 72, Scenarios: names})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.WriteTo(io.Discard); err != nil {
		t.Fatal(err)
	}
	return c
}

// No label on the headline (target labels, the 外推 → label of the
// extrapolation rule) overlaps another, or lies on a drawn path, the rule
// or an extrapolation, for every shipped scenario set in both languages.
// Before the rule label joined the placement, "2025年目标 ≥134" was drawn
// over "外推 →" in the GDP panel.
func TestHeadlineLabelsNeverOverlap(t *testing.T) {
	for name, prs := range shippedSets(t) {
		for _, lang := range []string{"zh", "en"} {
			c := drawHeadline(t, prs, lang)
			if len(c.boxes) == 0 {
				t.Fatalf("%s/%s: no label recorded", name, lang)
			}
			for i, a := range c.boxes {
				for _, b := range c.boxes[i+1:] {
					if overlap(a, b) {
						t.Errorf("%s/%s: labels overlap: %v and %v", name, lang, a, b)
					}
				}
				for _, s := range c.segs {
					if crosses(a, s[0], s[1]) {
						t.Errorf("%s/%s: label %v lies on the line %v–%v", name, lang, a, s[0], s[1])
						break
					}
				}
			}
		}
	}
}

// The 外推 → label of the rule at the last target year takes part in the
// placement: a target label that must go upper right of its point at the
// rule's foot (a path blocks the upper left, the lower side is off the
// plot) keeps that place, and the rule label moves up beside the rule,
// on neither the target label nor the rule. Drawn at a fixed place at the
// rule's foot, as before, the two overlapped.
func TestRuleLabelJoinsPlacement(t *testing.T) {
	th := newTheme(mustEmbedded(t), Options{})
	id := func(v float64) vg.Length { return vg.Length(v) }
	area := vg.Rectangle{Max: vg.Point{X: 400, Y: 300}}
	rule := plotter.XYs{{X: 200, Y: 0}, {X: 200, Y: 300}}
	pl := &placed{pts: plotter.XYs{{X: 200, Y: 5}}, txt: []string{"2025年目标 ≥134"}, sty: th.style(sizeNote, okVermilion),
		lines: []plotter.XYs{{{X: 100, Y: 60}, {X: 200, Y: 5}}, rule},
		rule:  &ruleLabel{X: 200, Txt: "外推 →", Sty: th.style(sizeNote, grey)}}
	rs := pl.place(area, id, id)
	if len(rs) != 2 {
		t.Fatalf("%d boxes, want the target's and the rule's", len(rs))
	}
	if rs[0].Min.X < 200 {
		t.Fatalf("target label at %v, want it upper right of its point (the case tested)", rs[0])
	}
	if overlap(rs[0], rs[1]) {
		t.Errorf("rule label %v overlaps the target label %v", rs[1], rs[0])
	}
	if crosses(rs[1], vg.Point{X: 200, Y: 0}, vg.Point{X: 200, Y: 300}) {
		t.Errorf("rule label %v lies on the rule", rs[1])
	}
	if old := (vg.Rectangle{Min: vg.Point{X: 203, Y: 3}, Max: vg.Point{X: 203 + rs[1].Size().X, Y: 3 + rs[1].Size().Y}}); !overlap(rs[0], old) {
		t.Errorf("the case does not reproduce the old overlap: target %v, old rule label %v", rs[0], old)
	}
}

// The headline's panels have plot areas of one size (to 0.5 pt), side by
// side without overlapping, each at least 3.5 cm tall: long notes (every
// shipped scenario) make the figure taller, not the panels flatter.
// Before, plot.Align gave the top row half the bottom row's height.
func TestHeadlinePanelsEqual(t *testing.T) {
	sets := shippedSets(t)
	const tol = 0.5 // points
	var heights = map[string]vg.Length{}
	for _, name := range []string{"all", "baseline"} {
		for _, lang := range []string{"zh", "en"} {
			c := drawHeadline(t, sets[name], lang)
			if len(c.panels) != 4 {
				t.Fatalf("%s/%s: %d panels, want 4", name, lang, len(c.panels))
			}
			w0, h0 := c.panels[0].Size().X, c.panels[0].Size().Y
			for i, r := range c.panels {
				if math.Abs(float64(r.Size().X-w0)) > tol || math.Abs(float64(r.Size().Y-h0)) > tol {
					t.Errorf("%s/%s: panel %d is %.1f×%.1f pt, panel 0 %.1f×%.1f", name, lang, i, r.Size().X, r.Size().Y, w0, h0)
				}
				if r.Size().Y < 3.5*vg.Centimeter {
					t.Errorf("%s/%s: panel %d is %.1f pt tall, want ≥ 3.5 cm", name, lang, i, r.Size().Y)
				}
				for _, o := range c.panels[i+1:] {
					if overlap(r, o) {
						t.Errorf("%s/%s: panels overlap: %v, %v", name, lang, r, o)
					}
				}
			}
			if name == "all" && lang == "zh" && h0 < heights["baseline/zh"]-tol {
				t.Errorf("all/zh panels %.1f pt tall, shorter than with one scenario (%.1f)", h0, heights["baseline/zh"])
			}
			heights[name+"/"+lang] = h0
		}
	}
}

// An extrapolation ends where it leaves the value axis, on the edge.
func TestClipToAxis(t *testing.T) {
	tests := []struct {
		name    string
		pts     plotter.XYs
		wantEnd plotter.XY
		wantOut bool
	}{
		{"inside", plotter.XYs{{X: 2025, Y: 100}, {X: 2030, Y: 140}}, plotter.XY{X: 2030, Y: 140}, false},
		// 100 → 200 over 2025–2030 crosses 150 half-way, at 2027.5.
		{"leaves the top", plotter.XYs{{X: 2025, Y: 100}, {X: 2030, Y: 200}}, plotter.XY{X: 2027.5, Y: 150}, true},
		// 100 → 0 crosses 50 half-way, at 2027.5.
		{"leaves the bottom", plotter.XYs{{X: 2025, Y: 100}, {X: 2030, Y: 0}}, plotter.XY{X: 2027.5, Y: 50}, true},
	}
	for _, tc := range tests {
		in, exit, out := clipToAxis(tc.pts, 50, 150)
		if out != tc.wantOut || in[len(in)-1] != tc.wantEnd || (out && exit != tc.wantEnd) {
			t.Errorf("%s: clipToAxis ends at %v (exit %v, %v), want %v (%v)", tc.name, in[len(in)-1], exit, out, tc.wantEnd, tc.wantOut)
		}
	}
}

// Every drawn extrapolation stays inside the value axis, which stays sized
// to the targets; each one that leaves it is marked by an arrow; the year
// axis ends where the last one ends, not at an empty horizon.
func TestExtrapolationsEndAtAxis(t *testing.T) {
	prs := shippedSets(t)["all"]
	th := newTheme(mustEmbedded(t), Options{})
	for _, id := range HeadlineOf(prs[0]) {
		d, err := PathOf(id, prs, "zh")
		if err != nil {
			t.Fatal(err)
		}
		p, _ := th.pathPlot(d, nil, prs[0].Horizon)
		lo, hi := d.Axis()
		if p.Y.Min != lo || p.Y.Max != hi {
			t.Errorf("%s: value axis %g…%g, want %g…%g (never stretched to an extrapolation)", id, p.Y.Min, p.Y.Max, lo, hi)
		}
		leaving, arrows, last := 0, 0, math.Inf(-1)
		for _, l := range d.Lines {
			for _, pt := range l.Extrap {
				if pt.Value > hi || pt.Value < lo {
					leaving++
					break
				}
			}
		}
		drawn, _, ar := d.extrapolations(nil, lo, hi)
		for _, l := range drawn {
			for _, pt := range l {
				if pt.Y > hi+1e-9 || pt.Y < lo-1e-9 {
					t.Errorf("%s: extrapolation drawn at %v, outside the axis %g…%g", id, pt, lo, hi)
				}
				last = math.Max(last, pt.X)
			}
		}
		arrows = len(ar.pts)
		for _, pt := range ar.pts {
			if pt.Y != hi && pt.Y != lo {
				t.Errorf("%s: arrow at %v, not on the axis edge %g or %g", id, pt, lo, hi)
			}
		}
		if leaving == 0 && id == "gdp" {
			t.Errorf("gdp: no extrapolation leaves the axis; the test checks nothing")
		}
		if arrows != leaving {
			t.Errorf("%s: %d arrows, want one per extrapolation leaving the axis (%d)", id, arrows, leaving)
		}
		if !math.IsInf(last, -1) && p.X.Max > math.Max(math.Ceil(last), float64(d.End+2))+0.5 {
			t.Errorf("%s: year axis to %g, the last extrapolation ends at %g", id, p.X.Max, last)
		}
	}
}
