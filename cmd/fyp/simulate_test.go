package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"fyp/internal/bilingual"
	"fyp/model"
)

func TestSimulateSameSeedSameBytesWhateverWorkers(t *testing.T) {
	var outs []string
	for _, w := range []string{"1", "2", "3"} {
		var out, errb bytes.Buffer
		if err := run(context.Background(), []string{"simulate", "--draws", "3000", "--seed", "42", "--workers", w, "--format", "json"}, &out, &errb); err != nil {
			t.Fatal(err)
		}
		if errb.Len() > 0 {
			t.Errorf("stderr not a terminal, yet written: %q", errb.String())
		}
		outs = append(outs, out.String())
	}
	for i := 1; i < len(outs); i++ {
		if outs[i] != outs[0] {
			t.Errorf("output with workers %d differs from workers 1", i+1)
		}
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(outs[0]), &rows); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "scenario", "year", "kind", "target", "p_met", "p_se", "p5", "p25", "p50", "p75", "p95"} {
		if _, ok := rows[0][k]; !ok {
			t.Errorf("JSON object lacks %q: %v", k, rows[0])
		}
	}
}

func TestSimulateBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"simulate", "--draws", "0"},
		{"simulate", "--workers", "0"},
		{"simulate", "--format", "xml"},
		{"simulate", "--scope", "x"},
	} {
		var out, errb bytes.Buffer
		err := run(context.Background(), args, &out, &errb)
		var ie inputError
		if !errors.As(err, &ie) {
			t.Errorf("%v: error %v, want an input error (exit 2)", args, err)
		}
		if out.Len() > 0 {
			t.Errorf("%v: wrote %q", args, out.String())
		}
	}
}

// TestSimulateWorkersCapped: more workers than the limit run as many as the
// limit (each holds buffers as long as the draws: --workers 100000000 took
// 6.9 GB), with a note, and give the same result.
func TestSimulateWorkersCapped(t *testing.T) {
	t.Parallel()
	args := []string{"simulate", "--draws", "2000", "--format", "csv"}
	want, _, code := fyp(t, append(args, "--workers", "1")...)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	n := maxWorkers()
	out, errs, code := fyp(t, append(args, "--workers", strconv.Itoa(n+1))...)
	if code != 0 || out != want {
		t.Errorf("--workers %d: exit %d, output differs from --workers 1: %v", n+1, code, out != want)
	}
	note := fmt.Sprintf("note: --workers %d is over the limit of %d; using %d", n+1, n, n)
	if _, errs, _ = fyp(t, append(args, "--workers", strconv.Itoa(n+1), "--lang", "en")...); !strings.Contains(errs, note) {
		t.Errorf("stderr = %q, want %q", errs, note)
	}
}

// TestSimulateMemoryBudget: a run estimated over the budget is refused
// before it starts, naming the flag that raises it. (--draws 10000000 took
// 65 s and 5.9 GB; here the check is tested, not the run.)
func TestSimulateMemoryBudget(t *testing.T) {
	_, errs, code := fyp(t, "simulate", "--draws", "10000", "--workers", "2", "--max-memory", "1MB", "--lang", "en")
	if code != 2 || !strings.Contains(errs, "simulating plan with 10000 draws needs about 7.6 MB of memory") || !strings.Contains(errs, "over the budget of 1 MB") || !strings.Contains(errs, "raise --max-memory") {
		t.Errorf("exit %d, stderr %q; want exit 2 and the estimate against the budget", code, errs)
	}
	_, errs, code = fyp(t, "simulate", "--draws", "10000", "--workers", "2", "--max-memory", "1MB")
	if code != 2 || !strings.Contains(errs, "按10000次抽样模拟plan约需7.6 MB内存，超过1 MB的预算") || !strings.Contains(errs, "调高 --max-memory") {
		t.Errorf("exit %d, stderr %q; want exit 2 and the estimate against the budget, in Chinese", code, errs)
	}
	if _, errs, code := fyp(t, "simulate", "--draws", "10000", "--workers", "2", "--max-memory", "8MB", "--format", "csv"); code != 0 {
		t.Errorf("under the budget: exit %d, stderr %q", code, errs)
	}
	// The default budget refuses ten million draws of the embedded plan
	// (5.7 GB estimated, 5.9 GB measured) and lets three million run
	// (1.8 GB estimated, 1.84 GB peak resident measured with /usr/bin/time).
	ins, err := simInputs(&options{stdout: io.Discard, stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	for draws, refused := range map[int]bool{10_000_000: true, 3_000_000: false} {
		_, err := checkSimMemory(ins[0], model.SimOptions{Draws: draws, Workers: 2}, 0, true)
		if (err != nil) != refused {
			t.Errorf("%d draws with the default budget: %v, want refused %v", draws, err, refused)
		}
	}
	// run, report and charts simulate with 10,000 draws and take neither
	// flag: their refusal (when not even 1,000 draws fit) must not advise
	// them.
	_, err = checkSimMemory(ins[0], model.SimOptions{Draws: 10_000, Workers: 2}, 100<<10, false)
	if zh := bilingual.In(err, "zh"); err == nil || strings.Contains(zh, "--max-memory") || !strings.Contains(zh, "规划的指标太多") || !strings.Contains(zh, "可用 fyp simulate 减少 --draws 单独模拟") {
		t.Errorf("over the budget in run, report or charts: %q", zh)
	}
	for _, bad := range []string{"abc", "0", "-1GB", "1e400", "NaN"} {
		if _, errs, code := fyp(t, "simulate", "--max-memory", bad); code != 2 || !strings.Contains(errs, "--max-memory") {
			t.Errorf("--max-memory %s: exit %d, stderr %q", bad, code, errs)
		}
	}
}

func TestParseBytes(t *testing.T) {
	for in, want := range map[string]int64{"2GB": 2 << 30, "512MB": 512 << 20, "1.5G": 3 << 29, "4 gib": 4 << 30, "800000000": 800000000, "64k": 64 << 10} {
		if got, err := parseBytes(in); err != nil || got != want {
			t.Errorf("parseBytes(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
}

// Regression (issue 12, after §3): a scenario with sd 1000 points of GDP
// growth and df 2.1 passed validation, and simulate then printed per-capita
// GDP with P5 = −1302: draws of GDP's yearly growth below −100 % made
// levels negative. Every percentile of a level that must stay above zero is
// now above zero, and the output says how many draws were censored.
func TestSimulateExtremeSDKeepsLevelsPositive(t *testing.T) {
	f := filepath.Join(t.TempDir(), "wild.yaml")
	if err := os.WriteFile(f, []byte("extends: baseline\nuncertainty:\n  shocks:\n    gdp: {sd: 1000, df: 2.1}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, errs, code := fyp(t, "validate", f); code != 0 {
		t.Fatalf("validate: exit %d: %s%s", code, out, errs)
	}
	out, errs, code := fyp(t, "simulate", "-s", f, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rows []struct {
		ID   string   `json:"id"`
		Year int      `json:"year"`
		P5   *float64 `json:"p5"`
		P95  *float64 `json:"p95"`
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, r := range rows {
		if r.ID != "gdp_per_capita" {
			continue
		}
		seen++
		if r.P5 == nil || !(*r.P5 > 0) || r.P95 == nil || math.IsInf(*r.P95, 0) {
			t.Errorf("gdp_per_capita %d: P5 = %v, P95 = %v; want finite percentiles above zero", r.Year, deref(r.P5), deref(r.P95))
		}
	}
	if seen == 0 {
		t.Fatalf("no gdp_per_capita rows in %s", out)
	}
	table, _, _ := fyp(t, "simulate", "-s", f, "--lang", "en")
	if !strings.Contains(table, "gdp: ") || !strings.Contains(table, "held at −99 %") {
		t.Errorf("the table does not say that GDP draws were censored:\n%s", table)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// bigPlan writes a valid plan of n indicators, each a falling intensity
// with a reduction target, as a stand-in for a plan too big for the
// memory budget (the budget is lowered instead of n raised, to keep the
// test fast).
func bigPlan(t *testing.T, dir string, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("id: big\ntitle: {zh: 生成的大规划, en: A generated big plan}\nbase_year: 2025\ntarget_year: 2030\nindicators:\n")
	for i := range n {
		fmt.Fprintf(&b, `  - id: e%[1]d
    name: 能耗%[1]d
    name_en: Energy use %[1]d
    unit: 吨标准煤/万元
    unit_en: tce per 10,000 yuan
    section: 第二章
    attribute: binding
    direction: down
    path: compound
    baseline: {year: 2025, value: 0.5}
    targets:
      - {year: 2030, kind: reduction, value: 13.5, bound: min, text: 下降13.5%%}
`, i)
	}
	path := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestBigPlanReducesDraws: run, report and charts on a plan whose 10,000
// default draws do not fit the memory budget simulate with the most draws
// that fit, and say so on stderr and beside the probabilities, in the
// run's language; below 1,000 draws they are refused, naming fyp simulate.
// (A plan of more than about 11,000 indicators was refused outright: no
// bundle at all.) Not parallel: it lowers simBudget.
func TestBigPlanReducesDraws(t *testing.T) {
	dir := t.TempDir()
	plan := bigPlan(t, dir, 40)
	ins, err := simInputs(&options{plan: plan, stdout: io.Discard, stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	need := func(draws int) int64 {
		n, err := model.SimMemory(ins[0].pr, ins[0].u, model.SimOptions{Draws: draws, Workers: runtime.GOMAXPROCS(0)})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	defer func(b int64) { simBudget = b }(simBudget)
	simBudget = need(4000) // 4,000 draws fit exactly, 4,001 do not
	wantZH := "模拟次数按内存上限减为4,000次（默认10,000次），概率的标准误相应增大（约为默认的1.58倍）"
	wantEN := "the number of draws is reduced to 4,000 (default 10,000) to fit the memory budget; the probabilities' standard errors grow accordingly (about 1.58 times the default's)"
	for _, c := range []struct {
		lang, want, file string
		args             []string
	}{
		{"zh", wantZH, "report.md", []string{"run"}},
		{"en", wantEN, "report.md", []string{"run"}},
		{"zh", wantZH, "report.md", []string{"report", "--pdf=false"}},
		{"en", wantEN, "", []string{"charts", "--only", "fan"}},
	} {
		out := filepath.Join(dir, c.args[0]+"-"+c.lang)
		args := append([]string{"--plan", plan, "--lang", c.lang, "--out", out}, c.args...)
		_, errs, code := fyp(t, args...)
		if code != 0 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 0 and %q", c.args, code, errs, c.want)
			continue
		}
		if c.file == "" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(out, c.file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), c.want) {
			t.Errorf("%v: %s does not say the draws were reduced (%q)", c.args, c.file, c.want)
		}
		if c.args[0] == "run" {
			csv, err := os.ReadFile(filepath.Join(out, "simulation.csv"))
			if err != nil || !strings.Contains(string(csv), ",4000,20210609,") {
				t.Errorf("run: simulation.csv does not carry 4000 draws (%v)", err)
			}
		}
	}
	// Below 1,000 draws: refused, as before, in either language.
	simBudget = need(500)
	_, errs, code := fyp(t, "--plan", plan, "run", "--out", filepath.Join(dir, "refused"))
	if code != 2 || !strings.Contains(errs, "按1000次抽样模拟plan也需约") || !strings.Contains(errs, "规划的指标太多（40个）") || !strings.Contains(errs, "fyp simulate") {
		t.Errorf("under 1,000 draws: exit %d, stderr %q; want exit 2 and the refusal", code, errs)
	}
	_, errs, code = fyp(t, "--plan", plan, "--lang", "en", "report", "--pdf=false", "--out", filepath.Join(dir, "refused-en"))
	if code != 2 || !strings.Contains(errs, "simulating plan needs about") || !strings.Contains(errs, "even with 1000 draws") || !strings.Contains(errs, "(40)") {
		t.Errorf("under 1,000 draws, en: exit %d, stderr %q; want exit 2 and the refusal", code, errs)
	}
}
