package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fakeChromium puts on a PATH of its own (the folder it returns) a
// stand-in for Chromium that never finishes starting: it writes its
// process id to the file it returns and sleeps.
func fakeChromium(t *testing.T) (path, pidFile string) {
	t.Helper()
	path = t.TempDir()
	pidFile = filepath.Join(t.TempDir(), "pid")
	mv, err1 := exec.LookPath("mv")
	sleep, err2 := exec.LookPath("sleep")
	if err1 != nil || err2 != nil {
		t.Skip("no mv or sleep on the PATH")
	}
	script := "#!/bin/sh\necho $$ > " + pidFile + ".tmp && " + mv + " " + pidFile + ".tmp " + pidFile + "\nexec " + sleep + " 60\n"
	if err := os.WriteFile(filepath.Join(path, "chromium"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path, pidFile
}

// browserPID is the stand-in's process id, 0 when it never started.
func browserPID(t *testing.T, pidFile string) int {
	t.Helper()
	b, err := os.ReadFile(pidFile)
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	return pid
}

// checkStopped fails t if the stand-in browser still runs (a zombie has
// ended) or a printer's profile folder is left in tmp.
func checkStopped(t *testing.T, pidFile, tmp string) {
	t.Helper()
	if pid := browserPID(t, pidFile); pid > 0 && syscall.Kill(pid, 0) == nil {
		if b, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat"); !strings.Contains(string(b), ") Z ") {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Error("the browser still runs")
		}
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "fyp-printpdf-*")); len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
}

// fyp report starts the browser that prints report.pdf before computing
// the report, and only when a PDF is asked for and Chromium is found; an
// error while computing stops it and removes its folder.
func TestReportBrowserStart(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: each case computes a report")
	}
	path, pidFile := fakeChromium(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	report := []string{"report", "--observed", "testdata/observed-example.csv", "--as-of", "2023"}

	t.Setenv("PATH", path)
	out := filepath.Join(t.TempDir(), "nopdf")
	if _, errs, code := fyp(t, append(report, "--pdf=false", "--out", out)...); code != 0 {
		t.Fatalf("--pdf=false: exit %d: %s", code, errs)
	}
	if browserPID(t, pidFile) != 0 {
		t.Error("--pdf=false started the browser")
	}
	checkStopped(t, pidFile, tmp)

	out = filepath.Join(t.TempDir(), "bad")
	_, errs, code := fyp(t, "report", "--observed", "testdata/observed-bad.csv", "--pdf", "--out", out)
	if code != 2 {
		t.Fatalf("a bad observed file: exit %d, want 2: %s", code, errs)
	}
	checkStopped(t, pidFile, tmp)
	if _, err := os.Stat(out); err == nil {
		t.Errorf("a bad observed file: %s written", out)
	}

	t.Setenv("PATH", t.TempDir()) // neither Chromium nor LibreOffice
	out = filepath.Join(t.TempDir(), "nochromium")
	_, errs, code = fyp(t, append(report, "--pdf", "--out", out)...)
	if code != 0 || !strings.Contains(errs, "未生成 report.pdf") {
		t.Fatalf("without Chromium: exit %d, want 0 and a note: %s", code, errs)
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "fyp-printpdf-*")); len(left) > 0 {
		t.Errorf("without Chromium: %v made", left)
	}
}

// Ctrl-C while the browser that prints report.pdf starts: fyp exits 130,
// the browser is stopped, its folder removed, and the output folder keeps
// its files and gets none (the test runs fyp's main in a copy of the test
// binary).
func TestReportInterrupted(t *testing.T) {
	if args := os.Getenv("FYP_TEST_MAIN"); args != "" { // the copy: fyp itself
		os.Args = append([]string{"fyp"}, strings.Fields(args)...)
		main()
		return
	}
	if testing.Short() {
		t.Skip("-short: runs fyp in another process")
	}
	path, pidFile := fakeChromium(t)
	tmp, out := t.TempDir(), t.TempDir()
	mine := filepath.Join(out, "mine.txt")
	if err := os.WriteFile(mine, []byte("not fyp's"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestReportInterrupted$")
	cmd.Env = append(os.Environ(), "PATH="+path, "TMPDIR="+tmp,
		"FYP_TEST_MAIN=report --observed testdata/observed-example.csv --as-of 2023 --pdf --force --out "+out)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(30 * time.Second); browserPID(t, pidFile) == 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("the browser did not start within 30 s: %s", stderr.String())
		}
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(30*time.Second, func() { cmd.Process.Kill() })
	err := cmd.Wait()
	timer.Stop()
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Errorf("exit %d (%v), want 130: %s", code, err, stderr.String())
	}
	checkStopped(t, pidFile, tmp)
	entries, _ := os.ReadDir(out)
	if b, err := os.ReadFile(mine); err != nil || string(b) != "not fyp's" || len(entries) != 1 {
		t.Errorf("output folder after the interrupt: %v, %q %v; want mine.txt alone, unchanged", entries, b, err)
	}
}
