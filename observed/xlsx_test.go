package observed

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"fyp/internal/inputfile"
	"fyp/internal/yamlcheck"
)

// xlsxParts are the parts of a minimal workbook with one sheet,
// "Sheet1", whose <sheetData> is filled in.
func xlsxParts(sheetData, sst string) map[string]string {
	parts := map[string]string{
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
			sheetData + `</sheetData></worksheet>`,
	}
	if sst != "" {
		parts["xl/sharedStrings.xml"] = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sst + `</sst>`
	}
	return parts
}

// zipParts writes parts as a zip archive (deflated).
func zipParts(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, text := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, text)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const header = `<row r="1"><c r="A1" t="inlineStr"><is><t>indicator</t></is></c><c r="B1" t="inlineStr"><is><t>year</t></is></c><c r="C1" t="inlineStr"><is><t>value</t></is></c></row>`

// TestXLSXStreamed reads what Excel writes by hand-made parts: shared
// strings with rich-text runs and a phonetic hint, inline strings, cells
// without references, a blank row and rows out of order.
func TestXLSXStreamed(t *testing.T) {
	sst := `<si><t>gdp_per_capita</t></si><si><r><t>森林</t></r><r><rPr><b/></rPr><t>覆盖率</t></r><rPh sb="0" eb="2"><t>しんりん</t></rPh></si>`
	rows := header +
		`<row r="4"><c r="A4" t="s"><v>1</v></c><c r="B4"><v>2022</v></c><c r="C4"><v>52.4</v></c></row>` +
		`<row r="2"><c t="s"><v>0</v></c><c><v>2021</v></c><c t="str"><f>A1</f><v>86000</v></c></row>` +
		`<row r="3"><c r="A3" s="0"/></row>`
	d, err := Read("o.xlsx", zipParts(t, xlsxParts(rows, sst)), testCatalog)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	for _, w := range []struct {
		id   string
		year int
		v    float64
		row  int
	}{{"gdp_per_capita", 2021, 86000, 2}, {"forest_coverage", 2022, 52.4, 4}} {
		o, ok := find(d, w.id, w.year, Level)
		if !ok || o.Value != w.v || o.Row != w.row {
			t.Errorf("%s %d = %+v (found %v), want %g on row %d", w.id, w.year, o, ok, w.v, w.row)
		}
	}
}

// TestXLSXBounded: every limit on a workbook is checked while the sheet is
// streamed, with one problem naming the file, sheet and row. The fixtures
// are small: what would take gigabytes unbounded is cut off at the limit.
func TestXLSXBounded(t *testing.T) {
	inline := func(s string) string { return `<c t="inlineStr"><is><t>` + s + `</t></is></c>` }
	var manyRows strings.Builder
	manyRows.WriteString(header)
	for range inputfile.TableRows + 1 {
		manyRows.WriteString(`<row><c><v>1</v></c></row>`)
	}
	tests := []struct {
		name  string
		parts map[string]string
		want  string
	}{
		{"a cell longer than Excel allows", xlsxParts(header+`<row r="2">`+inline("gdp")+`<c><v>2021</v></c>`+inline(strings.Repeat("9", 40_000))+`</row>`, ""),
			`o.xlsx:2:3: sheet "Sheet1": a cell of 40,000 characters, over Excel's own limit of 32,767`},
		// 16 MB of digits deflate to about 16 KB: a small zip bomb.
		{"a 16 MB cell", xlsxParts(header+`<row r="2">`+inline("gdp")+`<c><v>2021</v></c><c><v>`+strings.Repeat("9", 16<<20)+`</v></c></row>`, ""),
			`o.xlsx:2: sheet "Sheet1": a cell longer than 32,767 characters (Excel's own limit) in xl/worksheets/sheet1.xml`},
		{"a 16 MB shared string", xlsxParts(header, `<si><t>`+strings.Repeat("x", 16<<20)+`</t></si>`),
			`o.xlsx: a cell longer than 32,767 characters (Excel's own limit) in xl/sharedStrings.xml`},
		{"the last row of Excel", xlsxParts(header+`<row r="1048576"><c r="A1048576"><v>1</v></c></row>`, ""),
			`o.xlsx:1048576: sheet "Sheet1": more than 200,000 rows, the limit for an observed table; split the file`},
		{"one row too many", xlsxParts(manyRows.String(), ""),
			`o.xlsx:200001: sheet "Sheet1": more than 200,000 rows`},
		{"a column past the limit", xlsxParts(header+`<row r="2"><c r="IW2"><v>1</v></c></row>`, ""),
			`o.xlsx:2:257: sheet "Sheet1": a value in column 257, past the 256-column limit`},
		{"a shared string that does not exist", xlsxParts(header+`<row r="2"><c r="A2" t="s"><v>7</v></c></row>`, `<si><t>gdp</t></si>`),
			`o.xlsx:2:1: sheet "Sheet1": shared string "7" does not exist`},
		{"no workbook part", map[string]string{"a.txt": "x"}, `o.xlsx: not a readable XLSX workbook: no xl/workbook.xml`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("o.xlsx", zipParts(t, tt.parts), testCatalog)
			if err == nil || err.Error() != tt.want && !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Read = %v\nwant %s", err, tt.want)
			}
			if err != nil && strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("more than one problem: %v", err)
			}
		})
	}
}

// TestXLSXPartSize: a part whose header declares more than the limit is
// refused before it is inflated; one whose header declares less than it
// holds is refused as damaged (archive/zip counts the bytes).
func TestXLSXPartSize(t *testing.T) {
	defer func(l int64) { partLimit = l }(partLimit)
	partLimit = 4 << 10
	big := header + `<row r="2"><c><v>` + strings.Repeat("1", 5<<10) + `</v></c></row>`
	// raw writes the sheet with a header that declares size bytes.
	raw := func(size uint64) []byte {
		parts := xlsxParts(big, "")
		sheet := parts["xl/worksheets/sheet1.xml"]
		delete(parts, "xl/worksheets/sheet1.xml")
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, text := range parts {
			w, _ := zw.Create(name)
			io.WriteString(w, text)
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Store,
			CRC32: crc32.ChecksumIEEE([]byte(sheet)), CompressedSize64: uint64(len(sheet)), UncompressedSize64: size})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, sheet)
		zw.Close()
		return buf.Bytes()
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"declared over the limit", raw(1 << 40), `o.xlsx: sheet "Sheet1": xl/worksheets/sheet1.xml: 1024 GB uncompressed, over the 4 KB limit for a part of a workbook`},
		{"declared under what it holds", raw(100), `the workbook is damaged (zip: not a valid zip file)`},
		{"over the limit", zipParts(t, xlsxParts(big, "")), `o.xlsx: sheet "Sheet1": xl/worksheets/sheet1.xml: 5.3 KB uncompressed, over the 4 KB limit for a part of a workbook`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("o.xlsx", tt.data, testCatalog)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Read = %v\nwant %s", err, tt.want)
			}
		})
	}
}

// TestGuard: the reader under every part stops at its limit whatever the
// zip headers say, and at a run of more than maxRun bytes without a tag.
func TestGuard(t *testing.T) {
	tests := []struct {
		name string
		in   string
		left int64
		want error
	}{
		{"within the limit", "<a>" + strings.Repeat("x", 100) + "</a>", 107, nil},
		{"one byte over the limit", "<a>" + strings.Repeat("x", 100) + "</a>", 106, errPartTooLarge},
		{"a long run", "<a>" + strings.Repeat("x", maxRun+1) + "</a>", 1 << 30, errRunTooLong},
		{"long runs between tags", strings.Repeat("<a>"+strings.Repeat("x", maxRun-2), 3), 1 << 30, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := io.ReadAll(&guard{r: strings.NewReader(tt.in), left: tt.left})
			if err != tt.want {
				t.Errorf("reading through the guard: %v, want %v", err, tt.want)
			}
		})
	}
}

// benchWorkbook is a long-format workbook of n valid rows (written by
// excelize's stream writer, as Excel would: shared strings off, numbers
// as numbers).
func benchWorkbook(b testing.TB, n int) []byte {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	ids := []string{"gdp", "gdp_per_capita", "urbanization_rate", "forest_coverage", "doctors_per_1000"}
	sw.SetRow("A1", []any{"indicator", "year", "value", "source", "note"})
	for i := range n {
		id, year := ids[i%len(ids)], 2020+(i/len(ids))%16
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		// The same (id, year) always gets the same value: repeats are
		// accepted as duplicates that agree.
		if err := sw.SetRow(ref, []any{id, year, 50 + float64(year-2020)/10, fmt.Sprintf("synthetic bulletin %d", year), "row " + fmt.Sprint(i)}); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkReadXLSX100k reads a workbook of 100,000 valid rows (goal: in
// seconds, within 200 MB; bench/xlsx.sh measures the peak memory of the
// whole command).
func BenchmarkReadXLSX100k(b *testing.B) {
	data := benchWorkbook(b, 100_000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		d, err := Read("bench.xlsx", data, testCatalog)
		if err != nil {
			b.Fatal(err)
		}
		if d.Len() != 5*16 {
			b.Fatalf("%d observations, want 80", d.Len())
		}
	}
}

// FuzzReadXLSX: no workbook makes the reader panic, and every failure is a
// list of problems that name the file.
func FuzzReadXLSX(f *testing.F) {
	f.Add(zipParts(f, xlsxParts(header+`<row r="2"><c t="inlineStr"><is><t>gdp</t></is></c><c><v>2021</v></c><c><v>8.9</v></c></row>`, "")))
	f.Add(zipParts(f, xlsxParts(header+`<row r="2"><c t="s"><v>0</v></c></row>`, `<si><t>gdp</t></si>`)))
	f.Add(benchWorkbook(f, 3))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := ReadXLSX("fuzz.xlsx", data, testCatalog)
		if err == nil {
			return
		}
		var ps yamlcheck.Problems
		if !errors.As(err, &ps) || len(ps) == 0 {
			t.Fatalf("error %v is not a list of problems", err)
		}
		for _, p := range ps {
			if p.File != "fuzz.xlsx" {
				t.Fatalf("problem %v does not name the file", p)
			}
		}
	})
}

// csvToXLSX writes CSV text as a workbook, a row per line: a comment line
// goes whole into cell A, as a user types one into a sheet.
func csvToXLSX(t *testing.T, text string) []byte {
	t.Helper()
	f := excelize.NewFile()
	sh := f.GetSheetName(0)
	for i, line := range strings.Split(strings.TrimPrefix(strings.TrimSuffix(text, "\n"), "\ufeff"), "\n") {
		row := []any{line}
		if !strings.HasPrefix(line, "#") {
			row = row[:0]
			for _, c := range strings.Split(line, ",") {
				row = append(row, c)
			}
		}
		ref, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, ref, &row); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSyntheticXLSX: a workbook marks its figures invented as a CSV file
// does, with a comment row before the header ("# synthetic …" or
// "# 示例数据 …" in cell A); comment rows are skipped wherever they are
// (before, a comment row was read as the header or as an indicator).
func TestSyntheticXLSX(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"english header", "# SYNTHETIC EXAMPLE - NOT REAL STATISTICS\nindicator,year,value\ngdp_per_capita,2021,8.4\n", true},
		{"chinese header", "# 示例数据，非真实统计\nindicator,year,value\ngdp_per_capita,2021,8.4\n", true},
		{"after other comments", "# bulletins 2021–2023\n#synthetic\nindicator,year,value\ngdp_per_capita,2021,8.4\n", true},
		{"real file", "# 统计公报 2021–2023\nindicator,year,value,source\ngdp_per_capita,2021,8.4,synthetic\n", false},
		{"no comment", "indicator,year,value\ngdp_per_capita,2021,8.4\n", false},
		{"comment after the header", "indicator,year,value\n# synthetic\ngdp_per_capita,2021,8.4\n", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read("x.xlsx", csvToXLSX(t, tc.text), testCatalog)
			if err != nil {
				t.Fatal(err)
			}
			if d.Synthetic != tc.want {
				t.Errorf("Synthetic = %v, want %v", d.Synthetic, tc.want)
			}
			if obs := d.ByIndicator["gdp_per_capita"]; len(obs) != 1 || obs[0].Value != 8.4 || obs[0].Row != strings.Count(tc.text, "\n") {
				t.Errorf("observations %+v, want 8.4 from row %d", obs, strings.Count(tc.text, "\n"))
			}
		})
	}
}

// TestXLSXNotAZip: a file named .xlsx that is no zip archive is refused
// in the reader's language, without zip's English in the Chinese.
func TestXLSXNotAZip(t *testing.T) {
	for _, data := range []string{"indicator,year,value\n", "PK\x03\x04garbage"} {
		_, err := Read("o.xlsx", []byte(data), testCatalog)
		var ps yamlcheck.Problems
		if !errors.As(err, &ps) {
			t.Fatalf("Read(%q) = %v, want problems", data, err)
		}
		if zh := ps.In("zh"); !strings.Contains(zh, "XLSX是zip压缩包，而这个文件不是") || strings.Contains(zh, "zip: ") {
			t.Errorf("Read(%q) in Chinese = %q", data, zh)
		}
	}
}

// TestXLSXAnotherOfficeFile: a Word document given as the observed file
// (report.docx beside fyp-tables.xlsx) is named as such; it was refused as
// "the workbook has no sheet".
func TestXLSXAnotherOfficeFile(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{
		"_rels/.rels":       `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>报告</w:t></w:r></w:p></w:body></w:document>`,
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	_, err := Read("report.docx", buf.Bytes(), testCatalog)
	var ps yamlcheck.Problems
	if !errors.As(err, &ps) || !strings.Contains(ps.In("zh"), "这是Word文档，不是Excel工作簿") || !strings.Contains(err.Error(), "this is a Word document, not an Excel workbook") {
		t.Errorf("Read(report.docx) = %v", err)
	}
}
