package extract

import (
	"bytes"
	"fmt"
	"io"

	"gopkg.in/yaml.v3"
)

// Plan is a plan file as fyp reads it (seeds/README.md), written in that
// format's key order.
type Plan struct {
	Header      string        `yaml:"-"` // comment lines written above the plan
	ID          string        `yaml:"id"`
	Title       Text          `yaml:"title"`
	Region      *Text         `yaml:"region,omitempty"`
	BaseYear    int           `yaml:"base_year"`
	TargetYear  int           `yaml:"target_year"`
	VisionYear  int           `yaml:"vision_year,omitempty"`
	Previous    string        `yaml:"previous,omitempty"`
	Source      string        `yaml:"source,omitempty"`
	Indicators  []*Indicator  `yaml:"indicators"`
	Qualitative []Qualitative `yaml:"qualitative,omitempty"`
}

// Text is a label in Chinese and English.
type Text struct {
	ZH string `yaml:"zh"`
	EN string `yaml:"en,omitempty"`
}

// Indicator is one indicator of the plan file.
type Indicator struct {
	ID         string         `yaml:"id"`
	No         int            `yaml:"no,omitempty"`
	Sub        int            `yaml:"sub,omitempty"`
	Name       string         `yaml:"name"`
	NameEN     string         `yaml:"name_en,omitempty"`
	Unit       string         `yaml:"unit"`
	UnitEN     string         `yaml:"unit_en,omitempty"`
	Group      string         `yaml:"group,omitempty"`
	Section    string         `yaml:"section"`
	Box        string         `yaml:"box,omitempty"`
	Attribute  string         `yaml:"attribute,omitempty"`
	Direction  string         `yaml:"direction,omitempty"`
	Path       string         `yaml:"path,omitempty"`
	Bounds     []float64      `yaml:"bounds,omitempty,flow"`
	PriceBasis string         `yaml:"price_basis,omitempty"`
	Baseline   Baseline       `yaml:"baseline"`
	Targets    []*Target      `yaml:"targets,omitempty"`
	Observed   []*Observation `yaml:"observed,omitempty"`
	Table      *TableCells    `yaml:"table,omitempty"`
	Quote      string         `yaml:"quote,omitempty"`
	Note       string         `yaml:"note,omitempty"`
	Review     string         `yaml:"review,omitempty"`

	line     int    // where the row or sentence stands, for the summary
	baseNote string // the remark of a table row's base cell: (旧标准)
}

// Baseline is the base-year level; Value nil when the plan prints none.
type Baseline struct {
	Year  int      `yaml:"year"`
	Value *float64 `yaml:"value,omitempty"`
}

// Target is one target of an indicator.
type Target struct {
	Year int    `yaml:"year"`
	Kind string `yaml:"kind"`
	// RelativeTo is the indicator a growth target is measured against
	// (收入增速不低于经济增速: gdp); the value is then the margin in
	// percentage points.
	RelativeTo string   `yaml:"relative_to,omitempty"`
	Value      *float64 `yaml:"value,omitempty"`
	Bound      string   `yaml:"bound,omitempty"`
	From       int      `yaml:"from,omitempty"`
	Text       string   `yaml:"text,omitempty"`
	Note       string   `yaml:"note,omitempty"`
	Review     string   `yaml:"review,omitempty"`
}

// Observation is a figure the plan reports.
type Observation struct {
	Year   int      `yaml:"year"`
	Metric string   `yaml:"metric,omitempty"`
	From   int      `yaml:"from,omitempty"`
	Value  *float64 `yaml:"value,omitempty"`
	Text   string   `yaml:"text,omitempty"`
	Note   string   `yaml:"note,omitempty"`
}

// TableCells keeps a main-table row's cells exactly as printed.
type TableCells struct {
	Base   string `yaml:"base"`
	Target string `yaml:"target"`
}

// Qualitative is a goal without a number.
type Qualitative struct {
	ID      string `yaml:"id"`
	Year    int    `yaml:"year,omitempty"`
	Section string `yaml:"section"`
	Text    string `yaml:"text"`
}

func num(v float64) *float64 { return &v }

// Reviews counts the items marked for review.
func (p *Plan) Reviews() int {
	n := 0
	for _, ind := range p.Indicators {
		if ind.Review != "" {
			n++
		}
		for _, t := range ind.Targets {
			if t.Review != "" {
				n++
			}
		}
	}
	return n
}

// Targets counts the targets.
func (p *Plan) Targets() int {
	n := 0
	for _, ind := range p.Indicators {
		n += len(ind.Targets)
	}
	return n
}

// WriteYAML writes the plan file: the header as comments, then the plan
// with each target, observation, baseline and table on one line.
func (p *Plan) WriteYAML(w io.Writer) error {
	var n yaml.Node
	if err := n.Encode(p); err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	flowItems(&n)
	var buf bytes.Buffer
	for _, l := range bytes.Split([]byte(p.Header), []byte("\n")) {
		if len(l) > 0 {
			buf.WriteString("# ")
			buf.Write(l)
			buf.WriteByte('\n')
		}
	}
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&n); err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// flowItems puts the small mappings (title, baseline, table, each target,
// observation and goal) on one line, as the hand-written plans do.
func flowItems(n *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i].Value, n.Content[i+1]
			switch k {
			case "title", "region", "baseline", "table":
				v.Style = yaml.FlowStyle
			case "targets", "observed", "qualitative":
				for _, item := range v.Content {
					item.Style = yaml.FlowStyle
				}
			}
		}
	}
	for _, c := range n.Content {
		flowItems(c)
	}
}
