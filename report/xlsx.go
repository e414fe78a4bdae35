package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"

	"github.com/xuri/excelize/v2"
)

// WriteXLSX writes the tables of d that name a sheet (Workbook) as a
// workbook: a title row, a frozen header, number formats per column, notes
// under the table, and a sheet of chart images when there are any.
func WriteXLSX(w io.Writer, d *Document) error {
	f := excelize.NewFile()
	defer f.Close()
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EEF2F7"}}, Border: []excelize.Border{{Type: "bottom", Color: "999999", Style: 1}}})
	if err != nil {
		return err
	}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	if err != nil {
		return err
	}
	styles := map[string]int{}
	style := func(numFmt string) (int, error) {
		if id, ok := styles[numFmt]; ok {
			return id, nil
		}
		st := &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}
		if numFmt != "" {
			nf := numFmt
			st.CustomNumFmt = &nf
		} else {
			st.Alignment.WrapText = true
		}
		id, err := f.NewStyle(st)
		styles[numFmt] = id
		return id, err
	}
	for i, s := range Workbook(d) {
		name := s.Sheet
		if i == 0 {
			if err := f.SetSheetName(f.GetSheetName(0), name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return fmt.Errorf("report: sheet %q: %w", name, err)
		}
		caption := s.Caption
		if d.Synthetic {
			caption = SyntheticMark(d.Lang) + " · " + caption
		}
		if err := f.SetCellValue(name, "A1", caption); err != nil {
			return err
		}
		_ = f.SetCellStyle(name, "A1", "A1", title)
		for j, c := range s.Cols {
			col, _ := excelize.ColumnNumberToName(j + 1)
			if c.Width > 0 {
				_ = f.SetColWidth(name, col, col, c.Width)
			}
			_ = f.SetCellValue(name, col+"2", c.Head)
		}
		last, _ := excelize.ColumnNumberToName(max(1, len(s.Cols)))
		_ = f.SetCellStyle(name, "A2", last+"2", head)
		for r, row := range s.Rows {
			if row.Group != "" {
				ref, _ := excelize.CoordinatesToCellName(1, r+3)
				if err := f.SetCellValue(name, ref, row.Group); err != nil {
					return err
				}
				continue
			}
			for j, c := range row.Cells {
				ref, _ := excelize.CoordinatesToCellName(j+1, r+3)
				var v any = cellText(c)
				if c.Num && !isNaN(c.Value) {
					v = c.Value
				}
				if err := f.SetCellValue(name, ref, v); err != nil {
					return err
				}
				if j < len(s.Cols) {
					id, err := style(s.Cols[j].NumFmt)
					if err != nil {
						return err
					}
					_ = f.SetCellStyle(name, ref, ref, id)
				}
			}
		}
		for k, n := range s.Notes {
			ref, _ := excelize.CoordinatesToCellName(1, len(s.Rows)+4+k)
			_ = f.SetCellValue(name, ref, n)
		}
		if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	if len(d.Charts) > 0 {
		sh := L(d.Lang, "图表", "Charts")
		if _, err := f.NewSheet(sh); err != nil {
			return err
		}
		names := make([]string, 0, len(d.Charts))
		for n := range d.Charts {
			names = append(names, n)
		}
		sort.Strings(names)
		row := 1
		for _, name := range names {
			_ = f.SetCellValue(sh, fmt.Sprintf("A%d", row), name)
			if err := f.AddPictureFromBytes(sh, fmt.Sprintf("A%d", row+1), &excelize.Picture{Extension: ".png", File: d.Charts[name],
				Format: &excelize.GraphicOptions{AltText: name, ScaleX: 0.6, ScaleY: 0.6}}); err != nil {
				return fmt.Errorf("report: chart %s: %w", name, err)
			}
			row += 30
		}
	}
	f.SetActiveSheet(0)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	return sortContentTypes(w, buf.Bytes())
}

// contentDefault is one <Default Extension=… ContentType=…/> entry of
// [Content_Types].xml as excelize writes it.
var contentDefault = regexp.MustCompile(`<Default [^>]*></Default>`)

// sortContentTypes copies the workbook to w with the Default entries of
// its [Content_Types].xml sorted: excelize adds the image types in map
// order, so that two runs on the same figures wrote different bytes.
func sortContentTypes(w io.Writer, data []byte) error {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	out := zip.NewWriter(w)
	for _, f := range z.File {
		if f.Name != "[Content_Types].xml" {
			if err := out.Copy(f); err != nil {
				return err
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		ct, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		if loc := contentDefault.FindAllIndex(ct, -1); len(loc) > 0 {
			start, end := loc[0][0], loc[len(loc)-1][1]
			defs := contentDefault.FindAll(ct[start:end], -1)
			if len(bytes.Join(defs, nil)) == end-start { // one run of Default entries: sort it
				sort.Slice(defs, func(i, j int) bool { return bytes.Compare(defs[i], defs[j]) < 0 })
				ct = append(append(append([]byte(nil), ct[:start]...), bytes.Join(defs, nil)...), ct[end:]...)
			}
		}
		h := f.FileHeader
		fw, err := out.CreateHeader(&h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(ct); err != nil {
			return err
		}
	}
	return out.Close()
}
