package observed

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyp/internal/bilingual"
	"fyp/internal/inputfile"
	"fyp/internal/numfmt"
	"fyp/internal/yamlcheck"
)

// Sheets read in preference to the first one.
var sheetNames = []string{"observed", "观测数据", "观测"}

// ReadXLSX reads an XLSX workbook of observations. The sheet is streamed
// (never unzipped whole) and bounded: inputfile's TableRows, TableColumns,
// TableCells, CellChars and XLSXPartLimit; the first limit crossed is the
// one problem reported, with the sheet and row.
func ReadXLSX(name string, data []byte, cat Catalog) (*Data, error) {
	fail := func(row, col int, zh, en string, args ...any) (*Data, error) {
		return nil, yamlcheck.Problems{problemAt(name, row, col, zh, en, args...)}
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if errors.Is(err, zip.ErrFormat) {
		return fail(0, 0, "不是可读的XLSX工作簿：XLSX是zip压缩包，而这个文件不是（已损坏，或只是改了扩展名）", "not a readable XLSX workbook: an XLSX file is a zip archive and this one is not (damaged, or only renamed)")
	}
	if err != nil {
		return fail(0, 0, "不是可读的XLSX工作簿：%v", "not a readable XLSX workbook: %v", err)
	}
	wb := &workbook{name: name, parts: map[string]*zip.File{}}
	for _, f := range z.File {
		wb.parts[strings.TrimPrefix(f.Name, "/")] = f
	}
	if wb.parts["xl/workbook.xml"] == nil {
		// another Office file: its officeDocument is no workbook, and
		// reading it as one found "no sheet"
		for part, what := range map[string]bilingual.Text{"word/document.xml": {ZH: "Word文档", EN: "a Word document"}, "ppt/presentation.xml": {ZH: "PowerPoint演示文稿", EN: "a PowerPoint presentation"}} {
			if wb.parts[part] != nil {
				return fail(0, 0, "这是%v，不是Excel工作簿：观测数据请用XLSX或CSV文件", "this is %v, not an Excel workbook: give the observed figures as an XLSX or CSV file", what)
			}
		}
	}
	sheets, sstPart, stylesPart, err := wb.sheets()
	if err != nil {
		return fail(0, 0, "不是可读的XLSX工作簿：%v", "not a readable XLSX workbook: %v", err)
	}
	if len(sheets) == 0 {
		return fail(0, 0, "工作簿中没有工作表", "the workbook has no sheet")
	}
	sheet := sheets[0]
	for _, want := range sheetNames {
		for _, s := range sheets {
			if strings.EqualFold(s.name, want) {
				sheet = s
			}
		}
	}
	if sheet.part == "" || wb.parts[sheet.part] == nil {
		return fail(0, 0, "工作表%q：工作簿中缺少它的内容", "sheet %q: its part is missing from the workbook", sheet.name)
	}
	sst, err := wb.sharedStrings(sstPart)
	if err != nil {
		return fail(0, 0, "%v", "%v", err)
	}
	pct, err := wb.percentStyles(stylesPart)
	if err != nil {
		return fail(0, 0, "%v", "%v", err)
	}
	rows, prob := readSheet(wb, sheet, sst, pct)
	if prob != nil {
		return nil, yamlcheck.Problems{*prob}
	}
	rows, synth := comments(rows)
	p := newParser(name, cat)
	p.parseGrid(rows)
	d, err := p.result()
	if d != nil {
		d.Synthetic = synth
	}
	return d, err
}

// comments drops a sheet's comment rows, as a CSV file's comment lines:
// rows whose cell A begins with #. A comment before the header that
// begins "# synthetic" or "# 示例数据" marks the figures as invented.
func comments(rows [][]cell) ([][]cell, bool) {
	out := rows[:0:0]
	synth, header := false, false
	for _, r := range rows {
		if a := strings.TrimSpace(r[0].text); strings.HasPrefix(a, "#") {
			synth = synth || !header && syntheticComment(a)
			continue
		}
		header = header || !blank(r)
		out = append(out, r)
	}
	return out, synth
}

// sheetReader is the state of one streamed sheet.
type sheetReader struct {
	wb    *workbook
	sheet sheetRef
	sst   []string
	pct   []bool
	rows  [][]cell
	cells int // cells kept, the empty ones before a row's last value included
	row   int // the current row number (1-based)
}

// readSheet streams a sheet's XML into rows of cells: only rows holding a
// value, each up to its last value, in row order. A problem stops it.
func readSheet(wb *workbook, sheet sheetRef, sst []string, pct []bool) ([][]cell, *yamlcheck.Problem) {
	sr := &sheetReader{wb: wb, sheet: sheet, sst: sst, pct: pct}
	d, done, err := wb.open(sheet.part)
	if err != nil {
		return nil, sr.problem(0, "%v", "%v", err)
	}
	defer done()
	var (
		cur      []cell // the current row's cells
		col      int    // the current cell's column
		typ      string // its t attribute
		style    int    // its s attribute
		val      strings.Builder
		inV, inT bool
		phonetic int
		inCell   bool
		rowsSeen int
	)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, sr.problem(0, "%v", "%v", partText(sheet.part, err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				rowsSeen++
				next := sr.row + 1
				if r := attr(t, "r"); r != "" {
					n, err := strconv.Atoi(r)
					if err != nil || n < 1 {
						return nil, sr.problem(0, "行号%[2]q不是数字", "row number %q is not a number", r)
					}
					next = n
				}
				sr.row = next
				if sr.row > inputfile.TableRows || rowsSeen > inputfile.TableRows {
					return nil, sr.problem(0, "超过%[2]s行，这是观测数据表的上限；请拆分文件", "more than %s rows, the limit for an observed table; split the file", numfmt.Thousands(inputfile.TableRows))
				}
				cur, col = nil, 0
			case "c":
				inCell, typ, style = true, attr(t, "t"), 0
				val.Reset()
				next := col + 1
				if r := attr(t, "r"); r != "" {
					c, ok := column(r)
					if !ok {
						return nil, sr.problem(0, "单元格引用%[2]q不是单元格", "cell reference %q is not a cell", r)
					}
					next = c
				}
				col = next
				if s := attr(t, "s"); s != "" {
					style, _ = strconv.Atoi(s)
				}
			case "v":
				inV = inCell
			case "t":
				inT = inCell
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				inV = false
			case "t":
				inT = false
			case "rPh":
				phonetic--
			case "c":
				inCell = false
				text, prob := sr.text(typ, style, val.String(), col)
				if prob != nil {
					return nil, prob
				}
				if text == "" {
					continue
				}
				if col > inputfile.TableColumns {
					return nil, sr.problem(col, "第%[2]d列有数值，超出观测数据表%[3]d列的上限", "a value in column %d, past the %d-column limit for an observed table", col, inputfile.TableColumns)
				}
				if len(cur) >= col { // columns out of order: keep the first
					continue
				}
				sr.cells += col - len(cur)
				if sr.cells > inputfile.TableCells {
					return nil, sr.problem(col, "超过%[2]s个单元格，这是观测数据表的上限；请拆分文件", "more than %s cells, the limit for an observed table; split the file", numfmt.Thousands(inputfile.TableCells))
				}
				for len(cur) < col-1 {
					cur = append(cur, cell{row: sr.row, col: len(cur) + 1})
				}
				cur = append(cur, cell{text: text, row: sr.row, col: col})
			case "row":
				if len(cur) > 0 {
					sr.rows = append(sr.rows, cur)
				}
				cur = nil
			}
		case xml.CharData:
			if (inV || inT) && phonetic == 0 {
				val.Write(t)
			}
		}
	}
	// Excel writes rows in order; a hand-made file may not.
	sort.SliceStable(sr.rows, func(i, j int) bool { return sr.rows[i][0].row < sr.rows[j][0].row })
	return sr.rows, nil
}

// text is a cell's value as the grid parser reads it: shared strings
// looked up, a number formatted as a percentage read as percent (its stored
// fraction × 100, "12.5%").
func (sr *sheetReader) text(typ string, style int, v string, col int) (string, *yamlcheck.Problem) {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(sr.sst) {
			return "", sr.problem(col, "共享字符串%[2]q不存在", "shared string %q does not exist", v)
		}
		v = sr.sst[i]
	case "b":
		v = map[string]string{"1": "TRUE", "0": "FALSE"}[strings.TrimSpace(v)]
	case "", "n":
		if style > 0 && style < len(sr.pct) && sr.pct[style] {
			// The grid parser refuses what ParseNumber refuses (hex floats,
			// Inf, NaN); leave such text as it is for it to report.
			if x, err := ParseNumber(v); err == nil {
				v = strconv.FormatFloat(x*100, 'g', 12, 64) + "%"
			}
		}
	}
	if len(v) > inputfile.CellChars && utf8.RuneCountInString(v) > inputfile.CellChars {
		return "", sr.problem(col, "单元格有%[2]s个字符，超过Excel自身%[3]s的上限", "a cell of %s characters, over Excel's own limit of %s", numfmt.Thousands(utf8.RuneCountInString(v)), numfmt.Thousands(inputfile.CellChars))
	}
	return v, nil
}

// problem is a problem at the current row (0 before the first) and column
// col (0: the row), naming the sheet.
func (sr *sheetReader) problem(col int, zh, en string, args ...any) *yamlcheck.Problem {
	p := problemAt(sr.wb.name, sr.row, col, "工作表%q："+zh, "sheet %q: "+en, append([]any{sr.sheet.name}, args...)...)
	return &p
}

// column returns the 1-based column of a cell reference ("B7" → 2).
func column(ref string) (int, bool) {
	n, i := 0, 0
	for ; i < len(ref) && i < 4; i++ {
		c := ref[i]
		switch {
		case c >= 'A' && c <= 'Z':
			n = n*26 + int(c-'A'+1)
		case c >= 'a' && c <= 'z':
			n = n*26 + int(c-'a'+1)
		default:
			return n, i > 0 && i < len(ref) && isDigits(ref[i:])
		}
	}
	return n, i > 0 && i < len(ref) && isDigits(ref[i:])
}

func isDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
