package model

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
)

// linearPlan is one or more indicators on a linear rule: x_t = x_{t−1} + step.
func linearPlan(ids ...string) *Plan {
	p := &Plan{ID: "t", BaseYear: 2020, TargetYear: 2025}
	for _, id := range ids {
		p.Indicators = append(p.Indicators, &Indicator{ID: id, Direction: Up, Path: Linear,
			Baseline: Baseline{Year: 2020, Value: 10, Known: true},
			Rule:     &Assumption{Rule: RuleLinear, Step: Flat(1)},
			Targets:  []Target{{Year: 2025, From: 2020, Kind: Level, Value: 15.4}}})
	}
	return p
}

func mustSim(t *testing.T, p *Plan, u Uncertainty, opt SimOptions, observe func(int, [][]float64)) *Simulation {
	t.Helper()
	pr, err := Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := Compile(pr, u)
	if err != nil {
		t.Fatal(err)
	}
	return prog.runWith(opt, observe)
}

// On a linear rule x_T = x_0 + n·s + Σε_t exactly, so P(x_T ≥ L) is a
// normal CDF: Φ((x_0 + n·s − L)/sd), with sd² = σ²·n for independent
// shocks and, for stationary AR(1) shocks, Var Σε = σ²[n + 2Σ_{k=1}^{n−1}(n−k)ρ^k]
// (the sum of the autocovariances σ²ρ^|i−j|). The Monte Carlo answer must
// lie within 4 standard errors.
func TestSimulateMatchesNormalClosedForm(t *testing.T) {
	for _, c := range []struct {
		name    string
		sd, rho float64
		target  float64
		draws   int
	}{
		{"independent", 1, 0, 15.4, 40000},
		{"ar1 positive", 1, 0.6, 16.5, 40000},
		{"ar1 negative", 2, -0.5, 14, 40000},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := linearPlan("x")
			p.Indicators[0].Targets[0].Value = c.target
			u := Uncertainty{Shocks: map[string]ShockSpec{"x": {SD: c.sd, Rho: c.rho}}}
			sim := mustSim(t, p, u, SimOptions{Draws: c.draws, Seed: 3, Workers: 2}, nil)
			n := 5.0
			v := n
			for k := 1; k < 5; k++ {
				v += 2 * (n - float64(k)) * math.Pow(c.rho, float64(k))
			}
			sd := c.sd * math.Sqrt(v)
			want := 0.5 * math.Erfc(-((10+n*1-c.target)/sd)/math.Sqrt2) // Φ(z)
			got := sim.Targets[0]
			se := math.Sqrt(want * (1 - want) / float64(c.draws))
			if math.Abs(got.PMet-want) > 4*se {
				t.Errorf("P(met) = %.4f, want %.4f ± %.4f (4 se)", got.PMet, want, 4*se)
			}
			// The median of x_T is x_0 + n·s; its sampling sd is about
			// 1.2533·sd/√n_draws.
			if tol := 4 * 1.2533 * sd / math.Sqrt(float64(c.draws)); math.Abs(got.Q[2]-15) > tol {
				t.Errorf("median = %.4f, want 15 ± %.4f", got.Q[2], tol)
			}
		})
	}
}

// Student-t shocks scaled to unit variance: the sum of n has variance n·σ².
func TestSimulateStudentTVariance(t *testing.T) {
	p := linearPlan("x")
	u := Uncertainty{Shocks: map[string]ShockSpec{"x": {SD: 1, DF: 5}}}
	const draws = 40000
	var last []float64
	mustSim(t, p, u, SimOptions{Draws: draws, Seed: 9}, func(i int, out [][]float64) {
		if i == 5 {
			last = append([]float64(nil), out[0]...)
		}
	})
	var m, s2 float64
	for _, v := range last {
		m += v
	}
	m /= draws
	for _, v := range last {
		s2 += (v - m) * (v - m)
	}
	s2 /= draws - 1
	// Var of the sample variance: σ⁴(2/(N−1) + κ/N), κ the excess
	// kurtosis of the sum: 6/(ν−4)/n = 1.2.
	tol := 4 * 5 * math.Sqrt(2.0/draws+1.2/draws)
	if math.Abs(s2-5) > tol {
		t.Errorf("variance of x_T = %.3f, want 5 ± %.3f", s2, tol)
	}
}

// Bands are the exact type-7 quantiles of the same draws, as sorting gives.
func TestSimulateBandsAreExactSampleQuantiles(t *testing.T) {
	p := linearPlan("x", "y")
	p.Indicators[1].Path, p.Indicators[1].Rule = Compound, &Assumption{Rule: RuleCompound, Rate: Flat(5)}
	u := Uncertainty{Shocks: map[string]ShockSpec{"x": {SD: 1, Rho: 0.3}, "y": {SD: 2, DF: 4}},
		Correlations: []Correlation{{"x", "y", 0.5}}}
	for _, draws := range []int{1, 2, 7, 1000, 2500, 20000} {
		cols := map[int][][]float64{}
		sim := mustSim(t, p, u, SimOptions{Draws: draws, Seed: 11, Workers: 3}, func(i int, out [][]float64) {
			for _, c := range out {
				cols[i] = append(cols[i], append([]float64(nil), c...))
			}
		})
		for k, b := range sim.Bands {
			for i, q := range b.Q {
				s := append([]float64(nil), cols[i][k]...)
				sort.Float64s(s)
				for j, p := range Percentiles {
					h := float64(len(s)-1) * (p / 100)
					lo := int(h)
					want := s[lo]
					if f := h - float64(lo); f > 0 && lo+1 < len(s) {
						want = s[lo] + f*(s[lo+1]-s[lo])
					}
					if q[j] != want {
						t.Errorf("draws %d: %s %d P%g = %v, want %v (sorted draws)", draws, b.ID, b.Start+i, p, q[j], want)
					}
				}
			}
		}
		if draws == 1 {
			if pm := sim.Targets[0].PMet; pm != 0 && pm != 1 {
				t.Errorf("one draw: P(met) = %v, want 0 or 1", pm)
			}
		}
	}
}

// A correlation of 1 between two identical indicators gives identical paths.
func TestSimulatePerfectCorrelationGivesIdenticalPaths(t *testing.T) {
	p := linearPlan("a", "b", "c")
	u := Uncertainty{Shocks: map[string]ShockSpec{"a": {SD: 1, Rho: 0.4}, "b": {SD: 1, Rho: 0.4}, "c": {SD: 1}},
		Correlations: []Correlation{{"a", "b", 1}, {"a", "c", 0.3}, {"b", "c", 0.3}}}
	mustSim(t, p, u, SimOptions{Draws: 3000, Seed: 5, Workers: 2}, func(i int, out [][]float64) {
		for d := range out[0] {
			if out[0][d] != out[1][d] {
				t.Fatalf("year %d draw %d: a = %v, b = %v", 2020+i, d, out[0][d], out[1][d])
			}
		}
	})
}

func TestSimulateRejectsBadUncertainty(t *testing.T) {
	shocks := map[string]ShockSpec{"a": {SD: 1}, "b": {SD: 1}, "c": {SD: 1}}
	for _, c := range []struct {
		name string
		u    Uncertainty
		want []string // the message names one of these
	}{
		{"rho above 1", Uncertainty{Shocks: shocks, Correlations: []Correlation{{"a", "b", 1.2}}}, []string{"a–b is 1.2"}},
		{"asymmetric", Uncertainty{Shocks: shocks, Correlations: []Correlation{{"a", "b", 0.5}, {"b", "a", 0.4}}}, []string{"b–a is given as both 0.5 and 0.4"}},
		{"self not 1", Uncertainty{Shocks: shocks, Correlations: []Correlation{{"a", "a", 0.5}}}, []string{"a–a is 0.5"}},
		{"no shock", Uncertainty{Shocks: shocks, Correlations: []Correlation{{"a", "z", 0.5}}}, []string{"z has no shock"}},
		// a and b move together, a and c together, yet b and c oppositely:
		// removing a–b or a–c restores a valid matrix.
		{"not PSD", Uncertainty{Shocks: shocks, Correlations: []Correlation{{"a", "b", 0.9}, {"a", "c", 0.9}, {"b", "c", -0.5}}},
			[]string{"pair a–b", "pair a–c"}},
		{"rho 1 shock", Uncertainty{Shocks: map[string]ShockSpec{"a": {SD: 1, Rho: 1}}}, []string{"a: rho 1"}},
		{"negative sd", Uncertainty{Shocks: map[string]ShockSpec{"a": {SD: -1}}}, []string{"a: sd -1"}},
		{"df 2", Uncertainty{Shocks: map[string]ShockSpec{"a": {SD: 1, DF: 2}}}, []string{"a: df 2"}},
		{"unknown", Uncertainty{Shocks: map[string]ShockSpec{"zz": {SD: 1}}}, []string{"unknown indicator \"zz\""}},
	} {
		t.Run(c.name, func(t *testing.T) {
			pr, err := Project(linearPlan("a", "b", "c"), nil)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Simulate(pr, c.u, SimOptions{Draws: 10})
			if err == nil {
				t.Fatalf("no error, want one naming %q", c.want)
			}
			ok := false
			for _, w := range c.want {
				ok = ok || strings.Contains(err.Error(), w)
			}
			if !ok {
				t.Errorf("error %q does not name any of %q", err, c.want)
			}
		})
	}
}

// The ziggurat's normals: fillNorm gives the same numbers as norm, and a
// million of them have mean 0, variance 1 and the normal's tail
// probabilities (P(z > a) = erfc(a/√2)/2, closed form) within 4 standard
// errors, also beyond the ziggurat's tail start zigR, which the slow path
// draws.
func TestNormalGenerator(t *testing.T) {
	const n = 1 << 20
	a, b := newStream(5, 3), newStream(5, 3)
	z := make([]float64, n)
	a.fillNorm(z)
	for d := range z[:4096] {
		if v := b.norm(); v != z[d] {
			t.Fatalf("draw %d: fillNorm %v, norm %v", d, z[d], v)
		}
	}
	var m, s2 float64
	for _, v := range z {
		m += v
	}
	m /= n
	for _, v := range z {
		s2 += (v - m) * (v - m)
	}
	s2 /= n - 1
	if math.Abs(m) > 4/math.Sqrt(n) {
		t.Errorf("mean %v, want 0 ± %v", m, 4/math.Sqrt(n))
	}
	if se := math.Sqrt(2.0 / n); math.Abs(s2-1) > 4*se {
		t.Errorf("variance %v, want 1 ± %v", s2, 4*se)
	}
	for _, x := range []float64{0.5, 1, 2, 3, zigR, 4} {
		k := 0
		for _, v := range z {
			if v > x {
				k++
			}
		}
		p := 0.5 * math.Erfc(x/math.Sqrt2)
		if se := math.Sqrt(p * (1 - p) / n); math.Abs(float64(k)/n-p) > 4*se {
			t.Errorf("P(z > %v) = %v, want %v ± %v", x, float64(k)/n, p, 4*se)
		}
	}
}

// The wedge's quick tests never contradict the exact one: on a grid of
// points (|x|, U) across every strip, a quick accept is below the density
// and a quick reject above it, so the ziggurat's numbers are those of the
// exact test alone.
func TestZigguratQuickWedgeTests(t *testing.T) {
	quick, exact := 0, 0
	for i := 1; i < zigN; i++ {
		a, b := zigX[i-1], zigX[i]
		for kx := 0; kx <= 200; kx++ {
			x := a + (b-a)*float64(kx)/200
			for ku := 0; ku < 200; ku++ {
				u := (float64(ku) + 0.5) / 200
				below := zigF[i]+u*(zigF[i-1]-zigF[i]) < math.Exp(-.5*x*x)
				tt := (b - x) * zigIW[i]
				switch {
				case u < tt-zigLo[i]:
					quick++
					if !below {
						t.Fatalf("strip %d, x %v, U %v: quick accept above the density", i, x, u)
					}
				case u > tt+zigHi[i]:
					quick++
					if below {
						t.Fatalf("strip %d, x %v, U %v: quick reject below the density", i, x, u)
					}
				default:
					exact++
				}
			}
		}
	}
	t.Logf("quick decisions %d, exact %d", quick, exact)
}

// Every target's P(met) and percentiles are those of its metric computed
// draw by draw with Target.Metric and Target.Verdict (the reference), the
// percentiles exactly as sorting gives: the shortcuts (the band's order
// statistics for point metrics, the growth threshold) change no number.
// Small runs (one block) and larger ones (histograms) both.
func TestSimulateTargetsAreExactOverTheDraws(t *testing.T) {
	p := &Plan{ID: "t", BaseYear: 2020, TargetYear: 2025}
	for _, c := range []struct {
		id   string
		dir  Direction
		rate float64
		ts   []Target
	}{
		{"x", Up, 5, []Target{
			{Year: 2025, From: 2020, Kind: Level, Value: 12.8},
			{Year: 2025, From: 2020, Kind: Growth, Value: 5},
			{Year: 2024, From: 2020, Kind: Growth, Value: 4.9, Bound: Approx},
			{Year: 2025, From: 2020, Kind: Change, Value: 2.8},
			{Year: 2025, From: 2020, Kind: Multiple, Value: 1.28},
			{Year: 2025, From: 2020, Kind: Cumulative, Value: 58},
			{Year: 2025, From: 2020, Kind: Floor, Value: 10.4},
		}},
		{"y", Down, -3, []Target{
			{Year: 2025, From: 2020, Kind: Reduction, Value: 14},
			{Year: 2025, From: 2020, Kind: Growth, Value: -3},
			{Year: 2023, From: 2020, Kind: Level, Value: 9.1},
		}},
	} {
		p.Indicators = append(p.Indicators, &Indicator{ID: c.id, Direction: c.dir, Path: Compound,
			Baseline: Baseline{Year: 2020, Value: 10, Known: true},
			Rule:     &Assumption{Rule: RuleCompound, Rate: Flat(c.rate)}, Targets: c.ts})
	}
	u := Uncertainty{Shocks: map[string]ShockSpec{"x": {SD: 1, Rho: 0.3}, "y": {SD: 1.5, DF: 5}},
		Correlations: []Correlation{{"x", "y", -0.4}}}
	for _, draws := range []int{700, 5000} {
		cols := map[int][][]float64{}
		sim := mustSim(t, p, u, SimOptions{Draws: draws, Seed: 3, Workers: 2}, func(i int, out [][]float64) {
			for _, c := range out {
				cols[i] = append(cols[i], append([]float64(nil), c...))
			}
		})
		for _, ts := range sim.Targets {
			k := 0
			if ts.Indicator.ID == "y" {
				k = 1
			}
			var ms []float64
			met := 0
			for d := 0; d < draws; d++ {
				m, ok := ts.Target.Metric(func(y int) (float64, bool) { return cols[y-2020][k][d], true })
				if !ok {
					continue
				}
				ms = append(ms, m)
				if ok, _ := ts.Target.Verdict(ts.Indicator, m); ok {
					met++
				}
			}
			name := fmt.Sprintf("draws %d: %s %s %d", draws, ts.Indicator.ID, ts.Target.Kind, ts.Target.Year)
			if want := float64(met) / float64(draws); ts.PMet != want {
				t.Errorf("%s: P(met) = %v, want %v", name, ts.PMet, want)
			}
			if ts.PMet == 0 || ts.PMet == 1 {
				t.Errorf("%s: P(met) = %v; the case should be uncertain", name, ts.PMet)
			}
			sort.Float64s(ms)
			for j, pc := range Percentiles {
				h := float64(len(ms)-1) * (pc / 100)
				lo := int(h)
				want := ms[lo]
				if f := h - float64(lo); f > 0 && lo+1 < len(ms) {
					want = ms[lo] + f*(ms[lo+1]-ms[lo])
				}
				if ts.Q[j] != want {
					t.Errorf("%s: P%g = %v, want %v (sorted metrics)", name, pc, ts.Q[j], want)
				}
			}
		}
	}
}

// The ziggurat's wedge bounds are stored as a table (computing them costs
// 17 ms at every start); they must be what zigBounds computes, exactly.
func TestZigguratBoundsTable(t *testing.T) {
	lo, hi := zigBounds()
	for i := range zigN {
		if lo[i] != zigLo[i] || hi[i] != zigHi[i] {
			t.Errorf("strip %d: table (%v, %v), zigBounds (%v, %v)", i, zigLo[i], zigHi[i], lo[i], hi[i])
		}
	}
}
