package seeds

import (
	"fmt"
	"math"

	"gopkg.in/yaml.v3"

	"fyp/internal/bilingual"
	"fyp/internal/yamlcheck"
	"fyp/model"
)

// checkLevels refuses levels an indicator cannot take, once its path, rule,
// bounds and derivation are known (it reads the indicator's node n again,
// after decoding):
//   - any baseline, level, observed level, step or ceiling beyond
//     ±model.MaxMagnitude, and a stated rate outside (−100, MaxRatePct];
//   - on a bounded indicator, level, floor and ceiling targets and observed
//     levels outside its bounds (the baseline is checked where it is read);
//   - on an indicator whose level must stay above zero (model.NeedsPositive:
//     it compounds, or is a ratio, product or share), a non-positive
//     baseline, observed level, level or ceiling target, or logistic
//     ceiling: such a level cannot grow by percentages; the projection
//     would run negative and its growth would be undefined.
func checkLevels(w *yamlcheck.Walker, n *yaml.Node, path string, ind *model.Indicator) {
	positive := model.NeedsPositive(ind)
	// A floor at or below zero is trivially kept, not impossible: only
	// bounds and magnitude apply to it.
	why := bilingual.Text{ZH: "按百分比增长（path: compound，默认），所以水平值须大于0；可以为零或负数的序列请写 path: linear",
		EN: "grows by percentages (path: compound, the default), so its level must be above 0; give path: linear for a series that can be zero or negative"}
	switch {
	case ind.Rule != nil && (ind.Rule.Rule == model.RuleCompound || ind.Rule.Rule == model.RuleLogistic):
		why = bilingual.Text{ZH: fmt.Sprintf("按%s规则测算，所以水平值须大于0", ind.Rule.Rule), EN: fmt.Sprintf("follows a %s rule, so its level must be above 0", ind.Rule.Rule)}
	case ind.Derived != nil && ind.Path != model.Compound:
		why = bilingual.Text{ZH: fmt.Sprintf("由其他指标按%s计算得出，所以须大于0", ind.Derived.Op), EN: fmt.Sprintf("is a %s of other levels, so it must be above 0", ind.Derived.Op)}
	}
	level := func(v *yaml.Node, key string, what bilingual.Text, bounded, positive bool) {
		x, ok := number(v)
		switch {
		case !ok:
		case math.Abs(x) > model.MaxMagnitude:
			w.Errorf(v, key, "%s%g超出±%g；请检查数字及其单位（%s）", "%s %g is beyond ±%g; check the number and its unit (%s)", what, x, model.MaxMagnitude, unitOf(ind))
		case bounded && ind.Bounded && (x < ind.Lo || x > ind.Hi):
			w.Errorf(v, key, "%s%g超出%[5]s的取值范围[%[3]g, %[4]g]", "%s %g lies outside the bounds [%g, %g] of %s", what, x, ind.Lo, ind.Hi, ind.ID)
		case positive && x <= 0:
			w.Errorf(v, key, "%s%g：%s%s", "%s %g: %s %s", what, x, ind.ID, why)
		}
	}
	level(child(child(n, "baseline"), "value"), path+".baseline.value", bilingual.Text{ZH: "基期值", EN: "baseline"}, false, positive)
	if t := child(n, "targets"); t != nil && t.Kind == yaml.SequenceNode {
		for j, tn := range t.Content {
			k := child(tn, "kind")
			if k == nil {
				continue
			}
			key := fmt.Sprintf("%s.targets[%d].value", path, j)
			switch model.Kind(k.Value) {
			case model.Level, model.Ceiling:
				level(child(tn, "value"), key, bilingual.Text{ZH: k.Value + "目标值", EN: "a " + k.Value + " target of"}, true, positive)
			case model.Floor:
				level(child(tn, "value"), key, bilingual.Text{ZH: "下限目标值", EN: "a floor target of"}, true, false)
			}
		}
	}
	if o := child(n, "observed"); o != nil && o.Kind == yaml.SequenceNode {
		for j, on := range o.Content {
			if m := child(on, "metric"); m == nil || m.Value == string(model.Level) {
				level(child(on, "value"), fmt.Sprintf("%s.observed[%d].value", path, j), bilingual.Text{ZH: "观测水平值", EN: "an observed level of"}, true, positive)
			}
		}
	}
	r := child(n, "rule")
	level(child(r, "ceiling"), path+".rule.ceiling", bilingual.Text{ZH: "logistic上限", EN: "a logistic ceiling of"}, false, positive)
	if v := child(r, "step"); v != nil {
		if x, ok := number(v); ok && math.Abs(x) > model.MaxMagnitude {
			w.Errorf(v, path+".rule.step", "每年增加%g%s超出±%g；请检查数字及其单位", "a step of %g %s a year is beyond ±%g; check the number and its unit", x, unitOf(ind), model.MaxMagnitude)
		}
	}
	if v := child(r, "rate"); v != nil {
		if x, ok := number(v); ok && (x <= -100 || x > model.MaxRatePct) {
			w.Errorf(v, path+".rule.rate", "年增速%g%%：应大于-100且不超过%d（每年百分比）", "a rate of %g%% a year: expected more than -100 and at most %d (percent a year)", x, model.MaxRatePct)
		}
	}
}

// child is the value of key in mapping n (the first, if repeated), or nil;
// for positions only, the Walker having checked the mapping.
func child(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// number reads a scalar the walker has already accepted as a number; ok is
// false for anything else (already reported, or absent).
func number(n *yaml.Node) (float64, bool) {
	if n == nil {
		return 0, false
	}
	var w yamlcheck.Walker
	v, ok := w.Float(n, "")
	return v, ok && len(w.Problems) == 0
}

// unitOf is an indicator's unit for a message in either language.
func unitOf(ind *model.Indicator) bilingual.Text {
	return bilingual.Text{ZH: ind.Unit.ZH, EN: ind.Unit.In("en")}
}
