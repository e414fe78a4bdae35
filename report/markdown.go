package report

import (
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes d as Markdown; figures link to charts/NAME beside
// the file.
func WriteMarkdown(w io.Writer, d *Document) error {
	var b strings.Builder
	if d.Synthetic {
		fmt.Fprintf(&b, "> **%s**\n\n", SyntheticMark(d.Lang))
	}
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", d.Title, d.Subtitle)
	for _, s := range append(append([]Section(nil), d.Sections...), d.Annexes...) {
		fmt.Fprintf(&b, "## %s\n\n", s.Title)
		for _, bl := range s.Blocks {
			switch x := bl.(type) {
			case Paragraph:
				if x.Note {
					b.WriteString("> " + x.Text + "\n\n")
				} else {
					b.WriteString(x.Text + "\n\n")
				}
			case Heading:
				fmt.Fprintf(&b, "### %s\n\n", x.Text)
			case List:
				for _, it := range x.Items {
					b.WriteString("- " + it + "\n")
				}
				b.WriteString("\n")
			case Figure:
				fmt.Fprintf(&b, "![%s](charts/%s)\n\n%s\n\n", x.Caption, x.Name, x.Caption)
			case *Table:
				if !x.SheetOnly {
					markdownTable(&b, x)
				}
			}
		}
	}
	b.WriteString(d.Footer + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func markdownTable(b *strings.Builder, t *Table) {
	if t.Caption != "" {
		fmt.Fprintf(b, "**%s**\n\n", t.Caption)
	}
	heads := make([]string, len(t.Cols))
	for i, c := range t.Cols {
		heads[i] = c.Head
	}
	// Markdown has one header row: a group's title prefixes its columns.
	col := 0
	for _, g := range t.Groups {
		for k := 0; k < g.Span && col < len(heads); k++ {
			if g.Title != "" {
				heads[col] = g.Title + " " + heads[col]
			}
			col++
		}
	}
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + plain(c) + " |")
		}
		b.WriteString("\n")
	}
	row(heads)
	b.WriteString("|" + strings.Repeat("---|", len(heads)) + "\n")
	for _, r := range t.Rows {
		if r.Group != "" {
			cells := make([]string, len(heads))
			cells[min(1, len(cells)-1)] = "**" + r.Group + "**"
			row(cells)
			continue
		}
		cells := make([]string, len(r.Cells))
		for i, c := range r.Cells {
			cells[i] = cellText(c)
		}
		row(cells)
	}
	b.WriteString("\n")
	for _, n := range t.Notes {
		b.WriteString("> " + plain(n) + "\n\n")
	}
}
