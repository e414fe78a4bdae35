package document

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// check holds what every document Read returns: valid UTF-8, no control
// characters, no empty paragraph, no line break inside a block.
func check(t *testing.T, d *Document) {
	t.Helper()
	for _, l := range d.Lines() {
		if !utf8.ValidString(l.Text) {
			t.Fatalf("invalid UTF-8 in %q", l.Text)
		}
		if strings.ContainsAny(l.Text, "\n\r\f\x00") {
			t.Fatalf("control character in %q", l.Text)
		}
	}
	for _, b := range d.Blocks {
		if b.Table == nil && b.Text == "" {
			t.Fatal("empty paragraph")
		}
		if b.Line < 1 {
			t.Fatalf("block at line %d", b.Line)
		}
	}
}

func FuzzReadText(f *testing.F) {
	f.Add([]byte(layoutText))
	f.Add([]byte("\xEF\xBB\xBF第一章\n\n１２３％"))
	f.Add([]byte("\xFF\xFEa\x00b\x00"))
	f.Add([]byte("\xb5\xda\xd2\xbb\xd5\xc2")) // 第一章 in GB18030
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read("f.txt", data)
		if err == nil {
			check(t, d)
		}
	})
}

func FuzzReadHTML(f *testing.F) {
	f.Add([]byte(`<html><body><p>到2025年达到<b>54%</b></p><table><tr><td>1</td><td><table><tr><td>x</td></tr></table></td></tr></table></body></html>`))
	f.Add([]byte(`<table><tr><td>a<td>b</table></td></tr>`))
	f.Add([]byte(`<meta charset="gbk"><p>\xb5\xda</p>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read("f.html", data)
		if err == nil {
			check(t, d)
		}
	})
}

func FuzzReadDOCX(f *testing.F) {
	f.Add([]byte(`<w:p><w:r><w:t>到2025年</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`))
	f.Add([]byte(`<w:tbl><w:tc></w:tc><w:tbl></w:tbl></w:tbl><w:p>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := Read("f.docx", zipOf(t, "word/document.xml",
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`+string(body)+`</w:body></w:document>`))
		if err == nil {
			check(t, d)
		}
	})
}
