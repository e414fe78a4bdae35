package scenarios

import (
	"fmt"
	"math"
	"regexp"
	"strconv"

	"gopkg.in/yaml.v3"

	"fyp/internal/bilingual"
	"fyp/internal/yamlcheck"
	"fyp/model"
)

var (
	topKeys         = []string{"name", "title", "description", "extends", "plan", "horizon", "assumptions", "shocks", "uncertainty"}
	assumptionKeys  = []string{"rule", "rate", "step", "ceiling"}
	shockKeys       = []string{"indicator", "year", "level_pct", "from", "to", "rate_pp"}
	uncertaintyKeys = []string{"draws", "seed", "shocks", "correlations"}
	shockSpecKeys   = []string{"sd", "rho", "df"}
	textKeys        = []string{"zh", "en"}
	ruleNames       = []string{"compound", "linear", "logistic", "hold", "plan", "derived"}

	nameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
)

// check walks a scenario file's node tree, reporting every problem with
// its line, and records where each entry stands so that later checks (on
// the resolved chain) can point at it. It judges values against plan p.
func check(w *yamlcheck.Walker, root *yaml.Node, p *model.Plan, sp *spec) {
	f := w.Fields(root, "", topKeys)
	if n := f["name"]; !yamlcheck.IsNull(n) {
		if s := w.String(n, "name"); s != "" && !nameRE.MatchString(s) {
			w.Errorf(n, "name", "情景名称%q只能由小写字母、数字、“-”和“_”组成", "scenario name %q must be lower-case letters, digits, '-' and '_'", s)
		}
	}
	if n := f["title"]; n != nil && n.Kind != yaml.ScalarNode {
		w.Fields(n, "title", textKeys)
	}
	w.String(f["description"], "description")
	w.String(f["plan"], "plan")
	if n := f["extends"]; !yamlcheck.IsNull(n) {
		sp.extendsLine = n.Line
		w.String(n, "extends")
	}
	last := max(p.LastYear(), p.BaseYear+100)
	if n := f["horizon"]; !yamlcheck.IsNull(n) {
		if h, ok := w.Int(n, "horizon"); ok {
			switch {
			case h < p.BaseYear:
				w.Errorf(n, "horizon", "测算终点年%d早于规划基期年%d", "horizon %d is before the plan's base year %d", h, p.BaseYear)
			case h > last:
				w.Errorf(n, "horizon", "测算终点年%d晚于%d；测算到那么远没有意义", "horizon %d is beyond %d; projections that far mean nothing", h, last)
			}
			sp.horizon = h
		}
	}
	sp.yearLo, sp.yearHi = p.BaseYear+1, last
	if sp.horizon > 0 {
		sp.yearHi = sp.horizon
	} else if p.LastYear() > 0 {
		sp.yearHi = p.LastYear()
	}
	ids := p.IDs()
	keys, vals := w.Pairs(f["assumptions"], "assumptions")
	linear := map[string]bool{} // ids this file puts on a linear rule
	for i, k := range keys {
		if ruleOf(vals[i]) == "linear" {
			linear[k.Value] = true
		}
		id := k.Value
		path := yamlcheck.Join("assumptions", id)
		ind := p.Indicator(id)
		if ind == nil {
			w.Errorf(k, path, "未知的指标%q%s", "unknown indicator %q%s", id, yamlcheck.Hint(id, ids))
			continue
		}
		sp.lines[id] = k.Line
		checkAssumption(w, vals[i], path, ind, sp)
	}
	for i, n := range w.Seq(f["shocks"], "shocks") {
		checkShock(w, n, fmt.Sprintf("shocks[%d]", i), p, sp)
	}
	if n := f["shocks"]; n != nil {
		sp.shocksLine = n.Line
	}
	if n := f["uncertainty"]; !yamlcheck.IsNull(n) {
		sp.uncLine = n.Line
		sp.shockLines = shockLines(n)
		checkUncertainty(w, n, p, linear)
	}
}

// shockLines maps each id under an uncertainty section's shocks to its
// line, for the checks made after resolution.
func shockLines(n *yaml.Node) map[string]int {
	m := map[string]int{}
	if n.Kind != yaml.MappingNode {
		return m
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if s := n.Content[i+1]; n.Content[i].Value == "shocks" && s.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(s.Content); j += 2 {
				m[s.Content[j].Value] = s.Content[j].Line
			}
		}
	}
	return m
}

var (
	stepsLinear      = bilingual.Text{ZH: "step只用于linear规则", EN: "steps are for linear rules"}
	ceilingsLogistic = bilingual.Text{ZH: "ceiling只用于logistic规则", EN: "ceilings are for logistic rules"}
)

func checkAssumption(w *yamlcheck.Walker, n *yaml.Node, path string, ind *model.Indicator, sp *spec) {
	f := w.Fields(n, path, assumptionKeys)
	if n != nil && n.Kind == yaml.MappingNode {
		w.Require(f, n, path, "rule")
	}
	rule := w.OneOf(f["rule"], path+".rule", ruleNames)
	need := func(key string) {
		if yamlcheck.IsNull(f[key]) {
			w.Errorf(n, yamlcheck.Join(path, key), "缺失：%s规则需要%s", "missing: a %s rule needs %s", rule, key)
		}
	}
	refuse := func(key string, why bilingual.Text) {
		if !yamlcheck.IsNull(f[key]) {
			w.Errorf(f[key], yamlcheck.Join(path, key), "%s规则不接受%s（%s）", "a %s rule takes no %s (%s)", rule, key, why)
		}
	}
	switch rule {
	case "compound":
		need("rate")
		refuse("step", stepsLinear)
		refuse("ceiling", ceilingsLogistic)
	case "linear":
		need("step")
		refuse("rate", bilingual.Text{ZH: "linear规则每年增加固定量：请写step", EN: "a linear rule adds units a year: write step"})
		refuse("ceiling", ceilingsLogistic)
	case "logistic":
		need("rate")
		need("ceiling")
		refuse("step", stepsLinear)
	case "hold", "plan", "derived":
		follows := map[string]bilingual.Text{
			"hold":    {ZH: "它保持基期值", EN: "it follows the base-year value"},
			"plan":    {ZH: "它沿规划路径", EN: "it follows the plan's path"},
			"derived": {ZH: "它按公式计算", EN: "it follows its formula"},
		}[rule]
		for _, k := range []string{"rate", "step", "ceiling"} {
			refuse(k, follows)
		}
	}
	if rule == "derived" && ind.Derived == nil {
		w.Errorf(f["rule"], path+".rule", "%s在规划中不是推算指标；请给出compound、linear、logistic、hold或plan规则", "%s is not derived in the plan; give it a compound, linear, logistic, hold or plan rule", ind.ID)
	}
	checkYearly(w, f["rate"], path+".rate", sp, func(v float64, at *yaml.Node, key string) {
		if v <= -100 {
			w.Errorf(at, key, "年增速%g%%或更低会使水平值归零；应大于-100", "a rate of %g%% a year or less wipes the level out; expected more than -100", v)
		}
		if v > model.MaxRatePct {
			w.Errorf(at, key, "年增速%g%%意味着每年增长十一倍以上；最多%d（增速按每年百分比计）", "a rate of %g%% a year is more than an elevenfold rise every year; expected at most %d (rates are percent a year)", v, model.MaxRatePct)
		}
		if pr := planRate(ind); rule == "compound" && v != 0 && math.Abs(v) < 0.2 && math.Abs(pr) >= 1 {
			sp.warn(at, key, "增速%g像是小数比例；增速按每年百分比计（%s在规划中的年增速为%.2f）", "rate %g looks like a fraction; rates are percent a year (the plan's pace for %s is %.2f)", v, ind.ID, pr)
		}
	})
	checkYearly(w, f["step"], path+".step", sp, func(v float64, at *yaml.Node, key string) {
		if math.Abs(v) > model.MaxMagnitude {
			w.Errorf(at, key, "每年增加%g%s超出±%g；请检查数字及其单位", "a step of %g %s a year is beyond ±%g; check the number and its unit", v, unitOf(ind), model.MaxMagnitude)
		}
	})
	if c, ok := w.Float(f["ceiling"], path+".ceiling"); ok {
		switch {
		case c <= 0 || c > model.MaxMagnitude:
			w.Errorf(f["ceiling"], path+".ceiling", "logistic上限%g：应大于0且不超过%g", "logistic ceiling %g: expected a level above 0 and at most %g", c, model.MaxMagnitude)
		case ind.Baseline.Known && c <= ind.Baseline.Value:
			w.Errorf(f["ceiling"], path+".ceiling", "logistic上限%g不高于基期值%g", "logistic ceiling %g is not above the base-year value %g", c, ind.Baseline.Value)
		case ind.Bounded && c > ind.Hi:
			w.Errorf(f["ceiling"], path+".ceiling", "logistic上限%g高于该指标的取值上界%g", "logistic ceiling %g is above the indicator's bound %g", c, ind.Hi)
		}
	}
	if rule == "logistic" && !ind.Baseline.Known {
		sp.warn(f["rule"], path+".rule", "规划没有给出%s的基期值，logistic规则无法测算（该序列将为未知）", "the plan gives no base-year level for %s, so a logistic rule cannot be projected (the series will be unknown)", ind.ID)
	}
}

// checkYearly checks a number or a {YEAR: number, default: number} map,
// calling each for every number.
func checkYearly(w *yamlcheck.Walker, n *yaml.Node, path string, sp *spec, each func(v float64, at *yaml.Node, key string)) {
	if yamlcheck.IsNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		if v, ok := w.Float(n, path); ok {
			each(v, n, path)
		}
		return
	}
	keys, vals := w.Pairs(n, path)
	hasDefault := false
	for i, k := range keys {
		key := yamlcheck.Join(path, k.Value)
		hasDefault = hasDefault || k.Value == "default"
		if k.Value != "default" {
			y, err := strconv.Atoi(k.Value)
			if err != nil {
				w.Errorf(k, key, "应为年份或“default”%s", "expected a year or 'default'%s", yamlcheck.Hint(k.Value, []string{"default"}))
				continue
			}
			sp.checkYear(w, k, key, y)
		}
		if v, ok := w.Float(vals[i], key); ok {
			each(v, vals[i], key)
		}
	}
	if !hasDefault {
		w.Errorf(n, path+".default", "缺失：逐年取值须有“default”，即未列出的年份所用的值", "missing: a yearly map needs 'default', the value for every year it does not name")
	}
}

func checkShock(w *yamlcheck.Walker, n *yaml.Node, path string, p *model.Plan, sp *spec) {
	f := w.Fields(n, path, shockKeys)
	w.Require(f, n, path, "indicator")
	if id := w.String(f["indicator"], path+".indicator"); id != "" && p.Indicator(id) == nil {
		w.Errorf(f["indicator"], path+".indicator", "未知的指标%q%s", "unknown indicator %q%s", id, yamlcheck.Hint(id, p.IDs()))
	}
	_, hasLevel := w.Float(f["level_pct"], path+".level_pct")
	_, hasRate := w.Float(f["rate_pp"], path+".rate_pp")
	year, hasYear := w.Int(f["year"], path+".year")
	from, hasFrom := w.Int(f["from"], path+".from")
	to, hasTo := w.Int(f["to"], path+".to")
	if lv, ok := w.Float(f["level_pct"], path+".level_pct"); ok && lv <= -100 {
		w.Errorf(f["level_pct"], path+".level_pct", "水平变动%g%%或更低会使水平值归零；应大于-100", "a level shift of %g%% or less wipes the level out; expected more than -100", lv)
	} else if ok && lv > model.MaxRatePct {
		w.Errorf(f["level_pct"], path+".level_pct", "水平变动%g%%意味着跳升十一倍以上；最多%d", "a level shift of %g%% is more than an elevenfold jump; expected at most %d", lv, model.MaxRatePct)
	}
	if pp, ok := w.Float(f["rate_pp"], path+".rate_pp"); ok && math.Abs(pp) > model.MaxRatePct {
		w.Errorf(f["rate_pp"], path+".rate_pp", "每年变动%g个百分点超出±%d", "a change of %g points a year is beyond ±%d", pp, model.MaxRatePct)
	}
	switch {
	case hasLevel == hasRate:
		w.Errorf(n, path, "请给出level_pct（配year）或rate_pp（配from和to）二者之一", "give either level_pct (with year) or rate_pp (with from and to)")
	case hasLevel && !hasYear:
		w.Errorf(n, path+".year", "缺失：水平变动需要给出发生的年份（year）", "missing: a level shift needs the year it happens")
	case hasRate && (!hasFrom || !hasTo):
		w.Errorf(n, path+".from", "缺失：增速变动需要给出from和to（年份）", "missing: a rate change needs from and to (years)")
	case hasRate && to < from:
		w.Errorf(f["to"], path+".to", "区间结束于%d年，早于开始的%d年", "the span ends in %d, before it starts in %d", to, from)
	}
	if hasYear {
		sp.checkYear(w, f["year"], path+".year", year)
	}
	if hasFrom {
		sp.checkYear(w, f["from"], path+".from", from)
	}
	if hasTo {
		sp.checkYear(w, f["to"], path+".to", to)
	}
}

// checkUncertainty checks the uncertainty section; linear names the
// indicators the file puts on a linear rule, whose sd is in units a year
// rather than points of growth.
func checkUncertainty(w *yamlcheck.Walker, n *yaml.Node, p *model.Plan, linear map[string]bool) {
	f := w.Fields(n, "uncertainty", uncertaintyKeys)
	if d, ok := w.Int(f["draws"], "uncertainty.draws"); ok && (d < 1 || d > 10_000_000) {
		w.Errorf(f["draws"], "uncertainty.draws", "抽样次数%d：应为1到10000000", "draws %d: expected 1 to 10000000", d)
	}
	if s := f["seed"]; !yamlcheck.IsNull(s) {
		if _, err := strconv.ParseUint(s.Value, 10, 64); err != nil || s.Tag != "!!int" {
			w.Errorf(s, "uncertainty.seed", "应为0到18446744073709551615之间的整数，实为%q", "expected a whole number from 0 to 18446744073709551615, got %q", s.Value)
		}
	}
	ids := p.IDs()
	keys, vals := w.Pairs(f["shocks"], "uncertainty.shocks")
	for i, k := range keys {
		path := "uncertainty.shocks." + k.Value
		if p.Indicator(k.Value) == nil {
			w.Errorf(k, path, "未知的指标%q%s", "unknown indicator %q%s", k.Value, yamlcheck.Hint(k.Value, ids))
			continue
		}
		g := w.Fields(vals[i], path, shockSpecKeys)
		w.Require(g, vals[i], path, "sd")
		if sd, ok := w.Float(g["sd"], path+".sd"); ok && sd < 0 {
			w.Errorf(g["sd"], path+".sd", "标准差不能为负（实为%g）", "a standard deviation cannot be negative (got %g)", sd)
		} else if ind := p.Indicator(k.Value); ok && ind.Path == model.Compound && !linear[k.Value] && sd > model.MaxRatePct {
			w.Errorf(g["sd"], path+".sd", "标准差为每年%g个百分点：最多%d", "a standard deviation of %g points of growth a year: expected at most %d", sd, model.MaxRatePct)
		} else if ok && sd > model.MaxMagnitude {
			w.Errorf(g["sd"], path+".sd", "标准差每年%g%s超过%g", "a standard deviation of %g %s a year is beyond %g", sd, unitOf(ind), model.MaxMagnitude)
		}
		if rho, ok := w.Float(g["rho"], path+".rho"); ok && (rho <= -1 || rho >= 1) {
			w.Errorf(g["rho"], path+".rho", "自相关系数%g：应严格介于-1和1之间", "autocorrelation %g: expected strictly between -1 and 1", rho)
		}
		if df, ok := w.Float(g["df"], path+".df"); ok && df <= 2 {
			w.Errorf(g["df"], path+".df", "Student-t自由度%g：应大于2（方差须有限），正态冲击请不写df", "Student-t degrees of freedom %g: expected more than 2 (the variance must be finite), or leave df out for normal shocks", df)
		}
	}
	for i, c := range w.Seq(f["correlations"], "uncertainty.correlations") {
		path := fmt.Sprintf("uncertainty.correlations[%d]", i)
		items := w.Seq(c, path)
		if c.Kind != yaml.SequenceNode {
			continue
		}
		if len(items) != 3 {
			w.Errorf(c, path, "应为[指标, 指标, 相关系数]，实为%d项", "expected [indicator, indicator, correlation], got %d items", len(items))
			continue
		}
		for _, it := range items[:2] {
			if id := w.String(it, path); id != "" && p.Indicator(id) == nil {
				w.Errorf(it, path, "未知的指标%q%s", "unknown indicator %q%s", id, yamlcheck.Hint(id, ids))
			}
		}
		if items[0].Value == items[1].Value {
			w.Errorf(c, path, "相关系数需要两个不同的指标", "a correlation needs two different indicators")
		}
		if r, ok := w.Float(items[2], path); ok && (r < -1 || r > 1) {
			w.Errorf(items[2], path, "相关系数%g：应在-1到1之间", "correlation %g: expected from -1 to 1", r)
		}
	}
}

// ruleOf is the rule an assumption node names, "" when none.
func ruleOf(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "rule" {
			return n.Content[i+1].Value
		}
	}
	return ""
}

// planRate is the plan's own pace for a compound indicator (percent a
// year), from its first target; NaN when there is none.
func planRate(ind *model.Indicator) float64 {
	if ind.Rule != nil && ind.Rule.Rule == model.RuleCompound {
		return ind.Rule.Rate.Default
	}
	x0 := math.NaN()
	if ind.Baseline.Known {
		x0 = ind.Baseline.Value
	}
	for _, t := range ind.Targets {
		if t.Relative() {
			continue // its pace depends on another indicator
		}
		if t.Kind == model.Growth || t.Kind == model.Multiple || t.Kind == model.Reduction || (t.Kind == model.Level && ind.Path == model.Compound) {
			return model.RequiredPace(ind, t, x0, t.From, x0)
		}
	}
	return math.NaN()
}

// unitOf is an indicator's unit for a message in either language.
func unitOf(ind *model.Indicator) bilingual.Text {
	return bilingual.Text{ZH: ind.Unit.ZH, EN: ind.Unit.In("en")}
}
