package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"fyp/internal/bilingual"
	"fyp/internal/inputfile"
	"fyp/internal/numfmt"
	"fyp/internal/numfmt/quantity"
	"fyp/model"
)

// simFlags are simulate's own flags; 0 / unset means "the scenario's or
// the default".
type simFlags struct {
	draws   int
	seed    uint64
	seedSet bool
	workers int
	scope   string
	bands   bool
	program bool
	// maxMemory is the budget in bytes a run may use (0: simBudget).
	maxMemory int64
	// command is set by fyp simulate, whose user can give --draws and
	// --max-memory; run, report and charts simulate with their own.
	command bool
}

// simBudget is the memory a simulation may use unless --max-memory says
// otherwise: 2 GB, about 3 million draws of the embedded plan. A variable
// only so that tests can lower it instead of building huge plans.
var simBudget int64 = 2 << 30

// maxWorkers is the most goroutines a simulation uses: 64, or one per CPU
// on a larger machine. The work is all computing, so more than the CPUs
// gains nothing, and each worker holds two buffers as long as the draws.
func maxWorkers() int { return max(64, runtime.NumCPU()) }

func simulateCmd(o *options) *cobra.Command {
	f := &simFlags{command: true}
	var maxMem string
	c := &cobra.Command{
		Use:   "simulate",
		Short: "蒙特卡洛模拟：每项目标实现的概率 · the probability of meeting each target",
		Long: `对带不确定性的指标逐年抽样（年增速或年增量加上自相关、可相关的随机冲击），给出每项目标实现的概率
及其蒙特卡洛标准误 √(p(1−p)/n)，以及目标指标的 5/25/50/75/95 分位数；--bands 给出各指标逐年分位数（扇形图数据）。
相同的 --seed 无论 --workers 多少都给出完全相同的结果。未给出情景时使用内置的默认波动率（均为假设，见 model/simulate_default.go）。
运行前估计所需内存，超过 --max-memory（默认 2GB，约 300 万次抽样）时拒绝运行。

Draws many paths of the indicators that carry uncertainty (each year's growth rate or step plus
an autocorrelated shock, correlated across indicators) and reports, for every target, the
probability that it is met with its Monte Carlo standard error √(p(1−p)/n) and the 5/25/50/75/95th
percentiles of the target's metric; --bands gives each indicator's percentiles year by year (the
fan-chart data). The same --seed gives identical output whatever --workers is. Without a scenario
the built-in default volatilities apply (all assumptions; see model/simulate_default.go). The
memory a run needs is estimated before it starts; a run over --max-memory (default 2GB, about 3
million draws) is refused.`,
		Example: `  fyp simulate
  fyp simulate --draws 100000 --seed 1 --format csv
  fyp simulate --bands --format json --lang en`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := o.check("table", "csv", "json", "md"); err != nil {
				return err
			}
			f.seedSet = c.Flags().Changed("seed")
			if err := checkScope(f.scope); err != nil {
				return err
			}
			if c.Flags().Changed("draws") && (f.draws < 1 || f.draws > 10_000_000) {
				return badInput2("--draws %d：应为1到10000000", "--draws %d: expected 1 to 10000000", f.draws)
			}
			if f.workers < 1 {
				return badInput2("--workers %d：至少为1", "--workers %d: expected at least 1", f.workers)
			}
			if n := maxWorkers(); f.workers > n {
				fmt.Fprintf(o.stderr, L(o.lang, "注意：--workers %d 超过上限 %d，按 %d 个运行（结果与之无关）\n",
					"note: --workers %d is over the limit of %d; using %d (the result does not depend on it)\n"), f.workers, n, n)
				f.workers = n
			}
			if maxMem != "" {
				b, err := parseBytes(maxMem)
				if err != nil {
					return badInput2("--max-memory %q：%v", "--max-memory %q: %v", maxMem, err)
				}
				f.maxMemory = b
			}
			if f.program {
				return writeProgram(o)
			}
			sims, err := runSimulations(o, f)
			if err != nil {
				return err
			}
			if f.bands {
				return writeBands(o.stdout, sims, o.format, o.lang)
			}
			return writeSimulation(o.stdout, sims, f.scope, o.format, o.lang)
		},
	}
	addFormat(c, o, "table", "csv", "json", "md")
	addScenarioFlag(c, &o.scenarios, "")
	c.Flags().IntVar(&f.draws, "draws", 0, "number of draws (default: the scenario's, else 10000)")
	c.Flags().Uint64Var(&f.seed, "seed", 0, "random seed (default: the scenario's, else 20210609)")
	c.Flags().IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "goroutines to use (at most 64, or one per CPU on a larger machine); the result does not depend on it")
	c.Flags().StringVar(&maxMem, "max-memory", "", "memory a run may use, e.g. 4GB (default 2GB); a run estimated above it is refused before it starts")
	c.Flags().StringVar(&f.scope, "scope", "main", "which targets: main (the main table and the 2035 goals) or all")
	c.Flags().BoolVar(&f.bands, "bands", false, "print each simulated indicator's percentiles year by year instead")
	c.Flags().BoolVar(&f.program, "program", false, "print the compiled simulation program as JSON (for bench/sim.py)")
	_ = c.Flags().MarkHidden("program")
	return c
}

// writeProgram prints the compiled program of the first input, so that
// bench/sim.py runs exactly the same job.
func writeProgram(o *options) error {
	ins, err := simInputs(o)
	if err != nil {
		return err
	}
	prog, err := model.Compile(ins[0].pr, ins[0].u)
	if err != nil {
		return err
	}
	nums := func(v []float64) []num {
		out := make([]num, len(v))
		for i, x := range v {
			out[i] = num(x)
		}
		return out
	}
	type series struct {
		ID      string   `json:"id"`
		Shock   int      `json:"shock"`
		Band    bool     `json:"band"`
		Start   num      `json:"start"`
		Op      []string `json:"op"`
		C       []num    `json:"c"`
		F       []num    `json:"f"`
		Level   []num    `json:"level"`
		Obs     []num    `json:"obs"`
		K       num      `json:"k"`
		Derived string   `json:"derived"`
		Of      []int    `json:"of"`
		X0      num      `json:"x0"`
		OfBase  []num    `json:"of_base"`
		Clamp   bool     `json:"clamp"`
		Lo, Hi  num
	}
	type target struct {
		Series int     `json:"series"`
		Kind   string  `json:"kind"`
		From   int     `json:"from"`
		Year   int     `json:"year"`
		Value  float64 `json:"value"`
		Dir    float64 `json:"dir"`
		Tol    float64 `json:"tol"`
		X0     num     `json:"x0"`
		Ref    *int    `json:"ref,omitempty"` // a relative target's reference series
	}
	out := struct {
		Base    int              `json:"base"`
		Years   int              `json:"years"`
		Series  []series         `json:"series"`
		Shocks  []model.SimShock `json:"shocks"`
		Chol    [][]float64      `json:"chol"`
		Targets []target         `json:"targets"`
	}{Base: prog.Base, Years: prog.Years, Shocks: prog.Shocks, Chol: prog.DenseChol()}
	for _, s := range prog.Series {
		ops := make([]string, len(s.Op))
		for i, op := range s.Op {
			ops[i] = op.String()
		}
		out.Series = append(out.Series, series{ID: s.ID, Shock: s.Shock, Band: s.Band, Start: num(s.Start), Op: ops, C: nums(s.C), F: nums(s.F),
			Level: nums(s.Level), Obs: nums(s.Obs), K: num(s.K), Derived: string(s.Derived), Of: s.Of, X0: num(s.X0), OfBase: nums(s.OfBase),
			Clamp: s.Clamp, Lo: num(s.Lo), Hi: num(s.Hi)})
	}
	for _, t := range prog.Targets {
		tj := target{Series: t.Series, Kind: string(t.Target.Kind), From: t.Target.From, Year: t.Target.Year,
			Value: t.Target.Value, Dir: t.Dir, Tol: t.Tol, X0: num(t.X0)}
		if t.Target.Relative() {
			ref := t.Ref
			tj.Ref = &ref
		}
		out.Targets = append(out.Targets, tj)
	}
	return writeJSON(o.stdout, out)
}

// simInput is one projection and the uncertainty to simulate it with.
type simInput struct {
	pr   *model.Projection
	u    model.Uncertainty
	none []model.Unmodelled // targets the default uncertainty leaves unmodelled, and why
}

// simInputs chooses what to simulate. Until scenarios carry an
// uncertainty section this is the plan's own projection with
// model.DefaultUncertainty; a scenario's Uncertainty, when set, replaces it.
func simInputs(o *options) ([]simInput, error) {
	p, err := o.loadPlan()
	if err != nil {
		return nil, err
	}
	scs, err := o.loadScenarios(p, o.scenarios)
	if err != nil {
		return nil, err
	}
	prs, err := projectAll(p, scs, 0)
	if err != nil {
		return nil, err
	}
	ins := make([]simInput, len(prs))
	for i, pr := range prs {
		// A scenario without an uncertainty section gets the documented defaults.
		u, none := model.DefaultUncertaintyFor(pr)
		if pr.Scenario != nil && pr.Scenario.Uncertainty != nil {
			u, none = *pr.Scenario.Uncertainty, nil
		}
		ins[i] = simInput{pr, u, none}
	}
	return ins, nil
}

// runSimulations simulates every input, resolving draws and seed (flag,
// else the scenario's, else the default).
func runSimulations(o *options, f *simFlags) ([]*model.Simulation, error) {
	ins, err := simInputs(o)
	if err != nil {
		return nil, err
	}
	// A simulation allocates its working set once and keeps it to the end;
	// collecting while that set grows (4, 8, 16 … MB) only costs time
	// (≈10 % of a 100,000-draw run). Collect less often while it runs.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	var out []*model.Simulation
	for _, in := range ins {
		opt := model.SimOptions{Draws: model.DefaultDraws, Seed: model.DefaultSeed, Workers: f.workers}
		if in.u.Draws > 0 {
			opt.Draws = in.u.Draws
		}
		if in.u.Seed != 0 {
			opt.Seed = in.u.Seed
		}
		if f.draws > 0 {
			opt.Draws = f.draws
		}
		if f.seedSet {
			opt.Seed = f.seed
		}
		asked := opt.Draws
		if opt.Draws, err = checkSimMemory(in, opt, f.maxMemory, f.command); err != nil {
			return nil, err
		}
		if opt.Draws < asked {
			// run, report and charts: fewer draws rather than no bundle, said
			// here and in every table of the probabilities (simReducedNote)
			fmt.Fprintf(o.stderr, "%s\n", simReducedNote(in.pr.Name(), opt.Draws, asked, o.lang))
		}
		opt.Progress = progressBar(o.stderr, in.pr.Name(), o.lang)
		sim, err := model.Simulate(in.pr, in.u, opt)
		if err != nil {
			return nil, err
		}
		if opt.Draws < asked {
			sim.Asked = asked
		}
		for _, n := range in.none {
			sim.Warnings = append(sim.Warnings, model.Warning{Indicator: n.ID, Message: n.Reason.In(o.lang)})
		}
		out = append(out, sim)
	}
	return out, nil
}

// minReducedDraws is the fewest draws run, report and charts reduce a
// simulation to when the default does not fit the memory budget: at 1,000
// draws a probability's standard error is at most 1.6 percentage points.
const minReducedDraws = 1000

// checkSimMemory returns the draws to simulate with, before anything is
// allocated: opt.Draws when its estimated memory (model.SimMemory) fits the
// budget (0: simBudget). Over it, fyp simulate (command) is refused, its
// user can give --draws and --max-memory; run, report and charts, whose
// draws are their own, get the most draws that fit, down to
// minReducedDraws, and are refused below it.
func checkSimMemory(in simInput, opt model.SimOptions, budget int64, command bool) (int, error) {
	if budget <= 0 {
		budget = simBudget
	}
	need, err := model.SimMemory(in.pr, in.u, opt)
	if err != nil {
		return 0, err
	}
	if need <= budget {
		return opt.Draws, nil
	}
	if command {
		return 0, badInput2("按%[2]d次抽样模拟%[1]s约需%[3]s内存，超过%[4]s的预算：请减少 --draws，或在机器内存足够时调高 --max-memory", "simulating %s with %d draws needs about %s of memory, over the budget of %s: use fewer --draws, or raise --max-memory if the machine has the memory",
			in.pr.Name(), opt.Draws, inputfile.Size(need), inputfile.Size(budget))
	}
	n, err := model.SimDrawsWithin(in.pr, in.u, opt, budget)
	if err != nil {
		return 0, err
	}
	if n >= minReducedDraws {
		return n, nil
	}
	floor := opt
	floor.Draws = minReducedDraws
	need, err = model.SimMemory(in.pr, in.u, floor)
	if err != nil {
		return 0, err
	}
	return 0, badInput2("按%[2]d次抽样模拟%[1]s也需约%[3]s内存，超过%[4]s的预算：规划的指标太多（%[5]d个），无法生成概率表和图；可用 fyp simulate 减少 --draws 单独模拟", "simulating %[1]s needs about %[3]s of memory even with %[2]d draws, over the budget of %[4]s: the plan has too many indicators (%[5]d) for the probability tables and charts; simulate it alone with fyp simulate and fewer --draws",
		in.pr.Name(), minReducedDraws, inputfile.Size(need), inputfile.Size(budget), len(in.pr.Plan.Indicators))
}

// simReducedNote says that the memory budget reduced a simulation to draws
// from asked, and what that costs: standard errors √(asked/draws) times as
// large.
func simReducedNote(name string, draws, asked int, lang string) string {
	k := fmtNum(math.Sqrt(float64(asked)/float64(draws)), 2)
	return fmt.Sprintf(L(lang,
		"注意［%s］模拟次数按内存上限减为%s次（默认%s次），概率的标准误相应增大（约为默认的%s倍）",
		"Warning [%s] the number of draws is reduced to %s (default %s) to fit the memory budget; the probabilities' standard errors grow accordingly (about %s times the default's)"),
		name, numfmt.Thousands(draws), numfmt.Thousands(asked), k)
}

// parseBytes reads a size such as 2GB, 512MB, 1.5G or 800000000 (bytes).
func parseBytes(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "B"), "I")
	mult := 1.0
	for _, u := range []struct {
		suffix string
		m      float64
	}{{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"T", 1 << 40}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.m
			break
		}
	}
	x, err := strconv.ParseFloat(t, 64)
	if err != nil || !(x > 0) || x*mult > 1<<50 {
		return 0, bilingual.Errorf("应为内存大小，如4GB或512MB", "expected a size such as 4GB or 512MB")
	}
	return int64(x * mult), nil
}

// progressBar draws a bar on stderr when it is a terminal and the run has
// taken more than a moment; otherwise it returns nil and nothing is drawn.
func progressBar(w io.Writer, name, lang string) func(done, total int) {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	start, shown := time.Now(), false
	return func(done, total int) {
		if !shown && time.Since(start) < 300*time.Millisecond {
			return
		}
		shown = true
		const width = 30
		k := width * done / total
		fmt.Fprintf(f, "\r%s [%s] %s %d/%d %s", L(lang, "模拟", "simulating"), name,
			strings.Repeat("█", k)+strings.Repeat("░", width-k), done, total, L(lang, "年", "years"))
		if done == total {
			fmt.Fprint(f, "\r\033[K")
		}
	}
}

type simJSON struct {
	ID         string `json:"id"`
	Scenario   string `json:"scenario"`
	Year       int    `json:"year"`
	Kind       string `json:"kind"`
	Bound      string `json:"bound"`
	RelativeTo string `json:"relative_to,omitempty"`
	Target     num    `json:"target"`
	Central    num    `json:"central"`
	PMet       num    `json:"p_met"`
	PSE        num    `json:"p_se"`
	P5         num    `json:"p5"`
	P25        num    `json:"p25"`
	P50        num    `json:"p50"`
	P75        num    `json:"p75"`
	P95        num    `json:"p95"`
	Stochastic bool   `json:"stochastic"`
	Draws      int    `json:"draws"`
	Seed       uint64 `json:"seed"`
	Status     string `json:"status"`
	Reason     string `json:"reason,omitempty"`
}

func simRows(sims []*model.Simulation, scope, lang string) []simJSON {
	var out []simJSON
	for _, sim := range sims {
		for _, t := range sim.Targets {
			if t.Target.Kind == model.Delegated || !inScope(model.Assessment{Indicator: t.Indicator, Target: t.Target}, sim.Projection.Plan, scope) {
				continue
			}
			p, se := t.PMet, t.SE
			if !t.Stochastic {
				p, se = math.NaN(), math.NaN() // no draw varied it: not a probability
			}
			out = append(out, simJSON{
				ID: t.Indicator.ID, Scenario: t.Scenario, Year: t.Target.Year, Kind: string(t.Target.Kind), Bound: string(t.Target.Bound),
				RelativeTo: t.Target.RelativeTo, Target: num(t.Target.Value), Central: num(t.Central), PMet: num(p), PSE: num(se),
				P5: num(t.Q[0]), P25: num(t.Q[1]), P50: num(t.Q[2]), P75: num(t.Q[3]), P95: num(t.Q[4]),
				Stochastic: t.Stochastic, Draws: sim.Draws, Seed: sim.Seed, Status: string(t.Status), Reason: t.Reason.In(lang),
			})
		}
	}
	return out
}

func writeSimulation(w io.Writer, sims []*model.Simulation, scope, format, lang string) error {
	rows := simRows(sims, scope, lang)
	switch format {
	case "json":
		return writeJSON(w, rows)
	case "csv":
		t := &table{Head: []string{"id", "scenario", "year", "kind", "bound", "target", "central", "p_met", "p_se", "p5", "p25", "p50", "p75", "p95", "stochastic", "draws", "seed", "status", "relative_to"}}
		for _, r := range rows {
			t.Rows = append(t.Rows, []string{r.ID, r.Scenario, fmt.Sprint(r.Year), r.Kind, r.Bound, g6(r.Target), g6(r.Central), g6(r.PMet), g6(r.PSE),
				g6(r.P5), g6(r.P25), g6(r.P50), g6(r.P75), g6(r.P95), fmt.Sprint(r.Stochastic), fmt.Sprint(r.Draws), fmt.Sprint(r.Seed), r.Status, r.RelativeTo})
		}
		return t.write(w, "csv")
	}
	return simulationTable(sims, scope, lang).write(w, format)
}

type bandJSON struct {
	ID       string `json:"id"`
	Scenario string `json:"scenario"`
	Year     int    `json:"year"`
	Scale    string `json:"scale"`
	Central  num    `json:"central"`
	P5       num    `json:"p5"`
	P25      num    `json:"p25"`
	P50      num    `json:"p50"`
	P75      num    `json:"p75"`
	P95      num    `json:"p95"`
}

func bandRows(sims []*model.Simulation) []bandJSON {
	var out []bandJSON
	for _, sim := range sims {
		for _, b := range sim.Bands {
			for i, q := range b.Q {
				out = append(out, bandJSON{ID: b.ID, Scenario: sim.Projection.Name(), Year: b.Start + i, Scale: string(b.Scale), Central: num(b.Central[i]),
					P5: num(q[0]), P25: num(q[1]), P50: num(q[2]), P75: num(q[3]), P95: num(q[4])})
			}
		}
	}
	return out
}

func writeBands(w io.Writer, sims []*model.Simulation, format, lang string) error {
	rows := bandRows(sims)
	if format == "json" {
		return writeJSON(w, rows)
	}
	t := &table{Head: []string{"id", "scenario", "year", "scale", "central", "p5", "p25", "p50", "p75", "p95"}}
	scale := func(s string) string { return s }
	if format != "csv" {
		t.Title = L(lang, "各指标逐年分位数（扇形图数据）", "Each indicator's percentiles year by year (fan-chart data)")
		if lang != "en" {
			// A table for people: Chinese headings and scales; the CSV
			// keeps its column ids and codes.
			t.Head = []string{"id", "情景", "年份", "口径", "中心值", "P5", "P25", "P50", "P75", "P95"}
			scale = func(s string) string { return scaleZH[model.Scale(s)] }
		}
	}
	for _, r := range rows {
		t.Rows = append(t.Rows, []string{r.ID, r.Scenario, fmt.Sprint(r.Year), scale(r.Scale), g6(r.Central), g6(r.P5), g6(r.P25), g6(r.P50), g6(r.P75), g6(r.P95)})
	}
	return t.write(w, format)
}

// scaleZH names a series' scale in Chinese tables.
var scaleZH = map[model.Scale]string{model.ScaleLevel: "水平值", model.ScaleIndex: "指数（基期=100）", model.ScaleChange: "较基期变化"}

func g6(v num) string { return fmtNum(round(float64(v), 6), 6) }

// simulationTable is the probability of meeting each target in scope, with
// the percentiles of its metric, scenario by scenario.
func simulationTable(sims []*model.Simulation, scope, lang string) *table {
	t := &table{Title: L(lang, "目标实现概率", "Probability of meeting each target") + " · " + sims[0].Projection.Plan.Title.In(lang)}
	t.Head = []string{L(lang, "指标", "Indicator"), L(lang, "情景", "Scenario"), L(lang, "年份", "Year"), L(lang, "目标", "Target"),
		L(lang, "实现概率", "P(met)"), "±se", "P5", "P25", "P50", "P75", "P95"}
	for _, sim := range sims {
		for _, ts := range sim.Targets {
			if ts.Target.Kind == model.Delegated || !inScope(model.Assessment{Indicator: ts.Indicator, Target: ts.Target}, sim.Projection.Plan, scope) {
				continue
			}
			name := ts.Indicator.Name.In(lang)
			if ts.Indicator.Attribute == model.Binding {
				name = "★" + name
			}
			p, se := "—", "—"
			if ts.Status == model.Assessed {
				p, se = quantity.Table.Prob(ts.PMet), fmtNum(100*ts.SE, 1)
				if !ts.Stochastic {
					p, se = L(lang, "未建模", "not modelled"), "—"
				}
			}
			row := []string{name, ts.Scenario, fmt.Sprint(ts.Target.Year), goalText(ts.Target, lang), p, se}
			for _, q := range ts.Q {
				row = append(row, fmtValue(q))
			}
			t.Rows = append(t.Rows, row)
		}
		t.Notes = append(t.Notes, fmt.Sprintf(L(lang,
			"[%s] %d 次抽样，种子 %d。实现概率 = 达标抽样的比例，±se 为蒙特卡洛标准误（百分点）；P5…P95 为目标指标（增速目标为年均增速%%）的分位数。\"未建模\"：没有随机冲击影响该指标，分位数即确定路径的值。未给出情景不确定性时，波动率为按序列类型的默认假设（见 README）。",
			"[%s] %d draws, seed %d. P(met) is the share of draws that meet the target, ±se its Monte Carlo standard error (pp); P5…P95 are percentiles of the target's metric (average growth %% for growth targets). \"not modelled\": no shock reaches the indicator; the percentiles are its deterministic path. Without a scenario's uncertainty section the volatilities are assumed defaults by kind of series (see the README)."),
			sim.Projection.Name(), sim.Draws, sim.Seed))
		if sim.Asked > 0 {
			t.Notes = append(t.Notes, simReducedNote(sim.Projection.Name(), sim.Draws, sim.Asked, lang))
		}
		for _, wn := range sim.Warnings {
			if ind := sim.Projection.Plan.Indicator(wn.Indicator); ind != nil && !inScope(model.Assessment{Indicator: ind, Target: model.Target{Year: sim.Projection.Plan.TargetYear}}, sim.Projection.Plan, scope) {
				continue // about a target the table does not show
			}
			t.Notes = append(t.Notes, L(lang, "注意", "Warning")+" ["+sim.Projection.Name()+"] "+wn.In(lang))
		}
	}
	return t
}
