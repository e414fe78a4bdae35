package model

import (
	"math"
	"testing"
)

func TestFinalOf(t *testing.T) {
	up := &Indicator{ID: "x", Direction: Up}
	nan := math.NaN()
	th := DefaultFinalThresholds()
	cases := []struct {
		name string
		r    Review
		want Final
	}{
		{"met", Review{Indicator: up, Target: Target{Year: 2025}, Compared: true, Category: AchievedEarly, ObservedYear: 2025, Measure: MeasureLog, TaskDone: 1.02}, Completed},
		{"91% done", Review{Indicator: up, Target: Target{Year: 2025}, Compared: true, Category: Lagging, ObservedYear: 2025, Measure: MeasureLinear, TaskDone: 0.91}, MostlyCompleted},
		{"exactly 90% done", Review{Indicator: up, Target: Target{Year: 2025}, Compared: true, Category: Lagging, ObservedYear: 2025, Measure: MeasureLinear, TaskDone: 0.9}, MostlyCompleted},
		{"89% done", Review{Indicator: up, Target: Target{Year: 2025}, Compared: true, Category: Lagging, ObservedYear: 2025, Measure: MeasureLinear, TaskDone: 0.89}, NotCompleted},
		{"target year not observed", Review{Indicator: up, Target: Target{Year: 2025}, Compared: true, Category: OnSchedule, ObservedYear: 2024, Measure: MeasureLinear, TaskDone: 0.95}, FinalNoData},
		{"floor broken", Review{Indicator: up, Target: Target{Year: 2025}, Compared: true, Category: Lagging, ObservedYear: 2025, Measure: MeasureBound, TaskDone: nan}, NotCompleted},
		{"floor held", Review{Indicator: up, Target: Target{Year: 2025}, Compared: true, Category: OnSchedule, ObservedYear: 2025, Measure: MeasureBound, TaskDone: nan}, Completed},
		{"not compared", Review{Indicator: up, Target: Target{Year: 2025}, Category: InsufficientData, TaskDone: nan}, FinalNoData},
	}
	for _, c := range cases {
		if got := FinalOf(c.r, th); got != c.want {
			t.Errorf("%s: FinalOf = %s, want %s", c.name, got, c.want)
		}
	}
}

func TestTrendYear(t *testing.T) {
	up := &Indicator{ID: "x", Direction: Up}
	down := &Indicator{ID: "y", Direction: Down}
	cases := []struct {
		name  string
		r     Review
		limit int
		want  int
		ok    bool
	}{
		// 53.1 + 0.5 = 53.6 (2024), 54.1 (2025) ≥ 54.
		{"linear", Review{Indicator: up, Compared: true, Measure: MeasureLinear, Observed: 53.1, ObservedYear: 2023, ObservedRate: 0.5, Goal: 54}, 2035, 2025, true},
		// 100·1.1 = 110 (2024) ≥ 105.
		{"log", Review{Indicator: up, Compared: true, Measure: MeasureLog, Observed: 100, ObservedYear: 2023, ObservedRate: 10, Goal: 105}, 2035, 2024, true},
		// 53.1 + 0.3·3 = 54.0 only in 2026, beyond the limit.
		{"beyond limit", Review{Indicator: up, Compared: true, Measure: MeasureLinear, Observed: 53.1, ObservedYear: 2023, ObservedRate: 0.3, Goal: 54.05}, 2025, 0, false},
		// Lower is better: 10 − 1 a year reaches 8 in 2025.
		{"down", Review{Indicator: down, Compared: true, Measure: MeasureLinear, Observed: 10, ObservedYear: 2023, ObservedRate: -1, Goal: 8}, 2035, 2025, true},
		{"moving away", Review{Indicator: up, Compared: true, Measure: MeasureLinear, Observed: 10, ObservedYear: 2023, ObservedRate: -1, Goal: 12}, 2035, 0, false},
		{"already met", Review{Indicator: up, Compared: true, Measure: MeasureLinear, Observed: 55, ObservedYear: 2023, ObservedRate: 1, Goal: 54}, 2035, 0, false},
		{"bound", Review{Indicator: up, Compared: true, Measure: MeasureBound, Observed: 300, ObservedYear: 2023, ObservedRate: math.NaN(), Goal: 300}, 2035, 0, false},
	}
	for _, c := range cases {
		y, ok := TrendYear(c.r, c.limit)
		if y != c.want || ok != c.ok {
			t.Errorf("%s: TrendYear = %d, %v; want %d, %v", c.name, y, ok, c.want, c.ok)
		}
	}
}
