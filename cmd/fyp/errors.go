package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"fyp/internal/bilingual"
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

// badInput2 is an input error worded in Chinese (zh) and English (en) from
// the same args (see bilingual.Errorf).
func badInput2(zh, en string, args ...any) error {
	return inputError{bilingual.Errorf(zh, en, args...)}
}

// langError is run's error with the --lang it ran with, so that exitCode
// prints the message in that language.
type langError struct {
	err  error
	lang string
}

func (e langError) Error() string { return e.err.Error() }
func (e langError) Unwrap() error { return e.err }

// withLang attaches lang to a non-nil err.
func withLang(err error, lang string) error {
	if err == nil {
		return nil
	}
	return langError{err, lang}
}

// exitCode prints err, in the language run was asked for (Chinese unless
// --lang en), and chooses the exit code: 0 success, 2 bad input or
// usage, 1 any other failure.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	lang := "zh"
	var le langError
	if errors.As(err, &le) && le.lang == "en" {
		lang = "en"
	}
	msg := bilingual.In(err, lang)
	if oe := (*model.OverflowError)(nil); lang != "en" && errors.As(err, &oe) {
		msg = strings.Replace(msg, oe.Error(), fmt.Sprintf("情景%q：%s：%s规则使测算值从%.4g在%d年超出任何有限数；请检查它的增速、增量或冲击",
			oe.Scenario, oe.Indicator, oe.Rule, oe.From, oe.Year), 1)
	}
	fmt.Fprintln(stderr, "fyp:", msg)
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
