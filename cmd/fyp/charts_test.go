package main

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"fyp/charts"
	"fyp/internal/printpdf"
	"fyp/model"
	"fyp/seeds"
)

func TestChartsCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		name  string
		args  []string
		files []string // expected in the output folder
		code  int
		err   string // in stderr
	}{
		{"selected charts", []string{"charts", "--only", "headline,path-forest_coverage", "--dpi", "60"}, []string{"headline.png", "path-forest_coverage.png"}, 0, ""},
		{"english svg", []string{"charts", "--only", "reach", "--lang", "en", "--format", "svg"}, []string{"reach.svg"}, 0, ""},
		{"previous plan's own record", []string{"charts", "--plan", "jiangjin-13", "--only", "headline,record", "--dpi", "40"}, []string{"headline.png", "record.png"}, 0, ""},
		{"unknown chart", []string{"charts", "--only", "pth", "--lang", "en"}, nil, 2, `did you mean "path"`},
		{"unknown chart, zh", []string{"charts", "--only", "pth"}, nil, 2, `--only：未知的图表"pth"；是否想写 "path"？`},
		{"bad dpi", []string{"charts", "--dpi", "5"}, nil, 2, "--dpi 5"},
		{"missing font", []string{"charts", "--font", filepath.Join(dir, "none.ttf")}, nil, 2, "--font"},
		{"not a font", []string{"charts", "--font", os.Args[0] + ":0"}, nil, 2, "--font"},
		{"bad format", []string{"charts", "--format", "gif"}, nil, 2, "--format"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, "out", string(rune('a'+i)))
			_, stderr, code := fyp(t, append(tc.args, "--out", out)...)
			if code != tc.code {
				t.Fatalf("exit code = %d, want %d (stderr %q)", code, tc.code, stderr)
			}
			if !strings.Contains(stderr, tc.err) {
				t.Errorf("stderr = %q, want %q in it", stderr, tc.err)
			}
			if tc.code != 0 {
				if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("bad input wrote %s", out)
				}
				return
			}
			for _, f := range tc.files {
				fi, err := os.Stat(filepath.Join(out, f))
				if err != nil || fi.Size() == 0 {
					t.Errorf("%s: %v", f, err)
				}
			}
		})
	}
}

// With Chromium, PDF charts are printed by it, Chinese ones included: one
// page each, the text Chinese with ★ ≥ as characters (printpdf's tests
// check the font subset and the size).
func TestChartsPDF(t *testing.T) {
	if _, err := findBrowser(); err != nil {
		t.Skip("no Chromium installed:", err)
	}
	t.Parallel()
	for _, tc := range []struct {
		lang string
		want []string // in reach.pdf's text
	}{
		{"zh", []string{"目标可达性", "★23 森林覆盖率", "每年≥300"}},
		{"en", []string{"★23 Forest coverage", "≥300 every year", "−0.004"}},
	} {
		out := filepath.Join(t.TempDir(), "c")
		stdout, stderr, code := fyp(t, "charts", "--only", "reach,record", "--format", "pdf", "--lang", tc.lang, "--out", out)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", tc.lang, code, stderr)
		}
		if want := out + "/reach.pdf\n" + out + "/record.pdf\n"; stdout != want {
			t.Errorf("%s: stdout %q, want %q", tc.lang, stdout, want)
		}
		if strings.Contains(stderr, "Chromium") {
			t.Errorf("%s: a note about Chromium although it is installed: %s", tc.lang, stderr)
		}
		for _, name := range []string{"reach.pdf", "record.pdf"} {
			pdf, err := os.ReadFile(filepath.Join(out, name))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(pdf, []byte("%PDF")) || bytes.Count(pdf, []byte("/Type /Page\n")) != 1 {
				t.Errorf("%s %s: not a one-page PDF", tc.lang, name)
			}
		}
		pdftotext, err := exec.LookPath("pdftotext")
		if err != nil {
			continue // the text is checked by printpdf's tests without poppler
		}
		text, err := exec.Command(pdftotext, filepath.Join(out, "reach.pdf"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(text), w) {
				t.Errorf("%s: reach.pdf's text lacks %q", tc.lang, w)
			}
		}
	}
}

// Without Chromium, English PDF charts are gonum/plot's, with a note
// saying how they spell ★ ≥; Chinese ones are refused (exit 2, nothing
// written) with a message saying what to install or use instead.
func TestChartsPDFWithoutChromium(t *testing.T) {
	defer func(f func() (string, error)) { findBrowser = f }(findBrowser)
	findBrowser = func() (string, error) { return "", printpdf.ErrNoBrowser }
	dir := t.TempDir()

	_, stderr, code := fyp(t, "charts", "--only", "reach", "--format", "pdf", "--out", filepath.Join(dir, "zh"))
	if code != 2 || !strings.Contains(stderr, "apt install chromium") || !strings.Contains(stderr, "--format png 或 svg") {
		t.Errorf("zh: exit %d, stderr %q; want 2 and what to install or use", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "zh")); !errors.Is(err, os.ErrNotExist) {
		t.Error("zh: the refused command wrote its folder")
	}

	out := filepath.Join(dir, "en")
	_, stderr, code = fyp(t, "charts", "--only", "reach", "--format", "pdf", "--lang", "en", "--out", out)
	if code != 0 {
		t.Fatalf("en: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "* >=") || strings.Count(stderr, "Chromium is not installed") != 1 {
		t.Errorf("en: stderr %q, want one note saying how ★ ≥ are spelt", stderr)
	}
	pdf, err := os.ReadFile(filepath.Join(out, "reach.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF")) || bytes.Contains(pdf, []byte("Skia")) {
		t.Error("en: reach.pdf is not gonum/plot's PDF")
	}
}

func TestChartsDPI(t *testing.T) {
	out := filepath.Join(t.TempDir(), "c")
	if _, stderr, code := fyp(t, "charts", "--only", "path-gdp", "--dpi", "72", "--out", out); code != 0 {
		t.Fatal(stderr)
	}
	f, err := os.Open(filepath.Join(out, "path-gdp.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatal(err)
	}
	// 16 cm at 72 dpi: 16/2.54 × 72 = 453.5 px.
	if cfg.Width < 453 || cfg.Width > 454 {
		t.Errorf("width = %d px, want 453 or 454 (16 cm at 72 dpi)", cfg.Width)
	}
}

func TestRunWritesCharts(t *testing.T) {
	t.Parallel()
	out := sharedRun(t)
	for _, f := range []string{"headline.png", "reach.png", "record.png", "path-gdp_per_capita.png", "path-good_air_days.png"} {
		if _, err := os.Stat(filepath.Join(out, "charts", f)); err != nil {
			t.Error(err)
		}
	}
}

func TestLoadFontFlag(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "x:y.ttf")
	if err := os.WriteFile(bad, []byte("not a font at all"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A colon not followed by a number belongs to the file name.
	if _, _, err := loadFontFlag(bad); err == nil || !strings.Contains(err.Error(), "x:y.ttf") {
		t.Errorf("loadFontFlag(%s) = %v, want an error naming the file", bad, err)
	}
}

// Charts drawn on several goroutines are byte for byte those drawn on one.
func TestDrawAllIdentical(t *testing.T) {
	p, err := seeds.Load("jiangjin-14")
	if err != nil {
		t.Fatal(err)
	}
	pr, err := model.Project(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := buildCharts([]*model.Projection{pr}, chartData{}, nil, charts.Options{DPI: 40})
	if err != nil {
		t.Fatal(err)
	}
	one, err := drawAll(cs, 1)
	if err != nil {
		t.Fatal(err)
	}
	many, err := drawAll(cs, 4)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) < 10 {
		t.Fatalf("%d charts, want the whole set", len(cs))
	}
	for i := range cs {
		if !bytes.Equal(one[i], many[i]) {
			t.Errorf("%s: 4 workers drew other bytes than 1", cs[i].ID)
		}
	}
}

// BenchmarkDrawAll draws the chart set of `fyp run` on one worker and on
// GOMAXPROCS workers: go test ./cmd/fyp -run '^$' -bench DrawAll
func BenchmarkDrawAll(b *testing.B) {
	o := &options{plan: "jiangjin-14", lang: "zh", stdout: io.Discard, stderr: io.Discard}
	prs, err := chartProjections(o)
	if err != nil {
		b.Fatal(err)
	}
	cs, err := buildCharts(prs, chartData{}, nil, charts.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, w := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			for b.Loop() {
				if _, err := drawAll(cs, w); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
