package model

import (
	"fmt"
	"math"
	"sync"
	"sync/atomic"
)

// simState is a run in progress. Draws are simulated year by year, all of
// them at once, so that only the current year's values are kept: one column
// of draws per series (plus the unclamped value for bounded series with a
// recursive rule and the AR state per shock), never whole paths.
//
// Within a year the draws go block by block (SimBlock draws, one random
// stream each), and each block's values of every band series are counted
// into a histogram while they are still in cache, so that the year's exact
// percentiles need one more pass over each column only (see bandQuantiles).
type simState struct {
	prog *SimProgram
	n    int
	out  [][]float64 // per series: this year's value of every draw
	raw  [][]float64 // per series with raw: the unclamped value its rule recurs on
	// eps is per shock the AR(1) state ε of every draw, kept in float32:
	// each year's shock is computed and applied in float64 and only the
	// state carried to the next year is rounded (relative error 6e−8, far
	// below the Monte Carlo error; a zero shock stays exactly zero). It
	// halves the largest memory stream of the year loop.
	eps   [][]float32
	rng   []*stream
	zero  []float64
	from  [][]float64 // per SimTarget: value in From, when From is after the base year
	acc   [][]float64 // per SimTarget: running sum, min or max
	undef []int
	met   []int
	tq    []Quantiles
	chol  []cholRow
	bands []int // the band series
	// active is per series whether its band percentiles (and order
	// statistics) are computed this year: every band's, or with
	// TargetsOnly only those a target of the year reads.
	active []bool
	// This year's histogram range per band series (from block 0) and,
	// per worker and band, the counts (nil: no histograms, one block).
	hr   []histRange
	hist [][][]int32
	bk   [][]uint16 // per band series: each draw's bucket this year
	// rs is per band series this year's order statistics, for the
	// targets on it (pointTarget).
	rs []rankStats
	// per worker scratch
	cens [][]int // per series: draws censored at SimFloorPct (advanceShocked)
	z    [][][]float64
	buf  [][]uint16
	buf2 [][]float64
	// observe, when set (tests), sees every year's columns.
	observe func(i int, out [][]float64)

	// fromRef is per relative SimTarget the reference's value in From,
	// when From is after the base year.
	fromRef [][]float64
}

// cholRow is row K of the Cholesky factor without its zeros: z_K ←
// Diag·z_K + Σ C[m]·z_J[m].
type cholRow struct {
	K    int
	Diag float64
	J    []int
	C    []float64
}

// sparseChol lists the rows of l that are not the identity's, last row
// first (so that the product can be formed in place); l's row and column r
// are shock of[r].
func sparseChol(of []int, l [][]float64) []cholRow {
	var rows []cholRow
	for k := len(l) - 1; k >= 0; k-- {
		row := l[k]
		if row[k] == 1 && allZero(row[:k]) {
			continue
		}
		r := cholRow{K: of[k], Diag: row[k]}
		for j, c := range row[:k] {
			if c != 0 {
				r.J, r.C = append(r.J, of[j]), append(r.C, c)
			}
		}
		rows = append(rows, r)
	}
	return rows
}

func (prog *SimProgram) run(opt SimOptions) *Simulation {
	return prog.runWith(opt, nil)
}

func (prog *SimProgram) runWith(opt SimOptions, observe func(int, [][]float64)) *Simulation {
	n := opt.Draws
	workers := max(1, opt.Workers)
	st := &simState{prog: prog, n: n, observe: observe, zero: make([]float64, SimBlock), chol: sparseChol(prog.CholOf, prog.Chol)}
	st.out = make([][]float64, len(prog.Series))
	st.raw = make([][]float64, len(prog.Series))
	for k, s := range prog.Series {
		st.out[k] = make([]float64, n)
		st.raw[k] = st.out[k]
		if s.raw {
			st.raw[k] = make([]float64, n)
		}
	}
	blocks := (n + SimBlock - 1) / SimBlock
	// The base year, block by block on the workers: writing the columns
	// the first time is where the OS maps their pages, a fair share of
	// the run, which so goes on every core.
	parallel(blocks, workers, func(_, b int) {
		lo, hi := b*SimBlock, min(n, (b+1)*SimBlock)
		for k, s := range prog.Series {
			setAll(st.out[k][lo:hi], s.Start)
			if s.raw {
				setAll(st.raw[k][lo:hi], s.Start)
			}
		}
	})
	st.eps = make([][]float32, len(prog.Shocks))
	for k := range st.eps {
		st.eps[k] = make([]float32, n)
	}
	st.rng = make([]*stream, blocks)
	for b := range st.rng {
		st.rng[b] = newStream(opt.Seed, b)
	}
	nt := len(prog.Targets)
	st.from, st.fromRef, st.acc = make([][]float64, nt), make([][]float64, nt), make([][]float64, nt)
	st.undef, st.met, st.tq = make([]int, nt), make([]int, nt), make([]Quantiles, nt)
	for k, t := range prog.Targets {
		if t.Target.From > prog.Base {
			st.from[k] = make([]float64, n)
			if t.Target.Relative() {
				st.fromRef[k] = make([]float64, n)
			}
		}
		switch t.Target.Kind {
		case Cumulative:
			st.acc[k] = make([]float64, n)
		case Floor:
			st.acc[k] = setAll(make([]float64, n), math.Inf(1))
		case Ceiling:
			st.acc[k] = setAll(make([]float64, n), math.Inf(-1))
		}
	}
	sim := &Simulation{Projection: prog.pr, Draws: n, Seed: opt.Seed, Warnings: append([]Warning(nil), prog.warnings...)}
	st.active = make([]bool, len(prog.Series))
	// targetBand: with TargetsOnly, the band series some target is on
	// (the others never need a histogram).
	targetBand := make([]bool, len(prog.Series))
	for _, t := range prog.Targets {
		targetBand[t.Series] = true
	}
	for k, s := range prog.Series {
		if s.Band {
			st.bands = append(st.bands, k)
			if opt.TargetsOnly {
				continue
			}
			ps := prog.pr.Series[s.ID]
			b := Band{ID: s.ID, Start: prog.Base, Scale: ps.Scale, Stochastic: true, Central: ps.Values, Q: make([]Quantiles, prog.Years)}
			v := ps.Values[0]
			b.Q[0] = Quantiles{v, v, v, v, v}
			sim.Bands = append(sim.Bands, b)
		}
	}
	st.rs = make([]rankStats, len(prog.Series))
	st.z = make([][][]float64, workers)
	st.buf, st.buf2 = make([][]uint16, workers), make([][]float64, workers)
	st.cens = make([][]int, workers)
	for w := range st.z {
		st.cens[w] = make([]int, len(prog.Series))
		st.z[w] = make([][]float64, len(prog.Shocks))
		for k := range st.z[w] {
			st.z[w][k] = make([]float64, SimBlock)
		}
		st.buf[w], st.buf2[w] = make([]uint16, n), make([]float64, n)
	}
	if blocks > 1 {
		st.hr = make([]histRange, len(prog.Series))
		st.bk = make([][]uint16, len(prog.Series))
		for _, k := range st.bands {
			if !opt.TargetsOnly || targetBand[k] {
				st.bk[k] = make([]uint16, n)
			}
		}
		st.hist = make([][][]int32, workers)
		for w := range st.hist {
			st.hist[w] = make([][]int32, len(prog.Series))
			for _, k := range st.bands {
				if !opt.TargetsOnly || targetBand[k] {
					st.hist[w][k] = make([]int32, histBuckets)
				}
			}
		}
	}

	if observe != nil {
		observe(0, st.out)
	}
	for i := 1; i < prog.Years; i++ {
		for _, k := range st.bands {
			st.active[k] = !opt.TargetsOnly
		}
		if opt.TargetsOnly {
			for _, t := range prog.Targets {
				if t.Target.Year == prog.Base+i && prog.Series[t.Series].Band {
					st.active[t.Series] = true
				}
			}
		}
		// Block 0 first: its values set the year's histogram ranges.
		st.step(i, 0, min(n, SimBlock), st.rng[0], st.z[0], nil, st.cens[0])
		if st.hist != nil {
			for _, k := range st.bands {
				if !st.active[k] {
					continue
				}
				st.hr[k] = newHistRange(st.out[k][:SimBlock])
				st.hr[k].count(st.hist[0][k], st.out[k][:SimBlock], st.bk[k][:SimBlock])
			}
		}
		parallel(blocks-1, workers, func(w, b int) {
			b++
			var h [][]int32
			if st.hist != nil {
				h = st.hist[w]
			}
			st.step(i, b*SimBlock, min(n, (b+1)*SimBlock), st.rng[b], st.z[w], h, st.cens[w])
		})
		if observe != nil {
			observe(i, st.out)
		}
		// The bands first: the targets use their order statistics.
		parallel(len(st.bands), workers, func(w, j int) {
			k := st.bands[j]
			if !st.active[k] {
				st.rs[k] = rankStats{}
				return
			}
			q, rs := st.bandQuantiles(k, st.buf[w])
			st.rs[k] = rs
			if !opt.TargetsOnly {
				sim.Bands[j].Q[i] = q
			}
		})
		parallel(nt, workers, func(w, k int) {
			st.target(i, k, st.buf[w], st.buf2[w])
		})
		if opt.Progress != nil {
			opt.Progress(i, prog.Years-1)
		}
	}
	for j, k := range st.bands {
		censored := 0
		for _, c := range st.cens {
			censored += c[k]
		}
		if !opt.TargetsOnly {
			sim.Bands[j].Censored = censored
		}
		if censored > 0 {
			dy := n * (prog.Years - 1)
			share := 100 * float64(censored) / float64(dy)
			zh := fmt.Sprintf("%d 个抽样年份中有 %d 个（%.2g%%）抽到的年增速不高于 −%d%%（到 −100%% 时水平值将归零或为负），按 −%d%% 计；除非该比例极小，否则该增速冲击的标准差过大，低端分位数取决于这一下限",
				dy, censored, share, -SimFloorPct, -SimFloorPct)
			msg := fmt.Sprintf("%d of %d draw-years (%.2g %%) drew a yearly growth of −%d %% or less (at −100 %% the level would vanish or turn negative) and are held at −%d %%; unless that share is tiny, the sd is too large for a shock on the growth rate and the lower percentiles depend on this floor",
				censored, dy, share, -SimFloorPct, -SimFloorPct)
			if s := prog.Series[k]; s.K > 0 {
				zh = fmt.Sprintf("%d 个抽样年份中有 %d 个（%.2g%%）抽到的年增速不高于 −%d%%，或水平值高于逻辑斯谛上限 %g，按 −%d%% 或上限计；除非该比例极小，否则该增速冲击的标准差过大，两端分位数取决于这些界限",
					dy, censored, share, -SimFloorPct, s.K, -SimFloorPct)
				msg = fmt.Sprintf("%d of %d draw-years (%.2g %%) drew a yearly growth of −%d %% or less, or a level above the logistic ceiling %g, and are held at −%d %% or at the ceiling; unless that share is tiny, the sd is too large for a shock on the growth rate and the outer percentiles depend on these limits",
					censored, dy, share, -SimFloorPct, s.K, -SimFloorPct)
			}
			sim.Warnings = append(sim.Warnings, Warning{Indicator: prog.Series[k].ID, Message: msg, ZH: zh})
		}
	}
	sim.Targets = append([]TargetSim(nil), prog.base...)
	for k, t := range prog.Targets {
		ts := &sim.Targets[t.Out]
		p := float64(st.met[k]) / float64(n)
		ts.PMet, ts.SE, ts.Q, ts.Undefined = p, math.Sqrt(p*(1-p)/float64(n)), st.tq[k], st.undef[k]
		if st.undef[k] > 0 {
			sim.Warnings = append(sim.Warnings, Warning{Indicator: t.Target.Text, Year: t.Target.Year,
				Message: "the metric cannot be computed in some draws (a level at or below zero); they count as not met",
				ZH:      "部分抽样中算不出该目标的指标值（水平值不大于零），这些抽样计为未达标"})
		}
	}
	return sim
}

// bandQuantiles is the percentiles of band series k's column this year:
// from the workers' histograms when there are any (which it clears), else
// by quantiles.
func (st *simState) bandQuantiles(k int, buf []uint16) (Quantiles, rankStats) {
	col := st.out[k]
	if st.hist == nil {
		return rankedQuantiles(col, buf)
	}
	h := st.hist[0][k]
	for _, hw := range st.hist[1:] {
		for b, c := range hw[k] {
			h[b] += c
			hw[k][b] = 0
		}
	}
	q, rs := st.hr[k].quantiles(col, st.bk[k], h)
	clear(h)
	return q, rs
}

// step advances draws lo … hi−1 (one block) from year index i−1 to i and,
// when hist is not nil, counts the band series' new values into hist; it
// adds each series' censored draws (advanceShocked) to cens.
func (st *simState) step(i, lo, hi int, r *stream, z [][]float64, hist [][]int32, cens []int) {
	prog := st.prog
	m := hi - lo
	// Draw: the normals of every shock, in shock order, then the
	// chi-squares of the Student-t shocks. The order is fixed so that a
	// block's stream gives the same numbers whoever runs it.
	for k := range prog.Shocks {
		r.fillNorm(z[k][:m])
	}
	for _, row := range st.chol { // in place: row K reads rows < K only
		cholRowApply(row, z, m)
	}
	for k, sh := range prog.Shocks {
		if sh.DF != 0 {
			r.scaleT(z[k][:m], sh.DF)
		}
	}
	for k := range prog.Series {
		s := &prog.Series[k]
		out := st.out[k][lo:hi]
		if s.Of != nil {
			st.derive(k, s, lo, hi)
		} else {
			x := st.raw[k][lo:hi]
			if s.Shock >= 0 && prog.Shocks[s.Shock].SD != 0 {
				sh := prog.Shocks[s.Shock]
				a, b := sh.Rho, math.Sqrt(1-sh.Rho*sh.Rho)*sh.SD
				if i == 1 {
					a, b = 0, sh.SD // ε_1 from the stationary distribution
				}
				c := advanceShocked(s, i, x, st.eps[s.Shock][lo:hi], z[s.Shock][:m], a, b)
				if math.IsNaN(s.Obs[i]) { // else an observation replaces the year's values
					cens[k] += c
				}
			} else {
				advance(s, i, x, st.zero[:m])
			}
			if s.raw {
				copy(out, x)
			}
		}
		if v := s.Obs[i]; !math.IsNaN(v) {
			setAll(out, v)
			if s.Of == nil {
				setAll(st.raw[k][lo:hi], v)
			}
		}
		if s.Clamp {
			for d, v := range out {
				if v < s.Lo {
					out[d] = s.Lo
				} else if v > s.Hi {
					out[d] = s.Hi
				}
			}
		}
		if hist != nil && hist[k] != nil && st.active[k] {
			st.hr[k].count(hist[k], out, st.bk[k][lo:hi])
		}
	}
}

// cholRow applies one row of the Cholesky factor to draws 0 … m−1 of z,
// four terms a pass.
func cholRowApply(row cholRow, z [][]float64, m int) {
	zk := z[row.K][:m]
	if c := row.Diag; c != 1 {
		for d := range zk {
			zk[d] *= c
		}
	}
	j, c := row.J, row.C
	for len(j) >= 4 {
		z0, z1, z2, z3 := z[j[0]][:m], z[j[1]][:m], z[j[2]][:m], z[j[3]][:m]
		c0, c1, c2, c3 := c[0], c[1], c[2], c[3]
		for d := range zk {
			zk[d] += c0*z0[d] + c1*z1[d] + c2*z2[d] + c3*z3[d]
		}
		j, c = j[4:], c[4:]
	}
	if len(j) >= 2 {
		z0, z1 := z[j[0]][:m], z[j[1]][:m]
		c0, c1 := c[0], c[1]
		for d := range zk {
			zk[d] += c0*z0[d] + c1*z1[d]
		}
		j, c = j[2:], c[2:]
	}
	if len(j) == 1 {
		z0, c0 := z[j[0]][:m], c[0]
		for d := range zk {
			zk[d] += c0 * z0[d]
		}
	}
}

// advanceShocked is advance for a shocked series, with the AR(1) update
// of its shocks e (ε ← a·ε + b·z) in the same loop. It multiplies by
// 1/100 and 1/K where advance divides, so its numbers differ from
// advance's in the last bits: only where shocks are random anyway.
//
// It holds a draw's yearly growth at SimFloorPct where the shock takes it
// lower (on the additive ops only for s.Pos), and a logistic draw at its
// ceiling where the shock takes it above: the value is kept at or
// above floorAt(the value without the random shock, the previous value),
// so that a central path that is itself possible is never censored; for a
// flow the plan sets directly the base is the plan's flow. A censored
// draw's value is exactly the floor; every other draw's is computed by
// the same expression as without the floor, bit for bit. It returns the
// number of censored draws.
func advanceShocked(s *SimSeries, i int, x []float64, e []float32, z []float64, a, b float64) int {
	c, f, l := s.C[i], s.F[i], s.Level[i]
	e, z = e[:len(x)], z[:len(x)]
	const pc = 0.01
	n := 0
	switch s.Op[i] {
	case OpMul:
		g := 1 + c*pc
		lo := floorAt(g, 1)
		for d := range x {
			ed := a*float64(e[d]) + b*z[d]
			e[d] = float32(ed)
			m := g + ed*pc
			if m < lo {
				m = lo
				n++
			}
			x[d] = x[d] * m * l
		}
	case OpAdd, OpPlanAdd:
		k := c // the step without the shock: the rule's, or the plan's own plus the rule's
		if s.Op[i] == OpPlanAdd {
			k = f + c
		}
		if s.Pos {
			for d := range x {
				ed := a*float64(e[d]) + b*z[d]
				e[d] = float32(ed)
				prev := x[d]
				v := prev + (k + ed)
				if v < simFloor*prev && prev > 0 {
					if lo := floorAt(prev+k, prev); v < lo {
						v = lo
						n++
					}
				}
				x[d] = v * l
			}
			break
		}
		for d := range x {
			ed := a*float64(e[d]) + b*z[d]
			e[d] = float32(ed)
			x[d] = (x[d] + (k + ed)) * l
		}
	case OpLogistic:
		// Also held at the ceiling: above it a negative rate drives the
		// level up by a factor of about |rate|·x/K a year, to infinity.
		ik := 1 / s.K
		for d := range x {
			ed := a*float64(e[d]) + b*z[d]
			e[d] = float32(ed)
			prev := x[d]
			v := prev + (c+ed)*pc*prev*(1-prev*ik)
			if v < simFloor*prev && prev > 0 {
				if lo := floorAt(prev+c*pc*prev*(1-prev*ik), prev); v < lo {
					v = lo
					n++
				}
			} else if v > s.K {
				if hi := max(s.K, prev+c*pc*prev*(1-prev*ik)); v > hi {
					v = hi
					n++
				}
			}
			x[d] = v * l
		}
	case OpPlanMul:
		g, h := f*(1+c*pc), f*pc
		lo := floorAt(g, 1)
		for d := range x {
			ed := a*float64(e[d]) + b*z[d]
			e[d] = float32(ed)
			m := g + ed*h
			if m < lo {
				m = lo
				n++
			}
			x[d] = x[d] * m * l
		}
	case OpFlowMul:
		g, h := f*(1+c*pc), f*pc
		lo := math.Inf(-1)
		if f > 0 {
			lo = floorAt(g, f)
		}
		for d := range x {
			ed := a*float64(e[d]) + b*z[d]
			e[d] = float32(ed)
			v := g + ed*h
			if v < lo {
				v = lo
				n++
			}
			x[d] = v * l
		}
	case OpFlowAdd:
		g := f + c
		lo := math.Inf(-1)
		if s.Pos && g > 0 {
			lo = simFloor * g
		}
		for d := range x {
			ed := a*float64(e[d]) + b*z[d]
			e[d] = float32(ed)
			v := g + ed
			if v < lo {
				v = lo
				n++
			}
			x[d] = v * l
		}
	default:
		for d := range e {
			e[d] = float32(a*float64(e[d]) + b*z[d])
		}
	}
	return n
}

// floorAt is the lowest value a draw may take where the rule would give
// central without its random shock and the floor applies to base (the
// previous value, or 1 for a growth factor): base·simFloor; or, when the
// central value is itself lower and still above zero (a scenario rate of
// −99 % or less: the scenario's, not a draw's), central·simFloor, so that
// the central path is never censored and the draws keep room below it.
func floorAt(central, base float64) float64 {
	lo := simFloor * base
	if central > 0 && central < lo {
		return simFloor * central
	}
	return lo
}

// advance applies s's rule for year index i to x, with shocks e; the
// expressions mirror Project's so that e = 0 gives its numbers exactly.
func advance(s *SimSeries, i int, x, e []float64) {
	c, f, k := s.C[i], s.F[i], s.K
	e = e[:len(x)]
	switch s.Op[i] {
	case OpMul:
		for d := range x {
			x[d] = x[d] * (1 + (c+e[d])/100)
		}
	case OpAdd:
		for d := range x {
			x[d] = x[d] + (c + e[d])
		}
	case OpLogistic:
		for d := range x {
			prev := x[d]
			x[d] = prev + (c+e[d])/100*prev*(1-prev/k)
		}
	case OpPlanMul:
		for d := range x {
			x[d] = x[d] * f * (1 + (c+e[d])/100)
		}
	case OpPlanAdd:
		for d := range x {
			x[d] = x[d] + f + (c + e[d])
		}
	case OpFlowMul:
		for d := range x {
			x[d] = f * (1 + (c+e[d])/100)
		}
	case OpFlowAdd:
		for d := range x {
			x[d] = f + (c + e[d])
		}
	}
	if l := s.Level[i]; l != 1 {
		for d := range x {
			x[d] *= l
		}
	}
}

// derive computes a derived series for draws lo … hi−1, as combine does.
func (st *simState) derive(k int, s *SimSeries, lo, hi int) {
	out := st.out[k][lo:hi]
	ops := make([][]float64, len(s.Of))
	for o, j := range s.Of {
		ops[o] = st.out[j][lo:hi]
	}
	x0 := s.X0
	switch s.Derived {
	case OpRatio, OpShare:
		a, b, a0, b0 := ops[0], ops[1], s.OfBase[0], s.OfBase[1]
		for d := range out {
			out[d] = x0 * (a[d] / a0) / (b[d] / b0)
		}
	case OpProduct:
		a, b, a0, b0 := ops[0], ops[1], s.OfBase[0], s.OfBase[1]
		for d := range out {
			out[d] = x0 * (a[d] / a0) * (b[d] / b0)
		}
	case OpSum:
		for d := range out {
			var v float64
			for _, op := range ops {
				v += op[d]
			}
			out[d] = v
		}
	case OpDifference:
		a, b := ops[0], ops[1]
		for d := range out {
			out[d] = a[d] - b[d]
		}
	default:
		setAll(out, math.NaN())
	}
}

// target folds year index i into target k's running metric and, in its
// year, computes the metric of every draw, the share that meets the
// target and the percentiles.
func (st *simState) target(i, k int, buf []uint16, mbuf []float64) {
	t := st.prog.Targets[k]
	tg := t.Target
	y := st.prog.Base + i
	col := st.out[t.Series]
	if tg.From == y && st.from[k] != nil {
		copy(st.from[k], col)
		if t.Target.Relative() {
			copy(st.fromRef[k], st.out[t.Ref])
		}
	}
	if acc := st.acc[k]; acc != nil && y > tg.From && y <= tg.Year {
		switch tg.Kind {
		case Cumulative:
			for d, v := range col {
				acc[d] += v
			}
		case Floor:
			for d, v := range col {
				if !(v >= acc[d]) && acc[d] == acc[d] { // NaN sticks
					acc[d] = v
				}
			}
		case Ceiling:
			for d, v := range col {
				if !(v <= acc[d]) && acc[d] == acc[d] {
					acc[d] = v
				}
			}
		}
	}
	if y != tg.Year {
		return
	}
	// A relative target's metric depends on two series: never the
	// one-series shortcut.
	if !tg.Relative() && st.acc[k] == nil && st.from[k] == nil && st.pointTarget(k, t) {
		return
	}
	metric := st.acc[k]
	switch {
	case metric == nil && tg.Relative():
		metric = mbuf[:st.n]
		rcol := st.out[t.Ref]
		x0, r0 := t.X0, t.RefX0
		for d, xT := range col {
			if st.from[k] != nil {
				x0, r0 = st.from[k][d], st.fromRef[k][d]
			}
			metric[d] = relativeMetric(tg, x0, xT, r0, rcol[d])
		}
	case metric == nil:
		metric = mbuf[:st.n]
		x0 := t.X0
		for d, xT := range col {
			if st.from[k] != nil {
				x0 = st.from[k][d]
			}
			metric[d] = targetMetric(tg, x0, xT)
		}
	}
	met, undef := 0, 0
	for _, m := range metric {
		if math.IsNaN(m) {
			undef++
			continue
		}
		if t.Dir*(m-tg.Value) >= -t.Tol {
			met++
		}
	}
	st.met[k], st.undef[k] = met, undef
	st.tq[k], _ = quantiles(metric, buf)
	st.acc[k], st.from[k], st.fromRef[k] = nil, nil, nil
}

// pointTarget is target's final step for a point metric (level, growth,
// change, multiple, reduction) from a fixed x0, when it can take the
// shortcut: the metric is a monotone function g of the year's value, so
// its percentiles are g of the band's order statistics (reversed when g
// decreases), and whether a draw meets the target needs no per-draw
// metric for growth targets: the value is compared with the level the
// target's rate reaches, and only values within 10⁻⁹ of it (where
// rounding could decide) get the exact per-draw CAGR. It reports false,
// having changed nothing, when the shortcut does not apply.
func (st *simState) pointTarget(k int, t SimTarget) bool {
	tg, x0 := t.Target, t.X0
	col := st.out[t.Series]
	rs := st.rs[t.Series]
	if rs.at == nil || t.Dir != 1 && t.Dir != -1 || tg.Relative() {
		return false
	}
	met, undef := 0, 0
	switch tg.Kind {
	case Growth:
		span := tg.Span()
		base := 1 + (tg.Value-t.Dir*t.Tol)/100
		if !(x0 > 0) || span <= 0 || !(base > 0) {
			return false
		}
		thr := x0 * math.Pow(base, float64(span))
		hi, lo := thr*(1+1e-9), thr*(1-1e-9)
		above, below := 0, 0
		for _, xT := range col {
			switch {
			case !(xT > 0): // NaN or ≤ 0: no CAGR
				undef++
			case xT > hi:
				above++
			case xT < lo:
				below++
			case t.Dir*(cagrPct(x0, xT, span)-tg.Value) >= -t.Tol:
				met++
			}
		}
		if t.Dir > 0 {
			met += above
		} else {
			met += below
		}
	case Level, Change, Multiple, Reduction:
		for _, xT := range col {
			m := targetMetric(tg, x0, xT)
			if m != m {
				undef++
			} else if t.Dir*(m-tg.Value) >= -t.Tol {
				met++
			}
		}
	default:
		return false
	}
	m := len(col) - undef
	if m == 0 || m != rs.m { // the metric is undefined where the value is known
		return false
	}
	down := tg.Kind == Reduction && x0 > 0 || tg.Kind == Multiple && x0 < 0 // g decreases
	var q Quantiles
	for j, p := range Percentiles {
		h := float64(m-1) * (p / 100)
		lo := int(h)
		f := h - float64(lo)
		r0, r1 := lo, lo+1
		if down {
			r0, r1 = m-1-lo, m-2-lo
		}
		v0, ok := rs.at[r0]
		if !ok {
			return false
		}
		q[j] = targetMetric(tg, x0, v0)
		if f > 0 && lo+1 < m {
			v1, ok := rs.at[r1]
			if !ok {
				return false
			}
			g0 := q[j]
			q[j] = g0 + f*(targetMetric(tg, x0, v1)-g0)
		}
	}
	st.met[k], st.undef[k], st.tq[k] = met, undef, q
	return true
}

// targetMetric is Target.Metric for the point metrics, given the values in
// From and Year; NaN where Metric reports not ok.
func targetMetric(t Target, x0, xT float64) float64 {
	nan := math.NaN()
	if math.IsNaN(xT) {
		return nan
	}
	switch t.Kind {
	case Level:
		return xT
	case Growth:
		if !(x0 > 0) || xT <= 0 || t.Span() <= 0 {
			return nan
		}
		return cagrPct(x0, xT, t.Span())
	case Change:
		return xT - x0
	case Multiple:
		if x0 == 0 || math.IsNaN(x0) {
			return nan
		}
		return xT / x0
	case Reduction:
		if x0 == 0 || math.IsNaN(x0) {
			return nan
		}
		return (1 - xT/x0) * 100
	}
	return nan
}

// relativeMetric is Target.MetricVs for a relative target given both
// indicators' values in From (x0, r0) and Year (xT, rT): the difference of
// their average growth, percentage points; NaN where MetricVs reports not
// ok. The expressions are MetricVs's, so that the draws judge exactly as
// Assess does.
func relativeMetric(t Target, x0, xT, r0, rT float64) float64 {
	n := t.Span()
	if !(x0 > 0) || !(xT > 0) || !(r0 > 0) || !(rT > 0) || n <= 0 {
		return math.NaN()
	}
	return cagrPct(x0, xT, n) - cagrPct(r0, rT, n)
}

// parallel runs f(worker, k) for k = 0 … n−1 on up to workers goroutines.
func parallel(n, workers int, f func(w, k int)) {
	if workers <= 1 || n <= 1 {
		for k := 0; k < n; k++ {
			f(0, k)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < min(workers, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1)) - 1
				if k >= n {
					return
				}
				f(w, k)
			}
		}()
	}
	wg.Wait()
}

func setAll(x []float64, v float64) []float64 {
	for i := range x {
		x[i] = v
	}
	return x
}

func allZero(x []float64) bool {
	for _, v := range x {
		if v != 0 {
			return false
		}
	}
	return true
}
