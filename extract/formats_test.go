package extract

import (
	"archive/zip"
	"bytes"
	"html"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyp/seeds"
)

// The same plan as a Word file and as a web page gives the same plan file.
// The test builds both from the seed text: every line a paragraph, and the
// main indicator table as a real table whose cells are those the
// hand-checked seeds/jiangjin-14.yaml records as printed (table.base,
// table.target, quote, attribute, group).
func TestSameFromWordAndHTML(t *testing.T) {
	data, err := os.ReadFile(findSeedText(t))
	if err != nil {
		t.Fatal(err)
	}
	_, _, fromText := extractFile(t, "plan.txt", data)
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	start, end := -1, -1
	for i, l := range lines {
		if strings.Contains(l, "规划主要指标体系表") && start < 0 {
			start = i
		}
		if start >= 0 && end < 0 && i > start && strings.HasPrefix(l, "备注") {
			end = i
		}
	}
	if start < 0 || end < 0 {
		t.Fatal("the seed text has no main table between 专栏 … 主要指标体系表 and 备注")
	}
	table := mainTableCells(t)
	before, after := lines[:start+1], lines[end:]

	// Paragraphs only: the table flattened as in the text.
	flatDocx := buildDocx(t, lines, nil, nil)
	_, _, got := extractFile(t, "plan.docx", flatDocx)
	if d := firstDiff(fromText, got); d != "" {
		t.Errorf("Word (paragraphs) differs from text: %s", d)
	}
	// The table as a real table, in Word and in HTML.
	for name, doc := range map[string][]byte{
		"plan.docx": buildDocx(t, before, table, after),
		"plan.html": buildHTML(before, table, after),
	} {
		_, _, got := extractFile(t, name, doc)
		if d := firstDiff(withoutReview(fromText), withoutReview(got)); d != "" {
			t.Errorf("%s (real table) differs from text: %s", name, d)
		}
	}
}

// mainTableCells rebuilds the main table, header and rows, from the seed's
// printed cells.
func mainTableCells(t *testing.T) [][]string {
	p, err := seeds.Load("jiangjin-14")
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]string{{"序号", "指标名称", "十三五(2020", "十四五目标(2025", "指标属性"}}
	group := ""
	for _, ind := range p.Indicators {
		if ind.No == 0 {
			continue
		}
		if ind.Group.ZH != group {
			group = ind.Group.ZH
			rows = append(rows, []string{group, group, group, group, group})
		}
		attr := "预期性"
		if ind.Attribute == "binding" {
			attr = "约束性"
		}
		rows = append(rows, []string{strconv.Itoa(ind.No), ind.Quote, ind.TableBase, ind.TableGoal, attr})
	}
	return rows
}

func buildDocx(t *testing.T, before []string, table [][]string, after []string) []byte {
	var body strings.Builder
	para := func(l string) {
		if strings.TrimSpace(l) != "" {
			body.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + html.EscapeString(l) + `</w:t></w:r></w:p>`)
		}
	}
	for _, l := range before {
		para(l)
	}
	if table != nil {
		body.WriteString("<w:tbl>")
		for _, r := range table {
			body.WriteString("<w:tr>")
			for _, c := range r {
				body.WriteString(`<w:tc><w:p><w:r><w:t>` + html.EscapeString(c) + `</w:t></w:r></w:p></w:tc>`)
			}
			body.WriteString("</w:tr>")
		}
		body.WriteString("</w:tbl>")
	}
	for _, l := range after {
		para(l)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func buildHTML(before []string, table [][]string, after []string) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>规划</title></head><body>\n")
	for _, l := range before {
		if strings.TrimSpace(l) != "" {
			b.WriteString("<p>" + html.EscapeString(l) + "</p>\n")
		}
	}
	b.WriteString("<table border=\"1\">\n")
	for k, r := range table {
		b.WriteString("<tr>")
		if k > 0 && r[0] == r[1] {
			b.WriteString(`<td colspan="5">` + html.EscapeString(r[0]) + "</td></tr>\n")
			continue
		}
		for _, c := range r {
			b.WriteString("<td>" + html.EscapeString(c) + "</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n")
	for _, l := range after {
		if strings.TrimSpace(l) != "" {
			b.WriteString("<p>" + html.EscapeString(l) + "</p>\n")
		}
	}
	b.WriteString("</body></html>\n")
	return []byte(b.String())
}

var reviewRe = regexp.MustCompile(`(?m)(, review: [^,}]*|^\s*review: .*\n|^# .*\n)`)

// withoutReview drops the review notes and the header: a real table keeps
// its empty cells, so the note about cells lost in a copy is not written.
func withoutReview(b []byte) []byte { return reviewRe.ReplaceAll(b, nil) }

func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(withoutHeader(a)), "\n"), strings.Split(string(withoutHeader(b)), "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n  text: " + x + "\n  this: " + y
		}
	}
	return ""
}

func withoutHeader(b []byte) []byte {
	return regexp.MustCompile(`(?m)^# Extracted by .*\n`).ReplaceAll(b, nil)
}
