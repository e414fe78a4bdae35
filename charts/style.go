package charts

import (
	"image/color"
	"strings"
	"unicode"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"fyp/internal/numfmt/quantity"
)

// Okabe–Ito colours, safe for the common forms of colour blindness.
var (
	okBlack     = color.RGBA{0, 0, 0, 255}
	okOrange    = color.RGBA{0xE6, 0x9F, 0x00, 255}
	okSky       = color.RGBA{0x56, 0xB4, 0xE9, 255}
	okGreen     = color.RGBA{0x00, 0x9E, 0x73, 255}
	okYellow    = color.RGBA{0xF0, 0xE4, 0x42, 255}
	okBlue      = color.RGBA{0x00, 0x72, 0xB2, 255}
	okVermilion = color.RGBA{0xD5, 0x5E, 0x00, 255}
	okPurple    = color.RGBA{0xCC, 0x79, 0xA7, 255}
	grey        = color.RGBA{0x88, 0x88, 0x88, 255}
	lightGrey   = color.RGBA{0xE4, 0xE4, 0xE4, 255}
)

// scenarioColors are handed out in order; "plan" is always blue.
var scenarioColors = []color.Color{okOrange, okGreen, okVermilion, okPurple, okSky, okYellow, okBlack}

// ScenarioColor is the colour of scenario name given the ordered list that
// fixes colours: the plan's own rates blue, the others in Okabe–Ito order.
func ScenarioColor(name string, order []string) color.Color {
	if name == "plan" {
		return okBlue
	}
	i := 0
	for _, n := range order {
		if n == "plan" {
			continue
		}
		if n == name {
			return scenarioColors[i%len(scenarioColors)]
		}
		i++
	}
	h := 0
	for _, r := range name {
		h = h*31 + int(r)
	}
	return scenarioColors[(h%len(scenarioColors)+len(scenarioColors))%len(scenarioColors)]
}

// theme holds the fonts and sizes of one chart and checks its labels.
type theme struct {
	font *Font
	lang string
	lab  *labeler
	// boxes are the text boxes placed on the data (target and rule
	// labels) in the last drawing, for tests.
	boxes []vg.Rectangle
	segs  [][2]vg.Point // the lines they avoid, in canvas coordinates
}

func newTheme(f *Font, o Options) *theme {
	return &theme{font: f, lang: o.lang(), lab: newLabeler(f)}
}

// L picks the label in the chart's language and checks it against the font.
func (th *theme) L(zh, en string) string {
	if th.lang == "en" {
		return th.t(en)
	}
	return th.t(zh)
}

// t checks a label already in the chart's language and gives its ranges
// one dash style: 2021—2023 in Chinese (一字线), 2021–2023 in English.
func (th *theme) t(s string) string { return th.lab.fix(rangeDash(s, th.lang)) }

// rangeDash rewrites a dash between two numbers (– or —; 5%–95%) in the
// style of lang.
func rangeDash(s, lang string) string {
	want := pick(lang, "—", "–")
	rs := []rune(s)
	for i := 1; i+1 < len(rs); i++ {
		if (rs[i] == '–' || rs[i] == '—') && (unicode.IsDigit(rs[i-1]) || rs[i-1] == '%') && unicode.IsDigit(rs[i+1]) {
			rs[i] = []rune(want)[0]
		}
	}
	return string(rs)
}

func (th *theme) style(size vg.Length, c color.Color) text.Style {
	return text.Style{
		Color:   c,
		Font:    font.Font{Typeface: typeface, Size: size},
		Handler: th.font.handler,
		XAlign:  draw.XLeft,
		YAlign:  draw.YBottom,
	}
}

// Font sizes in points, chosen for a 16 cm wide chart printed at 100 %.
const (
	sizeTitle  = 11
	sizeLabel  = 8.5
	sizeTick   = 7.5
	sizeNote   = 7
	sizeFooter = 6.5
)

// newPlot is a plot with the chart's fonts everywhere and light grid lines.
// Only the fonts change: gonum's alignments and rotations are kept.
func (th *theme) newPlot() *plot.Plot {
	p := plot.New()
	p.BackgroundColor = color.Transparent
	set := func(s *text.Style, size vg.Length) {
		s.Font = font.Font{Typeface: typeface, Size: size}
		s.Handler = th.font.handler
	}
	set(&p.Title.TextStyle, sizeLabel)
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		set(&ax.Label.TextStyle, sizeLabel)
		set(&ax.Tick.Label, sizeTick)
		ax.Padding = 0
		ax.LineStyle.Color = grey
		ax.Tick.LineStyle.Color = grey
	}
	set(&p.Legend.TextStyle, sizeTick)
	p.Legend.YOffs = 0
	g := plotter.NewGrid()
	g.Vertical.Color = lightGrey
	g.Horizontal.Color = lightGrey
	g.Vertical.Width = vg.Points(0.5)
	g.Horizontal.Width = vg.Points(0.5)
	p.Add(g)
	return p
}

// header draws the chart title at the top and returns the canvas below it.
func (th *theme) header(dc draw.Canvas, title string) draw.Canvas {
	if title == "" {
		return dc
	}
	pad := vg.Points(6)
	sty := th.style(sizeTitle, okBlack)
	lines := th.wrap(title, sty, dc.Max.X-dc.Min.X-2*pad)
	y := dc.Max.Y - pad
	for _, ln := range lines {
		y -= sty.Height(ln)
		dc.FillText(sty, vg.Point{X: dc.Min.X + pad, Y: y}, ln)
		y -= vg.Points(1)
	}
	return draw.Crop(dc, 0, 0, 0, y-dc.Max.Y-pad)
}

// footer draws the source lines at the bottom and returns the canvas above.
func (th *theme) footer(dc draw.Canvas, lines ...string) draw.Canvas {
	pad := vg.Points(5)
	sty := th.style(sizeFooter, grey)
	var all []string
	for _, l := range lines {
		if l != "" {
			all = append(all, th.wrap(l, sty, dc.Max.X-dc.Min.X-2*pad)...)
		}
	}
	y := dc.Min.Y + pad
	for i := len(all) - 1; i >= 0; i-- {
		dc.FillText(sty, vg.Point{X: dc.Min.X + pad, Y: y}, all[i])
		y += sty.Height(all[i]) + vg.Points(1)
	}
	return draw.Crop(dc, 0, 0, y-dc.Min.Y+pad/2, 0)
}

// wrap breaks s into lines no wider than w: at spaces for English, between
// any two characters for Chinese.
func (th *theme) wrap(s string, sty text.Style, w vg.Length) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, tok := range tokens(para) {
			cand := line + tok
			if line != "" && sty.Width(cand) > w {
				out = append(out, strings.TrimRight(line, " "))
				line = strings.TrimLeft(tok, " ")
				continue
			}
			line = cand
		}
		out = append(out, line)
	}
	return out
}

// tokens splits s into words with their trailing space, and single CJK
// characters.
func tokens(s string) []string {
	var out []string
	cur := ""
	for _, r := range s {
		switch {
		case r == ' ':
			out = append(out, cur+" ")
			cur = ""
		case r >= 0x2E80:
			if cur != "" {
				out = append(out, cur)
			}
			out = append(out, string(r))
			cur = ""
		default:
			cur += string(r)
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

// legendEntry is one item of a legend drawn outside the plot.
type legendEntry struct {
	label string
	thumb plot.Thumbnailer
}

// legendHeight is the height drawLegend needs for entries on width w.
func (th *theme) legendHeight(entries []legendEntry, w vg.Length) vg.Length {
	return vg.Length(len(th.legendRows(entries, w))) * th.legendRowHeight()
}

func (th *theme) legendRowHeight() vg.Length { return vg.Points(sizeTick + 5) }

const legendThumb = vg.Length(18)

func (th *theme) legendRows(entries []legendEntry, w vg.Length) [][]legendEntry {
	sty := th.style(sizeTick, okBlack)
	var rows [][]legendEntry
	var row []legendEntry
	x := vg.Length(0)
	for _, e := range entries {
		ew := legendThumb + 4 + sty.Width(e.label) + 12
		if len(row) > 0 && x+ew > w {
			rows = append(rows, row)
			row, x = nil, 0
		}
		row = append(row, e)
		x += ew
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

// legend draws entries in rows at the bottom of dc, centred, and returns
// the canvas above them; legends never sit on the data.
func (th *theme) legend(dc draw.Canvas, entries []legendEntry) draw.Canvas {
	if len(entries) == 0 {
		return dc
	}
	sty := th.style(sizeTick, okBlack)
	// gonum places a line's baseline by the font's ascent, which is taller
	// than the glyphs in CJK fonts: this offset centres the text on the row.
	dy := -0.2 * sty.Font.Size
	w := dc.Max.X - dc.Min.X - vg.Points(20)
	rows := th.legendRows(entries, w)
	rh := th.legendRowHeight()
	y := dc.Min.Y + vg.Length(len(rows))*rh - rh/2
	for _, row := range rows {
		total := vg.Length(0)
		for _, e := range row {
			total += legendThumb + 4 + sty.Width(e.label) + 12
		}
		x := dc.Min.X + (dc.Max.X-dc.Min.X-total)/2
		for _, e := range row {
			tc := draw.Canvas{Canvas: dc.Canvas, Rectangle: vg.Rectangle{
				Min: vg.Point{X: x, Y: y - rh/2 + 2}, Max: vg.Point{X: x + legendThumb, Y: y + rh/2 - 2}}}
			e.thumb.Thumbnail(&tc)
			dc.FillText(sty, vg.Point{X: x + legendThumb + 4, Y: y + dy}, e.label)
			x += legendThumb + 4 + sty.Width(e.label) + 12
		}
		y -= rh
	}
	return draw.Crop(dc, 0, 0, vg.Length(len(rows))*rh+vg.Points(2), 0)
}

// fmtNum prints v with at most prec decimals and no trailing zeros; "—"
// when unknown.
// Thousands are grouped with commas (12,345.6) and a negative number
// takes the minus sign U+2212, the one minus every chart uses.
func fmtNum(v float64, prec int) string { return quantity.Chart.Num(v, prec) }

// line is a plotter.Line with the given colour, width and dashes.
func line(xys plotter.XYs, c color.Color, w vg.Length, dashes ...vg.Length) *plotter.Line {
	l := &plotter.Line{XYs: xys}
	l.Color = c
	l.Width = w
	l.Dashes = dashes
	return l
}

// scatter is a plotter.Scatter with the given glyph.
func scatter(xys plotter.XYs, c color.Color, shape draw.GlyphDrawer, r vg.Length) *plotter.Scatter {
	s := &plotter.Scatter{XYs: xys}
	s.GlyphStyle = draw.GlyphStyle{Color: c, Shape: shape, Radius: r}
	return s
}

// boxThumb is a filled square for legends of bands and verdicts.
type boxThumb struct{ c color.Color }

func (b boxThumb) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	mid := (r.Min.X + r.Max.X) / 2
	h := (r.Max.Y - r.Min.Y) / 2
	c.FillPolygon(b.c, []vg.Point{{X: mid - h*1.6, Y: r.Min.Y + h/2}, {X: mid - h*1.6, Y: r.Max.Y - h/2}, {X: mid + h*1.6, Y: r.Max.Y - h/2}, {X: mid + h*1.6, Y: r.Min.Y + h/2}})
}

// glyphThumb is a single marker for legends.
type glyphThumb struct{ sty draw.GlyphStyle }

func (g glyphThumb) Thumbnail(c *draw.Canvas) { c.DrawGlyph(g.sty, c.Center()) }

// fade mixes c with white: a = 1 keeps c.
func fade(c color.Color, a float64) color.Color {
	r, g, b, _ := c.RGBA()
	mix := func(v uint32) uint8 { return uint8(float64(v>>8)*a + 255*(1-a)) }
	return color.RGBA{mix(r), mix(g), mix(b), 255}
}

// sideLabels puts text beside points, vertically centred on them: to the
// right of each point, or to the left where left[i] is true.
func (th *theme) sideLabels(pts plotter.XYs, txt []string, left []bool) []plot.Plotter {
	var out []plot.Plotter
	for _, side := range []bool{false, true} {
		var p plotter.XYs
		var t []string
		for i := range pts {
			if left[i] == side {
				p = append(p, pts[i])
				t = append(t, txt[i])
			}
		}
		if len(p) == 0 {
			continue
		}
		l, _ := plotter.NewLabels(plotter.XYLabels{XYs: p, Labels: t})
		for i := range l.TextStyle {
			s := th.style(sizeNote, okBlack)
			s.YAlign = draw.YCenter
			if side {
				s.XAlign = draw.XRight
			}
			l.TextStyle[i] = s
		}
		// gonum centres on the font's ascent + descent; CJK fonts' ascent is
		// taller than their glyphs, so lift the text by half a size.
		l.Offset = vg.Point{X: vg.Points(3), Y: 0.5 * vg.Points(sizeNote)}
		if side {
			l.Offset.X = -vg.Points(3)
		}
		out = append(out, l)
	}
	return out
}
