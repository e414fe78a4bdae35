package seeds

import (
	"fmt"
	"math"

	"gopkg.in/yaml.v3"

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
	why := "grows by percentages (path: compound, the default), so its level must be above 0; give path: linear for a series that can be zero or negative"
	switch {
	case ind.Rule != nil && (ind.Rule.Rule == model.RuleCompound || ind.Rule.Rule == model.RuleLogistic):
		why = fmt.Sprintf("follows a %s rule, so its level must be above 0", ind.Rule.Rule)
	case ind.Derived != nil && ind.Path != model.Compound:
		why = fmt.Sprintf("is a %s of other levels, so it must be above 0", ind.Derived.Op)
	}
	level := func(v *yaml.Node, key, what string, bounded, positive bool) {
		x, ok := number(v)
		switch {
		case !ok:
		case math.Abs(x) > model.MaxMagnitude:
			w.Errorf(v, key, "%s %g is beyond ±%g; check the number and its unit (%s)", what, x, model.MaxMagnitude, ind.Unit.ZH)
		case bounded && ind.Bounded && (x < ind.Lo || x > ind.Hi):
			w.Errorf(v, key, "%s %g lies outside the bounds [%g, %g] of %s", what, x, ind.Lo, ind.Hi, ind.ID)
		case positive && x <= 0:
			w.Errorf(v, key, "%s %g: %s %s", what, x, ind.ID, why)
		}
	}
	level(child(child(n, "baseline"), "value"), path+".baseline.value", "baseline", false, positive)
	if t := child(n, "targets"); t != nil && t.Kind == yaml.SequenceNode {
		for j, tn := range t.Content {
			k := child(tn, "kind")
			if k == nil {
				continue
			}
			key := fmt.Sprintf("%s.targets[%d].value", path, j)
			switch model.Kind(k.Value) {
			case model.Level, model.Ceiling:
				level(child(tn, "value"), key, "a "+k.Value+" target of", true, positive)
			case model.Floor:
				level(child(tn, "value"), key, "a floor target of", true, false)
			}
		}
	}
	if o := child(n, "observed"); o != nil && o.Kind == yaml.SequenceNode {
		for j, on := range o.Content {
			if m := child(on, "metric"); m == nil || m.Value == string(model.Level) {
				level(child(on, "value"), fmt.Sprintf("%s.observed[%d].value", path, j), "an observed level of", true, positive)
			}
		}
	}
	r := child(n, "rule")
	level(child(r, "ceiling"), path+".rule.ceiling", "a logistic ceiling of", false, positive)
	if v := child(r, "step"); v != nil {
		if x, ok := number(v); ok && math.Abs(x) > model.MaxMagnitude {
			w.Errorf(v, path+".rule.step", "a step of %g %s a year is beyond ±%g; check the number and its unit", x, ind.Unit.ZH, model.MaxMagnitude)
		}
	}
	if v := child(r, "rate"); v != nil {
		if x, ok := number(v); ok && (x <= -100 || x > model.MaxRatePct) {
			w.Errorf(v, path+".rule.rate", "a rate of %g%% a year: expected more than -100 and at most %d (percent a year)", x, model.MaxRatePct)
		}
	}
}

// child is the value of key in mapping n, or nil.
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
