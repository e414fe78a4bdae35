package extract

import (
	"fmt"
	"strconv"
	"strings"

	"fyp/seeds/vocabulary"
)

// years of a table: the base year, the target year.
type span struct{ Base, Target int }

// rowIndicator reads one table row into an indicator with its targets.
func rowIndicator(t *rawTable, row rawRow, y span, voc *vocabulary.Vocabulary) *Indicator {
	rn := splitName(row.Name)
	for k, r := range t.Cols {
		if r == roleUnit && k < len(row.Values) && rn.Unit == "" {
			rn.Unit = row.Values[k]
			if rn.Unit == "百分点" || rn.Unit == "个百分点" {
				rn.Metric = "change"
				for _, w := range []string{"提高幅度", "提升幅度", "提高", "提升", "增加"} {
					rn.Name = strings.TrimSuffix(rn.Name, w)
				}
			}
		}
	}
	ind := &Indicator{
		No: row.No, Sub: row.Sub, Name: rn.Name, Group: row.Group, Section: t.Section, Box: t.Title,
		PriceBasis: rn.Price, Quote: row.Name, Note: rn.Note, Review: row.Review, line: row.Line,
		Baseline: Baseline{Year: y.Base},
	}
	if ind.Section == "" {
		ind.Section = "?"
		addReview(&ind.Review, "未找到所在章节")
	}
	id := fmt.Sprintf("row_%d", row.No)
	if row.Sub > 0 {
		id = fmt.Sprintf("row_%d_%d", row.No, row.Sub)
	}
	fill(ind, voc, rn.Unit, rn.Metric, id)
	switch {
	case strings.HasPrefix(row.Attr, "约束性"):
		ind.Attribute = "binding"
	case strings.HasPrefix(row.Attr, "预期性"):
		ind.Attribute = "expected"
	default:
		ind.Attribute = "expected"
		if row.Attr == "" {
			addReview(&ind.Review, "未找到指标属性，按预期性")
		}
	}
	var base, target, avg, actual string
	for k, r := range t.Cols {
		if k >= len(row.Values) {
			break
		}
		switch r {
		case roleBase:
			base = row.Values[k]
		case roleTarget:
			target = row.Values[k]
		case roleAvg:
			avg = row.Values[k]
		case roleActual:
			actual = row.Values[k]
		}
	}
	ind.Table = &TableCells{Base: base, Target: target}
	prev := y.Base - (y.Target - y.Base)

	// The base-year cell: a level, or the previous period's rate or total.
	bc := ParseCell(base)
	if yr := strconv.Itoa(y.Base); rn.Metric != "level" && strings.HasPrefix(base, yr) && len(base) > len(yr) && bc.HasValue && bc.Value > 1000 {
		// 20158.9: the year of a merged header cell run into the value
		bc = ParseCell(strings.TrimPrefix(base, yr))
		addReview(&ind.Review, "基期单元格"+base+"读作"+yr+"年 "+strings.TrimPrefix(base, yr))
	}
	if bc.Note != "" {
		addNote(&ind.Note, "基期: "+bc.Note)
		ind.baseNote = bc.Note
	}
	switch {
	case bc.Empty || !bc.HasValue:
	case rn.Metric == "growth":
		ind.Observed = append(ind.Observed, &Observation{Year: y.Base, Metric: "growth", From: prev, Value: num(bc.Value), Text: base})
	case rn.Metric == "reduction" || bc.Reduction:
		ind.Observed = append(ind.Observed, &Observation{Year: y.Base, Metric: "reduction", From: prev, Value: num(bc.Value), Text: base})
	case bc.Bracket:
		ind.Observed = append(ind.Observed, &Observation{Year: y.Base, Metric: "cumulative", From: prev, Value: num(bc.Value), Text: base})
	case rn.Metric == "change":
		ind.Observed = append(ind.Observed, &Observation{Year: y.Base, Metric: "change", From: prev, Value: num(bc.Value), Text: base})
	case len(ind.Bounds) == 2 && (bc.Value < ind.Bounds[0] || bc.Value > ind.Bounds[1]):
		addReview(&ind.Review, fmt.Sprintf("基期值%s超出取值范围，未采用", base))
	default:
		ind.Baseline.Value = num(bc.Value)
	}

	// The target cell, and the 年均/累计 cell of national-style tables.
	if tg := cellTarget(ind, target, rn.Metric, y); tg != nil {
		ind.Targets = append(ind.Targets, tg)
	}
	if avg != "" {
		ac := ParseCell(avg)
		if !ac.Empty {
			// 年均/累计: a rate for a rate row, a [ ] total, or a bound held
			// every year (<5.5) for a level
			m := rn.Metric
			switch {
			case rn.Metric != "level":
			case ac.Bracket:
				m = "cumulative"
			case ac.Bound == "max":
				m = "ceiling"
			case ac.Bound == "min":
				m = "floor"
			}
			if tg := cellTarget(ind, avg, m, y); tg != nil {
				if len(ind.Targets) == 1 && ind.Targets[0].Kind == "delegated" && tg.Kind != "delegated" {
					ind.Targets = nil // the rate stands in for the words
				}
				ind.Targets = append(ind.Targets, tg)
			}
		}
	}
	if len(ind.Targets) == 0 {
		addReview(&ind.Review, "目标单元格为空")
	}
	if actual != "" {
		ac := ParseCell(actual)
		o := &Observation{Year: y.Target, Text: actual, Note: ac.Note}
		switch {
		case rn.Metric == "growth":
			o.Metric, o.From = "growth", y.Base
		case rn.Metric == "reduction" || ac.Reduction:
			o.Metric, o.From = "reduction", y.Base
		case ac.Bracket:
			o.Metric, o.From = "cumulative", y.Base
		}
		if ac.HasValue {
			o.Value = num(ac.Value)
		}
		ind.Observed = append(ind.Observed, o)
	}
	return ind
}

// cellTarget reads a target cell under the row's metric.
func cellTarget(ind *Indicator, cell, metric string, y span) *Target {
	c := ParseCell(cell)
	t := &Target{Year: y.Target, Text: cell, Note: c.Note}
	switch {
	case c.Empty:
		return nil
	case c.Delegated:
		t.Kind = "delegated"
		return t
	case !c.HasValue:
		t.Kind = "delegated"
		t.Review = "目标不是数字，按无数值目标保留原文"
		return t
	}
	t.Value, t.Bound = num(c.Value), c.Bound
	switch {
	case metric == "growth":
		t.Kind = "growth"
	case metric == "reduction" || c.Reduction:
		t.Kind, t.From = "reduction", y.Base
	case metric == "change":
		t.Kind, t.From = "change", y.Base
	case (metric == "cumulative" || c.Bracket) && ind.Baseline.Value != nil && c.Value <= *ind.Baseline.Value/2:
		// [1] on a row whose base-year cell is a level (77.3 years): a
		// change of that level; [30] beside 5.7 is a five-year total
		t.Kind, t.From = "change", y.Base
		t.Review = "[ ]数字读作规划期内水平值的变化量; 若为流量指标请改为cumulative"
	case metric == "cumulative" || c.Bracket:
		t.Kind, t.From = "cumulative", y.Base
		if ind.Baseline.Value != nil {
			t.Review = "[ ]数字读作规划期累计; 若为存量指标请改为change"
		}
	case metric == "ceiling" || metric == "floor":
		t.Kind, t.From = metric, y.Base
	default:
		t.Kind = "level"
		levelRule(ind, t, ind.baseNote)
	}
	if t.Kind == "reduction" && c.Value >= 100 {
		t.Review = "降低率不小于100%"
		t.Kind, t.From = "level", 0
	}
	if t.Kind == "level" && len(ind.Bounds) == 2 && (c.Value < ind.Bounds[0] || c.Value > ind.Bounds[1]) {
		t.Review = "目标值超出取值范围"
	}
	return t
}

// levelRule reads a plain level target that does not move the indicator
// the way it should go (a target of 300 days with 311 now; 63 with 63 now)
// as a floor held every year, and a level target of a lower-is-better
// indicator without a base-year value as a ceiling; both marked for review.
func levelRule(ind *Indicator, t *Target, baseNote string) {
	if t.Bound == "max" && ind.Direction == "down" {
		t.Kind, t.From = "ceiling", ind.Baseline.Year
		t.Review = "越低越好的指标的上限，读作每年不高于目标值"
		return
	}
	if t.Bound != "none" && t.Bound != "" || strings.Contains(baseNote, "旧") || strings.Contains(baseNote, "口径") || t.Note != "" {
		return // a bound printed, or a base on another definition
	}
	b := ind.Baseline.Value
	switch {
	case ind.Direction == "up" && b != nil && *t.Value <= *b:
		// A plain figure keeps bound none (the format's rule); the
		// floor is in the kind.
		t.Kind, t.Bound, t.From = "floor", "none", ind.Baseline.Year
		t.Review = "目标不高于基期值，读作每年不低于目标值"
	case ind.Direction == "down" && (b == nil || *t.Value >= *b):
		t.Kind, t.Bound, t.From = "ceiling", "none", ind.Baseline.Year
		t.Review = "越低越好的指标，无基期值或目标不低于基期值，读作每年不高于目标值"
	}
}

func addNote(n *string, s string) {
	if *n == "" {
		*n = s
	} else {
		*n += "; " + s
	}
}
