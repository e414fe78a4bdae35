package seeds

import (
	"fmt"
	"strings"
	"testing"
)

// TestMaxIndicators: a plan of more than MaxIndicators indicators is
// refused at the first one over, by its line (a 12,000-indicator plan made
// fyp run take 17 minutes and 7.4 GB); one of MaxIndicators is read.
func TestMaxIndicators(t *testing.T) {
	plan := func(n int) []byte {
		var b strings.Builder
		b.WriteString("id: big\ntitle: 大规划\nbase_year: 2025\ntarget_year: 2030\nindicators:\n")
		for i := range n {
			fmt.Fprintf(&b, "  - {id: x%d, name: 指标%d, unit: 万元, section: 第一章, attribute: expected, direction: up, path: compound, baseline: {year: 2025, value: 1}, targets: [{year: 2030, kind: level, value: 2, text: 达到2}]}\n", i, i)
		}
		return []byte(b.String())
	}
	if _, err := Parse("ok.yaml", plan(MaxIndicators)); err != nil {
		t.Fatalf("a plan of %d indicators: %v", MaxIndicators, err)
	}
	_, err := Parse("big.yaml", plan(MaxIndicators+1))
	want := fmt.Sprintf("big.yaml:%d:", 6+MaxIndicators)
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "at most 2000 indicators") {
		t.Fatalf("a plan of %d indicators: %v; want a refusal at %s", MaxIndicators+1, err, want)
	}
}
