package model

import (
	"fmt"
	"runtime"
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
	f, err := corrFactor(ids, cs)
	runtime.ReadMemStats(&after)
	if f != nil || err != nil {
		t.Fatalf("corrFactor = %v, %v; want nil, nil", f, err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 16<<20 {
		t.Errorf("corrFactor allocated %d MB for shocks without correlations", n>>20)
	}
	// With a correlation the factor is built as before.
	f, err = corrFactor([]string{"a", "b", "c"}, []Correlation{{A: "a", B: "c", Rho: 0.6}})
	if err != nil || len(f) != 3 || f[2][0] != 0.6 || f[1][0] != 0 || f[1][1] != 1 {
		t.Errorf("corrFactor(a–c 0.6) = %v, %v", f, err)
	}
}
