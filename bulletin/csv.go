package bulletin

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// WriteCSV writes figures in observed's long format (observed/doc.go):
// source is the document and line, note the clause verbatim and what the
// reader did. earlier holds, by index into figs, the values later
// documents replaced.
func WriteCSV(w io.Writer, figs []Figure, earlier map[int][]Figure) error {
	span := false
	for _, f := range figs {
		span = span || f.Metric == AvgGrowth
	}
	cw := csv.NewWriter(w)
	head := []string{"indicator", "year", "value", "price_basis", "break", "metric", "source", "note"}
	if span {
		head = append(head, "from")
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for i, f := range figs {
		rec := []string{f.ID, strconv.Itoa(f.Year), f.Text, f.PriceBasis, f.Break, f.Metric,
			f.Doc + ":" + strconv.Itoa(f.Line), Note(f, earlier[i])}
		if span {
			from := ""
			if f.Metric == AvgGrowth {
				from = strconv.Itoa(f.From)
			}
			rec = append(rec, from)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Note is the note column of a figure: review first when unsure, the clause
// in 「」, then what was done and what it replaced.
func Note(f Figure, earlier []Figure) string {
	var parts []string
	if f.Review != "" {
		parts = append(parts, "review: "+f.Review)
	}
	parts = append(parts, "「"+f.Clause+"」")
	if f.How != "" {
		parts = append(parts, f.How)
	}
	for _, e := range earlier {
		label := "earlier: "
		if e.Doc == f.Doc {
			label = "also: " // the same document, by other words or arithmetic
		}
		if e.Derived {
			label += "derived "
		}
		parts = append(parts, label+e.Text+" ("+e.Doc+":"+strconv.Itoa(e.Line)+")")
	}
	return strings.Join(parts, "; ")
}
