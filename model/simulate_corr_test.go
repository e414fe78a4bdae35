package model

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"testing"
)

// TestCorrFactorWithoutCorrelationsAllocatesNoMatrix: shocks without any
// correlation between them need no factor, and none is built. A plan of
// 20,000 indicators (4 MB, within the plan files' limit), each with its
// default shock, allocated a 20,000² matrix, 3.2 GB, and died of it where
// memory is limited.
func TestCorrFactorWithoutCorrelationsAllocatesNoMatrix(t *testing.T) {
	ids := make([]string, 20000)
	for i := range ids {
		ids[i] = fmt.Sprint("i", i)
	}
	cs := []Correlation{{A: "i1", B: "nosuch", Rho: 0.5}, {A: "i2", B: "i3", Rho: 0}}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	of, f, err := corrFactor(ids, cs)
	runtime.ReadMemStats(&after)
	if of != nil || f != nil || err != nil {
		t.Fatalf("corrFactor = %v, %v, %v; want nil, nil, nil", of, f, err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 16<<20 {
		t.Errorf("corrFactor allocated %d MB for shocks without correlations", n>>20)
	}
	// With a correlation the factor of the correlated shocks is built:
	// a and c, b being independent of both.
	of, f, err = corrFactor([]string{"a", "b", "c"}, []Correlation{{A: "a", B: "c", Rho: 0.6}})
	if err != nil || len(of) != 2 || of[0] != 0 || of[1] != 2 || len(f) != 2 || f[0][0] != 1 || f[1][0] != 0.6 || math.Abs(f[1][1]-0.8) > 1e-15 {
		t.Errorf("corrFactor(a–c 0.6) = %v, %v, %v", of, f, err)
	}
}

// TestCorrFactorFactorsOnlyCorrelatedShocks: of 5,000 shocks, two
// correlated ones are factored, not a 5,000² matrix (200 MB, three times
// over: a plan of 20,000 indicators that kept a calibrated pair exhausted
// memory in Compile, before any budget was checked); the rows applied to
// the draws name the shocks by their place among all of them.
func TestCorrFactorFactorsOnlyCorrelatedShocks(t *testing.T) {
	ids := make([]string, 5000)
	for i := range ids {
		ids[i] = fmt.Sprint("i", i)
	}
	cs := []Correlation{{A: "i10", B: "i4000", Rho: 0.5}}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	of, f, err := corrFactor(ids, cs)
	runtime.ReadMemStats(&after)
	if err != nil || len(of) != 2 || of[0] != 10 || of[1] != 4000 || len(f) != 2 || f[1][0] != 0.5 {
		t.Fatalf("corrFactor = %v, %v, %v", of, f, err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 16<<20 {
		t.Errorf("corrFactor allocated %d MB for one correlated pair", n>>20)
	}
	rows := sparseChol(of, f)
	if len(rows) != 1 || rows[0].K != 4000 || len(rows[0].J) != 1 || rows[0].J[0] != 10 || rows[0].C[0] != 0.5 {
		t.Errorf("sparseChol = %+v; want row 4000 with 0.5 × shock 10", rows)
	}
}

// TestCorrFactorBounded: a matrix of more than MaxCorrelatedShocks
// correlated shocks is refused before it is built (20,000 of them took
// 11 GB while factoring), and one that is not positive semi-definite with
// too many pairs to try one by one is refused without naming the pair (300
// shocks, every pair −0.5: 44,850 eigendecompositions, minutes).
func TestCorrFactorBounded(t *testing.T) {
	ids := make([]string, MaxCorrelatedShocks+1)
	var cs []Correlation
	for i := range ids {
		ids[i] = fmt.Sprint("i", i)
		if i > 0 {
			cs = append(cs, Correlation{A: ids[i-1], B: ids[i], Rho: 0.1})
		}
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, _, err := corrFactor(ids, cs)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "2001 shocks have correlations, over the limit of 2000") {
		t.Errorf("corrFactor(2,001 correlated shocks) = %v", err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 16<<20 {
		t.Errorf("corrFactor allocated %d MB before refusing", n>>20)
	}
	ids, cs = ids[:300], nil
	for i := range ids {
		for j := range i {
			cs = append(cs, Correlation{A: ids[j], B: ids[i], Rho: -0.5})
		}
	}
	_, _, err = corrFactor(ids, cs)
	if err == nil || !strings.Contains(err.Error(), "not positive semi-definite") || !strings.Contains(err.Error(), "too many pairs (44850)") {
		t.Errorf("corrFactor(300 shocks, every pair −0.5) = %v", err)
	}
}
