package model_test

import (
	"fmt"
	"math"
	"runtime"
	"testing"

	"fyp/model"
	"fyp/seeds"
)

func planProjection(t testing.TB) *model.Projection {
	t.Helper()
	p, err := seeds.Load("jiangjin-14")
	if err != nil {
		t.Fatal(err)
	}
	pr, err := model.Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pr
}

// With every σ = 0 (and the default correlations, so the Cholesky step
// runs) every draw is the deterministic projection: bands and target
// metrics equal Project's and Assess's numbers exactly.
func TestSimulateZeroSigmaReproducesProjection(t *testing.T) {
	pr := planProjection(t)
	if len(pr.Warnings) > 0 {
		t.Logf("projection warnings: %v", pr.Warnings)
	}
	u := model.DefaultUncertainty(pr.Plan)
	for id, s := range u.Shocks {
		s.SD = 0
		u.Shocks[id] = s
	}
	sim, err := model.Simulate(pr, u, model.SimOptions{Draws: 300, Seed: 1, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(sim.Bands) < 30 {
		t.Fatalf("only %d bands; the default shocks should reach at least 30 indicators", len(sim.Bands))
	}
	for _, b := range sim.Bands {
		for i, q := range b.Q {
			want := pr.Series[b.ID].Values[i]
			for k, v := range q {
				if !same(v, want) {
					t.Errorf("%s %d P%g = %v, want %v (the deterministic path)", b.ID, b.Start+i, model.Percentiles[k], v, want)
				}
			}
		}
	}
	as := model.Assess(pr)
	if len(as) != len(sim.Targets) {
		t.Fatalf("%d targets, Assess has %d", len(sim.Targets), len(as))
	}
	for k, a := range as {
		ts := sim.Targets[k]
		if a.Status != model.Assessed {
			continue
		}
		want := 0.0
		if a.Met {
			want = 1
		}
		if ts.PMet != want || ts.SE != 0 {
			t.Errorf("%s %s %d: P(met) = %v ± %v, want %v ± 0", a.Indicator.ID, a.Target.Kind, a.Target.Year, ts.PMet, ts.SE, want)
		}
		for _, v := range ts.Q {
			if !same(v, a.Projected) {
				t.Errorf("%s %s %d: percentile %v, want %v", a.Indicator.ID, a.Target.Kind, a.Target.Year, v, a.Projected)
			}
		}
	}
}

// The same seed gives the same numbers whatever the number of workers.
func TestSimulateWorkersDoNotChangeTheResult(t *testing.T) {
	pr := planProjection(t)
	u := model.DefaultUncertainty(pr.Plan)
	var first string
	for _, w := range []int{1, 2, 5} {
		sim, err := model.Simulate(pr, u, model.SimOptions{Draws: 3000, Seed: 7, Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		got := fmt.Sprintf("%v %v", sim.Bands, targetsString(sim.Targets))
		if first == "" {
			first = got
		} else if got != first {
			t.Errorf("workers %d: result differs from workers 1", w)
		}
	}
}

func targetsString(ts []model.TargetSim) string {
	s := ""
	for _, t := range ts {
		s += fmt.Sprintf("%s %v %v %v %v %d\n", t.Indicator.ID, t.Target, t.PMet, t.SE, t.Q, t.Undefined)
	}
	return s
}

func same(a, b float64) bool { return a == b || (math.IsNaN(a) && math.IsNaN(b)) }

// The default volatilities of the Jiangjin plan stay below the warning
// share (trade and foreign investment have fat tails: a few draws in
// 100,000 are censored, which the run reports, not a validation warning).
func TestDefaultShocksBelowCensorWarning(t *testing.T) {
	pr := planProjection(t)
	risk, err := model.CensorRisk(pr, model.DefaultUncertainty(pr.Plan))
	if err != nil {
		t.Fatal(err)
	}
	for id, r := range risk {
		t.Logf("%s: %.3g", id, r)
		if r > model.CensorWarnShare {
			t.Errorf("%s: %.3g of a year's draws censored, above %g", id, r, model.CensorWarnShare)
		}
	}
	if risk["fdi"] == 0 {
		t.Error("fdi: no risk at all, yet its t(5) shock of sd 15 draws rates below −99 % now and then")
	}
}

// BenchmarkSimulatePlan is the yardstick: 100,000 draws of every
// indicator the default uncertainty shocks, to 2035, with every target's
// probability and every yearly band.
func BenchmarkSimulatePlan(b *testing.B) {
	pr := planProjection(b)
	u := model.DefaultUncertainty(pr.Plan)
	opt := model.SimOptions{Draws: 100000, Seed: model.DefaultSeed, Workers: runtime.GOMAXPROCS(0)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := model.Simulate(pr, u, opt); err != nil {
			b.Fatal(err)
		}
	}
}
