package printpdf

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// slowBrowser is a stand-in for Chromium that never finishes starting: a
// script that writes its process id to the file it returns and sleeps.
func slowBrowser(t *testing.T) (browser, pidFile string) {
	t.Helper()
	dir := t.TempDir()
	browser, pidFile = filepath.Join(dir, "chromium"), filepath.Join(dir, "pid")
	script := "#!/bin/sh\necho $$ > " + pidFile + ".tmp && mv " + pidFile + ".tmp " + pidFile + "\nexec sleep 60\n"
	if err := os.WriteFile(browser, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return browser, pidFile
}

// startedPID waits until the stand-in browser has started and returns its
// process id.
func startedPID(t *testing.T, pidFile string) int {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if b, err := os.ReadFile(pidFile); err == nil {
			pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
			if err != nil {
				t.Fatal(err)
			}
			return pid
		}
	}
	t.Fatal("the browser was not started within 20 s")
	return 0
}

// running reports whether process pid is alive (not a zombie: the
// allocator waits for the browser it stops).
func running(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	return err != nil || !strings.Contains(string(b), ") Z ")
}

// temps are the Printers' temporary folders left in os.TempDir.
func temps() []string {
	left, _ := filepath.Glob(filepath.Join(os.TempDir(), "fyp-printpdf-*"))
	return left
}

// CloseAll (main calls it after SIGINT, while the command that started
// the Printer may still be computing) stops a browser still starting and
// removes its folder; no Printer starts after it; the owner's own Close
// afterwards does nothing more.
func TestCloseAll(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	t.Cleanup(func() { live.Lock(); live.closed = false; live.Unlock() })
	br, pidFile := slowBrowser(t)
	p := Start(context.Background(), br, Font{})
	pid := startedPID(t, pidFile)
	if len(temps()) != 1 {
		t.Fatalf("temporary folders %v while the browser starts, want 1", temps())
	}
	CloseAll()
	if running(pid) {
		syscall.Kill(pid, syscall.SIGKILL)
		t.Error("the browser still runs after CloseAll")
	}
	if left := temps(); len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
	if _, err := p.PrintHTML("a.html", []byte("<p>x")); err == nil {
		t.Error("a Printer closed by CloseAll printed")
	}
	p.Close()
	q := Start(context.Background(), br, Font{})
	defer q.Close()
	if _, err := q.PrintHTML("a.html", []byte("<p>x")); !errors.Is(err, errClosed) {
		t.Errorf("Start after CloseAll: %v, want %v", err, errClosed)
	}
	if left := temps(); len(left) > 0 {
		t.Errorf("Start after CloseAll made %v", left)
	}
}

// Close while the browser starts (the caller failed before printing)
// stops it and removes its folder.
func TestCloseWhileStarting(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	br, pidFile := slowBrowser(t)
	p := Start(context.Background(), br, Font{})
	pid := startedPID(t, pidFile)
	p.Close()
	if running(pid) {
		syscall.Kill(pid, syscall.SIGKILL)
		t.Error("the browser still runs after Close")
	}
	if left := temps(); len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
}
