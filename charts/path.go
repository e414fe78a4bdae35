package charts

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"fyp/internal/numfmt"
	"fyp/model"
)

// YearValue is one point of a path.
type YearValue struct {
	Year  int
	Value float64
}

// PathLine is one scenario's projected path.
type PathLine struct {
	Scenario string // name, for the colour
	Label    string
	Points   []YearValue
}

// TargetMark is a target drawn as a marker: the level that meets it.
type TargetMark struct {
	Year  int
	Value float64
	Label string // e.g. "2025 ≥ 10"
}

// Band is a floor or ceiling held every year From … To: the permitted side
// of Bound is shaded.
type Band struct {
	From, To int
	Bound    float64
	Floor    bool // true: values ≥ Bound are permitted; false: ≤ Bound
	Label    string
}

// PathData is the numbers behind an indicator path chart.
type PathData struct {
	ID       string
	Name     string
	Unit     string // as drawn: the indicator's unit, an index or a change
	Scale    model.Scale
	History  []YearValue // the previous plan's start, the base year, observations
	Lines    []PathLine
	PlanPath []YearValue // the path that meets the targets exactly
	Targets  []TargetMark
	Bands    []Band
	Notes    []string
}

// PathOf computes the path chart's numbers for indicator id from one or
// more projections of the same plan.
func PathOf(id string, prs []*model.Projection, lang string) (PathData, error) {
	if len(prs) == 0 {
		return PathData{}, fmt.Errorf("charts: path %s: no projection", id)
	}
	p := prs[0].Plan
	ind := p.Indicator(id)
	if ind == nil {
		return PathData{}, fmt.Errorf("charts: path: unknown indicator %q", id)
	}
	s0 := prs[0].Series[id]
	if s0 == nil || !s0.Known() {
		return PathData{}, fmt.Errorf("charts: path %s: the projection has no known value (%s)", id, s0.Reason)
	}
	d := PathData{ID: id, Name: indName(ind, lang), Scale: s0.Scale, Unit: unitLabel(ind, s0.Scale, p.BaseYear, lang)}
	for _, pr := range prs {
		s := pr.Series[id]
		if s == nil || s.Scale != d.Scale || !s.Known() {
			d.Notes = append(d.Notes, fmt.Sprintf(pick(lang, "情景%s未画出：与其它情景刻度不同或无数值", "Scenario %s not drawn: another scale or no values"), pr.Name()))
			continue
		}
		d.Lines = append(d.Lines, PathLine{Scenario: pr.Name(), Label: ScenarioLabel(pr, lang), Points: known(s)})
	}
	d.History = history(p, ind, prs, d.Scale)
	if len(d.History) > 0 && d.History[0].Year < p.BaseYear && p.Previous != nil {
		d.Notes = append(d.Notes, fmt.Sprintf(pick(lang, "%d年数值取自%s", "The %d value is from %s"), d.History[0].Year, p.Previous.Title.In(lang)))
	}
	// The plan path: the same indicator with the plan rule, other things as projected.
	if pp, err := model.Project(p, &model.Scenario{Name: "plan-path", Horizon: prs[0].Horizon,
		Assumptions: map[string]model.Assumption{id: {Rule: model.RulePlan}}}); err == nil {
		if s := pp.Series[id]; s != nil && s.Scale == d.Scale {
			d.PlanPath = known(s)
		}
	}
	x0, ok0 := s0.At(p.BaseYear)
	for _, t := range ind.Targets {
		if t.Relative() {
			// Growth relative to another indicator fixes no level of this
			// one: never drawn as a level, said in a note.
			d.Notes = append(d.Notes, relativeNote(t, lang))
			continue
		}
		switch t.Kind {
		case model.Delegated:
			d.Notes = append(d.Notes, pick(lang, "目标由上级下达，无数值", "Target set by the city; no number"))
		case model.Floor, model.Ceiling:
			if d.Scale == model.ScaleLevel {
				d.Bands = append(d.Bands, Band{From: t.From, To: t.Year, Bound: t.Value, Floor: t.Kind == model.Floor,
					Label: fmt.Sprintf(pick(lang, "%s%s 每年", "%s%s every year"), boundMark(t), fmtNum(t.Value, 2))})
			}
		case model.Cumulative:
			n := float64(t.Span())
			d.Targets = append(d.Targets, TargetMark{Year: t.Year, Value: t.Value / n,
				Label: fmt.Sprintf(pick(lang, "%d 累计%s，年均%s", "%d: total %s, %s a year"), t.Year, fmtNum(t.Value, 2), fmtNum(t.Value/n, 2))})
		default:
			x := math.NaN()
			from := x0
			if t.From != p.BaseYear {
				from, _ = s0.At(t.From)
			}
			switch t.Kind {
			case model.Level:
				if d.Scale == model.ScaleLevel {
					x = t.Value
				} else {
					d.Notes = append(d.Notes, fmt.Sprintf(pick(lang, "%d年目标%s无法标在相对刻度上（规划未给出基期水平）", "The %d target of %s cannot be marked on a relative scale (the plan gives no base level)"),
						t.Year, pick(lang, fmtUnit(t.Value, ind.Unit.In(lang))+ind.Unit.In(lang), numfmt.Amount(t.Value, ind.Unit.In(lang)))))
				}
			case model.Growth:
				x = from * math.Pow(1+t.Value/100, float64(t.Span()))
			case model.Multiple:
				x = from * t.Value
			case model.Change:
				x = from + t.Value
			case model.Reduction:
				x = from * (1 - t.Value/100)
			}
			if !ok0 || math.IsNaN(x) {
				continue
			}
			d.Targets = append(d.Targets, TargetMark{Year: t.Year, Value: x, Label: fmt.Sprintf(pick(lang, "%d年目标 %s%s", "%d target %s%s"), t.Year, boundMark(t), fmtUnit(x, ind.Unit.In(lang)))})
		}
	}
	return d, nil
}

// history gathers the recorded values on the chart's scale: the previous
// plan's base value, the base year and comparable level observations
// (the plan's own and the scenarios').
func history(p *model.Plan, ind *model.Indicator, prs []*model.Projection, sc model.Scale) []YearValue {
	seen := map[int]float64{}
	switch sc {
	case model.ScaleIndex:
		seen[p.BaseYear] = 100
	case model.ScaleChange:
		seen[p.BaseYear] = 0
	default:
		if ind.Baseline.Known {
			seen[ind.Baseline.Year] = ind.Baseline.Value
		}
		if p.Previous != nil {
			if prev := p.Previous.Indicator(ind.ID); prev != nil && prev.Baseline.Known && prev.Baseline.Year < p.BaseYear {
				seen[prev.Baseline.Year] = prev.Baseline.Value
			}
		}
		for _, o := range ind.Observed {
			if o.Known && o.Comparable && o.Metric == model.Level {
				seen[o.Year] = o.Value
			}
		}
		for _, pr := range prs {
			if pr.Scenario != nil {
				for y, v := range pr.Scenario.Observed[ind.ID] {
					seen[y] = v
				}
			}
		}
	}
	var out []YearValue
	for y, v := range seen {
		out = append(out, YearValue{y, v})
	}
	sortYV(out)
	return out
}

func sortYV(v []YearValue) {
	for i := 1; i < len(v); i++ {
		for j := i; j > 0 && v[j].Year < v[j-1].Year; j-- {
			v[j], v[j-1] = v[j-1], v[j]
		}
	}
}

// known is a series' known values.
func known(s *model.Series) []YearValue {
	var out []YearValue
	for i, v := range s.Values {
		if !math.IsNaN(v) {
			out = append(out, YearValue{s.Start + i, v})
		}
	}
	return out
}

func xys(pts []YearValue) plotter.XYs {
	out := make(plotter.XYs, len(pts))
	for i, p := range pts {
		out[i] = plotter.XY{X: float64(p.Year), Y: p.Value}
	}
	return out
}

// IndicatorPath draws indicator id under each projection: history, one line
// per scenario, the plan path dashed, target markers and floor/ceiling bands.
func IndicatorPath(id string, prs []*model.Projection, o Options) (*Chart, error) {
	d, err := PathOf(id, prs, o.lang())
	if err != nil {
		return nil, err
	}
	c, err := newChart("path-"+id, 9.5*vg.Centimeter, o)
	if err != nil {
		return nil, err
	}
	th := c.th
	names, labels := scenarioNames(prs, th.lang)
	c.Title = th.t(d.Name)
	p, legend := th.pathPlot(d, colourOrder(o, names), prs[0].Horizon)
	var notes []string
	for _, n := range d.Notes {
		notes = append(notes, th.t(n))
	}
	footer := th.t(sourceLine(o, prs[0].Plan, labels, th.lang))
	return c.done(func(dc draw.Canvas) {
		dc = th.header(dc, c.Title)
		dc = th.footer(dc, append(notes, footer)...)
		dc = th.legend(dc, legend)
		p.Draw(draw.Crop(dc, vg.Points(4), -vg.Points(14), 0, 0))
	}), nil
}

// pathPlot composes the plot of one indicator's paths and its legend.
func (th *theme) pathPlot(d PathData, order []string, horizon int) (*plot.Plot, []legendEntry) {
	p := th.newPlot()
	p.X.Label.Text = th.L("年份", "Year")
	p.Y.Label.Text = th.t(d.Unit)
	p.X.Tick.Marker = yearTicks{}
	p.Y.Tick.Marker = niceTicks{}
	lo, hi := math.Inf(1), math.Inf(-1)
	grow := func(v float64) { lo, hi = math.Min(lo, v), math.Max(hi, v) }
	for _, l := range d.Lines {
		for _, pt := range l.Points {
			grow(pt.Value)
		}
	}
	for _, pt := range append(append([]YearValue{}, d.History...), d.PlanPath...) {
		grow(pt.Value)
	}
	for _, t := range d.Targets {
		grow(t.Value)
	}
	for _, b := range d.Bands {
		grow(b.Bound)
	}
	pad := (hi - lo) * 0.12
	if pad == 0 {
		pad = math.Max(1, math.Abs(hi)*0.05)
	}
	p.Y.Min, p.Y.Max = lo-pad, hi+pad
	var legend []legendEntry
	for _, b := range d.Bands {
		y0, y1 := b.Bound, p.Y.Max
		if !b.Floor {
			y0, y1 = p.Y.Min, b.Bound
		}
		poly, _ := plotter.NewPolygon(plotter.XYs{{X: float64(b.From), Y: y0}, {X: float64(b.To), Y: y0}, {X: float64(b.To), Y: y1}, {X: float64(b.From), Y: y1}})
		poly.Color = fade(okGreen, 0.15)
		poly.LineStyle.Width = 0
		bl := line(plotter.XYs{{X: float64(b.From), Y: b.Bound}, {X: float64(b.To), Y: b.Bound}}, okGreen, 1)
		p.Add(poly, bl)
		legend = append(legend, legendEntry{th.t(pick(th.lang, "允许范围 ", "permitted ") + b.Label), boxThumb{fade(okGreen, 0.3)}})
	}
	for _, l := range d.Lines {
		ln := line(xys(l.Points), ScenarioColor(l.Scenario, order), 1.8)
		p.Add(ln)
		legend = append(legend, legendEntry{th.t(l.Label), ln})
	}
	if len(d.PlanPath) > 1 {
		pl := line(xys(d.PlanPath), okBlack, 1, 3, 2.5)
		p.Add(pl)
		legend = append(legend, legendEntry{th.L("规划路径（恰好达标）", "plan path (meets targets exactly)"), pl})
	}
	if len(d.History) > 0 {
		h := line(xys(d.History), okBlack, 0.8)
		hs := scatter(xys(d.History), okBlack, draw.CircleGlyph{}, 2.2)
		p.Add(h, hs)
		legend = append(legend, legendEntry{th.L("实际值", "recorded"), hs})
	}
	if len(d.Targets) > 0 {
		var pts plotter.XYs
		var txt []string
		for _, t := range d.Targets {
			pts = append(pts, plotter.XY{X: float64(t.Year), Y: t.Value})
			txt = append(txt, th.t(t.Label))
		}
		ts := scatter(pts, okVermilion, draw.PyramidGlyph{}, 3.2)
		p.Add(ts)
		// Labels sit to the upper left of a marker, or the lower left where
		// the path comes down to it, so that they never lie on the line.
		var up, down plotter.XYs
		var upT, downT []string
		for i, t := range d.Targets {
			if v, ok := valueAt(d, t.Year-1); ok && v > t.Value {
				down, downT = append(down, pts[i]), append(downT, txt[i])
			} else {
				up, upT = append(up, pts[i]), append(upT, txt[i])
			}
		}
		if len(up) > 0 {
			p.Add(th.labels(up, upT, okVermilion))
		}
		if len(down) > 0 {
			l := th.labels(down, downT, okVermilion)
			for i := range l.TextStyle {
				l.TextStyle[i].YAlign = draw.YTop
			}
			l.Offset.Y = -vg.Points(3)
			p.Add(l)
		}
		legend = append(legend, legendEntry{th.L("目标", "target"), ts})
	}
	p.X.Min, p.X.Max = float64(firstYear(d)), float64(horizon)+0.5
	return p, legend
}

// valueAt is the first drawn path's value in year y: a scenario line, else the plan path.
func valueAt(d PathData, y int) (float64, bool) {
	pts := d.PlanPath
	if len(d.Lines) > 0 {
		pts = d.Lines[0].Points
	}
	for _, p := range pts {
		if p.Year == y {
			return p.Value, true
		}
	}
	return 0, false
}

func firstYear(d PathData) int {
	y := math.MaxInt
	for _, h := range d.History {
		y = min(y, h.Year)
	}
	for _, l := range d.Lines {
		if len(l.Points) > 0 {
			y = min(y, l.Points[0].Year)
		}
	}
	return y
}

// labels places text beside points, to the upper left so that a label at
// the last year stays inside the plot.
func (th *theme) labels(pts plotter.XYs, txt []string, c interface{ RGBA() (r, g, b, a uint32) }) *plotter.Labels {
	l, _ := plotter.NewLabels(plotter.XYLabels{XYs: pts, Labels: txt})
	for i := range l.TextStyle {
		s := th.style(sizeNote, c)
		s.XAlign = draw.XRight
		s.YAlign = draw.YBottom
		l.TextStyle[i] = s
	}
	l.Offset = vg.Point{X: -vg.Points(3), Y: vg.Points(3)}
	return l
}

// yearTicks labels whole years: every year on short spans, every fifth on long ones.
type yearTicks struct{}

func (yearTicks) Ticks(min, max float64) []plot.Tick {
	step := 1
	if max-min > 12 {
		step = 5
	}
	var ts []plot.Tick
	for y := int(math.Ceil(min)); float64(y) <= max; y++ {
		if y%step == 0 {
			ts = append(ts, plot.Tick{Value: float64(y), Label: fmt.Sprint(y)})
		} else {
			ts = append(ts, plot.Tick{Value: float64(y)})
		}
	}
	return ts
}

// niceTicks labels about five round values (steps of 1, 2, 2.5 or 5 times
// a power of ten) with unlabelled minor ticks between them.
type niceTicks struct{}

func (niceTicks) Ticks(min, max float64) []plot.Tick {
	if !(max > min) {
		return []plot.Tick{{Value: min, Label: fmtNum(min, 2)}}
	}
	raw := (max - min) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	prec := 0
	for s := step; prec < 6 && math.Abs(s-math.Round(s)) > 1e-9; s *= 10 {
		prec++
	}
	var ts []plot.Tick
	minor := step / 2
	for v := math.Ceil(min/minor) * minor; v <= max+1e-9*step; v += minor {
		t := plot.Tick{Value: v}
		if r := v / step; math.Abs(r-math.Round(r)) < 1e-6 {
			t.Label = fmtNum(v, prec)
		}
		ts = append(ts, t)
	}
	return ts
}

// relativeNote says what a relative target asks, since the chart cannot
// mark it: "2025年目标：年均增速不低于地区生产总值增速（相对目标，不标为水平）".
func relativeNote(t model.Target, lang string) string {
	ref := t.RelativeName.In(lang)
	if ref == "" {
		ref = t.RelativeTo
	}
	cmpZH := map[model.Bound]string{model.Min: "不低于", model.Max: "不高于", model.Approx: "与", model.Exact: "等于"}[t.Bound]
	cmpEN := map[model.Bound]string{model.Min: "at least", model.Max: "at most", model.Approx: "about", model.Exact: "equal to"}[t.Bound]
	offZH, offEN := "", ""
	if t.Value != 0 {
		offZH = fmt.Sprintf("%+g个百分点", t.Value)
		offEN = fmt.Sprintf(" %+g pp", t.Value)
	}
	if t.Bound == model.Approx {
		return fmt.Sprintf(pick(lang, "%d年目标：%d—%d年均增速与%s增速%s基本同步（相对目标，不标为水平）", "%d target: average growth %d–%d about that of %s%s (relative; not a level, not marked)"),
			t.Year, t.From, t.Year, ref, pick(lang, offZH, offEN))
	}
	return fmt.Sprintf(pick(lang, "%d年目标：%d—%d年均增速%s%s增速%s（相对目标，不标为水平）", "%d target: average growth %d–%d %s that of %s%s (relative; not a level, not marked)"),
		t.Year, t.From, t.Year, pick(lang, cmpZH, cmpEN), ref, pick(lang, offZH, offEN))
}
