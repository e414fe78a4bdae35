package observed

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"fyp/internal/bilingual"
	"fyp/internal/inputfile"
	"fyp/internal/numfmt"
)

// An XLSX workbook is a zip archive of XML parts. workbook reads the parts
// a sheet needs, each through a bounded reader: its declared uncompressed
// size is checked before it is opened, and the bytes actually inflated are
// counted as they come (a header can lie), as is the length of every run of
// text between two tags, so that neither a zip bomb nor one enormous cell
// is ever held in memory.
type workbook struct {
	name  string
	parts map[string]*zip.File
}

// partLimit is the uncompressed size limit of each part read (a variable
// so that tests can lower it).
var partLimit = inputfile.XLSXPartLimit

// maxRun bounds the bytes between two '<' in a part: a cell of CellChars
// characters of up to four bytes each, escaped, fits with room to spare.
const maxRun = 1 << 20

var (
	errPartTooLarge = errors.New("part too large")
	errRunTooLong   = errors.New("run too long")
)

// guard counts what a part's reader yields: at most limit bytes in all and
// at most maxRun bytes between two '<'.
type guard struct {
	r    io.Reader
	left int64
	run  int
}

func (g *guard) Read(p []byte) (int, error) {
	if g.left <= 0 {
		// One byte more tells a part of exactly limit bytes from a longer one.
		var one [1]byte
		if n, _ := g.r.Read(one[:]); n > 0 {
			return 0, errPartTooLarge
		}
		return 0, io.EOF
	}
	if int64(len(p)) > g.left {
		p = p[:g.left]
	}
	n, err := g.r.Read(p)
	g.left -= int64(n)
	for _, b := range p[:n] {
		if b == '<' {
			g.run = 0
		} else if g.run++; g.run > maxRun {
			return 0, errRunTooLong
		}
	}
	return n, err
}

// open returns a streaming XML decoder over part name (nil, nil when the
// workbook has no such part) and a function to close it.
func (wb *workbook) open(name string) (*xml.Decoder, func(), error) {
	f := wb.parts[name]
	if f == nil {
		return nil, func() {}, nil
	}
	if f.UncompressedSize64 > uint64(partLimit) {
		return nil, nil, bilingual.Errorf("%s：解压后%s，超过工作簿单个部件%s的上限", "%s: %s uncompressed, over the %s limit for a part of a workbook", name, inputfile.Size(int64(min(f.UncompressedSize64, 1<<62))), inputfile.Size(partLimit))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	d := xml.NewDecoder(&guard{r: rc, left: partLimit})
	return d, func() { rc.Close() }, nil
}

// partError turns a reading error of part name into a message for users.
func partError(name string, err error) error {
	return bilingual.Errorf("%v", "%v", partText(name, err))
}

// partText is that message in both languages.
func partText(name string, err error) bilingual.Text {
	switch {
	case errors.Is(err, errPartTooLarge):
		return bilingual.Text{ZH: fmt.Sprintf("%s解压后超过工作簿单个部件%s的上限", name, inputfile.Size(partLimit)),
			EN: fmt.Sprintf("%s is over the %s limit for a part of a workbook once uncompressed", name, inputfile.Size(partLimit))}
	case errors.Is(err, errRunTooLong):
		return bilingual.Text{ZH: fmt.Sprintf("%[2]s中有单元格超过%[1]s个字符（Excel自身的上限）", numfmt.Thousands(inputfile.CellChars), name),
			EN: fmt.Sprintf("a cell longer than %s characters (Excel's own limit) in %s", numfmt.Thousands(inputfile.CellChars), name)}
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrChecksum), errors.Is(err, zip.ErrAlgorithm):
		return bilingual.Text{ZH: fmt.Sprintf("%s：工作簿已损坏（%v）", name, err), EN: fmt.Sprintf("%s: the workbook is damaged (%v)", name, err)}
	}
	return bilingual.Text{ZH: fmt.Sprintf("%s：XML格式不正确（%v）", name, err), EN: fmt.Sprintf("%s: not well-formed XML (%v)", name, err)}
}

// rels reads a relationships part: id → target path within the archive,
// and type suffix (after the last '/') → the first target of that type.
func (wb *workbook) rels(name string) (byID, byType map[string]string, err error) {
	byID, byType = map[string]string{}, map[string]string{}
	d, done, err := wb.open(name)
	if err != nil || d == nil {
		return byID, byType, err
	}
	defer done()
	dir := path.Dir(path.Dir(name)) // xl/_rels/workbook.xml.rels → xl
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return byID, byType, nil
		}
		if err != nil {
			return nil, nil, partError(name, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			continue
		}
		var id, target, typ string
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "Id":
				id = a.Value
			case "Target":
				target = a.Value
			case "Type":
				typ = a.Value[strings.LastIndexByte(a.Value, '/')+1:]
			}
		}
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join(dir, target)
		}
		byID[id] = target
		if _, seen := byType[typ]; !seen {
			byType[typ] = target
		}
	}
}

// sheetRef is a sheet of the workbook: its name and its part.
type sheetRef struct{ name, part string }

// sheets lists the workbook's sheets in order, with the paths of its shared
// strings and styles parts.
func (wb *workbook) sheets() (list []sheetRef, sst, styles string, err error) {
	_, root, err := wb.rels("_rels/.rels")
	if err != nil {
		return nil, "", "", err
	}
	book := root["officeDocument"]
	if book == "" {
		book = "xl/workbook.xml"
	}
	byID, byType, err := wb.rels(path.Join(path.Dir(book), "_rels", path.Base(book)+".rels"))
	if err != nil {
		return nil, "", "", err
	}
	d, done, err := wb.open(book)
	if err != nil {
		return nil, "", "", err
	}
	if d == nil {
		return nil, "", "", bilingual.Errorf("没有%s：不是XLSX工作簿", "no %s: not an XLSX workbook", book)
	}
	defer done()
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, "", "", partError(book, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "sheet" {
			continue
		}
		var s sheetRef
		for _, a := range se.Attr {
			switch {
			case a.Name.Local == "name":
				s.name = a.Value
			case a.Name.Local == "id" && a.Name.Space != "":
				s.part = byID[a.Value]
			}
		}
		list = append(list, s)
	}
	return list, byType["sharedStrings"], byType["styles"], nil
}

// sharedStrings reads the shared string table: each <si>'s text, its rich
// text runs joined, its phonetic hints (<rPh>) left out.
func (wb *workbook) sharedStrings(name string) ([]string, error) {
	d, done, err := wb.open(name)
	if err != nil || d == nil {
		return nil, err
	}
	defer done()
	var out []string
	var b strings.Builder
	inT, phonetic := false, 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, partError(name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				b.Reset()
			case "t":
				inT = true
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				if len(out) == inputfile.TableCells {
					return nil, bilingual.Errorf("%s：共享字符串超过%s个，这是观测数据表的单元格上限", "%s: more than %s shared strings, the cell limit for an observed table", name, numfmt.Thousands(inputfile.TableCells))
				}
				out = append(out, b.String())
			case "t":
				inT = false
			case "rPh":
				phonetic--
			}
		case xml.CharData:
			if inT && phonetic == 0 {
				b.Write(t)
			}
		}
	}
}

// percentStyles reads which cell formats (by index into cellXfs) show a
// percentage: built-in formats 9 (0%) and 10 (0.00%), or a custom format
// with a %.
func (wb *workbook) percentStyles(name string) ([]bool, error) {
	d, done, err := wb.open(name)
	if err != nil || d == nil {
		return nil, err
	}
	defer done()
	custom := map[string]bool{} // numFmtId → has %
	var out []bool
	inXfs := false
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, partError(name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				custom[attr(t, "numFmtId")] = strings.Contains(attr(t, "formatCode"), "%")
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					id := attr(t, "numFmtId")
					out = append(out, id == "9" || id == "10" || custom[id])
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
	}
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
