package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyp/model"
)

// testDocument is a small mid-term report built from the golden cases,
// with one chart.
func testDocument(t *testing.T, lang string) *Document {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for x := 0; x < 40; x++ {
		img.Set(x, 10, color.Black)
	}
	var pngb bytes.Buffer
	if err := png.Encode(&pngb, img); err != nil {
		t.Fatal(err)
	}
	var rows []model.Review
	for _, c := range sentenceCases() {
		if !c.final {
			rows = append(rows, c.r)
		}
	}
	// Eurostat's ratio of the compared rows, so that the class annex has
	// rows (a row without a class is only counted).
	for i, r := range rows {
		if r.Compared && r.RequiredRate != 0 && !isNaN(r.RequiredRate) {
			rows[i].RatioRR = r.ObservedRate / math.Abs(r.RequiredRate)
			rows[i].RatioClass = model.EurostatClass(rows[i].RatioRR)
		}
	}
	p := &model.Plan{ID: "test", BaseYear: 2020, TargetYear: 2025, Title: model.Text{ZH: "测试规划", EN: "Test plan"},
		Indicators: []*model.Indicator{forest, income, days, jobs}}
	return Build(Input{Plan: p, Lang: lang, Labels: DefaultLabels(lang), Charts: map[string][]byte{"headline.png": pngb.Bytes()},
		Review: &Review{Rows: rows, AsOf: 2023, File: "observed.csv", Thresholds: model.DefaultReviewThresholds(), Final: model.DefaultFinalThresholds(),
			Actuals: map[string]map[int]float64{"forest_coverage": {2021: 52.3, 2022: 52.7, 2023: 53.1}}, Sources: []string{"统计公报"}}})
}

// docxPart reads one part of a Word file.
func docxPart(t *testing.T, z *zip.Reader, name string) string {
	t.Helper()
	for _, f := range z.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("%s missing from the Word file", name)
	return ""
}

// TestDOCXReadBack writes the Word file and reads it back with zip and
// encoding/xml: headings in Heading1/2 styles, the main table's cells, the
// figure's image and caption, A4 and the CJK font.
func TestDOCXReadBack(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, testDocument(t, "zh")); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	doc := docxPart(t, z, "word/document.xml")
	// Walk the XML: paragraphs with their style, table cells, images.
	type para struct{ style, text string }
	var paras []para
	var cells []string
	var blips []string
	dec := xml.NewDecoder(strings.NewReader(doc))
	var cur *para
	inCell := 0
	var cell strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document.xml is not well-formed: %v", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			switch x.Name.Local {
			case "p":
				cur = &para{}
			case "pStyle":
				if cur != nil {
					cur.style = attr(x, "val")
				}
			case "tc":
				inCell++
				cell.Reset()
			case "blip":
				blips = append(blips, attr(x, "embed"))
			}
		case xml.CharData:
			if cur != nil {
				cur.text += string(x)
			}
			if inCell > 0 {
				cell.Write(x)
			}
		case xml.EndElement:
			switch x.Name.Local {
			case "p":
				if cur != nil {
					paras = append(paras, *cur)
				}
				cur = nil
			case "tc":
				inCell--
				cells = append(cells, cell.String())
			}
		}
	}
	has := func(style, prefix string) bool { // a paragraph of style containing prefix
		for _, p := range paras {
			if p.style == style && strings.Contains(p.text, prefix) {
				return true
			}
		}
		return false
	}
	for _, h := range []struct{ style, text string }{
		{"Title", "测试规划实施情况中期评估报告"}, {"Heading1", "一、总体评价"}, {"Heading1", "二、主要指标完成情况"},
		{"Heading1", "三、分指标评价"}, {"Heading2", "绿色生态"}, {"Heading1", "四、图表"}, {"Heading1", "附件1"},
		{"TableCaption", "表1  主要指标完成情况（截至2023年）"}, {"Caption", "图1  主要指标测算路径"},
		{"BodyText", "截至2023年，规划实施已过3年（共5年）。"}, {"BodyText", "森林覆盖率（2025年目标54）2023年达到53.1%"},
	} {
		if !has(h.style, h.text) {
			t.Errorf("no %s paragraph starting %q", h.style, h.text)
		}
	}
	// The forest row of the main table: 序号, name, unit, attribute, base,
	// the actuals 2021–2023, target, paces, progress, assessment.
	want := []string{"23", "★森林覆盖率", "%", "约束性", "51.8", "52.3", "52.7", "53.1", "54", "+0.433", "+0.45", "59%", "基本符合预期"}
	if !containsRun(cells, want) {
		t.Errorf("the main table has no cells %q in a row; cells: %q", want, cells)
	}
	for _, h := range []string{"各年实际值", "基期值（年）", "年均速度", "2021", "评价"} {
		if !containsRun(cells, []string{h}) {
			t.Errorf("no header cell %q", h)
		}
	}
	if len(blips) != 1 || blips[0] != "rIdImg1" {
		t.Errorf("images = %q, want one rIdImg1", blips)
	}
	rels := docxPart(t, z, "word/_rels/document.xml.rels")
	if !strings.Contains(rels, `Id="rIdImg1"`) || !strings.Contains(rels, `Target="media/image1.png"`) {
		t.Error("the image relationship is missing")
	}
	if img := docxPart(t, z, "word/media/image1.png"); !strings.HasPrefix(img, "\x89PNG") {
		t.Error("word/media/image1.png is not the PNG")
	}
	if !strings.Contains(doc, `<w:pgSz w:w="11906" w:h="16838"/>`) {
		t.Error("the page is not A4")
	}
	styles := docxPart(t, z, "word/styles.xml")
	for _, s := range []string{`w:styleId="Heading1"`, `w:styleId="Heading2"`, `w:styleId="Heading3"`, `w:eastAsia="宋体"`, `w:eastAsia="黑体"`} {
		if !strings.Contains(styles, s) {
			t.Errorf("styles.xml lacks %s", s)
		}
	}
	if fonts := docxPart(t, z, "word/fontTable.xml"); !strings.Contains(fonts, `<w:altName w:val="SimSun"/>`) {
		t.Error("fontTable.xml does not name SimSun for 宋体")
	}
	for _, part := range []string{"word/styles.xml", "word/fontTable.xml", "word/footer1.xml", "word/header1.xml", "[Content_Types].xml"} {
		if err := xml.Unmarshal([]byte(docxPart(t, z, part)), new(any)); err != nil {
			t.Errorf("%s is not well-formed: %v", part, err)
		}
	}
}

func attr(x xml.StartElement, local string) string {
	for _, a := range x.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// containsRun reports whether want occurs in cells as consecutive cells.
func containsRun(cells, want []string) bool {
	for i := 0; i+len(want) <= len(cells); i++ {
		ok := true
		for j, w := range want {
			if cells[i+j] != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// TestDOCXLibreOffice converts the Word file with LibreOffice when it is
// installed and checks the PDF has pages (and, with pdftotext, the text).
func TestDOCXLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed: the Word file is not opened here (apt-get install libreoffice-writer-nogui)")
	}
	if testing.Short() {
		t.Skip("-short: LibreOffice takes seconds")
	}
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, testDocument(t, "zh")); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "report.docx")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v: %s", err, out)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "report.pdf"))
	if err != nil {
		t.Fatalf("LibreOffice wrote no PDF: %v", err)
	}
	if pages := len(regexp.MustCompile(`/Type\s*/Page\b`).FindAll(pdf, -1)); pages < 2 {
		t.Errorf("the PDF has %d pages, want at least 2 (title, tables, annexes)", pages)
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Log("pdftotext is not installed: the PDF's text is not checked")
		return
	}
	text, err := exec.Command(pdftotext, "-layout", filepath.Join(dir, "report.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// Numbers and Latin text survive any font substitution; Chinese needs a
	// CJK font on the machine.
	for _, want := range []string{"2023", "53.1", "59%", "RR"} {
		if !bytes.Contains(text, []byte(want)) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
}

// TestSyntheticMark: a report on invented figures says so on every page
// (the Word header, the page's fixed banner) and in the workbook.
func TestSyntheticMark(t *testing.T) {
	d := testDocument(t, "zh")
	var clean bytes.Buffer
	if err := WriteDOCX(&clean, d); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(clean.Bytes(), []byte("SYNTHETIC")) {
		t.Error("a report on real figures is marked synthetic")
	}
	d.Synthetic = true
	var docx, page, md bytes.Buffer
	if err := WriteDOCX(&docx, d); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(docx.Bytes()), int64(docx.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if h := docxPart(t, z, "word/header1.xml"); !strings.Contains(h, "示例数据 SYNTHETIC") {
		t.Errorf("the Word header lacks the mark: %s", h)
	}
	if !strings.Contains(docxPart(t, z, "word/document.xml"), `r:id="rIdHeader"`) {
		t.Error("the section does not use the header")
	}
	if err := WriteHTML(&page, d); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page.String(), `<div class="synthetic">示例数据 SYNTHETIC`) {
		t.Error("the page has no synthetic banner")
	}
	if err := WriteMarkdown(&md, d); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(md.String(), "> **示例数据 SYNTHETIC") {
		t.Error("report.md does not start with the mark")
	}
}
