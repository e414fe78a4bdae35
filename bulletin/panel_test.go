package bulletin

import (
	"strings"
	"testing"
)

func TestPanel(t *testing.T) {
	fig := func(doc string, text string, derived bool) Figure {
		return Figure{ID: "urbanization_rate", Year: 2022, Metric: Level, Text: text, Value: parse(text), Doc: doc, Line: 1, Clause: "c", Derived: derived}
	}
	cases := []struct {
		name      string
		docs      [][]Figure
		want      string
		note      string
		conflicts int
	}{
		{"later document wins", [][]Figure{{fig("2022.txt", "61.9", false)}, {fig("2023.txt", "62.00", true)}}, "62.00", "earlier: 61.9 (2022.txt:1)", 0},
		{"same value: the stated one", [][]Figure{{fig("2022.txt", "62.0", false)}, {fig("2023.txt", "62.00", true)}}, "62.0", "", 0},
		{"one document: stated over derived", [][]Figure{{fig("a.txt", "62.10", true), fig("a.txt", "62.0", false)}}, "62.0", "also: derived 62.10 (a.txt:1)", 0},
		{"one document: two stated", [][]Figure{{fig("a.txt", "62.1", false), fig("a.txt", "62.0", false)}}, "62.1", "", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var docs []*Result
			for _, d := range c.docs {
				docs = append(docs, &Result{Figures: d})
			}
			figs, earlier, conflicts := Panel(docs)
			if len(conflicts) != c.conflicts {
				t.Fatalf("%d conflicts, want %d", len(conflicts), c.conflicts)
			}
			if len(figs) != 1 || figs[0].Text != c.want {
				t.Fatalf("got %+v, want one figure %s", figs, c.want)
			}
			if n := Note(figs[0], earlier[0]); c.note != "" && !strings.Contains(n, c.note) {
				t.Errorf("note %q lacks %q", n, c.note)
			}
		})
	}
}
