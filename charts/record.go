package charts

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"fyp/model"
)

// RecordRow is one target of a finished plan against its outcome.
type RecordRow struct {
	No, Sub    int
	Label      string
	Binding    bool
	Unit       string  // unit of Target and Outcome (%/年 for growth targets)
	Target     float64 // the target's metric value
	Outcome    float64 // the outcome in the same metric; NaN when not comparable or missing
	Ratio      float64 // Outcome/Target; NaN when either is unknown or Target is 0
	Verdict    Verdict
	Note       string // why there is no outcome (口径调整, census pending)
	TargetText string
}

// RecordOf compares every numeric target of a finished plan due in its
// target year with the outcome recorded for that year in the same metric.
// Outcomes on another definition (comparable: false) or not printed are
// kept as rows with a note, never compared.
func RecordOf(p *model.Plan, lang string) []RecordRow {
	var out []RecordRow
	for _, ind := range p.Indicators {
		for _, t := range ind.Targets {
			if t.Year != p.TargetYear {
				continue
			}
			r := RecordRow{No: ind.No, Sub: ind.Sub, Label: ind.Name.In(lang), Binding: ind.Attribute == model.Binding,
				Unit: recordUnit(ind, t.Kind, lang), Target: t.Value, Outcome: math.NaN(), Ratio: math.NaN(), Verdict: VerdictNoData,
				TargetText: boundMark(t) + fmtNum(t.Value, 2)}
			if t.Kind == model.Delegated {
				r.Target, r.Verdict, r.Note, r.TargetText = math.NaN(), VerdictDelegated, pick(lang, "市下达", "set by the city"), pick(lang, "市下达", "delegated")
				out = append(out, r)
				continue
			}
			want := t.Kind
			if want == model.Floor || want == model.Ceiling {
				want = model.Level
			}
			r.Note = pick(lang, "无实际值", "no outcome recorded")
			for _, o := range ind.Observed {
				if o.Year != t.Year || o.Metric != want {
					continue
				}
				switch {
				case !o.Known:
					r.Note = pick(lang, "未公布实际值", "no figure printed")
				case !o.Comparable:
					r.Note = fmt.Sprintf(pick(lang, "口径不可比（实际%s）", "not comparable (printed %s)"), o.Text)
				default:
					r.Outcome, r.Note = o.Value, ""
					met, _ := t.Verdict(ind, o.Value)
					r.Verdict = VerdictMissed
					if met {
						r.Verdict = VerdictMet
					}
					if t.Value != 0 {
						r.Ratio = o.Value / t.Value
					}
				}
			}
			out = append(out, r)
		}
	}
	return out
}

func recordUnit(ind *model.Indicator, k model.Kind, lang string) string {
	switch k {
	case model.Growth:
		return pick(lang, "%/年", "%/yr")
	case model.Reduction:
		return pick(lang, "%(累计下降)", "% (cumulative fall)")
	case model.Multiple:
		return pick(lang, "倍", "×")
	}
	return ind.Unit.In(lang)
}

// ratioMax bounds the record chart's axis, in percent of the target.
const ratioMax = 200

// Record draws a finished plan's record: each target's outcome as a
// percentage of the target (100 = exactly the target), coloured by
// whether it was met, with target and outcome printed beside.
func Record(p *model.Plan, o Options) (*Chart, error) {
	rows := RecordOf(p, o.lang())
	if len(rows) == 0 {
		return nil, fmt.Errorf("charts: record %s: no target in %d", p.ID, p.TargetYear)
	}
	n := len(rows)
	c, err := newChart("record", vg.Length(n)*vg.Points(15)+5*vg.Centimeter, o)
	if err != nil {
		return nil, err
	}
	th := c.th
	c.Title = th.t(fmt.Sprintf(pick(th.lang, "%s：目标与实际", "%s: targets and outcomes"), p.Title.In(th.lang)))
	pl := th.newPlot()
	pl.X.Label.Text = th.L("实际值占目标的百分比(%)", "outcome as % of target")
	pl.X.Min, pl.X.Max = 0, ratioMax
	pl.Y.Min, pl.Y.Max = -0.6, float64(n)-0.4
	var ticks []plot.Tick
	var text []string
	for i, r := range rows {
		y := float64(n - 1 - i)
		no := fmt.Sprint(r.No)
		if r.Sub > 0 {
			no = fmt.Sprintf("%d.%d", r.No, r.Sub)
		}
		lbl := no + " " + shorten(r.Label, th.lang)
		if r.Binding {
			lbl = "★" + lbl
		}
		ticks = append(ticks, plot.Tick{Value: y, Label: th.t(lbl)})
		if !math.IsNaN(r.Ratio) {
			x := math.Max(0, math.Min(ratioMax, 100*r.Ratio))
			poly, _ := plotter.NewPolygon(plotter.XYs{{X: 0, Y: y - 0.3}, {X: x, Y: y - 0.3}, {X: x, Y: y + 0.3}, {X: 0, Y: y + 0.3}})
			poly.Color, poly.LineStyle.Width = verdictColour(r.Verdict), 0
			pl.Add(poly)
		}
		s := fmt.Sprintf(pick(th.lang, "目标%s · 实际%s %s", "target %s · outcome %s %s"), r.TargetText, fmtNum(r.Outcome, 2), r.Unit)
		if r.Note != "" {
			s = r.TargetText + " " + r.Unit + " · " + r.Note
			if r.Verdict == VerdictDelegated {
				s = r.Note
			}
		}
		text = append(text, th.t(s))
	}
	pl.Y.Tick.Marker = plot.ConstantTicks(ticks)
	pl.Y.Tick.LineStyle.Width = 0
	hundred := line(plotter.XYs{{X: 100, Y: pl.Y.Min}, {X: 100, Y: pl.Y.Max}}, okBlack, 1, 3, 2)
	pl.Add(hundred)
	pl.X.Tick.Marker = plot.ConstantTicks([]plot.Tick{{Value: 0, Label: "0"}, {Value: 50, Label: "50"}, {Value: 100, Label: "100"}, {Value: 150, Label: "150"}, {Value: 200, Label: th.t("≥200")}})
	legend := []legendEntry{
		{th.L("达到目标", "met"), boxThumb{okGreen}},
		{th.L("未达到", "not met"), boxThumb{okVermilion}},
		{th.L("目标值", "target"), hundred},
	}
	notes := []string{th.L("条形为实际值占目标的百分比，按目标自身的口径（年均增速、水平或累计降幅）计算；颜色表示是否达标（上限类目标越低越好）。无条形的行没有可比的实际值。★ 约束性指标。",
		"Bars: the outcome as a percentage of the target, in the target's own measure (average growth, level or cumulative fall); colour says whether the target was met (for ceilings lower is better). Rows without a bar have no comparable outcome. ★ binding.")}
	footer := th.t(pick(th.lang, "数据来源：", "Source: ") + p.Title.In(th.lang))
	return c.done(func(dc draw.Canvas) {
		dc = th.header(dc, c.Title)
		dc = th.footer(dc, append(notes, footer)...)
		dc = th.legend(dc, legend)
		textW := vg.Points(165)
		pc := draw.Crop(dc, vg.Points(4), -textW, 0, 0)
		pl.Draw(pc)
		dca := pl.DataCanvas(pc)
		_, trY := pl.Transforms(&dca)
		sty := th.style(sizeNote, okBlack)
		x := dc.Max.X - textW + vg.Points(6)
		for i, t := range text {
			sty.Color = okBlack
			if rows[i].Verdict == VerdictMissed {
				sty.Color = okVermilion
			}
			if rows[i].Note != "" {
				sty.Color = grey
			}
			dc.FillText(sty, vg.Point{X: x, Y: trY(float64(n-1-i)) - 0.3*sty.Font.Size}, fit(t, sty, textW-vg.Points(14)))
		}
	}), nil
}
