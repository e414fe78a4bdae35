package main

import "testing"

// TestTotals: every 合计 line (assess, review, the ex-post record) reads as
// the record's did, "达标28项" with no space in Chinese (before: assess and
// review wrote "达标 28"); English keeps "met 28". The counts are made up.
func TestTotals(t *testing.T) {
	counts := map[string]int{"达标": 28, "met": 28, "数据不足": 3, "insufficient data": 3}
	tests := []struct {
		name  string
		keys  []string
		zeros bool
		lang  string
		want  string
	}{
		{"zh, zeros kept", []string{"达标", "未达标", "数据不足"}, true, "zh", "合计：达标28项，未达标0项，数据不足3项"},
		{"en, zeros kept", []string{"met", "not met", "insufficient data"}, true, "en", "Totals: met 28, not met 0, insufficient data 3"},
		{"zh, zeros left out", []string{"达标", "未达标", "数据不足"}, false, "zh", "合计：达标28项，数据不足3项"},
		{"en, zeros left out", []string{"met", "not met"}, false, "en", "Totals: met 28"},
	}
	for _, tc := range tests {
		if got := totals(tc.keys, counts, tc.zeros, tc.lang); got != tc.want {
			t.Errorf("%s: totals(%q, zeros %v, %s) = %q, want %q", tc.name, tc.keys, tc.zeros, tc.lang, got, tc.want)
		}
	}
}
