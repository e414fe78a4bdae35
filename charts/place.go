package charts

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// placed is a plotter of labels that, at draw time, puts each label on the
// side of its point where it crosses the fewest drawn lines and no earlier
// label, and stays inside the plot: labels are never shortened and never
// lie on a path.
type placed struct {
	pts   plotter.XYs
	txt   []string
	sty   text.Style
	lines []plotter.XYs // obstacles, in data coordinates
	// rule, when set, labels a vertical rule (the start of the
	// extrapolated years): placed after the point labels, beside the rule
	// from its foot upwards, clear of them and of the lines.
	rule *ruleLabel
	// boxes and segs, when set, receive the text boxes as drawn and the
	// obstacle lines in canvas coordinates (tests check them).
	boxes *[]vg.Rectangle
	segs  *[][2]vg.Point
}

// ruleLabel is the text of a vertical rule at X (data coordinates).
type ruleLabel struct {
	X   float64
	Txt string
	Sty text.Style
}

// ruleCandidates are the lower left corners tried for a label of size w×h
// beside a vertical rule at x over the area c: to its right from the foot
// upwards (the label points to the years after it), then to its left.
func ruleCandidates(c vg.Rectangle, x, w, h, g vg.Length) []vg.Point {
	var right, left []vg.Point
	for y := c.Min.Y + g; y+h <= c.Max.Y; y += h/2 + g {
		right = append(right, vg.Point{X: x + g, Y: y})
		left = append(left, vg.Point{X: x - w - g, Y: y})
	}
	return append(right, left...)
}

// candidates are the lower left corners tried for a label of size w×h
// beside the point (x, y), in order of preference: upper left (clear of a
// path rising to its target), lower left, upper right, lower right, above,
// below, left, right.
func candidates(x, y, w, h, g vg.Length) []vg.Point {
	near := []vg.Point{
		{X: x - w - g, Y: y + g}, {X: x - w - g, Y: y - h - g}, {X: x + g, Y: y + g}, {X: x + g, Y: y - h - g},
		{X: x - w/2, Y: y + 2*g}, {X: x - w/2, Y: y - h - 2*g}, {X: x - w - 2*g, Y: y - h/2}, {X: x + 2*g, Y: y - h/2},
		// Farther away, below, where the paths rising to a target leave room.
		{X: x - w - g, Y: y - 2*h - 2*g}, {X: x + g, Y: y - 2*h - 2*g}, {X: x - w - g, Y: y - 3*h - 3*g}, {X: x + g, Y: y - 3*h - 3*g},
		{X: x - w - g, Y: y - 5*h}, {X: x + g, Y: y - 5*h},
	}
	// Then farther still, down and up a line at a time, and set back
	// from the point, for a target in a corner crowded by paths (tied to
	// its point by a thin line).
	for k := vg.Length(2); k <= 16; k++ {
		for _, dx := range []vg.Length{0, w / 2, w} {
			near = append(near, vg.Point{X: x - w - g - dx, Y: y - k*(h+g)}, vg.Point{X: x + g + dx, Y: y - k*(h+g)},
				vg.Point{X: x - w - g - dx, Y: y + (k-1)*(h+g)}, vg.Point{X: x + g + dx, Y: y + (k-1)*(h+g)})
		}
	}
	return near
}

// Plot implements plot.Plotter.
func (pl *placed) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	rs := pl.place(c.Rectangle, trX, trY)
	if pl.boxes != nil {
		*pl.boxes = append(*pl.boxes, rs...)
	}
	if pl.segs != nil {
		*pl.segs = append(*pl.segs, pl.segments(trX, trY)...)
	}
	if pl.rule != nil {
		sty := pl.rule.Sty
		sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
		c.FillText(sty, rs[len(rs)-1].Min, pl.rule.Txt)
		rs = rs[:len(rs)-1]
	}
	for i, r := range rs {
		// A label set away from its point is tied to it by a thin line.
		x, y := trX(pl.pts[i].X), trY(pl.pts[i].Y)
		near := vg.Point{X: max(r.Min.X, min(x, r.Max.X)), Y: max(r.Min.Y, min(y, r.Max.Y))}
		if math.Hypot(float64(near.X-x), float64(near.Y-y)) > float64(3*(r.Max.Y-r.Min.Y)/2) {
			c.StrokeLine2(draw.LineStyle{Color: pl.sty.Color, Width: vg.Points(0.5)}, x, y, near.X, near.Y)
		}
		sty := pl.sty
		sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
		c.FillText(sty, r.Min, pl.txt[i])
	}
}

// place chooses each label's rectangle on the canvas area c: the point
// labels', then the rule label's (last).
func (pl *placed) place(c vg.Rectangle, trX, trY func(float64) vg.Length) []vg.Rectangle {
	segs := pl.segments(trX, trY)
	var taken []vg.Rectangle
	gap := vg.Points(3)
	// best is the candidate crossing the fewest lines, never on another
	// label unless every candidate is, and inside the area if any is.
	best := func(cands []vg.Point, w, h vg.Length) vg.Rectangle {
		best, bestScore := vg.Rectangle{}, math.Inf(1)
		for k, min := range cands {
			r := vg.Rectangle{Min: min, Max: vg.Point{X: min.X + w, Y: min.Y + h}}
			score := float64(k) * 0.01 // prefer the earlier candidate on a tie
			for _, s := range segs {
				if crosses(r, s[0], s[1]) {
					score++
				}
			}
			for _, t := range taken {
				if overlap(r, t) {
					score += 1000
				}
			}
			if r.Min.X < c.Min.X || r.Max.X > c.Max.X || r.Min.Y < c.Min.Y || r.Max.Y > c.Max.Y {
				score += 100
			}
			if score < bestScore {
				best, bestScore = r, score
			}
		}
		return best
	}
	for i, pt := range pl.pts {
		x, y := trX(pt.X), trY(pt.Y)
		w, h := pl.sty.Width(pl.txt[i]), pl.sty.Height(pl.txt[i])
		taken = append(taken, best(candidates(x, y, w, h, gap), w, h))
	}
	if r := pl.rule; r != nil {
		w, h := r.Sty.Width(r.Txt), r.Sty.Height(r.Txt)
		taken = append(taken, best(ruleCandidates(c, trX(r.X), w, h, gap), w, h))
	}
	return taken
}

// segments are the obstacle lines in canvas coordinates.
func (pl *placed) segments(trX, trY func(float64) vg.Length) [][2]vg.Point {
	var segs [][2]vg.Point
	for _, l := range pl.lines {
		for i := 1; i < len(l); i++ {
			segs = append(segs, [2]vg.Point{{X: trX(l[i-1].X), Y: trY(l[i-1].Y)}, {X: trX(l[i].X), Y: trY(l[i].Y)}})
		}
	}
	return segs
}

// crosses reports whether the segment a–b passes through r: the segment
// clipped to r (Liang–Barsky) is not empty. Exact, whatever the length of
// the segment (an extrapolation may run far beyond the plot).
func crosses(r vg.Rectangle, a, b vg.Point) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	clip := func(p, q float64) bool {
		if p == 0 {
			return q >= 0
		}
		t := q / p
		if p < 0 {
			if t > t1 {
				return false
			}
			t0 = math.Max(t0, t)
		} else {
			if t < t0 {
				return false
			}
			t1 = math.Min(t1, t)
		}
		return true
	}
	return clip(-dx, float64(a.X-r.Min.X)) && clip(dx, float64(r.Max.X-a.X)) &&
		clip(-dy, float64(a.Y-r.Min.Y)) && clip(dy, float64(r.Max.Y-a.Y)) && t0 <= t1
}

func overlap(a, b vg.Rectangle) bool {
	return a.Min.X < b.Max.X && b.Min.X < a.Max.X && a.Min.Y < b.Max.Y && b.Min.Y < a.Max.Y
}
