package charts

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"fyp/internal/numfmt/quantity"
	"fyp/model"
)

// RecordRow is one target of a finished plan against its outcome.
type RecordRow struct {
	No, Sub int
	Label   string
	Binding bool
	Unit    string  // unit of Target and Outcome (%/年 for growth targets)
	Target  float64 // the target's metric value
	Outcome float64 // the outcome in the same metric; NaN when not comparable or missing
	Ratio   float64 // Outcome/Target; NaN when either is unknown or Target is 0
	// Completion is the share of the task done, the bar the chart draws:
	// (outcome − base)/(target − base) for levels, ln(1+g)/ln(1+g*) for
	// average growth, ln m/ln m* for multiples, outcome/target for changes,
	// cumulative falls and five-year sums (their base is 0). NaN for floors,
	// ceilings and levels without a base: they are met or not, never a share.
	Completion float64
	Kind       model.Kind // the target's kind, for the label
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
			r := RecordRow{No: ind.No, Sub: ind.Sub, Label: RowName(ind, lang), Binding: ind.Attribute == model.Binding,
				Unit: recordUnit(ind, t.Kind, lang), Target: t.Value, Outcome: math.NaN(), Ratio: math.NaN(), Completion: math.NaN(), Verdict: VerdictNoData,
				TargetText: Goal(t, lang), Kind: t.Kind}
			if t.Kind == model.Delegated {
				r.Target, r.Verdict, r.Note = math.NaN(), VerdictDelegated, pick(lang, "市下达", "set by the city")
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
					// The printed cell is Chinese ("21(口径调整)"): an English
					// chart gives its number only.
					r.Note = fmt.Sprintf("口径不可比（实际%s）", o.Text)
					if lang == "en" {
						r.Note = fmt.Sprintf("not comparable (%s on another definition)", fmtNum(o.Value, 2))
					}
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
					r.Completion = completion(ind, t, o.Value)
				}
			}
			out = append(out, r)
		}
	}
	return out
}

// completion is the share of target t's task that outcome x did (see
// RecordRow.Completion); NaN when the target has no such share.
func completion(ind *model.Indicator, t model.Target, x float64) float64 {
	c := math.NaN()
	switch t.Kind {
	case model.Level:
		if b := ind.Baseline; b.Known && b.Year == t.From && t.Value != b.Value {
			c = (x - b.Value) / (t.Value - b.Value)
		}
	case model.Growth:
		if t.Value != 0 && t.Value > -100 && x > -100 {
			c = math.Log1p(x/100) / math.Log1p(t.Value/100)
		}
	case model.Multiple:
		if t.Value > 0 && t.Value != 1 && x > 0 {
			c = math.Log(x) / math.Log(t.Value)
		}
	case model.Change, model.Reduction, model.Cumulative:
		if t.Value != 0 {
			c = x / t.Value
		}
	}
	return c
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

// ratioMin and ratioMax bound the record chart's axis, in percent of the
// task: below 0 the indicator moved away from its target.
const ratioMin, ratioMax = -50, 200

// Record draws a finished plan's record: each target's outcome as a
// percentage of the target (100 = exactly the target), coloured by
// whether it was met, with target and outcome printed beside.
func Record(p *model.Plan, o Options) (*Chart, error) {
	rows := RecordOf(p, o.lang())
	if len(rows) == 0 {
		return nil, fmt.Errorf("charts: record %s: no target in %d", p.ID, p.TargetYear)
	}
	n := len(rows)
	var names []string
	for _, r := range rows {
		names = append(names, shorten(r.Label, o.lang()))
	}
	c, err := newChart("record", vg.Length(n)*rowPitch(maxLines(names))+5*vg.Centimeter, o)
	if err != nil {
		return nil, err
	}
	th := c.th
	c.Title = th.t(fmt.Sprintf(pick(th.lang, "%s：目标与实际", "%s: targets and outcomes"), p.Title.In(th.lang)))
	pl := th.newPlot()
	pl.X.Label.Text = th.L("任务完成程度(%)：(实际−基期)/(目标−基期)", "task done (%): (outcome − base)/(target − base)")
	pl.X.Min, pl.X.Max = ratioMin, ratioMax
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
		if !math.IsNaN(r.Completion) {
			x := math.Max(ratioMin, math.Min(ratioMax, 100*r.Completion))
			poly, _ := plotter.NewPolygon(plotter.XYs{{X: 0, Y: y - 0.3}, {X: x, Y: y - 0.3}, {X: x, Y: y + 0.3}, {X: 0, Y: y + 0.3}})
			poly.Color, poly.LineStyle.Width = verdictColour(r.Verdict), 0
			pl.Add(poly)
		}
		text = append(text, th.t(RecordText(r, th.lang)))
	}
	pl.Y.Tick.Marker = plot.ConstantTicks(ticks)
	pl.Y.Tick.LineStyle.Width = 0
	hundred := line(plotter.XYs{{X: 100, Y: pl.Y.Min}, {X: 100, Y: pl.Y.Max}}, okBlack, 1, 3, 2)
	pl.Add(hundred)
	pl.X.Tick.Marker = plot.ConstantTicks([]plot.Tick{{Value: -50, Label: th.t(fmtNum(-50, 0))}, {Value: 0, Label: "0"}, {Value: 50, Label: "50"}, {Value: 100, Label: "100"}, {Value: 150, Label: "150"}, {Value: 200, Label: th.t("≥200")}})
	legend := []legendEntry{
		{th.L("达到目标", "met"), boxThumb{okGreen}},
		{th.L("未达到", "not met"), boxThumb{okVermilion}},
		{th.L("目标值", "target"), hundred},
	}
	notes := []string{th.L("条形为任务完成程度：水平目标按(实际−基期)/(目标−基期)，增速目标按实际与目标年均增速的对数之比，降幅、变化和五年累计目标按实际/目标；100%即恰好完成。颜色表示是否达标（上限类目标越低越好）。下限、上限类目标和无基期值的水平目标只判断是否达标，不画条形，文字标明达标或未达标并按此着色；无可比实际值的行不画条形。★ 约束性指标。",
		"Bars: the share of the task done — (outcome − base)/(target − base) for levels, the ratio of the logs of average growth for growth targets, outcome/target for falls, changes and five-year sums; 100% is exactly done. Colour says whether the target was met (for ceilings lower is better). Floors, ceilings and levels without a base are met or not: no bar, the text says met or not met in its colour; rows without a comparable outcome get no bar. ★ binding.")}
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
			sty.Color = recordTextColour(rows[i])
			th.fillLines(dc, sty, x, trY(float64(n-1-i)), textW-vg.Points(8), t)
		}
	}), nil
}

// RecordText is a record row's label: the target as the tables print it,
// the outcome in the same form, and the share of the task done or, for a
// target that is met or not (a floor, a level without a base), the
// verdict: "目标≈9%/年 · 实际8.9%/年 · 完成99%", "目标292 · 实际311 天 · 达标".
func RecordText(r RecordRow, lang string) string {
	if r.Verdict == VerdictDelegated {
		return r.Note
	}
	if r.Note != "" {
		return r.TargetText + " " + r.Unit + " · " + r.Note
	}
	s := fmt.Sprintf(pick(lang, "目标%s · 实际%s", "target %s · outcome %s"), r.TargetText, outcomeText(r, lang))
	if math.IsNaN(r.Completion) {
		return s + " · " + verdictLabel(r.Verdict, lang)
	}
	return s + fmt.Sprintf(pick(lang, " · 完成%s", " · %s done"), quantity.Chart.Percent(r.Completion))
}

// outcomeText prints an outcome in the form of its target
// (quantity.Chart.Metric), a sum or a level with its unit: "8.9%/年",
// "−38%", "[84.5] 亿美元", "311 天".
func outcomeText(r RecordRow, lang string) string {
	s := quantity.Chart.Metric(model.Target{Kind: r.Kind}, r.Outcome, lang)
	switch r.Kind {
	case model.Growth, model.Reduction, model.Change, model.Multiple:
		return s
	}
	return s + withUnit(r.Unit)
}

// withUnit is a unit after a number: "%" closes up, others follow a space.
func withUnit(u string) string {
	if u == "" || u == "%" {
		return u
	}
	return " " + u
}

// recordTextColour colours a record row's label: grey without a
// comparable outcome, vermilion when missed, green when met with no bar
// to carry the colour, else black.
func recordTextColour(r RecordRow) color.Color {
	switch {
	case r.Note != "" || r.Verdict == VerdictDelegated || r.Verdict == VerdictNoData:
		return grey
	case r.Verdict == VerdictMissed:
		return okVermilion
	case math.IsNaN(r.Completion):
		return okGreen
	}
	return okBlack
}
