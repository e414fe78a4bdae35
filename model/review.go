package model

import (
	"fmt"
	"math"
	"sort"
)

// Category is the official mid-term category of a target (the national
// 14th-plan mid-term review, December 2023).
type Category string

const (
	AchievedEarly    Category = "achieved_early"    // 提前实现
	Ahead            Category = "ahead"             // 快于预期
	OnSchedule       Category = "on_schedule"       // 基本符合预期
	Lagging          Category = "lagging"           // 滞后
	InsufficientData Category = "insufficient_data" // 数据不足
)

// Name is the category as the official reviews print it, in Chinese and
// English; every output (tables, report, charts, web page) takes it from here.
func (c Category) Name() Text { return categoryNames[c] }

var categoryNames = map[Category]Text{
	AchievedEarly:    {"提前实现", "achieved early"},
	Ahead:            {"快于预期", "ahead of schedule"},
	OnSchedule:       {"基本符合预期", "on schedule"},
	Lagging:          {"滞后", "lagging"},
	InsufficientData: {"数据不足", "insufficient data"},
}

// ReviewThresholds are the cut-offs of the official categories, as
// fractions of the task (task done and time elapsed are both 0…1).
type ReviewThresholds struct {
	// Ahead: task done ≥ time elapsed + Ahead is 快于预期.
	Ahead float64
	// Behind: task done < time elapsed − Behind is 滞后; between the two
	// bands is 基本符合预期.
	Behind float64
	// MinPoints is the number of observed years after the base year a
	// target needs before it is classified.
	MinPoints int
}

// DefaultReviewThresholds: a tenth of the task either side of time elapsed
// (one year in ten of a five-year plan is half a year of pace), one
// observed year.
func DefaultReviewThresholds() ReviewThresholds {
	return ReviewThresholds{Ahead: 0.10, Behind: 0.10, MinPoints: 1}
}

// Measure says how task done is measured.
type Measure string

const (
	MeasureLog    Measure = "log"    // ln(x_t/x_0)/ln(x*/x_0): compound targets
	MeasureLinear Measure = "linear" // (x_t−x_0)/(x*−x_0): shares, pp, counts
	MeasureFlow   Measure = "flow"   // Σ flows / target: cumulative targets
	MeasureBound  Measure = "bound"  // held every year: floors and ceilings
	// MeasureRelative: the difference of two average growth rates against
	// the target's (relative targets); there is no task done.
	MeasureRelative Measure = "relative"
)

// Review is one target as of a year, against the observed figures. Numbers
// that cannot be known are NaN.
type Review struct {
	Indicator *Indicator
	Target    Target
	AsOf      int
	Compared  bool   // false when the figures cannot be compared with the target
	Refusal   string // why not: no_data, price_basis, break, no_baseline, delegated
	Category  Category
	Reason    Text
	Notes     []Text
	// Conflicts are figures of the file that disagree, such as an average
	// growth rate against the yearly rates of its years (the yearly rates
	// are used): among Notes too, and said wherever the review is told.
	Conflicts []Text
	Method    Text // levels, or growth rates chained

	Base         float64 // x_0 on the review's scale
	Scale        Scale   // level, or index (base year = 100)
	Goal         float64 // x*, the level that meets the target, on the same scale
	Observed     float64 // x_t
	ObservedYear int     // t
	Measure      Measure
	TimeElapsed  float64 // (t−t0)/(T−t0)
	TaskDone     float64

	Pace              RateKind // RatePct (compound) or RateUnits (linear) or RateFlow
	ObservedRate      float64  // average pace t0 → t
	RequiredRate      float64  // pace t0 → T that meets the target exactly
	RequiredRemaining float64  // pace t → T
	Multiple          float64  // RequiredRemaining / ObservedRate

	RatioRR      float64 // Eurostat: d·observed / |required from base|
	RatioClass   string  // significant, moderate, insufficient, moving_away
	Anticipated  float64 // ESCAP AP: (x̂_T − x_0)/(x* − x_0), x̂_T the trend to T
	AnticipClass string  // maintain, accelerate, reverse

	Projected    float64 // the target's metric on the projection continued from the observations
	ProjectedMet bool
	ProjectedOK  bool
	AtRisk       bool // binding and lagging, or its trend misses the target
}

// EurostatClass is the Eurostat / Open SDG ratio class of RR.
func EurostatClass(rr float64) string {
	switch {
	case math.IsNaN(rr):
		return ""
	case rr >= 0.95:
		return "significant"
	case rr >= 0.60:
		return "moderate"
	case rr >= 0:
		return "insufficient"
	}
	return "moving_away"
}

// ESCAPClass is UN ESCAP's reading of anticipated progress AP.
func ESCAPClass(ap float64) string {
	switch {
	case math.IsNaN(ap):
		return ""
	case ap >= 1:
		return "maintain"
	case ap > 0:
		return "accelerate"
	}
	return "reverse"
}

// Classify is the official category from task done and time elapsed.
func Classify(taskDone, timeElapsed float64, th ReviewThresholds) Category {
	switch {
	case math.IsNaN(taskDone) || math.IsNaN(timeElapsed):
		return InsufficientData
	case taskDone >= 1-1e-9:
		return AchievedEarly
	case taskDone >= timeElapsed+th.Ahead-1e-9:
		return Ahead
	case taskDone >= timeElapsed-th.Behind-1e-9:
		return OnSchedule
	}
	return Lagging
}

// ReviewAll reviews every target of pr's plan as of asOf against the
// evidence. pr is the projection with the evidence's observed path set
// (see ObservedPath), used only for the projected outcome. Binding targets
// come first, then plan order.
func ReviewAll(pr *Projection, ev Evidence, asOf int, th ReviewThresholds) []Review {
	p := pr.Plan
	var out []Review
	prep := map[string]series{}
	prepared := func(ind *Indicator) series {
		s, ok := prep[ind.ID]
		if !ok {
			s = prepare(p, ind, ev[ind.ID], asOf)
			prep[ind.ID] = s
		}
		return s
	}
	for _, ind := range p.Indicators {
		for _, t := range ind.Targets {
			s := prepared(ind)
			var r Review
			if ref := p.Indicator(t.RelativeTo); t.Relative() && ref != nil {
				r = reviewRelative(p, ind, t, s, prepared(ref), asOf, th)
			} else {
				r = reviewTarget(p, ind, t, s, asOf, th)
			}
			r.Projected, r.ProjectedOK = math.NaN(), false
			if t.Kind != Delegated && t.Year <= pr.Horizon {
				if m, ok := pr.metricOf(ind, t); ok {
					r.Projected, r.ProjectedOK = m, true
					r.ProjectedMet, _ = t.Verdict(ind, m)
				}
			}
			if t.Relative() && r.Compared && ind.Attribute == Binding && r.Category != AchievedEarly && r.ProjectedOK && !r.ProjectedMet {
				r.AtRisk = true // its projection from the observations misses the target
			}
			out = append(out, r)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].Indicator.Attribute == Binding && out[j].Indicator.Attribute != Binding
	})
	return out
}

func reviewTarget(p *Plan, ind *Indicator, t Target, s series, asOf int, th ReviewThresholds) Review {
	nan := math.NaN()
	r := Review{Indicator: ind, Target: t, AsOf: asOf, Category: InsufficientData, Method: s.method, Notes: s.allNotes(), Conflicts: s.conflicts,
		Base: nan, Goal: nan, Observed: nan, TimeElapsed: nan, TaskDone: nan, Scale: s.scale,
		ObservedRate: nan, RequiredRate: nan, RequiredRemaining: nan, Multiple: nan, RatioRR: nan, Anticipated: nan}
	refuse := func(kind string, why Text) Review {
		r.Refusal, r.Reason = kind, why
		r.AtRisk = false
		return r
	}
	if t.Kind == Delegated {
		return refuse("delegated", Text{ZH: "目标由市下达，规划未给出数值；请补充市里下达的目标值", EN: "set by the city; the plan gives no number: supply the city's target"})
	}
	if s.kind != "" {
		if s.reason.ZH == "" {
			s.reason = Text{ZH: fmt.Sprintf("文件中没有该指标%d年及以前的观测值", asOf), EN: fmt.Sprintf("no observation of this indicator up to %d", asOf)}
		}
		return refuse(s.kind, s.reason)
	}
	t0, T := t.From, t.Year
	// The points this target can use: after t0, up to asOf and T.
	var years []int
	for y := range s.vals {
		if y > t0 && y <= min(asOf, T) {
			years = append(years, y)
		}
	}
	sort.Ints(years)
	if len(years) < max(1, th.MinPoints) {
		r.Notes = s.notes // the reason says where the chain stops
		return refuse("no_data", gapReason(p, ind, t, s, years, max(1, th.MinPoints), min(asOf, T)))
	}
	tl := years[len(years)-1]
	xt := s.vals[tl]
	r.Observed, r.ObservedYear, r.Compared = xt, tl, true
	r.TimeElapsed = float64(tl-t0) / float64(T-t0)
	d := float64(ind.Direction)
	if s.ok0 {
		r.Base = s.x0
	}

	switch t.Kind {
	case Floor, Ceiling:
		return reviewBound(r, t, s, years)
	case Cumulative:
		return reviewFlow(r, t, s, t0, T, tl, th)
	}
	x0, ok0 := s.x0, s.ok0
	if t0 != p.BaseYear {
		x0, ok0 = s.vals[t0]
	}
	if !ok0 {
		r.Compared = false
		return refuse("no_baseline", Text{
			ZH: fmt.Sprintf("规划未给出%d年基期值；请在文件中补充%d年的数据", t0, t0),
			EN: fmt.Sprintf("the plan prints no %d value: add a %d row to the file", t0, t0)})
	}
	r.Base = x0
	if s.scale != ScaleLevel && needsLevel(t.Kind) {
		r.Compared = false
		return refuse("no_baseline", Text{
			ZH: fmt.Sprintf("增速只能给出指数；%s目标需要水平值，请补充%d年的水平值", kindZHText(t.Kind), p.BaseYear),
			EN: fmt.Sprintf("growth rates give only an index; a %s target needs levels: add the %d level", t.Kind, p.BaseYear)})
	}
	goal, _ := t.levelAt(x0)
	r.Goal = goal
	r.Pace, r.Measure = RateUnits, MeasureLinear
	if rateKind(ind, t) == RatePct && x0 > 0 && xt > 0 && goal > 0 {
		r.Pace, r.Measure = RatePct, MeasureLog
	}
	r.ObservedRate = pace(r.Pace, x0, xt, tl-t0)
	r.RequiredRate = pace(r.Pace, x0, goal, T-t0)
	if tl < T {
		r.RequiredRemaining = pace(r.Pace, xt, goal, T-tl)
	}
	if r.ObservedRate != 0 {
		r.Multiple = r.RequiredRemaining / r.ObservedRate
	}
	if r.RequiredRate != 0 {
		r.RatioRR = d * r.ObservedRate / math.Abs(r.RequiredRate)
	}
	r.RatioClass = EurostatClass(r.RatioRR)
	if goal == x0 { // "maintain": no task to measure, only whether it is held
		r.Category, r.Reason = Lagging, Text{ZH: fmt.Sprintf("目标为保持%g，%d年为%g，未保持", goal, tl, xt), EN: fmt.Sprintf("the target is to hold %g; %d: %g, not held", goal, tl, xt)}
		if d*(xt-goal) >= -1e-9*math.Max(1, math.Abs(goal)) {
			r.Category, r.Reason = OnSchedule, Text{ZH: fmt.Sprintf("目标为保持%g，%d年为%g，已保持", goal, tl, xt), EN: fmt.Sprintf("the target is to hold %g; %d: %g, held", goal, tl, xt)}
		}
		r.AtRisk = ind.Attribute == Binding && r.Category == Lagging
		return r
	}
	if r.Measure == MeasureLog {
		r.TaskDone = math.Log(xt/x0) / math.Log(goal/x0)
		r.Anticipated = (xt*math.Pow(1+r.ObservedRate/100, float64(T-tl)) - x0) / (goal - x0)
	} else {
		r.TaskDone = (xt - x0) / (goal - x0)
		r.Anticipated = (xt + r.ObservedRate*float64(T-tl) - x0) / (goal - x0)
	}
	r.AnticipClass = ESCAPClass(r.Anticipated)
	r.Category = Classify(r.TaskDone, r.TimeElapsed, th)
	if r.Category == AchievedEarly {
		r.Multiple = math.NaN()
	}
	r.Reason = categoryReason(r)
	r.AtRisk = ind.Attribute == Binding && (r.Category == Lagging || (r.Category != AchievedEarly && r.Anticipated < 1))
	return r
}

func reviewBound(r Review, t Target, s series, years []int) Review {
	r.Measure, r.Goal = MeasureBound, t.Value
	var broken []int
	for _, y := range years {
		x := s.vals[y]
		if (t.Kind == Floor && x < t.Value-1e-9) || (t.Kind == Ceiling && x > t.Value+1e-9) {
			broken = append(broken, y)
		}
	}
	if len(broken) > 0 {
		r.Category = Lagging
		r.Reason = Text{
			ZH: fmt.Sprintf("%s年突破%s %g（%d年为%g）", yearList(broken), boundZH(t.Kind), t.Value, broken[0], s.vals[broken[0]]),
			EN: fmt.Sprintf("the %s of %g was broken in %s (%d: %g)", t.Kind, t.Value, yearList(broken), broken[0], s.vals[broken[0]])}
		r.AtRisk = r.Indicator.Attribute == Binding
		return r
	}
	r.Category = OnSchedule
	span := fmt.Sprint(years[0])
	if len(years) > 1 {
		span = fmt.Sprintf("%d–%d", years[0], years[len(years)-1])
	}
	r.Reason = Text{
		ZH: fmt.Sprintf("%s年观测值均守住%s %g", span, boundZH(t.Kind), t.Value),
		EN: fmt.Sprintf("the %s of %g was held in every observed year (%s)", t.Kind, t.Value, span)}
	return r
}

func reviewFlow(r Review, t Target, s series, t0, T, tl int, th ReviewThresholds) Review {
	r.Measure, r.Pace, r.Goal = MeasureFlow, RateFlow, t.Value
	var sum float64
	var missing []int
	for y := t0 + 1; y <= tl; y++ {
		v, ok := s.vals[y]
		if !ok {
			missing = append(missing, y)
		}
		sum += v
	}
	if len(missing) > 0 {
		r.Compared = false
		r.Refusal = "no_data"
		r.Reason = Text{ZH: fmt.Sprintf("累计目标需要逐年数据，缺%v年", missing), EN: fmt.Sprintf("a cumulative target needs every year's flow; missing %v", missing)}
		return r
	}
	r.Observed = sum
	r.TaskDone = sum / t.Value
	r.ObservedRate = sum / float64(tl-t0)
	r.RequiredRate = t.Value / float64(T-t0)
	if tl < T {
		r.RequiredRemaining = (t.Value - sum) / float64(T-tl)
	}
	if r.ObservedRate != 0 {
		r.Multiple = r.RequiredRemaining / r.ObservedRate
	}
	r.RatioRR = r.ObservedRate / math.Abs(r.RequiredRate)
	r.RatioClass = EurostatClass(r.RatioRR)
	r.Anticipated = (sum + r.ObservedRate*float64(T-tl)) / t.Value
	r.AnticipClass = ESCAPClass(r.Anticipated)
	r.Category = Classify(r.TaskDone, r.TimeElapsed, th)
	r.Reason = categoryReason(r)
	r.AtRisk = r.Indicator.Attribute == Binding && (r.Category == Lagging || (r.Category != AchievedEarly && r.Anticipated < 1))
	return r
}

func categoryReason(r Review) Text {
	te, td := 100*r.TimeElapsed, 100*r.TaskDone
	return Text{
		ZH: fmt.Sprintf("时间进度%.0f%%，任务完成%.0f%%（截至%d年）", te, td, r.ObservedYear),
		EN: fmt.Sprintf("time elapsed %.0f%%, task done %.0f%% (to %d)", te, td, r.ObservedYear)}
}

func yearList(ys []int) string {
	s := ""
	for i, y := range ys {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprint(y)
	}
	return s
}

func boundZH(k Kind) string {
	if k == Floor {
		return "下限"
	}
	return "上限"
}

func kindZHText(k Kind) string {
	switch k {
	case Level:
		return "水平"
	case Floor:
		return "下限"
	case Ceiling:
		return "上限"
	}
	return string(k)
}
