package charts

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"

	"fyp/model"
)

// HeadlineIDs are the indicators of the headline panel, in reading order,
// where the plan has them.
var HeadlineIDs = []string{"gdp", "income", "urbanization_rate", "forest_coverage"}

// headlinePanels is the number of panels of the headline chart.
const headlinePanels = 4

// HeadlineOf chooses the headline panel's indicators from pr: those of
// HeadlineIDs the projection can draw, then the main table's rows in order
// until there are four. A plan of other ids (or whose headline indicators
// have no base level) so gets its first main-table rows (its first
// indicators when it has no main table); nil when nothing can be drawn.
func HeadlineOf(pr *model.Projection) []string {
	var ids []string
	drawable := func(id string) bool {
		s := pr.Series[id]
		return s != nil && s.Known() && !contains(ids, id)
	}
	for _, id := range HeadlineIDs {
		if drawable(id) {
			ids = append(ids, id)
		}
	}
	table := false
	for _, ind := range pr.Plan.Indicators {
		table = table || ind.InTable()
	}
	for _, ind := range pr.Plan.Indicators {
		if len(ids) == headlinePanels {
			break
		}
		if (ind.InTable() || !table) && drawable(ind.ID) {
			ids = append(ids, ind.ID)
		}
	}
	return ids
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Headline draws the 2×2 panel of the headline indicators (HeadlineOf)
// across the projections, with one legend for the four (a plan with fewer
// drawable indicators gets fewer panels). GDP and income are index series
// (2020 = 100) and urbanization a change since 2020 when the plan prints
// no base level; the axis labels say so.
func Headline(prs []*model.Projection, o Options) (*Chart, error) {
	c, err := newChart("headline", 13*vg.Centimeter, o)
	if err != nil {
		return nil, err
	}
	th := c.th
	names, labels := scenarioNames(prs, th.lang)
	order := colourOrder(o, names)
	c.Title = th.L("主要指标测算", "Headline indicators")
	ids := HeadlineOf(prs[0])
	if len(ids) == 0 {
		return nil, fmt.Errorf("charts: headline: the plan has no indicator with a computable path (none of %v, no main-table row with a base level or a relative target)", HeadlineIDs)
	}
	rows := (len(ids) + 1) / 2
	plots := make([][]*plot.Plot, rows)
	for r := range plots {
		plots[r] = make([]*plot.Plot, 2)
	}
	var legend []legendEntry
	seen := map[string]bool{}
	var notes, noteOrder []string
	named := map[string][]string{}
	for i, id := range ids {
		d, err := PathOf(id, prs, th.lang)
		if err != nil {
			return nil, err
		}
		d.nameUnplaced(prs[0].Plan, o)
		if c.Shown == nil {
			c.Shown = map[string][]YearValue{}
		}
		c.Shown[id] = d.History
		p, lg := th.pathPlot(d, order, prs[0].Horizon)
		p.Title.Text = th.t(d.Name)
		p.X.Label.Text = ""
		plots[i/2][i%2] = p
		for _, e := range lg {
			if !seen[e.label] {
				seen[e.label] = true
				legend = append(legend, e)
			}
		}
		for _, n := range d.Notes {
			named[n] = append(named[n], d.Name)
		}
		noteOrder = append(noteOrder, d.Notes...)
	}
	// A note that holds for one panel only names its indicator.
	for _, n := range noteOrder {
		if seen[n] {
			continue
		}
		seen[n] = true
		if len(named[n]) == 1 && len(ids) > 1 {
			notes = append(notes, th.t(named[n][0]+pick(th.lang, "：", ": ")+n))
		} else {
			notes = append(notes, th.t(n))
		}
	}
	footer := th.t(sourceLine(o, prs[0].Plan, labels, th.lang))
	c.Notes = notes
	chrome := func(dc draw.Canvas) draw.Canvas {
		dc = th.header(dc, c.Title)
		dc = th.footer(dc, append(notes, footer)...)
		dc = th.legend(dc, legend)
		return draw.Crop(dc, vg.Points(4), -vg.Points(12), 0, 0)
	}
	// Each row of panels gets panelRow whatever the legend and notes
	// take: many scenarios' notes make the figure taller, never the
	// panels flatter.
	c.Height = vg.Length(rows)*panelRow + chromeHeight(chrome, c.Width)
	return c.done(func(dc draw.Canvas) {
		th.boxes, th.segs, c.panels = nil, nil, nil
		cs := grid(plots, chrome(dc), vg.Points(16), vg.Points(10))
		for r := range plots {
			for k, p := range plots[r] {
				// A panel whose labels are wider than the panel gets no
				// finite area; drawing it would never end.
				if p != nil && drawable(cs[r][k].Rectangle) {
					p.Draw(cs[r][k])
					c.panels = append(c.panels, p.DataCanvas(cs[r][k]).Rectangle)
				}
			}
		}
		c.boxes, c.segs = th.boxes, th.segs
	}), nil
}

// panelRow is the height of one row of headline panels: the plot area,
// its title and its axes.
const panelRow = 5 * vg.Centimeter

// chromeHeight is the height the title, notes and legend take on a chart
// of width w: chrome is drawn on a recorder on a tall canvas and what it
// leaves is measured.
func chromeHeight(chrome func(draw.Canvas) draw.Canvas, w vg.Length) vg.Length {
	const tall = 1000 * vg.Centimeter
	dc := draw.Canvas{Canvas: &recorder.Canvas{}, Rectangle: vg.Rectangle{Max: vg.Point{X: w, Y: tall}}}
	left := chrome(dc)
	return tall - (left.Max.Y - left.Min.Y)
}

// drawable reports whether r is a finite rectangle of positive size.
func drawable(r vg.Rectangle) bool {
	for _, v := range []vg.Length{r.Min.X, r.Min.Y, r.Max.X, r.Max.Y} {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			return false
		}
	}
	return r.Max.X > r.Min.X && r.Max.Y > r.Min.Y
}
