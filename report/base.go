package report

import (
	"math"

	"fyp/model"
)

// BaseSource says where a review table's base value comes from.
type BaseSource int

const (
	// BaseNone: neither the plan nor the file gives one ("—").
	BaseNone BaseSource = iota
	// BasePlan: the plan's own baseline (规划基期值), what a review table
	// prints whether or not the review could compute with it.
	BasePlan
	// BaseRevised: the review computed with a base-year figure from the
	// observed file that differs from the plan's (a rebasing, e.g. after
	// a census); the plan's figure is Plan.
	BaseRevised
	// BaseFile: the plan prints none; the review took the file's.
	BaseFile
	// BaseIndex: growth rates chained into an index, base year = 100.
	BaseIndex
)

// Base is a review row's base value for a table.
type Base struct {
	Value  float64    // NaN for BaseNone
	Plan   float64    // the plan's baseline (NaN when it prints none)
	Year   int        // the base year of the target
	Source BaseSource // where Value comes from
}

// BaseOf is the base value a review table shows for r: the one the review
// computed with when it computed; else the plan's baseline, which the plan
// prints whether or not the file has figures to compare with it. A target
// counted from another year than the plan's base year (t.From) has no plan
// baseline of its own.
func BaseOf(p *model.Plan, r model.Review) Base {
	ind := r.Indicator
	b := Base{Value: math.NaN(), Plan: math.NaN(), Year: r.Target.From}
	if b.Year == 0 {
		b.Year = p.BaseYear
	}
	if ind.Baseline.Known && b.Year == p.BaseYear {
		b.Plan = ind.Baseline.Value
	}
	switch {
	case !isNaN(r.Base) && r.Scale == model.ScaleIndex:
		b.Value, b.Source = r.Base, BaseIndex
	case !isNaN(r.Base) && isNaN(b.Plan):
		b.Value, b.Source = r.Base, BaseFile
	case !isNaN(r.Base) && math.Abs(r.Base-b.Plan) > 1e-9*math.Max(1, math.Abs(b.Plan)):
		b.Value, b.Source = r.Base, BaseRevised
	case !isNaN(b.Plan):
		b.Value, b.Source = b.Plan, BasePlan
	}
	return b
}
