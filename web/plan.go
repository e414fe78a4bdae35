package web

import (
	"fmt"
	"math"
	"net/http"
	"strings"

	"fyp/model"
)

// ---- GET /api/plan?id=…&scenario=…

// Knob is one slider: an assumption a scenario can set.
type Knob struct {
	Key      string `json:"key"` // "gdp.rate" or "forest_coverage.step"
	ID       string `json:"id"`
	No       int    `json:"no"` // 序号 in the main table; 0 for chapter targets
	Name     text   `json:"name"`
	Unit     text   `json:"unit"`     // of the slider: "%/年" or "百分点/年" …
	Kind     string `json:"kind"`     // rate or step
	Plan     jnum   `json:"plan"`     // the pace of the plan's own path to its first target
	Previous jnum   `json:"previous"` // the pace delivered under the previous plan
	Value    jnum   `json:"value"`    // the starting scenario's
	Min      jnum   `json:"min"`
	Max      jnum   `json:"max"`
	Step     jnum   `json:"step"`
	// Derived: the starting scenario computes this indicator from others
	// through a turned identity, so setting it over-determines the identity.
	Derived bool `json:"derived,omitempty"`
	// Identity: the plan computes this indicator (population = GDP / GDP per
	// capita); setting it turns the identity round.
	Identity bool   `json:"identity,omitempty"`
	Binding  bool   `json:"binding,omitempty"`
	Rule     string `json:"rule"` // the starting scenario's rule
}

type planDetail struct {
	planJSON
	Scenario string      `json:"scenario"`
	Knobs    []Knob      `json:"knobs"`
	Targets  []targetRef `json:"targets"`
}

type targetRef struct {
	Ref  string `json:"ref"` // ID@YEAR, for /api/solve
	Name text   `json:"name"`
}

func (s *Server) handlePlan(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	for k, vs := range q {
		if k != "id" && k != "scenario" {
			return bad("未知的参数%q（应为id、scenario）", "unknown parameter %q (expected id, scenario)", k)
		}
		if len(vs) != 1 {
			return bad("参数%q出现了%d次；只能给一次", "parameter %q is given %d times; give it once", k, len(vs))
		}
	}
	pe, err := s.planFor(q.Get("id"))
	if err != nil {
		return err
	}
	sc := q.Get("scenario")
	if sc == "" {
		sc = pe.defaultScenario
	}
	if _, ok := pe.bases[sc]; !ok {
		return bad("情景%q：应为%[3]s之一", "scenario %q: expected one of %s", sc, strings.Join(pe.scenarioIDs, ", "), strings.Join(pe.scenarioIDs, "、"))
	}
	knobs, err := pe.knobsFor(sc)
	if err != nil {
		return err
	}
	out := planDetail{planJSON: pe.json(), Scenario: sc, Knobs: knobs}
	seen := map[string]bool{}
	for _, a := range pe.planAssess {
		ref := fmt.Sprintf("%s@%d", a.Indicator.ID, a.Target.Year)
		if inScope(a, pe.plan) && a.Target.Kind != model.Delegated && !seen[ref] {
			seen[ref] = true
			out.Targets = append(out.Targets, targetRef{Ref: ref, Name: textOf(a.Indicator.Name)})
		}
	}
	return writeJSON(w, http.StatusOK, out)
}

// inScope: the main table and the long-range goals, as `fyp assess`.
func inScope(a model.Assessment, p *model.Plan) bool {
	return a.Indicator.InTable() || (p.VisionYear > 0 && a.Target.Year == p.VisionYear)
}

// knobsFor lists every indicator's slider under a starting scenario.
func (pe *planEntry) knobsFor(scID string) ([]Knob, error) {
	if v, ok := pe.knobs.Load(scID); ok {
		return v.([]Knob), nil
	}
	p := pe.plan
	base := pe.bases[scID]
	pr, err := model.Project(p, base)
	if err != nil {
		return nil, err
	}
	var out []Knob
	for _, ind := range p.Indicators {
		step := ind.Path != model.Compound
		k := Knob{ID: ind.ID, No: ind.No, Name: textOf(ind.Name), Kind: "rate", Binding: ind.Attribute == model.Binding,
			Identity: ind.Derived != nil}
		u := text{ZH: "%/年", EN: "%/yr"}
		if step {
			k.Kind = "step"
			zh, en := ind.Unit.ZH, ind.Unit.In("en")
			if zh == "%" {
				zh, en = "百分点", "pp"
			}
			u = text{ZH: zh + "/年", EN: en + "/yr"}
		}
		k.Key = ind.ID + "." + k.Kind
		k.Unit = u
		y1 := firstTargetYear(ind, p)
		k.Plan = jnum(seriesPace(pe.planProj.Series[ind.ID], step, p.BaseYear, y1))
		k.Previous = jnum(math.NaN())
		want := model.RatePct
		if step {
			want = model.RateUnits
		}
		for _, a := range pe.planAssess {
			if a.Indicator == ind && a.Pace == want && !math.IsNaN(a.Historical) {
				k.Previous = jnum(a.Historical)
				break
			}
		}
		a := model.RuleFor(ind, base)
		k.Rule = string(a.Rule)
		switch {
		case !step && (a.Rule == model.RuleCompound || a.Rule == model.RuleLogistic):
			k.Value = jnum(a.Rate.Mean(p.BaseYear, y1))
		case step && a.Rule == model.RuleLinear:
			k.Value = jnum(a.Step.Mean(p.BaseYear, y1))
		default:
			k.Value = jnum(seriesPace(pr.Series[ind.ID], step, p.BaseYear, y1))
		}
		k.Derived = a.Rule == model.RuleDerived && ind.Derived == nil
		lo, hi, inc := sliderRange(step, float64(k.Plan), float64(k.Previous), float64(k.Value))
		k.Min, k.Max, k.Step = jnum(lo), jnum(hi), jnum(inc)
		out = append(out, k)
	}
	pe.knobs.Store(scID, out)
	return out, nil
}

// firstTargetYear is the year of the indicator's first target after the
// base year (the plan's target year when it has none).
func firstTargetYear(ind *model.Indicator, p *model.Plan) int {
	y := 0
	for _, t := range ind.Targets {
		if t.Year > p.BaseYear && (y == 0 || t.Year < y) {
			y = t.Year
		}
	}
	if y == 0 {
		y = p.TargetYear
	}
	return y
}

// seriesPace is a series' average pace from y0 to y1: percent a year
// (compound) or units a year (step). NaN when unknown.
func seriesPace(s *model.Series, step bool, y0, y1 int) float64 {
	if s == nil || y1 <= y0 {
		return math.NaN()
	}
	x0, ok0 := s.At(y0)
	x1, ok1 := s.At(y1)
	if !ok0 || !ok1 {
		return math.NaN()
	}
	n := float64(y1 - y0)
	if step {
		return (x1 - x0) / n
	}
	if x0 <= 0 || x1 <= 0 {
		return math.NaN()
	}
	return (math.Pow(x1/x0, 1/n) - 1) * 100
}

// sliderRange spans the plan's pace, the previous plan's and the starting
// value with room on both sides: ±4 points for rates, half as much again
// as the largest value for steps, in round increments.
func sliderRange(step bool, vals ...float64) (lo, hi, inc float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	big := 0.0
	for _, v := range vals {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		lo, hi, big = math.Min(lo, v), math.Max(hi, v), math.Max(big, math.Abs(v))
	}
	if math.IsInf(lo, 1) {
		lo, hi = 0, 0
	}
	if !step {
		inc = 0.1
		return math.Floor(lo - 4), math.Ceil(hi + 4), inc
	}
	span := math.Max(1.5*big, 0.1)
	lo, hi = lo-span, hi+span
	inc = niceStep((hi - lo) / 200)
	return math.Floor(lo/inc) * inc, math.Ceil(hi/inc) * inc, inc
}

// niceStep rounds x to 1, 2 or 5 times a power of ten.
func niceStep(x float64) float64 {
	e := math.Pow(10, math.Floor(math.Log10(x)))
	switch f := x / e; {
	case f < 1.5:
		return e
	case f < 3.5:
		return 2 * e
	case f < 7.5:
		return 5 * e
	}
	return 10 * e
}
