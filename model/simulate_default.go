package model

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

// DefaultUncertainty is the uncertainty assumed for p when a scenario
// gives none: the volatilities above for those of p's indicators that
// carry them, the correlations between those, DefaultDraws and
// DefaultSeed.
func DefaultUncertainty(p *Plan) Uncertainty {
	u := Uncertainty{Draws: DefaultDraws, Seed: DefaultSeed, Shocks: map[string]ShockSpec{}}
	for _, ind := range p.Indicators {
		if s, ok := defaultShocks[ind.ID]; ok && ind.Derived == nil {
			u.Shocks[ind.ID] = s
		}
	}
	for _, f := range defaultFactors {
		ids := sortedKeys(f)
		for i, a := range ids {
			for _, b := range ids[i+1:] {
				_, okA := u.Shocks[a]
				_, okB := u.Shocks[b]
				if okA && okB {
					u.Correlations = append(u.Correlations, Correlation{A: a, B: b, Rho: f[a] * f[b]})
				}
			}
		}
	}
	return u
}
