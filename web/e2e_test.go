package web

import (
	"context"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"fyp/scenarios"
)

var screenshot = flag.String("update-screenshot", "", "write a screenshot of the page (PNG) to this path, e.g. ../docs/serve.png")

// chromium finds a headless-capable Chromium: $FYP_CHROMIUM, else the
// Debian package's /usr/bin/chromium, else one on the PATH.
func chromium() string {
	if p := os.Getenv("FYP_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestPageEndToEnd drives the page in headless Chromium as a user would:
// load it, move the GDP slider with the keyboard until per-capita GDP turns
// from 达标 to 未达标, solve for the population growth that rescues it and
// apply it, save the scenario YAML (which the loader accepts and which sets
// what the sliders show), open the page's URL afresh to find the same view,
// review against uploaded and shipped figures, and switch to English.
func TestPageEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the browser test is skipped")
	}
	path := chromium()
	if path == "" {
		t.Skip("Chromium not found (apt-get install chromium, or set FYP_CHROMIUM): the page's end-to-end test is skipped")
	}
	s, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler()) // 127.0.0.1, a free port
	defer ts.Close()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1500, 1100),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancelC := chromedp.NewContext(actx)
	defer cancelC()
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelT()

	const row = `#table tbody tr[data-key="gdp_per_capita@2025#0"]`
	// until waits for a JavaScript condition to hold.
	until := func(cond string) chromedp.Action[chromedp.Void] {
		p := chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(20*time.Second))
		return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
			_, err := p(ctx, t)
			return chromedp.Void{}, err
		}
	}
	verdictIs := func(want string) chromedp.Action[chromedp.Void] {
		return until(`(() => { const td = document.querySelector('` + row + ` td.verdict'); return td !== null && td.textContent === '` + want + `'; })()`)
	}
	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	get := func(step string, a chromedp.Action[string]) string {
		t.Helper()
		v, err := chromedp.Run(ctx, a)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		return v
	}
	slider := chromedp.CSS(`#k-gdp-rate`)

	// Load: under the baseline every main-table target is met.
	do("load", chromedp.Navigate(ts.URL+"/?scenario=baseline"), chromedp.WaitVisible(chromedp.CSS(row)), verdictIs("✓ 达标"))

	// Move the GDP slider from 6 to 5 % a year with the keyboard.
	keys := []chromedp.Action[chromedp.Void]{chromedp.Focus(slider)}
	for range 10 {
		keys = append(keys, chromedp.KeyEvent(kb.ArrowLeft))
	}
	do("move the GDP slider", keys...)
	do("see per-capita GDP turn red", verdictIs("✗ 未达标"))
	if shown := get("read the slider", chromedp.Value(slider)); shown != "5" {
		t.Errorf("GDP slider shows %q after ten steps left from 6; want 5", shown)
	}
	loc := get("read the URL", chromedp.Location())
	u, err := url.Parse(loc)
	if err != nil || u.Query().Get("gdp.rate") != "5" || u.Query().Get("scenario") != "baseline" {
		t.Fatalf("the URL %q does not encode gdp.rate=5 and scenario=baseline", loc)
	}
	// P(met) arrives from the simulation.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const td = document.querySelector('`+row+` td.pmet'); return td !== null && /%$/.test(td.textContent); })()`,
		chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("P(met) never arrived: %v", err)
	}

	// Solve, with the keyboard: what population growth meets the 2025
	// per-capita target again? (Enter on the focused row opens the panel.)
	do("solve", chromedp.Focus(chromedp.CSS(row)), chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(chromedp.CSS(`#solve`)),
		chromedp.SetValue(chromedp.CSS(`#vary`), "population.rate"), chromedp.Click(chromedp.CSS(`#solve-go`)),
		chromedp.WaitVisible(chromedp.CSS(`#solve-apply`)))
	if answer := get("read the answer", chromedp.Text(chromedp.CSS(`#solve-out`))); !strings.Contains(answer, "恰好达标") {
		t.Errorf("solve answered %q; want a value that meets the target", answer)
	}
	if *screenshot != "" {
		do("settle", chromedp.Evaluate[chromedp.Void]("window.scrollTo(0, 0); document.getElementById('knobs').scrollTop = 0"), chromedp.Sleep(500*time.Millisecond))
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*screenshot, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Apply it: per-capita GDP is met again (the value is rounded to six
	// decimals, downwards here: slower population growth, more per head).
	do("apply the solution", chromedp.Click(chromedp.CSS(`#solve-apply`)), verdictIs("✓ 达标"))
	loc = get("read the URL", chromedp.Location())
	if u, err := url.Parse(loc); err != nil || u.Query().Get("population.rate") != "0.164705" || u.Query().Get("gdp.rate") != "5" {
		t.Fatalf("the URL %q does not encode gdp.rate=5 and population.rate=0.164705", loc)
	}

	// Save: the download link gives the scenario YAML of the slider state.
	href, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(`#save`), "href"))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get(ts.URL + href.Value)
	if err != nil {
		t.Fatal(err)
	}
	yaml, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(yaml), "gdp: {rule: compound, rate: 5}") ||
		!strings.Contains(string(yaml), "population: {rule: compound, rate: 0.164705}") || !strings.Contains(string(yaml), "extends: baseline") {
		t.Fatalf("saved YAML (HTTP %d):\n%s", resp.StatusCode, yaml)
	}
	if _, err := scenarios.Check("custom.yaml", yaml, s.plans[0].plan); err != nil {
		t.Fatalf("the saved YAML does not validate: %v", err)
	}

	// Reload the URL in a fresh page: the same settings, the same verdict.
	do("reload", chromedp.Navigate("about:blank"), chromedp.Navigate(loc), chromedp.WaitVisible(chromedp.CSS(row)), verdictIs("✓ 达标"))
	if shown := get("read the slider", chromedp.Value(slider)); shown != "5" {
		t.Errorf("after reloading %s the GDP slider shows %q; want 5", loc, shown)
	}

	// Back to GDP at 5 % alone: red again.
	do("reset population", chromedp.Click(chromedp.CSS(`.knob[data-key="population.rate"] .reset`)), verdictIs("✗ 未达标"))

	// Review mode: upload observed figures (the synthetic example); the
	// review table appears, forest coverage on schedule (53.1 in 2023:
	// 59 % of the task in 60 % of the time).
	example, err := filepath.Abs("../cmd/fyp/testdata/observed-example.csv")
	if err != nil {
		t.Fatal(err)
	}
	do("upload observed figures", chromedp.SetUploadFiles(chromedp.CSS(`#observed`), []string{example}),
		chromedp.WaitVisible(chromedp.CSS(`#review-table tbody tr[data-key="forest_coverage@2025#0"]`)))
	if cat := get("read the review", chromedp.Text(chromedp.CSS(`#review-table tbody tr[data-key="forest_coverage@2025#0"] td.verdict`))); cat != "基本符合预期" {
		t.Errorf("forest coverage in review mode: %q, want 基本符合预期", cat)
	}
	// The example says its figures are invented: the page says so in red.
	do("see the synthetic mark", chromedp.WaitVisible(chromedp.CSS(`#synthetic`)))
	if *screenshot != "" {
		do("settle", chromedp.Evaluate[chromedp.Void]("window.scrollTo(0, 0); document.getElementById('knobs').scrollTop = 0"), chromedp.Sleep(500*time.Millisecond))
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(strings.TrimSuffix(*screenshot, ".png")+"-review.png", png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The real figures shipped with the plan, by one click.
	do("review with the shipped figures", chromedp.Click(chromedp.CSS(`#shipped`)),
		until(`document.querySelector('#review-h').textContent.includes('jiangjin-observed.csv')`),
		chromedp.WaitNotVisible(chromedp.CSS(`#synthetic`)))
	do("leave review mode", chromedp.Click(chromedp.CSS(`#leave-review`)), chromedp.WaitNotVisible(chromedp.CSS(`#review`)))

	// English: the same table in the other language.
	do("switch to English", chromedp.Click(chromedp.CSS(`#lang`)), verdictIs("✗ not met"))
}
