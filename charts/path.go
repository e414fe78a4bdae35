package charts

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

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
	Points   []YearValue // up to PathData.End
	// Extrap continues Points beyond End, where no target says anything:
	// only a scenario that sets its own rule for the indicator has one, and
	// it is drawn dashed and labelled as an extrapolation.
	Extrap []YearValue
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
	// End is the last year a target speaks for: the plan's target year, or
	// a later goal (2035). Nothing beyond it is drawn as a solid path.
	End int
	// Bounded: the level is a share (or has natural bounds Lo…Hi); the
	// axis never goes beyond them.
	Bounded bool
	Lo, Hi  float64
	// Breaks are the years at which the recorded values change definition
	// (口径): the history line is not joined across them.
	Breaks []int
	// CumulativeFrom is set when the targets are sums over the years after
	// it: every path is then drawn as its running sum from that year.
	CumulativeFrom int
	// Breaches are recorded values on the wrong side of a floor or ceiling
	// in its years: marked on the chart.
	Breaches []YearValue
	// Observed is the year of the last observation a review placed on the
	// chart (0: none). Every scenario path starts there; before it only
	// the recorded values are drawn, and the plan path stays as the
	// reference that meets the targets exactly from the base year.
	Observed int
	// placed are the years of the review's observations drawn.
	placed map[int]bool
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
	d := PathData{ID: id, Name: indName(ind, lang), Scale: s0.Scale, Unit: unitLabel(ind, s0.Scale, p.BaseYear, lang), End: pathEnd(p, ind)}
	d.Observed, d.placed = lastObserved(p, id, prs, d.Scale)
	cut := false // a path was cut at End
	for _, pr := range prs {
		s := pr.Series[id]
		if s == nil || s.Scale != d.Scale || !s.Known() {
			d.Notes = append(d.Notes, fmt.Sprintf(pick(lang, "情景%s未画出：与其它情景刻度不同或无数值", "Scenario %s not drawn: another scale or no values"), pr.Name()))
			continue
		}
		solid, extrap := splitAt(known(s), d.End)
		if !ownsRule(pr, id) {
			cut = cut || len(extrap) > 0
			extrap = nil
		}
		d.Lines = append(d.Lines, PathLine{Scenario: pr.Name(), Label: ScenarioLabel(pr, lang), Points: solid, Extrap: extrap})
	}
	if d.Observed == 0 {
		d.Lines = d.mergeSame(lang)
	}
	d.History = history(p, ind, prs, d.Scale)
	d.Breaks = breaks(p, ind, d.History, d.Scale)
	for _, y := range d.Breaks {
		d.Notes = append(d.Notes, fmt.Sprintf(pick(lang, "%d年前后统计口径不同，实际值不连线", "The definition changes at %d: recorded values are not joined across it"), y))
	}
	if d.Scale == model.ScaleLevel {
		switch {
		case ind.Bounded:
			d.Bounded, d.Lo, d.Hi = true, ind.Lo, ind.Hi
		case ind.Unit.ZH == "%":
			// A share unless the plan gives other bounds (as the review reads it).
			d.Bounded, d.Lo, d.Hi = true, 0, 100
		}
	}
	if len(d.History) > 0 && d.History[0].Year < p.BaseYear && p.Previous != nil {
		d.Notes = append(d.Notes, fmt.Sprintf(pick(lang, "%d年数值取自%s", "The %d value is from %s"), d.History[0].Year, p.Previous.Title.In(lang)))
	}
	// The plan path: the same indicator with the plan rule, other things as projected.
	if pp, err := model.Project(p, &model.Scenario{Name: "plan-path", Horizon: prs[0].Horizon,
		Assumptions: map[string]model.Assumption{id: {Rule: model.RulePlan}}}); err == nil {
		if s := pp.Series[id]; s != nil && s.Scale == d.Scale {
			var beyond []YearValue
			d.PlanPath, beyond = splitAt(known(s), d.End)
			cut = cut || len(beyond) > 0
		}
	}
	if cut {
		d.Notes = append(d.Notes, fmt.Sprintf(pick(lang, "%d年后规划无目标，按规划速度的路径不再外推", "The plan sets no target after %d: paths at the plan's pace stop there"), d.End))
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
					Label: fmt.Sprintf(pick(lang, "%s 每年", "%s every year"), Goal(t, lang))})
			}
		case model.Cumulative:
			n := float64(t.Span())
			d.Targets = append(d.Targets, TargetMark{Year: t.Year, Value: t.Value / n,
				Label: fmt.Sprintf(pick(lang, "%d 累计%s，年均%s", "%d: total %s, %s a year"), t.Year, Goal(t, lang), Value(t.Value/n))})
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
						t.Year, pick(lang, Goal(t, lang)+ind.Unit.In(lang), Goal(t, lang)+" "+ind.Unit.In(lang))))
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
			d.Targets = append(d.Targets, TargetMark{Year: t.Year, Value: x, Label: targetLabel(t, x, lang)})
		}
	}
	for _, b := range d.Bands {
		for _, h := range d.History {
			if h.Year > b.From && h.Year <= b.To && ((b.Floor && h.Value < b.Bound) || (!b.Floor && h.Value > b.Bound)) {
				d.Breaches = append(d.Breaches, h)
			}
		}
	}
	if from, ok := cumulativeFrom(ind); ok && d.Scale == model.ScaleLevel {
		d.running(ind, from, lang)
	}
	if d.Observed > 0 {
		// Cut after the running sums, which need every year; paths that
		// differed only before the observation are then drawn once.
		d.startAtObserved(p, lang)
		d.Lines = d.mergeSame(lang)
	}
	return d, nil
}

// lastObserved is the last year after the base year of the observations a
// review placed on indicator id's series of scale sc (0 when there is
// none), and the years of all it placed.
func lastObserved(p *model.Plan, id string, prs []*model.Projection, sc model.Scale) (int, map[int]bool) {
	last, placed := 0, map[int]bool{}
	for _, pr := range prs {
		if s := pr.Series[id]; pr.Scenario == nil || s == nil || s.Scale != sc {
			continue
		}
		for y := range pr.Scenario.Observed[id] {
			placed[y] = true
			if y > p.BaseYear {
				last = max(last, y)
			}
		}
	}
	return last, placed
}

// nameUnplaced adds the note naming the review's observations of d's
// indicator that the chart does not draw (UnplacedNote).
func (d *PathData) nameUnplaced(p *model.Plan, o Options) {
	if n := UnplacedNote(p, p.Indicator(d.ID), o.Evidence[d.ID], d.placed, d.Scale, o.AsOf, o.lang()); n != "" {
		d.Notes = append(d.Notes, n)
	}
}

// startAtObserved drops every scenario path's years before d.Observed: a
// review bundle draws only what was recorded before its last observation,
// never a scenario's guess at a year that has an actual.
func (d *PathData) startAtObserved(p *model.Plan, lang string) {
	for i := range d.Lines {
		pts := d.Lines[i].Points
		k := 0
		for k < len(pts) && pts[k].Year < d.Observed {
			k++
		}
		d.Lines[i].Points = pts[k:]
	}
	d.Notes = append(d.Notes, fmt.Sprintf(pick(lang,
		"各情景自%d年实际值起测算，此前只画实际值；虚线规划路径是自%d年基期起恰好达标的参照",
		"Scenarios start from the %d observation; before it only recorded values are drawn. The dashed plan path is the reference that meets the targets exactly from the %d base"),
		d.Observed, p.BaseYear))
}

// targetLabel is a target marker's label: the target as the tables print
// it ("2025年目标 38", "2025年目标 ≥6%/年"); the marker shows the level x
// it means on the chart's scale, which a multiple's label also gives, as
// 翻一番 names no number ("2035年目标 翻一番（≥15.8）").
func targetLabel(t model.Target, x float64, lang string) string {
	g := Goal(t, lang)
	if t.Kind == model.Multiple {
		g += pick(lang, "（"+boundMark(t)+Value(x)+"）", " ("+boundMark(t)+Value(x)+")")
	}
	return fmt.Sprintf(pick(lang, "%d年目标 %s", "%d target %s"), t.Year, g)
}

// cumulativeFrom is the start of the sums when every numeric target of ind
// is a sum over the same years (五年累计); ok is false otherwise.
func cumulativeFrom(ind *model.Indicator) (from int, ok bool) {
	for _, t := range ind.Targets {
		switch {
		case t.Kind == model.Delegated || t.Relative():
		case t.Kind != model.Cumulative || (ok && t.From != from):
			return 0, false
		default:
			from, ok = t.From, true
		}
	}
	return from, ok
}

// running turns the yearly paths into running sums from the year after
// from (0 in from itself), so that a sum target is a point on them.
func (d *PathData) running(ind *model.Indicator, from int, lang string) {
	sum := func(pts []YearValue) []YearValue {
		var out []YearValue
		acc := 0.0
		if len(pts) > 0 && pts[0].Year > from && pts[0].Year <= from+1 {
			out = append(out, YearValue{from, 0})
		}
		for _, p := range pts {
			switch {
			case p.Year == from:
				out = append(out, YearValue{p.Year, 0})
			case p.Year > from:
				acc += p.Value
				out = append(out, YearValue{p.Year, acc})
			}
		}
		return out
	}
	for i := range d.Lines {
		all := sum(append(append([]YearValue{}, d.Lines[i].Points...), tail(d.Lines[i].Extrap)...))
		d.Lines[i].Points, d.Lines[i].Extrap = splitAt(all, d.End)
		if len(d.Lines[i].Extrap) == 0 {
			d.Lines[i].Extrap = nil
		}
	}
	d.PlanPath = sum(d.PlanPath)
	d.History = sum(d.History)
	d.Breaks, d.Bands = nil, nil
	d.Targets = d.Targets[:0]
	for _, t := range ind.Targets {
		if t.Kind == model.Cumulative {
			d.Targets = append(d.Targets, TargetMark{Year: t.Year, Value: t.Value,
				Label: fmt.Sprintf(pick(lang, "%d年累计目标 %s", "%d target: total %s"), t.Year, Goal(t, lang))})
		}
	}
	d.CumulativeFrom = from
	d.Bounded = false
	d.Unit = fmt.Sprintf(pick(lang, "%d年起累计(%s)", "total since %d (%s)"), from+1, ind.Unit.In(lang))
}

// tail drops the first point of an extrapolation, which repeats the last
// point of the solid path.
func tail(pts []YearValue) []YearValue {
	if len(pts) == 0 {
		return nil
	}
	return pts[1:]
}

// breaks are the years where the recorded values change definition: the
// base year when the previous plan's outcome for it is not comparable or
// differs from the base value drawn (a restated base, 口径调整).
func breaks(p *model.Plan, ind *model.Indicator, hist []YearValue, sc model.Scale) []int {
	if sc != model.ScaleLevel || p.Previous == nil {
		return nil
	}
	prev := p.Previous.Indicator(ind.ID)
	if prev == nil || len(hist) == 0 || hist[0].Year >= p.BaseYear {
		return nil
	}
	base := math.NaN()
	for _, h := range hist {
		if h.Year == p.BaseYear {
			base = h.Value
		}
	}
	for _, o := range prev.Observed {
		if o.Year != p.BaseYear || o.Metric != model.Level {
			continue
		}
		if !o.Comparable || !o.Known || math.IsNaN(base) || math.Abs(o.Value-base) > 1e-9*math.Max(1, math.Abs(base)) {
			return []int{p.BaseYear}
		}
	}
	if ind.Baseline.Known && !math.IsNaN(base) && base != ind.Baseline.Value {
		return []int{p.BaseYear} // the review restated the base year
	}
	return nil
}

// mergeSame draws scenarios whose paths coincide once: the first keeps
// its line, a note names the others (tolerance 1e-9 of the value).
func (d *PathData) mergeSame(lang string) []PathLine {
	var out []PathLine
	same := map[int][]string{}
	for _, l := range d.Lines {
		dup := -1
		for i, k := range out {
			if samePoints(k.Points, l.Points) && samePoints(k.Extrap, l.Extrap) {
				dup = i
				break
			}
		}
		if dup < 0 {
			out = append(out, l)
			continue
		}
		same[dup] = append(same[dup], l.Label)
	}
	for i, k := range out {
		if len(same[i]) > 0 {
			d.Notes = append(d.Notes, fmt.Sprintf(pick(lang, "%s与%s的路径相同，只画一条", "%s and %s coincide: drawn once"),
				strings.Join(same[i], pick(lang, "、", ", ")), k.Label))
		}
	}
	return out
}

func samePoints(a, b []YearValue) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Year != b[i].Year || math.Abs(a[i].Value-b[i].Value) > 1e-9*math.Max(1, math.Abs(a[i].Value)) {
			return false
		}
	}
	return true
}

// pathEnd is the last year a target of ind speaks for: the plan's target
// year or a later goal of the indicator (a 2035 goal).
func pathEnd(p *model.Plan, ind *model.Indicator) int {
	end := p.TargetYear
	for _, t := range ind.Targets {
		end = max(end, t.Year)
	}
	return end
}

// splitAt splits pts into the years up to end (with end) and those after,
// the later part starting at end so that the two join.
func splitAt(pts []YearValue, end int) (upTo, after []YearValue) {
	for i, pt := range pts {
		if pt.Year > end {
			after = pts[i:]
			if i > 0 {
				after = append([]YearValue{pts[i-1]}, after...)
			}
			return pts[:i], after
		}
	}
	return pts, nil
}

// ownsRule reports whether pr's scenario sets its own rule for indicator
// id (other than the plan path): only then does it say something about
// the years after the plan's targets.
func ownsRule(pr *model.Projection, id string) bool {
	if pr.Scenario == nil {
		return false
	}
	a, ok := pr.Scenario.Assumptions[id]
	return ok && a.Rule != model.RulePlan
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
	}
	// A review's observations are on the scale of the series they continue
	// (model.ObservedPath): levels, an index or a change since the base year.
	for _, pr := range prs {
		if pr.Scenario != nil {
			if s := pr.Series[ind.ID]; s != nil && s.Scale == sc {
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
	d.nameUnplaced(prs[0].Plan, o)
	c, err := newChart("path-"+id, 9.5*vg.Centimeter, o)
	if err != nil {
		return nil, err
	}
	c.Shown = map[string][]YearValue{id: d.History}
	th := c.th
	names, labels := scenarioNames(prs, th.lang)
	c.Title = th.t(d.Name)
	p, legend := th.pathPlot(d, colourOrder(o, names), prs[0].Horizon)
	var notes []string
	for _, n := range d.Notes {
		notes = append(notes, th.t(n))
	}
	footer := th.t(sourceLine(o, prs[0].Plan, labels, th.lang))
	c.Notes = notes
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
	ymin, ymax := d.Axis()
	p.Y.Min, p.Y.Max = ymin, ymax
	var legend []legendEntry
	for _, b := range d.Bands {
		y0, y1 := b.Bound, p.Y.Max
		if !b.Floor {
			y0, y1 = p.Y.Min, b.Bound
		}
		poly, _ := plotter.NewPolygon(plotter.XYs{{X: float64(b.From), Y: y0}, {X: float64(b.To), Y: y0}, {X: float64(b.To), Y: y1}, {X: float64(b.From), Y: y1}})
		// Neutral grey: a band is a rule, never a scenario's colour.
		poly.Color = bandFill
		poly.LineStyle.Width = 0
		bl := line(plotter.XYs{{X: float64(b.From), Y: b.Bound}, {X: float64(b.To), Y: b.Bound}}, grey, 1)
		p.Add(poly, bl)
		legend = append(legend, legendEntry{th.t(pick(th.lang, "允许范围 ", "permitted ") + b.Label), boxThumb{bandFill}})
	}
	for _, l := range d.Lines {
		ln := line(xys(l.Points), ScenarioColor(l.Scenario, order), 1.8)
		p.Add(ln)
		legend = append(legend, legendEntry{th.t(l.Label), ln})
	}
	drawn, drawnCols, arrows := d.extrapolations(order, ymin, ymax)
	for i, l := range drawn {
		p.Add(line(l, drawnCols[i], 1.2, 4, 3))
	}
	extrap := len(drawn) > 0
	var rule *ruleLabel
	if extrap {
		// The years after End are a scenario's extrapolation: a rule at
		// End and a label say so, and the axis is sized without them.
		p.Add(line(plotter.XYs{{X: float64(d.End), Y: ymin}, {X: float64(d.End), Y: ymax}}, grey, 0.8, 1, 2))
		rule = &ruleLabel{X: float64(d.End), Txt: th.L("外推 →", "extrapolated →"), Sty: th.style(sizeNote, grey)}
		legend = append(legend, legendEntry{th.t(fmt.Sprintf(pick(th.lang, "%d年后：情景外推，无规划目标", "after %d: a scenario's extrapolation, no target"), d.End)), line(nil, grey, 1.2, 4, 3)})
		if len(arrows.pts) > 0 {
			p.Add(arrows)
			legend = append(legend, legendEntry{th.L("外推超出纵轴，在此截断", "extrapolation leaves the axis here"), arrowThumb{grey}})
		}
	}
	if len(d.PlanPath) > 1 {
		pl := line(xys(d.PlanPath), okBlack, 1, 3, 2.5)
		p.Add(pl)
		lbl := th.L("规划路径（恰好达标）", "plan path (meets targets exactly)")
		if d.Observed > 0 {
			lbl = th.L("规划路径（自基期起恰好达标，参照）", "plan path from the base (meets targets exactly; reference)")
		}
		legend = append(legend, legendEntry{lbl, pl})
	}
	if len(d.History) > 0 {
		for _, seg := range segments(d.History, d.Breaks) {
			p.Add(line(xys(seg), okBlack, 0.8))
		}
		hs := scatter(xys(d.History), okBlack, draw.CircleGlyph{}, 2.2)
		p.Add(hs)
		legend = append(legend, legendEntry{th.L("实际值", "recorded"), hs})
		if len(d.Breaches) > 0 {
			bs := scatter(xys(d.Breaches), okVermilion, draw.RingGlyph{}, 4.5)
			bs.GlyphStyle.Radius = 4.5
			p.Add(bs)
			legend = append(legend, legendEntry{th.L("突破下限/上限", "limit broken"), bs})
		}
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
		// Each label goes where it crosses no path and no other label.
		legend = append(legend, legendEntry{th.L("目标", "target"), ts})
		p.Add(&placed{pts: pts, txt: txt, sty: th.style(sizeNote, okVermilion), lines: d.obstacles(drawn, ymin, ymax), rule: rule, boxes: &th.boxes, segs: &th.segs})
	} else if rule != nil {
		p.Add(&placed{lines: d.obstacles(drawn, ymin, ymax), rule: rule, boxes: &th.boxes, segs: &th.segs})
	}
	// Set last: p.Add widens the axes to every plotter's data, the
	// extrapolations included; lines beyond the axes are clipped.
	p.Y.Min, p.Y.Max = ymin, ymax
	p.X.Min, p.X.Max = float64(firstYear(d)), float64(min(horizon, d.End))+0.5
	if extrap {
		// As far as an extrapolation is drawn (two years at least, room
		// for the rule's label), not to an empty horizon.
		end := max(math.Ceil(extrapEnd(drawn)), float64(d.End+2))
		p.X.Max = math.Min(float64(horizon), end) + 0.5
	}
	return p, legend
}

// obstacles are the lines a label must not sit on, in data coordinates:
// the paths, the extrapolations as drawn, the plan path, the recorded
// values and the rule at End when extrapolations are drawn.
func (d PathData) obstacles(drawn []plotter.XYs, ymin, ymax float64) []plotter.XYs {
	var out []plotter.XYs
	for _, l := range d.Lines {
		out = append(out, xys(l.Points))
	}
	out = append(out, drawn...)
	out = append(out, xys(d.PlanPath), xys(d.History))
	if len(drawn) > 0 {
		out = append(out, plotter.XYs{{X: float64(d.End), Y: ymin}, {X: float64(d.End), Y: ymax}})
	}
	return out
}

// Axis is the value axis: Range with 12 % room, kept inside the
// natural bounds of a share (never above 100 %).
func (d PathData) Axis() (lo, hi float64) {
	lo, hi = d.Range()
	pad := (hi - lo) * 0.12
	if pad == 0 {
		pad = math.Max(1, math.Abs(hi)*0.05)
	}
	lo, hi = lo-pad, hi+pad
	if d.Bounded {
		lo, hi = math.Max(lo, d.Lo), math.Min(hi, d.Hi)
		if hi <= lo {
			lo = hi - 1
		}
	}
	return lo, hi
}

// Range is the span of the values the axis must show: history, the paths
// up to End, the plan path, targets and bands — never an extrapolation.
func (d PathData) Range() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
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
	return lo, hi
}

// segments splits the recorded values at each break year: a line is
// never drawn across a change of definition.
func segments(pts []YearValue, breaks []int) [][]YearValue {
	var out [][]YearValue
	var cur []YearValue
	for _, p := range pts {
		for _, b := range breaks {
			if p.Year == b && len(cur) > 0 {
				out, cur = append(out, cur), nil
			}
		}
		cur = append(cur, p)
	}
	return append(out, cur)
}

// bandFill shades the permitted side of a floor or ceiling: a grey no
// scenario is given (scenarioColors).
var bandFill = fade(grey, 0.22)

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

// yearTicks labels whole years: every year on short spans, every fifth on long ones.
type yearTicks struct{}

func (yearTicks) Ticks(min, max float64) []plot.Tick {
	step := 1
	if max-min > 8 {
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
