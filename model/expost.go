package model

import (
	"fmt"
	"math"
	"unicode"
)

// Outcome is one target of a finished plan against the outcome the plan's
// record gives (the observed entry in the target year). NaN when unknown.
type Outcome struct {
	Indicator *Indicator
	Target    Target
	Compared  bool
	Reason    Text
	Observed  float64 // the outcome in the target's metric
	Text      string  // the outcome as printed
	Met       bool
	Margin    float64
	Pace      RateKind
	Delivered float64 // pace delivered over the period
	Required  float64 // pace the target required
}

// ExPost judges every target of a finished plan against its recorded
// outcomes: an observation in the target year with the target's own metric
// (a level for level, floor and ceiling targets). Outcomes printed on
// another definition (Comparable false) are shown but not compared.
func ExPost(p *Plan) []Outcome {
	var out []Outcome
	for _, ind := range p.Indicators {
		for _, t := range ind.Targets {
			if t.Relative() {
				out = append(out, relativeOutcome(p, ind, t))
				continue
			}
			out = append(out, outcome(ind, t))
		}
	}
	return out
}

// withNote adds a record's note to an English reason.
func withNote(reason, note string) string {
	if note == "" {
		return reason
	}
	return reason + ": " + note
}

// Printed is the outcome as the record prints it, in lang: in English a
// cell that holds Chinese (4.8(减税降费影响), 七人普数据尚未反馈) is quoted
// as the record's own words.
func (o Outcome) Printed(lang string) string {
	return QuoteSource(lang, o.Text)
}

// QuoteSource returns a source's own words for printing in lang: as they
// are in Chinese, and between “ ” in English when they hold a Chinese
// character, so that an English text quotes them as what the source says.
func QuoteSource(lang, s string) string {
	if lang != "en" || !hasHan(s) {
		return s
	}
	return "“" + s + "”"
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func outcome(ind *Indicator, t Target) Outcome {
	o := Outcome{Indicator: ind, Target: t, Observed: math.NaN(), Margin: math.NaN(), Pace: rateKind(ind, t),
		Delivered: math.NaN(), Required: math.NaN()}
	if t.Kind == Delegated {
		o.Reason = Text{ZH: "市下达，无数值", EN: "set by the city; no number"}
		return o
	}
	want := t.Kind
	if t.Kind == Floor || t.Kind == Ceiling {
		want = Level
	}
	var ob *Observation
	for i, x := range ind.Observed {
		if x.Year == t.Year && x.Metric == want && (x.Metric == Level || x.From == t.From || x.From == 0) {
			ob = &ind.Observed[i]
		}
	}
	if ob == nil {
		o.Reason = Text{ZH: fmt.Sprintf("记录中没有%d年的%s数据", t.Year, kindZHText(want)), EN: fmt.Sprintf("the record gives no %d %s", t.Year, want)}
		return o
	}
	o.Text = ob.Text
	if !ob.Known {
		// The seeds' notes are English commentary: the Chinese reason
		// quotes the record's own cell instead; the English one quotes
		// the cell, then the note.
		o.Reason = Text{ZH: "记录未给出数值（记为“" + ob.Text + "”）", EN: withNote("no number in the record, which prints “"+ob.Text+"”", ob.Note)}
		return o
	}
	o.Observed = ob.Value
	if !ob.Comparable {
		o.Reason = Text{ZH: "统计口径与目标不同，不可比（记为“" + ob.Text + "”）", EN: withNote("another definition than the target's, not compared (the record prints “"+ob.Text+"”)", ob.Note)}
		return o
	}
	o.Compared = true
	o.Met, o.Margin = t.Verdict(ind, ob.Value)
	n := t.Span()
	x0, ok0 := ind.Baseline.Value, ind.Baseline.Known
	switch t.Kind {
	case Growth:
		o.Delivered, o.Required = ob.Value, t.Value
	case Reduction:
		o.Delivered = (math.Pow(1-ob.Value/100, 1/float64(n)) - 1) * 100
		o.Required = (math.Pow(1-t.Value/100, 1/float64(n)) - 1) * 100
	case Cumulative:
		o.Delivered, o.Required = ob.Value/float64(n), t.Value/float64(n)
	case Change:
		o.Delivered, o.Required = ob.Value/float64(n), t.Value/float64(n)
	case Level, Multiple:
		if ok0 {
			goal, _ := t.levelAt(x0)
			lv := ob.Value
			if t.Kind == Multiple {
				lv = x0 * ob.Value
			}
			o.Delivered, o.Required = pace(o.Pace, x0, lv, n), pace(o.Pace, x0, goal, n)
		}
	}
	if o.Met {
		o.Reason = Text{ZH: "已实现", EN: "achieved"}
	} else {
		o.Reason = Text{ZH: "未实现", EN: "not achieved"}
	}
	if t.Kind == Floor || t.Kind == Ceiling {
		o.Reason.ZH += "（仅核对末年）"
		o.Reason.EN += " (final year only checked)"
	}
	return o
}
