package document

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"fyp/internal/bilingual"
)

// Caps on a Word file, against zip bombs: the main part may unpack to at
// most maxPart bytes, and the archive may hold at most maxEntries files.
const (
	maxPart    = 64 << 20
	maxEntries = 5000
	maxDepth   = 64 // nesting of tables in tables
)

// readDOCX reads word/document.xml of a .docx: each paragraph (w:p) a
// block, each table (w:tbl) a block of rows (w:tr) of cells (w:tc), a cell's
// paragraphs joined by a space. Tables nested in a cell are read into the
// cell's text.
func readDOCX(data []byte) (*Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errCorrupt("不是可读的zip压缩包（"+err.Error()+"）", "not a readable zip archive ("+err.Error()+")")
	}
	if len(zr.File) > maxEntries {
		return nil, errCorrupt(fmt.Sprintf("压缩包中有%d个文件，多于Word文件所含（%d）", len(zr.File), maxEntries), fmt.Sprintf("%d files in the archive, more than a Word document holds (%d)", len(zr.File), maxEntries))
	}
	var part *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			part = f
		}
		if f.Name == "EncryptionInfo" || f.Name == "EncryptedPackage" {
			return nil, ErrEncrypted
		}
	}
	if part == nil {
		// another Office file (fyp-tables.xlsx given to extract) is no
		// damaged Word file: say what it is
		for _, f := range zr.File {
			what, ok := map[string]bilingual.Text{
				"xl/workbook.xml":      {ZH: "Excel工作簿", EN: "an Excel workbook"},
				"ppt/presentation.xml": {ZH: "PowerPoint演示文稿", EN: "a PowerPoint presentation"},
			}[f.Name]
			if ok {
				return nil, bilingual.Errorf("这是%[2]v，%[1]v", "%w: this is %v", ErrBinary, what)
			}
		}
		return nil, errCorrupt("压缩包中没有word/document.xml：不是Word文件", "a zip archive without word/document.xml: not a Word document")
	}
	rc, err := part.Open()
	if err != nil {
		return nil, errCorrupt("word/document.xml："+bilingual.In(err, "zh"), "word/document.xml: "+err.Error())
	}
	defer rc.Close()
	body, err := io.ReadAll(io.LimitReader(rc, maxPart+1))
	if err != nil {
		return nil, errCorrupt("word/document.xml："+bilingual.In(err, "zh"), "word/document.xml: "+err.Error())
	}
	if len(body) > maxPart {
		return nil, errCorrupt(fmt.Sprintf("word/document.xml解压后超过%d MB", maxPart>>20), fmt.Sprintf("word/document.xml unpacks to more than %d MB", maxPart>>20))
	}
	blocks, err := docxBlocks(body)
	if err != nil {
		return nil, errCorrupt("word/document.xml："+bilingual.In(err, "zh"), "word/document.xml: "+err.Error())
	}
	return &Document{Format: DOCX, Blocks: blocks}, nil
}

// docxBlocks walks the XML of the document body.
func docxBlocks(body []byte) ([]Block, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = true
	var (
		out    []Block
		para   strings.Builder // the paragraph being read
		inText bool
		// tables in progress, innermost last; each with its rows and the
		// cell being read
		tables []*docxTable
		n      int
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space != "" && !strings.Contains(t.Name.Space, "wordprocessingml") {
				continue
			}
			switch t.Name.Local {
			case "p":
				para.Reset()
			case "t":
				inText = true
			case "tab":
				para.WriteString("  ")
			case "br", "cr":
				para.WriteString(" ")
			case "tbl":
				if len(tables) >= maxDepth {
					return nil, &bilingual.Error{ZH: "表格嵌套过深", EN: "tables nested too deep"}
				}
				tables = append(tables, &docxTable{})
			case "tr":
				if len(tables) > 0 {
					tb := tables[len(tables)-1]
					tb.rows = append(tb.rows, nil)
				}
			case "tc":
				if len(tables) > 0 {
					tables[len(tables)-1].cell.Reset()
				}
			}
		case xml.EndElement:
			if t.Name.Space != "" && !strings.Contains(t.Name.Space, "wordprocessingml") {
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				text := Normalize(para.String())
				if len(tables) > 0 {
					c := &tables[len(tables)-1].cell
					if c.Len() > 0 && text != "" {
						c.WriteString(" ")
					}
					c.WriteString(text)
				} else {
					n++
					if text != "" {
						out = append(out, Block{Line: n, Text: text})
					}
				}
				para.Reset()
			case "tc":
				if len(tables) > 0 {
					tb := tables[len(tables)-1]
					if len(tb.rows) == 0 {
						tb.rows = append(tb.rows, nil)
					}
					tb.rows[len(tb.rows)-1] = append(tb.rows[len(tb.rows)-1], Normalize(tb.cell.String()))
				}
			case "tbl":
				if len(tables) == 0 {
					continue
				}
				tb := tables[len(tables)-1]
				tables = tables[:len(tables)-1]
				if len(tables) > 0 {
					// a table in a cell: its text goes into the outer cell
					c := &tables[len(tables)-1].cell
					for _, r := range tb.rows {
						c.WriteString(" " + strings.Join(r, " "))
					}
					continue
				}
				n++
				if len(tb.rows) > 0 {
					out = append(out, Block{Line: n, Table: tb.rows})
				}
			}
		case xml.CharData:
			if inText {
				para.Write(t)
			}
		}
	}
	return out, nil
}

type docxTable struct {
	rows [][]string
	cell strings.Builder
}
