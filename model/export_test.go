package model

// CalibratedShocks exposes the calibrated volatilities to the tests.
func CalibratedShocks() map[string]ShockSpec { return defaultShocks }
