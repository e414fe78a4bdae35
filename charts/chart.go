package charts

import (
	"fmt"
	"image/color"
	"image/png"
	"io"
	"strings"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"

	"fyp/model"
)

// DefaultDPI is the PNG resolution when Options.DPI is 0.
const DefaultDPI = 150

// Width is the width of every chart: a full A4 text column (16 cm).
const Width = 16 * vg.Centimeter

// Options are the choices shared by every chart.
type Options struct {
	Lang   string // "zh" (default) or "en"
	Font   *Font  // nil: the embedded font
	Format string // "png" (default), "svg" or "pdf" (gonum/plot's: English only, ★ ≥ spelt * >=)
	DPI    int    // PNG resolution in dots per inch; 0 means DefaultDPI
	// Scenarios fixes the colour of each scenario: the same list gives a
	// scenario the same colour in every chart. Names not in it are appended.
	Scenarios []string
	// Source is the footer's source line; empty means the plan's title.
	Source string
	// Synthetic marks every chart as drawn from invented figures (an
	// observed file marked synthetic): a red SYNTHETIC / 示例数据 stamp
	// and frame that no crop of the chart's data can lose.
	Synthetic bool
	// Evidence are a review's observations as read (nil outside a
	// review) and AsOf its year: a path or headline chart names in a note
	// every observation it cannot place, with the reason (UnplacedNote).
	Evidence model.Evidence
	AsOf     int
}

// Formats are the output formats WriteTo knows.
var Formats = []string{"png", "svg", "pdf"}

// Chart is a chart ready to render. Warnings name characters the font lacks
// (drawn as '?') and data that was left out.
type Chart struct {
	ID       string // file stem, e.g. "path-gdp_per_capita"
	Title    string
	Width    vg.Length
	Height   vg.Length
	Warnings []string
	// Notes are the notes printed under the chart, before the source
	// line; Shown are the recorded values drawn, by indicator id (tests
	// check that no observation is dropped without a note).
	Notes []string
	Shown map[string][]YearValue

	opt  Options
	th   *theme
	draw func(dc draw.Canvas)
	// panels and boxes are the data areas of a figure's panels and the
	// text boxes placed on them in the last drawing (tests check them).
	panels, boxes []vg.Rectangle
	segs          [][2]vg.Point // the drawn lines the boxes must avoid
}

// WriteTo renders the chart in the format of its options.
func (c *Chart) WriteTo(w io.Writer) (int64, error) {
	cw, err := c.canvas()
	if err != nil {
		return 0, err
	}
	dc := draw.New(cw)
	dc.FillPolygon(color.White, []vg.Point{dc.Min, {X: dc.Min.X, Y: dc.Max.Y}, dc.Max, {X: dc.Max.X, Y: dc.Min.Y}})
	c.draw(dc)
	if c.opt.Synthetic {
		c.stamp(dc)
	}
	return cw.WriteTo(w)
}

// SyntheticMark is the stamp on a chart drawn from invented figures.
func SyntheticMark(lang string) string {
	return pick(lang, "示例数据（虚构，非统计数据）", "SYNTHETIC – invented figures, not statistics")
}

// stamp draws the synthetic mark in the top right corner and a red frame
// round the chart.
func (c *Chart) stamp(dc draw.Canvas) {
	sty := c.th.style(sizeLabel, okVermilion)
	sty.XAlign, sty.YAlign = draw.XRight, draw.YTop
	pad := vg.Points(4)
	txt := c.th.t(SyntheticMark(c.th.lang))
	w, h := sty.Width(txt), sty.Height(txt)
	x, y := dc.Max.X-pad, dc.Max.Y-pad
	dc.FillPolygon(color.White, []vg.Point{{X: x - w - 4, Y: y + 1}, {X: x + 2, Y: y + 1}, {X: x + 2, Y: y - h - 3}, {X: x - w - 4, Y: y - h - 3}})
	dc.FillText(sty, vg.Point{X: x, Y: y}, txt)
	ls := draw.LineStyle{Color: okVermilion, Width: vg.Points(1.5)}
	m := vg.Points(1)
	dc.StrokeLines(ls, []vg.Point{{X: dc.Min.X + m, Y: dc.Min.Y + m}, {X: dc.Min.X + m, Y: dc.Max.Y - m}, {X: dc.Max.X - m, Y: dc.Max.Y - m}, {X: dc.Max.X - m, Y: dc.Min.Y + m}, {X: dc.Min.X + m, Y: dc.Min.Y + m}})
}

func (c *Chart) canvas() (vg.CanvasWriterTo, error) {
	switch c.opt.Format {
	case "", "png":
		dpi := c.opt.DPI
		if dpi == 0 {
			dpi = DefaultDPI
		}
		if dpi < 36 || dpi > 1200 {
			return nil, fmt.Errorf("charts: dpi %d out of range 36–1200", dpi)
		}
		return fastPNG{vgimg.NewWith(vgimg.UseWH(c.Width, c.Height), vgimg.UseDPI(dpi))}, nil
	case "svg":
		return vgsvg.New(c.Width, c.Height), nil
	case "pdf":
		if c.opt.lang() == "zh" {
			return nil, fmt.Errorf("charts: PDF cannot hold Chinese text (gonum/plot's PDF backend encodes Windows-1252); print the svg to PDF (internal/printpdf), or use png or svg, or lang en")
		}
		return pdfSafe{vgpdf.New(c.Width, c.Height)}, nil
	}
	return nil, fmt.Errorf("charts: unknown format %q (want png, svg or pdf)", c.opt.Format)
}

// fastPNG writes the canvas as a PNG compressed for speed: on fyp's charts
// (flat colours, text) it encodes about 30 % faster than the default level
// for files about 3 % larger (headline chart: 31 → 22 ms, 255 → 264 KB),
// and encoding was a third of the CPU of drawing a bundle.
type fastPNG struct{ *vgimg.Canvas }

func (c fastPNG) WriteTo(w io.Writer) (int64, error) {
	cw := &countingWriter{w: w}
	err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(cw, c.Image())
	return cw.n, err
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// pdfSafe writes text in the characters gonum/plot's PDF backend can
// encode (code page 1252): ★ ≥ ≤ ≈ − → have no code there and would be
// garbled, so they are spelt in it (* >= <= ~ - ->).
type pdfSafe struct{ *vgpdf.Canvas }

func (c pdfSafe) FillString(f font.Face, pt vg.Point, s string) {
	c.Canvas.FillString(f, pt, winAnsi(s))
}

// winAnsiReplacer spells the characters charts use that code page 1252
// lacks; every other character charts draw in English has a code there.
var winAnsiReplacer = strings.NewReplacer("★", "*", "≥", ">=", "≤", "<=", "≈", "~", "−", "-", "→", "->")

func winAnsi(s string) string { return winAnsiReplacer.Replace(s) }

func (o Options) lang() string {
	if o.Lang == "en" {
		return "en"
	}
	return "zh"
}

// newChart prepares a chart: the theme checks labels against the font.
func newChart(id string, height vg.Length, o Options) (*Chart, error) {
	if o.Lang != "" && o.Lang != "zh" && o.Lang != "en" {
		return nil, fmt.Errorf("charts: lang %q: want zh or en", o.Lang)
	}
	f := o.Font
	if f == nil {
		var err error
		if f, err = EmbeddedFont(); err != nil {
			return nil, err
		}
	}
	c := &Chart{ID: id, Width: Width, Height: height, opt: o, th: newTheme(f, o)}
	if o.Synthetic {
		c.th.t(SyntheticMark(c.th.lang)) // checked against the font now: warned in Warnings
	}
	return c, nil
}

// done records the font warnings once every label is built.
func (c *Chart) done(draw func(dc draw.Canvas)) *Chart {
	c.draw = draw
	c.Warnings = append(c.Warnings, c.th.lab.warnings(c.th.lang)...)
	return c
}
