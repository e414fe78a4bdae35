package web

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"net/http"
	"sort"
	"strconv"

	"fyp/charts"
	"fyp/model"
)

// ---- POST /api/assess

type assessRequest struct {
	State
	Charts bool `json:"charts"`
}

// Row is one target under the page's scenario.
type Row struct {
	ID      string `json:"id"`
	Ref     string `json:"ref"` // ID@YEAR, for /api/solve
	Key     string `json:"key"` // ID@YEAR#N (N: the target's place among the indicator's), unique in the table
	No      int    `json:"no"`
	Name    text   `json:"name"`
	Unit    text   `json:"unit"`
	Binding bool   `json:"binding"`
	Year    int    `json:"year"`
	Kind    string `json:"kind"`
	Bound   string `json:"bound"`
	Target  jnum   `json:"target"`
	// RelativeTo: a growth target measured against another indicator's
	// growth (收入增速不低于经济增速); target and projected are then the
	// difference in percentage points.
	RelativeTo   string `json:"relative_to,omitempty"`
	RelativeName *text  `json:"relative_name,omitempty"`
	Projected    jnum   `json:"projected"`
	Met          *bool  `json:"met"`
	Margin       jnum   `json:"margin"`
	Required     jnum   `json:"required_rate_pct"`
	Assumed      jnum   `json:"assumed_rate_pct"`
	Historical   jnum   `json:"historical_rate_pct"`
	PaceUnit     text   `json:"rate_unit"`
	Status       string `json:"status"`
	Reason       *text  `json:"reason,omitempty"` // {zh, en}, as the row tooltip shows it
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
	rs, err := s.resolve(r.Context(), req.State)
	if err != nil {
		return err
	}
	key := "assess\x00" + rs.st.Plan + "\x00" + rs.st.Lang + "\x00" + strconv.FormatBool(req.Charts) + "\x00" + string(rs.yaml)
	return s.serveQueued(w, r, key, prioTable, func(ctx context.Context) (any, error) {
		return s.assess(ctx, rs, req.Charts)
	})
}

// assess is the table, and the charts when asked, of a state. It stops
// early (returning ctx.Err()) when ctx ends.
func (s *Server) assess(ctx context.Context, rs *resolved, withCharts bool) (*assessResponse, error) {
	pr, err := s.project(ctx, rs)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return assessProjection(rs, pr, withCharts, false)
}

// project is the projection of a state, computed once for its table and
// its simulation.
func (s *Server) project(ctx context.Context, rs *resolved) (*model.Projection, error) {
	v, err := s.cache.get(ctx, "project\x00"+rs.st.Plan+"\x00"+string(rs.yaml), func(context.Context) (any, error) {
		return model.Project(rs.plan.plan, rs.scenario)
	})
	if err != nil {
		return nil, err
	}
	return v.(*model.Projection), nil
}

// assessProjection is the table (and charts) of one projection of the
// state's plan; synthetic stamps the charts as drawn from invented
// observed figures.
func assessProjection(rs *resolved, pr *model.Projection, withCharts, synthetic bool) (*assessResponse, error) {
	p := rs.plan.plan
	var err error
	as := model.Assess(pr)
	out := &assessResponse{Plan: p.ID, Scenario: rs.st.Scenario, Query: rs.st.Query().Encode(), Counts: map[string]int{}, Warnings: append([]string{}, rs.warnings...)}
	for _, wn := range pr.Warnings {
		out.Warnings = append(out.Warnings, wn.In(rs.st.Lang))
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
		out.Charts, err = drawCharts(rs, pr, as, synthetic)
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// rowKey names a target uniquely in the table: an indicator may have two
// targets in one year (industrial value added: growth and level).
func rowKey(ind *model.Indicator, t model.Target) string {
	for i, u := range ind.Targets {
		if u == t {
			return fmt.Sprintf("%s@%d#%d", ind.ID, t.Year, i)
		}
	}
	return fmt.Sprintf("%s@%d", ind.ID, t.Year)
}

func rowOf(p *model.Plan, a model.Assessment) Row {
	ind := a.Indicator
	r := Row{ID: ind.ID, Ref: fmt.Sprintf("%s@%d", ind.ID, a.Target.Year), Key: rowKey(ind, a.Target), No: ind.No, Name: textOf(ind.Name), Unit: textOf(ind.Unit),
		Binding: ind.Attribute == model.Binding, Year: a.Target.Year, Kind: string(a.Target.Kind), Bound: string(a.Target.Bound),
		Target: jnum(a.Target.Value), Projected: jnum(a.Projected), Margin: jnum(a.Margin), Required: jnum(a.Required),
		Assumed: jnum(a.Assumed), Historical: jnum(a.Historical), Status: string(a.Status)}
	if a.Reason != (model.Text{}) {
		r.Reason = &text{ZH: a.Reason.ZH, EN: a.Reason.In("en")}
	}
	if a.Target.Kind == model.Delegated {
		r.Target = jnum(math.NaN())
	}
	if a.Target.RelativeTo != "" {
		r.RelativeTo = a.Target.RelativeTo
		n := textOf(a.Target.RelativeName)
		r.RelativeName = &n
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
func drawCharts(rs *resolved, pr *model.Projection, as []model.Assessment, synthetic bool) (map[string]string, error) {
	o := charts.Options{Lang: rs.st.Lang, Format: "svg", Scenarios: []string{PlanRules, CustomName}, Synthetic: synthetic}
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
