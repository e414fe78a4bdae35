package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"fyp/charts"
	"fyp/internal/yamlcheck"
	"fyp/model"
)

// jnum is a number written as null when it is NaN or infinite.
type jnum float64

func (n jnum) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return []byte(strconv.FormatFloat(f, 'g', 12, 64)), nil
}

// text is a label in both languages.
type text struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

func textOf(t model.Text) text { return text{ZH: t.ZH, EN: t.In("en")} }

func writeJSON(w http.ResponseWriter, status int, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, err := w.Write(b.Bytes())
	return err
}

func writeError(w http.ResponseWriter, status int, msg string) {
	_ = writeJSON(w, status, map[string]string{"error": msg})
}

// decode reads a JSON request body into v strictly: one object, no unknown
// field.
func decode(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return err
		}
		if errors.Is(err, io.EOF) {
			return bad("request body: empty; expected a JSON object")
		}
		return bad("request body: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return bad("request body: more than one JSON value")
	}
	return nil
}

// ---- GET /api/plans

type planJSON struct {
	ID         string     `json:"id"`
	Title      text       `json:"title"`
	BaseYear   int        `json:"base_year"`
	TargetYear int        `json:"target_year"`
	VisionYear int        `json:"vision_year,omitempty"`
	Previous   string     `json:"previous,omitempty"`
	Scenarios  []scenJSON `json:"scenarios"`
	Default    string     `json:"default_scenario"`
}

type scenJSON struct {
	ID    string `json:"id"`
	Title text   `json:"title"`
}

func (pe *planEntry) json() planJSON {
	p := pe.plan
	out := planJSON{ID: pe.id, Title: textOf(p.Title), BaseYear: p.BaseYear, TargetYear: p.TargetYear, VisionYear: p.VisionYear,
		Default: pe.defaultScenario}
	if p.Previous != nil {
		out.Previous = p.Previous.ID
	}
	for _, id := range pe.scenarioIDs {
		out.Scenarios = append(out.Scenarios, scenJSON{ID: id, Title: textOf(pe.titles[id])})
	}
	return out
}

func (s *Server) handlePlans(w http.ResponseWriter, r *http.Request) error {
	if len(r.URL.Query()) > 0 {
		return bad("GET /api/plans takes no parameters")
	}
	out := make([]planJSON, len(s.plans))
	for i, pe := range s.plans {
		out[i] = pe.json()
	}
	return writeJSON(w, http.StatusOK, out)
}

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
			return bad("unknown parameter %q (expected id, scenario)", k)
		}
		if len(vs) != 1 {
			return bad("parameter %q is given %d times; give it once", k, len(vs))
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
		return bad("scenario %q: expected one of %s", sc, strings.Join(pe.scenarioIDs, ", "))
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

// ---- POST /api/assess

type assessRequest struct {
	State
	Charts bool `json:"charts"`
}

// Row is one target under the page's scenario.
type Row struct {
	ID         string `json:"id"`
	Ref        string `json:"ref"` // ID@YEAR, for /api/solve
	Key        string `json:"key"` // ID@YEAR:KIND, unique in the table
	No         int    `json:"no"`
	Name       text   `json:"name"`
	Unit       text   `json:"unit"`
	Binding    bool   `json:"binding"`
	Year       int    `json:"year"`
	Kind       string `json:"kind"`
	Bound      string `json:"bound"`
	Target     jnum   `json:"target"`
	Projected  jnum   `json:"projected"`
	Met        *bool  `json:"met"`
	Margin     jnum   `json:"margin"`
	Required   jnum   `json:"required_rate_pct"`
	Assumed    jnum   `json:"assumed_rate_pct"`
	Historical jnum   `json:"historical_rate_pct"`
	PaceUnit   text   `json:"rate_unit"`
	Status     string `json:"status"`
	Reason     string `json:"reason,omitempty"`
	// Solvable: /api/solve can aim at this target (ID@YEAR names the first
	// numeric target of that year, and it must have a number to meet).
	Solvable bool `json:"solvable"`
}

type assessResponse struct {
	Plan     string            `json:"plan"`
	Scenario string            `json:"scenario"`
	Query    string            `json:"query"` // the page URL's parameters for this state
	Rows     []Row             `json:"rows"`
	Counts   map[string]int    `json:"counts"`
	Warnings []string          `json:"warnings"`
	Charts   map[string]string `json:"charts,omitempty"` // id → SVG
}

func (s *Server) handleAssess(w http.ResponseWriter, r *http.Request) error {
	var req assessRequest
	if err := decode(r, &req); err != nil {
		return err
	}
	rs, err := s.resolve(req.State)
	if err != nil {
		return err
	}
	key := "assess\x00" + rs.st.Plan + "\x00" + rs.st.Lang + "\x00" + strconv.FormatBool(req.Charts) + "\x00" + string(rs.yaml)
	v, err := s.cache.get(key, func() (any, error) { return s.assess(rs, req.Charts) })
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, v)
}

func (s *Server) assess(rs *resolved, withCharts bool) (*assessResponse, error) {
	pr, err := model.Project(rs.plan.plan, rs.scenario)
	if err != nil {
		return nil, err
	}
	return assessProjection(rs, pr, withCharts)
}

// assessProjection is the table (and charts) of one projection of the
// state's plan.
func assessProjection(rs *resolved, pr *model.Projection, withCharts bool) (*assessResponse, error) {
	p := rs.plan.plan
	var err error
	as := model.Assess(pr)
	out := &assessResponse{Plan: p.ID, Scenario: rs.st.Scenario, Query: rs.st.Query().Encode(), Counts: map[string]int{}, Warnings: append([]string{}, rs.warnings...)}
	for _, wn := range pr.Warnings {
		out.Warnings = append(out.Warnings, wn.String())
	}
	for _, a := range as {
		if !inScope(a, p) {
			continue
		}
		row := rowOf(p, a)
		out.Counts[row.Status+"/"+strconv.FormatBool(row.Met != nil && *row.Met)]++
		out.Rows = append(out.Rows, row)
	}
	// Binding (约束性) targets first, then plan order.
	sort.SliceStable(out.Rows, func(i, j int) bool { return out.Rows[i].Binding && !out.Rows[j].Binding })
	if withCharts {
		out.Charts, err = drawCharts(rs, pr, as)
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// rowKey names a target uniquely in the table: an indicator may have two
// targets in one year (industrial value added: growth and level).
func rowKey(ind *model.Indicator, t model.Target) string {
	return fmt.Sprintf("%s@%d:%s", ind.ID, t.Year, t.Kind)
}

func rowOf(p *model.Plan, a model.Assessment) Row {
	ind := a.Indicator
	r := Row{ID: ind.ID, Ref: fmt.Sprintf("%s@%d", ind.ID, a.Target.Year), Key: rowKey(ind, a.Target), No: ind.No, Name: textOf(ind.Name), Unit: textOf(ind.Unit),
		Binding: ind.Attribute == model.Binding, Year: a.Target.Year, Kind: string(a.Target.Kind), Bound: string(a.Target.Bound),
		Target: jnum(a.Target.Value), Projected: jnum(a.Projected), Margin: jnum(a.Margin), Required: jnum(a.Required),
		Assumed: jnum(a.Assumed), Historical: jnum(a.Historical), Status: string(a.Status), Reason: a.Reason}
	if a.Target.Kind == model.Delegated {
		r.Target = jnum(math.NaN())
	}
	if a.Status == model.Assessed {
		met := a.Met
		r.Met = &met
	}
	if _, t, err := (model.TargetRef{ID: ind.ID, Year: a.Target.Year}).Find(p); err == nil && t == a.Target {
		r.Solvable = true
	}
	switch a.Pace {
	case model.RatePct:
		r.PaceUnit = text{ZH: "%/年", EN: "%/yr"}
	case model.RateUnits, model.RateFlow:
		zh, en := ind.Unit.ZH, ind.Unit.In("en")
		if zh == "%" {
			zh, en = "百分点", "pp"
		}
		r.PaceUnit = text{ZH: zh + "/年", EN: en + "/yr"}
	}
	return r
}

// drawCharts renders the headline panel (the plan's own path beside the
// page's scenario) and the reachability dashboard as SVG.
func drawCharts(rs *resolved, pr *model.Projection, as []model.Assessment) (map[string]string, error) {
	o := charts.Options{Lang: rs.st.Lang, Format: "svg", Scenarios: []string{PlanRules, CustomName}}
	out := map[string]string{}
	render := func(id string, c *charts.Chart, err error) error {
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if _, err := c.WriteTo(&b); err != nil {
			return err
		}
		out[id] = b.String()
		return nil
	}
	prs := []*model.Projection{rs.plan.planProj, pr}
	hasHeadline := false
	for _, id := range charts.HeadlineIDs {
		if s := pr.Series[id]; s != nil && s.Known() {
			hasHeadline = true
		}
	}
	if hasHeadline {
		c, err := charts.Headline(prs, o)
		if err := render("headline", c, err); err != nil {
			return nil, err
		}
	}
	c, err := charts.Reachability(as, rs.plan.plan, o)
	if err := render("reach", c, err); err != nil {
		return nil, err
	}
	return out, nil
}

// ---- POST /api/simulate

type simulateRequest struct {
	State
	Draws int `json:"draws"`
}

// SimRow is one target's probability of being met.
type SimRow struct {
	Ref        string `json:"ref"`
	Key        string `json:"key"` // as Row.Key
	PMet       jnum   `json:"p_met"`
	SE         jnum   `json:"p_se"`
	P5         jnum   `json:"p5"`
	P50        jnum   `json:"p50"`
	P95        jnum   `json:"p95"`
	Stochastic bool   `json:"stochastic"`
	Status     string `json:"status"`
}

type simulateResponse struct {
	Draws int      `json:"draws"`
	Seed  uint64   `json:"seed"`
	Rows  []SimRow `json:"rows"`
}

func (s *Server) handleSimulate(w http.ResponseWriter, r *http.Request) error {
	var req simulateRequest
	if err := decode(r, &req); err != nil {
		return err
	}
	if req.Draws == 0 {
		req.Draws = DefaultDraws
	}
	if req.Draws < 1 || req.Draws > MaxDraws {
		return bad("draws %d: expected 1 to %d", req.Draws, MaxDraws)
	}
	rs, err := s.resolve(req.State)
	if err != nil {
		return err
	}
	key := "sim\x00" + rs.st.Plan + "\x00" + strconv.Itoa(req.Draws) + "\x00" + string(rs.yaml)
	v, err := s.cache.get(key, func() (any, error) {
		select {
		case s.sims <- struct{}{}:
			defer func() { <-s.sims }()
		case <-r.Context().Done():
			return nil, r.Context().Err()
		}
		return s.simulate(rs, req.Draws)
	})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, v)
}

func (s *Server) simulate(rs *resolved, draws int) (*simulateResponse, error) {
	p := rs.plan.plan
	pr, err := model.Project(p, rs.scenario)
	if err != nil {
		return nil, err
	}
	// As `fyp simulate`: the scenario's uncertainty, else the documented
	// defaults; the scenario's seed, else the default seed.
	u := model.DefaultUncertainty(p)
	if rs.scenario != nil && rs.scenario.Uncertainty != nil {
		u = *rs.scenario.Uncertainty
	}
	seed := uint64(model.DefaultSeed)
	if u.Seed != 0 {
		seed = u.Seed
	}
	sim, err := model.Simulate(pr, u, model.SimOptions{Draws: draws, Seed: seed, Workers: 1})
	if err != nil {
		return nil, err
	}
	out := &simulateResponse{Draws: sim.Draws, Seed: sim.Seed}
	for _, t := range sim.Targets {
		if t.Target.Kind == model.Delegated || !inScope(model.Assessment{Indicator: t.Indicator, Target: t.Target}, p) {
			continue
		}
		out.Rows = append(out.Rows, SimRow{Ref: fmt.Sprintf("%s@%d", t.Indicator.ID, t.Target.Year), Key: rowKey(t.Indicator, t.Target), PMet: jnum(t.PMet), SE: jnum(t.SE),
			P5: jnum(t.Q[0]), P50: jnum(t.Q[2]), P95: jnum(t.Q[4]), Stochastic: t.Stochastic, Status: string(t.Status)})
	}
	return out, nil
}

// ---- POST /api/solve

type solveRequest struct {
	State
	Target string `json:"target"` // ID@YEAR
	Vary   string `json:"vary"`   // ID.rate or ID.step
}

type solveResponse struct {
	Target   string `json:"target"`
	Vary     string `json:"vary"`
	Found    bool   `json:"found"`
	Value    jnum   `json:"value"`
	Goal     jnum   `json:"goal"`
	Residual jnum   `json:"residual"`
	Lo       jnum   `json:"lo"`
	Hi       jnum   `json:"hi"`
	Reason   string `json:"reason,omitempty"`
}

func (s *Server) handleSolve(w http.ResponseWriter, r *http.Request) error {
	var req solveRequest
	if err := decode(r, &req); err != nil {
		return err
	}
	rs, err := s.resolve(req.State)
	if err != nil {
		return err
	}
	p := rs.plan.plan
	ref, err := parseTarget(p, req.Target)
	if err != nil {
		return err
	}
	knob, err := parseKnob(p, req.Vary)
	if err != nil {
		return err
	}
	key := "solve\x00" + rs.st.Plan + "\x00" + ref.String() + "\x00" + knob.String() + "\x00" + string(rs.yaml)
	v, err := s.cache.get(key, func() (any, error) {
		ind, t, _ := ref.Find(p)
		lo, hi := model.SolveRange(ind, t, knob)
		sol, err := model.Solve(p, rs.scenario, ref, knob, lo, hi)
		if err != nil {
			return nil, badRequest{strings.TrimPrefix(err.Error(), "model: ")}
		}
		return &solveResponse{Target: ref.String(), Vary: knob.String(), Found: sol.Found, Value: jnum(sol.Value), Goal: jnum(sol.Goal),
			Residual: jnum(sol.Residual), Lo: jnum(sol.Lo), Hi: jnum(sol.Hi), Reason: sol.Reason}, nil
	})
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, v)
}

// parseTarget reads ID@YEAR, with the command line's messages.
func parseTarget(p *model.Plan, s string) (model.TargetRef, error) {
	id, year, ok := strings.Cut(s, "@")
	y, err := strconv.Atoi(year)
	if !ok || err != nil {
		return model.TargetRef{}, bad("target %q: expected ID@YEAR, e.g. gdp_per_capita@2025", s)
	}
	if p.Indicator(id) == nil {
		return model.TargetRef{}, bad("target: unknown indicator %q%s", id, yamlcheck.DidYouMean(id, p.IDs()))
	}
	ref := model.TargetRef{ID: id, Year: y}
	if _, _, err := ref.Find(p); err != nil {
		return ref, bad("target: %s", strings.TrimPrefix(err.Error(), "model: "))
	}
	return ref, nil
}

// parseKnob reads ID.rate or ID.step.
func parseKnob(p *model.Plan, s string) (model.Knob, error) {
	id, what, ok := strings.Cut(s, ".")
	if !ok || (what != "rate" && what != "step") {
		return model.Knob{}, bad("vary %q: expected ID.rate or ID.step, e.g. gdp.rate", s)
	}
	if p.Indicator(id) == nil {
		return model.Knob{}, bad("vary: unknown indicator %q%s", id, yamlcheck.DidYouMean(id, p.IDs()))
	}
	return model.Knob{ID: id, Step: what == "step"}, nil
}

// ---- GET/POST /api/scenario: the scenario YAML of a state

func (s *Server) handleScenarioGet(w http.ResponseWriter, r *http.Request) error {
	st, err := stateFromQuery(r.URL.Query())
	if err != nil {
		return err
	}
	return s.writeScenario(w, st)
}

func (s *Server) handleScenarioPost(w http.ResponseWriter, r *http.Request) error {
	var st State
	if err := decode(r, &st); err != nil {
		return err
	}
	return s.writeScenario(w, st)
}

func (s *Server) writeScenario(w http.ResponseWriter, st State) error {
	rs, err := s.resolve(st)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+CustomName+`.yaml"`)
	_, err = w.Write(rs.yaml)
	return err
}
