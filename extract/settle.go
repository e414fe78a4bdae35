package extract

import (
	"fmt"
	"math"
	"strconv"

	"fyp/model"
)

// settleLevels makes every figure of p one a plan file can hold, as fyp
// validate checks them: a figure beyond ±model.MaxMagnitude (a typing or
// unit slip, 1e20亿元) is not read as a number, an indicator with a figure
// outside its bounds (101 for a share) loses the bounds, and one with a
// level of zero or below (事故死亡人数控制在0) cannot grow by percentages,
// so its path becomes linear. Each change is marked review. Without this a
// plan stating such a figure was refused as "the plan file written would
// not validate (a bug)".
func settleLevels(p *Plan) {
	for _, ind := range p.Indicators {
		tooLarge := func(what string, v float64) bool {
			if math.Abs(v) <= model.MaxMagnitude {
				return false
			}
			addReview(&ind.Review, fmt.Sprintf("%s%s超出±1e15，未作为数字读取；请核对数字和单位", what, strconv.FormatFloat(v, 'g', -1, 64)))
			return true
		}
		if v := ind.Baseline.Value; v != nil && tooLarge("基期值", *v) {
			ind.Baseline.Value = nil
		}
		targets := ind.Targets[:0]
		for _, t := range ind.Targets {
			if t.Value == nil || !tooLarge("目标“"+t.Text+"”的数字", *t.Value) {
				targets = append(targets, t)
			}
		}
		ind.Targets = targets
		observed := ind.Observed[:0]
		for _, o := range ind.Observed {
			if o.Value == nil || !tooLarge("实际值“"+o.Text+"”的数字", *o.Value) {
				observed = append(observed, o)
			}
		}
		ind.Observed = observed
		if len(ind.Bounds) == 2 {
			lo, hi := ind.Bounds[0], ind.Bounds[1]
			out := func(v *float64) bool { return v != nil && (*v < lo || *v > hi) }
			outside := out(ind.Baseline.Value)
			for _, t := range ind.Targets {
				outside = outside || (t.Kind == "level" || t.Kind == "floor" || t.Kind == "ceiling") && out(t.Value)
			}
			for _, o := range ind.Observed {
				outside = outside || (o.Metric == "" || o.Metric == "level") && out(o.Value)
			}
			if outside { // a table row's 101 for a share: read as printed, the bounds left out
				ind.Bounds = nil
				addReview(&ind.Review, "有数值超出取值范围，未写取值范围（bounds）")
			}
		}
		if ind.Path != "" && ind.Path != "compound" {
			continue
		}
		nonPositive := ind.Baseline.Value != nil && *ind.Baseline.Value <= 0
		for _, t := range ind.Targets {
			nonPositive = nonPositive || t.Value != nil && *t.Value <= 0 && (t.Kind == "level" || t.Kind == "ceiling")
		}
		for _, o := range ind.Observed {
			nonPositive = nonPositive || o.Value != nil && *o.Value <= 0 && (o.Metric == "" || o.Metric == "level")
		}
		if nonPositive {
			ind.Path = "linear"
			addReview(&ind.Review, "有为零或负的水平值，不能按百分比增长：按线性路径（path: linear）读")
		}
	}
}
