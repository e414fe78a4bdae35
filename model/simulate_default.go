package model

import "math"

// DefaultDraws and DefaultSeed are used when neither the command line nor
// the scenario gives a number of draws or a seed. The seed is the plan's
// date of adoption (2021-06-09).
const (
	DefaultDraws        = 10000
	DefaultSeed  uint64 = 20210609
)

// defaultShocks are the volatilities assumed when a scenario gives none.
// The plan prints no yearly history: the previous plan's record gives one
// five-year figure per indicator, not a year-to-year spread. So every sd
// below is an assumption, of the size of year-to-year swings in Chongqing's
// district statistics, and says so; where the 13th-plan record gives a
// pace, it is noted to show the sd is small beside it. Units: compound
// indicators in percentage points of annual growth, linear ones in the
// indicator's units a year.
var defaultShocks = map[string]ShockSpec{
	// Output. Assumption: district GDP growth swings by about 1.5 pp a year
	// (13th plan: 8.9 %/yr on average), with some persistence.
	"gdp":                 {SD: 1.5, Rho: 0.4},
	"gdp_per_capita":      {SD: 1.5, Rho: 0.4}, // assumption; correlated 0.9 with gdp so population stays smooth
	"labour_productivity": {SD: 1.5, Rho: 0.4}, // assumption; correlated 0.8 with gdp
	"industrial_va":       {SD: 3, Rho: 0.4},   // assumption: industry swings about twice GDP (13th plan 9 %/yr)
	"digital_economy_va":  {SD: 5, Rho: 0.3},   // assumption: a young sector growing 20 %/yr
	// Structure (pp a year). Assumptions.
	"sei_manufacturing_share": {SD: 1.0, Rho: 0.3},
	"service_share":           {SD: 0.8, Rho: 0.3},
	"rd_intensity":            {SD: 0.1, Rho: 0.3}, // 13th plan: +0.12 pp/yr on average
	"urbanization_rate":       {SD: 0.3, Rho: 0.5},
	// Innovation and services (pp of growth). Assumptions.
	"invention_patents_per_10k": {SD: 5, Rho: 0.2},
	"innovation_platforms":      {SD: 4, Rho: 0.2},
	"doctors_per_1000":          {SD: 3, Rho: 0.2},
	// Living standards. Assumption: income growth is a little steadier than
	// GDP's (13th plan, rural: 9.6 %/yr) with fat tails (df 5).
	"income":                          {SD: 1.2, Rho: 0.4, DF: 5},
	"urban_rural_income_ratio":        {SD: 0.02, Rho: 0.3},
	"nursing_beds_share":              {SD: 2, Rho: 0.2},
	"inclusive_kindergarten_coverage": {SD: 1, Rho: 0.2},
	"life_expectancy":                 {SD: 0.15},
	// Openness: trade and investment are volatile (assumption), fat-tailed.
	"trade":           {SD: 10, Rho: 0.2, DF: 5},
	"fdi":             {SD: 15, Rho: 0.2, DF: 5},
	"corridor_trains": {SD: 15, Rho: 0.2},
	// Environment and safety. Forest coverage: 0.2 pp a year, an
	// assumption (13th plan: +1.06 pp/yr on average, 46.5 → 51.8).
	"forest_coverage": {SD: 0.2, Rho: 0.3},
	// Good-air days and grain capacity swing with the weather around a
	// level; the model shocks the yearly change, so a negative rho (−0.5,
	// as for the changes of independent yearly levels) keeps the drift
	// small. Assumptions. Water quality at 100 % gets no shock: at its
	// ceiling a random step could only fail its floor.
	"good_air_days":             {SD: 8, Rho: -0.5},
	"grain_capacity":            {SD: 0.5, Rho: -0.5},
	"work_safety_fatality_rate": {SD: 5, Rho: 0.2},
	// Chapter targets with a computable path. Assumptions.
	"industrial_land_va_intensity":     {SD: 3, Rho: 0.3},
	"industrial_land_tax_intensity":    {SD: 4, Rho: 0.3},
	"degan_park_output":                {SD: 12, Rho: 0.4}, // 亿元 a year, beside a plan step of 40
	"luohuang_park_output":             {SD: 12, Rho: 0.4},
	"shuangfu_manufacturing_output":    {SD: 9, Rho: 0.4},
	"baisha_park_output":               {SD: 5, Rho: 0.4},
	"bonded_zone_manufacturing_output": {SD: 5, Rho: 0.4},
	"railway_length":                   {SD: 3, Rho: 0.3},
	"expressway_length":                {SD: 10, Rho: 0.3},
	"water_use_per_gdp":                {SD: 2, Rho: 0.3},
	"land_use_per_gdp":                 {SD: 2, Rho: 0.3},
}

// defaultFactors tie indicators together through common factors: the
// correlation of two indicators on the same factor is the product of their
// loadings, which keeps the matrix a valid correlation matrix however many
// indicators share a factor. Assumptions: output indicators move with the
// district's business cycle (GDP and GDP per capita almost together, so
// that population, their ratio, stays smooth: its growth then swings by
// about 0.7 pp); a boom in industry lowers the services share; trade,
// foreign investment and the corridor trains share an external factor.
var defaultFactors = []map[string]float64{
	{
		"gdp": 0.95, "gdp_per_capita": 0.95, "labour_productivity": 0.85, "industrial_va": 0.75,
		"income": 0.65, "digital_economy_va": 0.4, "service_share": -0.3,
		"industrial_land_va_intensity": 0.5, "industrial_land_tax_intensity": 0.5,
		"degan_park_output": 0.5, "luohuang_park_output": 0.5, "shuangfu_manufacturing_output": 0.5,
		"baisha_park_output": 0.5, "bonded_zone_manufacturing_output": 0.5,
	},
	{"trade": 0.8, "fdi": 0.5, "corridor_trains": 0.6},
}

// calibratedUnits are the units the volatilities above are written in
// (those of Jiangjin's plans). A plan whose indicator of the same id has
// another unit gets the default for its kind of series instead: 0.5 万吨
// of grain a year means nothing for a national series in 亿吨, and a
// growth volatility written for a district's 件/万人 need not fit 件.
var calibratedUnits = map[string]string{
	"gdp": "亿元", "gdp_per_capita": "万元", "labour_productivity": "万元/人", "industrial_va": "亿元",
	"digital_economy_va": "亿元", "sei_manufacturing_share": "%", "service_share": "%", "rd_intensity": "%",
	"urbanization_rate": "%", "invention_patents_per_10k": "件/万人", "innovation_platforms": "家",
	"doctors_per_1000": "人", "income": "元", "urban_rural_income_ratio": "倍", "nursing_beds_share": "%",
	"inclusive_kindergarten_coverage": "%", "life_expectancy": "年", "trade": "亿元", "fdi": "亿美元",
	"corridor_trains": "列", "forest_coverage": "%", "good_air_days": "天", "grain_capacity": "万吨",
	"work_safety_fatality_rate": "人/亿元", "industrial_land_va_intensity": "万元/亩",
	"industrial_land_tax_intensity": "万元/亩", "degan_park_output": "亿元", "luohuang_park_output": "亿元",
	"shuangfu_manufacturing_output": "亿元", "baisha_park_output": "亿元", "bonded_zone_manufacturing_output": "亿元",
	"railway_length": "公里", "expressway_length": "公里", "water_use_per_gdp": "立方米/万元", "land_use_per_gdp": "公顷/亿元",
}

// Defaults by kind of series, for an indicator that has no volatility
// written for it (another plan's ids). Every one is an assumption, scaled
// from what the volatilities above encode:
//
//   - a rate in percent a year (a compound level, a logistic rate, or the
//     plan path of a compound indicator): σ = max(MinRateSD, |g|/4)
//     percentage points, ρ = 0.3, g the projection's average growth from
//     the base year to the first target year. 1.5 pp is the GDP
//     assumption; a quarter of the pace is the digital economy's (5 pp at
//     20 %/yr), beside which the rest of the table lies (patents 5 at
//     about 14 %/yr, industry 3 at 6 %/yr).
//   - a step in the indicator's units a year (a linear level, a share):
//     σ = max(|s|/2, |x|/200), ρ = 0.3, s the projection's average yearly
//     step and x its level in the base year (or the target year for a
//     series of changes). Half the step is forest coverage's (0.2 at
//     +0.44 pp/yr) and life expectancy's (0.15 at +0.26 yr/yr).
//   - a held level (s = 0: a floor or ceiling at the base level, or a
//     hold rule): σ = |x|/50, ρ = −0.5, a level that swings around its
//     value rather than drifting, as grain capacity (0.8 % of the level)
//     and good-air days (2.6 %) are assumed to.
const (
	MinRateSD      = 1.5  // pp of annual growth
	rateSDPerPace  = 0.25 // of the average growth rate
	stepSDPerStep  = 0.5  // of the average yearly step
	stepSDPerLevel = 0.005
	heldSDPerLevel = 0.02
	movingRho      = 0.3
	heldRho        = -0.5
)

// Unmodelled is an indicator with targets that no default shock reaches,
// and why: its P(met) is not a probability, and is shown as such.
type Unmodelled struct {
	ID     string
	Reason Text
}

// DefaultUncertainty is the uncertainty assumed for p under its own rules
// when no scenario gives one: DefaultUncertaintyFor of p's projection.
func DefaultUncertainty(p *Plan) Uncertainty {
	pr, err := Project(p, nil)
	if err != nil {
		return calibratedUncertainty(p, nil, nil)
	}
	u, _ := DefaultUncertaintyFor(pr)
	return u
}

// DefaultUncertaintyFor is the uncertainty assumed for pr when its
// scenario gives none. Each indicator that pr can compute and that follows
// a rule of its own (not derived under pr's scenario) gets the volatility
// written for its id above (in its unit) or else the default for its kind
// of series; the calibrated ones are correlated through defaultFactors.
// When the plan has a main table, the defaults by kind cover its rows
// only: chapter targets are modelled where a volatility is written for
// them (Jiangjin's results are so those of the calibrated table alone).
// An indicator whose base value sits at one of its bounds is not modelled
// (at its ceiling a random step could only break its floor). The second
// result lists the indicators with targets that nothing varies, and why.
func DefaultUncertaintyFor(pr *Projection) (Uncertainty, []Unmodelled) {
	p := pr.Plan
	hasTable := false
	for _, ind := range p.Indicators {
		hasTable = hasTable || ind.InTable()
	}
	shocks, calibrated := map[string]ShockSpec{}, map[string]bool{}
	var none []Unmodelled
	skip := func(ind *Indicator, zh, en string) {
		if hasNumericTarget(ind) {
			none = append(none, Unmodelled{ID: ind.ID, Reason: Text{ZH: zh, EN: en}})
		}
	}
	for _, ind := range p.Indicators {
		s := pr.Series[ind.ID]
		a := RuleFor(ind, pr.Scenario)
		switch {
		case s == nil || !s.Known():
			continue // insufficient data: said by Assess
		case a.Rule == RuleDerived:
			continue // follows from its operands, which carry the shocks
		}
		if spec, ok := defaultShocks[ind.ID]; ok && calibratedUnits[ind.ID] == ind.Unit.ZH {
			shocks[ind.ID], calibrated[ind.ID] = spec, true
			continue
		}
		switch {
		case ind.Bounded && s.Scale == ScaleLevel && (s.Values[0] <= ind.Lo || s.Values[0] >= ind.Hi):
			skip(ind, "基期值处于其取值边界，随机变动只会突破目标，未建模", "its base value sits at its bound, where a random step could only break the target: not modelled")
		case hasTable && !ind.InTable():
			skip(ind, "默认波动率只覆盖主要指标表；可在情景的 uncertainty 中给出", "default volatilities cover the main table only; give one in a scenario's uncertainty section")
		default:
			shocks[ind.ID] = kindShock(pr, ind, a, s)
		}
	}
	return calibratedUncertainty(p, shocks, calibrated), none
}

// calibratedUncertainty is an Uncertainty with shocks, the correlations
// of defaultFactors between the calibrated ones, DefaultDraws and
// DefaultSeed. nil shocks stand for the calibrated ones of p's indicators.
func calibratedUncertainty(p *Plan, shocks map[string]ShockSpec, calibrated map[string]bool) Uncertainty {
	u := Uncertainty{Draws: DefaultDraws, Seed: DefaultSeed, Shocks: shocks}
	if shocks == nil {
		u.Shocks, calibrated = map[string]ShockSpec{}, map[string]bool{}
		for _, ind := range p.Indicators {
			if s, ok := defaultShocks[ind.ID]; ok && ind.Derived == nil && calibratedUnits[ind.ID] == ind.Unit.ZH {
				u.Shocks[ind.ID], calibrated[ind.ID] = s, true
			}
		}
	}
	for _, f := range defaultFactors {
		ids := sortedKeys(f)
		for i, a := range ids {
			for _, b := range ids[i+1:] {
				if calibrated[a] && calibrated[b] {
					u.Correlations = append(u.Correlations, Correlation{A: a, B: b, Rho: f[a] * f[b]})
				}
			}
		}
	}
	return u
}

// kindShock is the default shock of ind's kind of series (see MinRateSD),
// sized from pr's path from the base year to the first target year.
func kindShock(pr *Projection, ind *Indicator, a Assumption, s *Series) ShockSpec {
	end := pr.Plan.TargetYear
	for _, t := range ind.Targets {
		if t.Kind != Delegated && t.Year > pr.Base {
			end = t.Year
			break
		}
	}
	end = min(end, s.End())
	var x0, x1 float64
	y0, y1 := 0, 0
	for y := s.Start; y <= end; y++ {
		if v, ok := s.At(y); ok {
			if y0 == 0 {
				x0, y0 = v, y
			}
			x1, y1 = v, y
		}
	}
	n := float64(max(1, y1-y0))
	if ratePaced(ind, a) {
		g := 0.0
		if x0 > 0 && x1 > 0 {
			g = 100 * (math.Pow(x1/x0, 1/n) - 1)
		}
		return ShockSpec{SD: math.Max(MinRateSD, rateSDPerPace*math.Abs(g)), Rho: movingRho}
	}
	step := (x1 - x0) / n
	level := x0
	if s.Scale == ScaleChange {
		level = x1
	}
	if math.Abs(step) < 1e-12*math.Max(1, math.Abs(level)) {
		if level == 0 {
			level = 1 // a held series of changes at zero: a small step still
		}
		return ShockSpec{SD: heldSDPerLevel * math.Abs(level), Rho: heldRho}
	}
	return ShockSpec{SD: math.Max(stepSDPerStep*math.Abs(step), stepSDPerLevel*math.Abs(level)), Rho: movingRho}
}

// ratePaced reports whether ind's shocks are in percentage points of a
// rate (compound and logistic rules, and the plan path or hold of a
// compound indicator) rather than in its units a year.
func ratePaced(ind *Indicator, a Assumption) bool {
	switch a.Rule {
	case RuleCompound, RuleLogistic:
		return true
	case RuleLinear:
		return false
	}
	return ind.Path == Compound
}

func hasNumericTarget(ind *Indicator) bool {
	for _, t := range ind.Targets {
		if t.Kind != Delegated {
			return true
		}
	}
	return false
}
