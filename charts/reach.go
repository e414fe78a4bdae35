package charts

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"fyp/model"
)

// Verdict is the colour class of a target in the dashboard.
type Verdict string

const (
	VerdictMet       Verdict = "met"
	VerdictMissed    Verdict = "missed"
	VerdictNoData    Verdict = "no_data"
	VerdictDelegated Verdict = "delegated"
)

// ReachRow is one main-table target in the reachability dashboard. Paces
// are in Unit (percent a year, or the indicator's units a year); the Rel
// fields are the same paces divided by Required, so 1 is "just enough".
type ReachRow struct {
	No                  int
	Label               string
	Year                int
	Binding             bool
	Verdict             Verdict
	Unit                string
	Pace                model.RateKind // how the paces are measured, for their decimals
	Required            float64
	Assumed             float64
	Hist                float64
	RelAssumed, RelHist float64 // NaN when Required is 0 or unknown
	Note                string  // why a row has no pace
	// Versus names, for a target relative to another indicator, that
	// indicator: the paces are then this indicator's, Required the one
	// that keeps up with the other's projected growth.
	Versus string
}

// ReachOf is the dashboard's rows: every main-table target of the
// assessments, in plan order.
func ReachOf(as []model.Assessment, lang string) []ReachRow {
	var out []ReachRow
	for _, a := range as {
		ind := a.Indicator
		if !ind.InTable() {
			continue
		}
		r := ReachRow{No: ind.No, Label: RowName(ind, lang), Year: a.Target.Year, Binding: ind.Attribute == model.Binding,
			Required: a.Required, Assumed: a.Assumed, Hist: a.Historical, RelAssumed: math.NaN(), RelHist: math.NaN()}
		if a.Target.Relative() {
			r.Versus = a.Target.RelativeName.In(lang)
			if r.Versus == "" {
				r.Versus = a.Target.RelativeTo
			}
		}
		switch {
		case a.Status == model.NotAssessed:
			r.Verdict = VerdictDelegated
		case a.Status == model.NoData:
			r.Verdict = VerdictNoData
		case a.Met:
			r.Verdict = VerdictMet
		default:
			r.Verdict = VerdictMissed
		}
		if a.Pace != model.RateNone {
			r.Unit, r.Pace = paceUnit(ind, a.Pace, lang), a.Pace
		}
		if !math.IsNaN(a.Required) && math.Abs(a.Required) > 1e-12 {
			r.RelAssumed = a.Assumed / a.Required
			r.RelHist = a.Historical / a.Required
		}
		switch {
		case a.Target.Kind == model.Floor || a.Target.Kind == model.Ceiling:
			r.Note = fmt.Sprintf(pick(lang, "每年%s", "%s every year"), Goal(a.Target, lang))
		case a.Status == model.NotAssessed:
			r.Note = pick(lang, "市下达，无数值", "set by the city")
		case math.IsNaN(r.RelAssumed) && math.IsNaN(r.RelHist):
			r.Note = pick(lang, "无可比速度", "no pace to compare")
		}
		out = append(out, r)
	}
	return out
}

func verdictColour(v Verdict) (c interface{ RGBA() (r, g, b, a uint32) }) {
	switch v {
	case VerdictMet:
		return okGreen
	case VerdictMissed:
		return okVermilion
	}
	return grey
}

func verdictLabel(v Verdict, lang string) string {
	switch v {
	case VerdictMet:
		return pick(lang, "达标", "met")
	case VerdictMissed:
		return pick(lang, "未达标", "not met")
	case VerdictDelegated:
		return pick(lang, "市下达", "delegated")
	}
	return pick(lang, "数据不足", "insufficient data")
}

// relMax is where the dashboard's axis stops; larger ratios sit at the edge.
const relMin, relMax = -0.5, 2.5

// Reachability draws the dashboard of every main-table target: the assumed
// and historical paces as multiples of the pace the target requires (1 =
// just enough), the assumed dot coloured by verdict, binding targets
// starred, and the paces themselves printed on the right.
func Reachability(as []model.Assessment, p *model.Plan, o Options) (*Chart, error) {
	if len(as) == 0 {
		return nil, fmt.Errorf("charts: reachability: no assessment")
	}
	rows := ReachOf(as, o.lang())
	var names []string
	for _, r := range rows {
		names = append(names, shorten(r.Label, o.lang()))
	}
	pitch := rowPitch(maxLines(names))
	c, err := newChart("reach", vg.Length(len(rows))*pitch+5.5*vg.Centimeter, o)
	if err != nil {
		return nil, err
	}
	th := c.th
	scen := as[0].Scenario
	c.Title = th.L("目标可达性：所需速度、假设速度与历史速度", "Reachability: required, assumed and historical pace")
	p0 := th.newPlot()
	p0.X.Min, p0.X.Max = relMin, relMax
	p0.Y.Min, p0.Y.Max = -0.7, float64(len(rows))-0.3
	p0.X.Label.Text = th.L("相对所需速度的倍数（1 = 恰好达标）", "multiple of the required pace (1 = just enough)")
	var ticks []plot.Tick
	n := len(rows)
	y := func(i int) float64 { return float64(n - 1 - i) }
	for i, r := range rows {
		lbl := fmt.Sprintf("%d %s", r.No, shorten(r.Label, th.lang))
		if r.Binding {
			lbl = "★" + lbl
		}
		if i > 0 && rows[i-1].No == r.No {
			lbl = fmt.Sprintf("%d", r.Year)
		} else if i+1 < n && rows[i+1].No == r.No {
			lbl += fmt.Sprintf(" %d", r.Year)
		}
		if r.Versus != "" {
			lbl += " " + shorten(th.L("相对"+r.Versus+"增速", "vs "+r.Versus+" growth"), th.lang)
		}
		ticks = append(ticks, plot.Tick{Value: y(i), Label: th.t(lbl)})
	}
	p0.Y.Tick.Marker = plot.ConstantTicks(ticks)
	p0.Y.Tick.LineStyle.Width = 0
	p0.X.Tick.Marker = plot.ConstantTicks([]plot.Tick{{Value: 0, Label: "0"}, {Value: 0.5}, {Value: 1, Label: "1"}, {Value: 1.5}, {Value: 2, Label: "2"}, {Value: 2.5, Label: th.t("≥2.5")}})
	one := line(plotter.XYs{{X: 1, Y: p0.Y.Min}, {X: 1, Y: p0.Y.Max}}, okBlack, 1, 3, 2)
	zero := line(plotter.XYs{{X: 0, Y: p0.Y.Min}, {X: 0, Y: p0.Y.Max}}, grey, 0.6)
	p0.Add(zero, one)
	clip := func(v float64) float64 { return math.Max(relMin, math.Min(relMax, v)) }
	var text []string
	for i, r := range rows {
		if !math.IsNaN(r.RelHist) || !math.IsNaN(r.RelAssumed) {
			var pts plotter.XYs
			for _, v := range []float64{1, r.RelHist, r.RelAssumed} {
				if !math.IsNaN(v) {
					pts = append(pts, plotter.XY{X: clip(v), Y: y(i)})
				}
			}
			lo, hi := pts[0].X, pts[0].X
			for _, q := range pts {
				lo, hi = math.Min(lo, q.X), math.Max(hi, q.X)
			}
			p0.Add(line(plotter.XYs{{X: lo, Y: y(i)}, {X: hi, Y: y(i)}}, lightGrey, 2.5))
		}
		if !math.IsNaN(r.RelHist) {
			p0.Add(scatter(plotter.XYs{{X: clip(r.RelHist), Y: y(i)}}, okBlack, draw.TriangleGlyph{}, 3))
		}
		if !math.IsNaN(r.RelAssumed) {
			p0.Add(scatter(plotter.XYs{{X: clip(r.RelAssumed), Y: y(i)}}, verdictColour(r.Verdict), draw.CircleGlyph{}, 3.6))
		} else {
			p0.Add(scatter(plotter.XYs{{X: relMin + 0.06, Y: y(i)}}, verdictColour(r.Verdict), draw.RingGlyph{}, 3))
		}
		text = append(text, th.t(reachText(r, th.lang)))
	}
	legend := []legendEntry{
		{th.L("假设速度：达标", "assumed pace: met"), glyphThumb{draw.GlyphStyle{Color: okGreen, Shape: draw.CircleGlyph{}, Radius: 3.6}}},
		{th.L("未达标", "not met"), glyphThumb{draw.GlyphStyle{Color: okVermilion, Shape: draw.CircleGlyph{}, Radius: 3.6}}},
		{th.L("无可比速度（底线、市下达、数据不足）", "no pace (floor, delegated, no data)"), glyphThumb{draw.GlyphStyle{Color: grey, Shape: draw.RingGlyph{}, Radius: 3}}},
		{th.L("历史速度（"+p.PreviousName().ZH+"）", "historical pace ("+p.PreviousName().EN+")"), glyphThumb{draw.GlyphStyle{Color: okBlack, Shape: draw.TriangleGlyph{}, Radius: 3}}},
		{th.L("所需速度", "required pace"), one},
	}
	head := th.L("所需 · 假设 · 历史", "required · assumed · historical")
	notes := []string{th.L("★ 约束性指标。速度单位：复合增长为%/年，份额为百分点/年，其它为指标单位/年；超出坐标范围的点画在边缘。",
		"★ binding target. Paces in % a year for compound targets, pp a year for shares, else the indicator's units a year; points beyond the axis sit at its edge.")}
	footer := th.t(sourceLine(o, p, []string{scenarioTitle(scen, th.lang)}, th.lang))
	return c.done(func(dc draw.Canvas) {
		dc = th.header(dc, c.Title)
		dc = th.footer(dc, append(notes, footer)...)
		dc = th.legend(dc, legend)
		textW := vg.Points(150)
		pc := draw.Crop(dc, vg.Points(4), -textW, 0, -vg.Points(12))
		p0.Draw(pc)
		dca := p0.DataCanvas(pc)
		_, trY := p0.Transforms(&dca)
		sty := th.style(sizeNote, okBlack)
		x := dc.Max.X - textW + vg.Points(6)
		dc.FillText(th.style(sizeNote, grey), vg.Point{X: x, Y: trY(p0.Y.Max) + vg.Points(3)}, head)
		for i, t := range text {
			sty.Color = okBlack
			if rows[i].Verdict == VerdictMissed {
				sty.Color = okVermilion
			}
			th.fillLines(dc, sty, x, trY(y(i)), textW-vg.Points(8), t)
		}
	}), nil
}

// reachText prints a row's paces, or why it has none, and its verdict.
func reachText(r ReachRow, lang string) string {
	v := verdictLabel(r.Verdict, lang)
	if r.Verdict == VerdictDelegated {
		return r.Note
	}
	if r.Note != "" && math.IsNaN(r.Required) {
		return r.Note + " · " + v
	}
	// The tables' decimals (Pace), with the unit once at the end.
	f := func(x float64) string {
		if math.IsNaN(x) {
			return "—"
		}
		return strings.TrimSuffix(Pace(x, r.Pace), "%")
	}
	return fmt.Sprintf("%s · %s · %s %s · %s", f(r.Required), f(r.Assumed), f(r.Hist), r.Unit, v)
}

// shorten breaks a row label into lines of at most 15 characters (36 in
// English), at a space in English: a label is never cut short. A plan's
// short name (short, short_en) keeps it on one line.
func shorten(s, lang string) string {
	max := 15
	if lang == "en" {
		max = 36
	}
	var lines []string
	line := ""
	for _, tok := range tokens(s) {
		if line != "" && len([]rune(strings.TrimRight(line+tok, " "))) > max {
			lines = append(lines, strings.TrimRight(line, " "))
			line = strings.TrimLeft(tok, " ")
			continue
		}
		line += tok
	}
	return strings.Join(append(lines, strings.TrimRight(line, " ")), "\n")
}

// rowPitch is the height of one row of a dashboard whose labels take up to
// lines lines: 15 points for one.
func rowPitch(lines int) vg.Length {
	return vg.Points(math.Max(15, 10*float64(lines)+4))
}

// maxLines is the most lines any of the labels takes.
func maxLines(labels []string) int {
	n := 1
	for _, l := range labels {
		n = max(n, strings.Count(l, "\n")+1)
	}
	return n
}

// fillLines draws text wrapped to width w, its lines centred on y.
func (th *theme) fillLines(dc draw.Canvas, sty text.Style, x, y, w vg.Length, s string) {
	lines := th.wrap(s, sty, w)
	lh := sty.Font.Size * 1.15
	top := y + lh*vg.Length(len(lines)-1)/2
	for k, ln := range lines {
		dc.FillText(sty, vg.Point{X: x, Y: top - lh*vg.Length(k) - 0.3*sty.Font.Size}, ln)
	}
}

// scenarioTitle names a scenario known only by name.
func scenarioTitle(name, lang string) string {
	if name == "plan" {
		return pick(lang, "规划自身速度", "plan's own rates")
	}
	return name
}
