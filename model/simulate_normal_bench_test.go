package model

import "testing"

// BenchmarkFillNorm is the cost of the block's normals, per 1024.
func BenchmarkFillNorm(b *testing.B) {
	s := newStream(1, 0)
	z := make([]float64, SimBlock)
	for b.Loop() {
		s.fillNorm(z)
	}
}
