package printpdf

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Bounds of a page, in inches: a drawing outside them is refused rather
// than handed to the browser (Chromium's own limit is about 200 inches).
const (
	minInches = 0.1
	maxInches = 100
)

// svgSize reads the width and height of an SVG document's root element, in
// inches. Units: pt, px (1/96 inch, also for a bare number), in, cm, mm, pc.
func svgSize(svg []byte) (width, height float64, err error) {
	d := xml.NewDecoder(bytes.NewReader(svg))
	for {
		tok, err := d.Token()
		if err != nil {
			return 0, 0, fmt.Errorf("not an SVG document: %v", err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if el.Name.Local != "svg" {
			return 0, 0, fmt.Errorf("not an SVG document: the root is <%s>", el.Name.Local)
		}
		var w, h string
		for _, a := range el.Attr {
			switch a.Name.Local {
			case "width":
				w = a.Value
			case "height":
				h = a.Value
			}
		}
		if width, err = inches(w); err != nil {
			return 0, 0, fmt.Errorf("svg width: %w", err)
		}
		if height, err = inches(h); err != nil {
			return 0, 0, fmt.Errorf("svg height: %w", err)
		}
		return width, height, nil
	}
}

// perInch are the lengths of CSS units in inches.
var perInch = []struct {
	unit string
	in   float64
}{{"pt", 1.0 / 72}, {"px", 1.0 / 96}, {"in", 1}, {"cm", 1 / 2.54}, {"mm", 1 / 25.4}, {"pc", 1.0 / 6}}

func inches(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, errors.New("missing (the page size is taken from the root's width and height)")
	}
	num, per := s, 1.0/96
	for _, u := range perInch {
		if n, ok := strings.CutSuffix(s, u.unit); ok {
			num, per = n, u.in
			break
		}
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a length", s)
	}
	in := v * per
	if !(in >= minInches && in <= maxInches) {
		return 0, fmt.Errorf("%s is outside %g to %g inches", s, float64(minInches), float64(maxInches))
	}
	return in, nil
}
