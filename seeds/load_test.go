package seeds

import "testing"

func TestEmbeddedPlansLoad(t *testing.T) {
	for _, id := range IDs() {
		p, err := Load(id)
		if err != nil {
			t.Fatalf("Load(%q): %v", id, err)
		}
		t.Logf("%s: %d indicators, %d qualitative", id, len(p.Indicators), len(p.Qualitative))
	}
}
