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

func TestAmount(t *testing.T) {
	tests := []struct {
		name string
		v    float64
		unit string
		want string
	}{
		// 1亿 = 10^8: 650亿元 = 6.5·10^10 yuan = 65 billion yuan.
		{"亿元 in billions", 650, "100 million yuan", "65 billion yuan"},
		{"亿元 a year", 40, "100 million yuan", "4 billion yuan"},
		{"亿美元 below a billion", 5.7, "100 million US dollars", "570 million US dollars"},
		{"万元 per capita", 7.9, "10,000 yuan", "79,000 yuan"},
		{"万吨 in millions", 630, "10,000 t", "6.3 million t"},
		{"万元 per mu", 0.5, "10,000 yuan per mu", "5,000 yuan per mu"},
		{"negative", -15, "10,000 people", "-150,000 people"},
		{"percent", 54, "%", "54%"},
		{"plain unit", 311, "days", "311 days"},
		{"four digits", 1.23456, "coefficient", "1.235 coefficient"},
		{"large plain", 12345.6, "km", "12350 km"},
		{"unknown", math.NaN(), "100 million yuan", "—"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Amount(tt.v, tt.unit); got != tt.want {
				t.Errorf("Amount(%g, %q) = %q, want %q", tt.v, tt.unit, got, tt.want)
			}
		})
	}
}

func TestGroup(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0", "0"},
		{"999", "999"},
		{"1000", "1,000"},
		{"29213.456", "29,213.456"},
		{"-1234567", "-1,234,567"},
		{"-123", "-123"},
		{"1234567.25", "1,234,567.25"},
		{"—", "—"},
		{"-", "-"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := Group(tc.in); got != tc.want {
			t.Errorf("Group(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
