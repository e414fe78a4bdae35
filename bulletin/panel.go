package bulletin

import (
	"fmt"
	"sort"
)

// Conflict is two figures one document gives for one indicator, year and
// metric.
type Conflict struct{ A, B Figure }

func (c Conflict) Error() string {
	return fmt.Sprintf("%s:%d and %s:%d give %s %d (%s) as %s and %s: 「%s」 / 「%s」", c.A.Doc, c.A.Line, c.B.Doc, c.B.Line,
		c.A.ID, c.A.Year, c.A.Metric, c.A.Text, c.B.Text, c.A.Clause, c.B.Clause)
}

// Panel joins the figures of several documents, given oldest first (by the
// year they report on, then in the order given): one figure for each
// indicator, year, metric and span. The later document wins and the value
// it replaces is returned in earlier; within one document a stated figure
// wins over a derived one. Two different stated figures in one document
// are a Conflict: both are returned and none is kept.
func Panel(docs []*Result) (figs []Figure, earlier map[int][]Figure, conflicts []Conflict) {
	type key struct {
		id, metric string
		year, from int
	}
	at := map[key]int{}
	earlier = map[int][]Figure{}
	for _, d := range docs {
		for _, f := range d.Figures {
			k := key{f.ID, f.Metric, f.Year, f.From}
			i, ok := at[k]
			if !ok {
				at[k] = len(figs)
				figs = append(figs, f)
				continue
			}
			g := figs[i]
			same := g.Text == f.Text || parse(g.Text) == parse(f.Text)
			switch {
			case same:
				if g.Derived && !f.Derived {
					figs[i] = f // the stated figure, not the arithmetic
				}
			case g.Doc == f.Doc && !g.Derived && !f.Derived:
				conflicts = append(conflicts, Conflict{g, f})
			case g.Doc == f.Doc && f.Derived:
				earlier[i] = append(earlier[i], f) // the document states the year itself
			case g.Doc == f.Doc:
				earlier[i] = append(earlier[i], g)
				figs[i] = f
			default:
				// a later document restates the year (a revision, a census
				// rebasing, or the arithmetic of its own figures): it wins
				earlier[i] = append(earlier[i], g)
				figs[i] = f
			}
		}
	}
	// keep the notes with their figure when sorting
	idx := make([]int, len(figs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := figs[idx[a]], figs[idx[b]]
		if x.ID != y.ID {
			return x.ID < y.ID
		}
		if x.Year != y.Year {
			return x.Year < y.Year
		}
		return metricRank[x.Metric] < metricRank[y.Metric]
	})
	out := make([]Figure, len(figs))
	notes := map[int][]Figure{}
	for n, i := range idx {
		out[n] = figs[i]
		if e := earlier[i]; e != nil {
			notes[n] = e
		}
	}
	return out, notes, conflicts
}

// metricRank orders a year's figures: the level, then its growth.
var metricRank = map[string]int{Level: 0, Growth: 1, AvgGrowth: 2}
