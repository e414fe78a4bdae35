package charts

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// clipToAxis cuts an extrapolation where it first leaves the value axis
// lo…hi: the part inside, ending on the axis edge, and that exit point
// (ok false when the line stays inside). The axis is never stretched to
// an extrapolation (the target must stay readable), so a line that
// leaves it ends there, marked by an arrow, instead of running off
// unseen.
func clipToAxis(pts plotter.XYs, lo, hi float64) (in plotter.XYs, exit plotter.XY, ok bool) {
	for i, p := range pts {
		if p.Y >= lo && p.Y <= hi {
			in = append(in, p)
			continue
		}
		if i == 0 {
			// Starts outside (a solid path already beyond the axis): no
			// dashed continuation is visible.
			return nil, p, true
		}
		q := pts[i-1]
		edge := hi
		if p.Y < lo {
			edge = lo
		}
		t := (edge - q.Y) / (p.Y - q.Y)
		exit = plotter.XY{X: q.X + t*(p.X-q.X), Y: edge}
		return append(in, exit), exit, true
	}
	return in, exit, false
}

// exitArrows marks where extrapolations leave the value axis: an arrow
// at each exit point, pointing the way the line goes on.
type exitArrows struct {
	pts  plotter.XYs
	cols []color.Color
	up   []bool
}

// arrowLen is the length of an exit arrow.
const arrowLen = vg.Length(7)

// Plot implements plot.Plotter.
func (a exitArrows) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for i, pt := range a.pts {
		drawArrow(c, vg.Point{X: trX(pt.X), Y: trY(pt.Y)}, a.up[i], a.cols[i])
	}
}

// drawArrow draws an arrow whose tip is at tip, inside the axis.
func drawArrow(c draw.Canvas, tip vg.Point, up bool, col color.Color) {
	d := vg.Length(1)
	if up {
		d = -1
	}
	base := vg.Point{X: tip.X, Y: tip.Y + d*arrowLen}
	c.StrokeLine2(draw.LineStyle{Color: col, Width: vg.Points(1.2)}, base.X, base.Y, tip.X, tip.Y+d*3)
	c.FillPolygon(col, []vg.Point{tip, {X: tip.X - 2.5, Y: tip.Y + d*3.5}, {X: tip.X + 2.5, Y: tip.Y + d*3.5}})
}

// arrowThumb is the legend's exit arrow.
type arrowThumb struct{ c color.Color }

func (a arrowThumb) Thumbnail(c *draw.Canvas) {
	ctr := c.Center()
	drawArrow(*c, vg.Point{X: ctr.X, Y: ctr.Y + arrowLen/2}, true, a.c)
}

// extrapEnd is the last year any clipped extrapolation reaches.
func extrapEnd(lines []plotter.XYs) float64 {
	end := math.Inf(-1)
	for _, l := range lines {
		if len(l) > 0 {
			end = math.Max(end, l[len(l)-1].X)
		}
	}
	return end
}

// extrapolations are the scenarios' extrapolations as drawn on the value
// axis ymin…ymax, each cut where it leaves it, with their colours, and
// the arrows where they leave.
func (d PathData) extrapolations(order []string, ymin, ymax float64) (drawn []plotter.XYs, cols []color.Color, arrows exitArrows) {
	for _, l := range d.Lines {
		if len(l.Extrap) < 2 {
			continue
		}
		in, exit, out := clipToAxis(xys(l.Extrap), ymin, ymax)
		if len(in) < 2 {
			continue
		}
		col := ScenarioColor(l.Scenario, order)
		drawn, cols = append(drawn, in), append(cols, fade(col, 0.6))
		if out {
			arrows.pts = append(arrows.pts, exit)
			arrows.cols = append(arrows.cols, fade(col, 0.8))
			arrows.up = append(arrows.up, exit.Y >= ymax)
		}
	}
	return drawn, cols, arrows
}
