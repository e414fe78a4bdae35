package web

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"

	"fyp/internal/yamlcheck"
	"fyp/model"
)

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
		return bad("draws %d：应为1到%d", "draws %d: expected 1 to %d", req.Draws, MaxDraws)
	}
	rs, err := s.resolve(r.Context(), req.State)
	if err != nil {
		return err
	}
	key := "sim\x00" + rs.st.Plan + "\x00" + strconv.Itoa(req.Draws) + "\x00" + string(rs.yaml)
	return s.serveQueued(w, r, key, prioSim, func(ctx context.Context) (any, error) {
		return s.simulate(ctx, rs, req.Draws)
	})
}

func (s *Server) simulate(ctx context.Context, rs *resolved, draws int) (*simulateResponse, error) {
	p := rs.plan.plan
	pr, err := s.project(ctx, rs)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
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
	// One worker: the pool runs one simulation a core. The page shows no
	// fan chart: the bands' percentiles are skipped (the targets' numbers
	// are the same).
	sim, err := model.Simulate(pr, u, model.SimOptions{Draws: draws, Seed: seed, Workers: 1, TargetsOnly: true})
	if err != nil {
		return nil, err
	}
	out := &simulateResponse{Draws: sim.Draws, Seed: sim.Seed}
	for _, t := range sim.Targets {
		if t.Target.Kind == model.Delegated || !inScope(model.Assessment{Indicator: t.Indicator, Target: t.Target}, p) {
			continue
		}
		p, se := t.PMet, t.SE
		if !t.Stochastic {
			p, se = math.NaN(), math.NaN() // no draw varied it: not a probability
		}
		out.Rows = append(out.Rows, SimRow{Ref: fmt.Sprintf("%s@%d", t.Indicator.ID, t.Target.Year), Key: rowKey(t.Indicator, t.Target), PMet: jnum(p), SE: jnum(se),
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
	Reason   *text  `json:"reason,omitempty"` // {zh, en}: why no value meets the target
}

func (s *Server) handleSolve(w http.ResponseWriter, r *http.Request) error {
	var req solveRequest
	if err := decode(r, &req); err != nil {
		return err
	}
	rs, err := s.resolve(r.Context(), req.State)
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
	return s.serveQueued(w, r, key, prioTable, func(context.Context) (any, error) {
		ind, t, _ := ref.Find(p)
		lo, hi := model.SolveRange(ind, t, knob)
		sol, err := model.Solve(p, rs.scenario, ref, knob, lo, hi)
		if err != nil {
			return nil, badErr(err)
		}
		return &solveResponse{Target: ref.String(), Vary: knob.String(), Found: sol.Found, Value: jnum(sol.Value), Goal: jnum(sol.Goal),
			Residual: jnum(sol.Residual), Lo: jnum(sol.Lo), Hi: jnum(sol.Hi), Reason: solveReason(sol)}, nil
	})
}

// parseTarget reads ID@YEAR, with the command line's messages.
func parseTarget(p *model.Plan, s string) (model.TargetRef, error) {
	id, year, ok := strings.Cut(s, "@")
	y, err := strconv.Atoi(year)
	if !ok || err != nil {
		return model.TargetRef{}, bad("target %q：应为 指标ID@年份，如gdp_per_capita@2025", "target %q: expected ID@YEAR, e.g. gdp_per_capita@2025", s)
	}
	if p.Indicator(id) == nil {
		return model.TargetRef{}, bad("target：未知的指标%q%s", "target: unknown indicator %q%s", id, yamlcheck.Hint(id, p.IDs()))
	}
	ref := model.TargetRef{ID: id, Year: y}
	if _, _, err := ref.Find(p); err != nil {
		return ref, bad("target：%v", "target: %[2]s", err, strings.TrimPrefix(err.Error(), "model: "))
	}
	return ref, nil
}

// parseKnob reads ID.rate or ID.step.
func parseKnob(p *model.Plan, s string) (model.Knob, error) {
	id, what, ok := strings.Cut(s, ".")
	if !ok || (what != "rate" && what != "step") {
		return model.Knob{}, bad("vary %q：应为 指标ID.rate或指标ID.step，如gdp.rate", "vary %q: expected ID.rate or ID.step, e.g. gdp.rate", s)
	}
	if p.Indicator(id) == nil {
		return model.Knob{}, bad("vary：未知的指标%q%s", "vary: unknown indicator %q%s", id, yamlcheck.Hint(id, p.IDs()))
	}
	return model.Knob{ID: id, Step: what == "step"}, nil
}

// solveReason is why no value of the knob meets the target, in both
// languages (nil when one does).
func solveReason(sol model.Solution) *text {
	if sol.Found {
		return nil
	}
	r := sol.Explain()
	return &text{ZH: r.ZH, EN: r.In("en")}
}
