package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"fyp/internal/yamlcheck"
	"fyp/model"
	"fyp/scenarios"

	"fyp/internal/bilingual"
)

// PlanRules is the starting scenario "the plan's own rules" (no scenario).
const PlanRules = "plan"

// CustomName is the name of the scenario the page builds and saves.
const CustomName = "custom"

// maxSettings bounds the settings of one request (a plan has a few hundred
// indicators; nobody moves more sliders than that).
const maxSettings = 1000

// maxAbsValue bounds a slider's value: a rate of ±1,000,000 % a year is
// already meaningless; larger numbers are refused before the loader.
const maxAbsValue = 1e6

// State is what the page sends: the plan, the starting scenario and the
// assumptions moved away from it ("gdp.rate" → 5.5, "forest_coverage.step"
// → 0.3), with the language of labels and charts.
type State struct {
	Plan     string             `json:"plan"`
	Scenario string             `json:"scenario"`
	Lang     string             `json:"lang"`
	Settings map[string]float64 `json:"settings"`
}

// badRequest is a problem with what the client sent: HTTP 400 with the
// message in English (msg) and Chinese (zh); the page shows the one of its
// language.
type badRequest struct{ zh, msg string }

func (e badRequest) Error() string { return e.msg }

// In returns the message in lang ("en", else Chinese).
func (e badRequest) In(lang string) string {
	if lang == "en" {
		return e.msg
	}
	return e.zh
}

// bad is a badRequest worded in Chinese (zh) and English (en) from the same
// args (see bilingual.Sprintf).
func bad(zh, en string, args ...any) error {
	return badRequest{bilingual.Sprintf("zh", zh, en, args...), bilingual.Sprintf("en", zh, en, args...)}
}

// badErr is err (from the model or a reader) as a badRequest, in both
// languages, without the English "model: " prefix.
func badErr(err error) error {
	return badRequest{bilingual.In(err, "zh"), strings.TrimPrefix(err.Error(), "model: ")}
}

// stateFromQuery reads a State from URL parameters: plan, scenario, lang and
// one ID.rate or ID.step parameter per setting (the page's own URL).
func stateFromQuery(q url.Values) (State, error) {
	st := State{Settings: map[string]float64{}}
	for k, vs := range q {
		if len(vs) != 1 {
			return st, bad("参数%q出现了%d次；只能给一次", "parameter %q is given %d times; give it once", k, len(vs))
		}
		v := vs[0]
		switch k {
		case "plan":
			st.Plan = v
		case "scenario":
			st.Scenario = v
		case "lang":
			st.Lang = v
		case "draws", "target", "vary", "id":
			// read by the handler that needs them
		default:
			if !strings.Contains(k, ".") {
				return st, bad("未知的参数%q（应为plan、scenario、lang或ID.rate / ID.step）", "unknown parameter %q (expected plan, scenario, lang or ID.rate / ID.step)", k)
			}
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				return st, bad("%s：%q不是数", "%s: %q is not a number", k, v)
			}
			st.Settings[k] = f
		}
	}
	return st, nil
}

// Query encodes a State as URL parameters (the inverse of stateFromQuery).
func (st State) Query() url.Values {
	q := url.Values{}
	q.Set("plan", st.Plan)
	q.Set("scenario", st.Scenario)
	if st.Lang != "" {
		q.Set("lang", st.Lang)
	}
	for k, v := range st.Settings {
		q.Set(k, strconv.FormatFloat(v, 'g', -1, 64))
	}
	return q
}

// resolved is a checked State: its plan, its scenario (nil for the plan's own
// rules with nothing moved) and the scenario YAML that gives exactly it.
type resolved struct {
	st       State
	plan     *planEntry
	scenario *model.Scenario
	yaml     []byte
	warnings []string
}

// setting is one checked slider: an indicator and what is set on it.
type setting struct {
	ind   *model.Indicator
	step  bool
	value float64
}

// resolve checks a State and builds its scenario: the settings are written
// as scenario YAML and read back by the same loader as `fyp validate` and
// `fyp run -s FILE`, so that the page computes what the saved file does.
func (s *Server) resolve(ctx context.Context, st State) (*resolved, error) {
	if st.Lang == "" {
		st.Lang = "zh"
	}
	if st.Lang != "zh" && st.Lang != "en" {
		return nil, bad("lang %q：应为zh或en", "lang %q: expected zh or en", st.Lang)
	}
	pe, err := s.planFor(st.Plan)
	if err != nil {
		return nil, err
	}
	st.Plan = pe.id
	if st.Scenario == "" {
		st.Scenario = pe.defaultScenario
	}
	base, ok := pe.bases[st.Scenario]
	if !ok {
		return nil, bad("情景%q：应为%[4]s之一%[3]s", "scenario %q: expected one of %s%s", st.Scenario, strings.Join(pe.scenarioIDs, ", "), yamlcheck.Hint(st.Scenario, pe.scenarioIDs), strings.Join(pe.scenarioIDs, "、"))
	}
	sets, err := checkSettings(pe.plan, st.Settings)
	if err != nil {
		return nil, err
	}
	r := &resolved{st: st, plan: pe}
	r.yaml = scenarioYAML(pe, st.Scenario, base, sets)
	// The page asks for the table and then P(met) of one state: read its
	// file once.
	v, err := s.cache.get(ctx, "resolve\x00"+pe.id+"\x00"+string(r.yaml), func(context.Context) (any, error) {
		return scenarios.Check(CustomName+".yaml", r.yaml, pe.plan)
	})
	if err != nil {
		var ps yamlcheck.Problems
		if errors.As(err, &ps) {
			return nil, badRequest{problemsText(ps, "zh"), problemsText(ps, "en")}
		}
		return nil, badErr(err)
	}
	res := v.(*scenarios.Result)
	r.scenario = res.Scenario
	for _, w := range res.Warnings {
		r.warnings = append(r.warnings, problemText(w, st.Lang))
	}
	return r, nil
}

// checkSettings validates each "ID.rate" / "ID.step" key and value.
func checkSettings(p *model.Plan, m map[string]float64) ([]setting, error) {
	if len(m) > maxSettings {
		return nil, bad("设置：给了%d项；最多%d项", "settings: %d given; at most %d", len(m), maxSettings)
	}
	var errs, errsZH []string
	add := func(zh, en string, args ...any) {
		errsZH = append(errsZH, bilingual.Sprintf("zh", zh, en, args...))
		errs = append(errs, bilingual.Sprintf("en", zh, en, args...))
	}
	seen := map[string]string{}
	var out []setting
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := m[k]
		id, what, _ := strings.Cut(k, ".")
		ind := p.Indicator(id)
		switch {
		case what != "rate" && what != "step":
			add("%s：应为ID.rate（每年百分比）或ID.step（每年增量），如gdp.rate", "%s: expected ID.rate (percent a year) or ID.step (units a year), e.g. gdp.rate", k)
			continue
		case ind == nil:
			add("%s：未知的指标%q%s", "%s: unknown indicator %q%s", k, id, yamlcheck.Hint(id, p.IDs()))
			continue
		case math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > maxAbsValue:
			add("%s：%g超出范围（绝对值最多%g）", "%s: %g is out of range (at most %g in size)", k, v, maxAbsValue)
			continue
		}
		if prev, dup := seen[id]; dup {
			add("%s：同时设置了%s；一个指标只能设增速或增量，不能两者都设", "%s: %s is also set; give an indicator a rate or a step, not both", k, prev)
			continue
		}
		seen[id] = k
		out = append(out, setting{ind: ind, step: what == "step", value: v})
	}
	if len(errs) > 0 {
		return nil, badRequest{strings.Join(errsZH, "\n"), strings.Join(errs, "\n")}
	}
	// Plan order, so that the YAML reads like the plan.
	order := map[string]int{}
	for i, ind := range p.Indicators {
		order[ind.ID] = i
	}
	sort.Slice(out, func(i, j int) bool { return order[out[i].ind.ID] < order[out[j].ind.ID] })
	return out, nil
}

// num writes a number so that it reads back exactly.
func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// scenarioYAML is the scenario file of a state: the starting scenario
// extended by every moved slider. A rate on an indicator that the starting
// scenario projects with a logistic rule keeps its ceiling.
func scenarioYAML(pe *planEntry, baseID string, base *model.Scenario, sets []setting) []byte {
	var b bytes.Buffer
	b.WriteString("# Saved by fyp serve. Check it with `fyp validate FILE`; run it with `fyp assess -s FILE` or `fyp run -s FILE`.\n")
	fmt.Fprintf(&b, "name: %s\n", CustomName)
	b.WriteString("title: {zh: 自定义情景, en: Custom scenario}\n")
	desc := "Starts from the plan's own rules"
	if baseID != PlanRules {
		desc = "Starts from the shipped scenario " + baseID
	}
	if len(sets) == 0 {
		desc += " and changes nothing."
	} else {
		var parts []string
		for _, st := range sets {
			if st.step {
				parts = append(parts, fmt.Sprintf("%s.step %s", st.ind.ID, num(st.value)))
			} else {
				parts = append(parts, fmt.Sprintf("%s.rate %s", st.ind.ID, num(st.value)))
			}
		}
		desc += " and sets " + strings.Join(parts, ", ") + "."
	}
	fmt.Fprintf(&b, "description: %q\n", desc)
	if baseID != PlanRules {
		fmt.Fprintf(&b, "extends: %s\n", baseID)
	}
	if pe.embedded {
		fmt.Fprintf(&b, "plan: %s\n", pe.id)
	}
	if len(sets) == 0 {
		return b.Bytes()
	}
	b.WriteString("assumptions:\n")
	for _, st := range sets {
		id := st.ind.ID
		switch {
		case st.step:
			fmt.Fprintf(&b, "  %s: {rule: linear, step: %s}\n", id, num(st.value))
		default:
			if base != nil {
				if a, ok := base.Assumptions[id]; ok && a.Rule == model.RuleLogistic {
					fmt.Fprintf(&b, "  %s: {rule: logistic, rate: %s, ceiling: %s}\n", id, num(st.value), num(a.Ceiling))
					continue
				}
			}
			fmt.Fprintf(&b, "  %s: {rule: compound, rate: %s}\n", id, num(st.value))
		}
	}
	return b.Bytes()
}

// problemsText is the loader's problems without the generated file's lines
// (the page has no file to point into): "key: message", one a line.
func problemsText(ps yamlcheck.Problems, lang string) string {
	ps.Sort()
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = problemText(p, lang)
	}
	return strings.Join(lines, "\n")
}

// problemText is p without the file name of the scenario the page built,
// in lang ("en", else Chinese).
func problemText(p yamlcheck.Problem, lang string) string {
	msg, sep := p.Msg, ": "
	if lang != "en" {
		sep = "："
		if p.MsgZH != "" {
			msg = p.MsgZH
		}
	}
	key := strings.TrimPrefix(p.Key, "assumptions.")
	if key == "" {
		return msg
	}
	return key + sep + msg
}

// Scenario is the scenario the page computes with for st, and the YAML the
// page saves for it (`fyp validate` accepts it; `fyp run -s FILE`
// reproduces the page).
func (s *Server) Scenario(st State) (*model.Scenario, []byte, error) {
	r, err := s.resolve(context.Background(), st)
	if err != nil {
		return nil, nil, err
	}
	return r.scenario, r.yaml, nil
}
