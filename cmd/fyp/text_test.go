package main

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// Output polish (issue 12 §6): each test reproduces one finding of a user
// trial and fails on the output as it was.

func TestReviewTitleSaysAsOf(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{
		{"en", "Mid-term review as of 2023 · "},
		{"zh", "中期评估（截至2023年）· "},
	} {
		out, errs, code := fyp(t, "review", "--observed", "testdata/observed-example.csv", "--as-of", "2023", "--lang", tc.lang)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		title, _, _ := strings.Cut(out, "\n")
		if !strings.HasPrefix(title, tc.want) || strings.HasSuffix(title, "2023") {
			t.Errorf("%s title = %q, want it to start %q and not to end in the year", tc.lang, title, tc.want)
		}
	}
}

// The rebased 2020 urbanization figure stands on line 21 of
// testdata/observed-example.csv (6 comment lines, the header on line 7).
func TestReviewReasonNamesFileLine(t *testing.T) {
	out, errs, code := fyp(t, "review", "--observed", "testdata/observed-example.csv", "--as-of", "2023", "--lang", "en", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rows []struct {
		ID     string   `json:"id"`
		Reason string   `json:"reason"`
		Notes  []string `json:"notes"`
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	reason := ""
	for _, r := range rows {
		if r.ID == "urbanization_rate" {
			reason = strings.Join(append([]string{r.Reason}, r.Notes...), "; ")
		}
	}
	if !strings.Contains(reason, "line 21 of the file") || strings.Contains(reason, "row 21") {
		t.Errorf("urbanization reason = %q, want it to name line 21 of the file", reason)
	}
}

// A number before a unit that names a power of ten reads as two numbers
// ("650 100 million yuan"): English prose folds it (65 billion yuan).
func TestEnglishAmounts(t *testing.T) {
	out, errs, code := fyp(t, "check", "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if m := regexp.MustCompile(`[0-9] (100 million|10,000) `).FindString(out); m != "" {
		t.Errorf("check --lang en prints %q", m)
	}
	// 专栏 江津工业生产力布局: 德感工业园 650亿元 in 2025, 年均增长40亿元.
	for _, want := range []string{"65 billion yuan in 2025 with 4 billion yuan a year", "+4 billion yuan/yr"} {
		if !strings.Contains(out, want) {
			t.Errorf("check --lang en lacks %q", want)
		}
	}
}

func TestSectionInEnglish(t *testing.T) {
	out, errs, code := fyp(t, "targets", "--lang", "en", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := len(recs[0]) - 1
	if recs[0][col] != "Section" {
		t.Fatalf("last column %q, want Section", recs[0][col])
	}
	for _, r := range recs[1:] {
		if strings.ContainsFunc(r[col], func(c rune) bool { return unicode.Is(unicode.Han, c) }) {
			t.Fatalf("%s: section %q under --lang en", r[1], r[col])
		}
	}
	if recs[1][col] != "Ch. 1 §4" {
		t.Errorf("gdp section %q, want Ch. 1 §4 (第一章第四节)", recs[1][col])
	}
}

// TestSolveOneLanguage: apart from the ids the user typed, zh output holds
// no English and en output no Chinese, whether or not a solution exists.
func TestSolveOneLanguage(t *testing.T) {
	han := func(c rune) bool { return unicode.Is(unicode.Han, c) }
	latin := regexp.MustCompile(`[A-Za-z]{2,}`)
	ids := strings.NewReplacer("[baseline]", "", "gdp_per_capita@2025", "", "gdp.rate", "", "gdp", "", "1e-6", "")
	for _, hi := range []string{"100", "3"} {
		zh, errs, code := fyp(t, "solve", "--target", "gdp_per_capita@2025", "--vary", "gdp.rate", "--hi", hi)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if m := latin.FindString(ids.Replace(zh)); m != "" {
			t.Errorf("zh solve (--hi %s) has %q: %s", hi, m, zh)
		}
		en, errs, code := fyp(t, "solve", "--target", "gdp_per_capita@2025", "--vary", "gdp.rate", "--hi", hi, "--lang", "en")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if strings.ContainsFunc(en, han) {
			t.Errorf("en solve (--hi %s) has Chinese: %s", hi, en)
		}
	}
}

// The urban-rural income ratio (down, 1.92 → 1.9) is 1.86 in 2023 in the
// example file: met already, so nothing is required of 2024–2025.
func TestAchievedTargetRequiresNoPace(t *testing.T) {
	js, errs, code := fyp(t, "review", "--observed", "testdata/observed-example.csv", "--as-of", "2023", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rows []struct {
		ID                string   `json:"id"`
		Category          string   `json:"category"`
		RequiredRemaining *float64 `json:"required_rate_remaining_pct"`
		Multiple          *float64 `json:"required_multiple_of_observed"`
	}
	if err := json.Unmarshal([]byte(js), &rows); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		if r.ID != "urban_rural_income_ratio" {
			continue
		}
		found = true
		if r.Category != "achieved_early" {
			t.Fatalf("urban_rural_income_ratio category %q, want achieved_early", r.Category)
		}
		if r.RequiredRemaining != nil || r.Multiple != nil {
			t.Errorf("achieved target: required_rate_remaining_pct %v, multiple %v, want null", *r.RequiredRemaining, r.Multiple)
		}
	}
	if !found {
		t.Fatal("no urban_rural_income_ratio row")
	}
	out, errs, code := fyp(t, "review", "--observed", "testdata/observed-example.csv", "--as-of", "2023", "--lang", "en", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, r := range recs[1:] {
		if r[0] == "urban_rural_income_ratio" && (r[col["required_rate_remaining"]] != "" || r[col["multiple"]] != "") {
			t.Errorf("achieved target still shows a required pace in CSV: %q, multiple %q", r[col["required_rate_remaining"]], r[col["multiple"]])
		}
	}
	tbl, _, _ := fyp(t, "review", "--observed", "testdata/observed-example.csv", "--as-of", "2023", "--lang", "en")
	for _, line := range strings.Split(tbl, "\n") {
		if strings.Contains(line, "Urban-rural income ratio") && (strings.Contains(line, "+0.02") || !strings.Contains(line, " none ")) {
			t.Errorf("achieved target row: %s", line)
		}
	}
}

// CSV numeric columns hold numbers or nothing: "—" is for the screen.
func TestCSVHasNoDash(t *testing.T) {
	for _, args := range [][]string{
		{"assess", "--format", "csv", "--scope", "all"},
		{"targets", "--format", "csv"},
		{"project", "--format", "csv"},
		{"review", "--observed", "testdata/observed-example.csv", "--as-of", "2023", "--format", "csv"},
		{"review", "--plan", "jiangjin-13", "--format", "csv"},
	} {
		out, errs, code := fyp(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		for i, r := range recs {
			for j, c := range r {
				if c == "—" {
					t.Fatalf("%v: row %d column %q is \"—\"", args, i+1, recs[0][j])
				}
			}
		}
	}
}

func TestVersion(t *testing.T) {
	out, errs, code := fyp(t, "--version")
	if code != 0 || !strings.HasPrefix(out, "fyp ") {
		t.Errorf("fyp --version: exit %d, %q %q", code, out, errs)
	}
	_, errs, code = fyp(t, "--lang", "en", "--versoin")
	if code != 2 || !strings.Contains(errs, "(see 'fyp --help')") {
		t.Errorf("fyp --versoin: exit %d, %q, want 2 and (see 'fyp --help')", code, errs)
	}
	_, errs, _ = fyp(t, "assess", "--bogus", "--lang", "en")
	if !strings.Contains(errs, "(see 'fyp assess --help')") {
		t.Errorf("fyp assess --bogus: %q, want (see 'fyp assess --help')", errs)
	}
	_, errs, _ = fyp(t, "assess", "--bogus") // Chinese, the default
	if !strings.Contains(errs, "未知的选项：--bogus（见 fyp assess --help）") {
		t.Errorf("fyp assess --bogus: %q, want 未知的选项：--bogus（见 fyp assess --help）", errs)
	}
	bi := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "fyp", Version: "v1.2.0"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "86dcc9d0123456789abcdef"}, {Key: "vcs.time", Value: "2026-12-02T04:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	if got, want := versionOf(bi), "v1.2.0, commit 86dcc9d01234+modified (2026-12-02T04:00:00Z), go1.26.8"; got != want {
		t.Errorf("versionOf = %q, want %q", got, want)
	}
}

// TestCompareCSVSideBySide: compare's CSV holds one row per target with the
// scenarios side by side (it was assessment.csv, byte for byte), and each
// scenario's cells are what `fyp assess -s SCENARIO --format csv` says.
func TestCompareCSVSideBySide(t *testing.T) {
	out, errs, code := fyp(t, "compare", "-s", "baseline", "-s", "low", "--format", "csv", "--scope", "all")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	cmp, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantHead := "id,year,kind,bound,target,baseline_projected,baseline_met,baseline_margin,low_projected,low_met,low_margin,relative_to"
	if got := strings.Join(cmp[0], ","); got != wantHead {
		t.Fatalf("header %s, want %s", got, wantHead)
	}
	for si, sc := range []string{"baseline", "low"} {
		as, errs, code := fyp(t, "assess", "-s", sc, "--format", "csv", "--scope", "all")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		rows, err := csv.NewReader(strings.NewReader(as)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(cmp) {
			t.Fatalf("compare has %d rows, assess -s %s %d", len(cmp), sc, len(rows))
		}
		// assess: id,scenario,year,kind,bound,target,projected,met,margin,…
		for i, r := range rows[1:] {
			c := cmp[i+1]
			got := []string{c[0], c[1], c[2], c[3], c[4], c[5+3*si], c[6+3*si], c[7+3*si]}
			want := []string{r[0], r[2], r[3], r[4], r[5], r[6], r[7], r[8]}
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("row %d, %s: compare %v, assess %v", i+2, sc, got, want)
			}
		}
	}
	// Per-capita GDP 2025 (7.9 → 10万元) needs GDP growth of 6 % a year with
	// the population the targets imply: met under the plan's rates (baseline),
	// missed under GDP 4.5 % a year (scenarios/low.yaml).
	for _, c := range cmp[1:] {
		if c[0] == "gdp_per_capita" && c[1] == "2025" && (c[6] != "true" || c[9] != "false") {
			t.Errorf("gdp_per_capita@2025 met: baseline %s, low %s; want true, false", c[6], c[9])
		}
	}
}

// The workbook's review sheet agrees with the table: an achieved target
// requires no pace.
func TestAchievedTargetInWorkbook(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "report")
	if _, errs, code := fyp(t, "report", "-s", "baseline", "--observed", "testdata/observed-example.csv", "--as-of", "2023", "--lang", "en", "--out", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "fyp-tables.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[0]
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range rows[1] {
		if h == "Required" || strings.HasPrefix(h, "Required") {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("no Required column in %q: %v", sheet, rows[1])
	}
	found := false
	for _, r := range rows[2:] {
		if len(r) > col && strings.Contains(r[1], "Urban-rural income ratio") {
			found = true
			if r[col] != "none" {
				t.Errorf("achieved target: Required = %q, want none", r[col])
			}
		}
	}
	if !found {
		t.Error("no urban-rural income ratio row in the workbook")
	}
}
