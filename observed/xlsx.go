package observed

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"fyp/internal/yamlcheck"
)

// Sheets read in preference to the first one.
var sheetNames = []string{"observed", "观测数据", "观测"}

// ReadXLSX reads an XLSX workbook of observations.
func ReadXLSX(name string, data []byte, cat Catalog) (*Data, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, yamlcheck.Problems{problemAt(name, 0, 0, "not a readable XLSX workbook: "+err.Error())}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, yamlcheck.Problems{problemAt(name, 0, 0, "the workbook has no sheet")}
	}
	sheet := sheets[0]
	for _, want := range sheetNames {
		for _, s := range sheets {
			if strings.EqualFold(s, want) {
				sheet = s
			}
		}
	}
	raw, err := f.GetRows(sheet)
	if err != nil {
		return nil, yamlcheck.Problems{problemAt(name, 0, 0, "sheet "+sheet+": "+err.Error())}
	}
	pct := map[int]bool{} // style id → percentage format
	rows := make([][]cell, len(raw))
	for i, r := range raw {
		row := make([]cell, len(r))
		for j, v := range r {
			row[j] = cell{text: v, row: i + 1, col: j + 1}
			if v == "" {
				continue
			}
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if isPercent(f, sheet, ref, pct) {
				x, _ := strconv.ParseFloat(v, 64)
				row[j].text = strconv.FormatFloat(x*100, 'g', 12, 64) + "%"
			}
		}
		rows[i] = row
	}
	p := newParser(name, cat)
	p.parseGrid(rows)
	return p.result()
}

// isPercent reports whether the cell is formatted as a percentage, so that
// its stored fraction is read as percent.
func isPercent(f *excelize.File, sheet, ref string, cache map[int]bool) bool {
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil || id == 0 {
		return false
	}
	if v, ok := cache[id]; ok {
		return v
	}
	st, err := f.GetStyle(id)
	v := err == nil && st != nil && (st.NumFmt == 9 || st.NumFmt == 10 || (st.CustomNumFmt != nil && strings.Contains(*st.CustomNumFmt, "%")))
	cache[id] = v
	return v
}
