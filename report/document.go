package report

import "math"

// Document is one report: a title, numbered sections and annexes.
type Document struct {
	Lang     string // "zh" or "en": one language per document
	Title    string
	Subtitle string
	Sections []Section
	Annexes  []Section
	Footer   string
	// Synthetic marks a report on invented figures: every page says so.
	Synthetic bool
	// Charts are the chart files by name (PNG), written beside the
	// Markdown and embedded in the HTML, Word and XLSX files.
	Charts map[string][]byte
}

// Section is a titled run of blocks; its number comes from its place.
type Section struct {
	ID     string // anchor in the HTML page
	Title  string
	Blocks []Block
}

// Block is a paragraph, a table, a figure or a subheading.
type Block interface{ block() }

// Paragraph is one paragraph of running text. Note marks small print.
type Paragraph struct {
	Text string
	Note bool
}

// Heading is a subheading inside a section (level 3).
type Heading struct{ Text string }

// List is a bulleted list of sentences.
type List struct{ Items []string }

// Table is a table with an optional caption (表1 …) and header groups.
type Table struct {
	Caption string
	// Sheet names the table's sheet in the workbook; "" keeps it out.
	Sheet string
	// SheetOnly keeps a table too wide for a page out of the document:
	// only the workbook has it.
	SheetOnly bool
	Groups    []HeadGroup // a header row above Cols; nil for none
	// Wrap lets a column of short text wrap (insufficient data over two
	// lines) where a table of many such columns would not fit a page:
	// Wrap[i] for column i, nil for none.
	Wrap  []bool
	Cols  []Col
	Rows  []Row
	Notes []string
}

// HeadGroup spans Span columns of the header; an empty Title spans columns
// whose own heads stand alone (they are merged over both header rows).
type HeadGroup struct {
	Title string
	Span  int
}

// Col is a column: its head, its width in the workbook (characters) and
// the workbook's number format for numeric cells ("" text).
type Col struct {
	Head   string
	Width  float64
	NumFmt string
}

// Row is a row of cells, or, when Group is set, a full-width row naming a
// group (the plan's 类别).
type Row struct {
	Group string
	Cells []Cell
}

// Cell is what a table cell shows (Text) and, for a number, its value for
// the workbook (Num true; NaN is written as "—").
type Cell struct {
	Text  string
	Value float64
	Num   bool
}

// Figure is a numbered chart with its caption.
type Figure struct {
	No      int
	Caption string
	Name    string // the chart's file name under charts/
	PNG     []byte
}

func (Paragraph) block() {}
func (Heading) block()   {}
func (List) block()      {}
func (*Table) block()    {}
func (Figure) block()    {}

// T is a text cell.
func T(s string) Cell { return Cell{Text: s} }

// N is a numeric cell shown as text, a negative with the typographic
// minus sign (−0.004, as the goals and the charts print it; the
// workbook keeps the number).
func N(v float64, text string) Cell { return Cell{Text: minus(text), Value: v, Num: true} }

// minus writes a leading hyphen-minus before a digit as −.
func minus(s string) string {
	if len(s) > 1 && s[0] == '-' && (s[1] >= '0' && s[1] <= '9' || s[1] == '.') {
		return "−" + s[1:]
	}
	return s
}

func isNaN(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) }

// same reports whether two values are equal, NaN equal to NaN.
func same(a, b float64) bool { return a == b || isNaN(a) && isNaN(b) }

// wraps reports whether column i of t may wrap however short its cells.
func (t *Table) wraps(i int) bool { return i < len(t.Wrap) && t.Wrap[i] }
