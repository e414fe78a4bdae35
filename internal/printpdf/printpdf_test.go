package printpdf

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/image/font/sfnt"

	"fyp/charts"
	"fyp/model"
	"fyp/seeds"
)

// browser is the Chromium the printing tests use; they are skipped
// without one (CI installs it: .ci/run).
func browser(t *testing.T) string {
	t.Helper()
	p, err := LookPath()
	if err != nil {
		t.Skip("no Chromium installed:", err)
	}
	return p
}

// maxChartPDF bounds the PDF of one chart. The whole embedded font is a
// 2.08 MB file (charts/fonts), so a PDF that embedded it, or most of it,
// cannot pass; a chart uses a few hundred characters (the reachability
// dashboard, the largest, 79 KB in zh when this test was written), so a
// subset stays well under.
const maxChartPDF = 256 << 10

// A Chinese chart printed to PDF keeps its text as text: the title and
// ★ ≥ − come back from the file, set in an embedded subset of the font,
// on one page of the chart's size.
func TestPrintChineseChart(t *testing.T) {
	br := browser(t)
	p, err := seeds.Load("jiangjin-14")
	if err != nil {
		t.Fatal(err)
	}
	pr, err := model.Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	c, err := charts.Reachability(model.Assess(pr), p, charts.Options{Lang: "zh", Format: "svg"})
	if err != nil {
		t.Fatal(err)
	}
	var svg bytes.Buffer
	if _, err := c.WriteTo(&svg); err != nil {
		t.Fatal(err)
	}
	pdfs, err := Print(context.Background(), br, Font{Data: charts.EmbeddedFontFile()}, []Page{{Name: "reach.svg", SVG: svg.Bytes()}})
	if err != nil {
		t.Fatal(err)
	}
	pdf := pdfs[0]
	if len(pdf) > maxChartPDF {
		t.Errorf("reach.pdf is %d bytes, want at most %d: is the whole font embedded?", len(pdf), maxChartPDF)
	}
	fonts := regexp.MustCompile(`/BaseFont\s*/([A-Z]{6}\+)?([^\s/]+)`).FindAllSubmatch(pdf, -1)
	if len(fonts) == 0 {
		t.Fatal("no font in the PDF")
	}
	for _, f := range fonts {
		if len(f[1]) == 0 {
			t.Errorf("font %s is not a subset (no XXXXXX+ tag)", f[2])
		}
		// The font handed over, not one of the machine's.
		if string(f[2]) != "NotoSansCJKsc-Regular" {
			t.Errorf("font %s, want NotoSansCJKsc-Regular (the embedded font)", f[2])
		}
	}
	if !bytes.Contains(pdf, []byte("/FontFile")) {
		t.Error("the font is not embedded (no /FontFile)")
	}
	if n := len(regexp.MustCompile(`/Type\s*/Page\b`).FindAll(pdf, -1)); n != 1 {
		t.Errorf("%d pages, want 1", n)
	}
	// Chromium rounds the paper to 1/150 inch (0.48 pt): the page is the
	// chart's size to within one step of that.
	box := regexp.MustCompile(`/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]`).FindSubmatch(pdf)
	if box == nil {
		t.Fatal("no MediaBox")
	}
	w, h, _ := svgSize(svg.Bytes())
	for i, want := range []float64{w * 72, h * 72} {
		got, err := strconv.ParseFloat(string(box[i+1]), 64)
		if err != nil || got < want-0.01 || got > want+1.5*0.48 {
			t.Errorf("page side %d is %s pt, want %.2f (+ at most 0.72)", i, box[i+1], want)
		}
	}
	for _, want := range []string{c.Title, "★", "≥", "−"} {
		hasText(t, pdf, want)
	}
}

// hasText checks that want is text of the PDF: through pdftotext when
// poppler is installed, and always in the fonts' ToUnicode maps (every
// character of want but spaces; see cmapText).
func hasText(t *testing.T, pdf []byte, want string) {
	t.Helper()
	mapped := cmapText(pdf)
	for _, r := range strings.ReplaceAll(want, " ", "") {
		if !strings.ContainsRune(mapped, r) {
			t.Errorf("%q: the font's ToUnicode map lacks it", r)
		}
	}
	p, err := exec.LookPath("pdftotext")
	if err != nil {
		return
	}
	cmd := exec.Command(p, "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if !strings.Contains(string(out), want) {
		t.Errorf("%q is not text of the PDF; pdftotext gives %q", want, out)
	}
}

// cmapText is every character the PDF's fonts map glyphs to (their
// ToUnicode CMaps): a string whose characters are all there can be shown
// as text, not as shapes or '?'.
func cmapText(pdf []byte) string {
	var (
		chars  []rune
		bfchar = regexp.MustCompile(`(?s)beginbfchar(.*?)endbfchar`)
		ranges = regexp.MustCompile(`(?s)beginbfrange(.*?)endbfrange`)
		pair   = regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>`)
		triple = regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>`)
	)
	for _, m := range regexp.MustCompile(`(?s)stream\r?\n(.*?)endstream`).FindAllSubmatch(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue
		}
		cmap, err := io.ReadAll(r)
		if err != nil {
			continue
		}
		for _, sec := range bfchar.FindAllSubmatch(cmap, -1) {
			for _, p := range pair.FindAllSubmatch(sec[1], -1) { // glyph code, characters
				chars = append(chars, utf16Hex(p[2])...)
			}
		}
		for _, sec := range ranges.FindAllSubmatch(cmap, -1) {
			for _, p := range triple.FindAllSubmatch(sec[1], -1) { // first code, last code, first character
				lo, hi, first := hexInt(p[1]), hexInt(p[2]), utf16Hex(p[3])
				for i := 0; i <= min(hi-lo, 255) && len(first) == 1; i++ {
					chars = append(chars, first[0]+rune(i))
				}
			}
		}
	}
	return string(chars)
}

func hexInt(b []byte) int {
	n, _ := strconv.ParseInt(string(b), 16, 32)
	return int(n)
}

func utf16Hex(b []byte) []rune {
	raw, err := hex.DecodeString(string(b))
	if err != nil || len(raw)%2 != 0 {
		return nil
	}
	u := make([]uint16, len(raw)/2)
	for i := range u {
		u[i] = binary.BigEndian.Uint16(raw[2*i:])
	}
	return utf16.Decode(u)
}

func TestSVGSize(t *testing.T) {
	tests := []struct {
		name, root string
		w, h       float64 // inches
		err        string
	}{
		{"points, as vgsvg writes", `<svg width="453.54pt" height="181.73pt" viewBox="0 0 453.54 181.73">`, 453.54 / 72, 181.73 / 72, ""},
		{"bare numbers are pixels", `<svg width="960" height="480">`, 10, 5, ""},
		{"centimetres and millimetres", `<svg width="16cm" height="80mm">`, 16 / 2.54, 8 / 2.54, ""},
		{"no height", `<svg width="10in">`, 0, 0, "height: missing"},
		{"percent", `<svg width="100%" height="10in">`, 0, 0, "not a length"},
		{"too large", `<svg width="1000in" height="10in">`, 0, 0, "outside"},
		{"zero", `<svg width="0" height="10in">`, 0, 0, "outside"},
		{"not svg", `<html>`, 0, 0, "root is <html>"},
		{"not xml", `%PDF-1.4`, 0, 0, "not an SVG"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := `<?xml version="1.0"?>` + "\n<!-- c -->\n" + tc.root + "</svg>"
			w, h, err := svgSize([]byte(doc))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("svgSize = %v, want an error with %q", err, tc.err)
				}
				return
			}
			if err != nil || abs(w-tc.w) > 1e-9 || abs(h-tc.h) > 1e-9 {
				t.Errorf("svgSize = %g, %g in, %v; want %g, %g", w, h, err, tc.w, tc.h)
			}
		})
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// collection puts fonts into one TrueType collection (.ttc), its table
// offsets moved to count from the collection's start.
func collection(t *testing.T, fonts ...[]byte) []byte {
	t.Helper()
	head := 12 + 4*len(fonts)
	out := make([]byte, head)
	copy(out, "ttcf\x00\x01\x00\x00")
	binary.BigEndian.PutUint32(out[8:], uint32(len(fonts)))
	for i, f := range fonts {
		base := len(out)
		binary.BigEndian.PutUint32(out[12+4*i:], uint32(base))
		g := bytes.Clone(f)
		for j := range int(binary.BigEndian.Uint16(g[4:])) {
			rec := g[12+16*j:]
			binary.BigEndian.PutUint32(rec[8:], binary.BigEndian.Uint32(rec[8:])+uint32(base))
		}
		out = append(out, g...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func TestFaceFile(t *testing.T) {
	ttf := charts.EmbeddedFontFile()
	got, err := faceFile(ttf, 0)
	if err != nil || !bytes.Equal(got, ttf) {
		t.Errorf("a single font must be handed over as it is (err %v)", err)
	}
	if _, err := faceFile(ttf, 1); err == nil {
		t.Error("face 1 of a single font: want an error")
	}
	// The second face of a collection comes out as a font of its own,
	// with the same glyphs.
	ttc := collection(t, ttf[:4096:4096], ttf)
	face, err := faceFile(ttc, 1)
	if err != nil {
		t.Fatal(err)
	}
	f, err := sfnt.Parse(face)
	if err != nil {
		t.Fatalf("the face is not a font: %v", err)
	}
	want, _ := sfnt.Parse(ttf)
	var b sfnt.Buffer
	for _, r := range "目标★≥" {
		gi, err1 := f.GlyphIndex(&b, r)
		wi, err2 := want.GlyphIndex(&b, r)
		if err1 != nil || err2 != nil || gi == 0 || gi != wi {
			t.Errorf("%q: glyph %d, want %d (%v, %v)", r, gi, wi, err1, err2)
		}
	}
	for _, bad := range []struct {
		name  string
		data  []byte
		index int
	}{
		{"index beyond", ttc, 2},
		{"negative index", ttc, -1},
		{"short", []byte("ttcf"), 0},
		{"directory cut", ttc[:40], 1},
		{"table beyond the file", ttc[:len(ttc)-4096], 1},
	} {
		if _, err := faceFile(bad.data, bad.index); err == nil {
			t.Errorf("%s: want an error", bad.name)
		}
	}
}

// FuzzFaceFile: no --font file makes the copying panic.
func FuzzFaceFile(f *testing.F) {
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10"), 0)
	f.Add(charts.EmbeddedFontFile()[:512], 0)
	f.Fuzz(func(t *testing.T, data []byte, index int) {
		faceFile(data, index)
	})
}

// A batch fails with a message naming what went wrong: a page that is
// not SVG (before any browser starts), a browser that does not start, a
// font the browser cannot load.
func TestPrintErrors(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir()) // the temporary folders of this test only
	font := Font{Data: charts.EmbeddedFontFile()}
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="100pt" height="50pt"><text x="5" y="20">目标 ★ ≥</text></svg>`)
	_, err := Print(context.Background(), "/nonexistent/chromium", font, []Page{{Name: "x.png", SVG: []byte("\x89PNG")}})
	if err == nil || !strings.Contains(err.Error(), "x.png") {
		t.Errorf("a page that is not SVG: %v, want an error naming it", err)
	}
	_, err = Print(context.Background(), "/nonexistent/chromium", font, []Page{{Name: "a.svg", SVG: svg}})
	if err == nil || !strings.Contains(err.Error(), "starting /nonexistent/chromium") {
		t.Errorf("a missing browser: %v, want an error saying it did not start", err)
	}
	if runtime.GOOS != "windows" {
		fake := filepath.Join(t.TempDir(), "chromium")
		if err := os.WriteFile(fake, []byte("#!/bin/sh\necho 'cannot open display' >&2\nexit 1\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		_, err = Print(context.Background(), fake, font, []Page{{Name: "a.svg", SVG: svg}})
		if err == nil || !strings.Contains(err.Error(), "cannot open display") || strings.Contains(err.Error(), "\n") {
			t.Errorf("a browser that fails: %q, want one line with what it said", err)
		}
	}
	br := browser(t)
	_, err = Print(context.Background(), br, Font{Data: []byte("not a font, twelve bytes at least")}, []Page{{Name: "a.svg", SVG: svg}})
	if err == nil || !strings.Contains(err.Error(), "could not load the font") {
		t.Errorf("a damaged font: %v, want an error saying the browser could not load it", err)
	}
	// The face of a collection is loaded as a font of its own.
	ttf := charts.EmbeddedFontFile()
	pdfs, err := Print(context.Background(), br, Font{Data: collection(t, ttf[:4096:4096], ttf), Index: 1}, []Page{{Name: "a.svg", SVG: svg}})
	if err != nil {
		t.Fatal(err)
	}
	hasText(t, pdfs[0], "目标 ★ ≥")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Print(ctx, br, font, []Page{{Name: "a.svg", SVG: svg}}); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled batch: %v, want context.Canceled", err)
	}
	if left, _ := filepath.Glob(filepath.Join(os.TempDir(), "fyp-printpdf-*")); len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
}

// One browser prints several batches; closed while it starts, or after
// printing, it leaves no temporary folder, its own included (Chromium's
// org.chromium.Chromium.* was left in the system's).
func TestPrinter(t *testing.T) {
	br := browser(t)
	t.Setenv("TMPDIR", t.TempDir())
	font := Font{Data: charts.EmbeddedFontFile()}
	Start(context.Background(), br, font).Close()
	p := Start(context.Background(), br, font)
	for _, txt := range []string{"第一批 ≥", "第二批 ≈"} {
		svg := `<svg xmlns="http://www.w3.org/2000/svg" width="3in" height="1in"><text x="5" y="20">` + txt + `</text></svg>`
		pdfs, err := p.Print([]Page{{Name: "a.svg", SVG: []byte(svg)}, {Name: "b.svg", SVG: []byte(svg)}})
		if err != nil {
			t.Fatal(err)
		}
		for _, pdf := range pdfs {
			hasText(t, pdf, txt)
		}
	}
	p.Close()
	if left, _ := os.ReadDir(os.TempDir()); len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
}
