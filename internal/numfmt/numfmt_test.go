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

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 99_947: "99,947", 1_234_567: "1,234,567", -1000: "-1,000"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
