package model

// Uncertainty says how a scenario's assumptions are perturbed in simulation
// (DOMAIN.md §7). Each stochastic indicator's annual rate (or step) is its
// assumed value plus a shock ε_t = ρ·ε_{t−1} + √(1−ρ²)·σ·z_t, with z
// standard normal (or Student-t with DF degrees of freedom scaled to unit
// variance), correlated across indicators.
type Uncertainty struct {
	Draws        int    // number of Monte Carlo draws
	Seed         uint64 // recorded so that a run can be reproduced
	Shocks       map[string]ShockSpec
	Correlations []Correlation
}

// ShockSpec is one indicator's shock process.
type ShockSpec struct {
	SD  float64 // σ: percentage points of annual growth (compound), or units a year (linear)
	Rho float64 // ρ: autocorrelation from one year to the next, in (−1, 1)
	DF  float64 // Student-t degrees of freedom (> 2); 0 for normal shocks
}

// Correlation is the correlation between two indicators' shocks.
type Correlation struct {
	A, B string
	Rho  float64
}
