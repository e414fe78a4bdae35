// Command fyp turns a five-year development plan into numbers that can be
// tested: its targets, their projections, whether they are reachable.
//
// Run `fyp --help` for the commands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"fyp/internal/outdir"
	"fyp/internal/printpdf"
)

// main maps run's error to an exit code. SIGINT or SIGTERM cancels run's
// context: a command writing an output folder then removes its temporary
// files and leaves the folder's previous files (internal/outdir), a
// headless Chromium started to print PDF is stopped and its temporary
// folder removed (internal/printpdf), and fyp exits 130 once they have; a
// command still computing is not waited for, and a second signal ends fyp
// at once.
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	done := make(chan int, 1)
	go func() { done <- exitCode(run(ctx, os.Args[1:], os.Stdout, os.Stderr), os.Stderr) }()
	select {
	case code := <-done:
		os.Exit(code)
	case <-ctx.Done():
	}
	stop()
	printpdf.CloseAll()
	outdir.Close()
	fmt.Fprintln(os.Stderr, "fyp: 已中断 · interrupted")
	os.Exit(130)
}
