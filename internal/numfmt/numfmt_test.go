package numfmt

import (
	"math"
	"testing"
)

func TestFixed(t *testing.T) {
	tests := []struct {
		v    float64
		dec  int
		want string
	}{
		{4.82700, 2, "4.83"},
		{6, 2, "6"},
		{-0.0001, 2, "0"},
		{1036.6, 0, "1037"},
		{0.44, 3, "0.44"},
		{math.NaN(), 2, "—"},
		{math.Inf(1), 2, "—"},
	}
	for _, tc := range tests {
		if got := Fixed(tc.v, tc.dec); got != tc.want {
			t.Errorf("Fixed(%v, %d) = %q, want %q", tc.v, tc.dec, got, tc.want)
		}
	}
}
