package document

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// blockTags end a paragraph of an HTML page.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "section": true, "article": true, "blockquote": true,
	"pre": true, "hr": true, "dd": true, "dt": true, "dl": true, "center": true, "form": true,
	"header": true, "footer": true, "main": true, "nav": true, "caption": true, "body": true,
}

// skipTags hold no text of the page.
var skipTags = map[string]bool{"script": true, "style": true, "head": true, "noscript": true, "template": true, "svg": true}

// readHTML reads a saved web page: its encoding from the BOM, the <meta>
// charset or the bytes; each <table> a table block (a table in a cell goes
// into the cell's text), the rest paragraphs split at block elements.
func readHTML(data []byte) (*Document, error) {
	enc, _, _ := charset.DetermineEncoding(data, "text/html")
	if b, err := enc.NewDecoder().Bytes(data); err == nil {
		data = b
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if binary(string(data)) {
		return nil, ErrBinary
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	z.SetMaxBuf(maxPart)
	var (
		out    []Block
		para   strings.Builder
		paraAt int
		line   = 1
		skip   = 0
		tables []*htmlTable
	)
	flush := func() {
		if len(tables) > 0 {
			return
		}
		if t := Normalize(para.String()); t != "" {
			out = append(out, Block{Line: paraAt, Text: t})
		}
		para.Reset()
	}
	for {
		tt := z.Next()
		raw := z.Raw()
		at := line
		line += bytes.Count(raw, []byte("\n"))
		switch tt {
		case html.ErrorToken:
			if errors.Is(z.Err(), io.EOF) {
				flush()
				return &Document{Format: HTML, Blocks: out}, nil
			}
			return nil, errCorrupt("HTML无法解析（"+z.Err().Error()+"）", z.Err().Error())
		case html.TextToken:
			if skip > 0 {
				continue
			}
			text := html.UnescapeString(string(raw))
			if len(tables) > 0 {
				tables[len(tables)-1].cell.WriteString(text)
				continue
			}
			if para.Len() == 0 {
				paraAt = at + leadingNewlines(text)
			}
			para.WriteString(text)
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			start := tt != html.EndTagToken
			if skipTags[tag] {
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			if skip > 0 {
				continue
			}
			switch tag {
			case "table":
				if start && tt == html.StartTagToken {
					flush()
					if len(tables) >= maxDepth {
						return nil, errCorrupt("表格嵌套过深", "tables nested too deep")
					}
					tables = append(tables, &htmlTable{line: at})
				} else if !start && len(tables) > 0 {
					tb := tables[len(tables)-1]
					tb.endCell()
					tables = tables[:len(tables)-1]
					if len(tables) > 0 {
						c := &tables[len(tables)-1].cell
						for _, r := range tb.rows {
							c.WriteString(" " + strings.Join(r, " ") + " ")
						}
						continue
					}
					if len(tb.rows) > 0 {
						out = append(out, Block{Line: tb.line, Table: tb.rows})
					}
				}
			case "tr":
				if len(tables) > 0 {
					tb := tables[len(tables)-1]
					tb.endCell()
					if start {
						tb.rows = append(tb.rows, nil)
					}
				}
			case "td", "th":
				if len(tables) > 0 {
					tb := tables[len(tables)-1]
					tb.endCell()
					if start {
						tb.open = true
						if len(tb.rows) == 0 {
							tb.rows = append(tb.rows, nil)
						}
					}
				}
			default:
				if blockTags[tag] {
					if len(tables) > 0 {
						tables[len(tables)-1].cell.WriteString(" ")
					} else {
						flush()
					}
				}
			}
		}
	}
}

type htmlTable struct {
	line int
	rows [][]string
	cell strings.Builder
	open bool
}

// endCell closes the cell being read, if any.
func (t *htmlTable) endCell() {
	if !t.open {
		t.cell.Reset()
		return
	}
	t.rows[len(t.rows)-1] = append(t.rows[len(t.rows)-1], Normalize(t.cell.String()))
	t.cell.Reset()
	t.open = false
}

func leadingNewlines(s string) int {
	return strings.Count(s[:len(s)-len(strings.TrimLeft(s, " \t\r\n"))], "\n")
}
