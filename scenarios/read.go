package scenarios

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/spf13/cast"
	"github.com/spf13/viper"
	"gopkg.in/yaml.v3"

	"fyp/internal/bilingual"
	"fyp/internal/yamlcheck"
	"fyp/model"
)

// spec is one scenario file as written, before inheritance.
type spec struct {
	file, dir string // name shown in messages; directory for relative extends
	shipped   bool
	key       string // what identifies it in a chain and the cache: a shipped one's name may be a path too

	name, description, extends, planRef string
	title                               model.Text
	horizon                             int
	assumptions                         map[string]model.Assumption
	shocks                              []model.Shock
	hasShocks                           bool
	unc                                 *uncSpec

	// Where things stand in the file, for checks made after resolution.
	lines                             map[string]int // assumption id → line
	extendsLine, shocksLine, planLine int
	uncLine                           int
	shockLines                        map[string]int // uncertainty.shocks id → line
	yearLo, yearHi                    int
	warnings                          yamlcheck.Problems
}

// uncSpec is an `uncertainty:` section; nil pointers were not given.
type uncSpec struct {
	draws        *int
	seed         *uint64
	shocks       map[string]model.ShockSpec
	correlations []model.Correlation
}

func (sp *spec) warn(n *yaml.Node, key, zh, en string, args ...any) {
	p := yamlcheck.Problem{File: sp.file, Key: key, Msg: bilingual.Sprintf("en", zh, en, args...), MsgZH: bilingual.Sprintf("zh", zh, en, args...)}
	if n != nil {
		p.Line = n.Line
	}
	sp.warnings = append(sp.warnings, p)
}

func (sp *spec) checkYear(w *yamlcheck.Walker, n *yaml.Node, key string, y int) {
	if y < sp.yearLo || y > sp.yearHi {
		w.Errorf(n, key, "年份%d不在情景的年份范围%d–%d内（规划基期年的次年到测算终点年）", "year %d is outside the scenario's years %d–%d (the year after the plan's base year to the horizon)", y, sp.yearLo, sp.yearHi)
	}
}

// parse checks a file's node tree and then reads its values through viper.
func (l *loader) parse(file string, data []byte) (*spec, error) {
	root, ps := yamlcheck.Parse(file, data)
	if ps != nil {
		return nil, ps
	}
	sp := &spec{file: file, dir: filepath.Dir(file), lines: map[string]int{}}
	w := &yamlcheck.Walker{File: file}
	check(w, root, l.plan, sp)
	if n := fieldNode(root, "plan"); n != nil {
		sp.planLine = n.Line
	}
	if len(w.Problems) > 0 {
		return nil, w.Problems
	}
	if err := readValues(sp, data); err != nil {
		return nil, yamlcheck.Problems{{File: file, Msg: err.Error()}}
	}
	return sp, nil
}

func fieldNode(root *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			return root.Content[i]
		}
	}
	return nil
}

// readValues takes the checked file's values through a private viper
// instance. Every key and type has been checked on the node tree already,
// so conversions here cannot fail on a file that passed check.
func readValues(sp *spec, data []byte) error {
	v := viper.New()
	v.SetConfigType("yaml")
	if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
		return fmt.Errorf("reading the file: %w", err)
	}
	sp.name = v.GetString("name")
	sp.description = v.GetString("description")
	sp.extends = v.GetString("extends")
	sp.planRef = v.GetString("plan")
	sp.horizon = v.GetInt("horizon")
	if t, ok := v.Get("title").(map[string]any); ok {
		sp.title = model.Text{ZH: cast.ToString(t["zh"]), EN: cast.ToString(t["en"])}
	} else {
		sp.title = model.Text{ZH: v.GetString("title")}
	}
	sp.assumptions = map[string]model.Assumption{}
	for id, raw := range v.GetStringMap("assumptions") {
		m := cast.ToStringMap(raw)
		a := model.Assumption{Rule: model.RuleKind(cast.ToString(m["rule"]))}
		a.Rate = yearly(m["rate"])
		a.Step = yearly(m["step"])
		a.Ceiling = cast.ToFloat64(m["ceiling"])
		sp.assumptions[id] = a
	}
	if v.IsSet("shocks") {
		sp.hasShocks = true
		for _, raw := range cast.ToSlice(v.Get("shocks")) {
			m := cast.ToStringMap(raw)
			sp.shocks = append(sp.shocks, model.Shock{
				Indicator: cast.ToString(m["indicator"]),
				Year:      cast.ToInt(m["year"]),
				LevelPct:  cast.ToFloat64(m["level_pct"]),
				From:      cast.ToInt(m["from"]),
				To:        cast.ToInt(m["to"]),
				RatePP:    cast.ToFloat64(m["rate_pp"]),
			})
		}
	}
	if v.IsSet("uncertainty") {
		u := &uncSpec{shocks: map[string]model.ShockSpec{}}
		if v.IsSet("uncertainty.draws") {
			d := v.GetInt("uncertainty.draws")
			u.draws = &d
		}
		if v.IsSet("uncertainty.seed") {
			s, err := strconv.ParseUint(cast.ToString(v.Get("uncertainty.seed")), 10, 64)
			if err != nil {
				return fmt.Errorf("uncertainty.seed: %w", err)
			}
			u.seed = &s
		}
		for id, raw := range v.GetStringMap("uncertainty.shocks") {
			m := cast.ToStringMap(raw)
			u.shocks[id] = model.ShockSpec{SD: cast.ToFloat64(m["sd"]), Rho: cast.ToFloat64(m["rho"]), DF: cast.ToFloat64(m["df"])}
		}
		for _, raw := range cast.ToSlice(v.Get("uncertainty.correlations")) {
			c := cast.ToSlice(raw)
			if len(c) == 3 {
				u.correlations = append(u.correlations, model.Correlation{A: cast.ToString(c[0]), B: cast.ToString(c[1]), Rho: cast.ToFloat64(c[2])})
			}
		}
		sp.unc = u
	}
	return nil
}

// yearly converts a number or a {year: number, default: number} map.
func yearly(raw any) model.Yearly {
	m, ok := raw.(map[string]any)
	if !ok {
		return model.Flat(cast.ToFloat64(raw))
	}
	y := model.Yearly{Years: map[int]float64{}}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if k == "default" {
			y.Default = cast.ToFloat64(m[k])
			continue
		}
		if yr, err := strconv.Atoi(k); err == nil {
			y.Years[yr] = cast.ToFloat64(m[k])
		}
	}
	return y
}
