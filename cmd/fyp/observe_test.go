package main

import (
	"archive/zip"
	"bytes"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The "done when": read the real 2023 bulletin excerpt, then review
// with what was written; every row traces back to its clause.
func TestObserveThenReview(t *testing.T) {
	out := filepath.Join(t.TempDir(), "o.csv")
	_, stderr, code := fyp(t, "observe", "../../bulletin/testdata/jiangjin-2023.txt", "../../bulletin/testdata/jiangjin-2022.txt", "-o", out)
	if code != 0 {
		t.Fatalf("observe: exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	csv := string(b)
	for _, w := range []string{
		"gdp,2023,1401.59,current,,level,jiangjin-2023.txt:",
		"gdp,2023,7.0,comparable,,growth,jiangjin-2023.txt:",
		"gdp,2022,1330.02,current,,level,jiangjin-2022.txt:",
		"gdp_per_capita,2023,10.4274,current,,level,",
		"service_share,2023,33.9,,,level,",
		"urbanization_rate,2022,62.00,,,level,",
		"population,2022,135.38,,,level,",
	} {
		if !strings.Contains(csv, w) {
			t.Errorf("o.csv lacks %q:\n%s", w, csv)
		}
	}
	if !strings.Contains(csv, "「全年实现地区生产总值1401.59亿元」") {
		t.Errorf("o.csv does not quote the clause:\n%s", csv)
	}
	stdout, stderr, code := fyp(t, "review", "--observed", out)
	if code != 0 {
		t.Fatalf("review: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "截至2023年") {
		t.Errorf("review is not as of 2023:\n%s", stdout)
	}
	// a second run must not overwrite without --force
	if _, stderr, code := fyp(t, "observe", "../../bulletin/testdata/jiangjin-2023.txt", "-o", out); code != 2 || !strings.Contains(stderr, "--force") {
		t.Errorf("overwrite without --force: exit %d, %s", code, stderr)
	}
	if _, stderr, code := fyp(t, "observe", "../../bulletin/testdata/jiangjin-2023.txt", "-o", out, "--force"); code != 0 {
		t.Errorf("--force: exit %d, %s", code, stderr)
	}
}

func TestObserveBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		name, text, want string
	}{
		{"none.txt", "2023年某区统计公报\n全年居民消费价格比上年下降0.3%。", "没有找到规划jiangjin-14指标的数据"},
		{"twice.txt", "2023年某区统计公报\n全年实现地区生产总值1401.59亿元。全年实现地区生产总值1400.00亿元。", "同一文件中有1个相互矛盾的数据"},
		{"noyear.txt", "某区概况\n全年实现地区生产总值1401.59亿元。", "--year"},
	}
	for _, c := range cases {
		p := write(c.name, c.text)
		out := filepath.Join(dir, c.name+".csv")
		_, stderr, code := fyp(t, "observe", p, "-o", out)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%s: exit %d, stderr %q; want 2 and %q", c.name, code, stderr, c.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: %s was written", c.name, out)
		}
	}
	// both contradicting clauses are named
	_, stderr, _ := fyp(t, "observe", filepath.Join(dir, "twice.txt"))
	if !strings.Contains(stderr, "1401.59") || !strings.Contains(stderr, "1400.00") {
		t.Errorf("contradiction does not show both figures: %s", stderr)
	}
}

// A later bulletin restating a year keeps the later figure and notes the
// earlier one.
func TestObserveRevision(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "2022.txt")
	b := filepath.Join(dir, "2023.txt")
	os.WriteFile(a, []byte("2022年某区统计公报\n年末全区常住人口135.38万人。"), 0o644)
	os.WriteFile(b, []byte("2023年某区统计公报\n2022年末全区常住人口135.10万人。"), 0o644)
	stdout, stderr, code := fyp(t, "observe", b, a)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "population,2022,135.10,") || !strings.Contains(stdout, "earlier: 135.38 (2022.txt:2)") {
		t.Errorf("revision not kept with the earlier value noted:\n%s", stdout)
	}
}

// The "done when" with a Word file: a text bulletin and a .docx
// bulletin make one panel that fyp review reads. The .docx holds the 2022
// sentences as the gazetteer page quotes them (bulletin/testdata/README.md).
func TestObserveDocx(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "2022公报.docx")
	if err := os.WriteFile(doc, minimalDocx(t, "2022年江津区国民经济和社会发展统计公报", "2022年末，全区常住人口135.38万人。",
		"2022年全年实现地区生产总值1330.02亿元，按不变价格计算，比上年增长3.2%。"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "observed.csv")
	if _, stderr, code := fyp(t, "observe", "../../bulletin/testdata/jiangjin-2023.txt", doc, "-o", out); code != 0 {
		t.Fatalf("observe: exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(out)
	for _, w := range []string{"gdp,2022,1330.02,current,,level,2022公报.docx:3,", "population,2022,135.38,,,level,2022公报.docx:2,", "gdp,2023,1401.59,"} {
		if !strings.Contains(string(b), w) {
			t.Errorf("observed.csv lacks %q:\n%s", w, b)
		}
	}
	if _, stderr, code := fyp(t, "review", "--observed", out); code != 0 {
		t.Fatalf("review: exit %d: %s", code, stderr)
	}
}

// minimalDocx is a Word file of paragraphs.
func minimalDocx(t *testing.T, paras ...string) []byte {
	t.Helper()
	var body strings.Builder
	for _, p := range paras {
		body.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + html.EscapeString(p) + `</w:t></w:r></w:p>`)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			body.String() + `</w:body></w:document>`,
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

// A list of districts gives the plan's own only: observe passes the plan's
// place to the reader (九龙坡区常住人口… is not Jiangjin's).
func TestObservePlace(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "list.txt")
	if err := os.WriteFile(doc, []byte("重庆各区人口\n2021年,九龙坡区常住人口152.90万人。\n2021年,江津区常住人口135.38万人。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "o.csv")
	_, stderr, code := fyp(t, "observe", doc, "-o", out)
	if code != 0 {
		t.Fatalf("observe: exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if csv := string(b); !strings.Contains(csv, "population,2021,135.38,") || strings.Contains(csv, "152.90") {
		t.Errorf("o.csv:\n%s", csv)
	}
	if !strings.Contains(stderr, "九龙坡区") {
		t.Errorf("the other district's figure is not listed: %s", stderr)
	}
}

// A web page's table is read with its source: the file and the table's
// line, and in the note the row and column (the figures of Jiangjin's 2023
// bulletin, bulletin/testdata/jiangjin-2023.txt, set in a table).
func TestObserveTable(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "2023公报.html")
	page := "<html><body>\n<h1>2023年江津区国民经济和社会发展统计公报</h1>\n<p>表1 2023年主要经济指标</p>\n<table>\n" +
		"<tr><th>指标</th><th>单位</th><th>绝对数</th><th>比上年增长(%)</th></tr>\n" +
		"<tr><td>地区生产总值</td><td>亿元</td><td>1401.59</td><td>7.0</td></tr>\n</table>\n</body></html>\n"
	if err := os.WriteFile(doc, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "observed.csv")
	if _, stderr, code := fyp(t, "observe", doc, "-o", out); code != 0 {
		t.Fatalf("observe: exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(out)
	for _, w := range []string{"gdp,2023,1401.59,current,,level,2023公报.html:4,", "gdp,2023,7.0,comparable,,growth,2023公报.html:4,", "第2行", "列「绝对数」"} {
		if !strings.Contains(string(b), w) {
			t.Errorf("observed.csv lacks %q:\n%s", w, b)
		}
	}
	if _, stderr, code := fyp(t, "review", "--observed", out); code != 0 {
		t.Fatalf("review: exit %d: %s", code, stderr)
	}
}

// TestObserveAnotherPlace: the city's bulletin read for the district's
// plan gives the city's figures (30145.79亿元 is Chongqing's 2023 GDP, as
// its bulletin states it), which fyp wrote as Jiangjin's without a word.
// They are now each marked review, and a note says whose they are.
func TestObserveAnotherPlace(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "city.txt")
	text := "2023年重庆市国民经济和社会发展统计公报\n全年全市实现地区生产总值30145.79亿元，比上年增长6.1%。\n"
	if err := os.WriteFile(doc, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"zh", "en"} {
		out := filepath.Join(dir, lang+".csv")
		_, stderr, code := fyp(t, "observe", doc, "-o", out, "--lang", lang)
		if code != 0 {
			t.Fatalf("observe: exit %d: %s", code, stderr)
		}
		want := map[string]string{"zh": "标题所指地区为重庆市，不是规划的地区重庆市江津区", "en": "names 「重庆市」, not the plan's region"}[lang]
		if !strings.Contains(stderr, want) {
			t.Errorf("%s: stderr lacks %q:\n%s", lang, want, stderr)
		}
		b, _ := os.ReadFile(out)
		rows := strings.Split(strings.TrimSpace(string(b)), "\n")[1:]
		if len(rows) != 2 {
			t.Fatalf("%s: %d rows, want GDP's level and growth:\n%s", lang, len(rows), b)
		}
		for _, r := range rows {
			if !strings.Contains(r, "review: ") || !strings.Contains(r, "重庆市") {
				t.Errorf("%s: row not marked as another place's: %s", lang, r)
			}
		}
	}
	// The district's own bulletin is not marked.
	_, stderr, code := fyp(t, "observe", "../../bulletin/testdata/jiangjin-2023.txt", "-o", filepath.Join(dir, "own.csv"))
	if code != 0 || strings.Contains(stderr, "标题所指地区") {
		t.Errorf("own bulletin: exit %d: %s", code, stderr)
	}
}
