package model

import "math"

// planPath is the path that meets ind's targets exactly, from x0 in base to
// horizon (DOMAIN.md §4): geometric between anchors for compound indicators,
// straight for linear ones; floors and ceilings are held (moving to the bound
// when the base breaks it); cumulative targets spread their sum evenly over
// the period. After the last target the path goes on at its last pace.
// Values that cannot be known are NaN.
func planPath(ind *Indicator, x0 float64, relative bool, base, horizon int) []float64 {
	n := horizon - base + 1
	v := make([]float64, n)
	for i := range v {
		v[i] = math.NaN()
	}
	v[0] = x0
	at := func(y int) (float64, bool) {
		if i := y - base; i >= 0 && i < n && !math.IsNaN(v[i]) {
			return v[i], true
		}
		return math.NaN(), false
	}
	last := base // last year filled
	for _, t := range sortedTargets(ind) {
		if t.Year <= last {
			continue
		}
		if t.Kind == Cumulative {
			flow := t.Value / float64(t.Span())
			for y := max(t.From+1, base+1); y <= min(t.Year, horizon); y++ {
				v[y-base] = flow
			}
			last = t.Year
			if last >= horizon {
				break
			}
			continue
		}
		if relative && needsLevel(t.Kind) {
			continue // a level means nothing on an index or change series
		}
		xFrom, ok := at(t.From)
		if !ok && t.From != base {
			break
		}
		var xT float64
		switch t.Kind {
		case Floor:
			xT = math.Max(xFrom, t.Value)
		case Ceiling:
			xT = math.Min(xFrom, t.Value)
		default:
			xT, ok = t.levelAt(xFrom)
			if !ok {
				continue
			}
		}
		fill(ind.Path, v, base, last, t.Year, xT)
		last = t.Year
		if last >= horizon {
			break // later targets cannot change the years shown
		}
	}
	// Beyond the last target: go on at the last year's pace.
	for y := last + 1; y <= horizon; y++ {
		i := y - base
		a, b := v[i-1], math.NaN()
		if i >= 2 {
			b = v[i-2]
		}
		switch {
		case math.IsNaN(b) || math.IsNaN(a):
			v[i] = a
		case ind.Path == Compound && a > 0 && b > 0:
			v[i] = a * a / b
		default:
			v[i] = a + (a - b)
		}
	}
	return v
}

// fill draws the path from year y0 (already in v) to y1 where it reaches x1;
// years past the end of v are dropped, since the pace is what counts.
func fill(path PathKind, v []float64, base, y0, y1 int, x1 float64) {
	x0 := v[y0-base]
	span := float64(y1 - y0)
	for y := y0 + 1; y <= y1; y++ {
		i := y - base
		if i >= len(v) {
			return
		}
		f := float64(y-y0) / span
		if path == Compound && x0 > 0 && x1 > 0 {
			v[i] = x0 * math.Pow(x1/x0, f)
		} else {
			v[i] = x0 + (x1-x0)*f
		}
	}
}
