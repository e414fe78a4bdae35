// Package bilingual carries a message in Chinese and English from the
// package that finds a problem to the command that prints it, so packages
// need no global language: their errors hold both wordings, Error returns
// the English one, and cmd/fyp prints the one --lang asks for with In.
package bilingual

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Text is a fragment in both languages, used as an argument to Sprintf or
// Errorf when a part of a message (a suggestion, a description) differs
// between them.
type Text struct{ ZH, EN string }

// In returns the wording in lang ("en", else Chinese).
func (t Text) In(lang string) string {
	if lang == "en" {
		return t.EN
	}
	return t.ZH
}

// String is the English wording, so a Text printed by plain fmt reads.
func (t Text) String() string { return t.EN }

// Sprintf formats zh or en (by lang) with args, putting each Text argument,
// and each error (see In), in that language. The two formats take the same arguments; zh may reorder
// them with %[n]v, and may leave out trailing ones.
func Sprintf(lang, zh, en string, args ...any) string {
	format := en
	if lang != "en" {
		format = zh
	}
	s := fmt.Sprintf(format, pick(lang, args)...)
	// A wording may leave out an argument the other one uses (the
	// Chinese of "%w: it is a folder" need not repeat ErrNotRegular).
	if i := strings.Index(s, "%!(EXTRA "); i >= 0 && strings.HasSuffix(s, ")") {
		s = s[:i]
	}
	return s
}

func pick(lang string, args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if t, ok := a.(Text); ok {
			out[i] = t.In(lang)
		} else if e, ok := a.(error); ok && lang != "en" {
			out[i] = In(e, lang)
		} else {
			out[i] = a
		}
	}
	return out
}

// Error is an error worded in both languages; Error returns the English.
type Error struct {
	ZH, EN string
	Err    error // wrapped, for errors.Is and errors.As; its text is not shown
}

// Errorf returns an *Error formatted from zh and en with the same args (see
// Sprintf). A %w verb in en wraps that argument, as fmt.Errorf does; zh
// writes it with %v.
func Errorf(zh, en string, args ...any) error {
	e := &Error{ZH: Sprintf("zh", zh, en, args...), EN: Sprintf("en", zh, strings.ReplaceAll(en, "%w", "%v"), args...)}
	if w := fmt.Errorf(en, pick("en", args)...); w != nil {
		e.Err = errors.Unwrap(w)
	}
	return e
}

func (e *Error) Error() string { return e.EN }
func (e *Error) Unwrap() error { return e.Err }

// In returns the message in lang.
func (e *Error) In(lang string) string {
	if lang == "en" {
		return e.EN
	}
	return e.ZH
}

// Localized is an error that can word itself in either language.
type Localized interface {
	error
	In(lang string) string
}

// In returns err's message in lang. An error that words itself is asked;
// otherwise the first one in its chain that does has its English text
// replaced by its wording in lang within err's message (so prefixes added
// by wrapping with fmt.Errorf stay). An error with no wording of its own is
// printed as it is.
func In(err error, lang string) string {
	if err == nil {
		return ""
	}
	if l, ok := err.(Localized); ok {
		return l.In(lang)
	}
	s := err.Error()
	if lang == "en" {
		return s
	}
	inner := first(err)
	if inner == nil {
		return s
	}
	en := inner.Error()
	i := strings.LastIndex(s, en)
	if i < 0 || en == "" {
		return s
	}
	return s[:i] + inner.In(lang) + s[i+len(en):]
}

// first returns the outermost Localized error in err's chain (not err).
func first(err error) Localized {
	var next []error
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		next = []error{u.Unwrap()}
	case interface{ Unwrap() []error }:
		next = u.Unwrap()
	}
	for _, e := range next {
		if e == nil {
			continue
		}
		if l, ok := e.(Localized); ok {
			return l
		}
		if l := first(e); l != nil {
			return l
		}
	}
	return nil
}

var number = regexp.MustCompile(`[0-9]+(?:[.,][0-9]+)*(?:[eE][-+]?[0-9]+)?`)

// SameNumbers reports whether zh and en hold the same numbers, each as
// often (in any order): a check that the two wordings state the same facts.
func SameNumbers(zh, en string) bool {
	a, b := number.FindAllString(zh, -1), number.FindAllString(en, -1)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
