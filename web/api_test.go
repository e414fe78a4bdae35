package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"fyp/charts"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"fyp/model"
	"fyp/scenarios"
	"fyp/seeds"

	"fyp/internal/bilingual"
)

var (
	testOnce sync.Once
	testSrv  *Server
	testErr  error
)

// server is one Server for the package's tests (loading the plans and
// scenarios takes a moment).
func server(t testing.TB) *Server {
	testOnce.Do(func() { testSrv, testErr = New(Config{}) })
	if testErr != nil {
		t.Fatal(testErr)
	}
	return testSrv
}

// call sends one request to the handler and returns the status and body.
func call(t testing.TB, method, target, body string) (int, string) {
	t.Helper()
	var r *http.Request
	if body == "" {
		r = httptest.NewRequest(method, target, nil)
	} else {
		r = httptest.NewRequest(method, target, strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
	}
	r.Host = "127.0.0.1:8080"
	w := httptest.NewRecorder()
	server(t).Handler().ServeHTTP(w, r)
	b, _ := io.ReadAll(w.Result().Body)
	return w.Code, string(b)
}

// TestBadInput: every bad parameter is refused with 400 (or 404, 413, 415
// for what they mean) and a message naming it, never a 500.
func TestBadInput(t *testing.T) {
	big := `{"settings":{"gdp.rate":5},"plan":"` + strings.Repeat("x", MaxBody) + `"}`
	cases := []struct {
		name, method, target, body string
		status                     int
		want                       string
	}{
		{"unknown plan", "GET", "/api/plan?id=jiangjin-15", "", 400, `plan \"jiangjin-15\": expected one of jiangjin-14, jiangjin-13; did you mean \"jiangjin-14\" or \"jiangjin-13\"?`},
		{"unknown scenario", "GET", "/api/plan?scenario=hgh", "", 400, `scenario \"hgh\": expected one of plan, baseline`},
		{"unknown parameter", "GET", "/api/plan?idd=x", "", 400, `unknown parameter \"idd\"`},
		{"repeated parameter", "GET", "/api/plan?id=a&id=b", "", 400, `given 2 times`},
		{"plans takes nothing", "GET", "/api/plans?x=1", "", 400, `takes no parameters`},
		{"empty body", "POST", "/api/assess", " ", 400, `request body: empty`},
		{"not JSON", "POST", "/api/assess", "gdp=5", 400, `request body: invalid character`},
		{"unknown field", "POST", "/api/assess", `{"setings":{}}`, 400, `unknown field \"setings\"`},
		{"two values", "POST", "/api/assess", `{} {}`, 400, `more than one JSON value`},
		{"wrong type", "POST", "/api/assess", `{"settings":{"gdp.rate":"six"}}`, 400, `request body: cannot unmarshal string`},
		{"bad lang", "POST", "/api/assess", `{"lang":"fr"}`, 400, `lang \"fr\": expected zh or en`},
		{"key without kind", "POST", "/api/assess", `{"settings":{"gdp":5}}`, 400, `gdp: expected ID.rate (percent a year) or ID.step`},
		{"misspelt indicator", "POST", "/api/assess", `{"settings":{"gdpp.rate":5}}`, 400, `gdpp.rate: unknown indicator \"gdpp\"; did you mean \"gdp\"?`},
		{"rate and step", "POST", "/api/assess", `{"settings":{"gdp.rate":5,"gdp.step":1}}`, 400, `give an indicator a rate or a step, not both`},
		{"huge value", "POST", "/api/assess", `{"settings":{"gdp.rate":1e300}}`, 400, `gdp.rate: 1e+300 is out of range`},
		// The loader's own messages, as `fyp validate` gives them.
		{"rate of -100 %", "POST", "/api/assess", `{"scenario":"baseline","settings":{"gdp.rate":-100}}`, 400, `gdp.rate: a rate of -100% a year or less wipes the level out`},
		{"share out of bounds", "POST", "/api/assess", `{"scenario":"baseline","settings":{"forest_coverage.step":10}}`, 400, `forest_coverage: this linear rule takes forest_coverage outside its bounds [0, 100]`},
		{"over-determined identity", "POST", "/api/assess", `{"scenario":"baseline","settings":{"gdp_per_capita.rate":5}}`, 400, `gdp_per_capita`},
		{"draws too many", "POST", "/api/simulate", `{"draws":100000000}`, 400, `draws 100000000: expected 1 to 100000`},
		{"draws negative", "POST", "/api/simulate", `{"draws":-1}`, 400, `draws -1: expected 1 to 100000`},
		{"solve: bad target", "POST", "/api/solve", `{"target":"gdp_per_capita","vary":"gdp.rate"}`, 400, `target \"gdp_per_capita\": expected ID@YEAR`},
		{"solve: no target that year", "POST", "/api/solve", `{"target":"gdp_per_capita@2030","vary":"gdp.rate"}`, 400, `gdp_per_capita has no numeric target in 2030`},
		{"solve: bad knob", "POST", "/api/solve", `{"target":"gdp_per_capita@2025","vary":"gdp.speed"}`, 400, `vary \"gdp.speed\": expected ID.rate or ID.step`},
		{"solve: derived knob", "POST", "/api/solve", `{"scenario":"baseline","target":"gdp_per_capita@2025","vary":"gdp_per_capita.rate"}`, 400, `gdp_per_capita is derived in this scenario`},
		{"scenario: bad number", "GET", "/api/scenario?gdp.rate=six", "", 400, `gdp.rate: \"six\" is not a number`},
		{"scenario: unknown parameter", "GET", "/api/scenario?colour=red", "", 400, `unknown parameter \"colour\"`},
		{"not JSON content", "POST", "/api/assess", "", 415, `expected a JSON body`},
		{"body too large", "POST", "/api/assess", big, 413, `request body larger than 10 MB`},
		{"unknown API", "GET", "/api/nothing", "", 404, `not found: /api/nothing`},
		{"unknown asset", "GET", "/secret.txt", "", 404, `not found`},
		{"only the embedded assets", "GET", "/go.mod", "", 404, `not found`},
		{"POST to the page", "POST", "/", `{}`, 400, `only GET`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var status int
			var body string
			if c.name == "not JSON content" {
				r := httptest.NewRequest("POST", c.target, strings.NewReader(`{}`))
				r.Header.Set("Content-Type", "text/plain")
				r.Host = "127.0.0.1:8080"
				w := httptest.NewRecorder()
				server(t).Handler().ServeHTTP(w, r)
				status, body = w.Code, w.Body.String()
			} else {
				status, body = call(t, c.method, c.target, c.body)
			}
			if status != c.status || !strings.Contains(body, c.want) {
				t.Errorf("%s %s: HTTP %d %s\nwant HTTP %d with %s", c.method, c.target, status, body, c.status, c.want)
			}
			var e struct {
				Error   string
				ErrorZH string `json:"error_zh"`
			}
			if json.Unmarshal([]byte(body), &e) != nil || e.Error == "" {
				t.Errorf("the answer is not a JSON error: %s", body)
			}
			// The page shows error_zh unless its language is English:
			// the same facts, in Chinese.
			if !hanRe.MatchString(e.ErrorZH) || e.ErrorZH == e.Error || !bilingual.SameNumbers(e.ErrorZH, e.Error) {
				t.Errorf("error_zh %q should word %q in Chinese with the same numbers", e.ErrorZH, e.Error)
			}
		})
	}
}

var hanRe = regexp.MustCompile(`\p{Han}`)

// TestHostCheck: a request naming another host (DNS rebinding) is refused
// unless the server was started beyond loopback.
func TestHostCheck(t *testing.T) {
	for _, c := range []struct {
		host string
		ok   bool
	}{{"127.0.0.1:8080", true}, {"localhost:8080", true}, {"[::1]:8080", true}, {"evil.example:8080", false}, {"evil.example", false}} {
		r := httptest.NewRequest("GET", "/api/plans", nil)
		r.Host = c.host
		w := httptest.NewRecorder()
		server(t).Handler().ServeHTTP(w, r)
		if (w.Code == 200) != c.ok {
			t.Errorf("Host %s: HTTP %d, want ok=%v", c.host, w.Code, c.ok)
		}
	}
}

// TestAssess: the baseline meets every assessed main-table target; GDP at
// 5 % a year misses per-capita GDP 2025 (7.9 → 10 needs 4.83 % a year per
// head, and population grows 1.11865 % in the baseline: 1.05/1.0111865 − 1
// = 3.84 % < 4.83 %). Binding targets come first.
func TestAssess(t *testing.T) {
	get := func(body string) assessResponse {
		t.Helper()
		status, b := call(t, "POST", "/api/assess", body)
		if status != 200 {
			t.Fatalf("HTTP %d: %s", status, b)
		}
		var r assessResponse
		if err := json.Unmarshal([]byte(b), &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	find := func(r assessResponse, ref string) Row {
		for _, row := range r.Rows {
			if row.Ref == ref {
				return row
			}
		}
		t.Fatalf("no row %s", ref)
		return Row{}
	}
	base := get(`{"scenario":"baseline"}`)
	for _, row := range base.Rows {
		if row.Met != nil && !*row.Met {
			t.Errorf("baseline: %s not met", row.Ref)
		}
	}
	low := get(`{"scenario":"baseline","charts":true,"settings":{"gdp.rate":5}}`)
	pc := find(low, "gdp_per_capita@2025")
	if pc.Met == nil || *pc.Met {
		t.Fatalf("gdp 5 %%: per-capita GDP 2025 met = %v, want false", pc.Met)
	}
	if want := (1.05/1.0111865 - 1) * 100; abs(float64(pc.Assumed)-want) > 1e-6 {
		t.Errorf("assumed pace %g, want %g", float64(pc.Assumed), want)
	}
	seenExpected := false
	for _, row := range low.Rows {
		if !row.Binding {
			seenExpected = true
		} else if seenExpected {
			t.Errorf("binding target %s listed after an expected one", row.Ref)
		}
	}
	for _, id := range []string{"headline", "reach"} {
		if !strings.HasPrefix(strings.TrimSpace(low.Charts[id]), "<?xml") || !strings.Contains(low.Charts[id], "<svg") {
			t.Errorf("chart %s is not SVG: %.80q", id, low.Charts[id])
		}
	}
	if low.Query != "gdp.rate=5&lang=zh&plan=jiangjin-14&scenario=baseline" {
		t.Errorf("query %q", low.Query)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestPlan: the sliders carry the plan's pace and the previous plan's:
// GDP 6 % and 8.9 % a year, forest coverage +0.44 and +1.06 pp a year
// (51.8 → 54 over five years; 46.5 → 51.8 under the 13th plan).
func TestPlan(t *testing.T) {
	status, b := call(t, "GET", "/api/plan?id=jiangjin-14&scenario=baseline", "")
	if status != 200 {
		t.Fatalf("HTTP %d: %s", status, b)
	}
	var d planDetail
	if err := json.Unmarshal([]byte(b), &d); err != nil {
		t.Fatal(err)
	}
	want := map[string][2]float64{"gdp.rate": {6, 8.9}, "forest_coverage.step": {0.44, 1.06}}
	for _, k := range d.Knobs {
		w, ok := want[k.Key]
		if !ok {
			continue
		}
		delete(want, k.Key)
		if abs(float64(k.Plan)-w[0]) > 1e-9 || abs(float64(k.Previous)-w[1]) > 1e-9 {
			t.Errorf("%s: plan %g previous %g, want %g and %g", k.Key, float64(k.Plan), float64(k.Previous), w[0], w[1])
		}
		if !(float64(k.Min) < w[0] && w[1] < float64(k.Max)) {
			t.Errorf("%s: range [%g, %g] leaves out a mark", k.Key, float64(k.Min), float64(k.Max))
		}
	}
	if len(want) > 0 {
		t.Errorf("no slider for %v", want)
	}
	for _, k := range d.Knobs {
		if k.ID == "gdp_per_capita" && !k.Derived {
			t.Errorf("under the baseline per-capita GDP is derived (GDP / population); the slider says not")
		}
	}
}

// TestScenarioYAML: the saved file is what the loader reads, and GET and
// POST give the same bytes.
func TestScenarioYAML(t *testing.T) {
	s1, y1 := call(t, "GET", "/api/scenario?plan=jiangjin-14&scenario=trend&gdp.rate=5.5&forest_coverage.step=0.25", "")
	s2, y2 := call(t, "POST", "/api/scenario", `{"plan":"jiangjin-14","scenario":"trend","settings":{"forest_coverage.step":0.25,"gdp.rate":5.5}}`)
	if s1 != 200 || s2 != 200 || y1 != y2 {
		t.Fatalf("GET %d / POST %d differ:\n%s\n---\n%s", s1, s2, y1, y2)
	}
	p, err := seeds.Load("jiangjin-14")
	if err != nil {
		t.Fatal(err)
	}
	r, err := scenarios.Check("custom.yaml", []byte(y1), p)
	if err != nil {
		t.Fatalf("%v\n%s", err, y1)
	}
	if a := r.Scenario.Assumptions["gdp"]; a.Rate.Default != 5.5 || a.Rule != "compound" {
		t.Errorf("gdp: %+v", a)
	}
	if a := r.Scenario.Assumptions["income"]; a.Rate.Default != 9.6 {
		t.Errorf("income should come from trend (9.6): %+v", a)
	}
}

// TestSimulateAndSolve: P(met) of per-capita GDP 2025 at the plan's own
// pace is about one half (the plan path meets it exactly); at GDP 5 % it
// is far lower. Solve finds the population growth that meets it again:
// 1.05 / (10/7.9)^(1/5) − 1.
func TestSimulateAndSolve(t *testing.T) {
	pmet := func(body string) float64 {
		status, b := call(t, "POST", "/api/simulate", body)
		if status != 200 {
			t.Fatalf("HTTP %d: %s", status, b)
		}
		var r simulateResponse
		if err := json.Unmarshal([]byte(b), &r); err != nil {
			t.Fatal(err)
		}
		if r.Draws != DefaultDraws {
			t.Errorf("draws %d", r.Draws)
		}
		for _, row := range r.Rows {
			if row.Ref == "gdp_per_capita@2025" {
				return float64(row.PMet)
			}
		}
		t.Fatal("no gdp_per_capita@2025")
		return 0
	}
	// 4 standard errors of 10,000 draws around one half.
	if p := pmet(`{"scenario":"baseline"}`); abs(p-0.5) > 4*0.005 {
		t.Errorf("baseline P(met) %g, want about 0.5", p)
	}
	if p := pmet(`{"scenario":"baseline","settings":{"gdp.rate":5}}`); p > 0.3 {
		t.Errorf("GDP 5 %%: P(met) %g, want well below one half", p)
	}
	status, b := call(t, "POST", "/api/solve", `{"scenario":"baseline","settings":{"gdp.rate":5},"target":"gdp_per_capita@2025","vary":"population.rate"}`)
	if status != 200 {
		t.Fatalf("HTTP %d: %s", status, b)
	}
	var sol solveResponse
	if err := json.Unmarshal([]byte(b), &sol); err != nil {
		t.Fatal(err)
	}
	want := (1.05/pow(10/7.9, 0.2) - 1) * 100
	if !sol.Found || abs(float64(sol.Value)-want) > 1e-6 {
		t.Errorf("solve: %+v, want %g", sol, want)
	}
}

func pow(x, y float64) float64 { return math.Pow(x, y) }

// TestReview: review mode reads an uploaded observed file in memory as
// `fyp review --observed` does: problems with their row and column (400);
// the synthetic example gives forest coverage on schedule as of 2023
// (51.8 → 53.1 of 51.8 → 54: 59 % of the task, 60 % of the time).
func TestReview(t *testing.T) {
	post := func(target string, data []byte) (int, string) {
		r := httptest.NewRequest("POST", target, bytes.NewReader(data))
		r.Header.Set("Content-Type", "text/csv")
		r.Host = "127.0.0.1:8080"
		w := httptest.NewRecorder()
		server(t).Handler().ServeHTTP(w, r)
		return w.Code, w.Body.String()
	}
	bad, err := os.ReadFile("../cmd/fyp/testdata/observed-bad.csv")
	if err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile("../cmd/fyp/testdata/observed-example.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, target string
		data         []byte
		want         string
	}{
		{"bad rows", "/api/review?name=bad.csv", bad, `bad.csv:3:1: unknown indicator \"森林覆盖\"; did you mean \"森林覆盖率\"?`},
		{"empty", "/api/review?name=x.csv", nil, `x.csv: the file is empty`},
		{"as_of out of range", "/api/review?as_of=2040", good, `as_of 2040: expected a year after the base year 2020, up to 2035`},
		{"as_of not a year", "/api/review?as_of=soon", good, `as_of \"soon\": expected a year`},
		{"bad setting", "/api/review?gdp.rate=x", good, `gdp.rate: \"x\" is not a number`},
		{"not a spreadsheet", "/api/review?name=x.xlsx", []byte("PK\x03\x04 not a zip"), `x.xlsx`},
		// Impossible numbers are refused as fyp review refuses them.
		{"share above 100", "/api/review?name=x.csv", []byte("indicator,year,value\nforest_coverage,2023,150\n"), `x.csv:2:3`},
	} {
		status, body := post(c.target, c.data)
		if status != 400 || !strings.Contains(body, c.want) {
			t.Errorf("%s: HTTP %d %s\nwant 400 with %s", c.name, status, body, c.want)
		}
	}
	for _, c := range []struct {
		target string
		data   []byte
		want   string
	}{
		{"/api/review?shipped=1", good, "shipped=1 takes no file"},
		{"/api/review?shipped=yes", nil, `shipped \"yes\": expected 1`},
		{"/api/review?plan=jiangjin-13&shipped=1", nil, "no observed figures ship with plan jiangjin-13"},
	} {
		if status, body := post(c.target, c.data); status != 400 || !strings.Contains(body, c.want) {
			t.Errorf("%s: HTTP %d %s; want 400 with %s", c.target, status, body, c.want)
		}
	}
	// The real figures shipped with the plan, as fyp review --observed shipped.
	if status, body := post("/api/review?scenario=baseline&shipped=1", nil); status != 200 || !strings.Contains(body, `"file":"seeds/jiangjin-observed.csv"`) {
		t.Errorf("shipped figures: HTTP %d %.300s", status, body)
	}
	status, body := post("/api/review?scenario=baseline&name=observed-example.csv", good)
	if status != 200 {
		t.Fatalf("HTTP %d: %s", status, body)
	}
	var rv reviewResponse
	if err := json.Unmarshal([]byte(body), &rv); err != nil {
		t.Fatal(err)
	}
	if rv.AsOf != 2023 {
		t.Errorf("as of %d, want 2023 (the file's latest year)", rv.AsOf)
	}
	found := false
	for _, r := range rv.Rows {
		if r.Key == "forest_coverage@2025#0" {
			found = true
			want := (53.1 - 51.8) / (54 - 51.8)
			if r.Category != "on_schedule" || abs(float64(r.TaskDone)-want) > 1e-9 || abs(float64(r.TimeElapsed)-0.6) > 1e-12 {
				t.Errorf("forest coverage: %+v; want on_schedule, task done %g, time 0.6", r, want)
			}
		}
	}
	if !found {
		t.Error("no forest coverage row")
	}
	// GDP is chained from the example's growth rates (8.5, 3.1, 5.6): an
	// index, 2020 = 100, and the answer says so.
	gdp := false
	for _, r := range rv.Rows {
		if r.Key == "gdp@2025#0" {
			gdp = true
			if r.IndexBase != 2020 || abs(float64(r.Observed)-100*1.085*1.031*1.056) > 1e-9 {
				t.Errorf("GDP: observed %v, index base %d; want the index 118.128 with base 2020", r.Observed, r.IndexBase)
			}
		} else if r.Key == "forest_coverage@2025#0" && r.IndexBase != 0 {
			t.Error("forest coverage, a level, is marked an index")
		}
	}
	if !gdp {
		t.Error("no GDP row")
	}
	if rv.Assess == nil || !strings.Contains(rv.Assess.Charts["progress"], "<svg") {
		t.Fatal("no progress chart")
	}
	// The example says its figures are invented: the answer says so and
	// every chart of the page carries the mark, as the report's do.
	if !rv.Synthetic {
		t.Error("the synthetic example is not marked synthetic")
	}
	for id, svg := range rv.Assess.Charts {
		if !strings.Contains(svg, charts.SyntheticMark("zh")) {
			t.Errorf("chart %s of the synthetic example has no mark %q", id, charts.SyntheticMark("zh"))
		}
	}
	// Real figures carry no mark.
	_, body = post("/api/review?scenario=baseline&shipped=1", nil)
	var real reviewResponse
	if err := json.Unmarshal([]byte(body), &real); err != nil {
		t.Fatal(err)
	}
	if real.Synthetic || strings.Contains(body, charts.SyntheticMark("zh")) {
		t.Error("the shipped real figures are marked synthetic")
	}
}

// TestAnyPlan: the app works on any plan that validates, here the national
// 14th plan fixture given as --plan would give it: every endpoint answers
// 200 (no shipped scenario applies to it: only its own rules are offered).
func TestAnyPlan(t *testing.T) {
	p, err := seeds.Load("../testdata/plans/national-14.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{Plans: []*model.Plan{p}, Embedded: func(*model.Plan) bool { return false }})
	if err != nil {
		t.Fatal(err)
	}
	send := func(method, target, body string) string {
		t.Helper()
		r := httptest.NewRequest(method, target, strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		r.Host = "127.0.0.1"
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, r)
		if w.Code != 200 {
			t.Fatalf("%s %s: HTTP %d %s", method, target, w.Code, w.Body)
		}
		return w.Body.String()
	}
	var d planDetail
	if err := json.Unmarshal([]byte(send("GET", "/api/plan", "")), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Scenarios) != 1 || d.Scenarios[0].ID != PlanRules || len(d.Knobs) == 0 {
		t.Fatalf("scenarios %v, %d sliders", d.Scenarios, len(d.Knobs))
	}
	k := d.Knobs[0]
	st := fmt.Sprintf(`{"settings":{%q:%g}}`, k.Key, float64(k.Value)+float64(k.Step))
	send("POST", "/api/assess", st[:len(st)-1]+`,"charts":true}`)
	send("POST", "/api/simulate", st)
	yaml := send("POST", "/api/scenario", st)
	if strings.Contains(yaml, "plan:") || strings.Contains(yaml, "extends:") {
		t.Errorf("a scenario for a plan file names no plan and no shipped parent:\n%s", yaml)
	}
	if _, err := scenarios.Check("custom.yaml", []byte(yaml), p); err != nil {
		t.Errorf("%v\n%s", err, yaml)
	}
}

// TestSimulateNotModelled: a target no draw varies (the water-quality share
// held at its 100 % bound under the baseline) has no probability: p_met is
// null and stochastic false, never 100 %, as `fyp simulate` prints 未建模.
func TestSimulateNotModelled(t *testing.T) {
	status, b := call(t, "POST", "/api/simulate", `{"scenario":"baseline"}`)
	if status != 200 {
		t.Fatalf("HTTP %d: %s", status, b)
	}
	var r struct {
		Rows []struct {
			Ref        string   `json:"ref"`
			PMet       *float64 `json:"p_met"`
			Stochastic bool     `json:"stochastic"`
		} `json:"rows"`
	}
	if err := json.Unmarshal([]byte(b), &r); err != nil {
		t.Fatal(err)
	}
	var unmodelled, modelled int
	for _, row := range r.Rows {
		switch {
		case !row.Stochastic && row.PMet != nil:
			t.Errorf("%s: not varied by any draw, but p_met = %g", row.Ref, *row.PMet)
		case !row.Stochastic:
			unmodelled++
		case row.PMet == nil:
			t.Errorf("%s: varied, but p_met is null", row.Ref)
		default:
			modelled++
		}
	}
	if unmodelled == 0 || modelled == 0 {
		t.Errorf("%d targets not modelled, %d modelled; want some of each under the baseline", unmodelled, modelled)
	}
}

// TestSolveReasonInBothLanguages: when no value meets the target, the page
// gets why in Chinese and English (it was English only), with the same
// numbers.
func TestSolveReasonInBothLanguages(t *testing.T) {
	status, b := call(t, "POST", "/api/solve", `{"scenario":"baseline","target":"gdp@2025","vary":"forest_coverage.step"}`)
	if status != 200 {
		t.Fatalf("HTTP %d: %s", status, b)
	}
	var sol solveResponse
	if err := json.Unmarshal([]byte(b), &sol); err != nil {
		t.Fatal(err)
	}
	if sol.Found || sol.Reason == nil {
		t.Fatalf("solve: %s, want no value and a reason", b)
	}
	if !strings.Contains(sol.Reason.ZH, "在此情景下 gdp@2025 不受 forest_coverage.step 影响") || !strings.Contains(sol.Reason.EN, "gdp@2025 does not depend on forest_coverage.step") ||
		!bilingual.SameNumbers(sol.Reason.ZH, sol.Reason.EN) {
		t.Errorf("reason %+v: want both wordings of the same facts", *sol.Reason)
	}
}

// TestLoaderWarningInPageLanguage: the loader's warning on a setting (a
// rate that looks like a fraction) is in the page's language.
func TestLoaderWarningInPageLanguage(t *testing.T) {
	got := map[string]string{}
	for _, lang := range []string{"zh", "en"} {
		status, b := call(t, "POST", "/api/assess", `{"scenario":"baseline","lang":"`+lang+`","settings":{"gdp.rate":0.065}}`)
		if status != 200 {
			t.Fatalf("HTTP %d: %s", status, b)
		}
		var r struct{ Warnings []string }
		if err := json.Unmarshal([]byte(b), &r); err != nil {
			t.Fatal(err)
		}
		for _, w := range r.Warnings {
			if strings.HasPrefix(w, "gdp.rate") {
				got[lang] = w
			}
		}
	}
	if zh, en := got["zh"], got["en"]; !hanRe.MatchString(zh) || hanRe.MatchString(en) || en == "" || !bilingual.SameNumbers(zh, en) {
		t.Errorf("warnings %q (zh) and %q (en): want each in its language, with the same numbers", zh, en)
	}
}

// TestNewRefusesInBothLanguages: a plan list the app cannot serve is
// refused with the same facts in Chinese and English.
func TestNewRefusesInBothLanguages(t *testing.T) {
	p, err := seeds.Load("jiangjin-14")
	if err != nil {
		t.Fatal(err)
	}
	_, err = New(Config{Plans: []*model.Plan{p, p}})
	zh, en := `两个规划的ID都是"jiangjin-14"`, `web: two plans have the id "jiangjin-14"`
	if err == nil || bilingual.In(err, "zh") != zh || err.Error() != en || !bilingual.SameNumbers(zh, en) {
		t.Errorf("New: %v; want %q / %q", err, zh, en)
	}
}
