package seeds

import (
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"fyp/internal/yamlcheck"
	"fyp/model"
)

var (
	topKeys       = []string{"id", "title", "region", "base_year", "target_year", "vision_year", "previous", "source", "indicators", "qualitative"}
	indicatorKeys = []string{"id", "no", "sub", "name", "name_en", "short", "short_en", "unit", "unit_en", "group", "group_en", "section", "box", "attribute", "direction", "path", "bounds", "price_basis", "baseline", "targets", "rule", "derived", "observed", "table", "quote", "note", "review"}
	targetKeys    = []string{"year", "from", "kind", "value", "bound", "relative_to", "text", "note", "review"}
	obsKeys       = []string{"year", "from", "metric", "value", "comparable", "text", "note"}
	baselineKeys  = []string{"year", "value", "text", "note"}
	textKeys      = []string{"zh", "en"}
	ruleKeys      = []string{"rule", "rate", "step", "ceiling"}
	derivedKeys   = []string{"op", "of"}
	tableKeys     = []string{"base", "target"}
	goalKeys      = []string{"id", "year", "section", "text", "text_en"}

	planID      = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	indicatorID = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

func names[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// MaxIndicators bounds a plan's indicators: Jiangjin's 14th plan has 176,
// a province's a few hundred. A bundle of 2,000 takes about 72 s and
// 0.9 GB; one of 12,000 took 17 minutes, 7.4 GB and wrote 2.8 GB.
const MaxIndicators = 2000

// Parse reads a plan from YAML. All problems of the file are reported at
// once as yamlcheck.Problems.
func Parse(file string, data []byte) (*model.Plan, error) {
	root, ps := yamlcheck.Parse(file, data)
	if ps != nil {
		return nil, ps
	}
	w := &yamlcheck.Walker{File: file}
	p := decodePlan(w, root)
	if len(w.Problems) > 0 {
		return nil, w.Problems
	}
	if err := p.Validate(); err != nil {
		return nil, yamlcheck.Problems{{File: file, Msg: strings.TrimPrefix(err.Error(), "model: ")}}
	}
	return p, nil
}

func decodePlan(w *yamlcheck.Walker, root *yaml.Node) *model.Plan {
	f := w.Fields(root, "", topKeys)
	w.Require(f, root, "", "id", "title", "base_year", "target_year", "indicators")
	p := &model.Plan{
		ID:         w.String(f["id"], "id"),
		Title:      decodeText(w, f["title"], "title"),
		Region:     decodeText(w, f["region"], "region"),
		PreviousID: w.String(f["previous"], "previous"),
		Source:     w.String(f["source"], "source"),
	}
	if p.ID != "" && !planID.MatchString(p.ID) {
		w.Errorf(f["id"], "id", "规划id %q只能由小写字母、数字和“-”组成", "plan id %q must be lower-case letters, digits and '-'", p.ID)
	}
	p.BaseYear, _ = w.Int(f["base_year"], "base_year")
	p.TargetYear, _ = w.Int(f["target_year"], "target_year")
	p.VisionYear, _ = w.Int(f["vision_year"], "vision_year")
	if p.BaseYear != 0 && p.TargetYear != 0 && p.TargetYear <= p.BaseYear {
		w.Errorf(f["target_year"], "target_year", "目标年份%d须在基期年%d之后", "target year %d must come after the base year %d", p.TargetYear, p.BaseYear)
	}
	if p.VisionYear != 0 && p.VisionYear < p.TargetYear {
		w.Errorf(f["vision_year"], "vision_year", "远景年份%d早于目标年份%d", "vision year %d comes before the target year %d", p.VisionYear, p.TargetYear)
	}
	ids := map[string]int{}
	var rels []relativeRef
	for i, n := range w.Seq(f["indicators"], "indicators") {
		if i == MaxIndicators {
			w.Errorf(n, "indicators", "规划最多%d个指标（此处为第%d个）：一份规划纲要有几十到几百个指标；更大的文件不是一份规划", "a plan has at most %d indicators (this is number %d): a plan states tens to hundreds; a larger file is not one plan", MaxIndicators, i+1)
			break
		}
		ind := decodeIndicator(w, n, p, i, &rels)
		if ind == nil {
			continue
		}
		if line, dup := ids[ind.ID]; dup {
			w.Errorf(n, "indicators."+ind.ID+".id", "指标id %q重复（首次出现在第%d行）", "duplicate indicator id %q (first at line %d)", ind.ID, line)
			continue
		}
		ids[ind.ID] = n.Line
		p.Indicators = append(p.Indicators, ind)
	}
	known := p.IDs()
	for i, ind := range p.Indicators {
		if ind.Derived == nil {
			continue
		}
		for _, op := range ind.Derived.Of {
			if _, ok := ids[op]; !ok {
				w.Errorf(nil, fmt.Sprintf("indicators[%d].derived.of", i), "未知的指标%q%s", "unknown indicator %q%s", op, yamlcheck.Hint(op, known))
			}
		}
	}
	resolveRelative(w, p, rels)
	for i, n := range w.Seq(f["qualitative"], "qualitative") {
		path := fmt.Sprintf("qualitative[%d]", i)
		g := w.Fields(n, path, goalKeys)
		w.Require(g, n, path, "id", "text", "section")
		year, _ := w.Int(g["year"], path+".year")
		p.Qualitative = append(p.Qualitative, model.Goal{
			ID: w.String(g["id"], path+".id"), Year: year, Section: w.String(g["section"], path+".section"),
			Text: model.Text{ZH: w.String(g["text"], path+".text"), EN: w.String(g["text_en"], path+".text_en")},
		})
	}
	return p
}

func decodeText(w *yamlcheck.Walker, n *yaml.Node, path string) model.Text {
	if n != nil && n.Kind == yaml.ScalarNode {
		return model.Text{ZH: w.String(n, path)}
	}
	f := w.Fields(n, path, textKeys)
	return model.Text{ZH: w.String(f["zh"], path+".zh"), EN: w.String(f["en"], path+".en")}
}

// relativeRef is a target's relative_to as read, checked once every
// indicator is known.
type relativeRef struct {
	node *yaml.Node
	path string
	ind  *model.Indicator
	k    int // index into ind.Targets
}

// resolveRelative checks that each relative_to names another indicator of
// the plan and records that indicator's name on the target, for labels.
func resolveRelative(w *yamlcheck.Walker, p *model.Plan, rels []relativeRef) {
	known := p.IDs()
	for _, r := range rels {
		t := &r.ind.Targets[r.k]
		ref := p.Indicator(t.RelativeTo)
		switch {
		case t.RelativeTo == r.ind.ID:
			w.Errorf(r.node, r.path, "目标不能相对它自己的指标%q设定", "a target cannot be relative to its own indicator %q", t.RelativeTo)
		case ref == nil:
			w.Errorf(r.node, r.path, "未知的指标%q%s", "unknown indicator %q%s", t.RelativeTo, yamlcheck.Hint(t.RelativeTo, known))
		default:
			t.RelativeName = ref.Name
		}
	}
}
