package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"fyp/charts"
	"fyp/model"
	"fyp/scenarios"
)

// One language per output (the project's standard; issue 10): every
// command that prints or writes text is run with --lang en and --lang zh
// on the embedded plan (with the shipped observed figures), on its
// previous plan's record (jiangjin-13) and on the national plan (another
// shape, synthetic observations), and what it says is scanned.
//
// English output holds no Han character except
//   - inside “…” (or 「…」, the observe command's clause marks): the words
//     of a source, quoted as such;
//   - the texts of an observed file's source and note columns, printed as
//     the data they are (the shipped file's sources name Chinese titles,
//     newspapers and authors);
//   - in machine formats, the fields that hold the plan's own Chinese
//     words by contract, each beside its English sibling (name/name_en,
//     unit/unit_en, group/group_en, section, box, quote, text, the raw
//     table cells and the transcriber's note of a plan row).
//
// A plan without English names (one fyp extract wrote) is printed in
// English with its Chinese title and names quoted, “…”: the plan's words.
//
// Chinese output holds no English word except units, ids (indicator,
// scenario and plan ids, which the user types; machine-format codes such
// as level or lagging in a CSV cell or JSON value), the abbreviations the
// report defines (zhAllowed), file names, URLs, command flags, the
// observed file's own source and note texts and, in machine formats, the
// English siblings of the plan's fields and rate_unit (zhDataKey).
//
// What is read: stdout and stderr of every command; the files run, report
// and charts write (md, html, csv, json, xlsx cells and sheet names,
// report.docx's paragraphs, the <text> of every SVG chart), except
// .fyp-manifest.json, fyp's own record of what it wrote; the titles,
// notes and warnings of the review bundle's charts. The refusals (exit 2)
// are scanned the same way by TestRefusalsInOneLanguage.
func TestOneLanguagePerOutput(t *testing.T) {
	type setup struct {
		name, plan string
		observed   []string // the review's flags
		obsFiles   []string // the observed files, for their source and note texts
	}
	setups := []setup{
		{"jiangjin-14", "jiangjin-14", []string{"--observed", "shipped"},
			[]string{"../../seeds/jiangjin-observed.csv", filepath.Join("testdata", "observed-example.csv"), filepath.Join("testdata", "observed-refusals.csv")}},
		{"national-14", nationalPlan, []string{"--observed", filepath.Join("testdata", "observed-national.csv"), "--as-of", "2022"},
			[]string{filepath.Join("testdata", "observed-national.csv")}},
	}
	for _, s := range setups {
		for _, lang := range []string{"en", "zh"} {
			t.Run(s.name+"/"+lang, func(t *testing.T) {
				t.Parallel()
				sc := newLangScanner(t, lang, s.plan, s.obsFiles...)
				dir := t.TempDir()
				p := []string{"--plan", s.plan, "--lang", lang}
				target, vary := "gdp_per_capita@2025", "gdp.rate"
				if s.plan == nationalPlan {
					target, vary = "doctors_per_1000@2025", "doctors_per_1000.rate"
				}
				cmds := [][]string{
					{"targets"},
					{"targets", "--format", "csv"},
					{"targets", "--format", "md"},
					{"project"},
					{"assess"},
					{"assess", "--format", "csv"},
					{"check"},
					{"compare"},
					{"solve", "--target", target, "--vary", vary},
					{"sensitivity", "--target", target},
					append([]string{"review"}, s.observed...),
					append([]string{"review", "--format", "csv"}, s.observed...),
					append([]string{"review", "--format", "json"}, s.observed...),
					{"simulate", "--draws", "500"},
					append([]string{"report", "--pdf=false", "--out", filepath.Join(dir, "report")}, s.observed...),
					{"run", "--out", filepath.Join(dir, "run")},
					// Every chart as SVG, whose <text> elements are what a
					// chart says: titles, axes, legends, labels and notes.
					{"charts", "--format", "svg", "--out", filepath.Join(dir, "charts")},
					{"project", "--format", "md"},
					{"check", "--format", "md"},
					{"compare", "--format", "md"},
					{"simulate", "--bands", "--draws", "300"},
					append([]string{"review", "--format", "md"}, s.observed...),
				}
				if s.plan == nationalPlan {
					cmds = append(cmds, []string{"validate", nationalPlan})
				} else {
					// The synthetic example: rebased breaks, growth rates,
					// conflicting figures and refusals.
					ex := []string{"--observed", filepath.Join("testdata", "observed-example.csv"), "--as-of", "2023"}
					cmds = append(cmds, append([]string{"review"}, ex...), append([]string{"review", "--format", "csv"}, ex...),
						[]string{"review", "--observed", filepath.Join("testdata", "observed-refusals.csv")})
					cmds = append(cmds, []string{"validate", "../../seeds/jiangjin-14.yaml"},
						[]string{"review", "--plan", "jiangjin-13"}, []string{"targets", "--plan", "jiangjin-13"})
				}
				for _, args := range cmds {
					if len(args) > 1 && args[1] == "--plan" {
						args = append(args, "--lang", lang) // jiangjin-13's record
					} else {
						args = append(args, p...)
					}
					out, errs, code := fyp(t, args...)
					if code != 0 {
						t.Fatalf("fyp %s: exit %d: %s", strings.Join(args, " "), code, errs)
					}
					name := "fyp " + strings.Join(args, " ")
					switch {
					case strings.Contains(name, "--format csv"):
						sc.file(name, ".csv", []byte(out))
					case strings.Contains(name, "--format json"):
						sc.file(name, ".json", []byte(out))
					default:
						sc.text(name, out, false)
					}
					sc.text(name+" (stderr)", errs, false)
				}
				for _, d := range []string{"report", "run", "charts"} {
					sc.dir(filepath.Join(dir, d))
				}
				if sc.svgs < 10 || sc.svgTexts < 10*sc.svgs {
					t.Errorf("read %d texts in %d SVG charts: too few to judge the charts", sc.svgTexts, sc.svgs)
				}
				for _, c := range bundleChartsOf(t, s.plan, lang, s.observed) {
					for _, n := range append(append([]string{c.Title}, c.Notes...), c.Warnings...) {
						sc.text("chart "+c.ID, n, false)
					}
				}
				sc.report()
			})
		}
	}
	// extract's and observe's summaries (stderr) and what they write.
	for _, lang := range []string{"en", "zh"} {
		t.Run("extract-observe/"+lang, func(t *testing.T) {
			t.Parallel()
			sc := newLangScanner(t, lang, "jiangjin-14")
			dir := t.TempDir()
			in := filepath.Join(dir, "plan.txt")
			if err := os.WriteFile(in, []byte(smallPlan), 0o644); err != nil {
				t.Fatal(err)
			}
			out, errs, code := fyp(t, "extract", in, "-o", filepath.Join(dir, "plan.yaml"), "--lang", lang)
			if code != 0 {
				t.Fatalf("extract: exit %d: %s", code, errs)
			}
			sc.text("fyp extract", out, false)
			sc.text("fyp extract (stderr)", errs, false)
			// The extracted plan has no English title and one row without
			// name_en: English output quotes those Chinese words.
			plan := filepath.Join(dir, "plan.yaml")
			sc.addIDs(plan)
			for _, args := range [][]string{{"targets"}, {"assess"}, {"project"}} {
				args = append(args, "--plan", plan, "--lang", lang)
				out, errs, code := fyp(t, args...)
				if code != 0 {
					t.Fatalf("fyp %s: exit %d: %s", strings.Join(args, " "), code, errs)
				}
				sc.text("fyp "+strings.Join(args, " "), out+errs, false)
			}
			obs := filepath.Join(dir, "o.csv")
			// The census page's clauses are refused (part of a year, another
			// place): observe says why, in lang.
			out, errs, code = fyp(t, "observe", "../../bulletin/testdata/jiangjin-2023.txt", "../../bulletin/testdata/measure/census-2020-districts.txt", "-o", obs, "--lang", lang)
			if code != 0 {
				t.Fatalf("observe: exit %d: %s", code, errs)
			}
			sc.text("fyp observe", out, false)
			sc.text("fyp observe (stderr)", errs, false)
			sc.report()
		})
	}
}

// bundleChartsOf are the charts of a review bundle (what `fyp report`
// draws) with a small simulation.
func bundleChartsOf(t *testing.T, plan, lang string, observed []string) []*charts.Chart {
	t.Helper()
	o := &options{plan: plan, lang: lang, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	p, err := o.loadPlan()
	if err != nil {
		t.Fatal(err)
	}
	f := &reviewFlags{observed: observed[1], th: model.DefaultReviewThresholds(), scope: "main"}
	if len(observed) == 4 {
		fmt.Sscan(observed[3], &f.asOf)
	}
	rv, err := runReview(o, p, f)
	if err != nil {
		t.Fatal(err)
	}
	prs, err := chartProjections(o)
	if err != nil {
		t.Fatal(err)
	}
	saved := o.scenarios
	if len(o.scenarios) > 1 {
		o.scenarios = o.scenarios[:1]
	}
	sims, err := runSimulations(o, &simFlags{draws: 500, seed: model.DefaultSeed, seedSet: true, workers: runtime.GOMAXPROCS(0)})
	o.scenarios = saved
	if err != nil {
		t.Fatal(err)
	}
	cs, _, err := bundleCharts(prs, chartData{sims: sims, progress: progressInput(rv, lang), review: rv}, nil, charts.Options{Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// zhAllowed are the English words a Chinese output may hold besides ids,
// units, file names and flags: the abbreviations the report defines, the
// names of file formats and programs it tells the user about, and the
// synthetic mark printed in both languages on purpose (示例数据 SYNTHETIC,
// a mark meant to be read by anyone who picks up the page).
var zhAllowed = map[string]bool{
	"GDP": true, "R&D": true, "RR": true, "AP": true, "CAGR": true, "PM2.5": true, "PM": true,
	"Eurostat": true, "ESCAP": true, "SYNTHETIC": true,
	"CSV": true, "XLSX": true, "JSON": true, "PNG": true, "SVG": true, "PDF": true, "HTML": true, "Markdown": true,
	"Word": true, "WPS": true, "LibreOffice": true, "Chromium": true, "Noto": true, "Sans": true, "CJK": true, "SC": true,
	// Names of the plan's own items: 5G基站, NFC橙汁加工型柑橘, A级乡村旅游景区.
	"5G": true, "NFC": true,
	"README": true, "CO2": true, "CO": true, "IV": true, "III": true, "P5": true, "P25": true, "P50": true, "P75": true, "P95": true, "se": true, "sd": true,
	// The observed file's column names and codes, which a Chinese message
	// tells the user to type (break 列填 rebased, metric 填 growth).
	"indicator": true, "year": true, "value": true, "price_basis": true, "break": true, "rebased": true,
	"metric": true, "level": true, "growth": true, "avg_growth": true, "from": true, "comparable": true, "current": true,
	// review: the plan file's key that marks an item to check (extract's summary names it).
	"review": true, "id": true,
	"fyp": true, "min": true, "max": true, "km": true, "kg": true, "kW": true, "kWh": true, "ha": true, "Ⅲ": true,
}

type langScanner struct {
	t     *testing.T
	lang  string
	ids   map[string]bool // indicator, scenario and plan ids
	data  []string        // an observed file's source and note texts, longest first
	leaks map[string][]string
	// svgs and svgTexts count the charts read and their texts.
	svgs, svgTexts int
}

func newLangScanner(t *testing.T, lang, plan string, obsFiles ...string) *langScanner {
	sc := &langScanner{t: t, lang: lang, ids: map[string]bool{}, leaks: map[string][]string{}}
	for _, id := range []string{plan, "jiangjin-13", "jiangjin-14", "plan"} {
		sc.ids[id] = true
	}
	for _, pl := range []string{plan, "jiangjin-13", "jiangjin-14"} {
		sc.addIDs(pl)
	}
	for _, id := range scenarios.IDs() {
		sc.ids[id] = true
	}
	for _, obsFile := range obsFiles {
		b, err := os.ReadFile(obsFile)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, l := range strings.Split(string(b), "\n") {
			if !strings.HasPrefix(l, "#") {
				lines = append(lines, l)
			}
		}
		r := csv.NewReader(strings.NewReader(strings.Join(lines, "\n")))
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, rec := range recs[1:] {
			for i, col := range recs[0] {
				if (col == "source" || col == "note") && i < len(rec) && rec[i] != "" {
					sc.data = append(sc.data, rec[i])
				}
			}
		}
	}
	sort.Slice(sc.data, func(i, j int) bool { return len(sc.data[i]) > len(sc.data[j]) })
	return sc
}

// addIDs allows a plan's indicator ids in Chinese output.
func (sc *langScanner) addIDs(plan string) {
	o := &options{plan: plan}
	p, err := o.loadPlan()
	if err != nil {
		sc.t.Fatal(err)
	}
	for _, ind := range p.Indicators {
		sc.ids[ind.ID] = true
	}
}

var (
	hanRun    = regexp.MustCompile(`[\p{Han}（），。：；、《》【】]+`)
	quoted    = regexp.MustCompile(`“[^”]*”|「[^」]*」`)
	wordRun   = regexp.MustCompile(`[A-Za-z][A-Za-z0-9&._@-]*[A-Za-z0-9]|[A-Za-z]`)
	urlRun    = regexp.MustCompile(`https?://\S+|www\.\S+|\S+\.(csv|xlsx|png|svg|pdf|md|json|yaml|html|docx|txt|ttc|ttf|otf)\b|\S*/\S*|--[a-z-]+(=\S+)?|-[so]\b`)
	sciNumber = regexp.MustCompile(`[0-9.]+e[-+][0-9]+`)
	// mathVar: the method annex's variables (x_0, x_T, t₀ is not ASCII).
	mathVar  = regexp.MustCompile(`^[a-zA-Z]_[0-9A-Za-z]$`)
	svgText  = regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)
	htmlTags = regexp.MustCompile(`(?s)<style.*?</style>|<script.*?</script>|<[^>]*>`)
)

// text scans one output; machine says whether it is a CSV cell or JSON
// value, where a lone code (level, lagging, %/yr) is an id.
func (sc *langScanner) text(where, s string, machine bool) {
	for _, d := range sc.data {
		s = strings.ReplaceAll(s, d, " ")
	}
	for _, l := range strings.Split(s, "\n") {
		if sc.lang == "en" {
			l = quoted.ReplaceAllString(l, " ")
			for _, m := range hanRun.FindAllStringIndex(l, -1) {
				sc.leak(where, l, m)
			}
			continue
		}
		if machine && regexp.MustCompile(`^[a-z0-9_%/.:-]*$`).MatchString(strings.TrimSpace(l)) {
			continue
		}
		l = urlRun.ReplaceAllString(l, " ")
		l = sciNumber.ReplaceAllString(l, " ")
		for _, m := range wordRun.FindAllStringIndex(l, -1) {
			w := l[m[0]:m[1]]
			id, _, _ := strings.Cut(w, "@") // gdp_per_capita@2025
			id = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(id, "."), ".rate"), ".step")
			if len(w) == 1 || mathVar.MatchString(w) || zhAllowed[w] || sc.ids[id] {
				continue
			}
			sc.leak(where, l, m)
		}
	}
}

func (sc *langScanner) leak(where, line string, m []int) {
	a, b := max(0, m[0]-60), min(len(line), m[1]+60)
	for a > 0 && !isRuneStart(line[a]) {
		a--
	}
	for b < len(line) && !isRuneStart(line[b]) {
		b++
	}
	ctx := strings.TrimSpace(line[a:b])
	for _, c := range sc.leaks[where] {
		if c == ctx {
			return
		}
	}
	sc.leaks[where] = append(sc.leaks[where], ctx)
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// enDataKeys are the JSON keys and CSV columns that hold the plan's own
// Chinese words by contract (each beside an English sibling where it has
// one): exempt in English output.
var enDataKeys = map[string]bool{
	"name": true, "unit": true, "group": true, "section": true, "box": true, "quote": true,
	"text": true, "table": true, "base": true, "target": true, "note": true, "title": true, "source": true, "short": true,
}

// zhDataKey: the English siblings of the plan's fields (name_en, …), the
// transcriber's notes of a plan row, which the plan format writes in
// English, and rate_unit, the pace's unit as a code (%/yr, pp/yr, 100
// million yuan/yr) that stays the same in both languages so that scripts
// can compare files, are exempt in Chinese output's machine formats.
func zhDataKey(k string) bool { return strings.HasSuffix(k, "_en") || k == "note" || k == "rate_unit" }

// dir scans the text files a command wrote.
func (sc *langScanner) dir(d string) {
	err := filepath.Walk(d, func(path string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(filepath.Dir(d), path)
		if fi.Name() == ".fyp-manifest.json" {
			return nil // fyp's record of the files it wrote, read by fyp
		}
		return sc.file(rel, filepath.Ext(path), b)
	})
	if err != nil {
		sc.t.Fatal(err)
	}
}

// file scans one output of a format by its extension (.md, .html, .csv,
// .json).
func (sc *langScanner) file(rel, ext string, b []byte) error {
	switch ext {
	case ".md":
		sc.text(rel, string(b), false)
	case ".html":
		sc.text(rel, html.UnescapeString(htmlTags.ReplaceAllString(string(b), "\n")), false)
	case ".csv":
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
		r.FieldsPerRecord = -1
		head, err := r.Read()
		if err != nil {
			return err
		}
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
			for i, cell := range rec {
				col := ""
				if i < len(head) {
					col = head[i]
				}
				if sc.lang == "en" && enDataKeys[col] || sc.lang == "zh" && zhDataKey(col) {
					continue
				}
				sc.text(rel+" column "+col, cell, true)
			}
		}
	case ".xlsx":
		// The workbook's sheets are tables for people: every cell but
		// a sheet's header row (the column ids) is scanned as text.
		f, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			return err
		}
		defer f.Close()
		for _, sh := range f.GetSheetList() {
			sc.text(rel+" sheet name", sh, false)
			rows, err := f.GetRows(sh)
			if err != nil {
				return err
			}
			for _, row := range rows {
				for _, cell := range row {
					sc.text(rel+" sheet "+sh, cell, false)
				}
			}
		}
	case ".docx":
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return err
		}
		for _, zf := range zr.File {
			if zf.Name != "word/document.xml" {
				continue
			}
			rc, err := zf.Open()
			if err != nil {
				return err
			}
			x, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return err
			}
			// One paragraph a line; runs of a paragraph joined.
			t := regexp.MustCompile(`</w:p>`).ReplaceAllString(string(x), "\n")
			sc.text(rel, html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(t, "")), false)
		}
	case ".svg":
		sc.svgs++
		for _, m := range svgText.FindAllStringSubmatch(string(b), -1) {
			sc.svgTexts++
			sc.text(rel, html.UnescapeString(m[1]), false)
		}
	case ".json":
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		sc.json(rel, "", v)
	}
	return nil
}

func (sc *langScanner) json(where, key string, v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if sc.lang == "en" && enDataKeys[k] || sc.lang == "zh" && zhDataKey(k) {
				continue
			}
			sc.json(where, k, x)
		}
	case []any:
		for _, x := range v {
			sc.json(where, key, x)
		}
	case string:
		sc.text(where+" key "+key, v, true)
	}
}

func (sc *langScanner) report() {
	sc.t.Helper()
	var ws []string
	for w := range sc.leaks {
		ws = append(ws, w)
	}
	sort.Strings(ws)
	for _, w := range ws {
		ls := sc.leaks[w]
		if len(ls) > 8 {
			ls = append(ls[:8], fmt.Sprintf("… and %d more", len(ls)-8))
		}
		sc.t.Errorf("%s output: %s: %d leak(s):\n\t%s", sc.lang, w, len(sc.leaks[w]), strings.Join(ls, "\n\t"))
	}
}

// The English record of the previous plan quotes its Chinese cells and
// says each thing once (it printed "definition changed (口径调整), not
// compared: 口径调整: …"); the Chinese totals write counts as Chinese does.
func TestRecordInOneLanguage(t *testing.T) {
	en, errs, code := fyp(t, "review", "--plan", "jiangjin-13", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, w := range []string{"“4.8(减税降费影响)”", "(the record prints “21(口径调整)”): the definition was changed, so 21 is not comparable with the target 25",
		"no number in the record, which prints “七人普数据尚未反馈”: the 7th census data had not come back"} {
		if !strings.Contains(en, w) {
			t.Errorf("the English record lacks %q", w)
		}
	}
	if strings.Contains(quoted.ReplaceAllString(en, ""), "口径调整") {
		t.Errorf("the English record prints 口径调整 unquoted:\n%s", en)
	}
	zh, _, _ := fyp(t, "review", "--plan", "jiangjin-13")
	if !strings.Contains(zh, "合计：已实现25项，未实现7项，不可比3项，市下达1项，无记录3项") {
		t.Errorf("the Chinese record's totals:\n%s", zh)
	}
}

// Chinese tables name the projection rules in Chinese; English ones print
// the keyword a scenario file uses.
func TestRuleLabel(t *testing.T) {
	for _, tt := range []struct {
		rule   model.RuleKind
		zh, en string
	}{
		{model.RuleCompound, "复合增长", "compound"}, {model.RuleLinear, "线性", "linear"}, {model.RuleLogistic, "逻辑斯谛", "logistic"},
		{model.RuleHold, "保持不变", "hold"}, {model.RulePlan, "规划路径", "plan"}, {model.RuleDerived, "推算", "derived"},
	} {
		if zh, en := ruleLabel(tt.rule, "zh"), ruleLabel(tt.rule, "en"); zh != tt.zh || en != tt.en {
			t.Errorf("%s: %q / %q, want %q / %q", tt.rule, zh, en, tt.zh, tt.en)
		}
	}
	for _, r := range model.Rules {
		if ruleLabel(r, "zh") == string(r) {
			t.Errorf("rule %s has no Chinese name", r)
		}
	}
}
