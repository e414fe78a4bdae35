package main

import (
	"errors"
	"fmt"
	"io"

	"fyp/internal/inputfile"
	"fyp/internal/yamlcheck"
	"fyp/model"
	"fyp/seeds"
)

// inputError marks a problem with what the user gave (flags, files): exit 2.
type inputError struct{ err error }

func (e inputError) Error() string { return e.err.Error() }
func (e inputError) Unwrap() error { return e.err }

// badInput wraps err as an input error.
func badInput(format string, args ...any) error {
	return inputError{fmt.Errorf(format, args...)}
}

// exitCode prints err and chooses the exit code: 0 success, 2 bad input or
// usage, 1 any other failure.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	fmt.Fprintln(stderr, "fyp:", err)
	var ie inputError
	var ps yamlcheck.Problems
	var p yamlcheck.Problem
	var fe *inputfile.Error
	var oe *model.OverflowError // from the user's plan, scenario or flags
	if errors.As(err, &ie) || errors.As(err, &ps) || errors.As(err, &p) || errors.As(err, &fe) || errors.As(err, &oe) || errors.Is(err, seeds.ErrNotFound) {
		return 2
	}
	return 1
}
