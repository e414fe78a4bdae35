package document

import (
	"archive/zip"
	"bytes"
	"html"
	"strings"
	"testing"
)

// docx builds a minimal Word file: paragraphs, and tables given as rows of
// cells (a block whose text starts with "TABLE:" is a table of rows split by
// "\n" and cells by "|").
func docx(t testing.TB, blocks ...string) []byte {
	t.Helper()
	var body strings.Builder
	for _, b := range blocks {
		if rows, ok := strings.CutPrefix(b, "TABLE:"); ok {
			body.WriteString("<w:tbl>")
			for _, r := range strings.Split(rows, "\n") {
				body.WriteString("<w:tr>")
				for _, c := range strings.Split(r, "|") {
					body.WriteString("<w:tc><w:p><w:r><w:t>" + html.EscapeString(c) + "</w:t></w:r></w:p></w:tc>")
				}
				body.WriteString("</w:tr>")
			}
			body.WriteString("</w:tbl>")
			continue
		}
		body.WriteString("<w:p><w:r><w:t xml:space=\"preserve\">" + html.EscapeString(b) + "</w:t></w:r></w:p>")
	}
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		body.String() + `</w:body></w:document>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   doc,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
