package report

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLSelfContained: the page loads nothing from outside and embeds
// its chart.
func TestHTMLSelfContained(t *testing.T) {
	var b bytes.Buffer
	if err := WriteHTML(&b, testDocument(t, "zh")); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	for _, bad := range []string{`src="http`, "<link", "<script"} {
		if strings.Contains(s, bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
	for _, want := range []string{`src="data:image/png;base64,`, "图1  主要指标测算路径", `<th colspan="3">各年实际值</th>`, `<td class="group" colspan="`} {
		if !strings.Contains(s, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

// TestHTMLScreenshot renders the page in headless Chromium, with the
// embedded CJK font so that the machine's fonts do not matter, and
// compares the screenshot with testdata/html-zh.png: at most 2 % of the
// pixels may differ by more than a quarter of the range in a channel
// (anti-aliasing and Chromium versions move edges, not layout).
// go test ./report -update rewrites the golden image.
func TestHTMLScreenshot(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("headless Chromium (chromium) is not installed: the page is not rendered here")
	}
	if testing.Short() {
		t.Skip("-short: Chromium takes seconds")
	}
	dir := t.TempDir()
	font, err := filepath.Abs(filepath.Join("..", "charts", "fonts", "NotoSansCJKsc-Regular-subset.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	page, err := printHTML(testDocument(t, "zh"), "file://"+font)
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "index.html")
	if err := os.WriteFile(in, page, 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "shot.png")
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--window-size=900,1400", "--screenshot="+shot, "file://"+in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v: %s", err, out)
	}
	got := readPNG(t, shot)
	golden := filepath.Join("testdata", "html-zh.png")
	if *update {
		b, _ := os.ReadFile(shot)
		if err := os.WriteFile(golden, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := readPNG(t, golden)
	if got.Bounds() != want.Bounds() {
		t.Fatalf("screenshot is %v, golden %v", got.Bounds(), want.Bounds())
	}
	diff, dark := 0, 0
	r := got.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			a1, a2, a3, _ := got.At(x, y).RGBA()
			b1, b2, b3, _ := want.At(x, y).RGBA()
			if far(a1, b1) || far(a2, b2) || far(a3, b3) {
				diff++
			}
			if a1 < 0x4000 && a2 < 0x4000 && a3 < 0x4000 {
				dark++
			}
		}
	}
	n := r.Dx() * r.Dy()
	if dark < n/200 {
		t.Errorf("the screenshot is nearly blank (%d dark pixels of %d)", dark, n)
	}
	if frac := float64(diff) / float64(n); frac > 0.02 {
		t.Errorf("%.1f%% of the pixels differ from %s (tolerance 2%%); look at %s and run go test ./report -update after a deliberate change", 100*frac, golden, shot)
	}
}

func far(a, b uint32) bool {
	if a > b {
		return a-b > 0x4000
	}
	return b-a > 0x4000
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}
