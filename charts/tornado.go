package charts

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"fyp/model"
)

// TornadoBar is one assumption's effect: the metric when the assumption is
// set to its low and to its high value, everything else at base.
type TornadoBar struct {
	Label     string // the assumption, e.g. "地区生产总值增速"
	LowLabel  string // its low setting, e.g. "4.5%"; optional
	HighLabel string // its high setting; optional
	Low       float64
	High      float64
}

// TornadoInput is a one-at-a-time sensitivity result for one metric.
type TornadoInput struct {
	Metric   string  // what moves, e.g. "人均地区生产总值 2025"
	Unit     string  // the metric's unit
	Base     float64 // the metric with every assumption at base
	Target   float64 // the target value of the metric; NaN: none
	Scenario string  // name of the base scenario
	Label    string  // its label for the footer; empty: Scenario
	Bars     []TornadoBar
}

// TornadoOrder returns the bars widest first (|High − Low|), ties by label,
// which is the order a tornado chart shows them from the top.
func TornadoOrder(bars []TornadoBar) []TornadoBar {
	out := append([]TornadoBar(nil), bars...)
	sort.SliceStable(out, func(i, j int) bool {
		wi, wj := math.Abs(out[i].High-out[i].Low), math.Abs(out[j].High-out[j].Low)
		if wi != wj {
			return wi > wj
		}
		return out[i].Label < out[j].Label
	})
	return out
}

// Tornado draws the effect of each assumption on the metric, widest on top,
// low settings in one colour and high in another, around the base value.
func Tornado(in TornadoInput, p *model.Plan, o Options) (*Chart, error) {
	if len(in.Bars) == 0 {
		return nil, fmt.Errorf("charts: tornado %s: no bars", in.Metric)
	}
	if math.IsNaN(in.Base) {
		return nil, fmt.Errorf("charts: tornado %s: base value is NaN", in.Metric)
	}
	for _, b := range in.Bars {
		if math.IsNaN(b.Low) || math.IsNaN(b.High) {
			return nil, fmt.Errorf("charts: tornado %s: %s: NaN effect", in.Metric, b.Label)
		}
	}
	bars := TornadoOrder(in.Bars)
	c, err := newChart("tornado", vg.Length(len(bars))*vg.Points(20)+5*vg.Centimeter, o)
	if err != nil {
		return nil, err
	}
	th := c.th
	c.Title = th.t(fmt.Sprintf(pick(th.lang, "敏感性分析：%s", "Sensitivity: %s"), in.Metric))
	pl := th.newPlot()
	pl.X.Label.Text = th.t(in.Unit)
	n := len(bars)
	var ticks []plot.Tick
	lo, hi := in.Base, in.Base
	for i, b := range bars {
		y := float64(n - 1 - i)
		ticks = append(ticks, plot.Tick{Value: y, Label: th.t(b.Label)})
		for _, v := range []float64{b.Low, b.High} {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if !math.IsNaN(in.Target) {
		lo, hi = math.Min(lo, in.Target), math.Max(hi, in.Target)
	}
	pad := (hi - lo) * 0.25
	if pad == 0 {
		pad = 1
	}
	pl.X.Min, pl.X.Max = lo-pad, hi+pad
	pl.Y.Min, pl.Y.Max = -0.6, float64(n)-0.4
	pl.Y.Tick.Marker = plot.ConstantTicks(ticks)
	pl.Y.Tick.LineStyle.Width = 0
	var pts plotter.XYs
	var txt []string
	for i, b := range bars {
		y := float64(n - 1 - i)
		for _, side := range []struct {
			v   float64
			col interface{ RGBA() (r, g, b, a uint32) }
			lbl string
		}{{b.Low, okSky, b.LowLabel}, {b.High, okOrange, b.HighLabel}} {
			poly, _ := plotter.NewPolygon(plotter.XYs{{X: in.Base, Y: y - 0.32}, {X: side.v, Y: y - 0.32}, {X: side.v, Y: y + 0.32}, {X: in.Base, Y: y + 0.32}})
			poly.Color, poly.LineStyle.Width = side.col, 0
			pl.Add(poly)
			s := Value(side.v)
			if side.lbl != "" {
				s = side.lbl + " → " + s
			}
			pts = append(pts, plotter.XY{X: side.v, Y: y})
			txt = append(txt, th.t(s))
		}
	}
	left := make([]bool, len(pts))
	for i := range pts {
		left[i] = pts[i].X < in.Base || (pts[i].X == in.Base && i%2 == 0)
	}
	pl.Add(th.sideLabels(pts, txt, left)...)
	base := line(plotter.XYs{{X: in.Base, Y: pl.Y.Min}, {X: in.Base, Y: pl.Y.Max}}, okBlack, 1)
	pl.Add(base)
	legend := []legendEntry{
		{th.L("低值设定", "low setting"), boxThumb{okSky}},
		{th.L("高值设定", "high setting"), boxThumb{okOrange}},
		{th.t(fmt.Sprintf(pick(th.lang, "基准 %s", "base %s"), Value(in.Base))), base},
	}
	if !math.IsNaN(in.Target) {
		tl := line(plotter.XYs{{X: in.Target, Y: pl.Y.Min}, {X: in.Target, Y: pl.Y.Max}}, okVermilion, 1, 3, 2)
		pl.Add(tl)
		legend = append(legend, legendEntry{th.t(fmt.Sprintf(pick(th.lang, "目标 %s", "target %s"), Value(in.Target))), tl})
	}
	lbl := in.Label
	if lbl == "" {
		lbl = in.Scenario
	}
	footer := th.t(sourceLine(o, p, []string{lbl}, th.lang))
	return c.done(func(dc draw.Canvas) {
		dc = th.header(dc, c.Title)
		dc = th.footer(dc, footer)
		dc = th.legend(dc, legend)
		pl.Draw(draw.Crop(dc, vg.Points(4), -vg.Points(14), 0, 0))
	}), nil
}
