package observed

import "fyp/model"

// CatalogOf is what the reader accepts for plan p: its indicators by id and
// Chinese name, years from the base year to the plan's last, and each
// indicator's possible values (positive levels; bounds, 0–100 for a share
// unless the plan gives others).
func CatalogOf(p *model.Plan) Catalog {
	c := Catalog{Names: map[string]string{}, MinYear: p.BaseYear, MaxYear: p.LastYear(), Limits: map[string]Limits{}}
	for _, ind := range p.Indicators {
		c.Names[ind.ID] = ind.Name.ZH
		l := Limits{Positive: model.NeedsPositive(ind), Unit: ind.Unit.ZH, UnitEN: ind.Unit.EN}
		switch {
		case ind.Bounded:
			l.Bounded, l.Lo, l.Hi = true, ind.Lo, ind.Hi
		case ind.Unit.ZH == "%":
			// A share unless the plan says otherwise with bounds.
			l.Bounded, l.Lo, l.Hi = true, 0, 100
		}
		c.Limits[ind.ID] = l
	}
	return c
}

// Evidence converts the file's figures into the model's.
func (d *Data) Evidence() model.Evidence {
	ev := model.Evidence{}
	for id, obs := range d.ByIndicator {
		for _, x := range obs {
			pt := model.ObservedPoint{Year: x.Year, Value: x.Value, Growth: x.Metric == Growth || x.Metric == AvgGrowth,
				PriceBasis: x.PriceBasis, Break: x.Break == Broken, Rebased: x.Break == Rebased, Source: x.Source, Row: x.Row}
			if x.Metric == AvgGrowth {
				pt.From = x.From // the average growth a year from From to Year
			}
			ev[id] = append(ev[id], pt)
		}
	}
	return ev
}
