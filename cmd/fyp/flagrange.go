package main

import (
	"math"

	"fyp/internal/bilingual"
)

// floatRange is the accepted range of a float flag: finite, from Lo (or
// above it when LoOpen) to Hi. Want (and WantZH) say what is expected, for the message.
type floatRange struct {
	Lo, Hi float64
	LoOpen bool
	Want   string
	WantZH string // Want in Chinese
}

// check refuses NaN, ±Inf and values outside r, with exit 2.
func (r floatRange) check(flag string, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) || v > r.Hi || v < r.Lo || (r.LoOpen && v == r.Lo) {
		return badInput2("--%s %g：应为%s", "--%s %g: expected %s", flag, v, bilingual.Text{ZH: r.WantZH, EN: r.Want})
	}
	return nil
}
