package charts

import (
	"fmt"
	"math"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"fyp/model"
)

// FanInput is a Monte Carlo result for one indicator: percentile bands per
// year. The percentile slices run parallel to Years and must be ordered
// P5 ≤ P25 ≤ P50 ≤ P75 ≤ P95 in every year.
type FanInput struct {
	Indicator              string // the indicator's label, e.g. "人均地区生产总值"
	Unit                   string // the unit of the values, as drawn
	Scenario               string // scenario name, for the colour
	Label                  string // scenario label for the footer; empty: Scenario
	Years                  []int
	P5, P25, P50, P75, P95 []float64
	History                []YearValue // recorded values, drawn as dots; optional
	Target                 float64     // the level that meets the target; NaN: none
	TargetYear             int
	PMet                   float64 // probability that the target is met, 0–1; NaN: unknown
	PMetSE                 float64 // its Monte Carlo standard error √(p(1−p)/n); 0: not shown
	Draws                  int     // number of Monte Carlo draws; 0: not shown
	// NotModelled: no shock reaches the target, so there is no probability
	// to show; the title says 未建模 / not modelled, never 100 %.
	NotModelled bool
	// OnPath: the scenario's central path meets the target exactly (the
	// plan's own path), so P(met) ≈ 50 % holds by construction; a note says so.
	OnPath bool
	// Assumed: the volatilities are assumptions, not estimates; a note says so.
	Assumed bool
	// TargetMark is the target's bound as printed before its level ("≥",
	// "≈"; BoundMark) and TargetGoal the target as the report's tables
	// print it (Goal): the label shows both where they differ.
	TargetMark, TargetGoal string
	// Later are the indicator's further targets within the fan's years (a
	// 2035 goal): each is marked like the first and its probability is
	// given in a note.
	Later []FanTarget
	// ID is the indicator's id (optional); Unplaced names the observations
	// the fan cannot place (UnplacedNote), printed as a note.
	ID       string
	Unplaced string
}

// FanTarget is a further target of a fan chart: the level that meets it
// and the probability of meeting it (as FanInput's first target).
type FanTarget struct {
	Year        int
	Level       float64
	Mark        string  // "≥", "≤", "≈" or ""
	Goal        string  // the target as the tables print it (Goal): "≥6%/年", "翻一番"
	PMet        float64 // 0–1; NaN: unknown
	PMetSE      float64
	NotModelled bool
	OnPath      bool
}

// Check refuses inconsistent input.
func (f FanInput) Check() error {
	n := len(f.Years)
	if n < 2 {
		return fmt.Errorf("charts: fan %s: need at least two years, have %d", f.Indicator, n)
	}
	for name, s := range map[string][]float64{"p5": f.P5, "p25": f.P25, "p50": f.P50, "p75": f.P75, "p95": f.P95} {
		if len(s) != n {
			return fmt.Errorf("charts: fan %s: %s has %d values for %d years", f.Indicator, name, len(s), n)
		}
	}
	for i := range f.Years {
		if i > 0 && f.Years[i] <= f.Years[i-1] {
			return fmt.Errorf("charts: fan %s: years not increasing at %d", f.Indicator, f.Years[i])
		}
		q := []float64{f.P5[i], f.P25[i], f.P50[i], f.P75[i], f.P95[i]}
		for k, v := range q {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("charts: fan %s: %d: percentile is %v", f.Indicator, f.Years[i], v)
			}
			if k > 0 && v < q[k-1] {
				return fmt.Errorf("charts: fan %s: %d: percentiles out of order (%v)", f.Indicator, f.Years[i], q)
			}
		}
	}
	if !math.IsNaN(f.PMet) && (f.PMet < 0 || f.PMet > 1) {
		return fmt.Errorf("charts: fan %s: P(met) %v outside 0–1", f.Indicator, f.PMet)
	}
	for _, t := range f.Later {
		if !math.IsNaN(t.PMet) && (t.PMet < 0 || t.PMet > 1) {
			return fmt.Errorf("charts: fan %s: %d: P(met) %v outside 0–1", f.Indicator, t.Year, t.PMet)
		}
	}
	return nil
}

// FanTitle is the fan chart's title: the indicator and P(met) with its
// standard error, e.g. "人均地区生产总值：2025年目标达成概率 62%（±1.5）".
func FanTitle(f FanInput, lang string) string {
	if f.NotModelled && f.TargetYear != 0 {
		return fmt.Sprintf(pick(lang, "%s：%d年目标达成概率 未建模", "%s: probability of meeting the %d target not modelled"), f.Indicator, f.TargetYear)
	}
	if math.IsNaN(f.PMet) || f.TargetYear == 0 {
		return f.Indicator
	}
	return fmt.Sprintf(pick(lang, "%s：%d年目标达成概率 %s", "%s: probability of meeting the %d target %s"), f.Indicator, f.TargetYear, probText(f.PMet, f.PMetSE, lang))
}

// probText is a probability with its standard error: "62%（±1.5）".
func probText(p, se float64, lang string) string {
	s := Prob(p)
	if se > 0 {
		s += pick(lang, "（±", " (±") + fmtNum(100*se, 1) + pick(lang, "）", ")")
	}
	return s
}

// targets are the fan's targets: the first (the title's) and the later ones.
func (f FanInput) targets() []FanTarget {
	var out []FanTarget
	if !math.IsNaN(f.Target) && f.TargetYear != 0 {
		out = append(out, FanTarget{Year: f.TargetYear, Level: f.Target, Mark: f.TargetMark, Goal: f.TargetGoal, PMet: f.PMet, PMetSE: f.PMetSE, NotModelled: f.NotModelled, OnPath: f.OnPath})
	}
	for _, t := range f.Later {
		if !math.IsNaN(t.Level) {
			out = append(out, t)
		}
	}
	return out
}

// FanNotes are what a reader must know to read the probability: that it
// is 50 % by construction on the plan's own path, that the volatilities
// are assumptions, that nothing is modelled.
func FanNotes(f FanInput, lang string) []string {
	var out []string
	if f.NotModelled {
		out = append(out, pick(lang, "未建模：没有随机冲击作用于该目标，不给出概率", "Not modelled: no random shock reaches this target, so no probability is given"))
	}
	if f.OnPath && !f.NotModelled {
		out = append(out, pick(lang, "该情景的中心路径恰好达到目标（规划自身路径），达成概率约50%是构造使然，不是预测", "The scenario's central path meets the target exactly (the plan's own path): P ≈ 50 % holds by construction and is no forecast"))
	}
	if f.Assumed {
		out = append(out, pick(lang, "波动率为假设值（规划未给出逐年历史），不是估计值", "The volatilities are assumptions (the plan prints no yearly history), not estimates"))
	}
	for _, t := range f.Later {
		switch {
		case t.NotModelled:
			out = append(out, fmt.Sprintf(pick(lang, "%d年目标 %s，达成概率 未建模", "Probability of meeting the %d target %s: not modelled"), t.Year, t.label(lang)))
		case math.IsNaN(t.PMet):
		default:
			n := fmt.Sprintf(pick(lang, "%d年目标 %s，达成概率 %s", "Probability of meeting the %d target %s: %s"), t.Year, t.label(lang), probText(t.PMet, t.PMetSE, lang))
			if t.OnPath {
				n += pick(lang, "，中心路径恰好达标，约50%是构造使然", "; the central path meets it exactly, so about 50 % by construction")
			}
			out = append(out, n)
		}
	}
	if f.Unplaced != "" {
		out = append(out, f.Unplaced)
	}
	return out
}

// label is the target as the tables print it and, where that is not the
// level drawn, the level: "10", "翻一番（≥15.8）", "≥6%/年（≥133.8）".
func (t FanTarget) label(lang string) string {
	lv := t.Mark + Value(t.Level)
	if t.Goal == "" || t.Goal == lv {
		return lv
	}
	return t.Goal + pick(lang, "（"+lv+"）", " ("+lv+")")
}

// band is the polygon between lo and hi over the years.
func band(years []int, lo, hi []float64) plotter.XYs {
	var pts plotter.XYs
	for i, y := range years {
		pts = append(pts, plotter.XY{X: float64(y), Y: lo[i]})
	}
	for i := len(years) - 1; i >= 0; i-- {
		pts = append(pts, plotter.XY{X: float64(years[i]), Y: hi[i]})
	}
	return pts
}

// Fan draws a fan chart: the 5–95 and 25–75 percentile bands, the median,
// the target and P(met) in the title.
func Fan(f FanInput, p *model.Plan, o Options) (*Chart, error) {
	if err := f.Check(); err != nil {
		return nil, err
	}
	c, err := newChart("fan", 9.5*vg.Centimeter, o)
	if err != nil {
		return nil, err
	}
	th := c.th
	col := ScenarioColor(f.Scenario, colourOrder(o, []string{f.Scenario}))
	c.Title = th.t(FanTitle(f, th.lang))
	pl := th.newPlot()
	pl.X.Label.Text = th.L("年份", "Year")
	pl.Y.Label.Text = th.t(f.Unit)
	pl.X.Tick.Marker = yearTicks{}
	outer, _ := plotter.NewPolygon(band(f.Years, f.P5, f.P95))
	outer.Color, outer.LineStyle.Width = fade(col, 0.2), 0
	inner, _ := plotter.NewPolygon(band(f.Years, f.P25, f.P75))
	inner.Color, inner.LineStyle.Width = fade(col, 0.45), 0
	med := make([]YearValue, len(f.Years))
	for i, y := range f.Years {
		med[i] = YearValue{y, f.P50[i]}
	}
	ml := line(xys(med), col, 1.8)
	pl.Add(outer, inner, ml)
	legend := []legendEntry{
		{th.L("5%–95%区间", "5–95% band"), boxThumb{fade(col, 0.2)}},
		{th.L("25%–75%区间", "25–75% band"), boxThumb{fade(col, 0.45)}},
		{th.L("中位数", "median"), ml},
	}
	if len(f.History) > 0 {
		hs := scatter(xys(f.History), okBlack, draw.CircleGlyph{}, 2.2)
		pl.Add(line(xys(f.History), okBlack, 0.8), hs)
		legend = append(legend, legendEntry{th.L("实际值", "recorded"), hs})
	}
	if tg := f.targets(); len(tg) > 0 {
		var pts plotter.XYs
		var txt []string
		lines := []plotter.XYs{xys(med), band(f.Years, f.P5, f.P5)[:len(f.Years)], band(f.Years, f.P95, f.P95)[:len(f.Years)], xys(f.History)}
		for _, t := range tg {
			pts = append(pts, plotter.XY{X: float64(t.Year), Y: t.Level})
			tl := line(plotter.XYs{{X: float64(f.Years[0]), Y: t.Level}, {X: float64(min(t.Year, f.Years[len(f.Years)-1])), Y: t.Level}}, okVermilion, 0.8, 2, 2)
			pl.Add(tl)
			lines = append(lines, tl.XYs)
			txt = append(txt, th.t(fmt.Sprintf(pick(th.lang, "%d年目标 %s", "%d target %s"), t.Year, t.label(th.lang))))
		}
		ts := scatter(pts, okVermilion, draw.PyramidGlyph{}, 3.2)
		pl.Add(ts, &placed{pts: pts, txt: txt, sty: th.style(sizeNote, okVermilion), lines: lines})
		legend = append(legend, legendEntry{th.L("目标", "target"), ts})
	}
	pl.X.Min, pl.X.Max = float64(f.Years[0]), float64(f.Years[len(f.Years)-1])+0.5
	if len(f.History) > 0 {
		pl.X.Min = math.Min(pl.X.Min, float64(f.History[0].Year))
	}
	lbl := f.Label
	if lbl == "" {
		lbl = f.Scenario
	}
	var notes []string
	if f.Draws > 0 {
		notes = append(notes, th.t(fmt.Sprintf(pick(th.lang, "蒙特卡洛模拟 %s 次", "%s Monte Carlo draws"), fmtNum(float64(f.Draws), 0))))
	}
	for _, n := range FanNotes(f, th.lang) {
		notes = append(notes, th.t(n))
	}
	footer := th.t(sourceLine(o, p, []string{lbl}, th.lang))
	c.Notes = notes
	if f.ID != "" {
		c.Shown = map[string][]YearValue{f.ID: f.History}
	}
	return c.done(func(dc draw.Canvas) {
		dc = th.header(dc, c.Title)
		dc = th.footer(dc, append(notes, footer)...)
		dc = th.legend(dc, legend)
		pl.Draw(draw.Crop(dc, vg.Points(4), -vg.Points(14), 0, 0))
	}), nil
}
