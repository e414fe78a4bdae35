package charts

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"

	"fyp/model"
)

// textRecorder keeps every string a chart draws.
type textRecorder struct {
	*recorder.Canvas
	texts *[]string
}

func (textRecorder) Size() (vg.Length, vg.Length) { return Width, 20 * vg.Centimeter }

func (r textRecorder) FillString(f font.Face, pt vg.Point, s string) { *r.texts = append(*r.texts, s) }

// Every string an English chart draws reaches the PDF in code page 1252,
// the only encoding gonum/plot's PDF backend has: ★ ≥ ≈ − are spelt out,
// never garbled.
func TestPDFTextEncodable(t *testing.T) {
	p := load(t, "jiangjin-14")
	pr, err := model.Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Lang: "en", Format: "pdf"}
	var cs []*Chart
	add := func(c *Chart, err error) {
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, c)
	}
	add(Headline([]*model.Projection{pr}, o))
	add(Reachability(model.Assess(pr), p, o))
	add(Record(p.Previous, o))
	add(IndicatorPath("good_air_days", []*model.Projection{pr}, o))
	add(IndicatorPath("work_safety_fatality_rate", []*model.Projection{pr}, o))
	enc := charmap.Windows1252.NewEncoder()
	seen := map[rune]bool{}
	for _, c := range cs {
		var texts []string
		c.draw(draw.New(textRecorder{Canvas: &recorder.Canvas{}, texts: &texts}))
		for _, s := range texts {
			for _, r := range s {
				seen[r] = true
			}
			if _, err := enc.String(winAnsi(s)); err != nil {
				t.Errorf("%s: %q cannot be written in code page 1252: %v", c.ID, winAnsi(s), err)
			}
		}
	}
	if !seen['★'] || !seen['≥'] {
		t.Errorf("the test charts draw no ★ or ≥: it checks nothing")
	}
}
