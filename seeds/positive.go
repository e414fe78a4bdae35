package seeds

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"fyp/internal/yamlcheck"
	"fyp/model"
)

// checkPositive refuses non-positive levels on an indicator whose level
// must stay above zero (model.NeedsPositive: it compounds, or is a ratio,
// product or share): its baseline, its observed levels, its level and
// ceiling targets and a logistic ceiling. Such a level cannot grow by
// percentages; the projection would run negative and growth would be
// undefined. It reads the indicator's node n again, after decoding, since
// whether the check applies depends on path, rule and derived.
func checkPositive(w *yamlcheck.Walker, n *yaml.Node, path string, ind *model.Indicator) {
	if !model.NeedsPositive(ind) {
		return
	}
	why := "grows by percentages (path: compound, the default), so its level must be above 0; give path: linear for a series that can be zero or negative"
	switch {
	case ind.Rule != nil && (ind.Rule.Rule == model.RuleCompound || ind.Rule.Rule == model.RuleLogistic):
		why = fmt.Sprintf("follows a %s rule, so its level must be above 0", ind.Rule.Rule)
	case ind.Derived != nil && ind.Path != model.Compound:
		why = fmt.Sprintf("is a %s of other levels, so it must be above 0", ind.Derived.Op)
	}
	refuse := func(v *yaml.Node, key, what string) {
		if x, ok := number(v); ok && x <= 0 {
			w.Errorf(v, key, "%s %g: %s %s", what, x, ind.ID, why)
		}
	}
	refuse(child(child(n, "baseline"), "value"), path+".baseline.value", "baseline")
	if t := child(n, "targets"); t != nil && t.Kind == yaml.SequenceNode {
		for j, tn := range t.Content {
			if k := child(tn, "kind"); k != nil && (k.Value == string(model.Level) || k.Value == string(model.Ceiling)) {
				refuse(child(tn, "value"), fmt.Sprintf("%s.targets[%d].value", path, j), "a "+k.Value+" target of")
			}
		}
	}
	if o := child(n, "observed"); o != nil && o.Kind == yaml.SequenceNode {
		for j, on := range o.Content {
			if m := child(on, "metric"); m == nil || m.Value == string(model.Level) {
				refuse(child(on, "value"), fmt.Sprintf("%s.observed[%d].value", path, j), "an observed level of")
			}
		}
	}
	refuse(child(child(n, "rule"), "ceiling"), path+".rule.ceiling", "a logistic ceiling of")
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
