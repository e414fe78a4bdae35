package model

import (
	"sort"

	"fyp/internal/bilingual"
)

// Text is a label in Chinese and English.
type Text struct {
	ZH string
	EN string
}

// In returns the label in lang ("zh" or "en"), falling back to the other
// language when the requested one is empty. English that falls back to
// Chinese words (a plan file without name_en) quotes them as the plan's
// own: “月球基地数量”.
func (t Text) In(lang string) string {
	if lang == "en" && t.EN != "" {
		return t.EN
	}
	if t.ZH != "" {
		return QuoteSource(lang, t.ZH)
	}
	return t.EN
}

// Attribute is a target's standing in the plan.
type Attribute string

const (
	Expected Attribute = "expected" // 预期性: guidance
	Binding  Attribute = "binding"  // 约束性: a commitment the government must keep
)

// Direction says whether higher or lower values of an indicator are better.
type Direction int

const (
	Up   Direction = 1  // higher is better
	Down Direction = -1 // lower is better
)

func (d Direction) String() string {
	if d == Down {
		return "down"
	}
	return "up"
}

// PathKind says how an indicator's change is naturally expressed: compound
// (percent a year, for money and output levels) or linear (units a year, for
// shares and rates, whose changes are read in percentage points).
type PathKind string

const (
	Compound PathKind = "compound"
	Linear   PathKind = "linear"
)

// Baseline is an indicator's level in the plan's base year. Known is false
// when the plan prints no figure (GDP's level, the urbanization rate pending
// the census); the engine then works on a relative series (see Series.Relative).
type Baseline struct {
	Year  int
	Value float64
	Known bool
}

// Observation is a figure the plan (or a user's file) reports. Metric gives
// its meaning with the same vocabulary as target kinds: a level in Year, or a
// growth, change, cumulative or reduction from From to Year.
type Observation struct {
	Year   int
	From   int
	Metric Kind
	Value  float64
	Known  bool // false when the plan prints no number (census pending)
	// Comparable is false when the figure is on another definition than
	// the target (口径调整): printed, but never used to measure progress.
	Comparable bool
	Text       string
	Note       string
}

// Indicator is one level series of a plan with the targets set on it.
type Indicator struct {
	ID         string
	No, Sub    int // 序号 and sub-row in the main table; 0 for chapter targets
	Name       Text
	Short      Text // a short name for chart rows (short, short_en); empty: Name
	Unit       Text
	Group      Text
	Section    string // 第N章第M节, where users cite it
	Box        string // the 专栏 the figure stands in, if any
	Attribute  Attribute
	Direction  Direction
	Path       PathKind
	Bounded    bool    // true when Lo and Hi are natural bounds of the level
	Lo, Hi     float64 // natural bounds (shares: 0 and 100)
	PriceBasis string  // "2020", "comparable", "current" or ""
	Baseline   Baseline
	Targets    []Target
	Rule       *Assumption // a path the plan itself states (年均增长40亿元), or nil
	Derived    *Derivation // set when the indicator is computed from others
	Observed   []Observation
	TableBase  string // the main table's cells as printed
	TableGoal  string
	Quote      string
	Note       string
}

// InTable reports whether the indicator is a row of the plan's main table.
func (ind *Indicator) InTable() bool { return ind.No > 0 }

// Goal is a qualitative goal: listed, never assessed.
type Goal struct {
	ID      string
	Year    int
	Section string
	Text    Text
}

// Plan is a development plan: its years and its indicators.
type Plan struct {
	ID          string
	Title       Text
	Region      Text
	BaseYear    int
	TargetYear  int
	VisionYear  int // 0 when the plan has no long-range year
	Previous    *Plan
	PreviousID  string
	Source      string
	Indicators  []*Indicator
	Qualitative []Goal

	byID map[string]*Indicator
}

// Indicator returns the indicator with the given id, or nil.
func (p *Plan) Indicator(id string) *Indicator {
	if p.byID == nil {
		p.byID = make(map[string]*Indicator, len(p.Indicators))
		for _, ind := range p.Indicators {
			p.byID[ind.ID] = ind
		}
	}
	return p.byID[id]
}

// IDs returns the ids of the plan's indicators in plan order.
func (p *Plan) IDs() []string {
	ids := make([]string, len(p.Indicators))
	for i, ind := range p.Indicators {
		ids[i] = ind.ID
	}
	return ids
}

// LastYear is the latest year any target of the plan names.
func (p *Plan) LastYear() int {
	y := p.TargetYear
	if p.VisionYear > y {
		y = p.VisionYear
	}
	for _, ind := range p.Indicators {
		for _, t := range ind.Targets {
			if t.Year > y {
				y = t.Year
			}
		}
	}
	return y
}

// Validate checks the invariants the engine relies on. Loaders report
// problems with file and line first; this is the last line of defence for
// plans built in code.
func (p *Plan) Validate() error {
	if p.BaseYear <= 0 || p.TargetYear <= p.BaseYear {
		return bilingual.Errorf("规划%q：目标年%d须晚于基期年%d", "model: plan %q: target year %d must come after base year %d", p.ID, p.TargetYear, p.BaseYear)
	}
	seen := map[string]bool{}
	for _, ind := range p.Indicators {
		if seen[ind.ID] {
			return bilingual.Errorf("规划%q：指标ID %q重复", "model: plan %q: duplicate indicator id %q", p.ID, ind.ID)
		}
		seen[ind.ID] = true
		for _, t := range ind.Targets {
			if t.Year <= p.BaseYear {
				return bilingual.Errorf("%s：目标年%d不晚于基期年%d", "model: %s: target year %d is not after base year %d", ind.ID, t.Year, p.BaseYear)
			}
			if !t.Kind.Valid() {
				return bilingual.Errorf("%s：未知的目标类型%q", "model: %s: unknown target kind %q", ind.ID, t.Kind)
			}
		}
	}
	for _, ind := range p.Indicators {
		for _, t := range ind.Targets {
			switch {
			case !t.Relative():
			case t.Kind != Growth:
				return bilingual.Errorf("%s：%s类目标不能相对于另一指标（只有growth可以）", "model: %s: a %s target cannot be relative to another indicator (only growth)", ind.ID, t.Kind)
			case t.RelativeTo == ind.ID:
				return bilingual.Errorf("%s：目标不能相对于它自己的指标", "model: %s: a target cannot be relative to its own indicator", ind.ID)
			case !seen[t.RelativeTo]:
				return bilingual.Errorf("%s：目标相对于未知的指标%q", "model: %s: target relative to unknown indicator %q", ind.ID, t.RelativeTo)
			}
		}
	}
	for _, ind := range p.Indicators {
		if ind.Derived != nil {
			for _, op := range ind.Derived.Of {
				if !seen[op] {
					return bilingual.Errorf("%s：由未知的指标%q计算", "model: %s: derived from unknown indicator %q", ind.ID, op)
				}
			}
		}
	}
	_, err := derivedOrder(p, nil)
	return err
}

// sortedTargets returns ind's numeric targets on its own path by year
// (stable): relative targets, which fix no level of their own, are left out.
func sortedTargets(ind *Indicator) []Target {
	ts := make([]Target, 0, len(ind.Targets))
	for _, t := range ind.Targets {
		if t.Kind != Delegated && !t.Relative() {
			ts = append(ts, t)
		}
	}
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].Year < ts[j].Year })
	return ts
}
