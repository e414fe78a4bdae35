package charts

import (
	"fyp/internal/bilingual"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyp/scenarios"
)

// TestFontCoversLabels checks every label the seeds carry (names, units,
// groups, titles, in both languages) and every character of the chart
// code's strings against the embedded font. When it fails, cut the font
// again (fonts/README.md).
func TestFontCoversLabels(t *testing.T) {
	f, err := EmbeddedFont()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"jiangjin-14", "jiangjin-13"} {
		p := load(t, id)
		labels := []string{p.Title.ZH, p.Title.EN, p.Region.ZH, p.Region.EN, p.Source}
		for _, ind := range p.Indicators {
			labels = append(labels, ind.Name.ZH, ind.Name.EN, ind.Unit.ZH, ind.Unit.EN, ind.Group.ZH, ind.Group.EN)
			for _, o := range ind.Observed {
				labels = append(labels, o.Text)
			}
			for _, tg := range ind.Targets {
				labels = append(labels, tg.Text)
			}
		}
		for _, g := range p.Qualitative {
			labels = append(labels, g.Text.ZH, g.Text.EN)
		}
		if m := f.Missing(labels...); len(m) > 0 {
			t.Errorf("%s: the embedded font lacks %q", id, string(m))
		}
	}
	// The scenarios' titles and descriptions name the lines and footers.
	p := load(t, "jiangjin-14")
	for _, id := range scenarios.IDs() {
		r, err := scenarios.Load(id, p)
		if err != nil {
			t.Fatal(err)
		}
		if m := f.Missing(r.Scenario.Title.ZH, r.Scenario.Title.EN, r.Description); len(m) > 0 {
			t.Errorf("scenario %s: the embedded font lacks %q", id, string(m))
		}
	}
	// The chart strings: every character of the package's Go files and of
	// the command's files that make chart labels.
	files, _ := filepath.Glob("*.go")
	files = append(files, filepath.Join("..", "cmd", "fyp", "charts.go"), filepath.Join("..", "cmd", "fyp", "chartdata.go"))
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		nonASCII := strings.Map(func(r rune) rune {
			if r < 0x80 {
				return -1
			}
			return r
		}, string(src))
		if m := f.Missing(nonASCII); len(m) > 0 {
			t.Errorf("%s: the embedded font lacks %q", name, string(m))
		}
	}
}

func TestMissingGlyphWarns(t *testing.T) {
	f, err := EmbeddedFont()
	if err != nil {
		t.Fatal(err)
	}
	// U+20000 (CJK extension B) is outside GB2312 and the subset.
	lab := newLabeler(f)
	if got := lab.fix("森林𠀀覆盖率"); got != "森林?覆盖率" {
		t.Errorf("fix = %q, want the missing character as '?'", got)
	}
	ws := lab.warnings("en")
	if len(ws) != 1 || !strings.Contains(ws[0], "U+20000") || !strings.Contains(ws[0], "森林𠀀覆盖率") {
		t.Errorf("warnings = %q, want one naming U+20000", ws)
	}
	if m := f.Missing("地区生产总值 GDP ★≥≤≈×−·—“”（）：；、"); len(m) > 0 {
		t.Errorf("Missing(common labels) = %q", string(m))
	}
}

func TestLoadFont(t *testing.T) {
	tests := []struct {
		name  string
		data  []byte
		index int
	}{
		{"garbage", []byte("not a font"), 0},
		{"empty", nil, 0},
		{"index out of range", embeddedTTF, 3},
		{"negative index", embeddedTTF, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadFont(tc.name, tc.data, tc.index)
			if err == nil || !strings.HasPrefix(err.Error(), "font "+tc.name+": ") {
				t.Fatalf("LoadFont = %v, want an error naming the font", err)
			}
			// In Chinese wholly (--font plan.txt said "sfnt: invalid font collection").
			if zh := bilingual.In(err, "zh"); !strings.HasPrefix(zh, "字体"+tc.name+"：") || strings.Contains(zh, "sfnt") || strings.Contains(zh, "bytes") {
				t.Errorf("LoadFont in Chinese = %q", zh)
			}
		})
	}
	if _, err := LoadFont("embedded", embeddedTTF, 0); err != nil {
		t.Errorf("LoadFont(embedded) = %v", err)
	}
}

// FuzzLoadFont: a user's --font file never panics the parser.
func FuzzLoadFont(f *testing.F) {
	f.Add([]byte("ttcf\x00\x01\x00\x00"), 0)
	f.Add(embeddedTTF[:512], 0)
	f.Fuzz(func(t *testing.T, data []byte, index int) {
		_, _ = LoadFont("fuzz", data, index)
	})
}
