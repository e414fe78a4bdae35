package scenarios

import (
	"slices"
	"testing"

	"fyp/seeds"
)

// The shipped scenarios apply to the plan they are written for and to no
// plan that lacks an indicator they (or their parents) name.
func TestApplicable(t *testing.T) {
	jj, err := seeds.Load("jiangjin-14")
	if err != nil {
		t.Fatal(err)
	}
	ids, skipped := Applicable(jj)
	if !slices.Equal(ids, IDs()) || len(skipped) != 0 {
		t.Errorf("jiangjin-14: applicable %v, skipped %v; want every shipped scenario", ids, skipped)
	}
	nat, err := seeds.Load("../testdata/plans/national-14.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ids, skipped = Applicable(nat)
	if len(ids) != 0 || len(skipped) != len(IDs()) {
		t.Fatalf("national-14: applicable %v, skipped %v; want none applicable", ids, skipped)
	}
	for _, s := range skipped {
		if s.Plan != "jiangjin-14" {
			t.Errorf("%s: written for %q, want jiangjin-14 (inherited from baseline)", s.ID, s.Plan)
		}
		// Every child extends baseline, whose population assumption the
		// national plan cannot take.
		if !slices.Contains(s.Missing, "population") {
			t.Errorf("%s: missing %v, want population among them", s.ID, s.Missing)
		}
	}
	if i := slices.IndexFunc(skipped, func(s Skip) bool { return s.ID == "trend" }); i < 0 || !slices.Contains(skipped[i].Missing, "work_safety_fatality_rate") {
		t.Errorf("trend: want work_safety_fatality_rate among the missing: %v", skipped)
	}
}
