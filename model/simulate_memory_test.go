package model_test

import (
	"runtime"
	"testing"

	"fyp/model"
)

// TestSimMemory holds SimMemory's estimate to what a run of the embedded
// plan under the default uncertainty really allocates (runtime.MemStats
// TotalAlloc, which also counts each year's transient percentile buffers
// and the compiled program): the estimate must lie within 15 % below the
// measured allocation and never above it by more than 5 %, over draws and
// workers, so that a budget refused on it is a budget the run would break.
func TestSimMemory(t *testing.T) {
	pr := planProjection(t)
	u := model.DefaultUncertainty(pr.Plan)
	for _, c := range []struct{ draws, workers int }{{20_000, 1}, {50_000, 2}, {50_000, 16}, {100_000, 4}} {
		opt := model.SimOptions{Draws: c.draws, Seed: 1, Workers: c.workers}
		est, err := model.SimMemory(pr, u, opt)
		if err != nil {
			t.Fatal(err)
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		if _, err := model.Simulate(pr, u, opt); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		got := int64(after.TotalAlloc - before.TotalAlloc)
		ratio := float64(est) / float64(got)
		t.Logf("draws %d, workers %d: estimate %d B, allocated %d B (%.3f)", c.draws, c.workers, est, got, ratio)
		if ratio < 0.85 || ratio > 1.05 {
			t.Errorf("draws %d, workers %d: SimMemory = %d B, measured %d B: ratio %.3f outside [0.85, 1.05]", c.draws, c.workers, est, got, ratio)
		}
	}
}
