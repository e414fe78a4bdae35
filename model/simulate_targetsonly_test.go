package model_test

import (
	"fmt"
	"reflect"
	"testing"

	"fyp/model"
	"fyp/scenarios"
	"fyp/seeds"
)

// TestSimulateTargetsOnlyKeepsTargets: SimOptions.TargetsOnly (fyp serve's
// P(met)) drops the bands and nothing else: on every embedded plan under
// its own rules and every shipped scenario that loads against it, with one
// block of draws and with several (the histogram path), on one worker and
// two, every target's P(met), SE, percentiles, undefined count and status
// and the warnings are exactly those of the full run. A run with shocks
// large enough to be censored keeps its censoring warnings too.
func TestSimulateTargetsOnlyKeepsTargets(t *testing.T) {
	type run struct {
		name string
		pr   *model.Projection
		u    model.Uncertainty
	}
	var runs []run
	for _, id := range seeds.IDs() {
		p, err := seeds.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		pr, err := model.Project(p, nil)
		if err != nil {
			t.Fatal(err)
		}
		runs = append(runs, run{id + "/plan", pr, model.DefaultUncertainty(p)})
		wild := model.DefaultUncertainty(p)
		for k, s := range wild.Shocks {
			s.SD *= 12 // large enough that some draw-years hit the floor
			wild.Shocks[k] = s
		}
		runs = append(runs, run{id + "/plan, 12× sd", pr, wild})
		ids, _ := scenarios.Applicable(p)
		for _, sc := range ids {
			r, err := scenarios.Load(sc, p)
			if err != nil {
				continue
			}
			pr, err := model.Project(p, r.Scenario)
			if err != nil {
				continue
			}
			u := model.DefaultUncertainty(p)
			if r.Scenario.Uncertainty != nil {
				u = *r.Scenario.Uncertainty
			}
			runs = append(runs, run{id + "/" + sc, pr, u})
		}
	}
	censored := false
	for _, r := range runs {
		for _, opt := range []model.SimOptions{{Draws: 700, Seed: 5, Workers: 1}, {Draws: 10_000, Seed: model.DefaultSeed, Workers: 1}, {Draws: 5000, Seed: 9, Workers: 2}} {
			name := fmt.Sprintf("%s, %d draws, %d workers", r.name, opt.Draws, opt.Workers)
			full, err := model.Simulate(r.pr, r.u, opt)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			opt.TargetsOnly = true
			only, err := model.Simulate(r.pr, r.u, opt)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if len(full.Bands) == 0 {
				t.Errorf("%s: the full run has no bands; the case tests nothing", name)
			}
			if only.Bands != nil {
				t.Errorf("%s: TargetsOnly kept %d bands", name, len(only.Bands))
			}
			if len(only.Targets) != len(full.Targets) {
				t.Fatalf("%s: %d targets, want %d", name, len(only.Targets), len(full.Targets))
			}
			for i, a := range only.Targets {
				b := full.Targets[i]
				tn := fmt.Sprintf("%s: %s %d", name, b.Indicator.ID, b.Target.Year)
				if !same(a.PMet, b.PMet) || !same(a.SE, b.SE) || a.Undefined != b.Undefined || a.Status != b.Status || a.Stochastic != b.Stochastic || !same(a.Central, b.Central) {
					t.Errorf("%s: P(met) %v ± %v (undefined %d, %s), want %v ± %v (undefined %d, %s)", tn, a.PMet, a.SE, a.Undefined, a.Status, b.PMet, b.SE, b.Undefined, b.Status)
				}
				for j := range a.Q {
					if !same(a.Q[j], b.Q[j]) {
						t.Errorf("%s: P%g = %v, want %v", tn, model.Percentiles[j], a.Q[j], b.Q[j])
					}
				}
			}
			if !reflect.DeepEqual(only.Warnings, full.Warnings) {
				t.Errorf("%s: warnings\n%v\nwant\n%v", name, only.Warnings, full.Warnings)
			}
			for _, b := range full.Bands {
				censored = censored || b.Censored > 0
			}
		}
	}
	if !censored {
		t.Error("no run censored a draw-year: the censoring warnings went untested")
	}
}
