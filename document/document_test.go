package document

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"fyp/internal/bilingual"
)

func texts(d *Document) []string {
	var out []string
	for _, l := range d.Lines() {
		out = append(out, l.Text)
	}
	return out
}

func TestReadText(t *testing.T) {
	plain := "第一章 总则\n\n地区生产总值年均增长6%以上。\n"
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String(plain)
	u16, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().String(plain)
	want := []string{"第一章 总则", "地区生产总值年均增长6%以上。"}
	for _, tc := range []struct {
		name string
		data string
	}{
		{"utf-8", plain},
		{"utf-8 with BOM", "\xEF\xBB\xBF" + plain},
		{"gb18030", gb},
		{"utf-16 with BOM", u16},
		{"crlf", strings.ReplaceAll(plain, "\n", "\r\n")},
		{"full-width digits and percent", "第一章　总则\n\n地区生产总值年均增长６％以上。\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read("plan.txt", []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if got := texts(d); !reflect.DeepEqual(got, want) {
				t.Errorf("lines = %q, want %q", got, want)
			}
			if d.Format != Text {
				t.Errorf("format = %s, want text", d.Format)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"（万元，２０２０年价）", "(万元,2020年价)"},
		{"森林覆盖率达５４．５％", "森林覆盖率达54.5%"},
		{"a\u00a0\u3000 b", "a b"},
		{"零\u200b宽", "零宽"},
		{"〔25〕“十四五”。、", "〔25〕“十四五”。、"},
	} {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A PDF's text as pdftotext -layout prints it: pages split by form feeds,
// a running header and a page number on each page, sentences wrapped.
const layoutText = "重庆市江津区十四五规划纲要\n" +
	"第一章  总体要求\n" +
	"“十四五”时期,地区生产总值年均增长6%以上,服务业增加值占地区生产总值比重\n" +
	"达38%,森林覆盖率达54%。\n" +
	"- 1 -\n\f" +
	"重庆市江津区十四五规划纲要\n" +
	"序号   指标名称                     2020年    2025年     属性\n" +
	"1      地区生产总值年均增速(%)       8.9       6以上      预期性\n" +
	"- 2 -\n\f" +
	"重庆市江津区十四五规划纲要\n" +
	"到2025年,市级以上创新平台220家,有效发明专利总量2400件,规模以上工业企业\n" +
	"达到580家。\n" +
	"- 3 -\n"

func TestPageFurnitureAndSoftBreaks(t *testing.T) {
	d, err := Read("plan.txt", []byte(layoutText))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"第一章  总体要求", // two spaces or more are kept as two: they may separate columns
		"“十四五”时期,地区生产总值年均增长6%以上,服务业增加值占地区生产总值比重达38%,森林覆盖率达54%。",
		"序号  指标名称  2020年  2025年  属性",
		"1  地区生产总值年均增速(%)  8.9  6以上  预期性",
		"到2025年,市级以上创新平台220家,有效发明专利总量2400件,规模以上工业企业达到580家。",
	}
	if got := texts(d); !reflect.DeepEqual(got, want) {
		t.Errorf("lines =\n%q\nwant\n%q", got, want)
	}
}

// Rows of cells between | (a repost's table) are lines of their own, however
// wide: never a sentence wrapped.
func TestPipeRowsNotJoined(t *testing.T) {
	text := "表1 2023年分产业地区生产总值、增速及其比重\n指 标 | 绝对量(亿元) | 比上年增长(%) | 比重(%) |\n地区生产总值 | 1867.07 | 6.5 | 100.0 |\n第一产业 | 8.18 | 4.3 | 0.4 |\n"
	d, err := Read("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(d); len(got) != 4 {
		t.Errorf("lines = %q, want 4", got)
	}
}

func TestReadDOCX(t *testing.T) {
	data := docx(t, "第一章 总体要求", "TABLE:序号|指标名称|2020年|2025年|属性\n1|地区生产总值年均增速（%）|8.9|6以上|预期性", "到2025年,森林覆盖率达54%。")
	d, err := Read("plan.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != DOCX || len(d.Blocks) != 3 {
		t.Fatalf("format %s, %d blocks, want docx, 3", d.Format, len(d.Blocks))
	}
	want := [][]string{{"序号", "指标名称", "2020年", "2025年", "属性"}, {"1", "地区生产总值年均增速(%)", "8.9", "6以上", "预期性"}}
	if !reflect.DeepEqual(d.Blocks[1].Table, want) {
		t.Errorf("table = %q, want %q", d.Blocks[1].Table, want)
	}
	if d.Blocks[2].Text != "到2025年,森林覆盖率达54%。" {
		t.Errorf("paragraph = %q", d.Blocks[2].Text)
	}
}

func TestReadHTML(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="gb2312"><title>x</title><style>p{}</style></head><body>
<h1>第一章 总体要求</h1><p>到2025年,森林覆盖率达<b>54%</b>。<br>新的一行</p>
<table><tr><th>序号</th><th>指标名称</th></tr><tr><td>1</td><td>地区生产总值<br>年均增速(%)</td></tr></table>
<script>var x = "不是正文";</script></body></html>`
	gb, err := simplifiedchinese.GBK.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read("plan.html", []byte(gb))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"第一章 总体要求", "到2025年,森林覆盖率达54%。", "新的一行", "序号\t指标名称", "1\t地区生产总值 年均增速(%)"}
	if got := texts(d); !reflect.DeepEqual(got, want) {
		t.Errorf("lines = %q, want %q", got, want)
	}
	if d.Blocks[0].Line != 2 {
		t.Errorf("first block at line %d, want 2", d.Blocks[0].Line)
	}
}

func TestReadErrors(t *testing.T) {
	encrypted := append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 100)...)
	for _, tc := range []struct {
		name, file string
		data       []byte
		want       error
	}{
		{"empty", "a.txt", nil, ErrEmpty},
		{"blank", "a.txt", []byte(" \n\r\n\t"), ErrEmpty},
		{"binary", "a.txt", []byte("\x00\x01\x02ELF\x00\x00"), ErrBinary},
		{"control characters", "a.txt", bytes.Repeat([]byte("\x01\x02a"), 50), ErrBinary},
		{"docx not a zip", "a.docx", []byte("hello"), ErrCorrupt},
		{"truncated docx", "a.docx", docx(t, "x")[:60], ErrCorrupt},
		{"zip without document.xml", "a.docx", zipOf(t, "other.xml", "<x/>"), ErrCorrupt},
		{"bad xml", "a.docx", zipOf(t, "word/document.xml", "<w:document><w:body><w:p>"), ErrCorrupt},
		{"encrypted docx", "a.docx", encrypted, ErrEncrypted},
		{"empty docx", "a.docx", docx(t), ErrEmpty},
		{"pdf without header", "a.pdf", []byte("hello"), ErrCorrupt},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(tc.file, tc.data)
			var de *Error
			if !errors.As(err, &de) || !errors.Is(err, tc.want) {
				t.Fatalf("Read = %v, want a *document.Error for %v", err, tc.want)
			}
			if !strings.HasPrefix(err.Error(), tc.file+": ") || strings.Contains(err.Error(), "\n") {
				t.Errorf("message %q should be one line starting with the file", err)
			}
			zh := bilingual.In(err, "zh")
			if !strings.HasPrefix(zh, tc.file+"：") || zh == err.Error() || bilingual.In(err, "en") != err.Error() {
				t.Errorf("Chinese %q should start with the file and differ from the English %q", zh, err)
			}
			if !bilingual.SameNumbers(zh, err.Error()) {
				t.Errorf("the wordings %q and %q state different numbers", zh, err)
			}
		})
	}
}

func zipOf(t testing.TB, name, content string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create(name)
	w.Write([]byte(content))
	zw.Close()
	return buf.Bytes()
}

// A PDF is read through pdftotext; a script stands in for it so the test
// runs without poppler-utils.
func TestReadPDF(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in for pdftotext is a shell script")
	}
	dir := t.TempDir()
	txt := filepath.Join(dir, "out.txt")
	os.WriteFile(txt, []byte(layoutText), 0o644)
	fake := filepath.Join(dir, "pdftotext")
	os.WriteFile(fake, []byte("#!/bin/sh\ncat '"+txt+"'\n"), 0o755)
	empty := filepath.Join(dir, "pdftotext-scan")
	os.WriteFile(empty, []byte("#!/bin/sh\nprintf '\\f\\f 1 \\f'\n"), 0o755)
	broken := filepath.Join(dir, "pdftotext-broken")
	os.WriteFile(broken, []byte("#!/bin/sh\necho 'Syntax Error: Couldn'\"'\"'t read xref table' >&2\nexit 1\n"), 0o755)
	defer func(p string) { Pdftotext = p }(Pdftotext)

	Pdftotext = fake
	d, err := Read("plan.pdf", []byte("%PDF-1.7 ..."))
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != PDF || len(d.Blocks) != 5 {
		t.Errorf("format %s, %d blocks; want pdf, 5", d.Format, len(d.Blocks))
	}
	for _, tc := range []struct {
		prog string
		want error
	}{
		{empty, ErrNoText},
		{broken, ErrCorrupt},
		{filepath.Join(dir, "absent"), ErrNoTool},
	} {
		Pdftotext = tc.prog
		if _, err := Read("scan.pdf", []byte("%PDF-1.4")); !errors.Is(err, tc.want) {
			t.Errorf("%s: Read = %v, want %v", filepath.Base(tc.prog), err, tc.want)
		}
	}
}

func TestReadFileLimit(t *testing.T) {
	dir := t.TempDir()
	if _, err := ReadFile(dir); err == nil {
		t.Error("ReadFile(folder) = nil error")
	}
}

// A Word file whose document.xml unpacks past the cap (a zip bomb) is
// refused without unpacking it whole.
func TestDOCXZipBomb(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`))
	pad := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i <= maxPart>>20; i++ {
		w.Write(pad)
	}
	w.Write([]byte(`</w:body></w:document>`))
	zw.Close()
	if buf.Len() > 1<<20 {
		t.Fatalf("the bomb is %d bytes; it should compress to well under 1 MB", buf.Len())
	}
	_, err := Read("bomb.docx", buf.Bytes())
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "more than 64 MB") {
		t.Errorf("Read(bomb) = %v, want a corrupt-document error naming the 64 MB cap", err)
	}
}

// TestPDFMemoryLimited: pdftotext runs with its address space limited
// (it took 3 GB for a 270 KB PDF whose one page holds a 70 MB content
// stream), and running out of it is said as such. Stand-ins print the
// limit they were given, and fail as pdftotext does without memory.
func TestPDFMemoryLimited(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no limit is set on Windows; the stand-ins are shell scripts")
	}
	dir := t.TempDir()
	limit := filepath.Join(dir, "pdftotext-limit")
	os.WriteFile(limit, []byte("#!/bin/sh\necho \"limit $(ulimit -v)\" >&2\nexit 1\n"), 0o755)
	oom := filepath.Join(dir, "pdftotext-oom")
	os.WriteFile(oom, []byte("#!/bin/sh\necho 'Out of memory' >&2\nkill -ABRT $$\n"), 0o755)
	defer func(p string) { Pdftotext = p }(Pdftotext)

	Pdftotext = limit
	_, err := Read("big.pdf", []byte("%PDF-1.4"))
	if want := fmt.Sprintf("pdftotext could not read the PDF (exit code 1): limit %d", pdfMemory>>10); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Read = %v, want the stand-in to say %q", err, want)
	}
	Pdftotext = oom
	_, err = Read("big.pdf", []byte("%PDF-1.4"))
	if err == nil || !errors.Is(err, ErrCorrupt) || !strings.Contains(bilingual.In(err, "zh"), "pdftotext超出了1 GB的内存上限") || !strings.Contains(err.Error(), "pdftotext ran out of its 1 GB memory limit") {
		t.Errorf("Read = %v, want pdftotext out of its 1 GB memory limit", err)
	}
}

// TestOtherOfficeFiles: an Excel workbook or a PowerPoint file given as a
// document (fyp-tables.xlsx to extract) is said to be one, not "corrupt".
func TestOtherOfficeFiles(t *testing.T) {
	for part, want := range map[string]string{"xl/workbook.xml": "这是Excel工作簿，不是文本、Word（.docx）、HTML或PDF文件", "ppt/presentation.xml": "这是PowerPoint演示文稿"} {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create(part)
		w.Write([]byte("<x/>"))
		zw.Close()
		_, err := Read("tables.xlsx", buf.Bytes())
		if err == nil || !errors.Is(err, ErrBinary) || !strings.Contains(bilingual.In(err, "zh"), want) {
			t.Errorf("Read(%s) = %v, want %q", part, err, want)
		}
	}
}

// TestPDFFailureInOneLanguage: when pdftotext cannot read a PDF, the
// Chinese message says so in Chinese, with the exit code, and quotes the
// tool's own (English) words only as its marked output; the English one
// says the same. (The Chinese message was "文件已损坏：pdftotext：Syntax
// Error: Couldn't read xref table", and "…：pdftotext：failed" when the
// tool printed nothing.)
func TestPDFFailureInOneLanguage(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the stand-ins for pdftotext are shell scripts")
	}
	dir := t.TempDir()
	broken := filepath.Join(dir, "pdftotext-broken")
	os.WriteFile(broken, []byte("#!/bin/sh\necho 'Syntax Error: Couldn'\"'\"'t read xref table' >&2\nexit 1\n"), 0o755)
	silent := filepath.Join(dir, "pdftotext-silent")
	os.WriteFile(silent, []byte("#!/bin/sh\nexit 3\n"), 0o755)
	defer func(p string) { Pdftotext = p }(Pdftotext)
	for _, tc := range []struct {
		prog, zh, en string
	}{
		{broken, "plan.pdf：文件已损坏：pdftotext无法读取该PDF（退出码1；pdftotext输出原文：Syntax Error: Couldn't read xref table）",
			"plan.pdf: corrupt document: pdftotext could not read the PDF (exit code 1): Syntax Error: Couldn't read xref table"},
		{silent, "plan.pdf：文件已损坏：pdftotext无法读取该PDF（退出码3）", "plan.pdf: corrupt document: pdftotext could not read the PDF (exit code 3)"},
	} {
		Pdftotext = tc.prog
		_, err := Read("plan.pdf", []byte("%PDF-1.4"))
		if !errors.Is(err, ErrCorrupt) {
			t.Fatalf("%s: Read = %v, want ErrCorrupt", filepath.Base(tc.prog), err)
		}
		if zh := bilingual.In(err, "zh"); zh != tc.zh {
			t.Errorf("%s: zh %q, want %q", filepath.Base(tc.prog), zh, tc.zh)
		}
		if en := bilingual.In(err, "en"); en != tc.en {
			t.Errorf("%s: en %q, want %q", filepath.Base(tc.prog), en, tc.en)
		}
	}
}

// TestPDFStderrBounded: what pdftotext prints on stderr is kept only up to
// 64 KB, however much it prints.
func TestPDFStderrBounded(t *testing.T) {
	p := prefix{max: 10}
	for range 3 {
		if n, err := p.Write([]byte("0123456789abc")); n != 13 || err != nil {
			t.Fatalf("Write = %d, %v", n, err)
		}
	}
	if p.buf.String() != "0123456789" {
		t.Errorf("kept %q, want the first 10 bytes", p.buf.String())
	}
}
