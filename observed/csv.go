package observed

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"fyp/internal/yamlcheck"
)

// ReadCSV reads a CSV (or tab-separated) file of observations.
func ReadCSV(name string, data []byte, cat Catalog) (*Data, error) {
	text, err := decode(data)
	if err != nil {
		return nil, yamlcheck.Problems{problemAt(name, 0, 0, err.Error())}
	}
	p := newParser(name, cat)
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = sniff(text)
	r.Comment = '#'
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows [][]cell
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, yamlcheck.Problems{problemAt(name, pe.Line, pe.Column, pe.Err.Error())}
			}
			return nil, yamlcheck.Problems{problemAt(name, 0, 0, err.Error())}
		}
		line, _ := r.FieldPos(0)
		row := make([]cell, len(rec))
		for i, f := range rec {
			row[i] = cell{text: f, row: line, col: i + 1}
		}
		rows = append(rows, row)
	}
	p.parseGrid(rows)
	d, err := p.result()
	if d != nil {
		d.Synthetic = synthetic(text)
	}
	return d, err
}

// decode returns the file as UTF-8 without a byte-order mark: UTF-8 files
// as they are, anything else read as GB18030 (Excel on Chinese Windows
// saves "CSV" in the system code page).
func decode(data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return data, nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) || bytes.ContainsRune(out, utf8.RuneError) {
		return nil, errors.New("the file is neither UTF-8 nor GB18030 text; save it as CSV UTF-8")
	}
	return out, nil
}

// sniff chooses the separator from the first non-comment line: the most
// frequent of comma, tab and semicolon outside quotes (comma on a tie).
func sniff(text []byte) rune {
	for len(text) > 0 {
		line := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		if len(bytes.TrimSpace(line)) == 0 || line[0] == '#' {
			continue
		}
		counts := map[rune]int{}
		quoted := false
		for _, r := range string(line) {
			switch {
			case r == '"':
				quoted = !quoted
			case !quoted && (r == ',' || r == '\t' || r == ';'):
				counts[r]++
			}
		}
		best := ','
		for _, r := range []rune{'\t', ';'} {
			if counts[r] > counts[best] {
				best = r
			}
		}
		return best
	}
	return ','
}

func problemAt(file string, line, col int, msg string) yamlcheck.Problem {
	return yamlcheck.Problem{File: file, Line: line, Col: col, Msg: msg}
}
