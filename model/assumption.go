package model

import (
	"fmt"
	"sort"
)

// RuleKind names a projection rule (DOMAIN.md §4).
type RuleKind string

const (
	RuleCompound RuleKind = "compound" // x_t = x_{t-1}·(1 + g_t/100)
	RuleLinear   RuleKind = "linear"   // x_t = x_{t-1} + s_t
	RuleLogistic RuleKind = "logistic" // x_t = x_{t-1} + (r_t/100)·x_{t-1}·(1 − x_{t-1}/K)
	RuleHold     RuleKind = "hold"     // x_t = x_{t-1}
	RulePlan     RuleKind = "plan"     // the path that meets the plan's targets exactly
	RuleDerived  RuleKind = "derived"  // computed from other indicators
)

// Rules lists every rule, for messages and validation.
var Rules = []RuleKind{RuleCompound, RuleLinear, RuleLogistic, RuleHold, RulePlan, RuleDerived}

// Valid reports whether r is a known rule.
func (r RuleKind) Valid() bool {
	for _, v := range Rules {
		if r == v {
			return true
		}
	}
	return false
}

// Yearly is a value that may differ by year: Years[y] applies to the change
// from y−1 to y, Default to every other year.
type Yearly struct {
	Default float64
	Years   map[int]float64
}

// Flat is a Yearly with the same value every year.
func Flat(v float64) Yearly { return Yearly{Default: v} }

// At returns the value for the change into year y.
func (y Yearly) At(year int) float64 {
	if v, ok := y.Years[year]; ok {
		return v
	}
	return y.Default
}

// Mean is the average over the changes into years from+1 … to.
func (y Yearly) Mean(from, to int) float64 {
	if to <= from {
		return y.Default
	}
	var s float64
	for t := from + 1; t <= to; t++ {
		s += y.At(t)
	}
	return s / float64(to-from)
}

// String prints the default and any year-specific values.
func (y Yearly) String() string {
	if len(y.Years) == 0 {
		return fmt.Sprintf("%g", y.Default)
	}
	years := make([]int, 0, len(y.Years))
	for k := range y.Years {
		years = append(years, k)
	}
	sort.Ints(years)
	s := ""
	for _, k := range years {
		s += fmt.Sprintf("%d:%g ", k, y.Years[k])
	}
	return s + fmt.Sprintf("default:%g", y.Default)
}

// Assumption is how one indicator is projected in a scenario.
type Assumption struct {
	Rule    RuleKind
	Rate    Yearly      // percent a year (compound, logistic)
	Step    Yearly      // the indicator's units a year (linear)
	Ceiling float64     // logistic ceiling K, in the indicator's units
	Derived *Derivation // the formula, for RuleDerived
}

// Op is a derivation's operation.
type Op string

const (
	OpRatio      Op = "ratio"      // a / b, scaled to the baseline
	OpProduct    Op = "product"    // a · b, scaled to the baseline
	OpShare      Op = "share"      // 100 · a / b, scaled to the baseline
	OpSum        Op = "sum"        // a + b + …
	OpDifference Op = "difference" // a − b
)

// Ops lists every derivation operation.
var Ops = []Op{OpRatio, OpProduct, OpShare, OpSum, OpDifference}

// Valid reports whether o is a known operation.
func (o Op) Valid() bool {
	for _, v := range Ops {
		if o == v {
			return true
		}
	}
	return false
}

// Derivation computes an indicator from others. Ratio, product and share are
// scaled so the derived series equals its own baseline in the base year,
// x_t = x_0·(a_t/a_0)/(b_t/b_0), which makes them work on index series too.
type Derivation struct {
	Op Op
	Of []string
}

// Shock perturbs a projection: a one-off level shift in Year (LevelPct
// percent, persisting in later years), or a change of the rate (RatePP
// percentage points; for linear rules, units a year) in every year From … To.
type Shock struct {
	Indicator string
	Year      int
	LevelPct  float64
	From, To  int
	RatePP    float64
}

// Scenario is a resolved set of assumptions: what scenarios files become
// after inheritance. Indicators without an assumption follow the plan.
type Scenario struct {
	Name        string
	Title       Text
	Horizon     int // last projected year; 0 means the plan's last target year
	Assumptions map[string]Assumption
	Shocks      []Shock
	// Observed levels replace projected ones in their years; projection
	// continues from the latest observation.
	Observed map[string]map[int]float64
	// Uncertainty is nil for a deterministic scenario.
	Uncertainty *Uncertainty
}

// RuleFor returns the assumption that governs ind in sc (sc may be nil):
// the scenario's own, else the plan's derivation, else the plan's stated
// rule, else the plan path.
func RuleFor(ind *Indicator, sc *Scenario) Assumption {
	if sc != nil {
		if a, ok := sc.Assumptions[ind.ID]; ok {
			if a.Rule == RuleDerived && a.Derived == nil {
				a.Derived = ind.Derived
			}
			return a
		}
	}
	if ind.Derived != nil {
		return Assumption{Rule: RuleDerived, Derived: ind.Derived}
	}
	if ind.Rule != nil {
		return *ind.Rule
	}
	return Assumption{Rule: RulePlan}
}
