package main

import (
	"fmt"
	"io"

	"fyp/model"
)

// writeCompareCSV writes the targets side by side: one row per target
// (id, year, kind, bound, target) and, for each scenario in order, its
// projected metric, whether it is met (empty when not assessed) and the
// margin, in columns named SCENARIO_projected, SCENARIO_met, SCENARIO_margin;
// last, relative_to for a target relative to another indicator's growth.
func writeCompareCSV(w io.Writer, prs []*model.Projection, scope string) error {
	t := &table{Head: []string{"id", "year", "kind", "bound", "target"}}
	for _, pr := range prs {
		n := pr.Name()
		t.Head = append(t.Head, n+"_projected", n+"_met", n+"_margin")
	}
	t.Head = append(t.Head, "relative_to")
	type key struct {
		id         string
		year, from int
		kind       model.Kind
		relativeTo string
	}
	per := make([]map[key]model.Assessment, len(prs))
	for i, pr := range prs {
		per[i] = map[key]model.Assessment{}
		for _, a := range model.Assess(pr) {
			per[i][key{a.Indicator.ID, a.Target.Year, a.Target.From, a.Target.Kind, a.Target.RelativeTo}] = a
		}
	}
	for _, a := range model.Assess(prs[0]) {
		if !inScope(a, prs[0].Plan, scope) {
			continue
		}
		tv := ""
		if a.Target.Kind != model.Delegated {
			tv = fmtNum(a.Target.Value, 6)
		}
		row := []string{a.Indicator.ID, fmt.Sprint(a.Target.Year), string(a.Target.Kind), string(a.Target.Bound), tv}
		k := key{a.Indicator.ID, a.Target.Year, a.Target.From, a.Target.Kind, a.Target.RelativeTo}
		for i := range prs {
			b, ok := per[i][k]
			if !ok {
				row = append(row, "", "", "")
				continue
			}
			met := ""
			if b.Status == model.Assessed {
				met = fmt.Sprint(b.Met)
			}
			row = append(row, fmtNum(b.Projected, 6), met, fmtNum(b.Margin, 6))
		}
		t.Rows = append(t.Rows, append(row, a.Target.RelativeTo))
	}
	return t.write(w, "csv")
}
