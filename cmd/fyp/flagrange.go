package main

import "math"

// floatRange is the accepted range of a float flag: finite, from Lo (or
// above it when LoOpen) to Hi. Want says what is expected, for the message.
type floatRange struct {
	Lo, Hi float64
	LoOpen bool
	Want   string
}

// check refuses NaN, ±Inf and values outside r, with exit 2.
func (r floatRange) check(flag string, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) || v > r.Hi || v < r.Lo || (r.LoOpen && v == r.Lo) {
		return badInput("--%s %g: expected %s", flag, v, r.Want)
	}
	return nil
}
