package charts

import (
	_ "embed"
	"fmt"
	"fyp/internal/bilingual"
	"strings"
	"sync"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// embeddedTTF is Noto Sans CJK SC Regular cut to GB2312, ASCII, CJK
// punctuation and every character of the repository's data (fonts/README.md).
//
//go:embed fonts/NotoSansCJKsc-Regular-subset.ttf
var embeddedTTF []byte

// typeface is the name the chart text styles ask the font cache for.
const typeface = "fyp"

// Font is the typeface every label is drawn in.
type Font struct {
	Name    string
	otf     *opentype.Font
	handler *measured
	mu      sync.Mutex
	buf     sfnt.Buffer
	glyphs  map[rune]sfnt.GlyphIndex // glyph's answers so far
}

// measured is text.Plain remembering the boxes it measured: a chart
// measures the same tick labels and titles many times (each measure walks
// the font's tables), and a server draws the same labels chart after chart.
type measured struct {
	text.Plain
	mu    sync.Mutex
	boxes map[boxKey][3]vg.Length
}

type boxKey struct {
	txt string
	fnt font.Font
}

// maxBoxes bounds the boxes remembered; past it they are forgotten at once.
const maxBoxes = 20000

// Box is text.Plain's Box, remembered.
func (m *measured) Box(txt string, fnt font.Font) (width, height, depth vg.Length) {
	k := boxKey{txt, fnt}
	m.mu.Lock()
	b, ok := m.boxes[k]
	m.mu.Unlock()
	if ok {
		return b[0], b[1], b[2]
	}
	width, height, depth = m.Plain.Box(txt, fnt)
	m.mu.Lock()
	if len(m.boxes) >= maxBoxes {
		clear(m.boxes)
	}
	m.boxes[k] = [3]vg.Length{width, height, depth}
	m.mu.Unlock()
	return width, height, depth
}

var (
	embeddedOnce sync.Once
	embedded     *Font
	embeddedErr  error
)

// EmbeddedFont is the font shipped in the binary.
func EmbeddedFont() (*Font, error) {
	embeddedOnce.Do(func() {
		embedded, embeddedErr = LoadFont("Noto Sans CJK SC (subset)", embeddedTTF, 0)
	})
	return embedded, embeddedErr
}

// LoadFont parses a TrueType or OpenType font, or face index of a
// collection (.ttc). name is used in messages.
func LoadFont(name string, data []byte, index int) (f *Font, err error) {
	if len(data) < 12 {
		return nil, bilingual.Errorf("字体%s：只有%d字节，不是字体文件", "font %s: %d bytes is too short for a font file", name, len(data))
	}
	// sfnt trusts some offsets in the file; a damaged file must not crash fyp.
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, bilingual.Errorf("字体%s：文件已损坏（%v）", "font %s: damaged file (%v)", name, r)
		}
	}()
	coll, err := opentype.ParseCollection(data)
	if err != nil {
		return nil, bilingual.Errorf("字体%s：不是可读的TrueType/OpenType字体或字体集（.ttf、.otf、.ttc）", "font %s: not a TrueType/OpenType font or collection that can be read (.ttf, .otf, .ttc): %w", name, err)
	}
	if index < 0 || index >= coll.NumFonts() {
		return nil, bilingual.Errorf("字体%s：序号%d超出范围（文件含%d个字体）", "font %s: index %d out of range (the file holds %d)", name, index, coll.NumFonts())
	}
	otf, err := coll.Font(index)
	if err != nil {
		return nil, bilingual.Errorf("字体%s：第%d个字体无法读取", "font %s: face %d: %w", name, index, err)
	}
	f = &Font{Name: name, otf: otf, glyphs: map[rune]sfnt.GlyphIndex{}}
	if f.glyph('A') == 0 {
		return nil, bilingual.Errorf("字体%s：没有拉丁字母", "font %s: has no Latin letters", name)
	}
	f.handler = &measured{Plain: text.Plain{Fonts: font.NewCache(font.Collection{{Font: font.Font{Typeface: typeface}, Face: otf}})}, boxes: map[boxKey][3]vg.Length{}}
	return f, nil
}

// glyph is the glyph index of r; 0 (.notdef) when the font lacks it.
func (f *Font) glyph(r rune) sfnt.GlyphIndex {
	f.mu.Lock()
	defer f.mu.Unlock()
	if i, ok := f.glyphs[r]; ok {
		return i
	}
	i, err := f.otf.GlyphIndex(&f.buf, r)
	if err != nil {
		i = 0
	}
	if len(f.glyphs) >= maxBoxes {
		clear(f.glyphs)
	}
	f.glyphs[r] = i
	return i
}

// Missing lists, in order and once each, the characters of ss that the font
// cannot draw. Spaces and line breaks need no glyph.
func (f *Font) Missing(ss ...string) []rune {
	seen := map[rune]bool{}
	var out []rune
	for _, s := range ss {
		for _, r := range s {
			if r == '\n' || r == ' ' || seen[r] {
				continue
			}
			seen[r] = true
			if f.glyph(r) == 0 {
				out = append(out, r)
			}
		}
	}
	return out
}

// labeler checks labels against a font as a chart is built. Missing
// characters are replaced by '?' (never a box or a blank) and reported.
type labeler struct {
	font    *Font
	missing []rune
	first   string // the first label with a missing character
	seen    map[rune]bool
}

func newLabeler(f *Font) *labeler { return &labeler{font: f, seen: map[rune]bool{}} }

// fix returns s with every character the font lacks replaced by '?'.
func (l *labeler) fix(s string) string {
	bad := l.font.Missing(s)
	if len(bad) == 0 {
		return s
	}
	if l.first == "" {
		l.first = s
	}
	out := s
	for _, r := range bad {
		if !l.seen[r] {
			l.seen[r] = true
			l.missing = append(l.missing, r)
		}
		out = strings.ReplaceAll(out, string(r), "?")
	}
	return out
}

// maxNamed is how many missing characters a warning lists.
const maxNamed = 20

// warnings is one message naming the missing characters (U+ codes for the
// first few) and the first label they occur in; nil when none is missing.
func (l *labeler) warnings(lang string) []string {
	if len(l.missing) == 0 {
		return nil
	}
	var b strings.Builder
	for i, r := range l.missing {
		if i == maxNamed {
			fmt.Fprintf(&b, pick(lang, " …（另有%d个）", " … (%d more)"), len(l.missing)-maxNamed)
			break
		}
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%c U+%04X", r, r)
	}
	return []string{fmt.Sprintf(pick(lang, "字体%s缺少%d个字符的字形，画作“?”：%s；首见于“%s”", "font %s has no glyph for %d characters, drawn as '?': %s; first in %q"), l.font.Name, len(l.missing), b.String(), l.first)}
}
