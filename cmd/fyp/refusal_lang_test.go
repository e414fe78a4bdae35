package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyp/internal/bilingual"
	"fyp/model"
)

// refusalCases are bad inputs of every kind a user can meet: a bad plan,
// a bad observed file, a bad scenario, a device, a foreign output folder,
// a NaN flag, cobra's usage errors. dir holds the files they name.
func refusalCases(t *testing.T, dir string) [][]string {
	t.Helper()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	badPlan := write("bad.yaml", "id: x\ntitle: t\nbase_year: 2020\ntarget_year: 2025\nindicators:\n  - id: a\n    nmae: 甲\n")
	foreign := filepath.Join(dir, "foreign")
	os.MkdirAll(foreign, 0o755)
	write("foreign/notes.txt", "mine")
	os.MkdirAll(filepath.Join(dir, "inway"), 0o755)
	write("inway/index.html", "<p>mine</p>")
	var many strings.Builder
	many.WriteString("indicator,year,value\n")
	for range 60 {
		many.WriteString("gdp,2021,abc\n")
	}
	cases := [][]string{
		{"validate", badPlan},
		{"targets", "--plan", badPlan},
		{"review", "--observed", "testdata/observed-bad.csv"},
		{"review", "--observed", write("many.csv", many.String())},
		{"review", "--observed", write("gbk.csv", "indicator,year,value\n\xff\xfe\xfd,2021,1\n")},
		{"validate", "/dev/zero"},
		{"assess", "--plan", "/dev/zero"},
		{"run", "--out", foreign},
		{"run", "--out", filepath.Join(dir, "inway"), "--force"},
		{"charts", "--out", "/", "--force"},
		{"sensitivity", "--target", "gdp_per_capita@2025", "--delta", "NaN"},
		{"solve", "--target", "gdp_per_capita@2025", "--vary", "gdp.rate", "--lo", "NaN"},
		{"review", "--observed", "testdata/observed-example.csv", "--ahead", "2"},
		{"simulate", "--draws", "0"},
		{"project", "--to", "2019"},
		{"project", "--only", "gdp_per_capta"},
		{"targets", "--plan", "jiangjin-15"},
		{"assess", "-s", "nosuch"},
		{"assess", "--format", "xls"},
		{"asess"},
		{"assess", "--formt", "csv"},
		{"solve"},
		{"simulate", "--draws", "x"},
		{"simulate", "--draws", "10000", "--max-memory", "1MB"},
		{"extract", write("old.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1old word file")},
		{"extract", write("empty.txt", "  \n")},
		{"extract", write("notes.txt", "会议纪要\n今天天气很好。\n")},
		{"extract", write("bad.docx", "not a zip")},
		{"extract", write("bad.pdf", "not a pdf")},
		{"observe", write("none.txt", "2023年某区统计公报\n今天天气很好。\n"), "-o", filepath.Join(dir, "none.csv")},
		{"observe", write("noyear.txt", "某区统计公报\n全年实现地区生产总值1401.59亿元。\n"), "-o", filepath.Join(dir, "noyear.csv")},
		{"sensitivity", "--target", "nosuch@2025"},
		{"sensitivity", "--target", "gdp_per_capita"},
		{"solve", "--target", "gdp_per_capita@2025", "--vary", "nosuch.rate"},
		{"solve", "--target", "nosuch@2025", "--vary", "gdp.rate"},
		{"serve", "--addr", "nohost"},
		{"serve", "--addr", "localhost:99999"},
		{"sensitivity", "--target", "gdp_per_capita@2030"},
		{"solve", "--target", "gdp_per_capita@2030", "--vary", "gdp.rate"},
		{"solve", "--target", "gdp_per_capita@2025", "--vary", "gdp_per_capita.rate"},
		{"simulate", "--max-memory", "lots"},
		{"observe", write("twice.txt", "2023年某区统计公报\n全年实现地区生产总值1401.59亿元。全年实现地区生产总值1400.00亿元。\n"), "-o", filepath.Join(dir, "twice.csv")},
	}
	files, _ := filepath.Glob("../../scenarios/testdata/*.yaml")
	for _, f := range files {
		if strings.Contains(f, "warning") {
			continue // valid files with a warning
		}
		cases = append(cases, []string{"validate", f})
	}
	return cases
}

// refusalVocabulary are the words of the user's own input that a Chinese
// refusal names as they must be typed: YAML keys and codes, rule and
// target kinds, file formats. Key paths, quoted values and the list of
// allowed keys or choices are the user's file's words too, and are removed
// before scanning (refusalInput).
var refusalVocabulary = []string{
	"compound", "linear", "logistic", "hold", "plan", "derived", "rule", "rate", "step", "ceiling", "default",
	"path", "bounds", "baseline", "targets", "kind", "ratio", "sum", "of", "Student-t", "df", "rho",
	"level_pct", "rate_pp", "to", "YAML", "UTF-8", "GB18030", "NUL", "Excel", "name", "MB", "KB", "GB",
	"main", "all", "table", "csv", "json", "md", "zh", "en", "ID", "ID.rate", "ID.step", "gdp.rate",
	"rd_intensity", "true", "false", "shocks", "uncertainty", "sd", "help", "NaN", "Inf",
	// Command names (cobra's "did you mean" and "see fyp … --help").
	"assess", "targets", "project", "check", "validate", "run", "compare", "solve", "sensitivity",
	"review", "report", "simulate", "charts", "extract", "serve", "observe",
}

var (
	// FILE:LINE:COL: key.path: (the key path is the file's own).
	refusalPrefix = regexp.MustCompile(`^(fyp: )?[^\s：]+?(:[0-9]+)*: ([A-Za-z_][A-Za-z0-9_.\[\]-]*: )?`)
	doubleQuoted  = regexp.MustCompile(`"[^"]*"|'[^']*'|\{[^}]*\}|\[[^\]]*\]`)
	choiceList    = regexp.MustCompile(`（(允许|图表)：[^）]*）|可选值（[^）]*）|应为[A-Za-z0-9_, -]+之一|[a-z_]+(、[a-z_]+)+`)
)

// refusalInput removes from a refusal the user's own words (see
// refusalVocabulary).
func refusalInput(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = refusalPrefix.ReplaceAllString(l, "")
		l = doubleQuoted.ReplaceAllString(l, " ")
		l = choiceList.ReplaceAllString(l, " ")
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// TestRefusalsInOneLanguage: every refusal of refusalCases exits 2 and is
// worded in the --lang asked for (Chinese by default): its stderr is
// scanned as TestOneLanguagePerOutput scans outputs.
func TestRefusalsInOneLanguage(t *testing.T) {
	dir := t.TempDir()
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			sc := newLangScanner(t, lang, "jiangjin-14")
			for _, w := range refusalVocabulary {
				sc.ids[w] = true
			}
			for _, args := range refusalCases(t, dir) {
				if lang == "en" {
					args = append(args, "--lang", "en")
				}
				out, errs, code := fyp(t, args...)
				if code != 2 || out != "" || errs == "" {
					t.Errorf("fyp %s: exit %d, stdout %q, stderr %q; want 2, a message and nothing else", strings.Join(args, " "), code, out, errs)
				}
				if lang == "zh" {
					errs = refusalInput(errs)
				} else {
					errs = doubleQuoted.ReplaceAllString(errs, " ") // the user's own words (森林覆盖, '：')
				}
				sc.text("fyp "+strings.Join(args, " ")+" (stderr)", errs, false)
			}
			sc.report()
		})
	}
}

// TestMessagesInBothLanguages: a sample of refusals says the same facts
// in Chinese (the default, and --lang zh) and in English (--lang en).
func TestMessagesInBothLanguages(t *testing.T) {
	dir := t.TempDir()
	badPlan := filepath.Join(dir, "rate.yaml")
	src, err := os.ReadFile("../../scenarios/testdata/rate_huge.yaml")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(badPlan, src, 0o644)
	foreign := filepath.Join(dir, "foreign")
	os.MkdirAll(foreign, 0o755)
	os.WriteFile(filepath.Join(foreign, "notes.txt"), []byte("mine"), 0o644)
	neg := filepath.Join(dir, "neg.yaml")
	os.WriteFile(neg, []byte("id: x\ntitle: t\nbase_year: 2020\ntarget_year: 2025\nindicators:\n  - id: a\n    name: 甲\n    unit: 万元\n    section: 一\n    baseline: {year: 2020, value: -7.9}\n"), 0o644)
	oldDoc := filepath.Join(dir, "old.doc")
	os.WriteFile(oldDoc, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1old word file"), 0o644)
	headerOnly := filepath.Join(dir, "header.csv")
	os.WriteFile(headerOnly, []byte("indicator,year,value\n"), 0o644)
	baseOnly := filepath.Join(dir, "base.csv")
	os.WriteFile(baseOnly, []byte("indicator,year,value\ngdp_per_capita,2020,7.9\n"), 0o644)
	tests := []struct {
		name   string
		args   []string
		zh, en string
	}{
		{"an old Word file", []string{"extract", oldDoc},
			"old.doc：加密的或旧格式的Word文件（.doc）：请用Word或WPS打开，另存为不带密码的.docx",
			"old.doc: encrypted or old-format Word file (.doc): open it in Word or WPS and save it as .docx without a password"},
		{"no target that year", []string{"sensitivity", "--target", "gdp_per_capita@2030"},
			"--target：gdp_per_capita在2030年没有数值目标（目标年份：2025、2035）",
			"--target: gdp_per_capita has no numeric target in 2030 (target years: 2025, 2035)"},
		{"a bad memory size", []string{"simulate", "--max-memory", "lots"},
			`--max-memory "lots"：应为内存大小，如4GB或512MB`, `--max-memory "lots": expected a size such as 4GB or 512MB`},
		{"a bad plan", []string{"validate", neg},
			"neg.yaml:10:35: indicators.a.baseline.value: 基期值-7.9：a按百分比增长",
			"neg.yaml:10:35: indicators.a.baseline.value: baseline -7.9: a grows by percentages"},
		{"a bad observed CSV", []string{"review", "--observed", "testdata/observed-bad.csv"},
			`testdata/observed-bad.csv:5:2: 年份2040超出规划的年份范围2020–2035`,
			`testdata/observed-bad.csv:5:2: year 2040 is outside the plan's range 2020–2035`},
		{"a bad scenario", []string{"assess", "-s", badPlan},
			"rate.yaml:3:31: assumptions.gdp.rate: 年增速1e+300%意味着每年增长十一倍以上；最多1000（增速按每年百分比计）",
			"rate.yaml:3:31: assumptions.gdp.rate: a rate of 1e+300% a year is more than an elevenfold rise every year; expected at most 1000 (rates are percent a year)"},
		// Not "the top is no YAML mapping": where the file goes instead.
		{"validate an observed table", []string{"validate", "testdata/observed-example.csv"},
			"testdata/observed-example.csv: 这是观测数据表，不是规划或情景文件：用 fyp review --observed 检查它",
			"testdata/observed-example.csv: an observed table, not a plan or scenario file: check it with fyp review --observed"},
		{"validate a plan's text", []string{"validate", oldDoc},
			"old.doc: 这是文档，不是规划文件：规划文本先用 fyp extract 生成规划文件",
			"old.doc: a document, not a plan file: turn a plan's text into a plan file with fyp extract"},
		// Not "--as-of 0": the user gave no --as-of.
		{"an observed file with a header only", []string{"review", "--observed", headerOnly},
			"header.csv：表头之后没有观测数据", "header.csv: no observed figures after the header"},
		{"observed figures of the base year only", []string{"review", "--observed", baseOnly},
			"base.csv：最新的观测年份是2020，不晚于基期年2020", "base.csv: the latest year observed is 2020, not after the base year 2020"},
		{"/dev/zero", []string{"validate", "/dev/zero"}, "/dev/zero：不是普通文件（而是设备）", "/dev/zero: not a regular file (a device)"},
		{"a foreign --out folder", []string{"run", "--out", foreign},
			"--out " + foreign + "：文件夹中有不是fyp写的文件（notes.txt）；请另选文件夹，或加 --force",
			"--out " + foreign + ": the folder holds files not written by fyp (notes.txt); choose another folder, or add --force"},
		{"a NaN flag", []string{"sensitivity", "--target", "gdp_per_capita@2025", "--delta", "NaN"},
			"--delta NaN：应为每年百分点，大于0且不超过50", "--delta NaN: expected percentage points a year, more than 0 and at most 50"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, run := range []struct {
				lang []string
				want string
			}{{nil, tc.zh}, {[]string{"--lang", "zh"}, tc.zh}, {[]string{"--lang", "en"}, tc.en}} {
				out, errs, code := fyp(t, append(append([]string(nil), tc.args...), run.lang...)...)
				if code != 2 || out != "" || !strings.Contains(errs, run.want) {
					t.Errorf("fyp %v %v: exit %d, stderr %q; want 2 and %q", tc.args, run.lang, code, errs, run.want)
				}
			}
			if !bilingual.SameNumbers(tc.zh, tc.en) {
				t.Errorf("the wordings %q and %q state different numbers", tc.zh, tc.en)
			}
		})
	}
}

// TestOverflowInChinese: a projection overflow (from a plan, scenario or
// flags, exit 2) is printed in Chinese unless --lang en, with its facts.
func TestOverflowInChinese(t *testing.T) {
	oe := &model.OverflowError{Scenario: "s", Indicator: "gdp", Rule: model.RuleCompound, Year: 2090, From: 1.5e308}
	for _, tc := range []struct{ lang, want string }{
		{"zh", `fyp: 情景"s"：gdp：compound规则使测算值从1.5e+308在2090年超出任何有限数；请检查它的增速、增量或冲击`},
		{"en", `fyp: model: scenario "s": gdp: the compound rule takes the projection from 1.5e+308 beyond any finite number in 2090`},
	} {
		var b strings.Builder
		if code := exitCode(withLang(oe, tc.lang), &b); code != 2 || !strings.Contains(b.String(), tc.want) {
			t.Errorf("%s: exit %d, %q; want 2 and %q", tc.lang, code, b.String(), tc.want)
		}
	}
}
