// Command fyp turns a five-year development plan into numbers that can be
// tested: its targets, their projections, whether they are reachable.
//
// Run `fyp --help` for the commands.
package main

import (
	"context"
	"os"
)

func main() {
	os.Exit(exitCode(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr), os.Stderr))
}
