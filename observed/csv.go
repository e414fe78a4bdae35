package observed

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"fyp/internal/bilingual"
	"fyp/internal/inputfile"
	"fyp/internal/numfmt"
	"fyp/internal/yamlcheck"
)

// ReadCSV reads a CSV (or tab-separated) file of observations.
func ReadCSV(name string, data []byte, cat Catalog) (*Data, error) {
	text, err := decode(data)
	if err != nil {
		return nil, yamlcheck.Problems{problemAt(name, 0, 0, "%v", "%v", err)}
	}
	p := newParser(name, cat)
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = sniff(text)
	r.Comment = '#'
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows [][]cell
	cells := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, yamlcheck.Problems{problemAt(name, pe.Line, pe.Column, "%v", "%v", csvError(pe.Err))}
			}
			return nil, yamlcheck.Problems{problemAt(name, 0, 0, "%v", "%v", csvError(err))}
		}
		line, _ := r.FieldPos(0)
		rec, prob := csvLimits(name, rec, line, len(rows)+1, &cells)
		if prob != nil {
			return nil, yamlcheck.Problems{*prob}
		}
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

// csvLimits checks record n (on line) against the limits of an observed
// table, counting its cells into cells; trailing empty fields past the
// column limit are dropped.
func csvLimits(name string, rec []string, line, n int, cells *int) ([]string, *yamlcheck.Problem) {
	fail := func(col int, zh, en string, args ...any) ([]string, *yamlcheck.Problem) {
		p := problemAt(name, line, col, zh, en, args...)
		return nil, &p
	}
	if n > inputfile.TableRows {
		return fail(0, "超过%s行，这是观测数据表的上限；请拆分文件", "more than %s rows, the limit for an observed table; split the file", numfmt.Thousands(inputfile.TableRows))
	}
	for len(rec) > inputfile.TableColumns && rec[len(rec)-1] == "" {
		rec = rec[:len(rec)-1]
	}
	if len(rec) > inputfile.TableColumns {
		return fail(len(rec), "第%d列有数值，超出观测数据表%d列的上限", "a value in column %d, past the %d-column limit for an observed table", len(rec), inputfile.TableColumns)
	}
	if *cells += len(rec); *cells > inputfile.TableCells {
		return fail(0, "超过%s个单元格，这是观测数据表的上限；请拆分文件", "more than %s cells, the limit for an observed table; split the file", numfmt.Thousands(inputfile.TableCells))
	}
	for i, f := range rec {
		if len(f) > inputfile.CellChars && utf8.RuneCountInString(f) > inputfile.CellChars {
			return fail(i+1, "单元格有%s个字符，超过Excel自身%s的上限", "a cell of %s characters, over Excel's own limit of %s", numfmt.Thousands(utf8.RuneCountInString(f)), numfmt.Thousands(inputfile.CellChars))
		}
	}
	return rec, nil
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
		return nil, bilingual.Errorf("文件既不是UTF-8也不是GB18030文本；请另存为“CSV UTF-8”", "the file is neither UTF-8 nor GB18030 text; save it as CSV UTF-8")
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

// problemAt is a problem worded in Chinese (zh) and English (en) from the
// same args (see bilingual.Sprintf).
func problemAt(file string, line, col int, zh, en string, args ...any) yamlcheck.Problem {
	return yamlcheck.Problem{File: file, Line: line, Col: col, Msg: bilingual.Sprintf("en", zh, en, args...), MsgZH: bilingual.Sprintf("zh", zh, en, args...)}
}

// csvError words an encoding/csv error in both languages.
func csvError(err error) bilingual.Text {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return bilingual.Text{ZH: "没有引号的字段中出现了引号（\"）", EN: err.Error()}
	case errors.Is(err, csv.ErrQuote):
		return bilingual.Text{ZH: "带引号的字段中引号多余或缺失（\"）", EN: err.Error()}
	case errors.Is(err, csv.ErrFieldCount):
		return bilingual.Text{ZH: "这一行的字段数与其他行不同", EN: err.Error()}
	}
	return bilingual.Text{ZH: err.Error(), EN: err.Error()}
}
