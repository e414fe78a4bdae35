package model

import (
	"math"
	"sync"
	"sync/atomic"
)

// simState is a run in progress. Each block of SimBlock draws (one random
// stream each) is simulated through every year at once, its values of
// every series kept in a few small per-worker columns that stay in cache;
// no draw's path outlives its block.
//
// The percentiles come from quantities: one per band series and year, and
// one per target whose metric is not a monotone function of its year's
// value. A quantity counts its values into a histogram and keeps the
// values of the buckets that may still hold one of the ranks it needs
// (see quant). Blocks run in rounds of growing size (rounds); after each
// round the buckets that can no longer hold a wanted rank are dropped, so
// that the values kept shrink to a few thousand per quantity. A rank that
// ends in a dropped bucket (rare: see shrink) is found by running the
// blocks again and keeping that quantity's every value (fallback): the
// result is always the exact order statistic.
type simState struct {
	prog    *SimProgram
	n       int
	seed    uint64
	blocks  int
	chol    []cholRow
	qs      []quant
	bandQ   [][]int // per series: per year index, its quantity (nil: not a band)
	tq      []int   // per SimTarget: its quantity
	point   []bool  // per SimTarget: percentiles from the band's order statistics
	ws      []*simWorker
	pilot   bool        // this round keeps every value: the ranges are not set yet
	collect bool        // fallback: fill full instead of counting
	full    [][]float64 // per quantity, when collecting it: every draw's value
	obsMu   sync.Mutex
	observe func(i, lo int, out [][]float64)
}

// simWorker is one goroutine's block state and tallies.
type simWorker struct {
	out, raw  [][]float64 // per series: the block's values (raw: unclamped, for bounded recursive rules)
	eps       [][]float32 // per shock: the AR(1) state, in float32 (see step)
	z         [][]float64 // per shock: this year's innovations
	zero      []float64
	from, acc [][]float64 // per SimTarget: value in From (when after the base year); running sum, min or max
	mbuf, sc  []float64   // a target's metrics; scratch for quant.add
	met, und  []int
	count     [][]uint16 // per quantity: this round's histogram (a round is at most maxRound blocks)
	keep      []valList  // per quantity: the values it keeps from the blocks this worker ran
}

// quant is one quantity's histogram over the whole run (range from the
// pilot round, NaN counted in the last bucket), which buckets' values are
// still kept (flag) and those values (keep), and, at the end, its
// percentiles and the order statistics they used.
type quant struct {
	virtual bool // a point target's: never fed, resolved from its band
	hr      histRange
	flag    bucketSet // the buckets whose values are kept
	count   []int32
	q       Quantiles
	rs      rankStats
	ok      bool
}

// maxRound is the most blocks a round has: a worker's per-round counts
// fit in 16 bits.
const maxRound = 32

// onFallback, when set (tests), is told how many quantities each run
// resolved by fallback.
var onFallback func(quantities int)

// windowSD is how many standard deviations of a rank's uncertainty the
// kept buckets span (see shrink).
var windowSD = 6.0

func (prog *SimProgram) run(opt SimOptions) *Simulation {
	return prog.runWith(opt, nil)
}

// runWith is run with a hook that sees each block's columns year by year
// (tests); it is called for block draws lo … lo+len−1 in year index i, one
// call at a time.
func (prog *SimProgram) runWith(opt SimOptions, observe func(i, lo int, out [][]float64)) *Simulation {
	n := opt.Draws
	workers := max(1, opt.Workers)
	st := &simState{prog: prog, n: n, seed: opt.Seed, blocks: (n + SimBlock - 1) / SimBlock, chol: sparseChol(prog.Chol), observe: observe}
	sim := &Simulation{Projection: prog.pr, Draws: n, Seed: opt.Seed, Warnings: append([]Warning(nil), prog.warnings...)}
	st.bandQ = make([][]int, len(prog.Series))
	var bands []int
	for k, s := range prog.Series {
		if !s.Band {
			continue
		}
		bands = append(bands, k)
		st.bandQ[k] = make([]int, prog.Years)
		for i := 1; i < prog.Years; i++ {
			st.bandQ[k][i] = st.newQuant(false)
		}
		ps := prog.pr.Series[s.ID]
		b := Band{ID: s.ID, Start: prog.Base, Scale: ps.Scale, Stochastic: true, Central: ps.Values, Q: make([]Quantiles, prog.Years)}
		v := ps.Values[0]
		b.Q[0] = Quantiles{v, v, v, v, v}
		sim.Bands = append(sim.Bands, b)
	}
	nt := len(prog.Targets)
	st.tq, st.point = make([]int, nt), make([]bool, nt)
	for k, t := range prog.Targets {
		st.point[k] = isPointTarget(prog, t)
		st.tq[k] = st.newQuant(st.point[k])
	}
	st.ws = make([]*simWorker, workers)
	for w := range st.ws {
		st.ws[w] = st.newWorker()
	}

	// Rounds of 2, 4, 8, … blocks; the first is the pilot.
	done, size := 0, 2
	for r := 0; done < st.blocks; r++ {
		end := min(st.blocks, done+size)
		st.pilot = r == 0
		lo := done
		parallel(end-lo, workers, func(w, b int) { st.block(st.ws[w], lo+b) })
		st.merge(workers)
		if r == 0 {
			parallel(len(st.qs), workers, func(_, q int) { st.qs[q].setRange(st.ws, q) })
		}
		if end < st.blocks {
			t := end * SimBlock
			parallel(len(st.qs), workers, func(_, q int) { st.qs[q].shrink(t, n, st.ws, q) })
		}
		done, size = end, min(2*size, maxRound)
		if opt.Progress != nil {
			opt.Progress(min(n, done*SimBlock), n)
		}
	}
	st.observe = nil
	met, und := make([]int, nt), make([]int, nt)
	for _, w := range st.ws {
		for k := range met {
			met[k] += w.met[k]
			und[k] += w.und[k]
		}
	}

	// Resolve every quantity; what cannot be is collected in full.
	parallel(len(st.qs), workers, func(_, q int) {
		if !st.qs[q].virtual {
			st.qs[q].resolve(st.ws, q)
		}
	})
	for k, t := range prog.Targets {
		if !st.point[k] {
			continue
		}
		i := t.Target.Year - prog.Base
		q := &st.qs[st.tq[k]]
		if i < 1 || i >= prog.Years {
			q.ok = true // the target's year is not simulated: nothing to report, as before
			continue
		}
		if bq := st.qs[st.bandQ[t.Series][i]]; bq.ok {
			q.q, q.ok = pointQuantiles(t, n-und[k], bq.rs)
		}
	}
	var failed []int
	for q := range st.qs {
		if !st.qs[q].ok {
			failed = append(failed, q)
		}
	}
	if len(failed) > 0 {
		st.fallback(failed, workers)
	}
	if onFallback != nil {
		onFallback(len(failed))
	}

	for j, k := range bands {
		for i := 1; i < prog.Years; i++ {
			sim.Bands[j].Q[i] = st.qs[st.bandQ[k][i]].q
		}
	}
	sim.Targets = append([]TargetSim(nil), prog.base...)
	for k, t := range prog.Targets {
		ts := &sim.Targets[t.Out]
		p := float64(met[k]) / float64(n)
		ts.PMet, ts.SE, ts.Q, ts.Undefined = p, math.Sqrt(p*(1-p)/float64(n)), st.qs[st.tq[k]].q, und[k]
		if und[k] > 0 {
			sim.Warnings = append(sim.Warnings, Warning{Indicator: t.Target.Text, Year: t.Target.Year,
				Message: "the metric cannot be computed in some draws (a level at or below zero); they count as not met"})
		}
	}
	return sim
}

func (st *simState) newQuant(virtual bool) int {
	q := quant{virtual: virtual}
	if !virtual {
		q.count = make([]int32, histBuckets+1)
	}
	st.qs = append(st.qs, q)
	return len(st.qs) - 1
}

func (st *simState) newWorker() *simWorker {
	prog := st.prog
	w := &simWorker{zero: make([]float64, SimBlock), mbuf: make([]float64, SimBlock), sc: make([]float64, SimBlock)}
	w.out, w.raw = make([][]float64, len(prog.Series)), make([][]float64, len(prog.Series))
	for k, s := range prog.Series {
		w.out[k] = make([]float64, SimBlock)
		w.raw[k] = w.out[k]
		if s.raw {
			w.raw[k] = make([]float64, SimBlock)
		}
	}
	w.eps, w.z = make([][]float32, len(prog.Shocks)), make([][]float64, len(prog.Shocks))
	for k := range w.eps {
		w.eps[k], w.z[k] = make([]float32, SimBlock), make([]float64, SimBlock)
	}
	nt := len(prog.Targets)
	w.from, w.acc, w.met, w.und = make([][]float64, nt), make([][]float64, nt), make([]int, nt), make([]int, nt)
	for k, t := range prog.Targets {
		if t.Target.From > prog.Base {
			w.from[k] = make([]float64, SimBlock)
		}
		switch t.Target.Kind {
		case Cumulative, Floor, Ceiling:
			w.acc[k] = make([]float64, SimBlock)
		}
	}
	w.count, w.keep = make([][]uint16, len(st.qs)), make([]valList, len(st.qs))
	for q := range st.qs {
		if !st.qs[q].virtual {
			w.count[q] = make([]uint16, histBuckets+1)
		}
	}
	return w
}

// merge adds the workers' counts of a round into the quantities'.
func (st *simState) merge(workers int) {
	parallel(len(st.qs), workers, func(_, qi int) {
		q := &st.qs[qi]
		if q.virtual {
			return
		}
		for _, w := range st.ws {
			for b, c := range w.count[qi] {
				q.count[b] += int32(c)
			}
			clear(w.count[qi])
		}
	})
}

// block simulates block b's draws through every year.
func (st *simState) block(w *simWorker, b int) {
	prog := st.prog
	lo := b * SimBlock
	m := min(st.n, lo+SimBlock) - lo
	r := newStream(st.seed, b)
	for k, s := range prog.Series {
		setAll(w.out[k][:m], s.Start)
		if s.raw {
			setAll(w.raw[k][:m], s.Start)
		}
	}
	for k := range w.eps {
		clear(w.eps[k][:m])
	}
	for k, t := range prog.Targets {
		switch t.Target.Kind {
		case Cumulative:
			clear(w.acc[k][:m])
		case Floor:
			setAll(w.acc[k][:m], math.Inf(1))
		case Ceiling:
			setAll(w.acc[k][:m], math.Inf(-1))
		}
	}
	st.see(0, lo, m, w)
	for i := 1; i < prog.Years; i++ {
		st.step(w, i, m, r)
		st.see(i, lo, m, w)
		for k, qs := range st.bandQ {
			if qs != nil {
				st.feed(w, qs[i], lo, w.out[k][:m])
			}
		}
		for k := range prog.Targets {
			st.target(w, i, k, lo, m)
		}
	}
}

func (st *simState) see(i, lo, m int, w *simWorker) {
	if st.observe == nil {
		return
	}
	out := make([][]float64, len(w.out))
	for k := range out {
		out[k] = w.out[k][:m]
	}
	st.obsMu.Lock()
	st.observe(i, lo, out)
	st.obsMu.Unlock()
}

// feed gives quantity qi the values x of draws lo … lo+len(x)−1.
func (st *simState) feed(w *simWorker, qi, lo int, x []float64) {
	switch {
	case st.collect:
		if f := st.full[qi]; f != nil {
			copy(f[lo:], x)
		}
	case st.pilot:
		w.keep[qi].append(x)
	default:
		w.keep[qi].append(st.qs[qi].add(w.count[qi], x, w.sc))
	}
}

// step advances the block's m draws from year index i−1 to i.
func (st *simState) step(w *simWorker, i, m int, r *stream) {
	prog := st.prog
	z := w.z
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
		out := w.out[k][:m]
		if s.Of != nil {
			derive(w.out, s, out)
		} else {
			x := w.raw[k][:m]
			if s.Shock >= 0 && prog.Shocks[s.Shock].SD != 0 {
				sh := prog.Shocks[s.Shock]
				a, b := sh.Rho, math.Sqrt(1-sh.Rho*sh.Rho)*sh.SD
				if i == 1 {
					a, b = 0, sh.SD // ε_1 from the stationary distribution
				}
				advanceShocked(s, i, x, w.eps[s.Shock][:m], z[s.Shock][:m], a, b)
			} else {
				advance(s, i, x, w.zero[:m])
			}
			if s.raw {
				copy(out, x)
			}
		}
		if v := s.Obs[i]; !math.IsNaN(v) {
			setAll(out, v)
			if s.Of == nil {
				setAll(w.raw[k][:m], v)
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
	}
}

// derive computes a derived series into out from the block's columns, as
// combine does.
func derive(cols [][]float64, s *SimSeries, out []float64) {
	m := len(out)
	x0 := s.X0
	switch s.Derived {
	case OpRatio, OpShare:
		a, b, a0, b0 := cols[s.Of[0]][:m], cols[s.Of[1]][:m], s.OfBase[0], s.OfBase[1]
		for d := range out {
			out[d] = x0 * (a[d] / a0) / (b[d] / b0)
		}
	case OpProduct:
		a, b, a0, b0 := cols[s.Of[0]][:m], cols[s.Of[1]][:m], s.OfBase[0], s.OfBase[1]
		for d := range out {
			out[d] = x0 * (a[d] / a0) * (b[d] / b0)
		}
	case OpSum:
		for d := range out {
			var v float64
			for _, j := range s.Of {
				v += cols[j][d]
			}
			out[d] = v
		}
	case OpDifference:
		a, b := cols[s.Of[0]][:m], cols[s.Of[1]][:m]
		for d := range out {
			out[d] = a[d] - b[d]
		}
	default:
		setAll(out, math.NaN())
	}
}

// target folds year index i into target k's running metric for the
// block's draws lo … lo+m−1 and, in its year, counts the draws that meet
// it and gives their metric to its quantity.
func (st *simState) target(w *simWorker, i, k, lo, m int) {
	t := st.prog.Targets[k]
	tg := t.Target
	y := st.prog.Base + i
	col := w.out[t.Series][:m]
	if tg.From == y && w.from[k] != nil {
		copy(w.from[k], col)
	}
	acc := w.acc[k]
	if acc != nil && y > tg.From && y <= tg.Year {
		acc = acc[:m]
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
	qi := st.tq[k]
	if st.point[k] {
		if st.collect {
			if f := st.full[qi]; f != nil {
				for d, xT := range col {
					f[lo+d] = targetMetric(tg, t.X0, xT)
				}
			}
			return
		}
		met, undef := pointCount(t, col)
		w.met[k] += met
		w.und[k] += undef
		return
	}
	metric := acc
	if metric == nil {
		metric = w.mbuf[:m]
		x0 := t.X0
		for d, xT := range col {
			if w.from[k] != nil {
				x0 = w.from[k][d]
			}
			metric[d] = targetMetric(tg, x0, xT)
		}
	} else {
		metric = metric[:m]
	}
	if !st.collect {
		met, undef := 0, 0
		for _, v := range metric {
			if v != v {
				undef++
			} else if t.Dir*(v-tg.Value) >= -t.Tol {
				met++
			}
		}
		w.met[k] += met
		w.und[k] += undef
	}
	st.feed(w, qi, lo, metric)
}

// isPointTarget reports whether target t's metric is a monotone function g
// of its year's value (level, growth, change, multiple, reduction from the
// base year): its percentiles are then g of the band's order statistics
// (reversed when g decreases; pointQuantiles), and whether a draw meets it
// is counted without its metric (pointCount).
func isPointTarget(prog *SimProgram, t SimTarget) bool {
	tg, x0 := t.Target, t.X0
	if tg.From > prog.Base || t.Dir != 1 && t.Dir != -1 {
		return false
	}
	switch tg.Kind {
	case Level:
		return true
	case Growth:
		return x0 > 0 && tg.Span() > 0 && 1+(tg.Value-t.Dir*t.Tol)/100 > 0
	case Change:
		return !math.IsNaN(x0)
	case Multiple, Reduction:
		return x0 != 0 && !math.IsNaN(x0)
	}
	return false
}

// pointCount counts the values of col that meet point target t and those
// whose metric is undefined. Growth targets need no per-draw metric: the
// value is compared with the level the target's rate reaches, and only
// values within 10⁻⁹ of it (where rounding could decide) get the exact
// per-draw CAGR.
func pointCount(t SimTarget, col []float64) (met, undef int) {
	tg, x0 := t.Target, t.X0
	if tg.Kind != Growth {
		for _, xT := range col {
			m := targetMetric(tg, x0, xT)
			if m != m {
				undef++
			} else if t.Dir*(m-tg.Value) >= -t.Tol {
				met++
			}
		}
		return met, undef
	}
	span := tg.Span()
	thr := x0 * math.Pow(1+(tg.Value-t.Dir*t.Tol)/100, float64(span))
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
		return met + above, undef
	}
	return met + below, undef
}

// pointQuantiles is point target t's percentiles from its band's order
// statistics rs, given m draws with a defined metric; ok is false when rs
// lacks a rank it needs or the metric is undefined where the value is
// known.
func pointQuantiles(t SimTarget, m int, rs rankStats) (Quantiles, bool) {
	tg, x0 := t.Target, t.X0
	var q Quantiles
	if m == 0 || m != rs.m || rs.at == nil {
		return q, false
	}
	down := tg.Kind == Reduction && x0 > 0 || tg.Kind == Multiple && x0 < 0 // g decreases
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
			return q, false
		}
		q[j] = targetMetric(tg, x0, v0)
		if f > 0 && lo+1 < m {
			v1, ok := rs.at[r1]
			if !ok {
				return q, false
			}
			g0 := q[j]
			q[j] = g0 + f*(targetMetric(tg, x0, v1)-g0)
		}
	}
	return q, true
}

// fallback runs every block again, keeping every value of the quantities
// qs, and computes their percentiles from the full columns.
func (st *simState) fallback(qs []int, workers int) {
	st.full = make([][]float64, len(st.qs))
	for _, q := range qs {
		st.full[q] = make([]float64, st.n)
	}
	st.collect = true
	parallel(st.blocks, workers, func(w, b int) { st.block(st.ws[w], b) })
	st.collect = false
	parallel(len(qs), workers, func(_, j int) {
		q := &st.qs[qs[j]]
		buf := make([]uint16, st.n)
		q.q, q.rs = rankedQuantiles(st.full[qs[j]], buf)
		q.ok = true
		st.full[qs[j]] = nil
	})
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
// first (so that the product can be formed in place).
func sparseChol(l [][]float64) []cholRow {
	var rows []cholRow
	for k := len(l) - 1; k >= 0; k-- {
		row := l[k]
		if row[k] == 1 && allZero(row[:k]) {
			continue
		}
		r := cholRow{K: k, Diag: row[k]}
		for j, c := range row[:k] {
			if c != 0 {
				r.J, r.C = append(r.J, j), append(r.C, c)
			}
		}
		rows = append(rows, r)
	}
	return rows
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
func advanceShocked(s *SimSeries, i int, x []float64, e []float32, z []float64, a, b float64) {
	c, f, l := s.C[i], s.F[i], s.Level[i]
	e, z = e[:len(x)], z[:len(x)]
	const pc = 0.01
	switch s.Op[i] {
	case OpMul:
		g := 1 + c*pc
		for d := range x {
			ed := a*float64(e[d]) + b*z[d]
			e[d] = float32(ed)
			x[d] = x[d] * (g + ed*pc) * l
		}
	case OpAdd:
		for d := range x {
			ed := a*float64(e[d]) + b*z[d]
			e[d] = float32(ed)
			x[d] = (x[d] + (c + ed)) * l
		}
	case OpLogistic:
		ik := 1 / s.K
		for d := range x {
			ed := a*float64(e[d]) + b*z[d]
			e[d] = float32(ed)
			prev := x[d]
			x[d] = (prev + (c+ed)*pc*prev*(1-prev*ik)) * l
		}
	case OpPlanMul:
		g, h := f*(1+c*pc), f*pc
		for d := range x {
			ed := a*float64(e[d]) + b*z[d]
			e[d] = float32(ed)
			x[d] = x[d] * (g + ed*h) * l
		}
	case OpPlanAdd:
		g := f + c
		for d := range x {
			ed := a*float64(e[d]) + b*z[d]
			e[d] = float32(ed)
			x[d] = (x[d] + (g + ed)) * l
		}
	case OpFlowMul:
		g, h := f*(1+c*pc), f*pc
		for d := range x {
			ed := a*float64(e[d]) + b*z[d]
			e[d] = float32(ed)
			x[d] = (g + ed*h) * l
		}
	case OpFlowAdd:
		g := f + c
		for d := range x {
			ed := a*float64(e[d]) + b*z[d]
			e[d] = float32(ed)
			x[d] = (g + ed) * l
		}
	default:
		for d := range e {
			e[d] = float32(a*float64(e[d]) + b*z[d])
		}
	}
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
