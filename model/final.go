package model

import "math"

// Final is the category of a target in a final evaluation (总结评估), once
// its target year has been observed.
type Final string

const (
	Completed       Final = "completed"         // 已完成: the target is met
	MostlyCompleted Final = "mostly_completed"  // 基本完成: task done ≥ FinalThresholds.Mostly
	NotCompleted    Final = "not_completed"     // 未完成
	FinalNoData     Final = "insufficient_data" // 数据不足: the target year is not observed
)

// FinalThresholds are the cut-offs of the final evaluation.
type FinalThresholds struct {
	// Mostly: task done ≥ Mostly (a fraction of the task) is 基本完成.
	Mostly float64
}

// DefaultFinalThresholds: nine tenths of the task is 基本完成, the share
// national and provincial 总结评估 reports commonly treat as "basically
// completed"; fyp states it beside every final table.
func DefaultFinalThresholds() FinalThresholds { return FinalThresholds{Mostly: 0.90} }

// FinalOf is r's final category: only a target whose own year has been
// observed is judged; a floor or ceiling is completed when held in every
// observed year, a target to hold a level when held, a relative target when
// the difference of growth rates meets it.
func FinalOf(r Review, th FinalThresholds) Final {
	if !r.Compared || r.Category == InsufficientData || r.ObservedYear < r.Target.Year {
		return FinalNoData
	}
	if r.Measure == MeasureBound || r.Measure == MeasureRelative || math.IsNaN(r.TaskDone) {
		if r.Category == Lagging {
			return NotCompleted
		}
		return Completed
	}
	switch {
	case r.TaskDone >= 1-1e-9:
		return Completed
	case r.TaskDone >= th.Mostly-1e-9:
		return MostlyCompleted
	}
	return NotCompleted
}

// TrendYear is the first year after r.ObservedYear in which the observed
// average pace, continued from the latest observation, meets the target's
// goal, searching up to limit; ok is false when it does not within limit or
// when r has no pace to continue (bounds, relative targets, no data, a goal
// already met).
func TrendYear(r Review, limit int) (year int, ok bool) {
	if !r.Compared || math.IsNaN(r.ObservedRate) || math.IsNaN(r.Goal) || math.IsNaN(r.Observed) {
		return 0, false
	}
	d := float64(r.Indicator.Direction)
	if d == 0 {
		d = 1
	}
	met := func(x float64) bool { return d*(x-r.Goal) >= -1e-9*math.Max(1, math.Abs(r.Goal)) }
	if r.Measure != MeasureFlow && met(r.Observed) {
		return 0, false
	}
	if r.Measure == MeasureFlow && r.Observed >= r.Goal-1e-9*math.Max(1, math.Abs(r.Goal)) {
		return 0, false
	}
	x := r.Observed
	for y := r.ObservedYear + 1; y <= limit; y++ {
		switch r.Measure {
		case MeasureLog:
			x *= 1 + r.ObservedRate/100
		case MeasureLinear, MeasureFlow:
			x += r.ObservedRate
		default:
			return 0, false
		}
		if (r.Measure == MeasureFlow && x >= r.Goal-1e-9*math.Max(1, math.Abs(r.Goal))) || (r.Measure != MeasureFlow && met(x)) {
			return y, true
		}
	}
	return 0, false
}
