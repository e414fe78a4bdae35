package vocabulary

import (
	"strings"
	"testing"

	"fyp/seeds"
)

// Every indicator of the embedded plans is in the vocabulary under its id,
// with its name and the same direction; the 14th plan's with its unit.
func TestCoversEmbeddedPlans(t *testing.T) {
	v := Default()
	for _, id := range seeds.IDs() {
		p, err := seeds.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, ind := range p.Indicators {
			e, ok := v.ByID(ind.ID)
			if !ok {
				t.Errorf("%s: %s missing", id, ind.ID)
				continue
			}
			if got, name, _ := v.Find(ind.Name.ZH); got.ID != ind.ID {
				t.Errorf("%s: Find(%q) = %s (by %q), want %s", id, ind.Name.ZH, got.ID, name, ind.ID)
			}
			if e.Direction != ind.Direction.String() {
				t.Errorf("%s: %s direction %s, plan says %s", id, ind.ID, e.Direction, ind.Direction)
			}
			if id == seeds.Default && e.Unit != ind.Unit.ZH {
				t.Errorf("%s: %s unit %s, plan says %s", id, ind.ID, e.Unit, ind.Unit.ZH)
			}
		}
	}
}

func TestFind(t *testing.T) {
	v := Default()
	for _, tc := range []struct{ text, want string }{
		{"GDP", "gdp"},
		{"国内生产总值增长", "gdp"},
		{"研究与试验经费支出占GDP比重", "rd_intensity"},
		{"单位国内生产总值能源消耗降低", "energy_intensity"},
		{"森林覆盖率", "forest_coverage"},
	} {
		if e, _, _ := v.Find(tc.text); e.ID != tc.want {
			t.Errorf("Find(%q) = %q, want %q", tc.text, e.ID, tc.want)
		}
	}
	if _, _, ok := v.Find("月球基地数量"); ok {
		t.Error("Find found an entry for an unknown name")
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{
		"id\tunit\tunit_en\tdirection\tpath\tbounds\tname_en\tnames\nx\t%\n",
		"x\t%\t%\tsideways\tlinear\t\tX\t名\n",
		"x\t%\t%\tup\tlinear\t0\tX\t名\n",
		"x\t%\t%\tup\tlinear\t\tX\t名\nx\t%\t%\tup\tlinear\t\tX\t名\n",
	} {
		if _, err := Parse([]byte(in)); err == nil {
			t.Errorf("Parse(%q) = nil error", in)
		}
	}
}

// The vocabulary is not a plan: the embedded plans are the *.yaml files of
// package seeds only.
func TestNotAPlan(t *testing.T) {
	for _, id := range seeds.IDs() {
		if strings.Contains(id, "vocabulary") {
			t.Errorf("plan ids %v include the vocabulary", seeds.IDs())
		}
	}
	if _, err := seeds.Source("vocabulary"); err == nil {
		t.Error("the vocabulary is embedded as a plan")
	}
}
