package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
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
