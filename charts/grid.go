package charts

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// grid lays plots out in rows and columns on dc so that every plot's data
// area has the same size: each column is as wide as its widest left and
// right axis margins need, each row as tall as its tallest top and bottom
// margins, and what is left is shared equally. plot.Align assumes a
// plot's margins do not change with its size; they do (gonum pads a plot
// whose glyphs would stick out), which squashed some panels, so each
// canvas is corrected until its data area is the one wanted. A nil plot
// leaves its cell empty.
func grid(plots [][]*plot.Plot, dc draw.Canvas, padX, padY vg.Length) [][]draw.Canvas {
	rows := len(plots)
	cols := 0
	for _, r := range plots {
		cols = max(cols, len(r))
	}
	if rows == 0 || cols == 0 {
		return nil
	}
	tiles := draw.Tiles{Rows: rows, Cols: cols, PadX: padX, PadY: padY}
	left, right := make([]vg.Length, cols), make([]vg.Length, cols)
	bottom, top := make([]vg.Length, rows), make([]vg.Length, rows)
	for j, r := range plots {
		for i, p := range r {
			if p == nil {
				continue
			}
			t := tiles.At(dc, i, j)
			d := p.DataCanvas(t)
			left[i] = max(left[i], d.Min.X-t.Min.X)
			right[i] = max(right[i], t.Max.X-d.Max.X)
			bottom[j] = max(bottom[j], d.Min.Y-t.Min.Y)
			top[j] = max(top[j], t.Max.Y-d.Max.Y)
		}
	}
	w, h := dc.Max.X-dc.Min.X-padX*vg.Length(cols-1), dc.Max.Y-dc.Min.Y-padY*vg.Length(rows-1)
	for i := range cols {
		w -= left[i] + right[i]
	}
	for j := range rows {
		h -= bottom[j] + top[j]
	}
	w, h = w/vg.Length(cols), h/vg.Length(rows)
	out := make([][]draw.Canvas, rows)
	y := dc.Max.Y
	for j, r := range plots {
		out[j] = make([]draw.Canvas, len(r))
		x := dc.Min.X
		for i, p := range r {
			want := vg.Rectangle{Min: vg.Point{X: x + left[i], Y: y - top[j] - h}, Max: vg.Point{X: x + left[i] + w, Y: y - top[j]}}
			c := draw.Canvas{Canvas: dc.Canvas, Rectangle: vg.Rectangle{
				Min: vg.Point{X: want.Min.X - left[i], Y: want.Min.Y - bottom[j]},
				Max: vg.Point{X: want.Max.X + right[i], Y: want.Max.Y + top[j]}}}
			if p != nil {
				c = fit(p, c, want)
			}
			out[j][i] = c
			x += left[i] + w + right[i] + padX
		}
		y -= top[j] + h + bottom[j] + padY
	}
	return out
}

// fit moves the edges of c until p's data area on it is want (to a
// hundredth of a point), or gives up after a few rounds with the closest.
func fit(p *plot.Plot, c draw.Canvas, want vg.Rectangle) draw.Canvas {
	for range 8 {
		d := p.DataCanvas(c).Rectangle
		dx0, dx1 := want.Min.X-d.Min.X, want.Max.X-d.Max.X
		dy0, dy1 := want.Min.Y-d.Min.Y, want.Max.Y-d.Max.Y
		if abs(dx0)+abs(dx1)+abs(dy0)+abs(dy1) < 0.01 {
			break
		}
		c.Min.X += dx0
		c.Max.X += dx1
		c.Min.Y += dy0
		c.Max.Y += dy1
	}
	return c
}

func abs(v vg.Length) vg.Length {
	if v < 0 {
		return -v
	}
	return v
}
