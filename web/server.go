// Package web is the app behind `fyp serve`: a page with one slider per
// assumption and a JSON API that answers, for any setting of the sliders,
// every target's projected value, verdict, margin and required pace, the
// headline charts (SVG, drawn by package charts), the probability of
// meeting each target (model.Simulate), the value of one assumption that
// meets a target (model.Solve) and the scenario YAML that reproduces the
// view. It calls the same packages as the command line: a State becomes a
// scenario file read by package scenarios, so the page and `fyp run -s
// FILE` compute the same thing.
//
// The server reads no file: the plans it offers are given to New (the
// embedded ones, and a --plan file the command read), and uploads are
// parsed in memory.
package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"fyp/internal/yamlcheck"
	"fyp/model"
	"fyp/scenarios"
	"fyp/seeds"

	"fyp/internal/bilingual"
)

// MaxBody is the largest request body accepted (an uploaded spreadsheet
// included).
const MaxBody = 10 << 20

// Handler timeouts: a request that runs longer gets 503 with a message.
const (
	apiTimeout      = 20 * time.Second
	simulateTimeout = 60 * time.Second
)

// cacheEntries bounds the answers kept (a table with its charts is about
// 80 kB of JSON: at most some 20 MB).
const cacheEntries = 256

// Draws bounds for /api/simulate.
const (
	DefaultDraws = 10_000
	MaxDraws     = 100_000
)

// Config is what the server offers.
type Config struct {
	// Plans are the plans to offer, the first being the default. Nil: every
	// embedded plan, the default plan first.
	Plans []*model.Plan
	// Embedded reports whether a plan is an embedded one (its id is then
	// written as the scenario's `plan:`); nil: by seeds.IDs.
	Embedded func(p *model.Plan) bool
	// Log receives one line per failed request (nil: discarded).
	Log io.Writer
	// AnyHost accepts requests for any Host name. Off, only loopback names
	// and IP addresses are served (a page elsewhere cannot reach the app
	// through DNS rebinding); serving beyond loopback turns it on.
	AnyHost bool
}

// Server answers the page and the API.
type Server struct {
	plans   []*planEntry
	byID    map[string]*planEntry
	log     io.Writer
	anyHost bool
	mux     *http.ServeMux
	cache   *cache
	// work runs the heavy computations (tables with charts, simulations,
	// reviews) at most one a core, in line.
	work *pool
}

// planEntry is one plan offered, with the starting scenarios that load
// against it.
type planEntry struct {
	id              string
	plan            *model.Plan
	embedded        bool
	scenarioIDs     []string                   // "plan" first, then the shipped ones that load
	bases           map[string]*model.Scenario // nil for "plan"
	titles          map[string]model.Text
	defaultScenario string
	planProj        *model.Projection // under the plan's own rules
	planAssess      []model.Assessment
	knobs           sync.Map // scenario id → []Knob
}

// New prepares the server: it loads every shipped scenario against each
// plan (those that do not load are not offered for it).
func New(cfg Config) (*Server, error) {
	plans := cfg.Plans
	if len(plans) == 0 {
		ids := seeds.IDs()
		sort.SliceStable(ids, func(i, j int) bool { return ids[i] == seeds.Default && ids[j] != seeds.Default })
		for _, id := range ids {
			p, err := seeds.Load(id)
			if err != nil {
				return nil, err
			}
			plans = append(plans, p)
		}
	}
	embedded := cfg.Embedded
	if embedded == nil {
		embedded = func(p *model.Plan) bool {
			for _, id := range seeds.IDs() {
				if id == p.ID {
					return true
				}
			}
			return false
		}
	}
	s := &Server{byID: map[string]*planEntry{}, log: cfg.Log, cache: newCache(cacheEntries), work: newPool(runtime.GOMAXPROCS(0))}
	s.anyHost = cfg.AnyHost
	if s.log == nil {
		s.log = io.Discard
	}
	for _, p := range plans {
		if _, dup := s.byID[p.ID]; dup {
			return nil, bilingual.Errorf("两个规划的ID都是%q", "web: two plans have the id %q", p.ID)
		}
		pe, err := newPlanEntry(p, embedded(p))
		if err != nil {
			return nil, err
		}
		s.plans = append(s.plans, pe)
		s.byID[p.ID] = pe
	}
	s.routes()
	return s, nil
}

func newPlanEntry(p *model.Plan, embedded bool) (*planEntry, error) {
	pe := &planEntry{id: p.ID, plan: p, embedded: embedded, bases: map[string]*model.Scenario{PlanRules: nil},
		titles: map[string]model.Text{PlanRules: {ZH: "规划自身规则", EN: "The plan's own rules"}}}
	pe.scenarioIDs = []string{PlanRules}
	pe.defaultScenario = PlanRules
	ids, _ := scenarios.Applicable(p) // the others are written for another plan
	for _, id := range ids {
		r, err := scenarios.Load(id, p)
		if err != nil {
			continue
		}
		pe.scenarioIDs = append(pe.scenarioIDs, id)
		pe.bases[id] = r.Scenario
		pe.titles[id] = r.Scenario.Title
		if id == "baseline" {
			pe.defaultScenario = id
		}
	}
	pr, err := model.Project(p, nil)
	if err != nil {
		return nil, bilingual.Errorf("规划%s：%v", "web: plan %s: %w", p.ID, err)
	}
	pe.planProj = pr
	pe.planAssess = model.Assess(pr)
	return pe, nil
}

// planFor returns the plan named id ("" for the default).
func (s *Server) planFor(id string) (*planEntry, error) {
	if id == "" {
		return s.plans[0], nil
	}
	pe, ok := s.byID[id]
	if !ok {
		ids := make([]string, len(s.plans))
		for i, p := range s.plans {
			ids[i] = p.id
		}
		return nil, bad("规划%q：应为%[4]s之一%[3]s", "plan %q: expected one of %s%s", id, strings.Join(ids, ", "), yamlcheck.Hint(id, ids), strings.Join(ids, "、"))
	}
	return pe, nil
}

// Handler is the app: the page, its assets and the API.
func (s *Server) Handler() http.Handler { return s.mux }

// routes registers every handler, each behind the common guards.
func (s *Server) routes() {
	m := http.NewServeMux()
	api := func(pattern string, h func(w http.ResponseWriter, r *http.Request) error, timeout time.Duration) {
		m.Handle(pattern, http.TimeoutHandler(s.guard(h), timeout, `{"error":"the request took too long and was stopped"}`))
	}
	api("GET /api/plans", s.handlePlans, apiTimeout)
	api("GET /api/plan", s.handlePlan, apiTimeout)
	api("POST /api/assess", s.handleAssess, apiTimeout)
	api("POST /api/simulate", s.handleSimulate, simulateTimeout)
	api("POST /api/solve", s.handleSolve, apiTimeout)
	api("GET /api/scenario", s.handleScenarioGet, apiTimeout)
	api("POST /api/scenario", s.handleScenarioPost, apiTimeout)
	api("POST /api/review", s.handleReview, apiTimeout)
	m.Handle("/api/", s.guard(func(w http.ResponseWriter, r *http.Request) error {
		return errNotFound
	}))
	m.Handle("/", s.guard(s.handleAsset))
	s.mux = m
}

var errNotFound = errors.New("not found")

// guard applies what every request gets: a bounded body, the Host check
// (a page on another site cannot reach the app through DNS rebinding),
// security headers, JSON content for POST, and errors as JSON: 400 with
// the message for bad input, never a stack trace.
func (s *Server) guard(h func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'")
		hd.Set("Cache-Control", "no-store")
		r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
		defer func() {
			if v := recover(); v != nil {
				fmt.Fprintf(s.log, "fyp serve: %s %s: internal error: %v\n", r.Method, r.URL.Path, v)
				writeError(w, http.StatusInternalServerError, "内部错误；请求未完成", "internal error; the request was not completed")
			}
		}()
		if !s.anyHost && !hostAllowed(r.Host) {
			writeError(w, http.StatusForbidden, fmt.Sprintf("不服务主机%q；请在应用自己的地址打开它", r.Host), fmt.Sprintf("host %q is not served; open the app at its own address", r.Host))
			return
		}
		if r.Method == http.MethodPost {
			ct := r.Header.Get("Content-Type")
			if mt, _, _ := strings.Cut(ct, ";"); strings.TrimSpace(mt) != "application/json" && !strings.HasPrefix(r.URL.Path, "/api/review") {
				writeError(w, http.StatusUnsupportedMediaType, "应为JSON正文（Content-Type: application/json）", "expected a JSON body (Content-Type: application/json)")
				return
			}
		}
		err := h(w, r)
		if err == nil {
			return
		}
		var br badRequest
		var mb *http.MaxBytesError
		switch {
		case errors.As(err, &br):
			writeError(w, http.StatusBadRequest, br.zh, br.msg)
		case errors.As(err, &mb):
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("请求正文超过%d MB", MaxBody>>20), fmt.Sprintf("request body larger than %d MB", MaxBody>>20))
		case errors.Is(err, errNotFound):
			writeError(w, http.StatusNotFound, "找不到："+r.URL.Path, "not found: "+r.URL.Path)
		case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
			// The client left (a slider that moved on) or the timeout
			// passed: nobody reads the answer.
			writeError(w, http.StatusServiceUnavailable, "请求已取消", "the request was cancelled")
		default:
			// A model error on a checked state is still a property of the
			// state (e.g. a rule that cannot run): say so, as 400.
			fmt.Fprintf(s.log, "fyp serve: %s %s: %v\n", r.Method, r.URL.Path, err)
			writeError(w, http.StatusBadRequest, bilingual.In(err, "zh"), strings.TrimPrefix(err.Error(), "model: "))
		}
	})
}

// hostAllowed accepts loopback names and literal IP addresses; any other
// name is what a DNS-rebinding page would send.
func hostAllowed(host string) bool {
	h, _, err := net.SplitHostPort(host)
	if err != nil {
		h = host
	}
	h = strings.Trim(h, "[]")
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	return net.ParseIP(h) != nil
}
