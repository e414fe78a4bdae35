//go:build unix

package outdir

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The kill tests re-run this test binary as a child that writes version 2
// of a bundle and stops at a step (childEnv says which); the parent then
// kills it or sends it SIGTERM, and looks at what is left.
const childEnv = "OUTDIR_TEST_CHILD"

func TestMain(m *testing.M) {
	if spec := os.Getenv(childEnv); spec != "" {
		os.Exit(child(spec))
	}
	os.Exit(m.Run())
}

// child writes version(2) into dir, printing "ready" at the step named.
// With "term", it does what main does on SIGTERM: cancel, Close, exit 130.
func child(spec string) int {
	mode, rest, _ := strings.Cut(spec, ":")
	at, dir, _ := strings.Cut(rest, ":")
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	testHook = func(s string) {
		if s != at {
			return
		}
		fmt.Println("ready")
		if mode == "term" {
			<-ctx.Done() // the writer sees the cancelled context next
			return
		}
		time.Sleep(time.Hour) // until killed
	}
	done := make(chan error, 1)
	go func() { done <- Write(ctx, dir, version(2), Options{Command: "run"}) }()
	select {
	case err := <-done:
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return 0
	case <-ctx.Done():
	}
	stop()
	Close()
	return 130
}

// runChild starts the child, waits for "ready", then kills it (or sends
// SIGTERM) and returns its exit code.
func runChild(t *testing.T, mode, at, dir string) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+mode+":"+at+":"+dir)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || line != "ready\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child never reached %q: %q %v", at, line, err)
	}
	if mode == "term" {
		err = cmd.Process.Signal(syscall.SIGTERM)
	} else {
		err = cmd.Process.Kill()
	}
	if err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0
}

// TestKilled: SIGKILL at each step of a write. Before the renames the
// previous output stays exactly as it was; during them every file is
// whole, old or new, and none is missing. In every case the next write
// succeeds (recognising the files the killed one renamed, through its
// pending manifest), removes the killed writer's temporary folder and
// keeps the user's file.
func TestKilled(t *testing.T) {
	for _, tc := range []struct {
		at        string
		unchanged bool // the previous output is exactly as it was
	}{
		{"rendered a.txt", true}, // mid-render
		{"rendered", true},       // everything rendered, nothing renamed
		{"swapped a.txt", false}, // one file renamed
		{"swapped sub/c.txt", false},
		{"manifest", false}, // all in place, the manifest too
	} {
		t.Run(tc.at, func(t *testing.T) {
			dir := t.TempDir()
			if err := write(dir, "run", false, version(1)); err != nil {
				t.Fatal(err)
			}
			put(t, dir, "notes.txt", "mine")
			before := tree(t, dir)
			if code := runChild(t, "kill", tc.at, dir); code != -1 {
				t.Fatalf("child exit code %d, want -1 (killed)", code)
			}
			after := tree(t, dir)
			if tc.unchanged {
				sameTree(t, withoutTemps(after), before)
			}
			for _, name := range []string{"a", "b", "sub/c"} {
				got := after[name+".txt"]
				if got != strings.ReplaceAll(name, "sub/", "")+" v1" && got != strings.ReplaceAll(name, "sub/", "")+" v2" {
					t.Errorf("after the kill %s.txt = %q, want whole v1 or v2", name, got)
				}
			}
			if err := write(dir, "run", false, version(3)); err != nil {
				t.Fatalf("the next write: %v", err)
			}
			sameTree(t, without(tree(t, dir)), map[string]string{
				"a.txt": "a v3", "b.txt": "b v3", "sub/": "", "sub/c.txt": "c v3", "notes.txt": "mine"})
		})
	}
}

// TestTerminated: SIGTERM while rendering: the writer removes its
// temporary folder and the previous output is exactly as it was.
func TestTerminated(t *testing.T) {
	dir := t.TempDir()
	if err := write(dir, "run", false, version(1)); err != nil {
		t.Fatal(err)
	}
	put(t, dir, "notes.txt", "mine")
	before := tree(t, dir)
	if code := runChild(t, "term", "rendered a.txt", dir); code != 130 {
		t.Fatalf("child exit code %d, want 130", code)
	}
	sameTree(t, tree(t, dir), before)
}

// withoutTemps drops fyp's temporary folders from a tree.
func withoutTemps(tr map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range tr {
		if v != "TEMP" {
			out[k] = v
		}
	}
	return out
}
