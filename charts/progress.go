package charts

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"fyp/internal/numfmt/quantity"
	"fyp/model"
)

// Mid-term categories (the national 14th-plan review's four).
const (
	CategoryEarly   = "achieved_early" // 提前实现
	CategoryFaster  = "faster"         // 快于预期
	CategoryOnTrack = "on_track"       // 基本符合预期
	CategoryLagging = "lagging"        // 滞后
)

// ProgressItem is one indicator at the mid-term review.
type ProgressItem struct {
	Label    string  // the indicator
	Elapsed  float64 // time elapsed, (t − t0)/(T − t0), 0–1
	Done     float64 // task done, share of the way from base to target; may be < 0 or > 1
	Binding  bool
	Category string // one of the Category constants; "" when unclassified
	// Bound is "floor" or "ceiling" for a limit held every year: it has no
	// task share (Done and Elapsed are ignored) and is drawn as held or,
	// when Breached, as broken, with Note saying when and by how much.
	Bound    string
	Breached bool
	Note     string
}

// ProgressInput is the mid-term review's progress table for one year.
type ProgressInput struct {
	Year     int
	Scenario string // where the observations come from, for the footer
	Items    []ProgressItem
}

// CategoryLabel names a category in lang, in the review's own words
// (model.Category.Name), so chart, table and report say the same.
func CategoryLabel(cat, lang string) string {
	switch cat {
	case CategoryEarly:
		return model.AchievedEarly.Name().In(lang)
	case CategoryFaster:
		return model.Ahead.Name().In(lang)
	case CategoryOnTrack:
		return model.OnSchedule.Name().In(lang)
	case CategoryLagging:
		return model.Lagging.Name().In(lang)
	}
	return pick(lang, "未分类", "unclassified")
}

func categoryColour(cat string) interface{ RGBA() (r, g, b, a uint32) } {
	switch cat {
	case CategoryEarly:
		return okBlue
	case CategoryFaster:
		return okGreen
	case CategoryOnTrack:
		return okSky
	case CategoryLagging:
		return okVermilion
	}
	return grey
}

// doneMin and doneMax bound the progress axis (as shares); bars beyond
// stop at the edge with their value printed.
const doneMin, doneMax = -0.25, 1.5

// Progress draws task done against time elapsed: one bar per indicator,
// coloured by category, the time-elapsed mark on each row and the 时间过半
// (half the time gone) line.
func Progress(in ProgressInput, p *model.Plan, o Options) (*Chart, error) {
	if len(in.Items) == 0 {
		return nil, fmt.Errorf("charts: progress: no indicators")
	}
	for _, it := range in.Items {
		if it.Bound != "" {
			continue
		}
		if math.IsNaN(it.Done) || math.IsNaN(it.Elapsed) || it.Elapsed < 0 || it.Elapsed > 1 {
			return nil, fmt.Errorf("charts: progress: %s: done %v, elapsed %v (want numbers, elapsed 0–1)", it.Label, it.Done, it.Elapsed)
		}
	}
	n := len(in.Items)
	var names []string
	for _, it := range in.Items {
		names = append(names, shorten(it.Label, o.lang()))
	}
	c, err := newChart("progress", vg.Length(n)*max(vg.Points(16), rowPitch(maxLines(names)))+5*vg.Centimeter, o)
	if err != nil {
		return nil, err
	}
	th := c.th
	c.Title = th.t(fmt.Sprintf(pick(th.lang, "%d年规划实施进度：任务完成与时间进度", "Progress in %d: task done against time elapsed"), in.Year))
	pl := th.newPlot()
	pl.X.Label.Text = th.L("完成进度(%)", "task done (%)")
	pl.X.Min, pl.X.Max = 100*doneMin, 100*doneMax
	pl.Y.Min, pl.Y.Max = -0.6, float64(n)-0.4
	var ticks []plot.Tick
	var pts plotter.XYs
	var txt []string
	seen := map[string]bool{}
	for i, it := range in.Items {
		y := float64(n - 1 - i)
		lbl := shorten(it.Label, th.lang)
		if it.Binding {
			lbl = "★" + lbl
		}
		ticks = append(ticks, plot.Tick{Value: y, Label: th.t(lbl)})
		if it.Bound != "" {
			// A limit has no share of a task: a mark at 0, held or broken.
			col, glyph, word := okGreen, draw.GlyphDrawer(draw.CircleGlyph{}), pick(th.lang, "守住", "held")
			if it.Breached {
				col, glyph, word = okVermilion, draw.CrossGlyph{}, pick(th.lang, "突破", "broken")
			}
			kind := pick(th.lang, "下限", "floor")
			if it.Bound == "ceiling" {
				kind = pick(th.lang, "上限", "ceiling")
			}
			pl.Add(scatter(plotter.XYs{{X: 0, Y: y}}, col, glyph, 4))
			pts = append(pts, plotter.XY{X: 2, Y: y})
			t := kind + word
			if it.Note != "" {
				t += pick(th.lang, "：", ": ") + it.Note
			}
			txt = append(txt, t)
			if it.Breached {
				seen["breached"] = true
			} else {
				seen["held"] = true
			}
			continue
		}
		d := math.Max(doneMin, math.Min(doneMax, it.Done)) * 100
		poly, _ := plotter.NewPolygon(plotter.XYs{{X: 0, Y: y - 0.3}, {X: d, Y: y - 0.3}, {X: d, Y: y + 0.3}, {X: 0, Y: y + 0.3}})
		poly.Color, poly.LineStyle.Width = categoryColour(it.Category), 0
		pl.Add(poly)
		pl.Add(line(plotter.XYs{{X: 100 * it.Elapsed, Y: y - 0.42}, {X: 100 * it.Elapsed, Y: y + 0.42}}, okBlack, 1.4))
		lx := d
		if d >= 0 {
			lx = math.Max(d, 100*it.Elapsed) // keep the number clear of the time mark
		}
		pts = append(pts, plotter.XY{X: lx, Y: y})
		txt = append(txt, quantity.Chart.Percent(it.Done))
		seen[it.Category] = true
	}
	var legend []legendEntry
	for _, cat := range []string{CategoryEarly, CategoryFaster, CategoryOnTrack, CategoryLagging, ""} {
		if seen[cat] {
			legend = append(legend, legendEntry{th.t(CategoryLabel(cat, th.lang)), boxThumb{categoryColour(cat)}})
		}
	}
	if seen["held"] {
		legend = append(legend, legendEntry{th.L("下限/上限守住", "limit held"), glyphThumb{draw.GlyphStyle{Color: okGreen, Shape: draw.CircleGlyph{}, Radius: 4}}})
	}
	if seen["breached"] {
		legend = append(legend, legendEntry{th.L("下限/上限被突破", "limit broken"), glyphThumb{draw.GlyphStyle{Color: okVermilion, Shape: draw.CrossGlyph{}, Radius: 4}}})
	}
	pl.Y.Tick.Marker = plot.ConstantTicks(ticks)
	pl.Y.Tick.LineStyle.Width = 0
	for i := range txt {
		txt[i] = th.t(txt[i])
	}
	left := make([]bool, len(pts))
	for i := range pts {
		left[i] = pts[i].X < 0
	}
	half := line(plotter.XYs{{X: 50, Y: pl.Y.Min}, {X: 50, Y: pl.Y.Max}}, okBlack, 1, 4, 3)
	full := line(plotter.XYs{{X: 100, Y: pl.Y.Min}, {X: 100, Y: pl.Y.Max}}, grey, 0.8)
	zero := line(plotter.XYs{{X: 0, Y: pl.Y.Min}, {X: 0, Y: pl.Y.Max}}, grey, 0.8)
	pl.Add(zero, full, half)
	pl.Add(th.sideLabels(pts, txt, left)...)
	legend = append(legend,
		legendEntry{th.L("时间进度", "time elapsed"), line(nil, okBlack, 1.4)},
		legendEntry{th.L("时间过半", "half the time gone"), half})
	pl.X.Tick.Marker = plot.ConstantTicks([]plot.Tick{{Value: -25, Label: fmtNum(-25, 0)}, {Value: 0, Label: "0"}, {Value: 25, Label: "25"}, {Value: 50, Label: "50"}, {Value: 75, Label: "75"}, {Value: 100, Label: "100"}, {Value: 125, Label: "125"}, {Value: 150, Label: th.t("≥150")}})
	notes := []string{th.L("完成进度：复合增长目标为 ln(x_t/x_0)/ln(x*/x_0)，份额与百分点目标为 (x_t−x_0)/(x*−x_0)。★ 约束性指标。",
		"Task done: ln(x_t/x_0)/ln(x*/x_0) for compound targets, (x_t−x_0)/(x*−x_0) for shares and pp targets. ★ binding.")}
	footer := th.t(sourceLine(o, p, []string{in.Scenario}, th.lang))
	return c.done(func(dc draw.Canvas) {
		dc = th.header(dc, c.Title)
		dc = th.footer(dc, append(notes, footer)...)
		dc = th.legend(dc, legend)
		pl.Draw(draw.Crop(dc, vg.Points(4), -vg.Points(14), 0, 0))
	}), nil
}
