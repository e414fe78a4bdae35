package seeds

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"fyp/internal/yamlcheck"
	"fyp/model"
)

// decodeIndicator reads one item of `indicators`; nil when it has no usable id.
// Targets relative to another indicator are added to rels, to be checked
// once every indicator is known.
func decodeIndicator(w *yamlcheck.Walker, n *yaml.Node, p *model.Plan, i int, rels *[]relativeRef) *model.Indicator {
	path := fmt.Sprintf("indicators[%d]", i)
	if id := peekID(n); id != "" {
		path = "indicators." + id
	}
	f := w.Fields(n, path, indicatorKeys)
	id := w.String(f["id"], path+".id")
	w.Require(f, n, path, "id", "name", "unit", "section")
	if id == "" {
		return nil
	}
	if !indicatorID.MatchString(id) {
		w.Errorf(f["id"], path+".id", "指标id %q只能由小写字母、数字和“_”组成，并以字母开头", "indicator id %q must be lower-case letters, digits and '_', starting with a letter", id)
	}
	ind := &model.Indicator{
		ID:         id,
		Name:       model.Text{ZH: w.String(f["name"], path+".name"), EN: w.String(f["name_en"], path+".name_en")},
		Short:      model.Text{ZH: w.String(f["short"], path+".short"), EN: w.String(f["short_en"], path+".short_en")},
		Unit:       model.Text{ZH: w.String(f["unit"], path+".unit"), EN: w.String(f["unit_en"], path+".unit_en")},
		Group:      model.Text{ZH: w.String(f["group"], path+".group"), EN: w.String(f["group_en"], path+".group_en")},
		Section:    w.String(f["section"], path+".section"),
		Box:        w.String(f["box"], path+".box"),
		PriceBasis: w.String(f["price_basis"], path+".price_basis"),
		Quote:      w.String(f["quote"], path+".quote"),
		Note:       w.String(f["note"], path+".note"),
		Attribute:  model.Expected,
		Direction:  model.Up,
		Path:       model.Compound,
	}
	w.String(f["review"], path+".review") // for the reader: what fyp extract was unsure of
	ind.No, _ = w.Int(f["no"], path+".no")
	ind.Sub, _ = w.Int(f["sub"], path+".sub")
	if a := w.OneOf(f["attribute"], path+".attribute", []string{"expected", "binding"}); a != "" {
		ind.Attribute = model.Attribute(a)
	}
	if w.OneOf(f["direction"], path+".direction", []string{"up", "down"}) == "down" {
		ind.Direction = model.Down
	}
	if pk := w.OneOf(f["path"], path+".path", []string{"compound", "linear"}); pk != "" {
		ind.Path = model.PathKind(pk)
	}
	if b := w.Seq(f["bounds"], path+".bounds"); b != nil {
		if len(b) != 2 {
			w.Errorf(f["bounds"], path+".bounds", "应为[下限, 上限]，实为%d个数", "expected [low, high], got %d numbers", len(b))
		} else {
			lo, ok1 := w.Float(b[0], path+".bounds")
			hi, ok2 := w.Float(b[1], path+".bounds")
			if ok1 && ok2 && lo >= hi {
				w.Errorf(f["bounds"], path+".bounds", "下限%g须小于上限%g", "low bound %g must be below high bound %g", lo, hi)
			}
			ind.Bounded, ind.Lo, ind.Hi = ok1 && ok2, lo, hi
		}
	}
	if bn := f["baseline"]; !yamlcheck.IsNull(bn) {
		bf := w.Fields(bn, path+".baseline", baselineKeys)
		ind.Baseline.Year, _ = w.Int(bf["year"], path+".baseline.year")
		ind.Baseline.Value, ind.Baseline.Known = w.Float(bf["value"], path+".baseline.value")
		if ind.Baseline.Year != 0 && p.BaseYear != 0 && ind.Baseline.Year != p.BaseYear {
			w.Errorf(bf["year"], path+".baseline.year", "基期年份%d与规划基期年%d不一致", "baseline year %d differs from the plan's base year %d", ind.Baseline.Year, p.BaseYear)
		}
		if ind.Baseline.Known && ind.Bounded && (ind.Baseline.Value < ind.Lo || ind.Baseline.Value > ind.Hi) {
			w.Errorf(bf["value"], path+".baseline.value", "基期值%g超出取值范围[%g, %g]", "baseline %g lies outside the bounds [%g, %g]", ind.Baseline.Value, ind.Lo, ind.Hi)
		}
	}
	ind.Baseline.Year = p.BaseYear
	for j, tn := range w.Seq(f["targets"], path+".targets") {
		tp := fmt.Sprintf("%s.targets[%d]", path, j)
		if t, ok := decodeTarget(w, tn, tp, p); ok {
			if t.Relative() {
				*rels = append(*rels, relativeRef{node: child(tn, "relative_to"), path: tp + ".relative_to", ind: ind, k: len(ind.Targets)})
			}
			ind.Targets = append(ind.Targets, t)
		}
	}
	for j, on := range w.Seq(f["observed"], path+".observed") {
		ind.Observed = append(ind.Observed, decodeObservation(w, on, fmt.Sprintf("%s.observed[%d]", path, j), p))
	}
	if rn := f["rule"]; !yamlcheck.IsNull(rn) {
		ind.Rule = decodeRule(w, rn, path+".rule")
	}
	if dn := f["derived"]; !yamlcheck.IsNull(dn) {
		df := w.Fields(dn, path+".derived", derivedKeys)
		d := &model.Derivation{Op: model.Op(w.OneOf(df["op"], path+".derived.op", names(model.Ops)))}
		for _, on := range w.Seq(df["of"], path+".derived.of") {
			d.Of = append(d.Of, w.String(on, path+".derived.of"))
		}
		if d.Op == model.OpDifference && len(d.Of) != 2 || len(d.Of) < 2 {
			w.Errorf(dn, path+".derived.of", "应为两个指标id（只有sum可以三个以上），实为%d个", "expected two indicator ids (three or more only for sum), got %d", len(d.Of))
		}
		ind.Derived = d
	}
	if tn := f["table"]; !yamlcheck.IsNull(tn) {
		tf := w.Fields(tn, path+".table", tableKeys)
		ind.TableBase = w.String(tf["base"], path+".table.base")
		ind.TableGoal = w.String(tf["target"], path+".table.target")
	}
	checkLevels(w, n, path, ind)
	return ind
}

func decodeTarget(w *yamlcheck.Walker, n *yaml.Node, path string, p *model.Plan) (model.Target, bool) {
	f := w.Fields(n, path, targetKeys)
	w.Require(f, n, path, "year", "kind")
	t := model.Target{
		Kind:  model.Kind(w.OneOf(f["kind"], path+".kind", names(model.Kinds))),
		Bound: model.Exact,
		Text:  w.String(f["text"], path+".text"),
		Note:  w.String(f["note"], path+".note"),
	}
	w.String(f["review"], path+".review")
	if b := w.OneOf(f["bound"], path+".bound", names(model.Bounds)); b != "" {
		t.Bound = model.Bound(b)
	}
	if rn := f["relative_to"]; !yamlcheck.IsNull(rn) {
		t.RelativeTo = w.String(rn, path+".relative_to")
		if t.RelativeTo != "" && t.Kind != "" && t.Kind != model.Growth {
			w.Errorf(rn, path+".relative_to", "只有增速目标可以相对另一指标设定，%s目标不行", "only a growth target can be relative to another indicator, not a %s target", t.Kind)
			t.RelativeTo = ""
		}
	}
	t.Year, _ = w.Int(f["year"], path+".year")
	var ok bool
	if t.From, ok = w.Int(f["from"], path+".from"); !ok {
		t.From = p.BaseYear
	}
	v, hasValue := w.Float(f["value"], path+".value")
	t.Value = v
	switch {
	case t.Kind == "":
		return t, false
	case t.Kind == model.Delegated && hasValue:
		w.Errorf(f["value"], path+".value", "上级下达的目标（delegated）没有数值", "a delegated target (set by a higher level) has no value")
	case t.Kind != model.Delegated && !hasValue:
		if yamlcheck.IsNull(f["value"]) {
			w.Errorf(n, path+".value", "缺失：%s目标需要一个数值", "missing: a %s target needs a number", t.Kind)
		}
		return t, false
	}
	if p.BaseYear != 0 && t.Year != 0 && t.Year <= p.BaseYear {
		w.Errorf(f["year"], path+".year", "目标年份%d不在基期年%d之后", "target year %d is not after the base year %d", t.Year, p.BaseYear)
		return t, false
	}
	if t.From >= t.Year && t.Year != 0 {
		w.Errorf(f["from"], path+".from", "起始年份%d不早于目标年份%d", "the period starts in %d, not before the target year %d", t.From, t.Year)
		return t, false
	}
	if p.BaseYear != 0 && t.From < p.BaseYear {
		w.Errorf(f["from"], path+".from", "起始年份%d早于基期年%d", "the period starts in %d, before the base year %d", t.From, p.BaseYear)
		return t, false
	}
	if t.Kind == model.Reduction && t.Value >= 100 {
		w.Errorf(f["value"], path+".value", "下降%g%%或更多就什么也不剩了；应小于100", "a reduction of %g%% or more leaves nothing; expected less than 100", t.Value)
	}
	return t, true
}

func decodeObservation(w *yamlcheck.Walker, n *yaml.Node, path string, p *model.Plan) model.Observation {
	f := w.Fields(n, path, obsKeys)
	w.Require(f, n, path, "year")
	o := model.Observation{Metric: model.Level, Text: w.String(f["text"], path+".text"), Note: w.String(f["note"], path+".note")}
	o.Year, _ = w.Int(f["year"], path+".year")
	o.From, _ = w.Int(f["from"], path+".from")
	if m := w.OneOf(f["metric"], path+".metric", names(model.Kinds[:5])); m != "" {
		o.Metric = model.Kind(m)
	}
	if o.Metric != model.Level && o.From == 0 {
		w.Errorf(n, path+".from", "缺失：%s数据需要给出起始年份（from）", "missing: a %s figure needs the year its period starts (from)", o.Metric)
	}
	o.Value, o.Known = w.Float(f["value"], path+".value")
	o.Comparable = true
	if c := f["comparable"]; !yamlcheck.IsNull(c) {
		if c.Value == "false" {
			o.Comparable = false
		} else if c.Value != "true" {
			w.Errorf(c, path+".comparable", "应为true或false，实为%q", "expected true or false, got %q", c.Value)
		}
	}
	return o
}

// decodeRule reads a plan-stated projection rule: {rule: linear, step: 40}.
func decodeRule(w *yamlcheck.Walker, n *yaml.Node, path string) *model.Assumption {
	f := w.Fields(n, path, ruleKeys)
	w.Require(f, n, path, "rule")
	a := &model.Assumption{Rule: model.RuleKind(w.OneOf(f["rule"], path+".rule", []string{"compound", "linear", "logistic", "hold"}))}
	if v, ok := w.Float(f["rate"], path+".rate"); ok {
		a.Rate = model.Flat(v)
	}
	if v, ok := w.Float(f["step"], path+".step"); ok {
		a.Step = model.Flat(v)
	}
	if v, ok := w.Float(f["ceiling"], path+".ceiling"); ok {
		a.Ceiling = v
	}
	if a.Rule == "" {
		return nil
	}
	return a
}

// peekID reads an item's id before its fields are checked, so that every
// problem of the item can be reported under indicators.<id>.
func peekID(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "id" && n.Content[i+1].Kind == yaml.ScalarNode && indicatorID.MatchString(n.Content[i+1].Value) {
			return n.Content[i+1].Value
		}
	}
	return ""
}
