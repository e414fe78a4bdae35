package main

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// fixtures built once for the whole package run: `fyp run` renders every
// chart and 10,000 draws a scenario, so tests that only read its bundle
// share one.
var shared struct {
	dir     string // removed by TestMain
	runOnce sync.Once
	run     string // the bundle `fyp run --out` wrote
	runErr  string
	runCode int
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "fyp-test-")
	if err != nil {
		panic(err)
	}
	shared.dir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// sharedRun returns the folder written by one `fyp run`; callers must only
// read it.
func sharedRun(t *testing.T) string {
	t.Helper()
	shared.runOnce.Do(func() {
		shared.run = filepath.Join(shared.dir, "run", "out")
		_, shared.runErr, shared.runCode = fyp(t, "run", "--out", shared.run)
	})
	if shared.runCode != 0 {
		t.Fatalf("fyp run: exit %d: %s", shared.runCode, shared.runErr)
	}
	return shared.run
}
