package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
