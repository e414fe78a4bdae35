package scenarios

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"fyp/internal/bilingual"
	"fyp/internal/yamlcheck"
	"fyp/model"
	"fyp/seeds"
)

// loader reads scenario files against one plan, caching parsed files so a
// parent shared by several children is read once.
type loader struct {
	plan  *model.Plan
	cache map[string]*spec
}

// origin is where an assumption was written.
type origin struct {
	file  string
	line  int
	depth int // 0 for the file being loaded, 1 for its parent, …
}

func (o origin) String() string { return fmt.Sprintf("%s:%d", o.file, o.line) }

func (l *loader) load(ref string) (*Result, error) {
	sp, err := l.open(ref)
	if err != nil {
		return nil, err
	}
	return l.resolve(sp)
}

// open reads and parses ref (shipped id or path), through the cache.
func (l *loader) open(ref string) (*spec, error) {
	name, data, err := read(ref)
	if err != nil {
		return nil, err
	}
	key := name
	if !isFile(ref) {
		key = "\x00shipped " + ref // never the name of a file the user gives
	}
	if sp, ok := l.cache[key]; ok {
		return sp, nil
	}
	sp, err := l.parse(name, data)
	if err != nil {
		return nil, err
	}
	sp.shipped, sp.key = !isFile(ref), key
	l.cache[key] = sp
	return sp, nil
}

// uncertaintyWords are model.CheckUncertainty's messages in Chinese, the
// numbers and names kept.
var uncertaintyWords = []struct {
	re *regexp.Regexp
	zh string
}{
	{regexp.MustCompile(`^the correlations are not a valid correlation matrix \(not positive semi-definite: smallest eigenvalue (\S+)\); the pair (\S+)–(\S+) \((\S+)\) conflicts most with the others: without it the smallest eigenvalue is (\S+)$`),
		"这些相关系数构不成有效的相关矩阵（不是半正定的：最小特征值${1}）；${2}–${3}这一对（${4}）与其他相关系数冲突最大：去掉它，最小特征值为${5}"},
	{regexp.MustCompile(`^the correlations are not a valid correlation matrix \(not positive semi-definite: smallest eigenvalue (\S+)\); there are too many pairs \((\d+)\) to find the one at fault$`),
		"这些相关系数构不成有效的相关矩阵（不是半正定的：最小特征值${1}）；相关系数太多（${2}对），无法逐一找出冲突最大的一对"},
	{regexp.MustCompile(`^(\d+) shocks have correlations, over the limit of (\d+)$`), "有相关系数的随机冲击${1}个，超过上限${2}个"},
	{regexp.MustCompile(`^correlation (\S+): (\S+) has no shock$`), "相关系数${1}：${2}没有设定冲击"},
	{regexp.MustCompile(`^correlation (\S+) is (\S+); a correlation lies between −1 and 1$`), "相关系数${1}为${2}；相关系数应在−1到1之间"},
	{regexp.MustCompile(`^correlation (\S+) is (\S+); an indicator's correlation with itself is 1$`), "相关系数${1}为${2}；指标与自身的相关系数为1"},
	{regexp.MustCompile(`^correlation (\S+) is given as both (\S+) and (\S+); the matrix must be symmetric$`), "相关系数${1}同时给出了${2}和${3}；矩阵须对称"},
}

// uncertaintyZH is msg in Chinese, or "" (English shown) when it is not
// among uncertaintyWords.
func uncertaintyZH(msg string) string {
	for _, w := range uncertaintyWords {
		if w.re.MatchString(msg) {
			return w.re.ReplaceAllString(msg, w.zh)
		}
	}
	return ""
}

// chain returns the files from sp up to its root, child first.
func (l *loader) chain(sp *spec) ([]*spec, error) {
	out := []*spec{sp}
	seen := map[string]bool{sp.key: true}
	for cur := sp; cur.extends != ""; {
		ref := cur.extends
		if isFile(ref) && !filepath.IsAbs(ref) && !cur.shipped {
			ref = filepath.Join(cur.dir, ref)
		}
		parent, err := l.open(ref)
		if err != nil {
			var ps yamlcheck.Problems
			if errors.As(err, &ps) {
				return nil, append(yamlcheck.Problems{{File: cur.file, Line: cur.extendsLine, Key: "extends",
					Msg: fmt.Sprintf("parent %s has problems (listed below)", ref), MsgZH: fmt.Sprintf("所继承的%s有问题（见下）", ref)}}, ps...)
			}
			return nil, yamlcheck.Problems{{File: cur.file, Line: cur.extendsLine, Key: "extends",
				Msg:   fmt.Sprintf("%s extends %q, which cannot be read: %v", cur.file, cur.extends, err),
				MsgZH: fmt.Sprintf("%s继承的%q无法读取：%s", cur.file, cur.extends, bilingual.In(err, "zh"))}}
		}
		if seen[parent.key] {
			names := make([]string, len(out))
			for i, s := range out {
				names[i] = s.file
			}
			return nil, yamlcheck.Problems{{File: cur.file, Line: cur.extendsLine, Key: "extends",
				Msg:   fmt.Sprintf("%s extends %s, which is already in the chain (%s → %s): a cycle", cur.file, parent.file, strings.Join(names, " → "), parent.file),
				MsgZH: fmt.Sprintf("%s继承的%s已在继承链中（%s → %s）：形成循环", cur.file, parent.file, strings.Join(names, " → "), parent.file)}}
		}
		seen[parent.key] = true
		out = append(out, parent)
		cur = parent
	}
	return out, nil
}

// resolve merges sp's chain into a model.Scenario (parent first, each
// child replacing its parent's entries per indicator), applies the
// derived-indicator identities and checks the projection.
func (l *loader) resolve(sp *spec) (*Result, error) {
	chain, err := l.chain(sp)
	if err != nil {
		return nil, err
	}
	p := l.plan
	sc := &model.Scenario{Name: sp.name, Title: sp.title, Assumptions: map[string]model.Assumption{}}
	if sc.Name == "" {
		sc.Name = strings.TrimSuffix(strings.TrimSuffix(filepath.Base(sp.file), ".yaml"), ".yml")
	}
	if sc.Title == (model.Text{}) {
		sc.Title = model.Text{ZH: sc.Name, EN: sc.Name}
	}
	res := &Result{Scenario: sc, Description: sp.description, File: sp.file}
	from := map[string]origin{}
	var ps yamlcheck.Problems
	for i := len(chain) - 1; i >= 0; i-- {
		s := chain[i]
		res.Warnings = append(res.Warnings, s.warnings...)
		if s.planRef != "" {
			if msg := l.checkPlanRef(s); msg != (bilingual.Text{}) {
				ps = append(ps, yamlcheck.Problem{File: s.file, Line: s.planLine, Key: "plan", Msg: msg.EN, MsgZH: msg.ZH})
			}
		}
		if s.horizon != 0 {
			sc.Horizon = s.horizon
		}
		for id, a := range s.assumptions {
			sc.Assumptions[id] = a
			from[id] = origin{s.file, s.lines[id], i}
		}
		if s.hasShocks {
			sc.Shocks = append([]model.Shock(nil), s.shocks...)
		}
		if s.unc != nil {
			sc.Uncertainty = mergeUncertainty(sc.Uncertainty, s.unc)
			// The correlations must form a valid matrix once inherited;
			// say so at the section that made them invalid.
			if err := model.CheckUncertainty(*sc.Uncertainty); err != nil {
				msg := strings.TrimPrefix(err.Error(), "model: uncertainty: ")
				ps = append(ps, yamlcheck.Problem{File: s.file, Line: s.uncLine, Key: "uncertainty", Msg: msg, MsgZH: uncertaintyZH(msg)})
			}
		}
	}
	ps = append(ps, flip(p, sc, from)...)
	if len(ps) > 0 {
		return nil, ps
	}
	pr, err := model.Project(p, sc)
	var oe *model.OverflowError
	if errors.As(err, &oe) {
		// Point at the indicator's assumption, else at the shocks.
		msg := strings.TrimPrefix(err.Error(), "model: ")
		zh := fmt.Sprintf("情景%q：%s：%s规则使测算值从%.4g在%d年超出任何有限数；请检查它的增速、增量或冲击",
			oe.Scenario, oe.Indicator, oe.Rule, oe.From, oe.Year)
		if o, ok := from[oe.Indicator]; ok {
			return nil, yamlcheck.Problems{{File: o.file, Line: o.line, Key: "assumptions." + oe.Indicator, Msg: msg, MsgZH: zh}}
		}
		for _, s := range chain {
			if s.hasShocks {
				return nil, yamlcheck.Problems{{File: s.file, Line: s.shocksLine, Key: "shocks", Msg: msg, MsgZH: zh}}
			}
		}
	}
	if err != nil {
		return nil, yamlcheck.Problems{{File: sp.file, Msg: strings.TrimPrefix(err.Error(), "model: ")}}
	}
	ps = append(ps, boundsProblems(p, pr, from)...)
	if len(ps) > 0 {
		return nil, ps
	}
	if u := sc.Uncertainty; u != nil && len(u.Shocks) > 0 {
		res.Warnings = append(res.Warnings, censorWarnings(pr, *u, chain)...)
	}
	return res, nil
}

// censorWarnings says, at the shock that the child-most file of the chain
// sets, where a shock is so large that more than model.CensorWarnShare of
// a year's draws would reach the floor fyp simulate puts on yearly growth.
func censorWarnings(pr *model.Projection, u model.Uncertainty, chain []*spec) yamlcheck.Problems {
	risk, err := model.CensorRisk(pr, u)
	if err != nil {
		return nil // simulate reports it
	}
	var ps yamlcheck.Problems
	for _, id := range slices.Sorted(maps.Keys(risk)) {
		if risk[id] <= model.CensorWarnShare {
			continue
		}
		for _, s := range chain {
			if sh, ok := s.unc.shockOf(id); ok {
				ps = append(ps, yamlcheck.Problem{File: s.file, Line: s.shockLines[id], Key: "uncertainty.shocks." + id + ".sd",
					Msg: fmt.Sprintf("sd %g: in about %.2g %% of a year's draws the shock takes %s's yearly growth to −%d %% or below, where fyp simulate holds it (at −100 %% the level would vanish); a shock this large on a growth rate says little about the target: keep the sd well below a third of 100 + the rate",
						sh.SD, 100*risk[id], id, -model.SimFloorPct),
					MsgZH: fmt.Sprintf("标准差%g：约%.2g%%的年度抽样中，冲击会使%s的年增速降到−%d%%或更低，fyp simulate会把它截在这里（到−100%%水平值即归零）；对增速施加这么大的冲击，对判断目标没有多少意义：标准差应远低于（100+增速）的三分之一",
						sh.SD, 100*risk[id], id, -model.SimFloorPct)})
				break
			}
		}
	}
	return ps
}

// shockOf is the shock u gives id, if any (u may be nil).
func (u *uncSpec) shockOf(id string) (model.ShockSpec, bool) {
	if u == nil {
		return model.ShockSpec{}, false
	}
	sh, ok := u.shocks[id]
	return sh, ok
}

// checkPlanRef says what is wrong when a file names another plan than the
// one it is run against ("" when nothing is).
func (l *loader) checkPlanRef(s *spec) bilingual.Text {
	ref := s.planRef
	id := ref
	if strings.HasSuffix(ref, ".yaml") || strings.HasSuffix(ref, ".yml") || strings.ContainsRune(ref, '/') {
		if !filepath.IsAbs(ref) && !s.shipped {
			ref = filepath.Join(s.dir, ref)
		}
		pl, err := seeds.Load(ref)
		if err != nil {
			return bilingual.Text{ZH: fmt.Sprintf("规划%q无法读取：%s", s.planRef, bilingual.In(err, "zh")), EN: fmt.Sprintf("plan %q cannot be read: %v", s.planRef, err)}
		}
		id = pl.ID
	}
	if id != l.plan.ID {
		return bilingual.Text{ZH: fmt.Sprintf("该情景是为规划%q编写的，却用于规划%q（请加 --plan %s）", id, l.plan.ID, s.planRef),
			EN: fmt.Sprintf("the scenario is written for plan %q but is run against %q (use --plan %s)", id, l.plan.ID, s.planRef)}
	}
	return bilingual.Text{}
}

// flip applies the plan's ratio identities x = a/b: a scenario that gives x
// (derived in the plan) its own rule makes b derived instead, b = a/x.
// Giving both x and b rules over-determines the identity; giving a rule to
// a derived indicator whose formula cannot be turned round is refused.
func flip(p *model.Plan, sc *model.Scenario, from map[string]origin) yamlcheck.Problems {
	var ps yamlcheck.Problems
	for _, ind := range p.Indicators {
		d := ind.Derived
		a, ok := sc.Assumptions[ind.ID]
		if d == nil || !ok || a.Rule == model.RuleDerived {
			continue
		}
		o := from[ind.ID]
		if d.Op != model.OpRatio || len(d.Of) != 2 {
			ps = append(ps, yamlcheck.Problem{File: o.file, Line: o.line, Key: "assumptions." + ind.ID,
				Msg:   fmt.Sprintf("%s is derived in the plan (%s of %s) and that formula cannot be turned round; remove its rule", ind.ID, d.Op, strings.Join(d.Of, ", ")),
				MsgZH: fmt.Sprintf("%s在规划中由公式算出（%s of %s），该公式不能反推；请删去它的规则", ind.ID, d.Op, strings.Join(d.Of, ", "))})
			continue
		}
		num, den := d.Of[0], d.Of[1]
		if b, ok := sc.Assumptions[den]; ok && b.Rule != model.RuleDerived {
			ob := from[den]
			at, key := o, ind.ID // report where the user wrote the later of the two
			if ob.depth < o.depth {
				at, key = ob, den
			}
			ps = append(ps, yamlcheck.Problem{File: at.file, Line: at.line, Key: "assumptions." + key,
				Msg:   fmt.Sprintf("over-determined identity %s = %s / %s: both %s (%s) and %s (%s) have rules; drop one (or set it to {rule: derived})", ind.ID, num, den, ind.ID, o, den, ob),
				MsgZH: fmt.Sprintf("恒等式%s = %s / %s约束过多：%s（%s）和%s（%s）都给了规则；请删去一个（或设为{rule: derived}）", ind.ID, num, den, ind.ID, o, den, ob)})
			continue
		}
		sc.Assumptions[den] = model.Assumption{Rule: model.RuleDerived, Derived: &model.Derivation{Op: model.OpRatio, Of: []string{num, ind.ID}}}
	}
	return ps
}

// boundsProblems turns the projection's bound warnings on indicators whose
// rule the scenario sets into problems at the line that set it: the engine
// holds such a series at its bound, which would silently change the rule.
func boundsProblems(p *model.Plan, pr *model.Projection, from map[string]origin) yamlcheck.Problems {
	var ps yamlcheck.Problems
	for _, w := range pr.Warnings {
		o, ok := from[w.Indicator]
		ind := p.Indicator(w.Indicator)
		if !ok || ind == nil || !ind.Bounded || !strings.Contains(w.Message, "outside its bounds") {
			continue
		}
		a := pr.Scenario.Assumptions[w.Indicator]
		if a.Rule == model.RuleDerived || a.Rule == model.RulePlan || a.Rule == model.RuleHold {
			continue
		}
		ps = append(ps, yamlcheck.Problem{File: o.file, Line: o.line, Key: "assumptions." + w.Indicator,
			Msg: fmt.Sprintf("this %s rule takes %s outside its bounds [%g, %g] in %d (%s); lower the %s or the horizon",
				a.Rule, w.Indicator, ind.Lo, ind.Hi, w.Year, w.Message, stepWord(a.Rule)),
			MsgZH: fmt.Sprintf("这条%s规则使%s在%d年超出取值范围[%g, %g]（%s）；请调低%s或缩短测算期",
				a.Rule, w.Indicator, w.Year, ind.Lo, ind.Hi, cmp.Or(w.ZH, w.Message), stepWord(a.Rule))})
	}
	return ps
}

func stepWord(r model.RuleKind) string {
	if r == model.RuleLinear {
		return "step"
	}
	return "rate"
}

// mergeUncertainty lays child over parent: draws and seed replace, shocks
// replace per indicator, correlations replace per pair.
func mergeUncertainty(parent *model.Uncertainty, c *uncSpec) *model.Uncertainty {
	u := &model.Uncertainty{Shocks: map[string]model.ShockSpec{}}
	if parent != nil {
		u.Draws, u.Seed = parent.Draws, parent.Seed
		for k, v := range parent.Shocks {
			u.Shocks[k] = v
		}
		u.Correlations = append(u.Correlations, parent.Correlations...)
	}
	if c.draws != nil {
		u.Draws = *c.draws
	}
	if c.seed != nil {
		u.Seed = *c.seed
	}
	for k, v := range c.shocks {
		u.Shocks[k] = v
	}
	for _, cc := range c.correlations {
		replaced := false
		for i, pc := range u.Correlations {
			if (pc.A == cc.A && pc.B == cc.B) || (pc.A == cc.B && pc.B == cc.A) {
				u.Correlations[i], replaced = cc, true
			}
		}
		if !replaced {
			u.Correlations = append(u.Correlations, cc)
		}
	}
	return u
}

// Skip is a shipped scenario that does not apply to a plan, and why: it is
// written for another plan, or it names indicators the plan does not have.
type Skip struct {
	ID      string
	Plan    string   // the plan it is written for ("" when it names none)
	Missing []string // the indicators it (or a parent) names that the plan lacks
}

// Applicable splits the shipped scenarios, in their documented order, into
// those that apply to p and those that do not. A shipped scenario applies
// when every indicator it and its parents name (assumptions, shocks,
// uncertainty) is one of p's and the plan it is written for, if any, is p:
// its figures are that plan's (Jiangjin's growth rates, say) and mean
// nothing for another plan's indicators of the same name.
func Applicable(p *model.Plan) (ids []string, skipped []Skip) {
	for _, id := range IDs() {
		planRef, named := shippedNames(id, map[string]bool{})
		var missing []string
		for _, n := range named {
			if p.Indicator(n) == nil && !slices.Contains(missing, n) {
				missing = append(missing, n)
			}
		}
		if len(missing) > 0 || (planRef != "" && planRef != p.ID) {
			skipped = append(skipped, Skip{ID: id, Plan: planRef, Missing: missing})
			continue
		}
		ids = append(ids, id)
	}
	return ids, skipped
}

// shippedNames reads shipped scenario id and its shipped parents: the plan
// the chain is written for (the nearest `plan:`) and every indicator id
// the chain names, in file order. A parent that is not shipped, or a file
// that does not read, adds nothing: Load reports such problems.
func shippedNames(id string, seen map[string]bool) (planRef string, named []string) {
	if seen[id] {
		return "", nil
	}
	seen[id] = true
	data, err := Source(id)
	if err != nil {
		return "", nil
	}
	var doc struct {
		Extends     string                       `yaml:"extends"`
		Plan        string                       `yaml:"plan"`
		Assumptions yaml.Node                    `yaml:"assumptions"`
		Shocks      []struct{ Indicator string } `yaml:"shocks"`
		Uncertainty struct {
			Shocks       yaml.Node `yaml:"shocks"`
			Correlations [][]any   `yaml:"correlations"`
		} `yaml:"uncertainty"`
	}
	if yaml.Unmarshal(data, &doc) != nil {
		return "", nil
	}
	keys := func(n yaml.Node) {
		for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
			named = append(named, n.Content[i].Value)
		}
	}
	keys(doc.Assumptions)
	for _, s := range doc.Shocks {
		named = append(named, s.Indicator)
	}
	keys(doc.Uncertainty.Shocks)
	for _, c := range doc.Uncertainty.Correlations {
		for _, v := range c[:min(2, len(c))] {
			if s, ok := v.(string); ok {
				named = append(named, s)
			}
		}
	}
	planRef = doc.Plan
	if doc.Extends != "" && !isFile(doc.Extends) {
		parentPlan, parentNamed := shippedNames(doc.Extends, seen)
		named = append(named, parentNamed...)
		if planRef == "" {
			planRef = parentPlan
		}
	}
	return planRef, named
}
